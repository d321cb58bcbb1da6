/**
 * Labelled Submit buttons on every quest notebook: "Submit to: <quest>" in the notebook's
 * toolbar, and "Submit model to Quest N · <quest>" on the submit cell itself, visible without
 * selecting the cell. Both select the submit cell and run the "Submit model from cell" command
 * (which also sits in the cell toolbar, the palette, the context menu and on the shortcut).
 */
import type { DocumentRegistry } from '@jupyterlab/docregistry';
import type { INotebookModel, NotebookPanel } from '@jupyterlab/notebook';
import type { Cell } from '@jupyterlab/cells';
import { Widget, type PanelLayout } from '@lumino/widgets';
import type { IDisposable } from '@lumino/disposable';
import { METADATA_KEY, notebookQuest, readCellQuest, isComplete, submitCellIndex } from './cell-metadata';
import { coursePath, questNumbers } from './course-path';
import { submitIcon } from './icons';
import type { Translate } from './messages';
import type { IQuestState, QuestModel } from './model';

export interface IQuestNotebookOptions {
  model: QuestModel;
  trans: Translate;
  /** Select `panel` and its cell `index`, then submit it. */
  submitCell: (panel: NotebookPanel, index: number) => void;
}

/** A button element inside a Lumino widget, with the submit icon and a text label. */
class LabelledButton extends Widget {
  readonly button: HTMLButtonElement;
  private readonly label: HTMLSpanElement;

  constructor(className: string, onClick: () => void) {
    super();
    this.addClass(className);
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'jp-mlquest-submit-button';
    const icon = document.createElement('span');
    icon.className = 'jp-mlquest-submit-icon';
    submitIcon.element({ container: icon });
    this.label = document.createElement('span');
    this.button.append(icon, this.label);
    this.button.addEventListener('click', (event) => {
      event.stopPropagation();
      onClick();
    });
    this.node.appendChild(this.button);
  }

  setText(text: string, title: string): void {
    this.label.textContent = text;
    this.button.title = title;
  }
}

function questName(state: IQuestState, questId: number, __: Translate): { title: string; numbered: string } {
  const quest = state.quests.find((q) => q.id === questId);
  const number = questNumbers(coursePath(state.progress?.levels ?? [], state.quests)).get(questId) ?? questId;
  const title = quest?.title ?? __('Quest %1', questId);
  return { title, numbered: __('Quest %1 · %2', number, title) };
}

/** The notebook without what the kernel writes into it on connecting (its language and spec). */
function contentWithoutKernelInfo(context: DocumentRegistry.IContext<INotebookModel>): string {
  const content = context.model.toJSON() as { metadata?: Record<string, unknown> };
  const metadata = { ...(content.metadata ?? {}) };
  delete metadata.language_info;
  delete metadata.kernelspec;
  return JSON.stringify({ ...content, metadata });
}

/**
 * A starter notebook opened as modified: its file records only `language_info: {name: "python"}`
 * (no Python version: learners' kernels differ), and JupyterLab writes the kernel's full
 * language info into the notebook when the kernel connects, which marks it changed. When that
 * (or the kernel spec) is the only change since the file was loaded, the notebook is clean again.
 */
function keepCleanOnKernelInfo(
  context: DocumentRegistry.IContext<INotebookModel>,
  isQuestNotebook: () => boolean
): void {
  const notebook = context.model;
  let loaded = notebook.dirty ? null : contentWithoutKernelInfo(context);
  context.fileChanged.connect(() => {
    loaded = contentWithoutKernelInfo(context); // saved: compare with what is on disk now
  });
  notebook.metadataChanged.connect((_, change) => {
    if (change.key !== 'language_info' && change.key !== 'kernelspec') {
      return;
    }
    // After JupyterLab has marked the change (the same turn of the event loop).
    setTimeout(() => {
      if (
        !notebook.isDisposed &&
        notebook.dirty &&
        loaded !== null &&
        isQuestNotebook() &&
        contentWithoutKernelInfo(context) === loaded
      ) {
        notebook.dirty = false;
      }
    }, 0);
  });
}

