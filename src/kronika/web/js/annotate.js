// Annotations drawn on the article text, in the spirit of displaCy: actor mentions coloured by actor, quotes with
// their speakers, events underlined with source → target, type and modality, cited media boxed.
// Spans may overlap, so the text is cut at every span boundary and each piece is wrapped in the layers covering it.
import { h, actorHue, actorChip, fmtDate } from "./dom.js";

const ORDER = { hl: 0, quote: 1, event: 2, source: 3, actor: 4 };

function valid(sp, n) {
  return sp && Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.start >= 0 && sp.end <= n &&
    sp.start < sp.end;
}

/** Every span of the record as {kind, start, end, n (index in its list), data}. */
export function collectSpans(rec, text, highlight) {
  const n = text.length;
  const out = [];
  (rec.actors || []).forEach((a) => (a.spans || a.mentions_spans || []).forEach((m) => {
    if (valid(m, n)) out.push({ kind: "actor", start: m.start, end: m.end, data: { ...m, code: a.code, name: a.name } });
  }));
  (rec.quotes || []).forEach((q, i) => { if (valid(q, n)) out.push({ kind: "quote", start: q.start, end: q.end, n: i, data: q }); });
  (rec.events || []).forEach((e, i) => { if (valid(e, n)) out.push({ kind: "event", start: e.start, end: e.end, n: i, data: e }); });
  (rec.sources || []).forEach((src) => (src.mentions || []).forEach((m) => {
    if (valid(m, n)) out.push({ kind: "source", start: m.start, end: m.end, data: { ...m, name: src.name } });
  }));
  if (highlight && valid(highlight, n)) out.push({ kind: "hl", start: highlight.start, end: highlight.end, data: {} });
  return out;
}

export function eventLabel(e) {
  const src = (e.source && e.source.actor) || "?";
  const tgt = (e.target && e.target.actor) || "?";
  return `${src} → ${tgt} ${e.type}${e.modality && e.modality !== "asserted" ? ` (${e.modality})` : ""}`;
}

// Labels are drawn by CSS from data-* attributes (::before/::after), so the text itself stays clean for
// reading, searching and copying; the side panel lists every annotation as text.
function wrap(sp, inner, isStart, isEnd) {
  const d = sp.data;
  switch (sp.kind) {
    case "actor":
      return h("mark", { class: "a-actor", style: { "--hue": actorHue(d.code) }, "data-actor": d.code,
                         "data-label": isEnd ? d.code : null,
                         title: `${d.code} — ${d.name || ""}${d.sector ? ` (${d.sector})` : ""}` }, inner);
    case "quote":
      return h("q", { class: `a-quote kind-${d.kind || "direct"}`, "data-q": sp.n,
                      "data-speaker": isStart ? `${d.speaker || "unattributed"}:` : null,
                      title: `${d.kind || "direct"} quote${d.speaker ? ` — ${d.speaker}` : ""}` }, inner);
    case "event":
      return h("span", { class: `a-event mod-${d.modality || "asserted"}`, "data-ev": sp.n,
                         "data-label": isEnd ? `E${sp.n + 1} ${d.type}` : null, title: eventLabel(d) }, inner);
    case "source":
      return h("span", { class: "a-source", "data-label": isEnd ? "medium" : null, title: `cited medium: ${d.name}` },
        inner);
    default:
      return h("span", { class: "a-hl", id: isStart ? "hl" : null }, inner);
  }
}

/** The text as an element with every annotation layer drawn on it. */
export function annotatedText(text, rec, highlight) {
  const spans = collectSpans(rec, text, highlight);
  const cuts = new Set([0, text.length]);
  spans.forEach((sp) => { cuts.add(sp.start); cuts.add(sp.end); });
  const bounds = [...cuts].sort((a, b) => a - b);
  const root = h("div", { class: "doc", lang: rec.language || null });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i], b = bounds[i + 1];
    const active = spans.filter((sp) => sp.start <= a && sp.end >= b)
      .sort((x, y) => ORDER[y.kind] - ORDER[x.kind] || (x.end - x.start) - (y.end - y.start));
    let node = document.createTextNode(text.slice(a, b));
    for (const sp of active) node = wrap(sp, node, sp.start === a, sp.end === b);   // innermost first
    root.append(node);
  }
  return root;
}

