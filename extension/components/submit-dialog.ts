/**
 * The dialog that asks which quest and which model variable a cell submits. It lists only the
 * quests the learner can submit to (not locked), numbered as on the course path, and starts on
 * the notebook's own quest.
 */
import { Dialog } from '@jupyterlab/apputils';
import { Widget } from '@lumino/widgets';
import type { IModelInfo } from '../companion/protocol';
import type { Translate } from '../messages';
import type { IQuestOption } from '../quest-options';

export interface ISubmitChoice {
  quest: number;
  model: string;
}

class SubmitChoiceBody extends Widget implements Dialog.IBodyWidget<ISubmitChoice> {
  private readonly questSelect: HTMLSelectElement;
  private readonly modelSelect: HTMLSelectElement;

  constructor(
    options: IQuestOption[],
    selected: number | undefined,
    models: IModelInfo[],
    model: string,
    __: Translate
  ) {
    super();
    this.addClass('jp-mlquest-submit-dialog');
    this.questSelect = document.createElement('select');
    this.questSelect.className = 'jp-mod-styled';
    for (const quest of options) {
      const option = document.createElement('option');
      option.value = String(quest.id);
      option.textContent = quest.label;
      option.selected = quest.id === selected;
      this.questSelect.appendChild(option);
    }
    this.modelSelect = document.createElement('select');
    this.modelSelect.className = 'jp-mod-styled';
    for (const info of models) {
      const option = document.createElement('option');
      option.value = info.name;
      option.textContent = `${info.name} (${info.type})`;
      option.selected = info.name === model;
      this.modelSelect.appendChild(option);
    }
    const questLabel = document.createElement('label');
    questLabel.textContent = __('Quest');
    questLabel.appendChild(this.questSelect);
    const modelLabel = document.createElement('label');
    modelLabel.textContent = __('Model variable');
    modelLabel.appendChild(this.modelSelect);
    const note = document.createElement('p');
    note.textContent = __('The choice is saved in the cell, so the next submission goes straight through.');
    this.node.append(questLabel, modelLabel, note);
  }

  getValue(): ISubmitChoice {
    return { quest: Number(this.questSelect.value), model: this.modelSelect.value };
  }
}

/** Ask for quest and model; null when cancelled. */
export async function askSubmitChoice(
  quests: { options: IQuestOption[]; selected: number | undefined },
  models: IModelInfo[],
  model: string,
  __: Translate
): Promise<ISubmitChoice | null> {
  const result = await new Dialog<ISubmitChoice>({
    title: __('Submit a model to ML Quest'),
    body: new SubmitChoiceBody(quests.options, quests.selected, models, model, __),
    buttons: [Dialog.cancelButton({ label: __('Cancel') }), Dialog.okButton({ label: __('Submit') })]
  }).launch();
  return result.button.accept && result.value ? result.value : null;
}
