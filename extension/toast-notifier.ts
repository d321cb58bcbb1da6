/**
 * The submit flow's notifier on JupyterLab's notifications: one toast per key (a quest's new
 * result replaces its earlier toast), a "Details" action that opens the quest's result view or
 * shows an error in full (toasts shorten long texts), and "Sign in" / "Settings" where that is
 * the way out.
 */
import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import type { Translate } from './messages';
import type { INote, ISubmitNotifier } from './submit-flow';

export interface IToastNotifierOptions {
  trans: Translate;
  /** How long a toast stays (ms). */
  toastMs: () => number;
  openQuest: (questId: number) => void;
  signIn: () => void;
  openSettings: () => void;
}

export class ToastNotifier implements ISubmitNotifier {
  private readonly ids = new Map<string, string>();

  constructor(private readonly options: IToastNotifierOptions) {}

  show(key: string, note: INote): void {
    const { trans: __ } = this.options;
    const previous = this.ids.get(key);
    if (previous) {
      // A new toast rather than an update of the old one: an update that lands before the
      // earlier toast is drawn (a fast failure) never reaches the screen (jupyterlab#15558).
      Notification.dismiss(previous);
    }
    const actions: Notification.IAction[] = [];
    if (note.action === 'sign_in') {
      actions.push({ label: __('Sign in'), callback: () => this.options.signIn() });
    } else if (note.action === 'settings') {
      actions.push({ label: __('Settings'), callback: () => this.options.openSettings() });
    }
    const quest = note.quest;
    if (quest !== undefined) {
      actions.push({ label: __('Details'), callback: () => this.options.openQuest(quest) });
    } else if (note.details) {
      const details = note.details;
      actions.push({
        label: __('Details'),
        callback: () =>
          void showDialog({
            title: __('ML Quest'),
            body: details,
            buttons: [Dialog.okButton({ label: __('Close') })]
          })
      });
    }
    const ms = this.options.toastMs();
    // Results and errors stay longer than badges; progress and errors with a way out stay until closed.
    const autoClose =
      note.type === 'in-progress' || note.action
        ? false
        : note.quest !== undefined || note.type === 'error'
          ? ms * 2
          : ms;
    const id = Notification.emit(note.message, note.type === 'info' ? 'info' : note.type, { autoClose, actions });
    this.ids.set(key, id);
  }
}
