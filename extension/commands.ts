/**
 * Every ML Quest command in one place, wired to the modules that do the work: submit model from
 * cell (submit-flow.ts), open a quest's notebook (open-notebook.ts), the sidebar.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { INotebookTracker } from '@jupyterlab/notebook';
import { submitIcon } from './icons';
import type { KernelCompanion } from './kernel-bridge';
import type { Translate } from './messages';
import type { QuestModel } from './model';
import { openQuestNotebook } from './open-notebook';
import { submitActiveCell } from './submit-cell';
import type { SubmitFlow, ISubmitNotifier } from './submit-flow';
import { CommandIDs, SIDEBAR_ID } from './tokens';

export interface ICommandContext {
  app: JupyterFrontEnd;
  tracker: INotebookTracker;
  model: QuestModel;
  companion: KernelCompanion;
  flow: SubmitFlow;
  notifier: ISubmitNotifier;
  trans: Translate;
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
    label: (args) => (args.title ? __('Open the notebook of %1', args.title) : __('Open a quest notebook')),
    execute: (args) => openQuestNotebook(ctx, Number(args.quest), args.notebook as string | undefined)
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
