/**
 * `npm run server`: the process entry. Parses the config (exit 2 on a bad value), composes the
 * server (exit 1 with the file and field on a bad pack), listens, and shuts down cleanly on
 * SIGINT/SIGTERM.
 */
import { serve } from '@hono/node-server';
import { PackError } from './catalog/pack-error';
import { compose, type Server } from './compose';
import { loadConfigOrExit } from './config';

function main(): void {
  const config = loadConfigOrExit();
  let server: Server;
  try {
    server = compose(config);
  } catch (err) {
    if (err instanceof PackError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  server.start();
  const { pack } = server.catalog;
  const listener = serve({ fetch: server.app.fetch, hostname: config.host, port: config.port }, (info) => {
    if (config.logLevel !== 'silent') {
      console.log(
        `ML Quest API on http://${config.host}:${info.port} (docs at /docs), pack "${pack.name}" v${pack.version}`
      );
    }
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    if (config.logLevel !== 'silent') console.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    void server.pool.close(); // at once: an evaluation still running is left for the next start
    listener.close(() => {
      server.db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main();
