/**
 * Seeds a real ML Quest SQLite file for the benchmarks: N players and S scored submissions,
 * written with prepared statements in one transaction (fast; never part of a timed figure).
 *
 * The rows are consistent with the game rules, so ranks and quest lists are real: each player
 * works through the quests in course order (a quest only once its course level is unlocked),
 * each submission is scored against the quest's threshold in the metric's direction, XP is
 * awarded once per quest (an xp_awards row), users.total_xp / quests_completed / xp_reached_at
 * are the sums of those awards, quest_progress holds attempts and the best score, and the badges
 * whose condition holds on the final state are earned. A sample of players gets a live session
 * token, spread over the whole board, for authenticated requests.
 */
import crypto from 'node:crypto';
import { loadCatalog } from '../server/catalog/load-pack';
import { isBetterScore } from '../server/catalog/metrics-info';
import { syncCatalog } from '../server/catalog/sync-catalog';
import { migrateDatabase, openDatabase } from '../server/db/database';
import { localDay } from '../server/rules/calendar';
import { playerLevel } from '../server/rules/player-level';
import type { QuestPack } from '../server/catalog/pack-types';
import type { MetricName } from '../shared/api';

export interface SeedOptions {
  dbPath: string;
  packDir: string;
  users: number;
  submissions: number;
  /** How many players get a session token (spread evenly over the user ids). */
  tokens: number;
  /** Only players with at least this much XP get a token (e.g. to submit to locked-by-default quests). */
  tokenMinXp?: number;
  /** Session lifetime in days, as the server is configured (tokens are issued fresh). */
  sessionDays?: number;
  seed?: number;
  now?: Date;
}

export interface SeedResult {
  users: number;
  submissions: number;
  quest_progress: number;
  xp_awards: number;
  user_badges: number;
  tokens: string[];
  /** The user id behind each token (same order). */
  token_user_ids: number[];
  seconds: number;
}

const TIMEZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'America/Sao_Paulo', 'Australia/Sydney'];
const DAY_MS = 86_400_000;
/** One real Argon2id-shaped hash: seeded players never log in with a password. */
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzZWVkc2FsdA$0Hq0lRkz4tN7jR1f0c1j3m0y8m6bH2Y6xk8m6t1F0p8';

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface QuestFacts {
  id: number;
  metric: string;
  threshold: number;
  higherIsBetter: boolean;
  xp: number;
  requiredXp: number;
  courseLevel: number;
}

function questFacts(pack: QuestPack): QuestFacts[] {
  const levelXp = new Map(pack.levels.map((l) => [l.id, l.required_xp]));
  const levelPos = new Map(pack.levels.map((l, i) => [l.id, i]));
  return pack.quests
    .map((q, i) => ({ q, i }))
    .sort((a, b) => (levelPos.get(a.q.level) ?? 0) - (levelPos.get(b.q.level) ?? 0) || a.i - b.i)
    .map(({ q }) => ({
      id: q.id,
      metric: q.metric,
      threshold: q.threshold,
      higherIsBetter: !['mse', 'rmse', 'mae', 'log_loss'].includes(q.metric),
      xp: q.xp_reward,
      requiredXp: levelXp.get(q.level) ?? 0,
      courseLevel: q.level
    }));
}

/** A score that passes or fails the quest's threshold in the metric's direction. */
function scoreFor(q: QuestFacts, pass: boolean, r: number): number {
  if (q.higherIsBetter) {
    const best = 1;
    return pass ? q.threshold + (best - q.threshold) * r * 0.95 : q.threshold * (0.5 + 0.49 * r);
  }
  return pass ? q.threshold * (0.5 + 0.5 * r) : q.threshold * (1.01 + r);
}

/** localDay() is an Intl call; every zone used here changes date only on whole hours. */
function localDayCache(): (tz: string, ms: number) => string {
  const cache = new Map<string, string>();
  return (tz, ms) => {
    const hour = Math.floor(ms / 3_600_000);
    const key = `${tz}|${hour}`;
    let d = cache.get(key);
    if (d === undefined) {
      d = localDay(tz, new Date(hour * 3_600_000));
      cache.set(key, d);
    }
    return d;
  };
}

type SubRow = [number, number, number, number, number, string, number, string, string, string, string];
type Progress = Map<number, { best: number; bestAt: string; attempts: number; completedAt: string | null; xp: number }>;

