// Routes live in the URL hash, so every view is a link that can be bookmarked and shared.

/** "#/article/abc?hl=1-9" -> {name: "article", arg: "abc", params: URLSearchParams} */
export function parseHash(hash) {
  const raw = (hash || "").replace(/^#\/?/, "");
  const [path, qs] = raw.split("?", 2);
  const [name, ...rest] = path.split("/");
  return { name, arg: rest.length ? decodeURIComponent(rest.join("/")) : "", params: new URLSearchParams(qs || "") };
}

/** Build "#/name/arg?k=v" from parts, dropping empty parameters. */
export function hashFor(name, arg, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  const qs = q.toString();
  return `#/${name}${arg ? `/${encodeURIComponent(arg)}` : ""}${qs ? `?${qs}` : ""}`;
}

/** Navigate by changing the hash (the router redraws on hashchange). */
export function go(name, arg, params) {
  location.hash = hashFor(name, arg, params);
}
