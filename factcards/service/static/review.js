// The review page: make a card, review its facts, check a headline, export. Talks to the service's /v1 API.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("card-form"), status = $("status"), cardView = $("card");
  let picked = null; // a File chosen or dropped: sent as an upload, its name's suffix telling the format

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    children.flat().forEach((child) => node.append(child));
    return node;
  }

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", !!isError);
  }

  function headers(extra) {
    const token = sessionStorage.getItem("factcards-token") || $("token").value;
    return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
  }

  async function call(path, options) {
    const response = await fetch(path, { ...options, headers: headers(options && options.headers) });
    const body = (response.headers.get("content-type") || "").includes("json") ? await response.json() : await response.text();
    if (response.status === 401) {
      $("token-box").hidden = false;
      throw new Error("this service needs an access token: enter it and try again");
    }
    if (!response.ok) throw new Error(body && body.detail ? `${body.title}: ${body.detail}` : `HTTP ${response.status}`);
    return body;
  }

  async function loadSummarizers() {
    try {
      const plugins = await call("/v1/plugins");
      const names = plugins.flatMap((p) => (p.status === "loaded" ? p.summarizers : [])).sort();
      for (const name of names) $("summarizer").append(el("option", { value: name, text: name }));
    } catch (error) {
      say(error.message, true);
    }
  }

  function cardRequest() {
    const published = $("published").value, summarizer = $("summarizer").value;
    if (picked) {
      const data = new FormData();
      data.append("file", picked, picked.name);
      if (published) data.append("published", published);
      if (summarizer) data.append("summarizer", summarizer);
      return { method: "POST", body: data };
    }
    const text = $("article").value;
    if (!text.trim()) return null;
    const body = { text, ...(published ? { published } : {}), ...(summarizer ? { summarizer } : {}) };
    return { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } };
  }

  async function makeCard(event) {
    event.preventDefault();
    const request = cardRequest();
    if (!request) { say("Paste the article's text or choose a file first.", true); $("article").focus(); return; }
    const tokenValue = $("token").value;
    if (tokenValue) sessionStorage.setItem("factcards-token", tokenValue);
    form.classList.add("busy");
    form.setAttribute("aria-busy", "true");
    $("make").disabled = true;
    say("Making the card…");
    try {
      const card = await call("/v1/cards", request);
      cardView.card = card;
      $("result").hidden = false;
      $("check").hidden = false;
      $("check-result").replaceChildren();
      updateCount();
      say(`Card made: ${card.facts.length} facts, summary by ${card.summary ? card.summary.method : "none"}, in ${Math.round(card.generator.elapsed_ms)} ms.`);
    } catch (error) {
      say(`The card could not be made. ${error.message}`, true);
    } finally {
      form.classList.remove("busy");
      form.removeAttribute("aria-busy");
      $("make").disabled = false;
    }
  }

  // -- files ----------------------------------------------------------------------------

  function usePicked(file) {
    picked = file || null;
    $("article").disabled = !!picked;
    $("clear-file").hidden = !picked;
    $("file-note").textContent = picked ? `Using ${picked.name} (${Math.max(1, Math.round(picked.size / 1024))} KB).` : "";
  }

  function wireFiles() {
    const drop = $("drop");
    $("file").addEventListener("change", (event) => usePicked(event.target.files[0]));
    $("clear-file").addEventListener("click", () => { $("file").value = ""; usePicked(null); $("article").focus(); });
    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("over");
      if (event.dataTransfer.files.length) usePicked(event.dataTransfer.files[0]);
    });
  }

  // -- the headline check ------------------------------------------------------------------

  async function checkHeadline(event) {
    event.preventDefault();
    const text = $("headline").value;
    const out = $("check-result");
    if (!text.trim() || !cardView.card) return;
    $("check-button").disabled = true;
    out.replaceChildren(el("p", { class: "note", text: "Checking…" }));
    try {
      const result = await call("/v1/check", { method: "POST", body: JSON.stringify({ text, card: cardView.card }), headers: { "content-type": "application/json" } });
      out.replaceChildren(...renderCheck(result));
    } catch (error) {
      out.replaceChildren(el("p", { class: "status error", role: "alert", text: error.message }));
    } finally {
      $("check-button").disabled = false;
    }
  }

  function renderCheck(result) {
    const marked = el("p", { class: "checked", "aria-label": "The text, its checked spans marked" });
    let at = 0;
    for (const item of result.items) {
      if (item.start < at) continue;
      marked.append(result.text.slice(at, item.start));
      marked.append(el("mark", { class: item.supported ? "supported" : "unsupported", title: item.supported ? "supported by the article" : item.reason, text: item.text }));
      at = item.end;
    }
    marked.append(result.text.slice(at));
    const summary = el("p", { text: result.items.length ? `${result.supported} supported, ${result.unsupported} not supported.` : "No figures, dates or names to check in this text." });
    const list = el("ul", { class: "verdicts" }, result.items.map(verdict));
    return [marked, summary, list];
  }

  function verdict(item) {
    const support = item.support;
    const row = el("li", { "data-supported": String(item.supported) },
      el("span", { class: item.supported ? "verdict-ok" : "verdict-bad", text: item.supported ? "✓ supported" : "✗ not supported" }),
      ` “${item.text}” (${item.type})`,
      item.supported ? (support && support.by === "fact" ? `: the article's “${support.fact.text}”` : ": the same words are in the article") : `: ${item.reason}`);
    if (support && support.by === "fact") {
      const index = cardView.card.facts.findIndex((f) => f.start === support.fact.start && f.end === support.fact.end && f.type === support.fact.type);
      if (index >= 0) row.append(el("button", { type: "button", text: "show", "aria-label": `Show “${support.fact.text}” in the article`, onclick: () => cardView.selectFact(index) }));
    }
    return row;
  }

  // -- export --------------------------------------------------------------------------------

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = el("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function baseName() {
    const card = cardView.card;
    const title = (card.document.title || "card").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
    return `${title || "card"}-${card.document.sha256.slice(0, 8)}`;
  }

  function markdown(card) {
    const cell = (text) => String(text).replace(/\s+/g, " ").replace(/\|/g, "\\|");
    const reviewed = new Map(card.review.facts.map((r) => [r.fact, r]));
    const lines = [`# ${card.document.title || "Untitled article"}`, ""];
    if (card.summary) lines.push("## Summary", "", card.summary.text, "");
    lines.push("## Facts", "", "| type | text | value | review |", "|---|---|---|---|");
    card.facts.forEach((f, i) => {
      const r = reviewed.get(i);
      const review = r ? (r.status === "corrected" ? `corrected: ${r.correction}` : r.status) : "not reviewed";
      const value = Object.entries(f.value).filter(([, v]) => v !== null && typeof v !== "object").map(([k, v]) => `${k}=${v}`).join(", ");
      lines.push(`| ${f.type} | ${cell(f.text)} | ${cell(value)} | ${cell(review)} |`);
    });
    const findings = (card.summary && card.summary.checks) || [];
    if (findings.length) lines.push("", "## Consistency findings", "", ...findings.map((f) => `- “${f.text}” (${f.type}): ${f.reason}`));
    if (card.diagnostics.length) lines.push("", "## Diagnostics", "", ...card.diagnostics.map((d) => `- ${d.level} [${d.plugin || "core"}] ${d.stage}: ${d.message}`));
    lines.push("", `Reviewed by ${card.review.reviewer || "(unnamed)"} at ${card.review.reviewed_at}.`);
    return lines.join("\n") + "\n";
  }

  function updateCount() {
    const card = cardView.card;
    if (!card) return;
    const review = cardView.review;
    const counts = { accepted: 0, rejected: 0, corrected: 0 };
    review.facts.forEach((r) => { counts[r.status] += 1; });
    $("review-count").textContent = `${review.facts.length} of ${card.facts.length} facts reviewed (${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.corrected} corrected)`;
  }

  form.addEventListener("submit", makeCard);
  $("check-form").addEventListener("submit", checkHeadline);
  $("export-json").addEventListener("click", () => download(`${baseName()}.json`, "application/json", JSON.stringify(cardView.reviewedCard($("reviewer").value.trim()), null, 2) + "\n"));
  $("export-md").addEventListener("click", () => download(`${baseName()}.md`, "text/markdown", markdown(cardView.reviewedCard($("reviewer").value.trim()))));
  cardView.addEventListener("review-change", updateCount);
  wireFiles();
  loadSummarizers();
})();
