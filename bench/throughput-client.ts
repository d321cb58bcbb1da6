/**
 * Load-generator process for throughput: autocannon, closed loop, keep-alive, rotating Bearer
 * tokens over the seeded players so the server does real per-user work on every request.
 *
 * Usage: node lib/bench/throughput-client.js '<ThroughputJob JSON>' → one ThroughputReport JSON on stdout.
 */
import { mainJsonChild } from './child-process-json';

// autocannon ships no types; the small surface used here is typed below.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

export interface ThroughputJob {
  baseUrl: string;
  path: string;
  tokens: string[];
  connections: number;
  durationS: number;
  warmupS: number;
}

interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

export interface ThroughputReport {
  connections: number;
  duration_s: number;
  requests: number;
  requests_per_s: number;
  latency_ms: { mean: number; p50: number; p90: number; p99: number; max: number };
  non_2xx: number;
  errors: number;
}

async function runOnce(job: ThroughputJob, durationS: number): Promise<AutocannonResult> {
  let turn = 0;
  return autocannon({
    url: job.baseUrl,
    connections: job.connections,
    duration: durationS,
    requests: [
      {
        method: 'GET',
        path: job.path,
        setupRequest: (req: { headers?: Record<string, string> }) => {
          const token = job.tokens[turn++ % Math.max(1, job.tokens.length)];
          req.headers = { ...(req.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
          return req;
        }
      }
    ]
  });
}

export async function runThroughputJob(job: ThroughputJob): Promise<ThroughputReport> {
  if (job.warmupS > 0) await runOnce(job, job.warmupS);
  const r = await runOnce(job, job.durationS);
  return {
    connections: job.connections,
    duration_s: r.duration,
    requests: r.requests.total,
    requests_per_s: Math.round(r.requests.total / r.duration),
    latency_ms: {
      mean: r.latency.mean,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max
    },
    non_2xx: r.non2xx,
    errors: r.errors + r.timeouts
  };
}

mainJsonChild(module, runThroughputJob);
