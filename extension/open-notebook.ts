/** Open a quest's starter notebook; when it is not in the file browser's folder, copy it from the server first. */
import { describeFailure } from './messages';
import type { ICommandContext } from './commands';

export async function openQuestNotebook(ctx: ICommandContext, questId: number, notebook?: string): Promise<void> {
  const { app, model, notifier, trans: __ } = ctx;
  const quest = model.state.quests.find((q) => q.id === questId);
  const path = notebook ?? quest?.notebook ?? null;
  if (!path) {
    notifier.show(`mlquest-open-${questId}`, {
      message: __('Quest %1 has no starter notebook.', questId),
      type: 'error'
    });
    return;
  }
  try {
    const contents = app.serviceManager.contents;
    let exists = true;
    try {
      await contents.get(path, { content: false });
    } catch {
      exists = false;
    }
    if (!exists) {
      const content = await model.client.notebook(questId);
      await contents.save(path, { type: 'notebook', format: 'json', content });
    }
    await app.commands.execute('docmanager:open', { path, factory: 'Notebook' });
  } catch (error) {
    const failure = describeFailure(error, model.client.baseUrl, __);
    notifier.show(`mlquest-open-${questId}`, {
      message: failure.message,
      type: 'error',
      details: failure.message,
      action: failure.action
    });
  }
}
