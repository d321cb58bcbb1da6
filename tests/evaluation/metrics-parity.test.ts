/**
 * Parity with scikit-learn: every case in tests/fixtures/metrics/*.json was scored by
 * scikit-learn itself (tests/fixtures/make_fixtures.py); the TypeScript metric must agree to 1e-9.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import type { MetricName } from '../../shared/api';
import { type Average, type Label, computeMetric } from '../../server/evaluation/metrics';

interface ParityCase {
  metric: MetricName;
  average?: Average;
  classes?: Label[];
  pos_label?: Label;
  y_true: Label[];
  y_pred: (Label | number)[];
  expected: number;
}

const dir = join(__dirname, '..', 'fixtures', 'metrics');
const families = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function closeTo(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

test('the parity fixtures cover every metric', () => {
  const metrics = new Set<string>();
  for (const family of families) {
    const { cases } = JSON.parse(readFileSync(join(dir, family), 'utf8')) as { cases: ParityCase[] };
    for (const c of cases) metrics.add(c.metric);
  }
  expect([...metrics].sort()).toEqual([
    'accuracy',
    'adjusted_rand_score',
    'f1',
    'log_loss',
    'mae',
    'mse',
    'precision',
    'r2',
    'recall',
    'rmse',
    'roc_auc'
  ]);
});

describe.each(families)('metrics equal scikit-learn on %s', (family) => {
  const { cases } = JSON.parse(readFileSync(join(dir, family), 'utf8')) as { cases: ParityCase[] };
  test(`${cases.length} cases agree to 1e-9`, () => {
    const mismatches: string[] = [];
    cases.forEach((c, i) => {
      const classes = c.classes ?? null;
      const actual = computeMetric(
        { metric: c.metric, average: c.average ?? null, classes, positiveLabel: c.pos_label },
        c.y_true,
        c.y_pred as Label[]
      );
      if (!closeTo(actual, c.expected)) {
        mismatches.push(
          `case ${i} ${c.metric}/${c.average ?? ''} n=${c.y_true.length}: got ${actual}, sklearn ${c.expected}`
        );
      }
    });
    expect(mismatches).toEqual([]);
  });
});
