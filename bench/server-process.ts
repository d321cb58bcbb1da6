/**
 * Starts the real ML Quest server (`node lib/server/main.js`) as its own process on loopback,
 * with a given SQLite file, and waits until GET /health answers. stop() sends SIGTERM and waits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startServer(
  repoRoot: string,
  dbPath: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = []
): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, path.join(repoRoot, 'lib/server/main.js')], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dbPath}`,
      MLQUEST_QUEST_PACK: path.join(repoRoot, 'datasets'),
      MLQUEST_NOTEBOOKS: path.join(repoRoot, 'notebooks'),
      MLQUEST_LOG_LEVEL: 'warn',
      ...env
    },
    stdio: ['ignore', 'ignore', 'pipe']
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`the server exited during start-up: ${stderr}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) {
        const h = (await r.json()) as { evaluators?: { ready: number; size: number } };
        // Wait for the evaluator pool too, so no measurement includes its start-up.
        if (!h.evaluators || h.evaluators.ready >= h.evaluators.size) break;
      }
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /health within 60 s: ${stderr}`);
    }
    await sleep(100);
  }
  return {
    url,
    pid: child.pid ?? -1,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 8000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      })
  };
}
