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
    h("thead", {}, h("tr", {}, ["Actor", "Name", "Articles", "Mentions", "Events as source", "as target"]
      .map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, items.map((a) => h("tr", {},
      h("td", {}, actorChip(a.code, a.name)), h("td", {}, a.name || ""),
      h("td", { class: "num" }, a.articles ?? ""), h("td", { class: "num" }, a.mentions ?? ""),
      h("td", { class: "num" }, a.events_as_source ?? ""), h("td", { class: "num" }, a.events_as_target ?? ""))))) :
    message("info", "No actors stored yet.");
  return h("div", {}, h("h1", {}, "Actors"), table, pager(page, "actors", { offset }));
}

export async function actorView(route) {
  const code = route.arg.toUpperCase();
  const [me, events, quotes] = await Promise.all([
    get(`actors/${encodeURIComponent(code)}`), get("events", { actor: code, limit: 50 }),
    get("quotes", { actor: code, limit: 50 })]);
  const evs = events.items || [];
  const partners = me.partners || [];
  return h("div", { class: "actor" },
    h("p", { class: "crumbs" }, h("a", { href: "#/actors" }, "← Actors")),
    h("h1", {}, actorChip(code), " ", me.name || code),
    h("p", { class: "meta" }, `${me.articles ?? 0} articles · ${me.mentions ?? 0} mentions · ` +
      `${me.events_as_source ?? 0} events as source, ${me.events_as_target ?? 0} as target · ${quotes.total ?? 0} quotes`),
    h("h2", {}, "Relations"),
    partners.length ? h("ul", { class: "partners" }, partners.slice(0, 20).map((p) => h("li", {},
      h("a", { href: hashFor("relations", "", { a: code, b: p.code }) }, `${code} ↔ ${p.code}`),
      h("span", { class: "muted" }, ` ${p.events} events (${p.as_source} as source, ${p.as_target} as target)`))))
      : h("p", { class: "muted" }, "No events with other actors."),
    h("h2", {}, "Events"), eventsTable(evs),
    events.total > evs.length ? h("p", {}, h("a", { href: hashFor("events", "", { actor: code }) }, `All ${events.total} events →`)) : null,
    h("h2", {}, "Quotes"),
    (quotes.items || []).length ? h("ul", { class: "quotes" }, quotes.items.map((q) => h("li", {},
      h("span", { class: "speaker" }, q.speaker || "unattributed"), h("span", { class: "muted" }, ` (${q.kind || "direct"})`),
      h("blockquote", {}, evidenceLink(q, q.text))))) : h("p", { class: "muted" }, "No quotes."));
}
