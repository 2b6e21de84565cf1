// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // "Read this page aloud" with the browser's own speech synthesis: no outside service.
  function setUpReadAloud() {
    var button = document.querySelector("[data-read-aloud]");
    var content = document.querySelector("[data-read-aloud-content]");
    if (!button || !content || !("speechSynthesis" in window)) return;
    var label = button.querySelector("[data-read-aloud-label]");
    var startText = label.textContent;
    button.hidden = false;

    function stop() {
      window.speechSynthesis.cancel();
      button.setAttribute("aria-pressed", "false");
      label.textContent = startText;
    }

    button.addEventListener("click", function () {
      if (button.getAttribute("aria-pressed") === "true") { stop(); return; }
      var utterance = new SpeechSynthesisUtterance(content.innerText);
      utterance.lang = document.documentElement.lang || "en-GB";
      utterance.onend = stop;
      button.setAttribute("aria-pressed", "true");
      label.textContent = button.dataset.stopLabel || "Stop reading";
      window.speechSynthesis.speak(utterance);
    });
    window.addEventListener("pagehide", stop);
  }

  // Forms marked data-submit-once cannot be sent twice by a double tap.
  function setUpSubmitOnce() {
    document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (form.dataset.submitted === "true") { event.preventDefault(); return; }
        form.dataset.submitted = "true";
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.setAttribute("aria-disabled", "true"); });
      });
    });
  }

  // After a failed post, the list of things to fix takes the focus, so a
  // screen reader reads it and nobody has to hunt for what went wrong. A
  // script that has already moved the focus (a survey step) is left alone.
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary && (document.activeElement === document.body || !document.activeElement)) {
      summary.focus();
    }
  }

  // A page the browser kept in its back-forward cache is fetched afresh, so a
  // shared phone never shows the next person a form filled in by the last one.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.querySelector("form[data-forget-on-back]")) {
      window.location.reload();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    setUpReadAloud();
    setUpSubmitOnce();
    focusErrorSummary();
  });
})();

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
});
