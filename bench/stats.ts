/** Latency statistics: count, mean, median, 90th/99th percentiles and max, in milliseconds. */

export interface LatencySummary {
  count: number;
  mean_ms: number | null;
  p50_ms: number | null;
  p90_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
}

/** The q-quantile (0..1) of ascending-sorted values, nearest-rank method. */
export function quantile(sorted: number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function summarize(values: number[]): LatencySummary {
  if (values.length === 0) return { count: 0, mean_ms: null, p50_ms: null, p90_ms: null, p99_ms: null, max_ms: null };
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return {
    count: s.length,
    mean_ms: round(mean),
    p50_ms: round(quantile(s, 0.5)),
    p90_ms: round(quantile(s, 0.9)),
    p99_ms: round(quantile(s, 0.99)),
    max_ms: round(s[s.length - 1])
  };
}
