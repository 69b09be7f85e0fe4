// Small DOM helpers: every value from the API reaches the page as text, never as HTML.

/** h("a", {href: "#/x", class: "c"}, "text", childNode, [more]) -> Element */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** The same for SVG elements (the relations chart). */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "style" && typeof v === "object") for (const [p, val] of Object.entries(v)) el.style.setProperty(p, val);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replace the content of `el` with `children`. */
export function mount(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A stable colour for an actor code (displaCy-like: one colour per label): FNV-1a hash into 12 distinct hues. */
const HUES = [0, 28, 48, 90, 140, 170, 195, 215, 250, 280, 305, 330];

export function actorHue(code) {
  let x = 2166136261;
  for (const ch of String(code || "")) { x ^= ch.codePointAt(0); x = Math.imul(x, 16777619) >>> 0; }
  return HUES[x % HUES.length];
}

export function actorChip(code, name) {
  if (!code) return h("span", { class: "muted" }, "—");
  return h("a", { class: "chip", href: `#/actor/${encodeURIComponent(code)}`, style: { "--hue": actorHue(code) },
                  title: name ? `${code} — ${name}` : code }, code);
}

export function fmtDate(s) {
  if (!s) return "";
  return String(s).slice(0, 10);
}

export function message(kind, text) {
  return h("p", { class: `msg msg-${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}
