/**
 * The player: name, player level and XP, the XP bar up to the next level's threshold, the
 * streak with the freezes held, and the streak calendar of the last weeks.
 */
import * as React from 'react';
import type { ProgressReply } from '../api';
import { streakCalendarSpec, xpBarSpec } from '../charts/specs';
import type { Translate } from '../messages';
import { VegaChart } from './VegaChart';

export interface IPlayerHeaderProps {
  progress: ProgressReply;
  trans: Translate;
}

export function PlayerHeader({ progress, trans: __ }: IPlayerHeaderProps): JSX.Element {
  const next = progress.level + 1;
  const xpLabel = __(
    '%1 XP; level %2 at %3 XP (%4 to go)',
    progress.total_xp,
    next,
    progress.next_level_xp,
    progress.xp_to_next_level
  );
  const days = progress.active_days;
  const freezes = progress.streak_freezes;
  return (
    <div className="jp-mlquest-player">
      <div className="jp-mlquest-player-line">
        <strong className="jp-mlquest-ellipsis" title={progress.username}>
          {progress.username}
        </strong>
        <span className="jp-mlquest-level" title={__('Your player level: it grows with your XP')}>
          {__('Level %1', progress.level)}
        </span>
        <span className="jp-mlquest-xp">{__('%1 XP', progress.total_xp)}</span>
      </div>
      <VegaChart className="jp-mlquest-xp-chart" spec={(palette) => xpBarSpec(progress, palette)} label={xpLabel} />
      <div className="jp-mlquest-player-line jp-mlquest-muted jp-mlquest-xp-ends">
        <span>{__('Level %1 · %2 XP', progress.level, progress.level_xp)}</span>
        <span>{__('Level %1 at %2 XP', next, progress.next_level_xp)}</span>
      </div>
      <div className="jp-mlquest-player-line jp-mlquest-muted">
        <span>{__('%1 XP to level %2', progress.xp_to_next_level, next)}</span>
        <span title={__('Current and longest streak, in days')}>
          {__('Streak %1 (best %2)', progress.current_streak, progress.longest_streak)}
        </span>
      </div>
      {freezes !== undefined && (
        <div
          className="jp-mlquest-muted jp-mlquest-freezes"
          title={__('A 7-day streak earns a freeze (at most 2): a missed day uses one instead of ending the streak.')}
        >
          {__('Streak freezes: %1 of 2', freezes)} {'❄️'.repeat(freezes)}
        </div>
      )}
      <VegaChart
        className="jp-mlquest-calendar"
        spec={(palette) => streakCalendarSpec(days, new Date(), palette)}
        label={__('Streak calendar of the last 8 weeks: %1 days with a scored submission', days.length)}
      />
      <div className="jp-mlquest-muted">
        {__('%1 of %2 quests completed', progress.quests_completed, progress.quests_total)}
      </div>
    </div>
  );
}