/** An unlocked quest not yet completed (earlier course levels more likely); else practise an unlocked one. */
function nextQuest(quests: QuestFacts[], progress: Progress, xp: number, rand: () => number): QuestFacts {
  const open = quests.filter((q) => q.requiredXp <= xp);
  const todo = open.filter((q) => !progress.get(q.id)?.completedAt);
  if (todo.length === 0) return open[Math.floor(rand() * open.length)];
  return todo[Math.floor(rand() * rand() * todo.length)];
}

function sha256Hex(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

export function seedDatabase(o: SeedOptions): SeedResult {
  const t0 = performance.now();
  const now = o.now ?? new Date();
  const nowMs = now.getTime();
  const rand = prng(o.seed ?? 20240601);
  const catalog = loadCatalog(o.packDir);
  const pack = catalog.pack;
  const quests = questFacts(pack);
  const questsByCourseLevel = new Map<number, number[]>();
  for (const q of quests)
    questsByCourseLevel.set(q.courseLevel, [...(questsByCourseLevel.get(q.courseLevel) ?? []), q.id]);
  const db = openDatabase(o.dbPath);
  migrateDatabase(db);
  syncCatalog(db, pack, now);
  const s = db.sqlite;
  s.pragma('synchronous = OFF');
  s.pragma('cache_size = -262144');

  const insUser = s.prepare(
    `INSERT INTO users (id, username, username_lower, email, email_lower, display_name, password_hash, timezone, created_at,
       total_xp, quests_completed, xp_reached_at, current_streak, longest_streak, last_active_day)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const insSub = s.prepare(
    `INSERT INTO submissions (user_id, quest_id, status, score, passed, xp_awarded, message, model_sha256, model_bytes, local_day,
       result_json, created_at, started_at, finished_at)
     VALUES (?, ?, 'scored', ?, ?, ?, '', ?, ?, ?, NULL, ?, ?, ?)`
  );
  const insProgress = s.prepare(
    'INSERT INTO quest_progress (user_id, quest_id, best_score, best_at, attempts, completed_at, xp_awarded) VALUES (?, ?, ?, ?, ?, ?, ?)'
  );
  const insAward = s.prepare(
    'INSERT INTO xp_awards (user_id, quest_id, submission_id, xp, awarded_at) VALUES (?, ?, ?, ?, ?)'
  );
  const insBadge = s.prepare(
    'INSERT INTO user_badges (user_id, badge_id, earned_at, submission_id) VALUES (?, ?, ?, ?)'
  );
  const insSession = s.prepare(
    'INSERT INTO sessions (id, user_id, secret_hash, created_at, expires_at_ms) VALUES (?, ?, ?, ?, ?)'
  );

  const day = localDayCache();
  const modelSha: Record<number, string> = Object.fromEntries(
    quests.map((q) => [q.id, sha256Hex(`bench-model-${q.id}`)])
  );
  const f = pack.player_level;
  let subCount = 0;
  let progressCount = 0;
  let awardCount = 0;
  let badgeCount = 0;
  const tokenEvery = Math.max(1, Math.floor(o.users / Math.max(1, o.tokens)));
  const tokens: string[] = [];
  const tokenUserIds: number[] = [];
  const sessionMs = (o.sessionDays ?? 30) * DAY_MS;

  s.transaction(() => {
    // Submission ids are autoincrement: track them to link awards and badges.
    let nextSubId =
      ((s.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'submissions'").get() as { seq: number } | undefined)
        ?.seq ?? 0) + 1;
    for (let i = 0; i < o.users; i++) {
      const id = i + 1;
      const tz = TIMEZONES[i % TIMEZONES.length];
      const createdMs = nowMs - Math.floor(rand() * 365 * DAY_MS) - DAY_MS;
      const createdAt = new Date(createdMs).toISOString();
      const mySubs = Math.floor(o.submissions / o.users) + (i < o.submissions % o.users ? 1 : 0);
      const skill = 0.35 + 0.6 * rand();
      // Submissions are spread between sign-up and now, in time order.
      const step = (nowMs - createdMs) / (mySubs + 1);
      let t = createdMs;
      let xp = 0;
      let completed = 0;
      let reachedAt = createdAt;
      let lastSubMs = 0;
      let lastSubId: number | null = null;
      const progress: Progress = new Map();
      const subs: SubRow[] = [];
      const awards: [number, number, number, string][] = [];
      for (let k = 0; k < mySubs; k++) {
        t += step * (0.5 + rand());
        const ms = Math.min(Math.floor(t), nowMs - 1000);
        const q = nextQuest(quests, progress, xp, rand);
        const pass = rand() < skill * 0.6;
        const score = scoreFor(q, pass, rand());
        const at = new Date(ms).toISOString();
        const fin = new Date(ms + 40).toISOString();
        const p = progress.get(q.id) ?? { best: score, bestAt: fin, attempts: 0, completedAt: null, xp: 0 };
        p.attempts++;
        if (p.attempts === 1 || isBetterScore(q.metric as MetricName, score, p.best)) {
          p.best = score;
          p.bestAt = fin;
        }
        let awarded = 0;
        if (pass && !p.completedAt) {
          awarded = q.xp;
          p.completedAt = fin;
          p.xp = q.xp;
          xp += q.xp;
          completed++;
          reachedAt = fin;
          awards.push([q.id, nextSubId, q.xp, fin]);
        }
        progress.set(q.id, p);
        subs.push([id, q.id, score, pass ? 1 : 0, awarded, modelSha[q.id] ?? '', 2048, day(tz, ms + 40), at, at, fin]);
        lastSubMs = ms + 40;
        lastSubId = nextSubId;
        nextSubId++;
      }
      const lastDay = lastSubMs ? day(tz, lastSubMs) : null;
      const daysSince = lastSubMs ? Math.floor((nowMs - lastSubMs) / DAY_MS) : 99;
      const current = lastSubMs && daysSince <= 1 ? 1 + Math.floor(rand() * 6) : 0;
      const longest = current + Math.floor(rand() * 5);
      insUser.run(
        id,
        `player${id}`,
        `player${id}`,
        `player${id}@bench.invalid`,
        `player${id}@bench.invalid`,
        PASSWORD_HASH,
        tz,
        createdAt,
        xp,
        completed,
        reachedAt,
        current,
        longest,
        lastDay
      );
      for (const row of subs) insSub.run(...row);
      subCount += subs.length;
      for (const [questId, subId, xpAward, at] of awards) insAward.run(id, questId, subId, xpAward, at);
      awardCount += awards.length;
      for (const [questId, p] of progress) {
        insProgress.run(id, questId, p.best, p.bestAt, p.attempts, p.completedAt, p.xp);
        progressCount++;
      }
      // Badges whose condition holds on the final state.
      if (mySubs > 0) {
        const at = new Date(lastSubMs).toISOString();
        const level = playerLevel(xp, f);
        for (const b of pack.badges) {
          const c = b.condition;
          let holds = false;
          if (c.type === 'first_submission') holds = true;
          else if (c.type === 'quests_completed') holds = completed >= c.count;
          else if (c.type === 'xp') holds = xp >= c.xp;
          else if (c.type === 'level_reached') holds = level >= c.level;
          else if (c.type === 'quest_completed') holds = Boolean(progress.get(c.quest)?.completedAt);
          else if (c.type === 'course_level_completed')
            holds = (questsByCourseLevel.get(c.level) ?? []).every((qid) => progress.get(qid)?.completedAt);
          else if (c.type === 'streak') holds = longest >= c.days;
          if (holds) {
            insBadge.run(id, b.id, at, lastSubId);
            badgeCount++;
          }
        }
      }
      const eligible = o.tokenMinXp === undefined ? i % tokenEvery === 0 : xp >= o.tokenMinXp;
      if (eligible && tokens.length < o.tokens) {
        const sid = crypto.randomBytes(12).toString('hex');
        const secret = crypto.randomBytes(16).toString('hex');
        insSession.run(sid, id, sha256Hex(secret), now.toISOString(), nowMs + sessionMs);
        tokens.push(`${sid}.${secret}`);
        tokenUserIds.push(id);
      }
    }
  })();
  s.pragma('synchronous = NORMAL');
  s.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    users: o.users,
    submissions: subCount,
    quest_progress: progressCount,
    xp_awards: awardCount,
    user_badges: badgeCount,
    tokens,
    token_user_ids: tokenUserIds,
    seconds: (performance.now() - t0) / 1000
  };
}
