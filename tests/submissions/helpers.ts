/** Shared set-up for the submission tests: a real app on the real quest pack with a real evaluator pool. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { makeTestServer, type TestServer, type TestUser } from '../server/helpers/test-server';

export const DATASETS = join(__dirname, '..', '..', 'datasets');
export const MODELS = join(__dirname, '..', 'fixtures', 'models');

export interface SubmissionTestServer extends TestServer {
  /** Uploads a fixture file (or raw bytes) to POST /quests/{id}/submit. */
  submit(questId: number, file: string | Uint8Array, token: string): Promise<Response>;
  /** Polls GET /submissions/{id} until the submission is terminal. */
  waitForResult(id: number, token: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Gives a user XP directly in the database, to unlock later levels for a test. */
  grantXp(user: TestUser, xp: number): void;
  shutdown(): Promise<void>;
}

export function fixtureBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(MODELS, file)));
}

export async function makeSubmissionServer(
  opts: { env?: Record<string, string>; now?: () => Date; workers?: number; timeoutS?: number } = {}
): Promise<SubmissionTestServer> {
  const server = makeTestServer({
    packDir: DATASETS,
    now: opts.now,
    env: {
      MLQUEST_EVAL_WORKERS: String(opts.workers ?? 2),
      MLQUEST_EVAL_TIMEOUT_S: String(opts.timeoutS ?? 3),
      MLQUEST_EVAL_MEMORY_MB: '1024',
      ...opts.env
    }
  });
  server.server.start();
  await server.server.pool.whenReady();

  const submit: SubmissionTestServer['submit'] = (questId, file, token) => {
    const bytes = typeof file === 'string' ? fixtureBytes(file) : file;
    const form = new FormData();
    form.append('model_file', new Blob([Buffer.from(bytes)]), typeof file === 'string' ? file : 'model.onnx');
    return server.client.quests[':id'].submit.$post(
      { param: { id: String(questId) } },
      { init: { body: form }, headers: { Authorization: `Bearer ${token}` } }
    );
  };

  const waitForResult: SubmissionTestServer['waitForResult'] = async (id, token, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await server.client.submissions[':id'].$get(
        { param: { id: String(id) } },
        { headers: { Authorization: `Bearer ${token}` } }
      );
      const body = (await res.json()) as Record<string, unknown>;
      if (body.status !== 'queued' && body.status !== 'evaluating') return body;
      if (Date.now() > deadline) throw new Error(`submission ${id} still ${String(body.status)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  return {
    ...server,
    submit,
    waitForResult,
    grantXp: (user, xp) => {
      server.db.sqlite.prepare('UPDATE users SET total_xp = total_xp + ? WHERE id = ?').run(xp, user.id);
    },
    shutdown: async () => {
      await server.server.pool.close();
      server.cleanup();
    }
  };
}
