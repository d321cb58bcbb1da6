/**
 * One table of metric display names (shared/metrics.ts), read by the sidebar and toasts
 * (extension/messages.ts) and by the server's OpenAPI document (shared/api.ts → /openapi.json).
 */
import { MetricName } from '../../shared/api';
import { METRIC_DISPLAY_NAMES, metricDisplayName } from '../../shared/metrics';
import { resultMessage, thresholdText } from '../../extension/messages';
import { makeTestServer } from '../server/helpers/test-server';
import { join } from 'path';

test('every metric code has a display name, and the averaged ones say how they average', () => {
  expect(Object.keys(METRIC_DISPLAY_NAMES).sort()).toEqual([...MetricName.options].sort());
  expect(metricDisplayName('r2')).toBe('R²');
  expect(metricDisplayName('mae')).toBe('MAE');
  expect(metricDisplayName('rmse')).toBe('RMSE');
  expect(metricDisplayName('roc_auc')).toBe('ROC AUC');
  expect(metricDisplayName('log_loss')).toBe('log loss');
  expect(metricDisplayName('adjusted_rand_score')).toBe('adjusted Rand index');
  expect(metricDisplayName('f1', 'macro')).toBe('F1 (macro)');
  expect(metricDisplayName('f1', 'binary')).toBe('F1');
  expect(metricDisplayName('accuracy', 'macro')).toBe('accuracy');
});

test('the toasts and the sidebar goal name the metric, never its code', () => {
  expect(thresholdText({ metric: 'adjusted_rand_score', higher_is_better: true, threshold: 0.8 })).toBe(
    'adjusted Rand index ≥ 0.8'
  );
  expect(thresholdText({ metric: 'f1', average: 'macro', higher_is_better: true, threshold: 0.9 })).toBe(
    'F1 (macro) ≥ 0.9'
  );
  const text = resultMessage(
    {
      submission_id: 1,
      quest_id: 10,
      status: 'scored',
      score: 0.7,
      metric: 'roc_auc',
      higher_is_better: true,
      threshold: 0.88,
      passed: false,
      xp_awarded: 0,
      total_xp: 0,
      level: 1,
      level_up: false,
      streak: 1,
      streak_freeze_used: false,
      new_badges: [],
      unlocked_levels: [],
      submissions_left_today: 4,
      limit_resets_at: '',
      message: '',
      created_at: '',
      finished_at: null
    },
    'Risk Ranker',
    'model'
  );
  expect(text).toContain('ROC AUC 0.7');
  expect(text).not.toContain('roc_auc');
});

test("the server's OpenAPI document names each metric code with its display name", async () => {
  const server = makeTestServer({ packDir: join(__dirname, '..', '..', 'datasets') });
  try {
    const doc = JSON.stringify(await (await server.request('/openapi.json')).json());
    for (const [code, name] of Object.entries(METRIC_DISPLAY_NAMES)) {
      expect(doc).toContain(`${code} (${name})`);
    }
  } finally {
    server.cleanup();
  }
});
