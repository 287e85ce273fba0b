/* Small page behaviours, declared in the markup with data- attributes.
   The Content-Security-Policy allows no inline script and no hx-on (htmx runs
   those through new Function), so every page behaviour lives here. */
(function () {
  "use strict";

  // <button data-print>: print the page.
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("[data-print]") : null;
    if (target) {
      window.print();
    }
  });

  // <input data-enter-does-not-submit>: Enter in a search box does not send the form.
  document.addEventListener("keydown", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (event.key === "Enter" && target && target.hasAttribute("data-enter-does-not-submit")) {
      event.preventDefault();
    }
  });

  // <button data-expand-once hx-get=...>: once its part has loaded, the button says
  // it is expanded and steps aside.
  document.addEventListener("htmx:afterRequest", function (event) {
    var button = event.detail && event.detail.elt;
    if (button instanceof Element && button.hasAttribute("data-expand-once")) {
      button.setAttribute("aria-expanded", "true");
      button.hidden = true;
    }
  });
})();
