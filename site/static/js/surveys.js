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
      if (index < steps.length - 1) nav.appendChild(makeButton(labels.next, "button", function () { show(index + 1); }));
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
