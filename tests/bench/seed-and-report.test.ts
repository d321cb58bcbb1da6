/**
 * The bench's seeding (tiny sizes, real SQLite file) is consistent with the game tables, the
 * leaderboard's per-key counts give the same ranks as counting every player ahead, and the
 * report's target checks have the documented shape. Nothing here is timed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../server/db/database';
import { countAhead, countBoardUsers } from '../../server/db/repositories/leaderboard';
import { addXp } from '../../server/db/repositories/users';
import { LeaderboardService } from '../../server/services/leaderboard';
import { seedDatabase } from '../../bench/seed-database';
import { summarize } from '../../bench/stats';
import { checkTargets } from '../../bench/targets';
import { machineInfo } from '../../bench/machine';

const PACK = path.resolve(__dirname, '../../datasets');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlquest-bench-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface KeyRow {
  id: number;
  total_xp: number;
  quests_completed: number;
  xp_reached_at: string;
}

/** Rank by brute force: players strictly ahead on (XP desc, quests desc, reached-at asc). */
function bruteAhead(all: KeyRow[], me: KeyRow): number {
  return all.filter(
    (u) =>
      u.total_xp > me.total_xp ||
      (u.total_xp === me.total_xp && u.quests_completed > me.quests_completed) ||
      (u.total_xp === me.total_xp && u.quests_completed === me.quests_completed && u.xp_reached_at < me.xp_reached_at)
  ).length;
}

function expectRanksMatch(db: Db): void {
  const all = db.sqlite.prepare('SELECT id, total_xp, quests_completed, xp_reached_at FROM users').all() as KeyRow[];
  for (const u of all) expect(countAhead(db, u.total_xp, u.quests_completed, u.xp_reached_at)).toBe(bruteAhead(all, u));
  expect(countBoardUsers(db)).toBe(all.length);
}

test('seeding writes players, submissions and game tables that agree with each other', () => {
  const dbPath = path.join(dir, 'seed.db');
  const r = seedDatabase({ dbPath, packDir: PACK, users: 300, submissions: 4000, tokens: 10 });
  expect(r).toMatchObject({ users: 300, submissions: 4000 });
  expect(r.tokens).toHaveLength(10);
  expect(r.tokens.every((t) => /^[0-9a-f]+\.[0-9a-f]+$/.test(t))).toBe(true);

  const db = openDatabase(dbPath);
  try {
    const q = (sql: string) => db.sqlite.prepare(sql).get() as Record<string, number>;
    expect(q('SELECT count(*) AS n FROM users').n).toBe(300);
    expect(q("SELECT count(*) AS n FROM submissions WHERE status = 'scored'").n).toBe(4000);
    // XP: every user's total is the sum of their xp_awards; quests_completed is their count.
    expect(
      q(`SELECT count(*) AS n FROM users u WHERE total_xp != (SELECT coalesce(sum(xp), 0) FROM xp_awards a WHERE a.user_id = u.id)
              OR quests_completed != (SELECT count(*) FROM xp_awards a WHERE a.user_id = u.id)`).n
    ).toBe(0);
    // Submissions' awarded XP equals the ledger, and attempts equal the submissions per quest.
    expect(q('SELECT sum(xp_awarded) AS n FROM submissions').n).toBe(q('SELECT sum(xp) AS n FROM xp_awards').n);
    expect(
      q(
        `SELECT count(*) AS n FROM quest_progress p WHERE attempts != (SELECT count(*) FROM submissions s WHERE s.user_id = p.user_id AND s.quest_id = p.quest_id)`
      ).n
    ).toBe(0);
    expect(q('SELECT count(*) AS n FROM quest_progress WHERE completed_at IS NOT NULL').n).toBe(
      q('SELECT count(*) AS n FROM xp_awards').n
    );
    expect(q('SELECT count(*) AS n FROM sessions').n).toBe(10);
    expect(q('SELECT count(DISTINCT total_xp) AS n FROM users').n).toBeGreaterThan(3);
    expectRanksMatch(db);
  } finally {
    db.close();
  }
});

test('the per-key leaderboard counts follow XP changes and give the brute-force ranks', () => {
  const dbPath = path.join(dir, 'ranks.db');
  seedDatabase({ dbPath, packDir: PACK, users: 120, submissions: 600, tokens: 1 });
  const db = openDatabase(dbPath);
  try {
    // Award XP to a few players (as the game rules do) and delete one: the triggers keep the counts.
    addXp(db, 5, 100, 1, '2031-01-01T00:00:00.000Z');
    addXp(db, 6, 250, 1, '2030-06-01T12:00:00.000Z');
    addXp(db, 7, 100, 1, '2031-01-01T00:00:00.000Z');
    db.sqlite.prepare('DELETE FROM users WHERE id = 8').run();
    expectRanksMatch(db);
    const board = new LeaderboardService({ db, now: () => new Date() }).overall(9, 20, 0);
    expect(board.total).toBe(119);
    expect(board.entries[0].rank).toBe(1);
    // The caller's rank against the brute force, not against the code's own formula.
    const all = db.sqlite.prepare('SELECT id, total_xp, quests_completed, xp_reached_at FROM users').all() as KeyRow[];
    expect(board.me?.rank).toBe(
      1 +
        bruteAhead(
          all,
          all.find((u) => u.id === 9)!
        )
    );
  } finally {
    db.close();
  }
});

test('the report pieces have the documented shape', () => {
  const s = summarize([3, 1, 2, 4]);
  expect(s).toEqual({ count: 4, mean_ms: 2.5, p50_ms: 2, p90_ms: 4, p99_ms: 4, max_ms: 4 });
  const m = machineInfo();
  expect(m.cores).toBeGreaterThan(0);
  expect(m.node).toMatch(/^v\d+\.\d+\.\d+$/);
  expect(m.memory_gb).toBeGreaterThan(0);
  expect(m.load_average_1m).toBeGreaterThanOrEqual(0);
  const targets = checkTargets(null, []);
  expect(targets).toHaveLength(6);
  for (const t of targets) {
    expect(Object.keys(t).sort()).toEqual(['limit', 'measured', 'met', 'target', 'unit']);
    expect(t.met).toBeNull();
  }
});
