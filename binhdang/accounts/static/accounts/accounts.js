// accounts pages: "tick all / none" per unit type (bulk creation) and the print button (credentials).
// Every page works without this script.
document.addEventListener("click", function (event) {
  var printer = event.target.closest("[data-print]");
  if (printer) {
    event.preventDefault();
    window.print();
    return;
  }
  var button = event.target.closest("[data-check-group]");
  if (!button) return;
  event.preventDefault();
  var group = document.getElementById(button.getAttribute("data-check-group"));
  var value = button.getAttribute("data-check") === "all";
  group.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = value; });
});
