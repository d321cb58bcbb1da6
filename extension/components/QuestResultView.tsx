/**
 * A quest's results, kept in its card: the latest score on the metric's scale against the goal,
 * a sentence when the cross-validation preview and the hidden score differ a lot, the score
 * history with the goal line, the hints revealed so far (the newest marked) and the quest
 * leaderboard.
 */
import * as React from 'react';
import type { QuestSummary } from '../../shared/api';
import { metricDisplayName } from '../../shared/metrics';
import { questLeaderboardSpec, scoreHistorySpec, scoreScaleSpec, type IScorePoint } from '../charts/specs';
import { formatScore, thresholdText, type Translate } from '../messages';
import type { IQuestResult, QuestModel } from '../model';
import { previewGapSentence } from '../result-advice';
import { useQuestExtras } from './useQuestExtras';
import { VegaChart } from './VegaChart';

export interface IQuestResultViewProps {
  model: QuestModel;
  quest: QuestSummary;
  latest: IQuestResult | undefined;
  me: string;
  trans: Translate;
}

export function QuestResultView({ model, quest, latest, me, trans: __ }: IQuestResultViewProps): JSX.Element {
  const extras = useQuestExtras(model, quest.id, `${latest?.result.submission_id ?? 0}:${quest.attempts}`);
  const facts = quest;
  const metric = metricDisplayName(quest.metric, quest.average);
  const scored = (extras.history?.submissions ?? []).filter((s) => s.status === 'scored' && s.score !== null).reverse();
  const points: IScorePoint[] = scored.map((s, index) => ({
    attempt: index + 1,
    score: s.score as number,
    at: s.created_at,
    passed: s.passed === true
  }));
  const last = latest?.result.status === 'scored' ? latest.result.score : (points[points.length - 1]?.score ?? null);
  const gap = latest ? previewGapSentence(facts, latest.cvScore, latest.result.score, __) : null;
  const hints = extras.detail?.hints ?? [];
  const hintsTotal = extras.detail?.hints_total;
  const board = extras.leaderboard;
  return (
    <div className="jp-mlquest-result" aria-label={__('Results of %1', quest.title)}>
      {extras.error && (
        <div className="jp-mlquest-error" role="alert">
          {extras.error}
        </div>
      )}
      {last !== null ? (
        <>
          <div className="jp-mlquest-result-line">
            {__('Latest: %1 %2 — goal %3', metric, formatScore(last), thresholdText(quest))}
          </div>
          <VegaChart
            className="jp-mlquest-scale"
            spec={(palette) => scoreScaleSpec(facts, last, palette)}
            label={__(
              'Latest score %1 on the %2 scale; the goal is %3',
              formatScore(last),
              metric,
              thresholdText(quest)
            )}
          />
        </>
      ) : (
        <div className="jp-mlquest-muted">{__('No scored submission yet.')}</div>
      )}
      {latest && latest.cvScore !== null && (
        <div className="jp-mlquest-muted jp-mlquest-cv">
          {__('Cross-validation preview in your notebook: %1', formatScore(latest.cvScore))}
        </div>
      )}
      {gap && <p className="jp-mlquest-gap">{gap}</p>}
      {points.length > 0 && (
        <>
          <h4>{__('Your attempts')}</h4>
          <VegaChart
            className="jp-mlquest-history"
            spec={(palette) => scoreHistorySpec(facts, points, palette)}
            label={__('Score history: %1 scored attempts, the goal is %2', points.length, thresholdText(quest))}
          />
        </>
      )}
      {hints.length > 0 && (
        <>
          <h4>{hintsTotal !== undefined ? __('Hints (%1 of %2)', hints.length, hintsTotal) : __('Hints')}</h4>
          <ol className="jp-mlquest-hints">
            {hints.map((hint, index) => (
              <li key={index} className={index === hints.length - 1 ? 'jp-mod-newest' : ''}>
                {index === hints.length - 1 && hints.length > 1 && <span className="jp-mlquest-new">{__('new')}</span>}
                {hint}
              </li>
            ))}
          </ol>
          {hintsTotal !== undefined && hints.length < hintsTotal && (
            <div className="jp-mlquest-muted">{__('Another hint appears after each attempt that falls short.')}</div>
          )}
        </>
      )}
      {board && board.entries.length > 0 && (
        <>
          <h4>{__('Quest leaderboard')}</h4>
          <VegaChart
            className="jp-mlquest-quest-board"
            spec={(palette) => questLeaderboardSpec(facts, board.entries, me, palette)}
            label={__(
              'Best %1 of the top %2 players; %3',
              metric,
              board.entries.length,
              board.me
                ? __('you are #%1 with %2', board.me.rank, formatScore(board.me.best_score))
                : __('you are not ranked yet')
            )}
          />
          {board.me && (
            <div className="jp-mlquest-muted">
              {__('You: #%1 of %2, best %3', board.me.rank, board.total, formatScore(board.me.best_score))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
