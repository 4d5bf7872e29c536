// Keep a survey going when the phone loses its signal. After the page has loaded, start the
// worker (offline-worker.js, served as /sw.js, scope /s/: survey pages only). Without
// JavaScript, or in kiosk mode, the survey works online as before and nothing is kept.
(function () {
  "use strict";
  var worker = navigator.serviceWorker;
  if (!worker || !window.indexedDB) return;
  var slug = location.pathname.split("/")[2];

  function tell(type) {
    if (!worker.controller) return;
    worker.controller.postMessage({
      type: type,
      slug: slug,
      path: location.pathname + location.search,
      lang: document.documentElement.lang,
      easy: document.body.classList.contains("easy")
    });
  }

  // The worker answers with where this survey's answers are: tests and offline-page.js read it.
  worker.addEventListener("message", function (event) {
    if (event.data && event.data.slug === slug) {
      document.documentElement.setAttribute("data-phone", event.data.state);
    }
  });
  worker.addEventListener("controllerchange", function () { tell("hello"); });
  window.addEventListener("online", function () { tell("sync"); });
  window.addEventListener("load", function () {
    worker.register("/sw.js", { scope: "/s/" }).then(function () { tell("hello"); });
  });
})();
