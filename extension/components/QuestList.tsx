/** The quests along the course path, chapter by chapter ("Chapter 1 · First Models"). */
import * as React from 'react';
import type { QuestSummary } from '../../shared/api';
import type { IChapter } from '../course-path';
import type { Translate } from '../messages';
import type { IQuestState, QuestModel } from '../model';
import { QuestCard } from './QuestCard';

export interface IQuestListProps {
  model: QuestModel;
  state: IQuestState;
  chapters: IChapter[];
  trans: Translate;
  openNotebook: (quest: QuestSummary) => void;
}

export function QuestList({ model, state, chapters, trans: __, openNotebook }: IQuestListProps): JSX.Element {
  const totalXp = state.progress?.total_xp ?? 0;
  const me = state.progress?.username ?? '';
  return (
    <div className="jp-mlquest-quests">
      {chapters.map((chapter) => (
        <section key={chapter.id} className={`jp-mlquest-chapter${chapter.unlocked ? '' : ' jp-mod-locked'}`}>
          <h3 title={chapter.name}>
            <span className="jp-mlquest-ellipsis">{__('Chapter %1 · %2', chapter.number, chapter.name)}</span>
            <span className="jp-mlquest-muted">
              {chapter.unlocked
                ? ` ${chapter.questsCompleted}/${chapter.quests.length}`
                : ` ${__('opens at %1 XP', chapter.requiredXp)}`}
            </span>
          </h3>
          <ul>
            {chapter.quests.map(({ quest, number }) => (
              <QuestCard
                key={quest.id}
                model={model}
                quest={quest}
                number={number}
                chapter={chapter}
                totalXp={totalXp}
                open={state.openQuest === quest.id}
                latest={state.results[quest.id]}
                me={me}
                trans={__}
                openNotebook={openNotebook}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
