// One question per screen on small screens. Without this file every question
// shows on one page and the form works the same way.
(function () {
  "use strict";

  var SMALL_SCREEN = "(max-width: 40rem)";

  function setUp(form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-survey-step]"));
    var send = form.querySelector("[data-survey-send]");
    if (!steps.length || !send) return;
    var labels = { next: form.dataset.labelNext || "Next", back: form.dataset.labelBack || "Back" };
    var query = window.matchMedia(SMALL_SCREEN);
    var moved = false;
    var current = 0;
    var firstError = steps.findIndex(function (step) { return step.hasAttribute("data-has-error"); });
    if (firstError >= 0) current = firstError;

    steps.forEach(function (step, index) {
      var nav = document.createElement("div");
      nav.className = "survey-step__nav";
      nav.setAttribute("data-step-nav", "");
      if (index > 0) nav.appendChild(makeButton(labels.back, "button button--secondary", function () { show(index - 1); }));
      if (index < steps.length - 1) nav.appendChild(makeButton(labels.next, "button", function () { next(index); }));
      step.appendChild(nav);
    });
    // Links in the list of problems open the question they are about.
    form.querySelectorAll("[data-error-summary] a[href^='#step-']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var index = steps.findIndex(function (step) { return "#" + step.id === link.getAttribute("href"); });
        if (index >= 0 && query.matches) { event.preventDefault(); show(index); }
      });
    });

    function makeButton(text, className, onClick) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = className;
      button.textContent = text;
      button.addEventListener("click", onClick);
      return button;
    }


    // A question that needs an answer says so beside it, as the server would, and keeps its place.
    function next(index) {
      var step = steps[index];
      if (needsAnswer(step)) { sayNeeded(step); return; }
      clearNeeded(step);
      show(index + 1);
    }

    function controlsOf(step) {
      return Array.prototype.slice.call(step.querySelectorAll("input, textarea, select")).filter(function (control) {
        return control.type !== "hidden";
      });
    }

    function needsAnswer(step) {
      if (!step.dataset.requiredMessage) return false;
      return !controlsOf(step).some(function (control) {
        if (control.type === "radio" || control.type === "checkbox") return control.checked;
        return control.value.trim() !== "";
      });
    }

    // The element the question's description belongs to: its group of options, or its one box.
    function describedOf(step) {
      return step.querySelector("fieldset") || controlsOf(step)[0];
    }

    function sayNeeded(step) {
      var id = step.id + "-needed";
      var message = document.getElementById(id);
      if (!message) {
        message = document.createElement("p");
        message.id = id;
        message.className = "errorlist";
        message.setAttribute("data-step-needed", "");
        message.textContent = step.dataset.requiredMessage;
        var heading = step.querySelector("[data-step-heading]");
        heading.parentNode.insertBefore(message, heading.nextSibling);
        var described = describedOf(step);
        var ids = (described.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        ids.push(id);
        described.setAttribute("aria-describedby", ids.join(" "));
      }
      step.classList.add("field--error");
      controlsOf(step).forEach(function (control) { control.setAttribute("aria-invalid", "true"); });
      controlsOf(step)[0].focus();
    }

    function clearNeeded(step) {
      var message = document.getElementById(step.id + "-needed");
      if (!message) return;
      var described = describedOf(step);
      var ids = (described.getAttribute("aria-describedby") || "").split(" ").filter(function (part) {
        return part && part !== message.id;
      });
      if (ids.length) described.setAttribute("aria-describedby", ids.join(" "));
      else described.removeAttribute("aria-describedby");
      message.remove();
      step.classList.remove("field--error");
      controlsOf(step).forEach(function (control) { control.removeAttribute("aria-invalid"); });
    }

    function show(index) {
      current = index;
      apply();
      moved = true;
      var heading = steps[index].querySelector("[data-step-heading]");
      if (heading) heading.focus();
      window.scrollTo(0, form.getBoundingClientRect().top + window.pageYOffset - 16);
    }

    // The last question shows the send button under it.
    function apply() {
      var oneAtATime = query.matches;
      form.classList.toggle("survey-form--one-at-a-time", oneAtATime);
      form.querySelectorAll("[data-step-nav]").forEach(function (nav) { nav.hidden = !oneAtATime; });
      steps.forEach(function (step, index) { step.hidden = oneAtATime && index !== current; });
      send.hidden = oneAtATime && current !== steps.length - 1;
    }

    if (query.addEventListener) query.addEventListener("change", apply);
    apply();
    if (firstError >= 0 && !moved) {
      var summary = form.querySelector("[data-error-summary]");
      if (summary) summary.focus();
    }
  }

  document.querySelectorAll("form[data-survey-steps]").forEach(setUp);
})();
