/* Registration from a scan: a dropped or chosen file goes to a capture job (OCR and extraction
   on the server); the page follows the job and, once extracted, fills the form and marks each
   pre-filled field with its confidence. Without this file the capture block stays hidden and
   the form works as before (the plain "Bản quét" field). */
(function () {
  "use strict";
  var form = document.querySelector("[data-register-form]");
  var box = form ? form.querySelector("[data-capture]") : null;
  if (!box || !window.fetch || !window.FormData) { return; }
  box.hidden = false;

  var input = box.querySelector("[data-capture-file]");
  var status = box.querySelector("[data-capture-status]");
  var retry = box.querySelector("[data-capture-retry]");
  var hidden = form.querySelector("input[name='capture_job']");
  var uploadUrl = box.getAttribute("data-upload-url");
  var csrf = form.querySelector("input[name='csrfmiddlewaretoken']");
  var current = null;
  var timer = null;

  function say(text, failed) {
    status.textContent = text;
    status.classList.toggle("capture-failed", !!failed);
  }

  function headers() {
    return { "X-CSRFToken": csrf ? csrf.value : "", "Accept": "application/json" };
  }

  function call(url, options) {
    options.headers = headers();
    options.credentials = "same-origin";
    return fetch(url, options).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(body.message || "Lỗi"); }
        return body;
      });
    });
  }

  function clearMarks() {
    Array.prototype.forEach.call(form.querySelectorAll("[data-capture-note]"), function (note) {
      var field = note.closest(".field");
      if (field) { field.classList.remove("capture-low", "capture-filled"); }
      note.remove();
    });
  }

  function mark(element, proposal) {
    var field = element.closest(".field");
    if (!field) { return; }
    var note = document.createElement("small");
    note.className = "capture-note";
    note.setAttribute("data-capture-note", element.name);
    note.textContent = (proposal.low ? "đề xuất — độ tin cậy thấp " : "đề xuất — độ tin cậy ") +
      proposal.percent + " %" + (proposal.low ? ", hãy kiểm tra" : "");
    field.classList.add("capture-filled");
    field.classList.toggle("capture-low", !!proposal.low);
    element.insertAdjacentElement("afterend", note);
    element.addEventListener("input", function () {
      field.classList.remove("capture-low");
      note.textContent = "đã sửa — đề xuất: " + proposal.value;
    }, { once: true });
  }

  function fill(fields, overwrite) {
    clearMarks();
    Object.keys(fields).forEach(function (name) {
      var element = form.elements.namedItem(name);
      if (!element || !element.closest) { return; }
      var proposal = fields[name];
      if (overwrite) {
        element.value = proposal.value;
        if (element.value !== proposal.value) { return; }  /* not an offered choice */
        element.dispatchEvent(new Event("change", { bubbles: true }));
      } else if (element.value !== proposal.value) {
        return;  /* a value the clerk changed after a refused submit: no mark */
      }
      mark(element, proposal);
    });
  }

  function show(job, overwrite) {
    current = job;
    window.clearTimeout(timer);
    retry.hidden = !job.failed;
    say(job.filename + ": " + job.message, job.failed);
    if (job.busy) {
      hidden.value = "";
      timer = window.setTimeout(function () { follow(job.status_url, true); }, 1000);
    } else if (job.state === "extracted") {
      hidden.value = String(job.id);
      var scan = form.querySelector("#id_scan");
      if (scan) { scan.value = ""; }
      fill(job.fields, overwrite);
    } else {
      hidden.value = "";
    }
  }

  function follow(url, overwrite) {
    call(url, { method: "GET" })
      .then(function (job) { show(job, overwrite); })
      .catch(function (error) { say(error.message, true); });
  }

  function send(file) {
    if (!file) { return; }
    clearMarks();
    hidden.value = "";
    retry.hidden = true;
    say(file.name + ": Đang nhận dạng…", false);
    var data = new FormData();
    data.append("file", file);
    call(uploadUrl, { method: "POST", body: data })
      .then(function (job) { show(job, true); })
      .catch(function (error) { say(file.name + ": " + error.message, true); });
  }

  input.addEventListener("change", function () {
    if (input.files && input.files.length) { send(input.files[0]); }
  });
  ["dragenter", "dragover"].forEach(function (name) {
    box.addEventListener(name, function (event) { event.preventDefault(); box.classList.add("is-over"); });
  });
  box.addEventListener("dragleave", function () { box.classList.remove("is-over"); });
  box.addEventListener("drop", function (event) {
    event.preventDefault();
    box.classList.remove("is-over");
    if (event.dataTransfer && event.dataTransfer.files.length) { send(event.dataTransfer.files[0]); }
  });
  retry.addEventListener("click", function () {
    if (!current) { return; }
    retry.hidden = true;
    say(current.filename + ": Đang nhận dạng…", false);
    call(current.retry_url, { method: "POST" })
      .then(function (job) { show(job, true); })
      .catch(function (error) { say(error.message, true); });
  });

  /* A refused submit comes back with the job: show its state and marks, keep the values. */
  if (hidden.value) { follow(uploadUrl + hidden.value + "/", false); }
})();
