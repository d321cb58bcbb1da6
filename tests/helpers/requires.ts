/**
 * Suites that need something outside npm (the Python environment .venv, PyTorch in it). Outside
 * CI a suite whose need is missing is skipped with one line saying how to run it; in CI
 * (`CI=true`) it fails instead, naming what is missing, so a broken environment never goes green.
 */
export interface Need {
  /** What the suite needs, e.g. "the Python environment .venv". */
  what: string;
  /** Whether it is there. */
  present: boolean;
  /** The command that provides it, e.g. "npm run setup:python". */
  fix: string;
}

const inCi = (): boolean => /^(1|true)$/i.test(process.env.CI ?? '');

function missing(need: Need): string {
  return `${need.what} is missing: run \`${need.fix}\``;
}

/** `describe` when the need is met; else a skip with one line of advice, or in CI a failing test. */
export function describeIf(need: Need): (name: string, body: () => void) => void {
  if (need.present) return describe;
  return (name, body) => {
    if (inCi()) {
      describe(name, () =>
        test(`needs ${need.what}`, () => {
          throw new Error(`${missing(need)} (CI=true: required suites may not skip)`);
        })
      );
      return;
    }
    process.stderr.write(`skipped "${name}": ${missing(need)} to run it\n`);
    describe.skip(name, body);
  };
}

/** `test` when the need is met; else the same rule as `describeIf` for a single test. */
export function testIf(need: Need): (name: string, fn: () => Promise<void>, timeout?: number) => void {
  if (need.present) return test;
  return (name, fn, timeout) => {
    if (inCi()) {
      test(name, () => {
        throw new Error(`${missing(need)} (CI=true: required tests may not skip)`);
      });
      return;
    }
    process.stderr.write(`skipped "${name}": ${missing(need)} to run it\n`);
    test.skip(name, fn, timeout);
  };
}
