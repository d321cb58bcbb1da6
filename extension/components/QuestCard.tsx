/**
 * One quest on the course path. A locked quest is one compact line that says what unlocks it;
 * an open one shows the goal, the best score and the limits, "Open notebook", and a "Results"
 * toggle that keeps the quest's result view open in the card.
 */
import * as React from 'react';
import type { QuestSummary } from '../../shared/api';
import type { IChapter } from '../course-path';
import { formatScore, thresholdText, type Translate } from '../messages';
import type { IQuestResult, QuestModel } from '../model';
import { QuestResultView } from './QuestResultView';

export interface IQuestCardProps {
  model: QuestModel;
  quest: QuestSummary;
  number: number;
  chapter: IChapter;
  totalXp: number;
  open: boolean;
  latest: IQuestResult | undefined;
  me: string;
  trans: Translate;
  openNotebook: (quest: QuestSummary) => void;
}

export function QuestCard(props: IQuestCardProps): JSX.Element {
  const { model, quest, number, chapter, totalXp, open, trans: __ } = props;
  const card = React.useRef<HTMLLIElement>(null);
  // Opened from a toast's "Details": bring the card into view.
  React.useEffect(() => {
    if (open) {
      card.current?.scrollIntoView({ block: 'nearest' });
    }
  }, [open]);
  const name = __('Quest %1 · %2', number, quest.title);
  if (quest.status === 'locked') {
    const toGo = Math.max(0, chapter.requiredXp - totalXp);
    return (
      <li className="jp-mlquest-quest jp-mod-locked" data-quest-id={quest.id}>
        <span className="jp-mlquest-quest-title jp-mlquest-ellipsis" title={name}>
          🔒 {name}
        </span>
        <span className="jp-mlquest-muted jp-mlquest-unlock">
          {__('Opens with chapter %1 at %2 XP (%3 XP to go)', chapter.number, chapter.requiredXp, toGo)}
        </span>
      </li>
    );
  }
  const status = quest.status === 'completed' ? __('completed') : __('available');
  return (
    <li
      ref={card}
      className={`jp-mlquest-quest jp-mod-${quest.status}${open ? ' jp-mod-open' : ''}`}
      data-quest-id={quest.id}
    >
      <div className="jp-mlquest-quest-head">
        <span className="jp-mlquest-quest-title">{name}</span>
        <span className={`jp-mlquest-status jp-mod-${quest.status}`}>{status}</span>
      </div>
      <div className="jp-mlquest-muted">
        {__('Goal: %1', thresholdText(quest))} · {__('%1 XP', quest.xp_reward)}
      </div>
      <div className="jp-mlquest-muted">
        {__('Best: %1', formatScore(quest.best_score))} · {__('Attempts: %1', quest.attempts)} ·{' '}
        <span title={__('Scored submissions left today for this quest')}>
          {__('Left today: %1', quest.submissions_left_today)}
        </span>
      </div>
      <div className="jp-mlquest-quest-actions">
        {quest.notebook && (
          <button type="button" className="jp-mod-styled jp-mlquest-open" onClick={() => props.openNotebook(quest)}>
            {__('Open notebook')}
          </button>
        )}
        <button
          type="button"
          className="jp-mod-styled jp-mlquest-results-toggle"
          aria-expanded={open}
          onClick={() => model.showQuest(open ? null : quest.id)}
        >
          {open ? __('Hide results') : __('Results')}
        </button>
      </div>
      {open && <QuestResultView model={model} quest={quest} latest={props.latest} me={props.me} trans={__} />}
    </li>
  );
}
