/**
 * Evaluator processes run at a lower CPU priority than the server (nice +10), so the server's
 * event loop is scheduled first while models run; the memory limit still applies to them.
 */
import fs from 'node:fs';
import os from 'node:os';
import { EvaluatorPool } from '../../server/evaluation/evaluator-pool';

let pool: EvaluatorPool;

beforeAll(async () => {
  pool = new EvaluatorPool({ size: 2, timeoutMs: 5000, memoryMb: 512 });
  await pool.whenReady();
});

afterAll(async () => {
  await pool.close();
});

test('every evaluator runs 10 nice levels below the server (capped at 19), under the memory limit', () => {
  const expected = Math.min(19, os.getPriority() + 10);
  const evaluators = pool.pids();
  expect(evaluators).toHaveLength(2);
  for (const { pid } of evaluators) {
    expect(os.getPriority(pid)).toBe(expected);
    if (!fs.existsSync(`/proc/${pid}/limits`)) continue; // Linux shows the limit; elsewhere only the priority is checked
    const limits = fs.readFileSync(`/proc/${pid}/limits`, 'utf8');
    const data = /Max data size\s+(\d+)/.exec(limits);
    expect(Number(data?.[1])).toBe(512 * 1024 * 1024);
  }
});
