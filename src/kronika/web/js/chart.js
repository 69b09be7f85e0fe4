// The relations chart: the cooperation–conflict score between two actors per period, as inline SVG.
// Every point is a link to that period's evidence sentences (the `hrefFor` of the caller).
import { s } from "./dom.js";

const W = 760, H = 300, M = { top: 18, right: 18, bottom: 44, left: 48 };

function niceMax(v) {
  const m = Math.max(1, Math.abs(v));
  const p = 10 ** Math.floor(Math.log10(m));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * p >= m) return f * p;
  return 10 * p;
}

/**
 * rows: [{period, score, events}] in time order; opts: {hrefFor(row), onSelect(row), selected, title}.
 * Returns an <svg> group (its points are links, so it is not role="img") with a title.
 */
export function scoreChart(rows, opts = {}) {
  const iw = W - M.left - M.right, ih = H - M.top - M.bottom;
  const scores = rows.map((r) => (typeof r.score === "number" ? r.score : 0));
  const ymax = niceMax(Math.max(...scores.map(Math.abs), 0));
  const x = (i) => M.left + (rows.length <= 1 ? iw / 2 : (i * iw) / (rows.length - 1));
  const y = (v) => M.top + ((ymax - v) * ih) / (2 * ymax);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "group",
                         "aria-label": opts.title || "cooperation–conflict score over time" });
  svg.append(s("title", {}, opts.title || "cooperation–conflict score over time"));
  svg.append(s("rect", { x: M.left, y: y(ymax), width: iw, height: y(0) - y(ymax), class: "band-coop" }));
  svg.append(s("rect", { x: M.left, y: y(0), width: iw, height: y(-ymax) - y(0), class: "band-conf" }));
  for (const t of [-ymax, -ymax / 2, 0, ymax / 2, ymax]) {
    svg.append(s("line", { x1: M.left, x2: M.left + iw, y1: y(t), y2: y(t), class: t === 0 ? "axis zero" : "grid" }));
    svg.append(s("text", { x: M.left - 6, y: y(t) + 4, class: "tick", "text-anchor": "end" },
      Number.isInteger(t) ? String(t) : t.toFixed(1)));
  }
  svg.append(s("text", { x: M.left + 4, y: y(ymax) + 13, class: "band-label" }, "cooperation"));
  svg.append(s("text", { x: M.left + 4, y: y(-ymax) - 5, class: "band-label" }, "conflict"));
  const step = Math.max(1, Math.ceil(rows.length / 10));
  rows.forEach((r, i) => {
    if (i % step === 0 || i === rows.length - 1) {
      svg.append(s("text", { x: x(i), y: H - M.bottom + 18, class: "tick", "text-anchor": "middle" }, String(r.period)));
    }
  });
  if (rows.length > 1) {
    svg.append(s("polyline", { class: "line", fill: "none",
      points: rows.map((r, i) => `${x(i).toFixed(1)},${y(scores[i]).toFixed(1)}`).join(" ") }));
  }
  rows.forEach((r, i) => {
    const label = `${r.period}: score ${scores[i].toFixed(2)}, ${r.events ?? r.total ?? 0} events — show evidence`;
    const a = s("a", { href: opts.hrefFor ? opts.hrefFor(r) : "#", class: "point", "data-period": r.period,
                       "aria-label": label });
    a.append(s("title", {}, label));
    const radius = 4 + Math.min(6, Math.sqrt(r.events || r.total || 0));
    a.append(s("circle", { cx: x(i), cy: y(scores[i]), r: radius,
                           class: `${scores[i] >= 0 ? "pos" : "neg"}${opts.selected === r.period ? " selected" : ""}` }));
    if (opts.onSelect) a.addEventListener("click", () => opts.onSelect(r));
    svg.append(a);
  });
  svg.append(s("text", { x: M.left + iw / 2, y: H - 6, class: "axis-label", "text-anchor": "middle" }, "period"));
  return svg;
}
