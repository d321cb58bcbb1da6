/**
 * A real ML Quest server as its own process (server/main.ts under tsx), on a free loopback port
 * and a SQLite file in a temp folder, for tests that need a listening server: kernels reading the
 * train split over HTTP, crash and restart tests.
 */
import { type ChildProcess, spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

export const ROOT = resolve(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

export interface LiveServer {
  base: string;
  dir: string;
  child: ChildProcess;
  /** SIGTERM, wait for exit; the temp folder stays until `cleanup`. */
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function startLiveServer(
  opts: { dir?: string; port?: number; env?: Record<string, string>; readyTimeoutMs?: number } = {}
): Promise<LiveServer> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'mlquest-live-'));
  const port = opts.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), join(ROOT, 'server', 'main.ts')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'mlquest.db')}`,
      MLQUEST_QUEST_PACK: join(ROOT, 'datasets'),
      MLQUEST_NOTEBOOKS: join(ROOT, 'notebooks'),
      MLQUEST_LOG_LEVEL: 'silent',
      ...opts.env
    },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) {
        const health = (await res.json()) as { evaluators: { ready: number } };
        if (health.evaluators.ready > 0) break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the server did not become ready in time');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    dir,
    child,
    stop,
    cleanup: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
