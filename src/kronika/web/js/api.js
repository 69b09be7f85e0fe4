// The JSON API, as the workbench uses it. Errors carry the server's one-line message.

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function parse(resp) {
  let body = null;
  try { body = await resp.json(); } catch { body = null; }
  if (!resp.ok) {
    const detail = body && body.detail;
    const msg = typeof detail === "string" ? detail : `${resp.status} ${resp.statusText}`;
    throw new ApiError(resp.status, msg);
  }
  return body;
}

export async function get(path, params) {
  return parse(await fetch(`/api/${path}${query(params)}`, { headers: { Accept: "application/json" } }));
}

export async function post(path, body) {
  return parse(await fetch(`/api/${path}`, {
    method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  }));
}
