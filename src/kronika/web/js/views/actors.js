// Actors: the list of actors in the store; one actor's events, quotes and the actors it deals with.
import { get } from "../api.js";
import { h, actorChip, message } from "../dom.js";
import { hashFor } from "../route.js";
import { pager } from "./articles.js";
import { eventsTable, evidenceLink } from "./events.js";

export async function actorsView(route) {
  const offset = route.params.get("offset");
  const page = await get("actors", { limit: 100, offset });
  const items = page.items || [];
  const table = items.length ? h("table", { class: "list" },
    h("thead", {}, h("tr", {}, ["Actor", "Name", "Articles", "Mentions", "Events"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, items.map((a) => h("tr", {},
      h("td", {}, actorChip(a.code, a.name)), h("td", {}, a.name || ""),
      h("td", { class: "num" }, a.articles ?? ""), h("td", { class: "num" }, a.mentions ?? ""),
      h("td", { class: "num" }, a.events ?? ""))))) : message("info", "No actors stored yet.");
  return h("div", {}, h("h1", {}, "Actors"), table, pager(page, "actors", { offset }));
}

/** The actors that `code` has events with, most frequent first (from the events shown). */
function partners(code, events) {
  const n = new Map();
  for (const e of events) {
    for (const other of [e.source && e.source.actor, e.target && e.target.actor]) {
      if (other && other !== code) n.set(other, (n.get(other) || 0) + 1);
    }
  }
  return [...n.entries()].sort((a, b) => b[1] - a[1]);
}

export async function actorView(route) {
  const code = route.arg;
  const [events, quotes, actors] = await Promise.all([
    get("events", { actor: code, limit: 200 }), get("quotes", { actor: code, limit: 50 }),
    get("actors", { limit: 1000 })]);
  const me = (actors.items || []).find((a) => a.code === code);
  const evs = events.items || [];
  const rel = partners(code, evs);
  return h("div", { class: "actor" },
    h("p", { class: "crumbs" }, h("a", { href: "#/actors" }, "← Actors")),
    h("h1", {}, actorChip(code), " ", me && me.name ? me.name : code),
    h("p", { class: "meta" }, `${events.total ?? evs.length} events · ${quotes.total ?? 0} quotes` +
      (me && me.articles !== undefined ? ` · ${me.articles} articles` : "")),
    h("h2", {}, "Relations"),
    rel.length ? h("ul", { class: "partners" }, rel.slice(0, 20).map(([other, k]) => h("li", {},
      h("a", { href: hashFor("relations", "", { a: code, b: other }) }, `${code} ↔ ${other}`),
      h("span", { class: "muted" }, ` ${k} events`)))) : h("p", { class: "muted" }, "No events with other actors."),
    h("h2", {}, "Events"), eventsTable(evs.slice(0, 50)),
    evs.length > 50 ? h("p", {}, h("a", { href: hashFor("events", "", { actor: code }) }, `All ${events.total} events →`)) : null,
    h("h2", {}, "Quotes"),
    (quotes.items || []).length ? h("ul", { class: "quotes" }, quotes.items.map((q) => h("li", {},
      h("span", { class: "speaker" }, q.speaker || "unattributed"), h("span", { class: "muted" }, ` (${q.kind || "direct"})`),
      h("blockquote", {}, evidenceLink(q, q.text))))) : h("p", { class: "muted" }, "No quotes."));
}
