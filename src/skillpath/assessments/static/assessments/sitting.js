/* After htmx shows the next question, move the keyboard and screen reader to it. */
document.body.addEventListener("htmx:afterSettle", function () {
  var heading = document.getElementById("question-heading");
  if (heading) {
    heading.focus();
  }
});
