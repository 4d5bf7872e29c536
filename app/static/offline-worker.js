// Heard's offline worker, served as /sw.js and registered by offline.js with the scope /s/, so
// it sees survey pages and never a staff page.
//
// While the signal holds, pages come from the server. When a survey starts, the worker keeps
// that survey's pages with no answers in them (one request: /s/<slug>/offline.json) and a copy
// of the answers in progress, so that it can carry on alone. If a page cannot reach the server,
// the rest of the survey runs here: pages from the cache, answers in IndexedDB under the
// response's UUID, checked with the server's rules. "Send" queues the whole response; it goes
// to /s/<slug>/answers at once if it can, and again whenever the signal returns. The phone's
// copy is deleted as soon as the server confirms it (stored, or already there) or refuses it
// for good. Answers nobody sent are deleted after a day, as the server deletes its drafts.
"use strict";

const DB_NAME = "heard";
const STORE = "responses";
const CACHE = "heard-pages-";
const HOUR = 3600 * 1000;
const recent = {}; // slug -> {state, message}: responses this worker has sent or seen refused
const loading = {}; // slug -> the promise of its pages arriving

// ---- IndexedDB: one record per response, keyed by its UUID --------------------------------

function database() {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DB_NAME, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: "id" });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
}

async function withStore(mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = work(transaction.objectStore(STORE));
    transaction.oncomplete = () => { db.close(); resolve(request.result); };
    transaction.onerror = transaction.onabort = () => { db.close(); reject(transaction.error); };
  });
}

const everything = () => withStore("readonly", (store) => store.getAll());
const remove = (id) => withStore("readwrite", (store) => store.delete(id));
function put(record) {
  record.updated = Date.now();
  return withStore("readwrite", (store) => store.put(record));
}

async function recordsOf(slug) {
  return (await everything()).filter((record) => record.slug === slug);
}

// The response being answered now (not one waiting to be sent), unless it is too old.
async function inProgress(slug) {
  for (const record of await recordsOf(slug)) {
    if (record.state === "waiting") continue;
    if (Date.now() - record.updated <= record.hours * HOUR) return record;
    await remove(record.id);
    await tidy(slug);
  }
  return null;
}

// Pages hold no answers, but nothing is kept once no response of the survey is left here.
// Not while the survey's pages are arriving: their record is written last.
async function tidy(slug) {
  if (!loading[slug] && !(await recordsOf(slug)).length) await caches.delete(CACHE + slug);
}

// ---- Routing: app/definitions/routing.py and app/respond/navigation.py, over the same data --

const isShown = (q, answers) => !q.show_if || q.show_if.answers.includes(answers[q.show_if.question]);
const shown = (record) => record.questions.filter((q) => isShown(q, record.answers));
// A text box under an answer is asked on its question's page, not on a page of its own.
const pages = (record) => shown(record).filter((q) => !q.under_answer);
const keys = (record) => pages(record).map((q) => q.key);
const underAnswers = (record, key) =>
  record.questions.filter((q) => q.under_answer && q.show_if.question === key);

// routing.reachable_pages: the pages asked so far or still possible, so "of N" never grows.
function reachable(record) {
  const ok = {};
  return record.questions.filter((q) => {
    const rule = q.show_if;
    const decided = rule && rule.question in record.answers;
    ok[q.key] = !rule || (ok[rule.question] && (!decided || rule.answers.includes(record.answers[rule.question])));
    return ok[q.key] && !q.under_answer;
  });
}

function resume(record, change) {
  const next = pages(record).find((q) => !(q.key in record.answers));
  return next ? { page: "q", key: next.key, change } : { page: "check" };
}

function after(record, key, changing) {
  if (changing) return resume(record, true);
  const order = keys(record);
  const at = order.indexOf(key);
  return at >= 0 && at + 1 < order.length ? { page: "q", key: order[at + 1] } : resume(record);
}

function back(record, key, changing) {
  if (changing) return { page: "check" };
  const order = keys(record);
  const at = order.includes(key) ? order.indexOf(key) : order.length;
  return at > 0 ? { page: "q", key: order[at - 1] } : { page: "start" };
}

