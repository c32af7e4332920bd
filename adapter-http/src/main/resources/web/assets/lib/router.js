// Pages live in the URL's fragment (#/tickets/42?status=open): a link, reload or bookmark opens the same view with the
// same filters, and the server serves one file per area.

/** The current route: {path, query (URLSearchParams)}. */
export function location() {
  const [path, search] = (window.location.hash.slice(1) || '/').split('?');
  return {path: path || '/', query: new URLSearchParams(search || '')};
}

/** A fragment link: href('/tickets', {status: 'open'}) → '#/tickets?status=open'. */
export function href(path, params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export function navigate(path, params) {
  window.location.hash = href(path, params).slice(1);
}

/** Replaces the query of the current page without a new history entry (filters typed into the queue). */
export function replaceQuery(params) {
  history.replaceState(null, '', href(location().path, params));
}

/**
 * Renders the page whose pattern ('/tickets/:id') matches the fragment into outlet, again on every change of it.
 * routes: [{pattern, module}]: the module (an absolute path, loaded when first shown) exports a default
 * async (outlet, params, query, signal) → void; signal aborts when the reader moves on.
 */
export function startRouter(routes, outlet, fallback) {
  let current = null;
  const render = async () => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const {path, query} = location();
    for (const route of routes) {
      const params = match(route.pattern, path);
      if (params) {
        const page = await import(route.module);
        if (controller.signal.aborted) return;
        await page.default(outlet, params, query, controller.signal);
        if (!controller.signal.aborted) focusMain(outlet);
        markCurrentLink(path);
        return;
      }
    }
    window.location.replace(href(fallback));
  };
  window.addEventListener('hashchange', render);
  render();
}

// The navigation link of the area the reader is in says so to assistive technology.
function markCurrentLink(path) {
  for (const link of document.querySelectorAll('header nav a')) {
    const target = link.getAttribute('href').slice(1).split('?')[0];
    if (path === target || path.startsWith(`${target}/`)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function match(pattern, path) {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i += 1) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

// A keyboard or screen-reader user lands on the new page's heading, not on the link they left.
function focusMain(outlet) {
  const heading = outlet.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({preventScroll: true});
  }
}
