/**
 * "Submit model from cell": which quest and model the active cell submits (its metadata, or the
 * dialog, which starts on the notebook's quest), then the submit flow.
 */
import { ApiError } from './api';
import { isComplete, METADATA_KEY, notebookQuest, readCellQuest } from './cell-metadata';
import type { ICommandContext } from './commands';
import { askSubmitChoice } from './components/submit-dialog';
import { coursePath, questNumbers } from './course-path';
import { describeFailure } from './messages';
import { questOptions } from './quest-options';
import { questKey } from './submit-flow';

export async function submitActiveCell(ctx: ICommandContext): Promise<void> {
  const { tracker, model, companion, notifier, trans: __ } = ctx;
  const panel = tracker.currentWidget;
  const cell = tracker.activeCell;
  if (!panel || !cell || cell.model.type !== 'code') {
    notifier.show('mlquest-submit', {
      message: __('Select the code cell that trains your model, then submit.'),
      type: 'warning'
    });
    return;
  }
  const sessionContext = panel.sessionContext;
  let choice = readCellQuest(cell.model.getMetadata(METADATA_KEY));
  const key = questKey(choice.quest ?? 0);
  if (!model.signedIn) {
    // The notification's "Sign in" action opens the sidebar: the learner stays where they are.
    const failure = describeFailure(new ApiError(401, 'not_signed_in', 'not signed in'), model.client.baseUrl, __);
    notifier.show(key, { message: failure.message, type: 'error', action: failure.action });
    return;
  }
  try {
    if (!isComplete(choice)) {
      if (model.state.quests.length === 0 || !model.state.progress) {
        await model.refresh();
      }
      const models = await companion.listModels(sessionContext, cell.model.sharedModel.getSource());
      if (models.length === 0) {
        notifier.show(key, {
          message: __('No fitted model found in the kernel. Run the cells that train your model, then submit again.'),
          type: 'warning'
        });
        return;
      }
      const notebook = panel.content.model;
      const cells = notebook
        ? Array.from({ length: notebook.cells.length }, (_, i) => notebook.cells.get(i).getMetadata(METADATA_KEY))
        : [];
      const preferred = choice.quest ?? notebookQuest(notebook?.getMetadata(METADATA_KEY), cells);
      const numbers = questNumbers(coursePath(model.state.progress?.levels ?? [], model.state.quests));
      const offered = questOptions(model.state.quests, numbers, preferred, __);
      if (offered.options.length === 0) {
        notifier.show(key, {
          message: __('No quest is open to you yet: sign in again or refresh ML Quest.'),
          type: 'warning'
        });
        return;
      }
      const picked = await askSubmitChoice(offered, models, choice.model ?? models[0].name, __);
      if (!picked) {
        return;
      }
      choice = picked;
      cell.model.setMetadata(METADATA_KEY, { quest: picked.quest, model: picked.model });
    } else {
      companion.usableKernel(sessionContext);
    }
  } catch (error) {
    const failure = describeFailure(error, model.client.baseUrl, __);
    notifier.show(key, { message: failure.message, type: 'error', details: failure.message, action: failure.action });
    return;
  }
  if (isComplete(choice)) {
    await ctx.flow.submit(companion.kernelSide(sessionContext), choice.quest, choice.model);
  }
}
