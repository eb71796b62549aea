// The demo's article pages (scripts/demo-articles.mjs writes them): the links back to the
// archive return to the search the reader came from. The widget keeps its search in the
// archive's URL (url-sync), and a same-origin referrer carries that URL, query and filters
// included; without one (a shared link, a new tab) the links keep their plain "../".
const home = new URL('../', window.location.href);
let from = null;
try {
  from = document.referrer ? new URL(document.referrer) : null;
} catch {
  from = null;
}
const archive = (u) => u.origin === home.origin && (u.pathname === home.pathname || u.pathname === `${home.pathname}index.html`);
if (from && archive(from)) {
  for (const link of document.querySelectorAll('a[data-back]')) link.href = from.href;
}
