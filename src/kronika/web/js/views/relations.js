// Relations: the cooperation–conflict score between two chosen actors over time; each point leads to its sentences.
import { get } from "../api.js";
import { h, actorChip, message } from "../dom.js";
import { hashFor, go } from "../route.js";
import { scoreChart } from "../chart.js";
import { evidenceLink } from "./events.js";

const BY = ["month", "week", "day"];

function form(params, actors) {
  const list = h("datalist", { id: "actor-codes" }, actors.map((a) => h("option", { value: a.code }, a.name || a.code)));
  const input = (name, label) => h("label", {}, h("span", {}, label),
    h("input", { type: "search", name, value: params[name] || "", list: "actor-codes", size: 8, required: true,
                 autocomplete: "off" }));
  const f = h("form", { class: "filters", "aria-label": "Choose two actors" }, list,
    input("a", "Actor A"), input("b", "Actor B"),
    h("label", {}, h("span", {}, "Per"), h("select", { name: "by" },
      BY.map((b) => h("option", { value: b, selected: (params.by || "month") === b }, b)))),
    h("label", {}, h("span", {}, "From"), h("input", { type: "date", name: "since", value: params.since || "" })),
    h("label", {}, h("span", {}, "To"), h("input", { type: "date", name: "until", value: params.until || "" })),
    h("button", { type: "submit" }, "Show"));
  f.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = Object.fromEntries([...new FormData(f).entries()].map(([k, x]) => [k, String(x).trim()]));
    go("relations", "", { ...v, a: v.a.toUpperCase(), b: v.b.toUpperCase() });
  });
  return f;
}

function typeSummary(types) {
  const parts = Object.entries(types || {}).filter(([, n]) => n).sort((x, y) => y[1] - x[1]);
  return parts.map(([t, n]) => `${t} ${n}`).join(", ");
}

function evidencePanel(row, a, b) {
  const ev = row.examples || row.evidence || [];
  return h("section", { id: "evidence", class: "evidence-panel", "aria-label": `Evidence for ${row.period}` },
    h("h2", {}, `Evidence, ${row.period}`),
    h("p", { class: "meta" }, `${a} → ${b}: ${row.a_to_b ?? 0} · ${b} → ${a}: ${row.b_to_a ?? 0} · score ` +
      `${typeof row.score === "number" ? row.score.toFixed(2) : "—"}`),
    ev.length ? h("ol", { class: "evidence-list" }, ev.map((e) => h("li", {},
      h("span", { class: "party" }, actorChip(e.source)), " → ", h("span", { class: "party" }, actorChip(e.target)), " ",
      h("strong", {}, e.type || ""), e.modality && e.modality !== "asserted" ? h("span", { class: "muted" }, ` (${e.modality})`) : null,
      h("blockquote", {}, evidenceLink(e, e.text || e.evidence))))) : h("p", { class: "muted" }, "No sentences kept for this period."));
}

export async function relationsView(route) {
  const p = route.params;
  const params = { a: (p.get("a") || "").toUpperCase(), b: (p.get("b") || "").toUpperCase(), by: p.get("by") || "month",
                   since: p.get("since"), until: p.get("until") };
  const actors = (await get("actors", { limit: 1000 })).items || [];
  const head = [h("h1", {}, "Relations"), form(params, actors)];
  if (!params.a || !params.b) {
    return h("div", {}, head, message("info", "Choose two actors (codes such as RUS and UKR) to see how their relation moved over time."));
  }
  const rel = await get("relations", params);
  const rows = rel.rows || [];
  if (!rows.length) return h("div", {}, head, message("info", `No events between ${params.a} and ${params.b}.`));
  const selected = p.get("p") && rows.find((r) => String(r.period) === p.get("p"));
  const link = (r) => hashFor("relations", "", { ...params, p: r.period });
  const chart = scoreChart(rows, { hrefFor: link, selected: selected && selected.period,
    title: `Cooperation–conflict score between ${params.a} and ${params.b} per ${params.by}` });
  const table = h("table", { class: "list" },
    h("caption", {}, `Events per ${params.by}`),
    h("thead", {}, h("tr", {}, ["Period", `${params.a} → ${params.b}`, `${params.b} → ${params.a}`, "Types", "Score", ""]
      .map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows.map((r) => h("tr", { class: selected === r ? "selected" : null },
      h("th", { scope: "row" }, String(r.period)), h("td", { class: "num" }, r.a_to_b ?? 0),
      h("td", { class: "num" }, r.b_to_a ?? 0), h("td", {}, typeSummary(r.types)),
      h("td", { class: "num" }, typeof r.score === "number" ? r.score.toFixed(2) : "—"),
      h("td", {}, h("a", { href: link(r) }, "evidence"))))));
  return h("div", {}, head,
    h("p", { class: "meta" }, rel.score_note || "Score: positive is cooperation, negative is conflict. Click a point to read its sentences."),
    h("figure", { class: "chart-box" }, chart, h("figcaption", {}, `${params.a} ↔ ${params.b}, per ${params.by}`)),
    selected ? evidencePanel(selected, params.a, params.b) : null, table);
}
