/**
 * What a quest's open card shows beyond the quest list: the quest's detail (hints revealed so
 * far), the learner's submissions (score history) and the quest leaderboard, fetched when the
 * card opens and again after each new result.
 */
import * as React from 'react';
import type { QuestLeaderboard, SubmissionHistory } from '../../shared/api';
import type { QuestDetailReply } from '../api';
import { messageOf, type QuestModel } from '../model';

export interface IQuestExtras {
  detail: QuestDetailReply | null;
  history: SubmissionHistory | null;
  leaderboard: QuestLeaderboard | null;
  error: string | null;
}

const EMPTY: IQuestExtras = { detail: null, history: null, leaderboard: null, error: null };

export function useQuestExtras(model: QuestModel, questId: number, refreshKey: string): IQuestExtras {
  const [extras, setExtras] = React.useState<IQuestExtras>(EMPTY);
  React.useEffect(() => {
    let current = true;
    Promise.all([
      model.client.quest(questId),
      model.client.questSubmissions(questId),
      model.client.questLeaderboard(questId)
    ])
      .then(([detail, history, leaderboard]) => current && setExtras({ detail, history, leaderboard, error: null }))
      .catch((error) => current && setExtras((previous) => ({ ...previous, error: messageOf(error) })));
    return () => {
      current = false;
    };
  }, [model, questId, refreshKey]);
  return extras;
}
