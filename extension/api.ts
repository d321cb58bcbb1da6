/**
 * REST client of the ML Quest server. Free of JupyterLab imports so that it is unit-tested
 * directly. Paths, inputs and replies are typed by Hono's client (`hc`) from the server's own
 * route types (`AppType`, a type-only import that the bundle never contains).
 */
import { hc, parseResponse, type ClientRequestOptions, type ClientResponse } from 'hono/client';
import type { Progress, QuestDetail, RegisterRequest, SubmissionResult } from '../shared/api';
import type { AppType } from '../server/app';

/*
 * Fields that servers of this release add to their replies; optional here so that the
 * extension also works with a server that does not send them yet.
 */
/** Quest detail: `hints` holds the hints revealed so far; `hints_total` how many there are. */
export type QuestDetailReply = QuestDetail & { hints_total?: number };
/** Progress: streak freezes held (at most 2) and the learner's local days with a scored submission. */
export type ProgressReply = Progress & { streak_freezes?: number; active_days?: string[] };
/** A submission's result: whether a streak freeze was used, and the chapters it unlocked. */
export type SubmissionReply = SubmissionResult & {
  streak_freeze_used?: boolean;
  unlocked_levels?: { id: number; name: string }[];
};

/** A failed call: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter: string | null = null
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface IClientOptions {
  /** The server's base URL, read on every call so that a changed setting applies at once. */
  baseUrl: () => string;
  /** The session token, or null when signed out. */
  token: () => string | null;
  fetch?: FetchLike;
  /** Delay between polls of a submission that is still being scored (ms). */
  pollIntervalMs?: number;
  /** Give up polling after this long (ms). */
  pollTimeoutMs?: number;
}

/** Whether a call needs the session token, sends it when there is one, or never sends it. */
type Auth = 'required' | 'optional' | 'none';

const TERMINAL = new Set(['scored', 'rejected', 'failed']);

/** `base` and `path` with exactly one slash between them (how the client joins its base URL and paths). */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

type Api = ReturnType<typeof hc<AppType>>;

export class MLQuestClient {
  constructor(private readonly options: IClientOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl();
  }

  register(body: RegisterRequest) {
    return this.call('none', (api, o) => api.auth.register.$post({ json: body }, o), true);
  }

  login(username: string, password: string) {
    return this.call('none', (api, o) => api.auth.login.$post({ json: { username, password } }, o), true);
  }

  async logout(): Promise<void> {
    await this.send('required', (api, o) => api.auth.logout.$post({}, o));
  }

  me() {
    return this.call('required', (api, o) => api.user.me.$get({}, o));
  }

  progress(): Promise<ProgressReply> {
    return this.call('required', (api, o) => api.user.progress.$get({}, o));
  }

  quests() {
    return this.call('optional', (api, o) => api.quests.$get({}, o));
  }

  quest(id: number): Promise<QuestDetailReply> {
    return this.call('optional', (api, o) => api.quests[':id'].$get({ param: { id: String(id) } }, o));
  }

  /** The caller's submissions for a quest, newest first. */
  questSubmissions(id: number, limit = 50) {
    const query = { limit: String(limit) };
    return this.call('required', (api, o) =>
      api.quests[':id'].submissions.$get({ param: { id: String(id) }, query }, o)
    );
  }

  questLeaderboard(id: number, limit = 10) {
    const query = { limit: String(limit) };
    return this.call('optional', (api, o) =>
      api.quests[':id'].leaderboard.$get({ param: { id: String(id) }, query }, o)
    );
  }

  badges() {
    return this.call('optional', (api, o) => api.badges.$get({}, o));
  }

  leaderboard(limit = 10, offset = 0) {
    const query = { limit: String(limit), offset: String(offset) };
    return this.call('required', (api, o) => api.leaderboard.$get({ query }, o));
  }

  /** The starter notebook of a quest, as parsed notebook JSON. */
  notebook(id: number) {
    return this.call('none', (api, o) => api.quests[':id'].notebook.$get({ param: { id: String(id) } }, o));
  }

  submission(id: number): Promise<SubmissionReply> {
    return this.call('required', (api, o) => api.submissions[':id'].$get({ param: { id: String(id) } }, o));
  }

  /** Upload ONNX bytes; waits (polling) until the submission is terminal. */
  async submit(
    questId: number,
    onnx: ArrayBuffer | Uint8Array,
    onQueued?: (id: number) => void
  ): Promise<SubmissionReply> {
    const form = new FormData();
    const bytes = new Uint8Array(onnx); // a copy backed by a plain ArrayBuffer
    form.append('model_file', new Blob([bytes], { type: 'application/octet-stream' }), 'model.onnx');
    // The upload is read by the server itself (to cap its size), so the body goes in as it is.
    const first = await this.call('required', (api, o) =>
      api.quests[':id'].submit.$post({ param: { id: String(questId) } }, { ...o, init: { ...o.init, body: form } })
    );
    if (TERMINAL.has(first.status)) {
      return first;
    }
    onQueued?.(first.submission_id);
    return this.waitForSubmission(first.submission_id);
  }

  async waitForSubmission(id: number): Promise<SubmissionReply> {
    const interval = this.options.pollIntervalMs ?? 1000;
    const deadline = Date.now() + (this.options.pollTimeoutMs ?? 180_000);
    for (;;) {
      const result = await this.submission(id);
      if (TERMINAL.has(result.status)) {
        return result;
      }
      if (Date.now() > deadline) {
        throw new ApiError(
          0,
          'scoring_timeout',
          `Submission ${id} is still ${result.status}; its result will appear in the quest's history when it is scored.`
        );
      }
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }

  /** Sends one call and returns its successful reply's body, typed by the route. */
  private async call<R extends ClientResponse<unknown>>(
    auth: Auth,
    request: (api: Api, options: ClientRequestOptions) => Promise<R>,
    jsonBody = false
  ) {
    return parseResponse(await this.send(auth, request, jsonBody));
  }

  /** Sends one call; a failed one becomes an ApiError with the server's code and message. */
  private async send<R extends ClientResponse<unknown>>(
    auth: Auth,
    request: (api: Api, options: ClientRequestOptions) => Promise<R>,
    jsonBody = false
  ): Promise<R> {
    const base = this.options.baseUrl();
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.options.token();
    if (auth === 'required' && !token) {
      throw new ApiError(401, 'not_signed_in', 'You are not signed in to ML Quest: sign in from the ML Quest sidebar.');
    }
    if (auth !== 'none' && token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (jsonBody) {
      headers['Content-Type'] = 'application/json';
    }
    const doFetch = this.options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
    const api = hc<AppType>(base, {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => doFetch(String(input), init)
    });
    let response: R;
    try {
      // Plain headers (not the client's Headers object), so that a wrapped fetch sees them as sent.
      response = await request(api, { init: { headers } });
    } catch (error) {
      throw new ApiError(
        0,
        'server_unreachable',
        `The ML Quest server at ${base} cannot be reached (${(error as Error).message}). Check that it is running and that the server URL in Settings > ML Quest is right.`
      );
    }
    if (!response.ok) {
      throw await errorFromResponse(response, base);
    }
    return response;
  }
}

async function errorFromResponse(response: ClientResponse<unknown>, base: string): Promise<ApiError> {
  const retryAfter = response.headers.get('Retry-After');
  let code = `http_${response.status}`;
  let message = `The ML Quest server at ${base} answered ${response.status} ${response.statusText}.`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body?.error?.message) {
      message = body.error.message;
      code = body.error.code ?? code;
    }
  } catch {
    // not JSON: keep the generic message
  }
  return new ApiError(response.status, code, message, retryAfter);
}
