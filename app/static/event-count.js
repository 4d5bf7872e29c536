// The facilitator page's response count, kept current every few seconds. Without this
// script the page still works: its "Refresh the count" link reloads it.
(function () {
  "use strict";
  var count = document.querySelector("[data-count-url]");
  if (!count || !window.fetch) {
    return;
  }
  var url = count.getAttribute("data-count-url");
  function update() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (reply) {
        return reply.ok ? reply.json() : null;
      })
      .then(function (data) {
        if (data && count.textContent !== data.text) {
          count.textContent = data.text;
        }
      })
      .catch(function () {
        // The laptop's server stopped or the signal dropped: the link still refreshes.
      });
  }
  window.setInterval(update, 5000);
})();
