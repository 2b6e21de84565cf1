// A "Print this page" button on the copy of a person's data, where printing works.
(function () {
  "use strict";
  document.querySelectorAll("[data-print-page]").forEach(function (button) {
    if (typeof window.print !== "function") {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
