/** Which quests the submit dialog offers, and which it starts on. Pure (unit-tested). */
import type { QuestSummary } from '../shared/api';
import type { Translate } from './messages';

export interface IQuestOption {
  id: number;
  label: string;
}

/**
 * The quests to offer, in path order, and the one to start on: `preferred` (the cell's or the
 * notebook's quest) when it can be submitted to, else the first open quest not yet completed.
 */
export function questOptions(
  quests: QuestSummary[],
  numbers: Map<number, number>,
  preferred: number | undefined,
  __: Translate
): { options: IQuestOption[]; selected: number | undefined } {
  const open = quests
    .filter((q) => q.status !== 'locked')
    .sort((a, b) => (numbers.get(a.id) ?? a.id) - (numbers.get(b.id) ?? b.id));
  const options = open.map((q) => ({
    id: q.id,
    label:
      __('Quest %1 · %2', numbers.get(q.id) ?? q.id, q.title) +
      (q.status === 'completed' ? ` ${__('(completed)')}` : '')
  }));
  const selected =
    open.find((q) => q.id === preferred)?.id ?? open.find((q) => q.status === 'available')?.id ?? open[0]?.id;
  return { options, selected };
}
