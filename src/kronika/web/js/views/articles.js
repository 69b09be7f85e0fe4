// Articles: search and list them; one article with its annotations drawn on the text.
import { get } from "../api.js";
import { h, actorChip, fmtDate, message } from "../dom.js";
import { hashFor, go } from "../route.js";
import { recordView, metaLine } from "../annotate.js";

/** "Showing 1–50 of 120" with previous/next links that keep the other parameters. */
export function pager(page, name, params) {
  const { total = 0, limit = 50, offset = 0 } = page;
  const from = total ? offset + 1 : 0, to = Math.min(offset + limit, total);
  const link = (off, label, rel) => h("a", { href: hashFor(name, "", { ...params, offset: off || null }), rel }, label);
  return h("nav", { class: "pager", "aria-label": "Pages" },
    offset > 0 ? link(Math.max(0, offset - limit), "← previous", "prev") : null,
    h("span", { class: "muted" }, ` ${from}–${to} of ${total} `),
    offset + limit < total ? link(offset + limit, "next →", "next") : null);
}

/** A search form whose fields become the hash's parameters. */
export function filterForm(name, fields, params, label) {
  const form = h("form", { class: "filters", role: "search", "aria-label": label },
    fields.map(([key, text, type = "search", extra = {}]) => h("label", {}, h("span", {}, text),
      type === "select"
        ? h("select", { name: key }, extra.options.map((o) => h("option", { value: o, selected: params.get(key) === o }, o || "any")))
        : h("input", { type, name: key, value: params.get(key) || "", ...extra }))),
    h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const values = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v).trim()]));
    go(name, "", values);
  });
  return form;
}

export async function articlesView(route) {
  const p = route.params;
  const params = { q: p.get("q"), actor: p.get("actor"), since: p.get("since"), until: p.get("until"),
                   offset: p.get("offset") };
  const page = await get("articles", { ...params, limit: 50 });
  const form = filterForm("articles", [["q", "Text"], ["actor", "Actor code", "search", { size: 8 }],
    ["since", "From", "date"], ["until", "To", "date"]], p, "Search articles");
  const items = page.items || [];
  const table = items.length ? h("table", { class: "list" },
    h("thead", {}, h("tr", {}, ["Published", "Title", "Lang", "Actors", "Events"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, items.map((a) => h("tr", {},
      h("td", { class: "nowrap" }, fmtDate(a.published || a.published_date)),
      h("td", {}, h("a", { href: hashFor("article", a.id), class: "article-link" }, a.title || a.id)),
      h("td", {}, a.language || ""),
      h("td", { class: "chips" }, (a.actors || []).slice(0, 6).map((c) => actorChip(typeof c === "string" ? c : c.code))),
      h("td", { class: "num" }, a.n_events ?? a.events ?? ""))))) : message("info", "No articles match.");
  return h("div", {}, h("h1", {}, "Articles"), form, table, pager(page, "articles", params));
}

function parseHl(v) {
  const m = /^(\d+)-(\d+)$/.exec(v || "");
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

export async function articleView(route) {
  const art = await get(`articles/${encodeURIComponent(route.arg)}`);
  const text = art.text || "";
  return h("article", { class: "article" },
    h("p", { class: "crumbs" }, h("a", { href: "#/articles" }, "← Articles")),
    h("h1", {}, art.title || art.id), metaLine(art),
    recordView(art, text, parseHl(route.params.get("hl"))));
}
