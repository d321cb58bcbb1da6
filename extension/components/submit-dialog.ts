/** The dialog that asks which quest and which model variable a cell submits. */
import { Dialog } from '@jupyterlab/apputils';
import { Widget } from '@lumino/widgets';
import type { QuestSummary } from '../../shared/api';
import type { IModelInfo } from '../companion/protocol';
import type { Translate } from '../messages';

export interface ISubmitChoice {
  quest: number;
  model: string;
}

class SubmitChoiceBody extends Widget implements Dialog.IBodyWidget<ISubmitChoice> {
  private readonly questSelect: HTMLSelectElement;
  private readonly modelSelect: HTMLSelectElement;

  constructor(quests: QuestSummary[], models: IModelInfo[], preset: Partial<ISubmitChoice>, __: Translate) {
    super();
    this.addClass('jp-mlquest-submit-dialog');
    this.questSelect = document.createElement('select');
    this.questSelect.className = 'jp-mod-styled';
    for (const quest of quests) {
      const option = document.createElement('option');
      option.value = String(quest.id);
      option.textContent = `${quest.id}. ${quest.title}${quest.status === 'locked' ? ' ' + __('(locked)') : ''}`;
      option.selected = quest.id === preset.quest;
      this.questSelect.appendChild(option);
    }
    this.modelSelect = document.createElement('select');
    this.modelSelect.className = 'jp-mod-styled';
    for (const model of models) {
      const option = document.createElement('option');
      option.value = model.name;
      option.textContent = `${model.name} (${model.type})`;
      option.selected = model.name === preset.model;
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
  quests: QuestSummary[],
  models: IModelInfo[],
  preset: Partial<ISubmitChoice>,
  __: Translate
): Promise<ISubmitChoice | null> {
  const result = await new Dialog<ISubmitChoice>({
    title: __('Submit a model to ML Quest'),
    body: new SubmitChoiceBody(quests, models, preset, __),
    buttons: [Dialog.cancelButton({ label: __('Cancel') }), Dialog.okButton({ label: __('Submit') })]
  }).launch();
  return result.button.accept && result.value ? result.value : null;
}
