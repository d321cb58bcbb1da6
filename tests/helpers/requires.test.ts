/**
 * No silent skips: a suite whose need is missing is skipped with one line on how to run it, and
 * fails in CI (CI=true), naming what is missing. Shown on a real jest run of a fixture suite.
 */
import { spawn } from 'child_process';
import { ROOT } from './live-server';

function runFixture(ci: boolean): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.CI;
  if (ci) env.CI = 'true';
  const child = spawn(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--ci', '--testMatch', '<rootDir>/tests/helpers/fixtures/missing-need.suite.ts'],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}

test('outside CI: skipped, with one line each on how to run it; in CI: failed, naming what is missing', async () => {
  const [local, ci] = await Promise.all([runFixture(false), runFixture(true)]);
  expect(local.code).toBe(0);
  expect(local.output).toContain(
    'skipped "a suite that needs it": an imaginary tool is missing: run `npm run imaginary` to run it'
  );
  expect(local.output).toContain(
    'skipped "a test that needs it": another imaginary tool is missing: run `pip install imaginary` to run it'
  );
  expect(local.output).toMatch(/Tests: +2 skipped, 1 passed, 3 total/);

  expect(ci.code).toBe(1);
  expect(ci.output).toContain(
    'an imaginary tool is missing: run `npm run imaginary` (CI=true: required suites may not skip)'
  );
  expect(ci.output).toContain(
    'another imaginary tool is missing: run `pip install imaginary` (CI=true: required tests may not skip)'
  );
  expect(ci.output).toMatch(/Tests: +2 failed, 1 passed, 3 total/);
  expect(ci.output).not.toContain('ran although its need is missing');
}, 120_000);
