/**
 * Vega-Lite specifications of the sidebar's pictures, built from API replies. Pure data: the
 * sidebar hands them to JupyterLab's own Vega-Lite renderer (see components/VegaChart.tsx), and
 * the unit tests read them. Colours come from the theme (palette.ts).
 */
import type { MetricName, QuestLeaderboardEntry, QuestStatus } from '../../shared/api';
import { metricDisplayName } from '../../shared/metrics';
import type { IChapter } from '../course-path';
import type { IChartPalette } from './palette';

export type VegaLiteSpec = { [key: string]: unknown };

export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

/** What every chart shares: full container width, the theme's text colour, no frame. */
function chart(palette: IChartPalette, height: number, description: string, body: VegaLiteSpec): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description,
    width: 'container',
    height,
    // The container's width; the height is the plot's, axes and labels come on top of it.
    autosize: { type: 'fit-x', contains: 'padding' },
    background: 'transparent',
    config: {
      view: { stroke: null },
      axis: { labelColor: palette.text, titleColor: palette.text, gridColor: palette.quiet, gridOpacity: 0.35 },
      // The end labels stay inside the chart's width.
      axisX: { labelFlush: true },
      text: { color: palette.text },
      font: 'var(--jp-ui-font-family)'
    },
    ...body
  };
}

export interface IMetricFacts {
  metric: MetricName;
  average?: 'binary' | 'macro' | 'weighted' | null;
  higher_is_better: boolean;
  threshold: number;
}

/** The axis title: the metric's name and which way is better. */
export function metricAxisTitle(facts: IMetricFacts): string {
  const name = metricDisplayName(facts.metric, facts.average);
  return facts.higher_is_better ? `${name} (higher is better →)` : `${name} (← lower is better)`;
}

const BOUNDED_SCORES: ReadonlySet<MetricName> = new Set<MetricName>([
  'r2',
  'accuracy',
  'precision',
  'recall',
  'f1',
  'roc_auc',
  'adjusted_rand_score'
]);

/** The part of the metric's scale to draw: 0–1 for scores (wider below 0 when needed), 0–max for errors. */
export function scaleDomain(facts: IMetricFacts, values: number[]): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (BOUNDED_SCORES.has(facts.metric)) {
    return [Math.min(0, ...finite), 1];
  }
  const top = Math.max(facts.threshold, ...finite) * 1.25;
  return [0, top > 0 ? Number(top.toPrecision(2)) : 1];
}

/**
 * One score on the metric's scale: the passing side shaded, the goal as a line, the score as a
 * dot in the colour of the verdict. The axis says which way is better.
 */
export function scoreScaleSpec(facts: IMetricFacts, score: number, palette: IChartPalette): VegaLiteSpec {
  const [low, high] = scaleDomain(facts, [score]);
  const passed = facts.higher_is_better ? score >= facts.threshold : score <= facts.threshold;
  const band = facts.higher_is_better ? { from: facts.threshold, to: high } : { from: low, to: facts.threshold };
  const x = { scale: { domain: [low, high], nice: false, clamp: true }, title: metricAxisTitle(facts) };
  return chart(palette, 34, `Score ${score} against the goal ${facts.threshold}`, {
    layer: [
      {
        data: { values: [band] },
        mark: { type: 'rect', color: palette.good, opacity: 0.25 },
        encoding: { x: { field: 'from', type: 'quantitative', ...x }, x2: { field: 'to' } }
      },
      {
        data: { values: [{ goal: facts.threshold }] },
        mark: { type: 'rule', color: palette.good, strokeWidth: 2 },
        encoding: { x: { field: 'goal', type: 'quantitative' }, tooltip: { field: 'goal', title: 'goal' } }
      },
      {
        data: { values: [{ score, verdict: passed ? 'passed' : 'not yet' }] },
        mark: { type: 'point', filled: true, size: 120, color: passed ? palette.good : palette.bad },
        encoding: {
          x: { field: 'score', type: 'quantitative' },
          tooltip: [
            { field: 'score', title: 'your score' },
            { field: 'verdict', title: 'result' }
          ]
        }
      }
    ]
  });
}

export interface IScorePoint {
  attempt: number;
  score: number;
  at: string;
  passed: boolean;
}

