/**
 * GET /docs: interactive API documentation (Scalar API Reference, loaded by the browser from the
 * jsDelivr CDN) over /openapi.json. Written here rather than through @scalar/hono-api-reference,
 * which is ESM-only and cannot be loaded by the CommonJS server build or by jest.
 */
export function docsPage(openapiUrl: string, title: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${esc(title)}</title>
  </head>
  <body>
    <noscript>Enable JavaScript to browse the API, or read the raw document at <a href="${esc(openapiUrl)}">${esc(openapiUrl)}</a>.</noscript>
    <script id="api-reference" data-url="${esc(openapiUrl)}"></script>
    <script src="https://cdn.jsdelivr.net/npm/@scalar/api-reference"></script>
  </body>
</html>
`;
}
