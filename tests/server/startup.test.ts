/**
 * Start-up of the real API process (server/main.ts under tsx): a bad configuration value stops
 * it with exit code 2 and a message naming the variable, before anything is written; the SQLite
 * database runs in WAL mode.
 */
import { spawn } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { journalMode } from '../helpers/db-peek';
import { ROOT } from '../helpers/live-server';
import { makeTestServer } from './helpers/test-server';

interface Exit {
  code: number | null;
  stderr: string;
  dir: string;
}

function startWith(env: Record<string, string>): Promise<Exit> {
  const dir = mkdtempSync(join(tmpdir(), 'mlquest-config-'));
  const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), join(ROOT, 'server', 'main.ts')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      DATABASE_URL: `sqlite:${join(dir, 'data', 'mlquest.db')}`,
      MLQUEST_QUEST_PACK: join(ROOT, 'datasets'),
      MLQUEST_NOTEBOOKS: join(ROOT, 'notebooks'),
      PORT: '0',
      ...env
    },
    stdio: ['ignore', 'ignore', 'pipe']
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((done) =>
    child.on('exit', (code) => {
      clearTimeout(killer);
      done({ code, stderr, dir });
    })
  );
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('a bad value exits with code 2, names each bad variable and what it accepts, and writes nothing', async () => {
  const [port, proxy, several] = await Promise.all([
    startWith({ PORT: 'eighty' }),
    startWith({ MLQUEST_TRUST_PROXY: 'maybe' }),
    startWith({ MLQUEST_EVAL_WORKERS: '0', MLQUEST_LOG_LEVEL: 'loud', MLQUEST_CORS_ORIGINS: 'localhost:8888' })
  ]);
  dirs.push(port.dir, proxy.dir, several.dir);
  expect([port.code, proxy.code, several.code]).toEqual([2, 2, 2]);
  expect(port.stderr).toContain('PORT must be an integer from 0 to 65535, got "eighty"');
  expect(proxy.stderr).toContain('MLQUEST_TRUST_PROXY must be true or false');
  expect(several.stderr).toContain('MLQUEST_EVAL_WORKERS must be an integer from 1 to 256, got "0"');
  expect(several.stderr).toContain('MLQUEST_LOG_LEVEL must be one of debug, info, warn, error, silent');
  expect(several.stderr).toMatch(/MLQUEST_CORS_ORIGINS: "localhost:8888" is not an origin/);
  for (const r of [port, proxy, several]) {
    expect(r.stderr).toMatch(/^Invalid configuration:/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(r.dir, 'data'))).toBe(false);
    expect(readdirSync(r.dir)).toEqual([]);
  }
}, 60_000);

test('the database file is in WAL mode', () => {
  const s = makeTestServer();
  try {
    expect(journalMode(s.dbPath)).toBe('wal');
  } finally {
    s.cleanup();
  }
});