function address(slug, step) {
  const root = "/s/" + slug;
  if (step.page === "start") return root;
  if (step.page === "check") return root + "/check";
  return root + "/q/" + step.key + (step.change ? "?change=1" : "");
}

// ---- One answer, read and checked as app/respond/forms.py and app/inputs.py do -------------

const MAX_DIGITS = 9;
const MINUS = ["-", "\u2212", "\ufe63", "\uff0d"];
const PLUS = ["+", "\ufe62", "\uff0b"];

// Unicode assigns decimal digits in runs of ten, 0 to 9: a digit's value is its place in the run.
function digitValue(digit) {
  const code = digit.codePointAt(0);
  let before = 0;
  while (before < 100 && /\p{Nd}/u.test(String.fromCodePoint(code - before - 1))) before += 1;
  return before % 10;
}

// inputs.whole_number: any script's digits, one sign, bidirectional marks ignored.
// Returns the number as plain ASCII ("15"), "long" for more than MAX_DIGITS digits, or null.
function wholeNumber(text) {
  let rest = text.trim().replace(/\p{Cf}/gu, "");
  let sign = "";
  if (MINUS.includes(rest[0])) [sign, rest] = ["-", rest.slice(1)];
  else if (PLUS.includes(rest[0])) rest = rest.slice(1);
  const digits = [...rest];
  if (!digits.length || !digits.every((d) => /\p{Nd}/u.test(d))) return null;
  const ascii = digits.map(digitValue).join("").replace(/^0+(?=.)/, "");
  if (ascii.length > MAX_DIGITS) return "long";
  return ascii === "0" ? "0" : sign + ascii;
}

// inputs.clean_text, then strip: no control characters but newlines and tabs, lines end \n.
function cleanText(text) {
  return String(text || "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, "")
    .trim();
}

function readAnswer(q, form) {
  if (q.type !== "text" && q.type !== "number") {
    const chosen = form.getAll("answer").filter(Boolean);
    if (!chosen.length) return q.required ? { problem: "required" } : { value: null };
    if (chosen.some((v) => !q.values.includes(v))) return { problem: "not_offered" };
    const alone = chosen.filter((v) => (q.exclusive || []).includes(v));
    if (alone.length && new Set(chosen).size > 1) return { problem: "on_its_own" };
    return { value: q.type === "multiple" ? [...new Set(chosen)] : chosen[0] };
  }
  const special = form.get("special");
  if (special) return q.values.includes(special) ? { value: special } : { problem: "not_offered" };
  const typed = cleanText(form.get("answer"));
  if (!typed) return q.required ? { problem: "required" } : { value: null };
  if (q.type === "text") {
    const length = [...typed].length;
    return length > q.max_length ? { problem: "length:" + length } : { value: typed };
  }
  const number = wholeNumber(typed);
  if (number === null) return { problem: "number" };
  if (number === "long" || Number(number) < q.min || Number(number) > q.max) return { problem: "range" };
  return { value: number };
}

// The words typed in a box under an answer: kept only when that answer was chosen.
function boxWords(box, form, value) {
  const words = cleanText(form.get("words_" + box.key));
  return words && box.show_if.answers.includes(value) ? words : null;
}

function keepAnswer(record, key, value, form) {
  record.answers[key] = value;
  for (const box of underAnswers(record, key)) record.answers[box.key] = boxWords(box, form, value);
}

// ---- The survey's pages, kept with no answers in them --------------------------------------

function loadPack(slug) {
  // The start page's "Start now" and the first question page both ask: fetch once.
  if (!loading[slug]) {
    loading[slug] = fetchPack(slug).catch(() => null).finally(() => {
      delete loading[slug];
      return tidy(slug); // a load that failed half-way leaves no pages behind
    });
  }
  return loading[slug];
}

async function fetchPack(slug) {
  let response;
  try {
    response = await fetch("/s/" + slug + "/offline.json", { credentials: "same-origin" });
  } catch (offline) {
    return null;
  }
  if (!response.ok || !(response.headers.get("Content-Type") || "").includes("json")) return null;
  const pack = await response.json();
  const current = await inProgress(slug);
  if (current && current.state === "device") return current; // the phone's own answers win
  const cache = await caches.open(CACHE + slug);
  const headers = {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": response.headers.get("Content-Security-Policy") || "",
  };
  await Promise.all(
    Object.entries(pack.pages).map(([path, html]) => cache.put(path, new Response(html, { headers }))),
  );
  for (const asset of pack.assets) {
    if (!(await cache.match(asset))) await cache.add(asset).catch(() => null);
  }
  for (const old of await recordsOf(slug)) {
    if (old.state !== "waiting" && old.id !== pack.response_id) await remove(old.id);
  }
  const record = {
    id: pack.response_id,
    slug,
    token: pack.token,
    language: pack.language,
    easy_read: pack.easy_read,
    hours: pack.hours,
    questions: pack.questions,
    answers: pack.answers,
    state: "mirror", // the server has these answers too
  };
  await put(record);
  return record;
}

async function cached(slug, path, problem) {
  const hit = await caches.match("/s/" + slug + path, { cacheName: CACHE + slug });
  if (!hit) return Response.error();
  if (!problem) return hit;
  // The page says which answer needs fixing; offline-page.js shows the server's words for it.
  const html = (await hit.text()).replace('data-problem=""', 'data-problem="' + problem + '"');
  return new Response(html, { headers: hit.headers });
}

// ---- Sending: the whole response, by UUID, so a retry never stores it twice ------------------

async function sendOne(record) {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), 15000);
  let response;
  let reply;
  try {
    response = await fetch("/s/" + record.slug + "/answers", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        response_id: record.id,
        token: record.token,
        answers: record.answers,
        language: record.language,
        easy_read: record.easy_read,
      }),
      signal: stop.signal,
    });
    reply = await response.json();
  } catch (noSignal) {
    return; // no signal, or not our server's answer: try again later
  } finally {
    clearTimeout(timer);
  }
  const confirmed = response.ok && (reply.outcome === "stored" || reply.outcome === "duplicate");
  const refused = response.status >= 400 && response.status < 500 && reply.outcome === "refused";
  if (!confirmed && !refused) return;
  await remove(record.id);
  await tidy(record.slug);
  recent[record.slug] = confirmed ? { state: "sent" } : { state: "refused", message: reply.message };
  await tellEveryone(record.slug);
}

