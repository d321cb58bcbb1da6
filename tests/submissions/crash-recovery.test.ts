/**
 * Nothing is lost: the real server runs as a child process on a temporary database; it is
 * killed with SIGKILL while a submission is being evaluated, started again on the same database,
 * and finishes that submission (scored once, XP once).
 */
import type { ChildProcess } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import Database from 'better-sqlite3';
import { freePort, ROOT, startLiveServer, type LiveServer } from '../helpers/live-server';
const expected = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'expected_scores.json'), 'utf8')) as {
  slow_models: { file: string; quest_id: number; onnx_score: number }[];
};
const slow = expected.slow_models[0];

let dir: string;
let base: string;
const started: LiveServer[] = [];

async function startServer(port: number): Promise<LiveServer> {
  const server = await startLiveServer({
    dir,
    port,
    env: { MLQUEST_EVAL_WORKERS: '1', MLQUEST_EVAL_TIMEOUT_S: '60', MLQUEST_SUBMIT_WAIT_S: '0' }
  });
  started.push(server);
  return server;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlquest-crash-'));
  base = `http://127.0.0.1:${await freePort()}`;
});

afterAll(async () => {
  for (const server of started) await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a server killed with SIGKILL during evaluation finishes the submission after restart, awarding XP once', async () => {
  const port = Number(new URL(base).port);
  const first = await startServer(port);

  const account = { username: 'crashtest', email: 'crashtest@example.com', password: 'correct horse battery' };
  expect(
    (
      await fetch(`${base}/auth/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(account)
      })
    ).status
  ).toBe(201);
  const login = await json(
    await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: account.username, password: account.password })
    })
  );
  const auth = { Authorization: `Bearer ${String(login.access_token)}` };

  const form = new FormData();
  form.append('model_file', new Blob([readFileSync(join(ROOT, 'tests', 'fixtures', 'models', slow.file))]), slow.file);
  const submitted = await fetch(`${base}/quests/${slow.quest_id}/submit`, {
    method: 'POST',
    body: form,
    headers: auth
  });
  expect(submitted.status).toBe(202);
  const id = Number((await json(submitted)).submission_id);

  // Wait for the evaluator to take it (a condition, not a fixed window: a busy machine may take a while).
  let status = 'queued';
  const takenBy = Date.now() + 30_000;
  while (status === 'queued' && Date.now() < takenBy) {
    await new Promise((r) => setTimeout(r, 20));
    status = String((await json(await fetch(`${base}/submissions/${id}`, { headers: auth }))).status);
  }
  expect(status).toBe('evaluating');

  first.child.kill('SIGKILL');
  await exited(first.child);
  const db = new Database(join(dir, 'mlquest.db'), { readonly: true });
  const row = db.prepare('SELECT status FROM submissions WHERE id = ?').get(id) as { status: string };
  const blob = db.prepare('SELECT count(*) AS n FROM submission_models WHERE submission_id = ?').get(id) as {
    n: number;
  };
  db.close();
  expect(row.status).toBe('evaluating');
  expect(blob.n).toBe(1);

  await startServer(port);
  let result: Record<string, unknown> = {};
  const deadline = Date.now() + 40_000;
  do {
    await new Promise((r) => setTimeout(r, 100));
    result = await json(await fetch(`${base}/submissions/${id}`, { headers: auth }));
  } while ((result.status === 'queued' || result.status === 'evaluating') && Date.now() < deadline);

  expect(result.status).toBe('scored');
  expect(Math.abs((result.score as number) - slow.onnx_score)).toBeLessThanOrEqual(1e-9);
  expect(result.passed).toBe(true);
  expect(result.xp_awarded).toBe(100);
  const me = await json(await fetch(`${base}/user/me`, { headers: auth }));
  expect(me.total_xp).toBe(100);
  const history = await json(await fetch(`${base}/quests/${slow.quest_id}/submissions`, { headers: auth }));
  expect(history.total).toBe(1);
}, 90_000);
