/** The performance targets, checked against one run's measurements (met / not met / not measured). */
import type { SizeMeasurement } from './api-bench';
import type { EvalBenchResult } from './evaluation-bench';

export interface TargetCheck {
  target: string;
  measured: number | null;
  limit: number;
  unit: string;
  met: boolean | null;
}

function check(
  target: string,
  measured: number | null | undefined,
  limit: number,
  unit: string,
  atMost = true
): TargetCheck {
  const m = measured ?? null;
  return { target, measured: m, limit, unit, met: m === null ? null : atMost ? m <= limit : m >= limit };
}

export function checkTargets(evalResult: EvalBenchResult | null, api: SizeMeasurement[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  const lin = evalResult?.fixtures.find((f) => f.fixture === 'linear_regression');
  out.push(
    check(
      'linear regression: median submit-to-result minus onnxruntime create+run (c=1)',
      lin?.overhead_median_ms,
      15,
      'ms'
    )
  );
  out.push(check('linear regression: p99 submit-to-result at concurrency 8', lin?.submit_c8.p99_ms, 100, 'ms'));
  out.push(
    check(
      'GET /health p99 during 8 evaluations of the slowest fixture',
      evalResult?.health.during_8_evaluations.p99_ms,
      20,
      'ms'
    )
  );
  const at = (n: number) => api.find((m) => m.users === n);
  out.push(check('GET /leaderboard/ p99 at 100,000 users', at(100_000)?.leaderboard_latency.p99_ms, 10, 'ms'));
  const big = at(1_000_000)?.leaderboard_latency.p99_ms;
  const base = at(10_000)?.leaderboard_latency.p99_ms;
  out.push(
    check(
      'GET /leaderboard/ p99 at 1,000,000 users / at 10,000 users',
      big != null && base ? Math.round((big / base) * 100) / 100 : null,
      2,
      'x'
    )
  );
  const questsRps = Math.min(...api.filter((m) => m.throughput).map((m) => m.throughput!.quests.requests_per_s));
  out.push(
    check(
      'authenticated GET /quests/ requests per second (lowest seeded size)',
      Number.isFinite(questsRps) ? questsRps : null,
      5000,
      'req/s',
      false
    )
  );
  return out;
}
