/**
 * The submit flow, from a quest and a model variable to the learner's toasts: read the
 * notebook's cross-validation preview, convert the model in the kernel, upload it, wait for the
 * score, keep the result for the sidebar's result view, and tell the learner (result, badges,
 * level up, streak freeze, chapters unlocked). Free of JupyterLab imports: the kernel side and
 * the toasts come in through two small interfaces, so the flow is unit-tested against a real
 * server.
 */
import type { FeatureInfo } from '../shared/api';
import type { SubmissionReply } from './api';
import { coursePath, newlyUnlocked } from './course-path';
import {
  badgeMessage,
  chapterUnlockedMessage,
  describeFailure,
  levelUpMessage,
  resultMessage,
  resultType,
  type FailureAction,
  type Translate
} from './messages';
import type { QuestModel } from './model';

export type NoteType = 'in-progress' | 'success' | 'warning' | 'error' | 'info';

export interface INote {
  message: string;
  type: NoteType;
  /** The whole text, for a "Details" action when a toast would shorten it. */
  details?: string;
  /** The quest whose result view a "Details" action opens. */
  quest?: number;
  /** A way out the toast offers (sign in, settings). */
  action?: FailureAction;
}

/** Where the flow's messages go. One toast per key: a new note replaces the key's earlier one. */
export interface ISubmitNotifier {
  show(key: string, note: INote): void;
}

/** The notebook's kernel, as the flow needs it. */
export interface IKernelSide {
  convert(variable: string, features: FeatureInfo[]): Promise<{ onnx: ArrayBuffer | Uint8Array }>;
  /** The notebook's `cv_score` (the starter notebooks' cross-validation preview), or null. */
  cvScore(): Promise<number | null>;
}

export interface ISubmitFlowOptions {
  model: QuestModel;
  notifier: ISubmitNotifier;
  trans: Translate;
  serverUrl: () => string;
}

/** The toast key of a quest's result: every message of one quest's submission shares it. */
export function questKey(questId: number): string {
  return `mlquest-quest-${questId}`;
}

export class SubmitFlow {
  constructor(private readonly options: ISubmitFlowOptions) {}

  /** Submit `variable` to quest `questId`; the result, or null after a failure (already shown). */
  async submit(kernel: IKernelSide, questId: number, variable: string): Promise<SubmissionReply | null> {
    const { model, notifier, trans: __ } = this.options;
    const key = questKey(questId);
    notifier.show(key, { message: __('Converting %1 to ONNX…', variable), type: 'in-progress' });
    let result: SubmissionReply;
    let title = __('Quest %1', questId);
    let average: 'binary' | 'macro' | 'weighted' | null = null;
    let cvScore: number | null = null;
    try {
      // The preview is read first: it is what the notebook showed when the learner pressed Submit.
      cvScore = await kernel.cvScore().catch(() => null);
      const quest = await model.client.quest(questId);
      title = quest.title;
      average = quest.average;
      const converted = await kernel.convert(variable, quest.features);
      const kb = Math.ceil(converted.onnx.byteLength / 1024);
      notifier.show(key, { message: __('Uploading %1 (%2 KB) to %3…', variable, kb, title), type: 'in-progress' });
      result = await model.client.submit(questId, converted.onnx, () =>
        notifier.show(key, { message: __('Scoring %1 on the hidden test set…', variable), type: 'in-progress' })
      );
    } catch (error) {
      const failure = describeFailure(error, this.options.serverUrl(), __);
      notifier.show(key, { message: failure.message, type: 'error', details: failure.message, action: failure.action });
      void model.refresh();
      return null;
    }
    const before = model.state.progress ? coursePath(model.state.progress.levels, model.state.quests) : [];
    model.recordResult(questId, { result, variable, cvScore });
    const message = resultMessage(result, title, variable, __, average);
    notifier.show(key, { message, type: resultType(result), details: message, quest: questId });
    for (const badge of result.new_badges) {
      notifier.show(`mlquest-badge-${badge.id}`, { message: badgeMessage(badge, __), type: 'success' });
    }
    if (result.level_up) {
      notifier.show('mlquest-level-up', { message: levelUpMessage(result.level, __), type: 'success' });
    }
    if (result.streak_freeze_used) {
      notifier.show('mlquest-freeze', {
        message: __('❄️ A streak freeze kept your %1-day streak alive.', result.streak),
        type: 'info'
      });
    }
    await model.refresh();
    const after = model.state.progress ? coursePath(model.state.progress.levels, model.state.quests) : [];
    const unlocked = result.unlocked_levels
      ? after.filter((chapter) => result.unlocked_levels?.some((level) => level.id === chapter.id))
      : newlyUnlocked(before, after);
    for (const chapter of unlocked) {
      notifier.show(`mlquest-chapter-${chapter.id}`, {
        message: chapterUnlockedMessage(chapter.number, chapter.name, __),
        type: 'success'
      });
    }
    return result;
  }
}
