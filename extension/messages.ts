/**
 * Every learner-facing text of the submit flow, built from results and errors. Pure and free of
 * JupyterLab imports; the caller passes JupyterLab's translator function.
 */
import type { NewBadge, QuestSummary, SubmissionResult } from '../shared/api';
import { metricDisplayName } from '../shared/metrics';
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

type MetricFacts = Pick<QuestSummary, 'metric' | 'higher_is_better' | 'threshold'> &
  Partial<Pick<QuestSummary, 'average'>>;

/** The goal in words, with the metric's display name: "R² ≥ 0.8", "MAE ≤ 4". */
export function thresholdText(quest: MetricFacts): string {
  return `${metricDisplayName(quest.metric, quest.average)} ${quest.higher_is_better ? '≥' : '≤'} ${formatScore(quest.threshold)}`;
}

/**
 * What the learner should know when no error was raised: scored (passed or not), or
 * rejected/failed. `average` (from the quest) names an averaged metric fully, e.g. "F1 (macro)".
 */
export function resultMessage(
  result: SubmissionResult,
  questTitle: string,
  variable: string,
  __: Translate = identityTranslate,
  average: QuestSummary['average'] = null
): string {
  if (result.status !== 'scored') {
    return __(
      '%1 (%2): submission %3 %4. %5',
      questTitle,
      variable,
      result.submission_id,
      result.status,
      result.message
    );
  }
  const goal = thresholdText({ ...result, average });
  const score = `${metricDisplayName(result.metric, average)} ${formatScore(result.score)}`;
  if (result.passed) {
    const xp =
      result.xp_awarded > 0
        ? __(' +%1 XP (total %2).', result.xp_awarded, result.total_xp)
        : __(' No new XP: quest already completed.');
    // A level-up gets its own toast (levelUpMessage), so it is not repeated here.
    return __('%1 passed! Your %2 scored %3 (goal %4).', questTitle, variable, score, goal) + xp;
  }
  return __(
    'Not yet: %1 — your %2 scored %3, the goal is %4. %5 submissions left today.',
    questTitle,
    variable,
    score,
    goal,
    result.submissions_left_today
  );
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

/**
 * A course chapter opened by this submission (the API calls chapters course levels); `number`
 * is its place on the course path the sidebar shows.
 */
export function chapterUnlockedMessage(number: number, name: string, __: Translate = identityTranslate): string {
  return __('🔓 Chapter %1 · %2 unlocked: its quests are open now.', number, name);
}

/** Kinds of failure that get an action button in the notification. */
export type FailureAction = 'sign_in' | 'settings' | null;

export interface IFailure {
  message: string;
  action: FailureAction;
}

/** The time and zone used to show reset times; the browser's own when left out (tests pin them). */
export interface IClock {
  now?: Date;
  timeZone?: string;
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/;

/** "3 h 05 min", "12 min", "less than a minute": how long until `ms` have passed. */
export function durationText(ms: number, __: Translate = identityTranslate): string {
  const minutes = Math.ceil(Math.max(0, ms) / 60_000);
  if (minutes < 1) {
    return __('less than a minute');
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours > 0 ? __('%1 h %2 min', hours, String(rest).padStart(2, '0')) : __('%1 min', rest);
}

/** A reset instant as the learner reads a clock: weekday and 24-hour time in their zone, e.g. "Tue 00:00". */
export function localTimeText(at: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone
  }).format(at);
}

/**
 * The daily-limit message with the reset time the learner can act on, short enough for a toast
 * (JupyterLab cuts toasts at 140 characters): local clock time and the time left. The reset
 * instant comes from the server's message (an ISO instant), else from the Retry-After header.
 */
function dailyLimitMessage(error: ApiError, __: Translate, clock: IClock): string {
  const now = clock.now ?? new Date();
  const inMessage = ISO_INSTANT.exec(error.message);
  const seconds = Number(error.retryAfter);
  const resetAt = inMessage
    ? new Date(inMessage[0])
    : Number.isFinite(seconds) && seconds > 0
      ? new Date(now.getTime() + seconds * 1000)
      : null;
  if (!resetAt || Number.isNaN(resetAt.getTime())) {
    return __('Daily submission limit reached: %1', error.message);
  }
  return __(
    'Daily submission limit reached for this quest. It resets at %1, in %2 (rejected files do not count).',
    localTimeText(resetAt, clock.timeZone),
    durationText(resetAt.getTime() - now.getTime(), __)
  );
}

/** One clear message per failure cause of the submit flow. */
export function describeFailure(
  error: unknown,
  serverUrl: string,
  __: Translate = identityTranslate,
  clock: IClock = {}
): IFailure {
  if (error instanceof CompanionError) {
    return { message: error.message, action: null };
  }
  if (error instanceof ApiError) {
    if (error.status === 401 || error.code === 'not_signed_in') {
      return { message: __('You are not signed in to ML Quest. Sign in, then submit again.'), action: 'sign_in' };
    }
    if (error.status === 0 && error.code === 'server_unreachable') {
      return {
        message: __(
          'The ML Quest server at %1 cannot be reached. Check that it is running, or fix the server URL in Settings.',
          serverUrl
        ),
        action: 'settings'
      };
    }
    if (error.status === 429 && /limit/i.test(error.message)) {
      return { message: dailyLimitMessage(error, __, clock), action: null };
    }
    return { message: error.message, action: null };
  }
  return { message: error instanceof Error ? error.message : String(error), action: null };
}
