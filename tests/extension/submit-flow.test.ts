/**
 * The submit flow (extension/submit-flow.ts) against the real ML Quest server
 * (tests/helpers/live-server.ts) with real fixture ONNX models: the kernel side hands over the
 * fixture's bytes as the companion would after converting, and the notifier writes down every
 * toast. One toast key per quest; a failing model, a passing one with its badge, level up and
 * unlocked chapter; an error in full; the result kept for the sidebar's result view with the
 * notebook's cross-validation preview.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { QuestModel, type ITokenStore } from '../../extension/model';
import { previewGapSentence } from '../../extension/result-advice';
import { questKey, SubmitFlow, type IKernelSide, type INote, type ISubmitNotifier } from '../../extension/submit-flow';
import { identityTranslate } from '../../extension/messages';
import { type LiveServer, ROOT, startLiveServer } from '../helpers/live-server';

class MemoryTokenStore implements ITokenStore {
  private token: string | null = null;
  get(): string | null {
    return this.token;
  }
  set(token: string | null): void {
    this.token = token;
  }
}

/** Every toast in order, and what is on screen: one toast per key, the newest. */
class RecordingNotifier implements ISubmitNotifier {
  readonly shown: [string, INote][] = [];
  readonly onScreen = new Map<string, INote>();
  show(key: string, note: INote): void {
    this.shown.push([key, note]);
    this.onScreen.set(key, note);
  }
}

/** A kernel whose model converts to the given fixture, with the given cross-validation preview. */
function fixtureKernel(file: string, cv: number | null): IKernelSide & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    convert: async (variable, features) => {
      asked.push(`${variable}:${features.length}`);
      return { onnx: new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'models', file))) };
    },
    cvScore: async () => cv
  };
}

let server: LiveServer;
let model: QuestModel;
let notifier: RecordingNotifier;
let flow: SubmitFlow;

beforeAll(async () => {
  server = await startLiveServer({ env: { MLQUEST_EVAL_WORKERS: '1' } });
  model = new QuestModel(() => server.base, new MemoryTokenStore());
  await model.register({
    username: `flow_${Date.now().toString(36)}`,
    email: `flow${Date.now()}@example.org`,
    password: 'a-long-password'
  });
  notifier = new RecordingNotifier();
  flow = new SubmitFlow({ model, notifier, trans: identityTranslate, serverUrl: () => server.base });
}, 60_000);
afterAll(async () => {
  await server?.cleanup();
});

test('a model below the goal: one toast for the quest, ending in a warning that names the metric; the result is kept', async () => {
  const kernel = fixtureKernel('delivery_scaled_linear_pipeline.onnx', 2.6);
  const result = await flow.submit(kernel, 7, 'model');
  expect(result).toMatchObject({ status: 'scored', passed: false });
  expect(kernel.asked).toEqual(['model:5']); // the quest's five features were handed to the converter
  const own = notifier.shown.filter(([key]) => key === questKey(7)).map(([, note]) => note);
  expect(own.map((n) => n.type)).toEqual(['in-progress', 'in-progress', 'warning']);
  expect(own[2].message).toMatch(
    /^Not yet: Delivery Time Estimator — your model scored MAE 7\.98\d, the goal is MAE ≤ 4\./
  );
  expect(own[2].quest).toBe(7); // its "Details" opens the quest's result view
  // Besides the quest's own toast only the badge of a first submission ("Hello, Model").
  expect(notifier.shown.filter(([key]) => key !== questKey(7)).map(([key]) => key)).toEqual([
    'mlquest-badge-first-submission'
  ]);
  const kept = model.state.results[7];
  expect(kept).toMatchObject({ variable: 'model', cvScore: 2.6, result: { submission_id: result?.submission_id } });
  expect(previewGapSentence({ higher_is_better: false }, kept.cvScore, kept.result.score)).toMatch(/overfitting/);
});

test('a passing model: success, its badge, the level up and the chapter it opens, each once', async () => {
  notifier.shown.length = 0;
  const result = await flow.submit(fixtureKernel('housing_linear_regression.onnx', null), 1, 'model');
  expect(result).toMatchObject({ passed: true, xp_awarded: 100 });
  const final = notifier.onScreen.get(questKey(1));
  expect(final).toMatchObject({ type: 'success', quest: 1 });
  expect(final?.message).toMatch(
    /^Linear Regression Challenge passed! Your model scored R² 0\.88\d+ \(goal R² ≥ 0\.8\)\. \+100 XP/
  );
  const others = notifier.shown.filter(([key]) => key !== questKey(1)).map(([key, note]) => `${key}: ${note.message}`);
  expect(others).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^mlquest-badge-first-steps: .*First Steps/),
      'mlquest-level-up: ⬆️ Level up! You are now level 2.',
      'mlquest-chapter-2: 🔓 Chapter 2 · Classification unlocked: its quests are open now.'
    ])
  );
  expect(others.filter((text) => text.startsWith('mlquest-chapter-'))).toHaveLength(1);
  expect(model.state.quests.find((q) => q.id === 3)?.status).toBe('available');
});

test('an error keeps its whole text for "Details", under the quest of the submission', async () => {
  notifier.shown.length = 0;
  expect(await flow.submit(fixtureKernel('crop_random_forest_rmse.onnx', null), 13, 'model')).toBeNull();
  const final = notifier.onScreen.get(questKey(13));
  expect(final?.type).toBe('error');
  expect(final?.message).toMatch(/Quest 13 is locked: .* unlocks at 1300 XP and you have 100 XP; earn 1200 more XP/);
  expect(final?.details).toBe(final?.message);
  expect(model.state.results[13]).toBeUndefined();
});
