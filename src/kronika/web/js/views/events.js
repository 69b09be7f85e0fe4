// Events: every stored event, filtered by actor, type, modality, dates or text, each linked to its sentence.
import { get } from "../api.js";
import { h, actorChip, fmtDate, message } from "../dom.js";
import { hashFor } from "../route.js";
import { pager, filterForm } from "./articles.js";

export const PLOVER = ["", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "REJECT",
  "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const MODALITIES = ["", "asserted", "future", "historical", "hypothetical", "negated"];

/** A link to the sentence an event (or any fact with article_id, start, end) came from. */
export function evidenceLink(f, text) {
  const hl = Number.isInteger(f.start) && Number.isInteger(f.end) ? `${f.start}-${f.end}` : null;
  return h("a", { href: hashFor("article", f.article_id, { hl }), class: "evidence-link" }, text || f.evidence || f.text || f.article_id);
}

export function eventsTable(items) {
  if (!items.length) return message("info", "No events match.");
  return h("table", { class: "list" },
    h("thead", {}, h("tr", {}, ["Date", "Source", "", "Target", "Type", "Modality", "Evidence"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, items.map((e) => h("tr", { class: `mod-${e.modality || "asserted"}` },
      h("td", { class: "nowrap" }, fmtDate(e.date || e.event_date)),
      h("td", {}, actorChip(e.source && e.source.actor)), h("td", { "aria-hidden": "true" }, "→"),
      h("td", {}, actorChip(e.target && e.target.actor)),
      h("td", {}, h("strong", {}, e.type)), h("td", {}, e.modality || ""),
      h("td", {}, evidenceLink(e))))));
}

export async function eventsView(route) {
  const p = route.params;
  const keys = ["actor", "source", "target", "type", "modality", "since", "until", "text", "offset"];
  const params = Object.fromEntries(keys.map((k) => [k, p.get(k)]));
  const page = await get("events", { ...params, limit: 100 });
  const form = filterForm("events", [["actor", "Actor", "search", { size: 6 }], ["source", "Source", "search", { size: 6 }],
    ["target", "Target", "search", { size: 6 }], ["type", "Type", "select", { options: PLOVER }],
    ["modality", "Modality", "select", { options: MODALITIES }], ["since", "From", "date"], ["until", "To", "date"],
    ["text", "Text"]], p, "Search events");
  return h("div", {}, h("h1", {}, "Events"), form, eventsTable(page.items || []), pager(page, "events", params));
}
