/**
 * `npm run server`: parse the config (exit 2 on a bad value), open and migrate the database, load
 * and sync the quest pack (exit 1 with the file and field on a bad pack), listen, and shut down
 * cleanly on SIGINT/SIGTERM.
 */
import { serve } from '@hono/node-server';
import { PackError } from './catalog/pack-error';
import { loadConfigOrExit } from './config';
import { buildServer, type ServerParts } from './start-server';
import { SubmissionsModule } from './submissions/submissions-module';

function main(): void {
  const config = loadConfigOrExit();
  let parts: ServerParts;
  const submissions = new SubmissionsModule(config);
  try {
    parts = buildServer(config, { routes: [submissions.routes], evaluatorStatus: submissions.evaluatorStatus });
  } catch (err) {
    if (err instanceof PackError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  submissions.resumeUnfinished();
  const server = serve({ fetch: parts.app.fetch, hostname: config.host, port: config.port }, (info) => {
    if (config.logLevel !== 'silent') console.log(`ML Quest API on http://${config.host}:${info.port} (docs at /docs), pack "${parts.catalog.pack.name}" v${parts.catalog.pack.version}`);
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    if (config.logLevel !== 'silent') console.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    void submissions.close();
    server.close(() => {
      parts.db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main();
