/** Every ML Quest command in one place: submit model from cell, open a quest's notebook, sidebar. */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { Notification } from '@jupyterlab/apputils';
import type { INotebookTracker } from '@jupyterlab/notebook';
import type { SubmissionResult } from '../shared/api';
import { ApiError } from './api';
import { isComplete, METADATA_KEY, readCellQuest } from './cell-metadata';
import { askSubmitChoice } from './components/submit-dialog';
import { submitIcon } from './icons';
import type { KernelCompanion } from './kernel-bridge';
import { badgeMessage, describeFailure, levelUpMessage, resultMessage, resultType, Translate } from './messages';
import type { QuestModel } from './model';
import { CommandIDs, SIDEBAR_ID } from './tokens';

export interface ICommandContext {
  app: JupyterFrontEnd;
  tracker: INotebookTracker;
  model: QuestModel;
  companion: KernelCompanion;
  trans: Translate;
  /** Current settings, read when used. */
  settings: () => { serverUrl: string; toastSeconds: number };
}

export function addCommands(ctx: ICommandContext): void {
  const { app, tracker, model, trans: __ } = ctx;

  app.commands.addCommand(CommandIDs.openSidebar, {
    label: __('Open the ML Quest sidebar'),
    execute: () => app.shell.activateById(SIDEBAR_ID)
  });

  app.commands.addCommand(CommandIDs.refresh, {
    label: __('Refresh ML Quest'),
    execute: () => model.refresh()
  });

  app.commands.addCommand(CommandIDs.openNotebook, {
    label: args => (args.title ? __('Open the notebook of %1', args.title) : __('Open a quest notebook')),
    execute: async args => {
      const questId = Number(args.quest);
      const quest = model.state.quests.find(q => q.id === questId);
      const path = (args.notebook as string | undefined) ?? quest?.notebook ?? null;
      if (!path) {
        Notification.error(__('Quest %1 has no starter notebook.', questId), { autoClose: ctx.settings().toastSeconds * 1000 });
        return;
      }
      try {
        await openOrFetchNotebook(ctx, questId, path);
      } catch (error) {
        Notification.error(describeFailure(error, ctx.settings().serverUrl, __).message, {
          autoClose: ctx.settings().toastSeconds * 1000
        });
      }
    }
  });

  app.commands.addCommand(CommandIDs.submitCell, {
    label: __('Submit model from cell'),
    caption: __('Convert the model of this cell to ONNX and submit it to its ML Quest quest'),
    icon: submitIcon,
    isEnabled: () => tracker.activeCell?.model.type === 'code',
    isVisible: () => tracker.activeCell?.model.type === 'code',
    execute: () => submitActiveCell(ctx)
  });
}

async function openOrFetchNotebook(ctx: ICommandContext, questId: number, path: string): Promise<void> {
  const contents = ctx.app.serviceManager.contents;
  let exists = true;
  try {
    await contents.get(path, { content: false });
  } catch {
    exists = false;
  }
  if (!exists) {
    const notebook = await ctx.model.client.notebook(questId);
    await contents.save(path, { type: 'notebook', format: 'json', content: notebook });
  }
  await ctx.app.commands.execute('docmanager:open', { path, factory: 'Notebook' });
}

function toastMs(ctx: ICommandContext): number {
  return Math.max(1, ctx.settings().toastSeconds) * 1000;
}

/** Show a failure; with a "Sign in" or "Settings" action when that is the way out. */
export function showFailure(ctx: ICommandContext, error: unknown, id?: string): void {
  const __ = ctx.trans;
  const failure = describeFailure(error, ctx.settings().serverUrl, __);
  const actions: Notification.IAction[] = [];
  if (failure.action === 'sign_in') {
    actions.push({ label: __('Sign in'), callback: () => void ctx.app.commands.execute(CommandIDs.openSidebar) });
  } else if (failure.action === 'settings') {
    actions.push({ label: __('Settings'), callback: () => void ctx.app.commands.execute('settingeditor:open', { query: 'ML Quest' }) });
  }
  const options = { autoClose: failure.action ? (false as const) : toastMs(ctx) * 2, actions };
  if (id) {
    // A new notification rather than an update of the pending one: an update that lands before
    // the pending toast is drawn (a fast failure, e.g. connection refused) never reaches the
    // screen (jupyterlab/jupyterlab#15558).
    Notification.dismiss(id);
  }
  Notification.error(failure.message, options);
}

async function submitActiveCell(ctx: ICommandContext): Promise<void> {
  const { tracker, model, companion, trans: __ } = ctx;
  const panel = tracker.currentWidget;
  const cell = tracker.activeCell;
  if (!panel || !cell || cell.model.type !== 'code') {
    Notification.warning(__('Select the code cell that trains your model, then submit.'), { autoClose: toastMs(ctx) });
    return;
  }
  if (!model.signedIn) {
    // The notification's "Sign in" action opens the sidebar: the learner stays where they are.
    showFailure(ctx, new ApiError(401, 'not_signed_in', 'not signed in'));
    return;
  }
  const sessionContext = panel.sessionContext;
  let choice = readCellQuest(cell.model.getMetadata(METADATA_KEY));
  try {
    if (!isComplete(choice)) {
      if (model.state.quests.length === 0) {
        await model.refresh();
      }
      const models = await companion.listModels(sessionContext, cell.model.sharedModel.getSource());
      if (models.length === 0) {
        Notification.warning(
          __('No fitted model found in the kernel. Run the cells that train your model, then submit again.'),
          { autoClose: toastMs(ctx) }
        );
        return;
      }
      const picked = await askSubmitChoice(model.state.quests, models, { quest: choice.quest, model: choice.model ?? models[0].name }, __);
      if (!picked) {
        return;
      }
      choice = picked;
      cell.model.setMetadata(METADATA_KEY, { quest: picked.quest, model: picked.model });
    } else {
      companion.usableKernel(sessionContext);
    }
  } catch (error) {
    showFailure(ctx, error);
    return;
  }
  if (!isComplete(choice)) {
    return;
  }
  await runSubmission(ctx, sessionContext, choice.quest, choice.model);
}

async function runSubmission(
  ctx: ICommandContext,
  sessionContext: Parameters<KernelCompanion['convert']>[0],
  questId: number,
  variable: string
): Promise<void> {
  const { model, companion, trans: __ } = ctx;
  const id = Notification.emit(__('Converting %1 to ONNX…', variable), 'in-progress', { autoClose: false });
  let result: SubmissionResult;
  let title = `Quest ${questId}`;
  try {
    const quest = await model.client.quest(questId);
    title = quest.title;
    const converted = await companion.convert(sessionContext, variable, quest.features);
    Notification.update({
      id,
      message: __('Uploading %1 (%2 KB) to %3…', variable, Math.ceil(converted.onnx.byteLength / 1024), title),
      type: 'in-progress',
      autoClose: false
    });
    result = await model.client.submit(questId, converted.onnx, () =>
      Notification.update({ id, message: __('Scoring %1 on the hidden test set…', variable), type: 'in-progress', autoClose: false })
    );
  } catch (error) {
    showFailure(ctx, error, id);
    void model.refresh();
    return;
  }
  Notification.update({
    id,
    message: resultMessage(result, title, variable, __),
    type: resultType(result),
    autoClose: toastMs(ctx) * 2
  });
  for (const badge of result.new_badges) {
    Notification.success(badgeMessage(badge, __), { autoClose: toastMs(ctx) });
  }
  if (result.level_up) {
    Notification.success(levelUpMessage(result.level, __), { autoClose: toastMs(ctx) });
  }
  await model.refresh();
}
