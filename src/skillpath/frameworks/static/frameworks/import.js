// Show upload progress on the framework import page, then an "importing" bar.
document.addEventListener("htmx:xhr:progress", function (event) {
  var bar = document.getElementById("import-progress-bar");
  var box = document.getElementById("import-progress");
  var text = document.getElementById("import-progress-text");
  if (!bar || !box || !event.detail.lengthComputable) { return; }
  box.hidden = false;
  var percent = Math.round((event.detail.loaded / event.detail.total) * 100);
  bar.value = percent;
  text.textContent = box.dataset.uploading.replace("%s", percent);
  if (percent >= 100) {
    bar.removeAttribute("value");
    text.textContent = box.dataset.importing;
  }
});
document.addEventListener("htmx:beforeRequest", function (event) {
  var box = document.getElementById("import-progress");
  if (box && event.detail.elt && event.detail.elt.id === "import-form") {
    box.hidden = false;
    var button = document.getElementById("import-submit");
    if (button) { button.setAttribute("aria-disabled", "true"); }
  }
});
