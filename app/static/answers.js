// Answers on a question page, made quicker with a script (the server says the same without it).
// "None of these" goes on its own: ticking it unticks the others, and ticking another answer
// unticks it. A text box under one answer ("In another way") shows while that answer is chosen.
(function () {
  "use strict";
  var form = document.querySelector("form[data-type]");
  if (!form) return;
  var ticks = form.querySelectorAll("input[type=checkbox][name=answer]");
  var boxes = form.querySelectorAll(".choice-box");

  function untickOthers(changed) {
    var alone = changed.hasAttribute("data-exclusive");
    for (var i = 0; i < ticks.length; i++) {
      var other = ticks[i];
      if (other !== changed && other.checked && (alone || other.hasAttribute("data-exclusive"))) {
        other.checked = false;
      }
    }
  }

  // The answer a box belongs to is the choice just before it.
  function answerOf(box) {
    var choice = box.previousElementSibling;
    return choice && choice.querySelector("input");
  }

  function showBoxes() {
    for (var i = 0; i < boxes.length; i++) {
      var answer = answerOf(boxes[i]);
      if (!answer) continue;
      answer.setAttribute("aria-controls", boxes[i].id); // radios take no aria-expanded
      // A box with an error in it stays in view, whatever is chosen.
      boxes[i].hidden = !answer.checked && !boxes[i].querySelector(".error-message");
    }
  }

  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox" && event.target.checked) untickOthers(event.target);
    if (boxes.length) showBoxes();
  });
  if (boxes.length) showBoxes();
})();
