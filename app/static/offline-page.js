// A survey page kept on the phone (the worker serves it when there is no signal): fill in the
// answers the worker holds, say whether they are saved on this phone or sent, and show the
// server's own error messages when an answer needs fixing.
(function () {
  "use strict";
  const worker = navigator.serviceWorker;
  const words = JSON.parse(document.getElementById("offline-data").textContent);
  const status = document.getElementById("phone-status");
  const form = document.querySelector("form[data-type]");
  const rows = document.querySelectorAll(".summary-row[data-key]");
  const slug = location.pathname.split("/")[2];
  let polling = null;

  function say(reply) {
    // On the thank-you page, answers no longer on the phone have been sent.
    const state = !form && !rows.length && (reply.state === "none" || reply.state === "mirror")
      ? "sent" : reply.state;
    const text = reply.message || { device: words.saving, waiting: words.waiting, sent: words.sent }[state];
    if (text && status.textContent !== text) status.textContent = text;
    // While answers wait, ask the worker to try again now and then: "online" events can lie.
    if (state === "waiting" && !polling) polling = setInterval(() => ask("sync"), 20000);
    if (state !== "waiting" && polling) polling = clearInterval(polling);
  }

  function fillQuestion(reply) {
    if (!reply.key) return;
    const caption = document.querySelector("[data-caption]");
    caption.textContent = words.caption.replace("%(number)d", reply.number).replace("%(total)d", reply.total);
    document.querySelector("a.back").href = reply.back;
    if (reply.changing) form.action += "?change=1";
    const value = reply.answers[reply.key];
    if (value === undefined || value === null) return;
    const values = Array.isArray(value) ? value : [value];
    const boxes = form.querySelectorAll("input[type=radio], input[type=checkbox]");
    let ticked = false;
    boxes.forEach((box) => {
      if (values.includes(box.value)) ticked = box.checked = true;
    });
    const typed = document.getElementById("answer");
    if (!ticked && typed && typed.type !== "radio") typed.value = value;
    // Words typed in a box under an answer, and the box shown as answers.js would.
    form.querySelectorAll("input[name^=words_]").forEach((box) => {
      const words = reply.answers[box.name.slice("words_".length)];
      if (words) box.value = words;
    });
    form.dispatchEvent(new Event("change"));
  }

  function fillCheck(reply) {
    const shown = reply.shown || [];
    rows.forEach((row) => {
      const key = row.getAttribute("data-key");
      row.hidden = !shown.includes(key);
      const cell = row.querySelector("[data-answer]");
      const value = reply.answers[key];
      const labels = words.labels[key] || {};
      cell.textContent = "";
      if (value === null || value === undefined) {
        cell.textContent = words.not_answered;
      } else if (Array.isArray(value)) {
        const list = cell.appendChild(document.createElement("ul"));
        value.forEach((item) => {
          list.appendChild(document.createElement("li")).textContent = labels[item] || item;
        });
      } else if (labels[value]) {
        cell.textContent = labels[value];
      } else {
        const typed = cell.appendChild(document.createElement("bdi"));
        typed.dir = "auto";
        typed.textContent = value;
      }
    });
    // A section whose questions are all skipped loses its heading too.
    document.querySelectorAll("[data-section]").forEach((section) => {
      section.hidden = !section.querySelector(".summary-row:not([hidden])");
    });
    const id = document.querySelector("input[name=response_id]");
    if (id) id.value = reply.response_id || "";
  }

  // The same markup as the error_summary and _hint_and_error macros in forms.html.
  function showProblem(problem) {
    const [name, count] = problem.split(":");
    const message = (words.problems[name] || words.problems.required).replace("999999", count || "");
    const summary = document.createElement("div");
    summary.className = "error-summary";
    summary.setAttribute("role", "alert");
    summary.setAttribute("aria-labelledby", "error-summary-title");
    summary.tabIndex = -1;
    const title = summary.appendChild(document.createElement("h2"));
    title.id = "error-summary-title";
    title.textContent = words.problem;
    const link = summary.appendChild(document.createElement("ul")).appendChild(document.createElement("li"))
      .appendChild(document.createElement("a"));
    link.href = "#answer";
    link.textContent = message;
    const caption = document.querySelector(".caption");
    caption.parentNode.insertBefore(summary, caption);
    const group = form.querySelector(".group");
    group.classList.add("group-error");
    const error = document.createElement("p");
    error.className = "error-message";
    error.id = "answer-error";
    error.appendChild(document.createElement("span")).className = "vh";
    error.firstChild.textContent = words.error;
    error.appendChild(document.createTextNode(" " + message));
    const before = group.querySelector(".choices") || document.getElementById("answer");
    before.parentNode.insertBefore(error, before);
    const described = group.querySelector("fieldset") || document.getElementById("answer");
    const ids = (described.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    described.setAttribute("aria-describedby", ids.concat("answer-error").join(" "));
    document.title = words.error_title.replace("%(heading)s", document.title);
    summary.focus();
  }

  function ask(type) {
    if (worker && worker.controller) {
      worker.controller.postMessage({ type: type, slug: slug, path: location.pathname + location.search });
    }
  }

  if (!worker) return;
  worker.addEventListener("message", (event) => {
    const reply = event.data || {};
    if (reply.slug !== slug) return;
    say(reply);
    if (reply.answers && form) fillQuestion(reply);
    if (reply.answers && rows.length) fillCheck(reply);
  });
  const problem = form && form.getAttribute("data-problem");
  if (problem) showProblem(problem);
  window.addEventListener("online", () => ask("sync"));
  ask("page");
})();
