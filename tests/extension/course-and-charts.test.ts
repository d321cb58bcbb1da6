/**
 * The course path (chapters and quest numbers as the learner sees them), the submit dialog's
 * quest choice, the notebook's quest, the preview-gap advice and the charts' Vega-Lite specs,
 * from the real quest pack as the real server describes it to a new learner.
 */
import { join } from 'path';
import type { Progress, QuestSummary } from '../../shared/api';
import { notebookQuest, submitCellIndex } from '../../extension/cell-metadata';
import { FALLBACK_PALETTE } from '../../extension/charts/palette';
import {
  calendarDays,
  courseMapSpec,
  metricAxisTitle,
  questLeaderboardSpec,
  scaleDomain,
  scoreHistorySpec,
  scoreScaleSpec,
  streakCalendarSpec,
  xpBarSpec
} from '../../extension/charts/specs';
import { coursePath, newlyUnlocked, nextChapter, questNumbers } from '../../extension/course-path';
import { chapterUnlockedMessage, identityTranslate } from '../../extension/messages';
import { questOptions } from '../../extension/quest-options';
import { isLargeGap, previewGapSentence } from '../../extension/result-advice';
import { makeTestServer, type TestServer } from '../server/helpers/test-server';

let server: TestServer;
let progress: Progress;
let quests: QuestSummary[];

beforeAll(async () => {
  server = makeTestServer({ packDir: join(__dirname, '..', '..', 'datasets') });
  const user = await server.registerAndLogin();
  progress = (await (await server.request('/user/progress', { token: user.token })).json()) as Progress;
  quests = (await (await server.request('/quests/', { token: user.token })).json()) as QuestSummary[];
});
afterAll(() => server.cleanup());

/** Every layer's data rows of a spec. */
function rows(spec: Record<string, unknown>): Record<string, unknown>[] {
  const own = ((spec.data as { values?: Record<string, unknown>[] } | undefined)?.values ?? []) as Record<
    string,
    unknown
  >[];
  const layers = (spec.layer as Record<string, unknown>[] | undefined) ?? [];
  return [...own, ...layers.flatMap(rows)];
}

test('quests are numbered along the path the learner sees, chapter by chapter', () => {
  const chapters = coursePath(progress.levels, quests);
  expect(chapters.map((c) => [c.number, c.name])).toEqual([
    [1, 'First Models'],
    [2, 'Classification'],
    [3, 'Beyond Straight Lines'],
    [4, 'Probabilities'],
    [5, 'Real Data'],
    [6, 'Mastery']
  ]);
  const numbers = questNumbers(chapters);
  // Chapter 1 holds quests 1, 6 and 7 of the pack: the learner meets them as quests 1, 2, 3.
  expect([numbers.get(1), numbers.get(6), numbers.get(7), numbers.get(3)]).toEqual([1, 2, 3, 4]);
  expect([...numbers.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: quests.length }, (_, i) => i + 1));
  expect(nextChapter(chapters, progress.total_xp)).toMatchObject({ chapter: { number: 2 }, xpNeeded: 100 });
  const opened = coursePath(
    progress.levels.map((l) => (l.required_xp <= 100 ? { ...l, unlocked: true } : l)),
    quests
  );
  expect(newlyUnlocked(chapters, opened).map((c) => c.name)).toEqual(['Classification']);
  expect(chapterUnlockedMessage(2, 'Classification')).toBe(
    '🔓 Chapter 2 · Classification unlocked: its quests are open now.'
  );
});

test("the submit dialog offers only open quests and starts on the notebook's quest", () => {
  const numbers = questNumbers(coursePath(progress.levels, quests));
  const fromQuest7 = questOptions(quests, numbers, 7, identityTranslate);
  expect(fromQuest7.options.map((o) => o.id)).toEqual([1, 6, 7]);
  expect(fromQuest7.options.map((o) => o.label)).toEqual([
    'Quest 1 · Linear Regression Challenge',
    'Quest 2 · Iris Flower Spotter',
    'Quest 3 · Delivery Time Estimator'
  ]);
  expect(fromQuest7.selected).toBe(7);
  // A locked quest is not offered, not even as the start.
  expect(questOptions(quests, numbers, 13, identityTranslate).selected).toBe(1);
  // A cell without metadata in quest 7's notebook: the notebook's own metadata, or any cell's.
  expect(notebookQuest({ quest: 7 }, [{}, {}])).toBe(7);
  expect(notebookQuest({}, [{}, { quest: 7, model: 'model' }])).toBe(7);
  expect(notebookQuest(undefined, [{}])).toBeUndefined();
  expect(submitCellIndex([{}, { quest: 7 }, { quest: 7, model: 'model' }])).toBe(2);
});

