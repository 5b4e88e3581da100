/*
 * <fact-card>: renders a factcards card (the JSON of POST /v1/cards) inside any page, no framework needed.
 *
 *   <script src="https://factcards.internal/static/fact-card.js"></script>
 *   <fact-card src="/cards/2024-04-09-harbour.json"></fact-card>   <!-- or: element.card = cardJson -->
 *
 * Attributes: src (a URL answering a card's JSON), reviewable (accept / reject / correct controls).
 * Properties: card (get/set), review (the review so far), reviewedCard() (the card with its "review").
 * Events: fact-select {index, fact}, review-change {review}, card-error {message}.
 * Keyboard (inside the element): j / ArrowDown and k / ArrowUp move between facts in reading order,
 * Enter shows the selected fact in the article, a / r / c accept, reject or correct it.
 * Article text is always text: every string from a card goes through textContent, never innerHTML.
 */
(function () {
  "use strict";

  const TYPES = {
    money: { label: "money", colour: "#c9f0d3" },
    number: { label: "number", colour: "#d6e8ff" },
    percentage: { label: "percentage", colour: "#e6dcff" },
    date: { label: "date", colour: "#fff0a8" },
    time: { label: "time", colour: "#ffe1bd" },
    duration: { label: "duration", colour: "#ffd9df" },
    person: { label: "person", colour: "#ccefea" },
    quote: { label: "quote", colour: "#eceff3" },
  };
  const OTHER_COLOUR = "#e4e7eb";
  const ORDER = ["money", "number", "percentage", "date", "time", "duration", "person", "quote"];
  // status, button text, key, what a screen reader hears
  const STATUSES = [["accepted", "✓", "a", "Accept"], ["rejected", "✗", "r", "Reject"], ["corrected", "✎", "c", "Correct"]];

  const CSS = `
  [hidden] { display: none !important; }
  :host { display: block; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; }
  * { box-sizing: border-box; }
  h2 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
  h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
  .meta { color: #4a5360; margin: 0; }
  .title { font-size: 1.35rem; margin: 0 0 0.25rem; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr); gap: 1.25rem; align-items: start; }
  .text { position: sticky; top: 0.5rem; }
  @media (max-width: 1100px) { .layout { grid-template-columns: minmax(0, 1fr); } .text { position: static; } .article { max-height: 60vh; } }
  .article { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.75rem 1rem; max-height: 75vh; overflow: auto; }
  .seg { border-radius: 3px; cursor: pointer; background: transparent; color: inherit; }
  .seg.t-quote, .seg.q { text-decoration: underline dotted #59636e; text-underline-offset: 3px; }
  .seg.mention { border-bottom: 2px solid #2a9d8f; background: transparent; }
  .seg.sum { box-shadow: inset 0 -0.45em 0 #fff3d6; }
  .seg.dim, .dim { color: #59636e; }
  .seg.sel { outline: 3px solid #1d3557; outline-offset: 1px; background: #ffd166 !important; }
  .tag { font-size: 0.68em; font-weight: 600; letter-spacing: 0.02em; text-transform: uppercase; color: #33404d; margin: 0 0.15em; vertical-align: 0.35em; }
  .snum { font-size: 0.7em; font-weight: 700; color: #7a4b00; background: #fff3d6; border-radius: 3px; padding: 0 0.25em; margin-right: 0.2em; }
  .legend { display: flex; flex-wrap: wrap; gap: 0.35rem 0.9rem; padding: 0; margin: 0 0 0.5rem; list-style: none; font-size: 0.9rem; }
  .swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #8c959f; border-radius: 2px; margin-right: 0.3em; vertical-align: -0.1em; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 0.75rem; font-size: 0.92rem; }
  caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
  th, td { border-bottom: 1px solid #d8dee4; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
  th { white-space: nowrap; }
  th { background: #f3f5f7; font-weight: 600; }
  tr.fact { cursor: pointer; }
  tr.fact:focus { outline: 3px solid #1d3557; outline-offset: -3px; }
  tr.fact.sel { background: #fff4cc; }
  tr.rejected td:not(.review) { text-decoration: line-through; color: #59636e; }
  tr.accepted { background: #eefaf1; }
  .review { white-space: nowrap; }
  .review button { font: inherit; font-size: 0.85rem; line-height: 1.2; min-width: 1.8rem; padding: 0.15rem 0.3rem; margin: 0 0.15rem 0.15rem 0; border: 1px solid #8c959f; border-radius: 4px; background: #fff; color: #1b1f24; cursor: pointer; }
  .review button[aria-pressed="true"] { background: #1d3557; color: #fff; border-color: #1d3557; }
  .review input { display: block; width: 100%; min-width: 8rem; margin-top: 0.2rem; font: inherit; font-size: 0.85rem; }
  .review label.hint { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .note { color: #59636e; font-size: 0.85rem; }
  .findings li, .diagnostics li { margin-bottom: 0.25rem; }
  .level-error { color: #a40e26; font-weight: 600; }
  .level-warning { color: #7a4b00; font-weight: 600; }
  .summary button.snum { border: 0; cursor: pointer; font: inherit; font-size: 0.7em; font-weight: 700; }
  .keys { font-size: 0.85rem; color: #4a5360; }
  kbd { border: 1px solid #8c959f; border-bottom-width: 2px; border-radius: 3px; padding: 0 0.25em; font-size: 0.85em; background: #fff; }
  .empty { color: #59636e; font-style: italic; }
  `;

  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  };

  const colourOf = (type) => (TYPES[type] || {}).colour || OTHER_COLOUR;
  const labelOf = (type) => (TYPES[type] || {}).label || type.replace(/_/g, " ");

  // -- values for people ------------------------------------------------------------

  let currencyNames = null;
  function currencyName(code) {
    try {
      currencyNames = currencyNames || new Intl.DisplayNames(["en"], { type: "currency" });
      return `${currencyNames.of(code)} (${code})`;
    } catch (error) {
      return code;
    }
  }

  function amountInWords(amount) {
    if (typeof amount !== "number") return "";
    const words = new Intl.NumberFormat("en", { notation: "compact", compactDisplay: "long", maximumFractionDigits: 3 }).format(amount);
    const exact = new Intl.NumberFormat("en", { maximumFractionDigits: 6 }).format(amount);
    return words === exact ? exact : `${words} (${exact})`;
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

  function calendarDate(value) {
    if (typeof value !== "string") return null;
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) {
      const day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      return `${DAYS[day.getUTCDay()]} ${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
    }
    m = /^(\d{4})-(\d{2})$/.exec(value);
    if (m) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
    return value;
  }

  function resolvedDate(value) {
    if (!value) return "";
    if (value.value === null || value.value === undefined) return value.pattern ? `unresolved (${value.pattern})` : "unresolved";
    if (value.start || value.end) return `${calendarDate(value.start) || "?"} to ${calendarDate(value.end) || "?"}`;
    return calendarDate(value.value);
  }

  function howResolved(value) {
    const anchor = value && value.anchor ? calendarDate(String(value.anchor).slice(0, 10)) : null;
    if (value && (value.value === null || value.value === undefined) && value.resolution !== "absolute") return "needs a dateline (give the published date)";
    switch (value && value.resolution) {
      case "absolute": return "as written";
      case "year_inferred": return `year from the dateline${anchor ? ` (${anchor})` : ""}`;
      case "relative": return `relative to the dateline${anchor ? ` (${anchor})` : ""}${value.tense ? `, ${value.tense}` : ""}`;
      case "anaphoric": return `relative to the date before it${anchor ? ` (${anchor})` : ""}`;
      default: return "";
    }
  }

  function shortValue(value) {
    return Object.entries(value || {})
      .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && typeof v[0] === "object"))
      .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`)
      .join(", ");
  }

  // columns: [header, cell(fact) -> string]
  const COLUMNS = {
    money: [
      ["Text", (f) => f.text],
      ["Amount", (f) => amountInWords(f.value.amount) + (f.value.high !== undefined ? ` to ${amountInWords(f.value.high)}` : "")],
      ["Currency", (f) => currencyName(f.value.currency)],
      ["Note", (f) => [
        f.value.currency_ambiguous ? `“${f.value.currency_text || "$"}” read as ${f.value.currency}` : "",
        f.value.currency_hint ? `the sentence points to ${currencyName(f.value.currency_hint)}` : "",
        f.value.qualifier ? `qualifier: ${f.value.qualifier}` : "",
      ].filter(Boolean).join("; ")],
    ],
    number: [["Text", (f) => f.text], ["Value", (f) => String(f.value.value)], ["Kind", (f) => [f.value.kind, f.value.qualifier].filter(Boolean).join(", ")]],
    percentage: [["Text", (f) => f.text], ["Value", (f) => String(f.value.value)], ["Unit", (f) => (f.value.unit || "").replace("_", " ")]],
    date: [["Text", (f) => f.text], ["Date", (f) => resolvedDate(f.value)], ["How resolved", (f) => howResolved(f.value)]],
    time: [["Text", (f) => f.text], ["Time", (f) => f.value.value || "unresolved"], ["Zone", (f) => f.value.zone || ""]],
    duration: [["Text", (f) => f.text], ["Length", (f) => [f.value.value, f.value.modifier].filter(Boolean).join(", ")]],
    person: [["Name", (f) => f.value.name || f.text], ["Roles", (f) => (f.value.roles || []).join("; ")], ["Mentions", (f) => String((f.value.mentions || []).length)]],
    quote: [["Speaker", (f) => f.value.speaker || "unknown"], ["Quote", (f) => f.value.quote || f.text], ["Verb", (f) => f.value.verb || ""], ["Partial", (f) => (f.value.partial ? "partial" : "whole")]],
  };
  const GENERIC = [["Text", (f) => f.text], ["Value", (f) => shortValue(f.value)]];

  // -- the element -------------------------------------------------------------------

  class FactCard extends HTMLElement {
    static get observedAttributes() { return ["src", "reviewable"]; }

    constructor() {
      super();
      this._card = null;
      this._review = new Map();
      this._selected = -1;
      this._order = [];
      this.attachShadow({ mode: "open" });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      this.shadowRoot.adoptedStyleSheets = [sheet];
      this.shadowRoot.addEventListener("keydown", (event) => this._onKey(event));
    }

    attributeChangedCallback(name, previous, value) {
      if (name === "src" && value && value !== previous) this._load(value);
      else if (name === "reviewable" && this._card) this._render();
    }

    get card() { return this._card; }
    set card(value) {
      this._card = value || null;
      this._review = new Map();
      this._selected = -1;
      this._render();
    }

    get review() {
      const facts = [...this._review.entries()].sort((a, b) => a[0] - b[0]).map(([index, entry]) => ({
        fact: index, type: this._card.facts[index].type, text: this._card.facts[index].text, status: entry.status, correction: entry.status === "corrected" ? entry.correction || "" : null,
      }));
      return { reviewed_at: new Date().toISOString(), facts };
    }

    /** The card with its review under "review" (the schema describes it). */
    reviewedCard(reviewer) {
      const copy = JSON.parse(JSON.stringify(this._card));
      copy.review = { reviewer: reviewer || null, ...this.review };
      return copy;
    }

    selectFact(index, options) {
      if (!this._card || index < 0 || index >= this._card.facts.length) return;
      this._selected = index;
      const root = this.shadowRoot;
      root.querySelectorAll(".sel").forEach((node) => node.classList.remove("sel"));
      const spans = [...root.querySelectorAll(`.seg[data-covers~="${index}"]`)];
      spans.forEach((node) => node.classList.add("sel"));
      const row = root.querySelector(`tr.fact[data-fact="${index}"]`);
      root.querySelectorAll("tr.fact").forEach((node) => node.setAttribute("tabindex", node === row ? "0" : "-1"));
      if (row) {
        row.classList.add("sel");
        if (options && options.focusRow) row.focus({ preventScroll: true });
        if (!options || options.scrollRow !== false) row.scrollIntoView({ block: "nearest" });
      }
      if (spans.length && (!options || options.scrollText !== false)) spans[0].scrollIntoView({ block: "center" });
      this.dispatchEvent(new CustomEvent("fact-select", { detail: { index, fact: this._card.facts[index] }, bubbles: true, composed: true }));
    }

    async _load(url) {
      try {
        const response = await fetch(url, { headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        this.card = await response.json();
      } catch (error) {
        this._card = null;
        this.shadowRoot.replaceChildren(el("p", { class: "empty", role: "alert", text: `The card could not be loaded (${error.message}).` }));
        this.dispatchEvent(new CustomEvent("card-error", { detail: { message: error.message }, bubbles: true, composed: true }));
      }
    }

    _render() {
      const root = this.shadowRoot;
      if (!this._card) { root.replaceChildren(); return; }
      const card = this._card;
      this._order = card.facts.map((f, i) => i).sort((a, b) => card.facts[a].start - card.facts[b].start || a - b);
      root.replaceChildren(
        this._header(card),
        this._summary(card),
        this._notes(card),
        el("div", { class: "layout" }, this._article(card), this._tables(card)),
      );
    }

    _header(card) {
      const doc = card.document;
      const meta = [doc.source, doc.published && `published ${doc.published}`, `${card.facts.length} facts`].filter(Boolean).join(" · ");
      return el("header", {}, el("p", { class: "title", role: "heading", "aria-level": "2", text: doc.title || "Untitled article" }), el("p", { class: "meta", text: meta }));
    }

    _summary(card) {
      const section = el("section", { class: "summary", "aria-labelledby": "fc-summary" }, el("h2", { id: "fc-summary", text: "Summary" }));
      if (!card.summary) return section.appendChild(el("p", { class: "empty", text: "No summary." })) && section;
      const paragraph = el("p");
      card.summary.sentences.forEach((sentence, i) => {
        if (card.summary.extractive && sentence.start !== null) {
          paragraph.append(el("button", { class: "snum", type: "button", "aria-label": `Show summary sentence ${i + 1} in the article`, onclick: () => this._showSentence(i) }, `S${i + 1}`));
        }
        paragraph.append(sentence.text, " ");
      });
      const how = `${card.summary.method}${card.summary.extractive ? ", extractive: each sentence is the article's own" : ", abstractive"}`;
      section.append(paragraph, el("p", { class: "note", text: `Summarizer: ${how}.` }));
      return section;
    }

    _showSentence(i) {
      const node = this.shadowRoot.querySelector(`.seg[data-sentence="${i}"]`);
      if (node) node.scrollIntoView({ block: "center" });
    }

    _notes(card) {
      const findings = (card.summary && card.summary.checks) || [];
      const section = el("section", { class: "checks", "aria-labelledby": "fc-notes" }, el("h2", { id: "fc-notes", text: "Findings and diagnostics" }));
      section.append(el("h3", { text: `Consistency findings (${findings.length})` }));
      section.append(findings.length
        ? el("ul", { class: "findings" }, findings.map((f) => el("li", {}, el("strong", { text: `“${f.text}”` }), ` (${f.type}): ${f.reason}`)))
        : el("p", { class: "empty", text: "The summary's figures, dates and names are all supported by the article." }));
      section.append(el("h3", { text: `Diagnostics (${card.diagnostics.length})` }));
      section.append(card.diagnostics.length
        ? el("ul", { class: "diagnostics" }, card.diagnostics.map((d) => el("li", {}, el("span", { class: `level-${d.level}`, text: d.level }), ` [${d.plugin || "core"}] ${d.stage}: ${d.message}`)))
        : el("p", { class: "empty", text: "No diagnostics: every plugin ran cleanly." }));
      return section;
    }

    // -- the article, highlighted -------------------------------------------------------

    _article(card) {
      const text = card.document.text;
      const facts = card.facts;
      const marks = [];
      facts.forEach((f, i) => marks.push({ start: f.start, end: f.end, fact: i, type: f.type }));
      facts.forEach((f, i) => {
        if (f.type !== "person") return;
        for (const m of f.value.mentions || []) if (m.start !== f.start) marks.push({ start: m.start, end: m.end, fact: i, type: "person", mention: true });
      });
      const sentences = card.summary && card.summary.extractive ? card.summary.sentences.map((s, i) => ({ start: s.start, end: s.end, index: i })).filter((s) => s.start !== null) : [];
      const regions = (card.document.regions || []).filter((r) => r.kind !== "heading" && r.kind !== "byline");
      const cuts = new Set([0, text.length]);
      for (const span of [...marks, ...sentences, ...regions]) { cuts.add(span.start); cuts.add(span.end); }
      const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
      const ends = new Map();
      marks.forEach((m) => { if (!m.mention) ends.set(m.end, [...(ends.get(m.end) || []), m]); });
      const body = el("div", { class: "article", tabindex: "0", role: "document", "aria-label": "Article text with the facts highlighted" });
      for (let k = 0; k + 1 < points.length; k++) {
        const [a, b] = [points[k], points[k + 1]];
        const sentence = sentences.find((s) => s.start <= a && s.end >= b);
        body.append(this._segment(text.slice(a, b), marks.filter((m) => m.start <= a && m.end >= b), sentence, sentence && sentence.start === a, regions.some((r) => r.start <= a && r.end >= b)));
        for (const m of (ends.get(b) || []).sort((x, y) => y.start - x.start)) body.append(el("span", { class: "tag", "aria-hidden": "true", text: labelOf(m.type) }));
      }
      return el("section", { class: "text", "aria-labelledby": "fc-article" }, el("h2", { id: "fc-article", text: "Article" }), this._legend(card), body);
    }

    _segment(text, covering, sentence, opensSentence, dimmed) {
      if (!covering.length && !sentence && !dimmed) return document.createTextNode(text);
      const classes = ["seg"];
      const own = covering.filter((m) => !m.mention);
      const primary = own.filter((m) => m.type !== "quote").sort((x, y) => (x.end - x.start) - (y.end - y.start))[0] || own[0] || covering[0];
      if (primary) classes.push(primary.mention ? "mention" : `t-${primary.type}`);
      if (own.some((m) => m.type === "quote")) classes.push("q");
      if (sentence) classes.push("sum");
      if (dimmed) classes.push("dim");
      const node = el(primary ? "mark" : "span", { class: classes.join(" "), "data-covers": covering.map((m) => m.fact).join(" ") || null, "data-sentence": sentence ? sentence.index : null, "data-fact": primary ? primary.fact : null });
      if (primary && !primary.mention) node.style.backgroundColor = colourOf(primary.type);
      if (primary) {
        node.title = `${labelOf(primary.type)}${primary.mention ? " (mention)" : ""}: ${this._card.facts[primary.fact].text}`;
        node.addEventListener("click", () => this.selectFact(primary.fact, { focusRow: false, scrollText: false }));
      }
      if (opensSentence) node.append(el("span", { class: "snum", "aria-label": `summary sentence ${sentence.index + 1}:`, text: `S${sentence.index + 1}` }));
      node.append(text);
      return node;
    }

    _legend(card) {
      const counts = new Map();
      card.facts.forEach((f) => counts.set(f.type, (counts.get(f.type) || 0) + 1));
      const types = [...counts.keys()].sort((a, b) => ((ORDER.indexOf(a) + 99) % 99) - ((ORDER.indexOf(b) + 99) % 99) || a.localeCompare(b));
      const items = types.map((t) => {
        const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
        swatch.style.backgroundColor = colourOf(t);
        return el("li", {}, swatch, `${labelOf(t)} (${counts.get(t)})`);
      });
      const sumSwatch = el("span", { class: "swatch", "aria-hidden": "true" });
      sumSwatch.style.backgroundColor = "#fff3d6";
      items.push(el("li", {}, sumSwatch, "summary sentence (S1, S2...)"));
      return el("ul", { class: "legend", "aria-label": "Legend" }, items);
    }

    // -- the tables ------------------------------------------------------------------------

    _tables(card) {
      const section = el("section", { class: "facts", "aria-labelledby": "fc-facts" }, el("h2", { id: "fc-facts", text: "Facts" }));
      section.append(el("p", { class: "keys" }, el("kbd", { text: "j" }), " / ", el("kbd", { text: "k" }), " next / previous fact, ", el("kbd", { text: "Enter" }), " show it in the article",
        this.hasAttribute("reviewable") ? [", ", el("kbd", { text: "a" }), " accept, ", el("kbd", { text: "r" }), " reject, ", el("kbd", { text: "c" }), " correct"] : "", "."));
      const groups = new Map();
      card.facts.forEach((f, i) => groups.set(f.type, [...(groups.get(f.type) || []), i]));
      const types = [...groups.keys()].sort((a, b) => ((ORDER.indexOf(a) + 99) % 99) - ((ORDER.indexOf(b) + 99) % 99) || a.localeCompare(b));
      if (!types.length) section.append(el("p", { class: "empty", text: "No facts found." }));
      for (const type of types) section.append(this._table(type, groups.get(type)));
      return section;
    }

    _table(type, indexes) {
      const columns = COLUMNS[type] || GENERIC;
      const reviewable = this.hasAttribute("reviewable");
      const title = type === "quote" ? "Who said what" : type === "person" ? "People" : `${labelOf(type)[0].toUpperCase()}${labelOf(type).slice(1)}`;
      const head = el("tr", {}, columns.map(([name]) => el("th", { scope: "col", text: name })), reviewable ? el("th", { scope: "col", text: "Review" }) : null);
      const rows = indexes.map((i) => {
        const fact = this._card.facts[i];
        const row = el("tr", { class: "fact", "data-fact": i, "data-type": type, tabindex: "-1", "aria-label": `${labelOf(type)}: ${fact.text}` },
          columns.map(([, cell]) => el("td", { text: cell(fact) })), reviewable ? this._reviewCell(i) : null);
        row.addEventListener("click", (event) => { if (!event.target.closest(".review")) this.selectFact(i, { focusRow: true, scrollRow: false }); });
        return row;
      });
      if (rows.length) rows[0].setAttribute("tabindex", this._selected < 0 && type === this._card.facts[this._order[0]].type ? "0" : "-1");
      const table = el("table", { "data-type": type }, el("caption", { text: `${title} (${indexes.length})` }), el("thead", {}, head), el("tbody", {}, rows));
      return el("div", { class: "scroll" }, table);
    }

    _reviewCell(i) {
      const fact = this._card.facts[i];
      const cell = el("td", { class: "review" });
      const group = el("div", { role: "group", "aria-label": `Review of ${fact.text}` });
      for (const [status, symbol, key, label] of STATUSES) {
        group.append(el("button", { type: "button", "data-status": status, "aria-pressed": "false", "aria-label": `${label} ${fact.text}`, title: `${label} (${key})`, onclick: () => this._setReview(i, status) }, symbol));
      }
      const id = `fc-correct-${i}`;
      const input = el("input", { id, type: "text", hidden: true, placeholder: "the right value", oninput: (event) => this._correct(i, event.target.value) });
      cell.append(group, el("label", { class: "hint", for: id, text: `Correction for ${fact.text}` }), input);
      return cell;
    }

    _setReview(i, status) {
      const current = this._review.get(i);
      if (current && current.status === status) this._review.delete(i);
      else this._review.set(i, { status, correction: current ? current.correction : "" });
      const row = this.shadowRoot.querySelector(`tr.fact[data-fact="${i}"]`);
      const entry = this._review.get(i);
      row.classList.remove("accepted", "rejected", "corrected");
      if (entry) row.classList.add(entry.status);
      row.querySelectorAll("button[data-status]").forEach((b) => b.setAttribute("aria-pressed", String(!!entry && b.dataset.status === entry.status)));
      const input = row.querySelector("input");
      input.hidden = !entry || entry.status !== "corrected";
      if (!input.hidden) input.focus();
      this._changed();
    }

    _correct(i, value) {
      const entry = this._review.get(i);
      if (entry) entry.correction = value;
      this._changed();
    }

    _changed() {
      this.dispatchEvent(new CustomEvent("review-change", { detail: { review: this.review }, bubbles: true, composed: true }));
    }

    _onKey(event) {
      if (!this._card || !this._card.facts.length || event.target.closest("input, textarea, select") || event.altKey || event.ctrlKey || event.metaKey) return;
      const position = this._order.indexOf(this._selected);
      const move = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[event.key];
      if (move) {
        const next = position < 0 ? 0 : Math.min(Math.max(position + move, 0), this._order.length - 1);
        this.selectFact(this._order[next], { focusRow: true });
        event.preventDefault();
      } else if (event.key === "Enter" && this._selected >= 0) {
        this.selectFact(this._selected, { focusRow: true });
        event.preventDefault();
      } else if (this.hasAttribute("reviewable") && this._selected >= 0) {
        const status = STATUSES.find(([, , key]) => key === event.key);
        if (status) { this._setReview(this._selected, status[0]); event.preventDefault(); }
      }
    }
  }

  if (!customElements.get("fact-card")) customElements.define("fact-card", FactCard);
  window.FactCard = FactCard;
})();
