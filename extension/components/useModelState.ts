/** The QuestModel's state as React state: re-renders a component whenever the model changes. */
import * as React from 'react';
import type { IQuestState, QuestModel } from '../model';

export function useModelState(model: QuestModel): IQuestState {
  const [state, setState] = React.useState(model.state);
  React.useEffect(() => {
    const listener = (_: QuestModel, next: IQuestState) => setState(next);
    model.stateChanged.connect(listener);
    setState(model.state);
    return () => {
      model.stateChanged.disconnect(listener);
    };
  }, [model]);
  return state;
}
