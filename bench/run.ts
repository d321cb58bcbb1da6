/**
 * `npm run bench` (full, at most 15 minutes on 2 cores) and `npm run bench -- --quick` (under a
 * minute, smaller sizes). Prints one JSON document on stdout and writes it to
 * bench/results/<date>-<full|quick>.json; progress goes to stderr.
 *
 * Options: --quick, --only=eval|api, --out=<file>.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runApiBench, type SizeMeasurement } from './api-bench';
import { runEvalBench, type EvalBenchResult } from './evaluation-bench';
import { machineInfo } from './machine';
import { checkTargets } from './targets';

export interface BenchSettings {
  mode: 'full' | 'quick';
  eval: { requestsC1: number; requestsC8: number; baselineRepetitions: number; healthLoadMs: number };
  api: {
    userSizes: number[];
    throughputSizes: number[];
    submissions: number;
    latencyRequests: number;
    throughputConnections: number;
    throughputDurationS: number;
  };
}

export const FULL: BenchSettings = {
  mode: 'full',
  eval: { requestsC1: 300, requestsC8: 600, baselineRepetitions: 300, healthLoadMs: 10_000 },
  api: {
    userSizes: [1_000, 10_000, 100_000, 1_000_000],
    throughputSizes: [10_000, 100_000],
    submissions: 1_000_000,
    latencyRequests: 3_000,
    throughputConnections: 32,
    throughputDurationS: 10
  }
};

export const QUICK: BenchSettings = {
  mode: 'quick',
  eval: { requestsC1: 40, requestsC8: 80, baselineRepetitions: 40, healthLoadMs: 2_000 },
  api: {
    userSizes: [1_000, 10_000],
    throughputSizes: [10_000],
    submissions: 100_000,
    latencyRequests: 400,
    throughputConnections: 32,
    throughputDurationS: 2
  }
};

function argValue(args: string[], name: string): string | undefined {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const settings = args.includes('--quick') ? QUICK : FULL;
  const only = argValue(args, 'only');
  const repoRoot = path.resolve(__dirname, '../..');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlquest-bench-'));
  const log = (m: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${m}\n`);
  const t0 = performance.now();
  const started = new Date();
  const startMachine = machineInfo();
  let evalResult: EvalBenchResult | null = null;
  let api: SizeMeasurement[] = [];
  try {
    if (only !== 'api') evalResult = await runEvalBench({ repoRoot, workDir, ...settings.eval, log });
    if (only !== 'eval') api = await runApiBench({ repoRoot, workDir, ...settings.api, log });
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const doc = {
    benchmark: 'ML Quest',
    mode: settings.mode,
    date: started.toISOString(),
    duration_s: Math.round((performance.now() - t0) / 100) / 10,
    machine: { ...startMachine, load_average_1m_at_end: Math.round(os.loadavg()[0] * 100) / 100 },
    settings,
    evaluation: evalResult,
    api,
    targets: checkTargets(evalResult, api)
  };
  const json = JSON.stringify(doc, null, 2);
  const out =
    argValue(args, 'out') ??
    path.join(repoRoot, 'bench/results', `${started.toISOString().replace(/[:.]/g, '-')}-${settings.mode}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${json}\n`);
  process.stdout.write(`${json}\n`);
  log(`written to ${path.relative(process.cwd(), out)}`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