let queue = Promise.resolve();
function sendWaiting(slug) {
  // One send at a time, so two triggers at once do not race (a race would store nothing twice).
  const run = queue.then(async () => {
    for (const record of await everything()) {
      if (record.state === "waiting" && (!slug || record.slug === slug)) await sendOne(record);
    }
  });
  queue = run.catch(() => null);
  return queue;
}

async function stillWaiting(slug) {
  return (await recordsOf(slug)).some((record) => record.state === "waiting");
}

// ---- Pages: from the server while it answers, from here once it has not -------------------

async function navigate(event, slug, rest) {
  const request = event.request;
  if (await stillWaiting(slug)) await sendWaiting(slug); // so the server forgets its draft first
  const record = await inProgress(slug);
  if (record && record.state === "device") {
    return here(record, request, rest, request.method === "POST" ? await request.formData() : null);
  }
  const form = request.method === "POST" ? await request.clone().formData() : null;
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    if (record) {
      record.state = "device"; // from now on this response is answered on the phone
      await put(record);
      return here(record, request, rest, form);
    }
    if (await stillWaiting(slug)) return cached(slug, "/saved");
    throw offline;
  }
  if (form) event.waitUntil(followServer(slug, rest, record, form, response));
  return response;
}

// Keep the copy in step with what the server accepted.
async function followServer(slug, rest, record, form, response) {
  const moved = response.type === "opaqueredirect";
  if (rest === "" && moved) {
    await loadPack(slug);
  } else if (rest === "/send" && record && (moved || response.status === 409 || response.status === 410)) {
    await remove(record.id); // the server has decided: sent, or not taken
    await tidy(slug);
  } else if (rest.startsWith("/q/") && record && moved) {
    const q = record.questions.find((question) => "/q/" + question.key === rest);
    const read = q && readAnswer(q, form);
    if (read && !read.problem) {
      keepAnswer(record, q.key, read.value, form);
      await put(record);
    }
  }
}

