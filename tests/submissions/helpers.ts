/** Shared set-up for the submission tests: a real app on the real quest pack with a real evaluator pool. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { SubmissionsModule } from '../../server/submissions/submissions-module';
import { makeTestServer, type TestServer, type TestUser } from '../server/helpers/test-server';

export const DATASETS = join(__dirname, '..', '..', 'datasets');
export const MODELS = join(__dirname, '..', 'fixtures', 'models');

export interface SubmissionTestServer extends TestServer {
  module: SubmissionsModule;
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
  const module = new SubmissionsModule({
    evalWorkers: opts.workers ?? 2,
    evalTimeoutS: opts.timeoutS ?? 3,
    evalMemoryMb: 1024,
    logLevel: 'silent'
  });
  const server = makeTestServer({
    packDir: DATASETS,
    routes: [module.routes],
    evaluatorStatus: module.evaluatorStatus,
    now: opts.now,
    env: opts.env
  });
  await module.pool.whenReady();

  const submit: SubmissionTestServer['submit'] = (questId, file, token) => {
    const bytes = typeof file === 'string' ? fixtureBytes(file) : file;
    const form = new FormData();
    form.append('model_file', new Blob([Buffer.from(bytes)]), typeof file === 'string' ? file : 'model.onnx');
    return server.request(`/quests/${questId}/submit`, { method: 'POST', body: form, token });
  };

  const waitForResult: SubmissionTestServer['waitForResult'] = async (id, token, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await server.request(`/submissions/${id}`, { token });
      const body = (await res.json()) as Record<string, unknown>;
      if (body.status !== 'queued' && body.status !== 'evaluating') return body;
      if (Date.now() > deadline) throw new Error(`submission ${id} still ${String(body.status)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  return {
    ...server,
    module,
    submit,
    waitForResult,
    grantXp: (user, xp) => {
      server.db.sqlite.prepare('UPDATE users SET total_xp = total_xp + ? WHERE id = ?').run(xp, user.id);
    },
    shutdown: async () => {
      await module.close();
      server.cleanup();
    }
  };
}
