// What every studio page's script needs (served at /studio.js from the jar): an element by id, text made safe
// for innerHTML, and a JSON request whose error reply ({"error": "..."}) becomes the Error's message.
const el = id => document.getElementById(id);
const text = s => String(s).replace(/[&<>"]/g, ch => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[ch]);

async function api(method, path, body) {
  const r = await fetch(path, {method, headers: {'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body)});
  const d = await r.json();
  if (!r.ok) throw new Error(d.error || r.statusText);
  return d;
}
