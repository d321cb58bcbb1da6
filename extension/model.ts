/**
 * The extension's state: the session token, the learner's progress, the quests and the
 * leaderboard, with a signal that views listen to. Free of JupyterLab imports (unit-tested).
 */
import { type ISignal, Signal } from '@lumino/signaling';
import type { Leaderboard, QuestSummary } from '../shared/api';
import { ApiError, MLQuestClient, type ProgressReply, type SubmissionReply } from './api';

/** Where the session token is kept between reloads. */
export interface ITokenStore {
  get(): string | null;
  set(token: string | null): void;
}

export class LocalStorageTokenStore implements ITokenStore {
  constructor(private readonly key = 'jupyterlab-mlquest:token') {}
  get(): string | null {
    try {
      return window.localStorage.getItem(this.key);
    } catch {
      return null;
    }
  }
  set(token: string | null): void {
    try {
      if (token) {
        window.localStorage.setItem(this.key, token);
      } else {
        window.localStorage.removeItem(this.key);
      }
    } catch {
      // storage disabled: the session lasts until reload
    }
  }
}

export interface IQuestState {
  signedIn: boolean;
  loading: boolean;
  /** The last error to show in the sidebar, or null. */
  error: string | null;
  progress: ProgressReply | null;
  quests: QuestSummary[];
  leaderboard: Leaderboard | null;
  /** The latest result of each quest submitted in this session, by quest id: the result view shows it. */
  results: Record<number, IQuestResult>;
  /** The quest whose card is open in the sidebar, or null. */
  openQuest: number | null;
}

export interface IQuestResult {
  result: SubmissionReply;
  /** The model variable that was submitted. */
  variable: string;
  /** The notebook's cross-validation preview (`cv_score` in the kernel) at submit time, if any. */
  cvScore: number | null;
}

export interface IRegistration {
  username: string;
  email: string;
  password: string;
  /** Defaults to the browser's timezone. */
  timezone?: string;
}

export function browserTimezone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export class QuestModel {
  readonly client: MLQuestClient;
  private _state: IQuestState;
  private readonly _stateChanged = new Signal<this, IQuestState>(this);
  private _refreshing: Promise<void> | null = null;
  /** Whether the shown error came from a refresh (cleared by the next good one) or from the learner's action. */
  private _errorFromRefresh = false;

  constructor(
    baseUrl: () => string,
    private readonly store: ITokenStore,
    fetchImpl?: ConstructorParameters<typeof MLQuestClient>[0]['fetch']
  ) {
    this.client = new MLQuestClient({ baseUrl, token: () => this.store.get(), fetch: fetchImpl });
    this._state = {
      signedIn: !!store.get(),
      loading: false,
      error: null,
      progress: null,
      quests: [],
      leaderboard: null,
      results: {},
      openQuest: null
    };
  }

  get state(): IQuestState {
    return this._state;
  }

  get stateChanged(): ISignal<this, IQuestState> {
    return this._stateChanged;
  }

  get signedIn(): boolean {
    return !!this.store.get();
  }

  /** Sign in and load the learner's data. Throws ApiError with the server's message. */
  async signIn(username: string, password: string): Promise<void> {
    this.update({ loading: true, error: null });
    try {
      const token = await this.client.login(username, password);
      this.store.set(token.access_token);
      this.update({ signedIn: true });
    } catch (error) {
      this.update({ loading: false, error: messageOf(error) });
      throw error;
    }
    await this.refresh();
  }

  /** Register (with the browser's timezone), then sign in. */
  async register(registration: IRegistration): Promise<void> {
    this.update({ loading: true, error: null });
    try {
      await this.client.register({
        username: registration.username,
        email: registration.email,
        password: registration.password,
        timezone: registration.timezone ?? browserTimezone()
      });
    } catch (error) {
      this.update({ loading: false, error: messageOf(error) });
      throw error;
    }
    await this.signIn(registration.username, registration.password);
  }

  async signOut(): Promise<void> {
    try {
      if (this.store.get()) {
        await this.client.logout();
      }
    } catch {
      // the token is dropped locally whatever the server says
    }
    this.store.set(null);
    this.update({
      signedIn: false,
      loading: false,
      error: null,
      progress: null,
      leaderboard: null,
      results: {},
      openQuest: null
    });
    await this.refresh();
  }

  /** Reload quests (always), and progress and leaderboard when signed in. Calls coalesce. */
  refresh(): Promise<void> {
    if (!this._refreshing) {
      this._refreshing = this.doRefresh().finally(() => {
        this._refreshing = null;
      });
    }
    return this._refreshing;
  }

  /**
   * A fresh refresh that starts after any one in flight, so that it reads the current settings
   * (a refresh begun before the server URL changed must not stand in for one after it).
   */
  reload(): Promise<void> {
    const inFlight = this._refreshing ?? Promise.resolve();
    return inFlight.catch(() => undefined).then(() => this.refresh());
  }

  /** Keep a quest's latest result for its result view. */
  recordResult(questId: number, result: IQuestResult): void {
    this.update({ results: { ...this._state.results, [questId]: result } });
  }

  /** Open a quest's card in the sidebar (null closes it). */
  showQuest(questId: number | null): void {
    this.update({ openQuest: questId });
  }

  /** Clear the shown error (e.g. when the server URL changes). */
  clearError(): void {
    this.update({ error: null });
  }

  private async doRefresh(): Promise<void> {
    this.update({ loading: true });
    try {
      if (!this.store.get()) {
        await this.refreshSignedOut();
        return;
      }
      const [progress, quests, leaderboard] = await Promise.all([
        this.client.progress(),
        this.client.quests(),
        this.client.leaderboard(10, 0)
      ]);
      this.update({ signedIn: true, loading: false, error: null, progress, quests, leaderboard });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.store.set(null);
        this.update({
          signedIn: false,
          loading: false,
          progress: null,
          leaderboard: null,
          error: 'Your ML Quest session has ended: sign in again.'
        });
        return;
      }
      this.showRefreshError(error);
    }
  }

  /**
   * Signed out, only the quest list is loaded. When it fails (e.g. the server cannot be reached)
   * the sign-in form says so at once, instead of the learner finding out when signing in fails.
   * A later successful refresh clears only such a refresh error, never a sign-in error.
   */
  private async refreshSignedOut(): Promise<void> {
    let quests: QuestSummary[];
    try {
      quests = await this.client.quests();
    } catch (error) {
      this.update({ signedIn: false, progress: null, leaderboard: null });
      this.showRefreshError(error);
      return;
    }
    const clearRefreshError = this._errorFromRefresh ? { error: null } : {};
    this.update({ signedIn: false, loading: false, ...clearRefreshError, quests, progress: null, leaderboard: null });
  }

  private showRefreshError(error: unknown): void {
    this.update({ loading: false, error: messageOf(error) });
    this._errorFromRefresh = true;
  }

  private update(patch: Partial<IQuestState>): void {
    if ('error' in patch) {
      this._errorFromRefresh = false;
    }
    this._state = { ...this._state, ...patch };
    this._stateChanged.emit(this._state);
  }
}

/** An error's message as a sentence (the server's field messages start in lower case). */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