test('a large gap between the cross-validation preview and the hidden score gets one sentence', () => {
  const higher = { higher_is_better: true };
  const lower = { higher_is_better: false };
  expect(previewGapSentence(higher, 0.95, 0.78)).toMatch(/overfitting/);
  expect(previewGapSentence(lower, 2.6, 7.9)).toMatch(/overfitting/);
  expect(previewGapSentence(higher, 0.7, 0.9)).toMatch(/little data/);
  expect(previewGapSentence(higher, 0.86, 0.85)).toBeNull();
  expect(previewGapSentence(higher, null, 0.85)).toBeNull();
  expect(isLargeGap(lower, 100, 104)).toBe(false); // 4 % of the preview: noise, not a story
});

test('charts: the score on its scale with the passing side shaded and the direction in the axis title', () => {
  const mae = { metric: 'mae' as const, higher_is_better: false, threshold: 4 };
  expect(metricAxisTitle(mae)).toBe('MAE (← lower is better)');
  expect(metricAxisTitle({ metric: 'r2', higher_is_better: true, threshold: 0.8 })).toBe('R² (higher is better →)');
  expect(scaleDomain(mae, [7.99])).toEqual([0, 10]);
  expect(scaleDomain({ metric: 'r2', higher_is_better: true, threshold: 0.8 }, [-0.4])).toEqual([-0.4, 1]);
  const scale = rows(scoreScaleSpec(mae, 7.99, FALLBACK_PALETTE));
  expect(scale).toEqual([{ from: 0, to: 4 }, { goal: 4 }, { score: 7.99, verdict: 'not yet' }]);

  const history = scoreHistorySpec(
    { metric: 'r2', higher_is_better: true, threshold: 0.8 },
    [
      { attempt: 1, score: 0.41, at: '2026-01-01T10:00:00Z', passed: false },
      { attempt: 2, score: 0.89, at: '2026-01-01T10:05:00Z', passed: true }
    ],
    FALLBACK_PALETTE
  );
  expect(
    rows(history)
      .filter((r) => 'verdict' in r)
      .map((r) => r.verdict)
  ).toEqual(['not yet', 'passed', 'not yet', 'passed']);
  expect(rows(history)).toContainEqual({ goal: 0.8, label: 'goal ≥ 0.8' });
  const layers = history.layer as { encoding?: { x?: { axis?: { values?: number[] } } } }[];
  expect(layers[0].encoding?.x?.axis?.values).toEqual([1, 2]); // a tick per attempt, no 1.5
});

test('charts: XP bar, course map, quest leaderboard and streak calendar carry the data they show', () => {
  const xp = rows(xpBarSpec(progress, FALLBACK_PALETTE));
  expect(xp).toContainEqual({ at: progress.next_level_xp, label: `Level ${progress.level + 1}` });

  const map = rows(courseMapSpec(coursePath(progress.levels, quests), FALLBACK_PALETTE));
  expect(map).toHaveLength(quests.length);
  expect(map.filter((r) => r.state === 'available').map((r) => r.title)).toEqual([
    'Linear Regression Challenge',
    'Iris Flower Spotter',
    'Delivery Time Estimator'
  ]);
  // The path winds: chapter 2 runs right to left from the edge of the widest chapter (the four
  // quests of Real Data), so chapter 1's three quests end one column short of it.
  expect(map.find((r) => r.number === 3)).toMatchObject({ column: 3 });
  expect(map.find((r) => r.number === 4)).toMatchObject({ chapter: '2 · 🔒 100 XP', state: 'locked', column: 4 });
  expect(map.find((r) => r.number === 7)).toMatchObject({ column: 1 });

  const board = rows(
    questLeaderboardSpec(
      { metric: 'r2', higher_is_better: true, threshold: 0.8 },
      [
        { rank: 1, username: 'a_very_long_username_indeed', display_name: null, best_score: 0.9, achieved_at: '' },
        { rank: 2, username: 'me', display_name: 'Me Myself', best_score: 0.85, achieved_at: '' }
      ],
      'me',
      FALLBACK_PALETTE
    )
  );
  expect(board.slice(0, 2)).toEqual([
    { player: '1. a_very_long_username_indeed', name: 'a_very_long_username_indeed', score: 0.9, own: 'others' },
    { player: '2. Me Myself', name: 'Me Myself', score: 0.85, own: 'you' }
  ]);

  const today = new Date(2026, 0, 14); // a Wednesday
  const days = calendarDays(['2026-01-12', '2026-01-14', '2025-01-01'], today, 2);
  expect(days[0]).toMatchObject({ day: '2026-01-05', weekday: 'Mon', week: 1 });
  expect(days[days.length - 1]).toMatchObject({ day: '2026-01-14', weekday: 'Wed', week: 2, active: true });
  expect(days.filter((d) => d.active).map((d) => d.day)).toEqual(['2026-01-12', '2026-01-14']);
  expect(rows(streakCalendarSpec(['2026-01-12'], today, FALLBACK_PALETTE, 2))).toHaveLength(10);
});
