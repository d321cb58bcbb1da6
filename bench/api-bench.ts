/**
 * Parts 3 and 4: API throughput (authenticated GET /quests/ and GET /leaderboard/) and the
 * leaderboard's cost growth with the number of players. For each size a fresh SQLite file is
 * seeded (not timed), the real server is started on it, and the load comes from separate
 * processes: latency-client (per-request latency, one connection, rotating callers spread over
 * the whole board so each request pays for the caller's own rank) and throughput-client
 * (autocannon, many connections).
 */
import fs from 'node:fs';
import path from 'node:path';
import { runJsonChild } from './child-process-json';
import type { LatencyJob, LatencyReport } from './latency-client';
import { seedDatabase, type SeedResult } from './seed-database';
import { startServer } from './server-process';
import type { ThroughputJob, ThroughputReport } from './throughput-client';

export interface ApiBenchOptions {
  repoRoot: string;
  workDir: string;
  /** Player counts for the leaderboard growth measurement. */
  userSizes: number[];
  /** Player counts at which throughput is measured (a subset of userSizes). */
  throughputSizes: number[];
  submissions: number;
  latencyRequests: number;
  throughputConnections: number;
  throughputDurationS: number;
  log: (msg: string) => void;
}

export interface SizeMeasurement {
  users: number;
  seed: Omit<SeedResult, 'tokens' | 'token_user_ids'>;
  leaderboard_latency: LatencyReport;
  quests_latency: LatencyReport;
  throughput?: { quests: ThroughputReport; leaderboard: ThroughputReport };
}

const TOKENS = 64;

export async function runApiBench(o: ApiBenchOptions): Promise<SizeMeasurement[]> {
  const out: SizeMeasurement[] = [];
  for (const users of o.userSizes) {
    const dbPath = path.join(o.workDir, `api-${users}.db`);
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
    o.log(`seeding ${users} players and ${o.submissions} submissions`);
    const seeded = seedDatabase({
      dbPath,
      packDir: path.join(o.repoRoot, 'datasets'),
      users,
      submissions: o.submissions,
      tokens: TOKENS
    });
    const { tokens, token_user_ids: _ids, ...seedFacts } = seeded;
    o.log(`seeded in ${seeded.seconds.toFixed(1)} s; starting the server`);
    const server = await startServer(o.repoRoot, dbPath, { MLQUEST_EVAL_WORKERS: '1' });
    try {
      const latency = (p: string) =>
        runJsonChild<LatencyReport>('latency-client.js', {
          baseUrl: server.url,
          method: 'GET',
          path: p,
          tokens,
          connections: 1,
          requests: o.latencyRequests,
          warmup: Math.min(200, o.latencyRequests),
          expectStatus: 200
        } satisfies LatencyJob);
      const leaderboardLatency = await latency('/leaderboard/');
      const questsLatency = await latency('/quests/');
      o.log(`${users} players: leaderboard p99 ${leaderboardLatency.p99_ms} ms, quests p99 ${questsLatency.p99_ms} ms`);
      const m: SizeMeasurement = {
        users,
        seed: seedFacts,
        leaderboard_latency: leaderboardLatency,
        quests_latency: questsLatency
      };
      if (o.throughputSizes.includes(users)) {
        const throughput = (p: string) =>
          runJsonChild<ThroughputReport>('throughput-client.js', {
            baseUrl: server.url,
            path: p,
            tokens,
            connections: o.throughputConnections,
            durationS: o.throughputDurationS,
            warmupS: 1
          } satisfies ThroughputJob);
        const quests = await throughput('/quests/');
        const leaderboard = await throughput('/leaderboard/');
        o.log(
          `${users} players: /quests/ ${quests.requests_per_s} req/s, /leaderboard/ ${leaderboard.requests_per_s} req/s`
        );
        m.throughput = { quests, leaderboard };
      }
      out.push(m);
    } finally {
      await server.stop();
      for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
    }
  }
  return out;
}
