/**
 * Every learner-facing text of the submit flow, built from results and errors. Pure and free of
 * JupyterLab imports; the caller passes JupyterLab's translator function.
 */
import type { NewBadge, QuestSummary, SubmissionResult } from '../shared/api';
import { ApiError } from './api';
import { CompanionError } from './companion/protocol';

/** A translator like JupyterLab's `trans.__`: `%1`, `%2`… are replaced by the arguments. */
export type Translate = (text: string, ...args: unknown[]) => string;

export const identityTranslate: Translate = (text, ...args) =>
  text.replace(/%(\d+)/g, (whole, n) => (args[Number(n) - 1] !== undefined ? String(args[Number(n) - 1]) : whole));

export function formatScore(score: number | null): string {
  if (score === null || !Number.isFinite(score)) {
    return '—';
  }
  return Math.abs(score) >= 1000 ? score.toFixed(1) : Number(score.toPrecision(4)).toString();
}

export function thresholdText(quest: Pick<QuestSummary, 'metric' | 'higher_is_better' | 'threshold'>): string {
  return `${quest.metric} ${quest.higher_is_better ? '≥' : '≤'} ${formatScore(quest.threshold)}`;
}

/** What the learner should know when no error was raised: scored (passed or not), or rejected/failed. */
export function resultMessage(result: SubmissionResult, questTitle: string, variable: string, __: Translate = identityTranslate): string {
  if (result.status !== 'scored') {
    return __('%1 (%2): submission %3 %4. %5', questTitle, variable, result.submission_id, result.status, result.message);
  }
  const goal = thresholdText(result);
  const score = `${result.metric} ${formatScore(result.score)}`;
  if (result.passed) {
    const xp = result.xp_awarded > 0 ? __(' +%1 XP (total %2).', result.xp_awarded, result.total_xp) : __(' No new XP: quest already completed.');
    const level = result.level_up ? __(' Level up: you reached level %1!', result.level) : '';
    return __('Quest passed with %1: %2 — %3 (goal %4).', variable, questTitle, score, goal) + xp + level;
  }
  return __('Not yet with %1: %2 — %3, the goal is %4. %5 submissions left today.', variable, questTitle, score, goal, result.submissions_left_today);
}

export function resultType(result: SubmissionResult): 'success' | 'warning' | 'error' {
  if (result.status !== 'scored') {
    return 'error';
  }
  return result.passed ? 'success' : 'warning';
}

export function badgeMessage(badge: NewBadge, __: Translate = identityTranslate): string {
  return __('%1 Badge earned: %2 — %3', badge.icon, badge.name, badge.condition_text);
}

export function levelUpMessage(level: number, __: Translate = identityTranslate): string {
  return __('⬆️ Level up! You are now level %1.', level);
}

/** Kinds of failure that get an action button in the notification. */
export type FailureAction = 'sign_in' | 'settings' | null;

export interface IFailure {
  message: string;
  action: FailureAction;
}

/** One clear message per failure cause of the submit flow. */
export function describeFailure(error: unknown, serverUrl: string, __: Translate = identityTranslate): IFailure {
  if (error instanceof CompanionError) {
    return { message: error.message, action: null };
  }
  if (error instanceof ApiError) {
    if (error.status === 401 || error.code === 'not_signed_in') {
      return { message: __('You are not signed in to ML Quest. Sign in, then submit again.'), action: 'sign_in' };
    }
    if (error.status === 0 && error.code === 'server_unreachable') {
      return {
        message: __('The ML Quest server at %1 cannot be reached. Check that it is running, or fix the server URL in Settings.', serverUrl),
        action: 'settings'
      };
    }
    if (error.status === 429 && /limit/i.test(error.message)) {
      const reset = error.retryAfter && !/reset/i.test(error.message) ? __(' It resets in %1 seconds.', error.retryAfter) : '';
      return { message: __('Daily submission limit reached: %1', error.message) + reset, action: null };
    }
    return { message: error.message, action: null };
  }
  return { message: error instanceof Error ? error.message : String(error), action: null };
}
