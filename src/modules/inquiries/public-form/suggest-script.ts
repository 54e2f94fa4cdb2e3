import { shortHash } from '../../../platform/http/conditional.js';

// The public form's only script, progressive enhancement: the form works without it. As the person
// types the question (after a pause), it asks the public FAQ's search API for the entries that
// match and shows up to three, each asking "did this answer your question?". "Yes" counts a
// deflection and puts the form away (nothing is sent; "ask anyway" brings it back as it was); "No"
// removes that entry. Its words come from the page (data-* attributes): no text of its own. A
// polite live region says how many entries appeared; focus moves only when the person acts.
const SCRIPT = `"use strict";
(function () {
  var form = document.getElementById("ask-form");
  var box = document.getElementById("suggestions");
  var status = document.getElementById("suggestions-status");
  if (!form || !box || !status || !window.fetch || !window.DOMParser) return;
  var question = form.elements.namedItem("question");
  var lang = form.getAttribute("data-lang");
  var words = box.dataset;
  var dismissed = {};
  var timer = 0;
  var lastQuery = "";
  var pending = null;
  var shown = [];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  // The search marks the words found with <mark> in escaped text: read as text, never as markup.
  function plain(html) {
    return new DOMParser().parseFromString(html, "text/html").body.textContent || "";
  }
  function clear() {
    shown = [];
    box.hidden = true;
    box.textContent = "";
  }
  function render() {
    box.textContent = "";
    if (shown.length === 0) { box.hidden = true; return; }
    box.appendChild(el("h2", { id: "suggestions-title" }, words.title));
    var list = el("ul", { class: "suggestion-list" });
    shown.forEach(function (hit) {
      var item = el("li", { class: "suggestion", "data-ref": hit.ref });
      var heading = el("h3", {});
      var link = el("a", { href: hit.url, target: "_blank", rel: "noopener" }, plain(hit.highlights.question) + " ");
      link.appendChild(el("span", { class: "new-tab" }, words.newTab));
      heading.appendChild(link);
      item.appendChild(heading);
      item.appendChild(el("p", { class: "excerpt" }, plain(hit.highlights.answer)));
      var group = el("div", { role: "group", "aria-label": words.asked, class: "asked" });
      group.appendChild(el("p", {}, words.asked));
      var yes = el("button", { type: "button", class: "yes" }, words.yes);
      var no = el("button", { type: "button", class: "secondary no" }, words.no);
      yes.addEventListener("click", function () { deflect(hit); });
      no.addEventListener("click", function () { dismiss(hit); });
      group.appendChild(yes);
      group.appendChild(no);
      item.appendChild(group);
      list.appendChild(item);
    });
    box.appendChild(list);
    box.hidden = false;
  }
  function suggest() {
    var q = question.value.replace(/\\s+/g, " ").trim().slice(0, 200);
    if (q.length < 10) { lastQuery = ""; clear(); return; }
    if (q === lastQuery) return;
    lastQuery = q;
    if (pending) pending.abort();
    pending = new AbortController();
    var url = form.getAttribute("data-search") + "?q=" + encodeURIComponent(q) + "&lang=" + lang + "&limit=6";
    fetch(url, { signal: pending.signal, headers: { accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (!answer || q !== lastQuery) return;
        shown = answer.results.filter(function (hit) { return hit.isValidOnDate && !dismissed[hit.ref]; }).slice(0, 3);
        render();
        status.textContent = shown.length > 0 ? words["found-" + shown.length] : "";
      })
      .catch(function () { /* no suggestions: the form still works */ });
  }
  function dismiss(hit) {
    dismissed[hit.ref] = true;
    var index = shown.indexOf(hit);
    shown = shown.filter(function (other) { return other !== hit; });
    render();
    var next = box.querySelectorAll(".suggestion .yes")[Math.min(index, shown.length - 1)];
    (next || question).focus();
  }
  function deflect(hit) {
    fetch(form.getAttribute("data-deflect"), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ entry_ref: hit.ref, language: lang }),
    }).catch(function () { /* counted or not, the person has their answer */ });
    var done = el("div", { class: "notice deflected", tabindex: "-1", id: "deflected" });
    done.appendChild(el("h2", {}, words.deflectedTitle));
    done.appendChild(el("p", {}, words.deflectedText));
    var link = el("p", {});
    var entry = el("a", { href: hit.url }, plain(hit.highlights.question));
    link.appendChild(entry);
    done.appendChild(link);
    var again = el("button", { type: "button", class: "secondary" }, words.askAnyway);
    again.addEventListener("click", function () {
      done.remove();
      form.hidden = false;
      question.focus();
    });
    done.appendChild(again);
    form.hidden = true;
    form.parentNode.insertBefore(done, form);
    done.focus();
  }
  question.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 400);
  });
  if (question.value) suggest();
})();
`;

export const SUGGEST_SCRIPT = SCRIPT;
/** Its name carries a digest of its content: cached for a year, replaced on change. */
export const SUGGEST_SCRIPT_FILE = `ask.${shortHash(SCRIPT).slice(0, 10)}.js`;
export const SUGGEST_SCRIPT_PATH = `/faq/ask-assets/${SUGGEST_SCRIPT_FILE}`;
