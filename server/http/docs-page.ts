/**
 * GET /docs: interactive API documentation (Swagger UI) over /openapi.json. The Swagger UI
 * assets are served from the installed swagger-ui-dist package, so the page works on a classroom
 * network without internet access.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { errorBody } from './api-error';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8'
};

function docsPage(openapiUrl: string, title: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${esc(title)}</title>
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <noscript>Enable JavaScript to browse the API, or read the raw document at <a href="${esc(openapiUrl)}">${esc(openapiUrl)}</a>.</noscript>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/assets/docs-init.js"></script>
  </body>
</html>
`;
}

function initScript(openapiUrl: string): string {
  return `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(openapiUrl)}, dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });\n`;
}

/** Registers GET /docs and its assets. Assets are read once, on first request. */
export function registerDocsRoutes(app: Hono<any>, openapiUrl: string, title: string): void {
  const assetDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, string>();
  app.get('/docs', (c) => c.html(docsPage(openapiUrl, title)));
  app.get('/docs/assets/docs-init.js', (c) => c.body(initScript(openapiUrl), 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) return c.json(errorBody('not_found', `No documentation asset ${file}; open /docs.`), 404);
    let body = cache.get(file);
    if (body === undefined) {
      body = readFileSync(join(assetDir, file), 'utf8');
      cache.set(file, body);
    }
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