/** The learner's scored attempts at a quest, in order, with the goal as a dashed line. */
export function scoreHistorySpec(facts: IMetricFacts, points: IScorePoint[], palette: IChartPalette): VegaLiteSpec {
  const [low, high] = scaleDomain(
    facts,
    points.map((p) => p.score)
  );
  const rows = points.map((p) => ({ ...p, verdict: p.passed ? 'passed' : 'not yet' }));
  return chart(palette, 110, `Score history: ${points.length} attempts`, {
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', color: palette.quiet, point: false },
        encoding: {
          // One tick per attempt: whole numbers only.
          x: {
            field: 'attempt',
            type: 'quantitative',
            title: 'attempt',
            axis: { values: points.map((p) => p.attempt), format: 'd' }
          },
          y: {
            field: 'score',
            type: 'quantitative',
            title: metricDisplayName(facts.metric, facts.average),
            scale: { domain: [low, high] }
          }
        }
      },
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          x: { field: 'attempt', type: 'quantitative' },
          y: { field: 'score', type: 'quantitative' },
          color: {
            field: 'verdict',
            type: 'nominal',
            scale: { domain: ['passed', 'not yet'], range: [palette.good, palette.bad] },
            legend: null
          },
          tooltip: [
            { field: 'attempt', title: 'attempt' },
            { field: 'score', title: 'score' },
            { field: 'verdict', title: 'result' },
            { field: 'at', title: 'submitted', type: 'temporal', format: '%b %d, %H:%M' }
          ]
        }
      },
      {
        data: {
          values: [{ goal: facts.threshold, label: `goal ${facts.higher_is_better ? '≥' : '≤'} ${facts.threshold}` }]
        },
        layer: [
          {
            mark: { type: 'rule', color: palette.good, strokeDash: [4, 3] },
            encoding: { y: { field: 'goal', type: 'quantitative' } }
          },
          {
            mark: { type: 'text', align: 'left', dx: 2, dy: -6, color: palette.text, fontSize: 10 },
            encoding: { y: { field: 'goal', type: 'quantitative' }, x: { value: 0 }, text: { field: 'label' } }
          }
        ]
      }
    ]
  });
}

export interface IXpFacts {
  total_xp: number;
  level: number;
  level_xp: number;
  next_level_xp: number;
}

/** The XP bar of the current player level, from its start to the next level's threshold. */
export function xpBarSpec(xp: IXpFacts, palette: IChartPalette): VegaLiteSpec {
  const x = {
    type: 'quantitative',
    scale: { domain: [xp.level_xp, xp.next_level_xp], nice: false },
    title: null,
    axis: null
  };
  return chart(palette, 12, `${xp.total_xp} XP; level ${xp.level + 1} at ${xp.next_level_xp} XP`, {
    layer: [
      {
        data: { values: [{ from: xp.level_xp, to: xp.next_level_xp }] },
        mark: { type: 'bar', color: palette.quiet, opacity: 0.35, cornerRadius: 3 },
        encoding: { x: { field: 'from', ...x, axis: null }, x2: { field: 'to' } }
      },
      {
        data: { values: [{ from: xp.level_xp, to: Math.min(xp.total_xp, xp.next_level_xp), xp: xp.total_xp }] },
        mark: { type: 'bar', color: palette.accent, cornerRadius: 3 },
        encoding: { x: { field: 'from', ...x }, x2: { field: 'to' }, tooltip: { field: 'xp', title: 'your XP' } }
      },
      {
        data: { values: [{ at: xp.next_level_xp, label: `Level ${xp.level + 1}` }] },
        mark: { type: 'rule', color: palette.text, strokeWidth: 2 },
        encoding: { x: { field: 'at', ...x }, tooltip: { field: 'label', title: 'next level' } }
      }
    ]
  });
}

const STATUS_WORDS: Record<QuestStatus, string> = { completed: 'done', available: 'available', locked: 'locked' };

/**
 * The course as a path: one row per chapter, one dot per quest in path order, joined by a line
 * that winds down the rows (left to right, then right to left); done, available and locked in
 * three colours. Locked chapters name the XP that opens them.
 */
export function courseMapSpec(chapters: IChapter[], palette: IChartPalette): VegaLiteSpec {
  const widest = Math.max(1, ...chapters.map((c) => c.quests.length));
  const rows = chapters.flatMap((chapter, row) =>
    chapter.quests.map((q, index) => ({
      number: q.number,
      column: row % 2 === 0 ? index + 1 : widest - index,
      chapter: chapterLabel(chapter),
      title: q.quest.title,
      state: STATUS_WORDS[q.quest.status]
    }))
  );
  const order = chapters.map(chapterLabel);
  const y = {
    field: 'chapter',
    type: 'ordinal',
    sort: order,
    title: null,
    axis: { labelLimit: 130, ticks: false, domain: false }
  };
  const x = {
    field: 'column',
    type: 'ordinal',
    title: null,
    axis: null,
    scale: { domain: Array.from({ length: widest }, (_, i) => i + 1) }
  };
  return chart(
    palette,
    Math.max(60, chapters.length * 30),
    `Course map: ${rows.length} quests in ${chapters.length} chapters`,
    {
      data: { values: rows },
      layer: [
        {
          mark: { type: 'line', color: palette.quiet, strokeWidth: 2 },
          encoding: { x, y, order: { field: 'number' } }
        },
        {
          mark: { type: 'circle', size: 260, opacity: 1 },
          encoding: {
            x,
            y,
            color: {
              field: 'state',
              type: 'nominal',
              scale: { domain: ['done', 'available', 'locked'], range: [palette.good, palette.accent, palette.quiet] },
              legend: { orient: 'bottom', title: null, labelColor: palette.text }
            },
            tooltip: [
              { field: 'number', title: 'quest' },
              { field: 'title', title: 'title' },
              { field: 'state', title: 'state' }
            ]
          }
        },
        {
          mark: { type: 'text', fontSize: 9, fontWeight: 'bold', color: '#ffffff' },
          encoding: { x, y, text: { field: 'number' } }
        }
      ]
    }
  );
}