async function here(record, request, rest, form) {
  const slug = record.slug;
  const go = (step) => Response.redirect(address(slug, step), 303);
  if (rest === "") return form ? go(resume(record)) : cached(slug, "");
  if (rest === "/check") return resume(record).page === "check" ? cached(slug, "/check") : go(resume(record));
  if (rest === "/saved" || rest === "/sent") return cached(slug, "/saved");
  if (rest === "/send" && form) {
    if (resume(record).page !== "check") return go(resume(record));
    record.state = "waiting";
    await put(record);
    await sendWaiting(slug);
    const sent = !(await stillWaiting(slug)) && recent[slug] && recent[slug].state === "sent";
    if (!sent && self.registration.sync) await self.registration.sync.register("heard-send").catch(() => null);
    return Response.redirect("/s/" + slug + (sent ? "/sent" : "/saved"), 303);
  }
  const key = (/^\/q\/([a-z][a-z0-9_]*)$/.exec(rest) || [])[1];
  const question = key && shown(record).find((q) => q.key === key);
  if (!question) return go(resume(record));
  if (!form) return cached(slug, rest);
  const read = readAnswer(question, form);
  if (read.problem) return cached(slug, rest, read.problem);
  keepAnswer(record, key, read.value, form);
  await put(record);
  return go(after(record, key, new URL(request.url).searchParams.get("change") === "1"));
}

// ---- Talking to the pages ------------------------------------------------------------------

async function stateOf(slug) {
  const mine = await recordsOf(slug);
  const waiting = mine.some((record) => record.state === "waiting");
  const current = mine.find((record) => record.state !== "waiting");
  let state = current ? current.state : "none";
  if (waiting) state = "waiting";
  else if (state !== "device" && recent[slug]) state = recent[slug].state;
  const message = state === "refused" ? recent[slug].message : undefined;
  return { type: "state", slug, state, message };
}

async function tellEveryone(slug) {
  const state = await stateOf(slug);
  for (const client of await self.clients.matchAll({ type: "window" })) client.postMessage(state);
}

// What a page kept here needs to show its answers: its number, its back link, what was said.
async function pageFacts(slug, path) {
  const record = await inProgress(slug);
  if (!record) return {};
  const url = new URL(path, self.location.origin);
  const key = (/\/q\/([a-z][a-z0-9_]*)$/.exec(url.pathname) || [])[1];
  const changing = url.searchParams.get("change") === "1";
  const shownKeys = shown(record).map((q) => q.key);
  const facts = { answers: record.answers, shown: shownKeys, response_id: record.id };
  if (key) {
    const counted = reachable(record).map((q) => q.key);
    const number = counted.includes(key) ? counted.indexOf(key) + 1 : counted.length;
    Object.assign(facts, {
      key, number, total: counted.length, changing, back: address(slug, back(record, key, changing)),
    });
  }
  return facts;
}

async function answer(message, source) {
  const slug = message.slug;
  if (message.type === "hello" && message.path !== "/s/" + slug) {
    // A page the server sent: make sure this draft's pages are here, in this page's language.
    const record = await inProgress(slug);
    const language = record && record.language.replace("_", "-");
    if (!record || (record.state === "mirror" && (language !== message.lang || record.easy_read !== message.easy))) {
      await loadPack(slug);
    }
  }
  if (message.type !== "page") await sendWaiting();
  const reply = await stateOf(slug);
  if (message.type === "page") Object.assign(reply, await pageFacts(slug, message.path));
  source.postMessage(reply);
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("message", (event) => {
  if (event.data && event.data.slug) event.waitUntil(answer(event.data, event.source));
});
self.addEventListener("sync", (event) => {
  if (event.tag !== "heard-send") return;
  event.waitUntil(
    sendWaiting().then(async () => {
      if ((await everything()).some((record) => record.state === "waiting")) throw new Error("no signal yet");
    }),
  );
});
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  const survey = /^\/s\/([a-z0-9][a-z0-9-]*)(\/.*)?$/.exec(url.pathname);
  if (event.request.mode === "navigate" && survey) {
    event.respondWith(navigate(event, survey[1], survey[2] || ""));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(caches.match(event.request).then((hit) => hit || fetch(event.request)));
  }
});
