/**
 * GET /docs: interactive API documentation (Swagger UI), and GET /redoc: the same OpenAPI
 * document as a ReDoc reference page. Both pages' assets are served from installed npm packages
 * (swagger-ui-dist, redoc's standalone bundle), so they work on a classroom network without
 * internet access.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Env, Hono } from 'hono';
import { errorBody } from './api-error';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8'
};

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

const REDOC_SCRIPT = 'redoc.standalone.js';

/** A documentation page over the OpenAPI document; `body` holds the viewer's element and scripts. */
function page(title: string, openapiUrl: string, action: string, head: string, body: string): string {
  const raw = `<a href="${esc(openapiUrl)}">${esc(openapiUrl)}</a>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${esc(title)}</title>${head}
  </head>
  <body>
    <noscript>Enable JavaScript to ${action}, or read the raw document at ${raw}.</noscript>
${body}
  </body>
</html>
`;
}

function redocPage(openapiUrl: string, title: string): string {
  const body = `    <redoc spec-url="${esc(openapiUrl)}"></redoc>
    <script src="/redoc/assets/${REDOC_SCRIPT}"></script>`;
  return page(title, openapiUrl, 'read the API reference', '', body);
}

/** A file of an installed package, read once on first request. */
function packageAsset(pkg: string, file: string): () => string {
  let body: string | undefined;
  return () => (body ??= readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file), 'utf8'));
}

function docsPage(openapiUrl: string, title: string): string {
  const head = '\n    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />';
  const body = `    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/assets/docs-init.js"></script>`;
  return page(title, openapiUrl, 'browse the API', head, body);
}

function initScript(openapiUrl: string): string {
  return `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(openapiUrl)}, dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });\n`;
}

/** Registers GET /docs, GET /redoc and their assets. Assets are read once, on first request. */
export function registerDocsRoutes<E extends Env>(app: Hono<E>, openapiUrl: string, title: string): void {
  const redocScript = packageAsset('redoc', `bundles/${REDOC_SCRIPT}`);
  app.get('/redoc', (c) => c.html(redocPage(openapiUrl, title)));
  app.get(`/redoc/assets/${REDOC_SCRIPT}`, (c) =>
    c.body(redocScript(), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=86400'
    })
  );
  const swaggerAssets = new Map(Object.keys(ASSETS).map((file) => [file, packageAsset('swagger-ui-dist', file)]));
  app.get('/docs', (c) => c.html(docsPage(openapiUrl, title)));
  app.get('/docs/assets/docs-init.js', (c) =>
    c.body(initScript(openapiUrl), 200, { 'content-type': 'text/javascript; charset=utf-8' })
  );
  app.get('/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    const asset = swaggerAssets.get(file);
    if (!asset) return c.json(errorBody('not_found', `No documentation asset ${file}; open /docs.`), 404);
    return c.body(asset(), 200, { 'content-type': ASSETS[file], 'cache-control': 'public, max-age=86400' });
  });
}
