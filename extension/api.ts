/**
 * REST client of the ML Quest server. Free of JupyterLab imports so that it is unit-tested
 * directly. Types come from the shared API contract (types only: zod is not bundled).
 */
import type {
  Badge,
  Leaderboard,
  Level,
  Progress,
  QuestDetail,
  QuestLeaderboard,
  QuestSummary,
  RegisterRequest,
  SubmissionHistory,
  SubmissionResult,
  TokenResponse,
  UserProfile
} from '../shared/api';

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

export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

export class MLQuestClient {
  constructor(private readonly options: IClientOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl();
  }

  register(body: RegisterRequest): Promise<UserProfile> {
    return this.json<UserProfile>('POST', '/auth/register', body, 'none');
  }

  login(username: string, password: string): Promise<TokenResponse> {
    return this.json<TokenResponse>('POST', '/auth/login', { username, password }, 'none');
  }

  async logout(): Promise<void> {
    await this.request('POST', '/auth/logout', undefined, 'required');
  }

  me(): Promise<UserProfile> {
    return this.json<UserProfile>('GET', '/user/me');
  }

  progress(): Promise<ProgressReply> {
    return this.json<ProgressReply>('GET', '/user/progress');
  }

  levels(): Promise<Level[]> {
    return this.json<Level[]>('GET', '/levels', undefined, 'optional');
  }

  quests(): Promise<QuestSummary[]> {
    return this.json<QuestSummary[]>('GET', '/quests/', undefined, 'optional');
  }

  quest(id: number): Promise<QuestDetailReply> {
    return this.json<QuestDetailReply>('GET', `/quests/${id}`, undefined, 'optional');
  }

  /** The caller's submissions for a quest, newest first. */
  questSubmissions(id: number, limit = 50): Promise<SubmissionHistory> {
    return this.json<SubmissionHistory>('GET', `/quests/${id}/submissions?limit=${limit}`);
  }

  questLeaderboard(id: number, limit = 10): Promise<QuestLeaderboard> {
    return this.json<QuestLeaderboard>('GET', `/quests/${id}/leaderboard?limit=${limit}`, undefined, 'optional');
  }

  badges(): Promise<Badge[]> {
    return this.json<Badge[]>('GET', '/badges', undefined, 'optional');
  }

  leaderboard(limit = 10, offset = 0): Promise<Leaderboard> {
    return this.json<Leaderboard>('GET', `/leaderboard/?limit=${limit}&offset=${offset}`);
  }

  /** The starter notebook of a quest, as parsed notebook JSON. */
  notebook(id: number): Promise<Record<string, unknown>> {
    return this.json<Record<string, unknown>>('GET', `/quests/${id}/notebook`, undefined, 'none');
  }

  submission(id: number): Promise<SubmissionReply> {
    return this.json<SubmissionReply>('GET', `/submissions/${id}`);
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
    const response = await this.request('POST', `/quests/${questId}/submit`, form, 'required');
    const first = (await response.json()) as SubmissionReply;
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
      await new Promise(resolve => setTimeout(resolve, interval));
    }
  }

  private async json<T>(method: string, path: string, body?: unknown, auth: Auth = 'required'): Promise<T> {
    const response = await this.request(method, path, body, auth);
    return (await response.json()) as T;
  }

  private async request(method: string, path: string, body: unknown, auth: Auth): Promise<Response> {
    const base = this.options.baseUrl();
    const url = joinUrl(base, path);
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.options.token();
    if (auth === 'required' && !token) {
      throw new ApiError(401, 'not_signed_in', 'You are not signed in to ML Quest: sign in from the ML Quest sidebar.');
    }
    if (auth !== 'none' && token) {
      headers.Authorization = `Bearer ${token}`;
    }
    let payload: BodyInit | undefined;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const doFetch = this.options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
    let response: Response;
    try {
      response = await doFetch(url, { method, headers, body: payload });
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

async function errorFromResponse(response: Response, base: string): Promise<ApiError> {
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
