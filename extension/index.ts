/** ML Quest JupyterLab extension: wiring only (settings, model, sidebar, commands, kernels). */
import { ILayoutRestorer, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { addCommands } from './commands';
import { QuestSidebar } from './components/Sidebar';
import { introduceOnce } from './first-run';
import { questIcon } from './icons';
import { KernelCompanion } from './kernel-bridge';
import type { Translate } from './messages';
import { LocalStorageTokenStore, QuestModel } from './model';
import { readSettings, ISettings, DEFAULT_SETTINGS } from './settings';
import { CommandIDs, PLUGIN_ID, SIDEBAR_ID } from './tokens';

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'ML Quest: quests, one-click model submission from a cell, XP, badges and leaderboards.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ISettingRegistry, ICommandPalette, ILayoutRestorer, ITranslator],
  activate: async (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    settingRegistry: ISettingRegistry | null,
    palette: ICommandPalette | null,
    restorer: ILayoutRestorer | null,
    translator: ITranslator | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_mlquest');
    const __: Translate = (text, ...args) => trans.__(text, ...(args as string[]));
    let settings: ISettings = { ...DEFAULT_SETTINGS };

    const model = new QuestModel(() => settings.serverUrl, new LocalStorageTokenStore());
    const companion = new KernelCompanion(__);

    const sidebar = new QuestSidebar({
      model,
      trans: __,
      serverUrl: () => settings.serverUrl,
      openNotebook: quest => void app.commands.execute(CommandIDs.openNotebook, { quest: quest.id, title: quest.title })
    });
    sidebar.id = SIDEBAR_ID;
    sidebar.title.icon = questIcon;
    sidebar.title.caption = __('ML Quest');
    app.shell.add(sidebar, 'left', { rank: 600 });
    restorer?.add(sidebar, SIDEBAR_ID);
    // After the saved layout is back (so that it does not cover the panel again), once per browser.
    void app.restored.then(() => introduceOnce(() => app.shell.activateById(SIDEBAR_ID)));

    addCommands({ app, tracker, model, companion, trans: __, settings: () => settings });
    if (palette) {
      const category = __('ML Quest');
      for (const command of [CommandIDs.submitCell, CommandIDs.openSidebar, CommandIDs.refresh]) {
        palette.addItem({ command, category });
      }
    }

    // Register the companion's comm target on every notebook kernel, again when it changes.
    const watch = (panel: NotebookPanel) => {
      const register = () => companion.register(panel.sessionContext.session?.kernel);
      panel.sessionContext.kernelChanged.connect(register);
      panel.sessionContext.ready.then(register).catch(() => undefined);
    };
    tracker.widgetAdded.connect((_, panel) => watch(panel));
    tracker.forEach(watch);

    if (settingRegistry) {
      try {
        const loaded = await settingRegistry.load(PLUGIN_ID);
        settings = readSettings(loaded.composite);
        loaded.changed.connect(() => {
          settings = readSettings(loaded.composite);
          model.clearError();
          void model.reload();
        });
      } catch (error) {
        console.warn('ML Quest: settings could not be loaded, using defaults.', error);
      }
    }
    void model.refresh();
  }
};

export default plugin;
