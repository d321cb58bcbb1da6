/** ML Quest JupyterLab extension: wiring only (settings, model, sidebar, commands, kernels, notebooks). */
import { ILayoutRestorer, type JupyterFrontEnd, type JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { INotebookTracker, type NotebookPanel } from '@jupyterlab/notebook';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import { VEGA_LITE_MIME } from './charts/specs';
import { addCommands } from './commands';
import { QuestSidebar } from './components/Sidebar';
import type { ChartRenderer } from './components/VegaChart';
import { introduceOnce } from './first-run';
import { questIcon } from './icons';
import { KernelCompanion } from './kernel-bridge';
import type { Translate } from './messages';
import { LocalStorageTokenStore, QuestModel } from './model';
import { QuestNotebookExtension } from './quest-notebook';
import { readSettings, type ISettings, DEFAULT_SETTINGS } from './settings';
import { SubmitFlow } from './submit-flow';
import { ToastNotifier } from './toast-notifier';
import { CommandIDs, PLUGIN_ID, SIDEBAR_ID } from './tokens';

/** Charts through JupyterLab's own Vega-Lite renderer, when this JupyterLab has one. */
function chartRenderer(rendermime: IRenderMimeRegistry | null): ChartRenderer | null {
  if (!rendermime || !rendermime.mimeTypes.includes(VEGA_LITE_MIME)) {
    return null;
  }
  return async (host, spec) => {
    const renderer = rendermime.createRenderer(VEGA_LITE_MIME);
    const model = rendermime.createModel({
      // Spec builders make plain JSON (numbers, strings, arrays and objects only).
      data: { [VEGA_LITE_MIME]: spec as ReadonlyPartialJSONObject },
      metadata: { [VEGA_LITE_MIME]: { embed_options: { actions: false } } }
    });
    // In the page first: a chart as wide as its container measures the container when drawn.
    host.replaceChildren(renderer.node);
    await renderer.renderModel(model);
    return () => renderer.dispose();
  };
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'ML Quest: quests, one-click model submission from a cell, XP, badges and leaderboards.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ISettingRegistry, ICommandPalette, ILayoutRestorer, ITranslator, IRenderMimeRegistry],
  activate: async (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    settingRegistry: ISettingRegistry | null,
    palette: ICommandPalette | null,
    restorer: ILayoutRestorer | null,
    translator: ITranslator | null,
    rendermime: IRenderMimeRegistry | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_mlquest');
    const __: Translate = (text, ...args) => trans.__(text, ...(args as string[]));
    let settings: ISettings = { ...DEFAULT_SETTINGS };

    const model = new QuestModel(() => settings.serverUrl, new LocalStorageTokenStore());
    const companion = new KernelCompanion(__);
    const notifier = new ToastNotifier({
      trans: __,
      toastMs: () => Math.max(1, settings.toastSeconds) * 1000,
      openQuest: (questId) => {
        model.showQuest(questId);
        app.shell.activateById(SIDEBAR_ID);
      },
      signIn: () => void app.commands.execute(CommandIDs.openSidebar),
      openSettings: () => void app.commands.execute('settingeditor:open', { query: 'ML Quest' })
    });
    const flow = new SubmitFlow({ model, notifier, trans: __, serverUrl: () => settings.serverUrl });

    const sidebar = new QuestSidebar({
      model,
      trans: __,
      serverUrl: () => settings.serverUrl,
      openNotebook: (quest) =>
        void app.commands.execute(CommandIDs.openNotebook, { quest: quest.id, title: quest.title }),
      renderChart: chartRenderer(rendermime)
    });
    sidebar.id = SIDEBAR_ID;
    sidebar.title.icon = questIcon;
    sidebar.title.caption = __('ML Quest');
    app.shell.add(sidebar, 'left', { rank: 600 });
    restorer?.add(sidebar, SIDEBAR_ID);
    // After the saved layout is back (so that it does not cover the panel again), once per browser.
    void app.restored.then(() => introduceOnce(() => app.shell.activateById(SIDEBAR_ID)));

    addCommands({ app, tracker, model, companion, flow, notifier, trans: __ });
    if (palette) {
      const category = __('ML Quest');
      for (const command of [CommandIDs.submitCell, CommandIDs.openSidebar, CommandIDs.refresh]) {
        palette.addItem({ command, category });
      }
    }

    // Labelled Submit buttons on quest notebooks: in the notebook toolbar and on the submit cell.
    app.docRegistry.addWidgetExtension(
      'Notebook',
      new QuestNotebookExtension({
        model,
        trans: __,
        submitCell: (panel, index) => {
          app.shell.activateById(panel.id);
          if (index >= 0) {
            panel.content.activeCellIndex = index;
            void panel.content.scrollToItem(index);
          }
          void app.commands.execute(CommandIDs.submitCell);
        }
      })
    );

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
