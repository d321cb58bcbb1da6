/** Finds the methods registered for a path, so an unknown method gets 405 rather than 404. */

function pathRegex(routePath: string): RegExp {
  const src = routePath
    .split('/')
    .map((seg) => {
      if (seg === '*') return '.*';
      const m = /^:([A-Za-z0-9_]+)(\{(.+)\})?(\?)?$/.exec(seg);
      if (m) return m[3] ? `(?:${m[3]})` : '[^/]+';
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${src}/?$`);
}

/** `app` is any Hono app: only its registered routes are read. */
export function allowedMethods(app: { routes: readonly { method: string; path: string }[] }, path: string): string[] {
  const out = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path.endsWith('*')) continue;
    if (pathRegex(r.path).test(path)) out.add(r.method);
  }
  if (out.has('GET')) out.add('HEAD');
  return [...out];
}
