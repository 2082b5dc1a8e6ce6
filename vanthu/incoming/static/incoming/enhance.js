/* Incoming screens: the "chờ tiếp nhận" queue and the files of a document.
   HTMX replaces an item or the files section in place; a refused form (400) is shown too,
   with the cursor in its first field with an error. Every form works without this file. */
(function () {
  "use strict";

  /* A refusal answers 400 with the form and its messages: swap it in like a success. */
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (event.detail.xhr.status === 400 && target && target.hasAttribute("data-swap-errors")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  /* After a swap: the first invalid field, else what the fragment marks for focus. */
  document.body.addEventListener("htmx:afterSettle", function (event) {
    var root = event.detail.elt && event.detail.elt.isConnected ? event.detail.elt : document;
    var found = root.querySelector ? root.querySelector("[aria-invalid='true'], [data-autofocus]") : null;
    if (!found && event.detail.target && event.detail.target.id) {
      found = document.getElementById(event.detail.target.id);
      if (found) { found = found.querySelector("[aria-invalid='true'], [data-autofocus]"); }
    }
    if (found) { found.focus(); }
  });

  /* Drag-and-drop onto the files zone fills the ordinary file input (the zone is replaced
     by HTMX, so the listeners sit on the document). */
  function zoneOf(event) {
    return event.target.closest ? event.target.closest("[data-attach-form] [data-dropzone]") : null;
  }
  function showName(zone, input) {
    var shown = zone.querySelector("[data-dropzone-file]");
    if (shown && input.files && input.files.length) { shown.textContent = "Đã chọn: " + input.files[0].name; }
  }
  ["dragenter", "dragover"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var zone = zoneOf(event);
      if (zone) { event.preventDefault(); zone.classList.add("is-over"); }
    });
  });
  document.addEventListener("dragleave", function (event) {
    var zone = zoneOf(event);
    if (zone) { zone.classList.remove("is-over"); }
  });
  document.addEventListener("drop", function (event) {
    var zone = zoneOf(event);
    if (!zone) { return; }
    event.preventDefault();
    zone.classList.remove("is-over");
    var input = zone.querySelector("input[type='file']");
    if (input && event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      showName(zone, input);
    }
  });
  document.addEventListener("change", function (event) {
    var zone = zoneOf(event);
    if (zone && event.target.type === "file") { showName(zone, event.target); }
  });
})();