export class QuestNotebookExtension implements DocumentRegistry.IWidgetExtension<NotebookPanel, INotebookModel> {
  constructor(private readonly options: IQuestNotebookOptions) {}

  createNew(panel: NotebookPanel, context: DocumentRegistry.IContext<INotebookModel>): IDisposable {
    const { model, trans: __ } = this.options;
    const cellsMetadata = () => {
      const cells = panel.content.model?.cells;
      return cells ? Array.from({ length: cells.length }, (_, i) => cells.get(i).getMetadata(METADATA_KEY)) : [];
    };
    const submitFromToolbar = () => {
      const index = submitCellIndex(cellsMetadata());
      this.options.submitCell(panel, index >= 0 ? index : panel.content.activeCellIndex);
    };
    const toolbarButton = new LabelledButton('jp-mlquest-toolbar-submit', submitFromToolbar);
    toolbarButton.hide();
    panel.toolbar.insertItem(10, 'mlquestSubmit', toolbarButton);
    const cellButtons = new Map<Cell, LabelledButton>();

    const update = () => {
      if (panel.isDisposed || !panel.content.model) {
        return;
      }
      const metadata = cellsMetadata();
      const questId = notebookQuest(panel.content.model.getMetadata(METADATA_KEY), metadata);
      if (questId === undefined) {
        toolbarButton.hide();
      } else {
        const name = questName(model.state, questId, __);
        toolbarButton.setText(
          __('Submit to: %1', name.title),
          __("Submit the model of this notebook's submit cell to %1", name.numbered)
        );
        toolbarButton.show();
      }
      const seen = new Set<Cell>();
      panel.content.widgets.forEach((cell, index) => {
        const choice = readCellQuest(metadata[index]);
        if (cell.model.type !== 'code' || !isComplete(choice)) {
          return;
        }
        seen.add(cell);
        let button = cellButtons.get(cell);
        if (!button) {
          const created = new LabelledButton('jp-mlquest-cell-submit', () =>
            this.options.submitCell(panel, panel.content.widgets.indexOf(cell))
          );
          const layout = cell.layout as PanelLayout;
          const input = layout.widgets.indexOf(cell.inputArea?.parent ?? cell);
          layout.insertWidget(input >= 0 ? input + 1 : layout.widgets.length, created);
          cellButtons.set(cell, created);
          button = created;
        }
        const name = questName(model.state, choice.quest, __);
        button.setText(
          __('Submit model to %1', name.numbered),
          __('Convert `%1` to ONNX and submit it to %2', choice.model, name.numbered)
        );
      });
      for (const [cell, button] of cellButtons) {
        if (!seen.has(cell)) {
          button.dispose();
          cellButtons.delete(cell);
        }
      }
    };

    // After the notebook has made or dropped its cell widgets for a change of the cell list.
    const later = () => requestAnimationFrame(update);
    const onState = () => update();
    model.stateChanged.connect(onState);
    const watchModel = () => {
      const notebook = panel.content.model;
      if (!notebook) {
        return;
      }
      notebook.cells.changed.connect(later);
      notebook.metadataChanged.connect(later);
      for (let i = 0; i < notebook.cells.length; i++) {
        notebook.cells.get(i).metadataChanged.connect(later);
      }
      notebook.cells.changed.connect((_, change) => {
        for (const cell of change.newValues) {
          cell.metadataChanged.connect(later);
        }
      });
    };
    void context.ready.then(() => {
      watchModel();
      update();
      keepCleanOnKernelInfo(
        context,
        () => notebookQuest(context.model.getMetadata(METADATA_KEY), cellsMetadata()) !== undefined
      );
    });
    let disposed = false;
    return {
      get isDisposed() {
        return disposed;
      },
      dispose: () => {
        disposed = true;
        model.stateChanged.disconnect(onState);
        toolbarButton.dispose();
        cellButtons.forEach((button) => button.dispose());
      }
    };
  }
}
