import { spawn } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { makeTestServer } from './helpers/test-server';

const CHILD = path.join(__dirname, 'helpers', 'apply-scored-child.ts');
const N = 20;

test('XP is awarded exactly once under 20 concurrent passing results from separate processes', async () => {
  const s = makeTestServer();
  const u = await s.register('racer');
  const insert = s.db.sqlite.prepare(
    "INSERT INTO submissions (user_id, quest_id, status, created_at) VALUES (?, 1, 'scored', ?)"
  );
  const ids = Array.from({ length: N }, () => Number(insert.run(u.id, new Date().toISOString()).lastInsertRowid));
  const goFile = path.join(s.dir, 'go');

  const children = ids.map((id) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, s.dbPath, goFile, String(u.id), '1', String(id)], {
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    let err = '';
    const ready = new Promise<void>((resolve) =>
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('ready\n')) resolve();
      })
    );
    child.stderr.on('data', (d) => (err += d));
    const done = new Promise<string>((resolve, reject) =>
      child.on('exit', (code) =>
        code === 0 ? resolve(out.split('ready\n')[1]) : reject(new Error(`child exit ${code}: ${err}`))
      )
    );
    return { ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  fs.writeFileSync(goFile, 'go');
  const outcomes = (await Promise.all(children.map((c) => c.done))).map((o) => JSON.parse(o) as { xp_awarded: number });

  expect(outcomes.filter((o) => o.xp_awarded === 100)).toHaveLength(1);
  expect(outcomes.filter((o) => o.xp_awarded === 0)).toHaveLength(N - 1);
  const user = s.db.sqlite.prepare('SELECT total_xp, quests_completed FROM users WHERE id = ?').get(u.id) as {
    total_xp: number;
    quests_completed: number;
  };
  expect(user).toEqual({ total_xp: 100, quests_completed: 1 });
  const progress = s.db.sqlite
    .prepare('SELECT attempts, xp_awarded FROM quest_progress WHERE user_id = ? AND quest_id = 1')
    .get(u.id);
  expect(progress).toEqual({ attempts: N, xp_awarded: 100 });
  expect((s.db.sqlite.prepare('SELECT count(*) AS n FROM xp_awards').get() as { n: number }).n).toBe(1);
  expect((s.db.sqlite.prepare('SELECT sum(xp_awarded) AS n FROM submissions').get() as { n: number }).n).toBe(100);
  s.cleanup();
}, 120_000);
