/* VănThư: small progressive enhancements; every page works without them. */
(function () {
  "use strict";

  /* After a refused form, put the cursor in the first field with an error. */
  var invalid = document.querySelector("main [aria-invalid='true']");
  if (invalid) {
    invalid.focus();
  }

  /* Collapse the navigation behind a button on narrow screens. */
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (!toggle || !nav) {
    return;
  }
  document.documentElement.classList.add("js");
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("is-open")) {
      nav.classList.remove("is-open");
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  });
})();