function focusEvent(container, i) {
  container.querySelectorAll(".a-event.focus").forEach((el) => el.classList.remove("focus"));
  const els = container.querySelectorAll(`.a-event[data-ev="${i}"]`);
  els.forEach((el) => el.classList.add("focus"));
  if (els.length) els[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

function party(p) {
  if (!p) return h("span", { class: "muted" }, "?");
  return h("span", { class: "party" }, actorChip(p.actor), p.text ? h("span", { class: "muted" }, ` ${p.text}`) : null);
}

export function eventList(events, container) {
  if (!events || !events.length) return h("p", { class: "muted" }, "No events.");
  return h("ol", { class: "events" }, events.map((e, i) => h("li", { class: `mod-${e.modality || "asserted"}` },
    h("button", { type: "button", class: "linklike", onclick: () => container && focusEvent(container, i),
                  "aria-label": `show event E${i + 1} in the text` }, `E${i + 1}`),
    " ", party(e.source), h("span", { class: "arrow", "aria-label": "to" }, " → "), party(e.target), " ",
    h("strong", { class: "etype" }, e.type), " ",
    h("span", { class: `modality mod-${e.modality || "asserted"}` }, e.modality || "asserted"),
    e.goldstein !== undefined && e.goldstein !== null ? h("span", { class: "muted" }, ` · Goldstein ${e.goldstein}`) : null,
    e.evidence ? h("blockquote", { class: "evidence" }, e.evidence) : null)));
}

export function quoteList(quotes) {
  if (!quotes || !quotes.length) return h("p", { class: "muted" }, "No quotes.");
  return h("ul", { class: "quotes" }, quotes.map((q) => h("li", {},
    h("span", { class: "speaker" }, q.speaker || "unattributed"), q.speaker_actor ? [" ", actorChip(q.speaker_actor)] : null,
    h("span", { class: "muted" }, ` (${q.kind || "direct"})`), h("blockquote", {}, q.text))));
}

export function sourceList(sources) {
  if (!sources || !sources.length) return h("p", { class: "muted" }, "No cited media.");
  return h("ul", { class: "sources" }, sources.map((s) =>
    h("li", {}, s.name, s.mentions && s.mentions.length > 1 ? h("span", { class: "muted" }, ` ×${s.mentions.length}`) : null)));
}

export function actorLegend(actors) {
  if (!actors || !actors.length) return h("p", { class: "muted" }, "No actors.");
  return h("ul", { class: "legend" }, actors.map((a) => h("li", {}, actorChip(a.code, a.name), " ", a.name || "",
    h("span", { class: "muted" }, ` ×${a.mentions ?? (a.spans || []).length}`))));
}

const LAYERS = [["actor", "Actors"], ["quote", "Quotes"], ["event", "Events"], ["source", "Cited media"]];

/** The full annotated view of one record: layer switches, the text, and the side panel of lists. */
export function recordView(rec, text, highlight) {
  const docEl = annotatedText(text, rec, highlight);
  const wrapEl = h("div", { class: "annotated" });
  const toggles = h("fieldset", { class: "layers" }, h("legend", {}, "Show"),
    LAYERS.map(([k, label]) => h("label", {}, h("input", { type: "checkbox", checked: true, "data-layer": k,
      onchange: (ev) => wrapEl.classList.toggle(`hide-${k}`, !ev.target.checked) }), ` ${label}`)));
  wrapEl.append(toggles, h("div", { class: "cols" },
    h("section", { class: "text-col", "aria-label": "Annotated text" }, docEl),
    h("aside", { class: "side-col", "aria-label": "Annotations" },
      h("h3", {}, "Actors"), actorLegend(rec.actors),
      h("h3", {}, "Events"), eventList(rec.events, docEl),
      h("h3", {}, "Quotes"), quoteList(rec.quotes),
      h("h3", {}, "Cited media"), sourceList(rec.sources))));
  return wrapEl;
}

function safeUrl(u) {
  return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null;
}

export function metaLine(rec) {
  return h("p", { class: "meta" },
    rec.published ? h("time", { datetime: rec.published }, fmtDate(rec.published)) : "undated",
    rec.language ? ` · ${rec.language}` : "",
    rec.authors && rec.authors.length ? ` · ${rec.authors.join(", ")}` : "",
    safeUrl(rec.url) ? [" · ", h("a", { href: safeUrl(rec.url), rel: "noopener noreferrer", target: "_blank" }, "source")] : null);
}
