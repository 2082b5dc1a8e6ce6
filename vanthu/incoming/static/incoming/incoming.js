/* Incoming screens: drag-and-drop scan, issuing-agency suggestions by keyboard, Enter to submit,
   the register book following the confidentiality. Every form works without this file. */
(function () {
  "use strict";
  var form = document.querySelector("[data-register-form]");
  if (!form) { return; }

  /* Drag-and-drop onto the scan zone fills the ordinary file input. */
  var zone = form.querySelector("[data-dropzone]");
  var input = form.querySelector("#id_scan");
  var shown = form.querySelector("[data-dropzone-file]");
  function showName() {
    if (input.files && input.files.length) { shown.textContent = "Đã chọn: " + input.files[0].name; }
  }
  if (zone && input) {
    input.addEventListener("change", showName);
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("is-over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("is-over"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        showName();
      }
    });
  }

  /* Suggestions: arrows move, Enter takes, Escape closes. */
  var organ = form.querySelector("#id_organ_name");
  var box = form.querySelector("#organ-suggestions");
  function options() { return Array.prototype.slice.call(box.querySelectorAll("[role='option']")); }
  function close() { box.innerHTML = ""; organ.setAttribute("aria-expanded", "false"); organ.removeAttribute("aria-activedescendant"); }
  function take(option) { organ.value = option.getAttribute("data-value"); close(); }
  if (organ && box) {
    box.addEventListener("htmx:afterSwap", function () {
      organ.setAttribute("aria-expanded", options().length ? "true" : "false");
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
      if (event.target === box) { organ.setAttribute("aria-expanded", options().length ? "true" : "false"); }
    });
    box.addEventListener("mousedown", function (event) {
      var option = event.target.closest("[role='option']");
      if (option) { event.preventDefault(); take(option); }
    });
    organ.addEventListener("blur", function () { window.setTimeout(close, 150); });
    organ.addEventListener("keydown", function (event) {
      var list = options();
      if (!list.length) { return; }
      var index = list.findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        index = event.key === "ArrowDown" ? Math.min(index + 1, list.length - 1) : Math.max(index - 1, 0);
        list.forEach(function (o, i) { o.setAttribute("aria-selected", String(i === index)); });
        organ.setAttribute("aria-activedescendant", list[index].id);
      } else if (event.key === "Enter" && index >= 0) {
        event.preventDefault();
        take(list[index]);
      } else if (event.key === "Escape") {
        close();
      }
    });
  }

  /* Enter in the subject submits; Shift+Enter makes a new line. */
  var subject = form.querySelector("#id_subject");
  if (subject) {
    subject.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
  }

  /* The register book follows the confidentiality unless the clerk chose one. */
  var level = form.querySelector("#id_confidentiality");
  var book = form.querySelector("#id_register_book");
  if (level && book) {
    var kinds = {};
    (book.getAttribute("data-book-kinds") || "").split(" ").forEach(function (pair) {
      var parts = pair.split(":");
      if (parts.length === 2) { kinds[parts[0]] = parts[1]; }
    });
    level.addEventListener("change", function () {
      var wanted = level.value === "0" ? "incoming" : "secret_incoming";
      if (book.value && kinds[book.value] !== wanted) { book.value = ""; }
    });
  }
})();
