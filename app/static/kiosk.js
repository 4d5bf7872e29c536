// Kiosk mode: before the tablet starts again for the next person, warn and let them stay.
// Without JavaScript, a <noscript> refresh starts it again after the same time, unwarned.
(function () {
  "use strict";
  var box = document.getElementById("kiosk-warning");
  if (!box) return;
  var idle = Number(box.getAttribute("data-idle")) * 1000;
  var warn = Number(box.getAttribute("data-warn")) * 1000;
  var button = box.querySelector("button");
  var timers = [];
  var before = null;

  function startAgain() {
    location.replace(box.getAttribute("data-reset"));
  }

  function show() {
    before = document.activeElement;
    box.hidden = false;
    button.focus();
  }

  function restart() {
    timers.forEach(clearTimeout);
    if (!box.hidden) {
      box.hidden = true;
      if (before && before.focus) before.focus();
    }
    timers = [setTimeout(show, idle - warn), setTimeout(startAgain, idle)];
  }

  ["pointerdown", "keydown", "input", "wheel", "touchstart"].forEach(function (name) {
    document.addEventListener(name, restart, { capture: true, passive: true });
  });
  button.addEventListener("click", restart);
  // A page brought back by Back or Forward asks the server again, which shows no sent answers.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) location.reload();
  });
  restart();
})();
