// What every studio page's script needs (served at /studio.js from the jar): an element by id, text made safe
// for innerHTML, and a JSON request whose error reply ({"error": "..."}) becomes the Error's message.
const el = id => document.getElementById(id);
const text = s => String(s).replace(/[&<>"]/g, ch => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[ch]);

// A sample's address under api/samples/: its id is a path under the project's data folder, each segment encoded
// on its own (an encoded '/' is refused by the server).
const sampleUrl = id => 'api/samples/' + id.split('/').map(encodeURIComponent).join('/');

async function api(method, path, body) {
  const r = await fetch(path, {method, headers: {'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body)});
  const d = await r.json().catch(() => ({error: r.status + ' ' + r.statusText}));
  if (!r.ok) throw new Error(d.error || r.statusText);
  return d;
}

// The studio's pages in the order of the navigation bar (the server's StudioPages serves them at these paths).
const STUDIO_PAGES = [['./', 'Dashboard'], ['data', 'Data'], ['explorer', 'Explorer'], ['impulse', 'Impulse'],
    ['training', 'Training'], ['testing', 'Testing'], ['live', 'Live'], ['deployment', 'Deployment']];

// Fills the page's <nav data-page="..."> with every page, the current one marked. In a workspace (studio
// --workspace) a project's pages live under /p/NAME/, and the bar starts with the way back to the Projects page.
(function drawNav() {
  const nav = document.querySelector('nav[data-page]');
  if (!nav) return;
  const workspace = location.pathname.match(/^(.*\/)p\/[^/]+\//);
  const pages = (workspace ? [[workspace[1], 'Projects']] : []).concat(STUDIO_PAGES);
  nav.innerHTML = pages.map(([href, title]) => '<a href="' + href + '"'
      + (title.toLowerCase() === nav.dataset.page ? ' aria-current="page"' : '') + '>' + title + '</a>').join('');
})();
