/**
 * A small real HTTP server speaking the ML Quest API shapes, for the extension's client and
 * model tests (the server core is tested on its own; here what matters is the client's side of
 * HTTP: headers, bodies, errors, polling). Every request is recorded.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface IRecorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type Handler = (req: IRecorded) => { status: number; body?: unknown; headers?: Record<string, string> };

export interface IFakeServer {
  url: string;
  requests: IRecorded[];
  routes: Map<string, Handler>;
  close(): Promise<void>;
}

export async function startFakeServer(): Promise<IFakeServer> {
  const requests: IRecorded[] = [];
  const routes = new Map<string, Handler>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(recorded);
      const handler = routes.get(`${recorded.method} ${recorded.url.split('?')[0]}`);
      const reply = handler ? handler(recorded) : { status: 404, body: { error: { code: 'not_found', message: `no route ${recorded.url}` } } };
      res.writeHead(reply.status, { 'Content-Type': 'application/json', ...(reply.headers ?? {}) });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    routes,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  };
}

export function bearer(req: IRecorded): string | undefined {
  const value = req.headers.authorization;
  return value?.startsWith('Bearer ') ? value.slice(7) : undefined;
}