export function chapterLabel(chapter: IChapter): string {
  return chapter.unlocked ? `${chapter.number} · ${chapter.name}` : `${chapter.number} · 🔒 ${chapter.requiredXp} XP`;
}

/** Best score per player on one quest; the learner's bar in the accent colour, the goal as a line. */
export function questLeaderboardSpec(
  facts: IMetricFacts,
  entries: QuestLeaderboardEntry[],
  me: string | null,
  palette: IChartPalette
): VegaLiteSpec {
  const rows = entries.map((e) => ({
    player: `${e.rank}. ${e.display_name ?? e.username}`,
    name: e.display_name ?? e.username,
    score: e.best_score,
    own: e.username === me ? 'you' : 'others'
  }));
  const [low, high] = scaleDomain(
    facts,
    entries.map((e) => e.best_score)
  );
  const x = { type: 'quantitative', scale: { domain: [low, high], nice: false }, title: metricAxisTitle(facts) };
  return chart(palette, Math.max(40, rows.length * 18), `Quest leaderboard: ${rows.length} players`, {
    layer: [
      {
        data: { values: rows },
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          y: { field: 'player', type: 'nominal', sort: null, title: null, axis: { labelLimit: 90 } },
          x: { field: 'score', ...x },
          color: {
            field: 'own',
            type: 'nominal',
            scale: { domain: ['you', 'others'], range: [palette.accent, palette.quiet] },
            legend: null
          },
          tooltip: [
            { field: 'name', title: 'player' },
            { field: 'score', title: 'best score' }
          ]
        }
      },
      {
        data: { values: [{ goal: facts.threshold }] },
        mark: { type: 'rule', color: palette.good, strokeDash: [4, 3], strokeWidth: 2 },
        encoding: { x: { field: 'goal', ...x }, tooltip: { field: 'goal', title: 'goal' } }
      }
    ]
  });
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `YYYY-MM-DD` of a local calendar day. */
export function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last `weeks` calendar weeks (Monday first) up to `today`, each day marked active or not. */
export function calendarDays(
  activeDays: string[],
  today: Date,
  weeks = 8
): { day: string; week: number; weekday: string; active: boolean }[] {
  const active = new Set(activeDays);
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const mondayOffset = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - mondayOffset - 7 * (weeks - 1));
  const out = [];
  for (let i = 0; ; i++) {
    const date = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i);
    if (date > today) {
      break;
    }
    const day = dayKey(date);
    out.push({ day, week: Math.floor(i / 7) + 1, weekday: WEEKDAYS[i % 7], active: active.has(day) });
  }
  return out;
}

/** The streak calendar: the last weeks as columns, weekdays as rows, active days filled. */
export function streakCalendarSpec(activeDays: string[], today: Date, palette: IChartPalette, weeks = 8): VegaLiteSpec {
  const rows = calendarDays(activeDays, today, weeks).map((d) => ({
    ...d,
    state: d.active ? 'active' : 'no submission'
  }));
  return chart(palette, 84, `Streak calendar: ${rows.filter((r) => r.active).length} active days in ${weeks} weeks`, {
    data: { values: rows },
    mark: { type: 'rect', cornerRadius: 2, stroke: 'transparent', strokeWidth: 2 },
    encoding: {
      x: { field: 'week', type: 'ordinal', title: null, axis: null },
      y: {
        field: 'weekday',
        type: 'ordinal',
        sort: WEEKDAYS,
        title: null,
        axis: { labelColor: palette.text, ticks: false, domain: false }
      },
      color: {
        field: 'state',
        type: 'nominal',
        scale: { domain: ['active', 'no submission'], range: [palette.good, palette.quiet] },
        legend: null
      },
      opacity: { condition: { test: 'datum.active', value: 1 }, value: 0.3 },
      tooltip: [
        { field: 'day', title: 'day' },
        { field: 'state', title: ' ' }
      ]
    }
  });
}
