// Progressive enhancement for the feedback pages: the pages work without it.
(function () {
  "use strict";

  // "1,950 characters left", announced politely, so nobody is surprised by the limit.
  function setUpCounters() {
    document.querySelectorAll("[data-count-for]").forEach(function (output) {
      var field = document.getElementById(output.dataset.countFor);
      var limit = field && parseInt(field.dataset.countLimit, 10);
      if (!field || !limit) return;
      var format = new Intl.NumberFormat("en-GB");
      function update() {
        var left = limit - field.value.length;
        // Only spoken near the limit, not at every key press.
        output.setAttribute("aria-live", left <= 200 ? "polite" : "off");
        output.textContent = left >= 0
          ? format.format(left) + " characters left"
          : format.format(-left) + " characters too many";
      }
      output.hidden = false;
      field.addEventListener("input", update);
      update();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpCounters();
  });
})();
