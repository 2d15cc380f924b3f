// Reporting pages. No inline scripts (the CSP forbids them): behaviour is declared with data- attributes.
(function () {
  "use strict";

  // <input type="checkbox" data-select-all="CLASS">: (un)check every checkbox with that class.
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("[data-select-all]")) return;
    document.querySelectorAll("input[type=checkbox]." + box.getAttribute("data-select-all")).forEach(function (other) {
      other.checked = box.checked;
    });
  });
})();
