import type { SubmissionResult } from '../../shared/api';
import { ApiError } from '../../extension/api';
import { readCellQuest, isComplete } from '../../extension/cell-metadata';
import { CompanionError } from '../../extension/companion/protocol';
import {
  badgeMessage,
  describeFailure,
  durationText,
  formatScore,
  identityTranslate,
  levelUpMessage,
  localTimeText,
  resultMessage,
  resultType,
  thresholdText
} from '../../extension/messages';
import { readSettings } from '../../extension/settings';

const base: SubmissionResult = {
  submission_id: 12,
  quest_id: 1,
  status: 'scored',
  score: 0.8734567,
  metric: 'r2',
  higher_is_better: true,
  threshold: 0.6,
  passed: true,
  xp_awarded: 100,
  total_xp: 100,
  level: 2,
  level_up: true,
  streak: 1,
  streak_freeze_used: false,
  new_badges: [],
  unlocked_levels: [],
  submissions_left_today: 49,
  limit_resets_at: '2026-01-02T00:00:00Z',
  message: 'scored',
  created_at: '',
  finished_at: ''
};

describe('submit messages', () => {
  test('a pass shows score against the goal and XP; the level up is left to its own toast', () => {
    const text = resultMessage(base, 'Predict house prices', 'model');
    expect(text).toBe('Predict house prices passed! Your model scored R² 0.8735 (goal R² ≥ 0.6). +100 XP (total 100).');
    expect(text).not.toMatch(/level/i);
    expect(levelUpMessage(base.level)).toContain('level 2');
    expect(resultType(base)).toBe('success');
  });

  test('a score below the threshold is a warning that shows the score and the goal', () => {
    const failed = { ...base, score: 0.41, passed: false, xp_awarded: 0, level_up: false };
    expect(resultMessage(failed, 'Q', 'weak')).toBe(
      'Not yet: Q — your weak scored R² 0.41, the goal is R² ≥ 0.6. 49 submissions left today.'
    );
    expect(resultType(failed)).toBe('warning');
  });

  test('lower-is-better metrics use ≤; a rejected submission shows the server message', () => {
    expect(thresholdText({ metric: 'rmse', higher_is_better: false, threshold: 2.5 })).toBe('RMSE ≤ 2.5');
    const rejected = {
      ...base,
      status: 'rejected' as const,
      score: null,
      passed: null,
      message: 'The model returned 3 rows for 200 test rows.'
    };
    expect(resultMessage(rejected, 'Q', 'm')).toBe(
      'Q (m): submission 12 rejected. The model returned 3 rows for 200 test rows.'
    );
    expect(resultType(rejected)).toBe('error');
    expect(formatScore(null)).toBe('—');
  });

  test('a badge toast has icon, name and condition; the translator is applied', () => {
    const badge = {
      id: 'first-steps',
      name: 'First Steps',
      description: 'd',
      icon: '🎯',
      condition_text: 'Make your first submission'
    };
    expect(badgeMessage(badge)).toBe('🎯 Badge earned: First Steps — Make your first submission');
    const shout = (text: string, ...args: unknown[]) => identityTranslate(text.toUpperCase(), ...args);
    expect(badgeMessage(badge, shout)).toBe('🎯 BADGE EARNED: First Steps — Make your first submission');
  });

  test('each failure cause has its own message and action', () => {
    const url = 'http://localhost:8000';
    expect(describeFailure(new ApiError(401, 'not_signed_in', 'x'), url)).toMatchObject({
      action: 'sign_in',
      message: expect.stringMatching(/not signed in/)
    });
    const unreachable = describeFailure(new ApiError(0, 'server_unreachable', 'x'), url);
    expect(unreachable.action).toBe('settings');
    expect(unreachable.message).toContain(url);
    expect(describeFailure(new CompanionError('missing_converter', 'Run `%pip install skl2onnx`'), url)).toEqual({
      message: 'Run `%pip install skl2onnx`',
      action: null
    });
    expect(describeFailure(new ApiError(403, 'quest_locked', 'Earn 300 XP to unlock this quest.'), url).message).toBe(
      'Earn 300 XP to unlock this quest.'
    );
  });

  test('the daily limit shows the reset as local clock time and the time left', () => {
    const url = 'http://localhost:8000';
    const now = new Date('2026-01-01T19:27:00Z');
    const resetAt = new Date('2026-01-02T00:00:00Z');
    const clock = { now, timeZone: 'UTC' };
    // The server's message names the reset instant in UTC: it becomes the learner's clock time.
    const fromMessage = describeFailure(
      new ApiError(
        429,
        'daily_limit_reached',
        `You have used all 2 scored submissions for quest 1 today. The limit resets at ${resetAt.toISOString()} (midnight in your timezone).`,
        '16380'
      ),
      url,
      identityTranslate,
      clock
    );
    expect(fromMessage.action).toBeNull();
    expect(fromMessage.message).toBe(
      'Daily submission limit reached for this quest. It resets at Fri 00:00, in 4 h 33 min (rejected files do not count).'
    );
    expect(fromMessage.message).not.toContain(resetAt.toISOString());
    expect(fromMessage.message.length).toBeLessThanOrEqual(140); // JupyterLab cuts longer toasts
    expect(localTimeText(resetAt, 'UTC')).toBe('Fri 00:00'); // 2026-01-02 is a Friday
    // Without an instant in the message, Retry-After gives it.
    const fromHeader = describeFailure(
      new ApiError(429, 'daily_limit_reached', 'Daily submission limit of 50 reached.', '3600'),
      url,
      identityTranslate,
      clock
    );
    expect(fromHeader.message).toContain('It resets at Thu 20:27, in 1 h 00 min');
    // Neither: the server's message as it is.
    expect(describeFailure(new ApiError(429, 'daily_limit_reached', 'Daily limit reached.'), url).message).toBe(
      'Daily submission limit reached: Daily limit reached.'
    );
    // Another zone shows another clock time for the same instant.
    expect(localTimeText(resetAt, 'Asia/Tokyo')).toBe('Fri 09:00');
    expect(durationText(30_000)).toBe('1 min');
    expect(durationText(0)).toBe('less than a minute');
    expect(durationText(125 * 60_000)).toBe('2 h 05 min');
  });

  test('cell metadata is read defensively', () => {
    expect(readCellQuest({ quest: 1, model: 'model' })).toEqual({ quest: 1, model: 'model' });
    expect(readCellQuest({ quest: '2', model: 'not valid' })).toEqual({ quest: 2 });
    expect(isComplete(readCellQuest(undefined))).toBe(false);
  });

  test('settings fall back to defaults on bad values and drop trailing slashes', () => {
    expect(readSettings({ serverUrl: 'http://10.0.0.5:9000/', toastSeconds: 3 })).toEqual({
      serverUrl: 'http://10.0.0.5:9000',
      toastSeconds: 3
    });
    expect(readSettings({ serverUrl: 'ftp://x', toastSeconds: 0 })).toEqual({
      serverUrl: 'http://localhost:8000',
      toastSeconds: 6
    });
  });
});
