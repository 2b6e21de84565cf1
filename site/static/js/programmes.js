// Show the print button where printing works, and print when it is pressed.
document.querySelectorAll("[data-print]").forEach(function (button) {
  if (typeof window.print !== "function") return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
