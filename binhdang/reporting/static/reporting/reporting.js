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

  // ------------------------------------------------------------------ the report form ([data-report-form])
  // Autosave is htmx's (hx-trigger on the form: on leaving a changed field, and after a pause in typing).
  // Here: money grouped by thousands while typing, the problems marked beside their fields, focus on the
  // first problem of a refused submit, a last save when the page is left, a warning before leaving with
  // changes not yet sent.

  function reportForm() {
    return document.querySelector("form[data-report-form]");
  }

  // "1234567" -> "1.234.567" (the separators of the page's language), keeping the decimal part.
  function groupDigits(text, group, decimal) {
    var cleaned = "";
    var seenDecimal = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (ch >= "0" && ch <= "9") cleaned += ch;
      else if (ch === decimal && !seenDecimal) { cleaned += ch; seenDecimal = true; }
      else if (ch === group) continue;
      else return text; // not a figure: leave it as typed (the server says what is wrong)
    }
    var parts = cleaned.split(decimal);
    var whole = parts[0].replace(/^0+(?=\d)/, "");
    var grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return parts.length > 1 ? grouped + decimal + parts[1] : grouped;
  }

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.matches || !field.matches("input[data-money]")) return;
    var form = field.form;
    var group = (form && form.getAttribute("data-group")) || ".";
    var decimal = (form && form.getAttribute("data-decimal")) || ",";
    var before = field.value;
    var caret = field.selectionStart === null ? before.length : field.selectionStart;
    // Keep the caret after the same number of digits.
    var digitsBefore = before.slice(0, caret).replace(/[^0-9]/g, "").length;
    var after = groupDigits(before, group, decimal);
    if (after === before) return;
    field.value = after;
    var position = 0;
    var seen = 0;
    while (position < after.length && seen < digitsBefore) {
      if (/[0-9]/.test(after.charAt(position))) seen++;
      position++;
    }
    field.setSelectionRange(position, position);
  });

  // Each field's messages are in #msg-<field id>: a field with an error there is aria-invalid.
  function markFields(form) {
    form.querySelectorAll(".field-messages[data-for]").forEach(function (box) {
      var field = document.getElementById(box.getAttribute("data-for"));
      if (!field) return;
      if (box.querySelector(".field-error")) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    });
  }

  function focusFirstProblem(form) {
    var first = form.querySelector("[aria-invalid=true]");
    if (!first) {
      var box = form.querySelector(".field-messages .field-error");
      if (box) {
        var holder = box.closest(".field-messages");
        var target = holder && document.getElementById(holder.getAttribute("data-for") || holder.id.replace(/^msg-/, ""));
        first = target || holder;
      }
    }
    if (!first) return;
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  }

  var dirty = false;
  var lastTrigger = null;

  document.addEventListener("input", function (event) {
    if (event.target.form && event.target.form.matches("[data-report-form]")) dirty = true;
  });
  document.addEventListener("change", function (event) {
    if (event.target.form && event.target.form.matches("[data-report-form]")) dirty = true;
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = reportForm();
    var elt = event.detail.elt;
    if (!form || !(elt === form || form.contains(elt))) return;
    dirty = false; // what is in the form now is on its way
    lastTrigger = elt;
  });
  ["htmx:sendError", "htmx:responseError"].forEach(function (name) {
    document.addEventListener(name, function () {
      if (reportForm()) dirty = true;
    });
  });
  document.addEventListener("htmx:afterSettle", function () {
    var form = reportForm();
    if (!form) return;
    markFields(form);
    var status = document.getElementById("save-status");
    if (status && status.querySelector(".conflict")) dirty = true; // not saved: keep warning
    var trigger = lastTrigger;
    lastTrigger = null;
    if (trigger && trigger.matches && trigger.matches("button") && status && status.hasAttribute("data-refused")) {
      focusFirstProblem(form);
    }
  });

  // The page was answered with the problems (a submit without JavaScript's htmx): go to the first.
  document.addEventListener("DOMContentLoaded", function () {
    var form = reportForm();
    if (form && document.querySelector("[data-focus-first-error]")) focusFirstProblem(form);
  });

  window.addEventListener("beforeunload", function (event) {
    if (!dirty || !reportForm()) return;
    event.preventDefault();
    event.returnValue = "";
  });
  // Leaving anyway (or the tab is closed): send what was typed one last time.
  window.addEventListener("pagehide", function () {
    var form = reportForm();
    if (!dirty || !form || !navigator.sendBeacon) return;
    dirty = false;
    navigator.sendBeacon(form.getAttribute("action"), new FormData(form));
  });
})();

// The activity log's figure under an empty field is a proposal: once something is typed in the field,
// it is no longer offered (reporting.log_figures).
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.id) return;
    var proposal = document.querySelector('[data-proposal-for="' + field.id + '"]');
    if (proposal) proposal.hidden = field.value.trim() !== "";
  });
})();
