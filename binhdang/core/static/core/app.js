// binhdang: behaviour shared by every page, loaded from base.html.
// The Content-Security-Policy forbids inline scripts and event-handler attributes (onclick=, onchange=),
// so pages declare behaviour with data- attributes and this file attaches it. Every page still works
// without JavaScript.
(function () {
  "use strict";

  // <select data-autosubmit> (or any form field): submit its form as soon as the value changes.
  document.addEventListener("change", function (event) {
    var field = event.target.closest ? event.target.closest("[data-autosubmit]") : null;
    if (!field || !field.form) return;
    if (typeof field.form.requestSubmit === "function") {
      field.form.requestSubmit();
    } else {
      field.form.submit();
    }
  });

  // <button data-confirm="Question?">: ask before submitting (deleting, removing a device...).
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-confirm]") : null;
    if (!button) return;
    if (!window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
})();
