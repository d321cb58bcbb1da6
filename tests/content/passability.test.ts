/**
 * Every quest is passable (issue 5 §4): each reference solution runs headlessly in a real Python
 * kernel (nbclient), its model is converted by the kernel companion's own conversion code and
 * submitted to a live server, and it passes. The one account that completes them all earns every
 * badge that does not need a streak.
 */
import { execFile, spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { promisify } from 'util';
import { ROOT, startLiveServer, type LiveServer } from '../helpers/live-server';
import { describeIf, testIf } from '../helpers/requires';

const PYTHON = join(ROOT, '.venv', 'bin', 'python');
const pack = JSON.parse(readFileSync(join(ROOT, 'datasets', 'pack.json'), 'utf8')) as {
  levels: { id: number; required_xp: number }[];
  quests: { id: number; level: number; title: string; threshold: number }[];
  badges: { id: string; condition: { type: string } }[];
};

// Without the project's Python environment (`npm run setup:python`) there is no kernel to run.
const describeWithPython = describeIf({
  what: 'the Python environment .venv',
  present: existsSync(PYTHON),
  fix: 'npm run setup:python'
});
// The PyTorch reference needs torch in that environment (tests/requirements-torch.txt; CI installs it).
const hasTorch = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
const testWithTorch = testIf({
  what: 'PyTorch in .venv',
  present: hasTorch,
  fix: '.venv/bin/pip install -r tests/requirements-torch.txt'
});
// The XGBoost reference needs xgboost-cpu and onnxmltools (tests/requirements.txt): CI must run it.
const hasXgboost =
  existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import xgboost, onnxmltools'], { stdio: 'ignore' }).status === 0;
const testWithXgboost = testIf({
  what: 'xgboost-cpu and onnxmltools in .venv',
  present: hasXgboost,
  fix: 'npm run setup:python'
});

describeWithPython('every quest is passable with its reference solution', () => {
  let server: LiveServer;
  let token: string;
  let models: string;

  beforeAll(async () => {
    server = await startLiveServer({
      env: { MLQUEST_EVAL_WORKERS: '1', MLQUEST_EVAL_TIMEOUT_S: '30', MLQUEST_SUBMIT_WAIT_S: '30' }
    });
    models = join(server.dir, 'models');
    const user = {
      username: 'graduate',
      email: 'graduate@example.org',
      password: 'a long enough password',
      timezone: 'Europe/Paris'
    };
    const reg = await fetch(`${server.base}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(user)
    });
    expect(reg.status).toBe(201);
    const login = await fetch(`${server.base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password })
    });
    token = ((await login.json()) as { access_token: string }).access_token;
    // Run every reference in its own fresh kernel, reading the train split from the live server.
    await promisify(execFile)(
      PYTHON,
      [join(ROOT, 'tests', 'reference', 'run_reference.py'), '--server', server.base, '--out', models],
      {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 15 * 60_000
      }
    );
  }, 16 * 60_000);

  afterAll(async () => {
    await server?.cleanup();
  });

  test(
    'each reference model, in level order, passes its quest on the hidden split',
    async () => {
      const requiredXp = new Map(pack.levels.map((l) => [l.id, l.required_xp]));
      const order = [...pack.quests].sort((a, b) => requiredXp.get(a.level)! - requiredXp.get(b.level)! || a.id - b.id);
      const failures: string[] = [];
      for (const quest of order) {
        const bytes = readFileSync(join(models, `quest_${String(quest.id).padStart(2, '0')}.onnx`));
        const form = new FormData();
        form.append('model_file', new Blob([bytes]), `quest_${quest.id}.onnx`);
        const res = await fetch(`${server.base}/quests/${quest.id}/submit`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: form
        });
        const body = (await res.json()) as { status: string; passed: boolean; score: number; message: string };
        if (res.status !== 200 || body.status !== 'scored' || !body.passed) {
          failures.push(
            `quest ${quest.id} (${quest.title}): HTTP ${res.status} ${body.status} score ${body.score} — ${body.message}`
          );
        }
      }
      expect(failures).toEqual([]);

      const progress = (await (
        await fetch(`${server.base}/user/progress`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as {
        quests_completed: number;
        quests_total: number;
        total_xp: number;
      };
      expect(progress.quests_completed).toBe(pack.quests.length);
      expect(progress.quests_total).toBe(pack.quests.length);
    },
    5 * 60_000
  );

  testWithTorch(
    'a PyTorch module, exported by the companion with torch.onnx, passes quest 9 for a new learner',
    async () => {
      await promisify(execFile)(
        PYTHON,
        [
          join(ROOT, 'tests', 'reference', 'run_reference.py'),
          '--server',
          server.base,
          '--out',
          models,
          '--reference',
          'torch_quest_09'
        ],
        {
          cwd: ROOT,
          maxBuffer: 16 * 1024 * 1024,
          timeout: 5 * 60_000
        }
      );
      const learner = { username: 'torchie', email: 'torchie@example.org', password: 'a long enough password' };
      await fetch(`${server.base}/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(learner)
      });
      const login = await fetch(`${server.base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: learner.username, password: learner.password })
      });
      const auth = { authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}` };
      // Quest 9 sits in level 3 (400 XP): earn the way there with the scikit-learn references first.
      const requiredXp = new Map(pack.levels.map((l) => [l.id, l.required_xp]));
      const quest9 = pack.quests.find((q) => q.id === 9)!;
      for (const quest of pack.quests.filter((q) => requiredXp.get(q.level)! < requiredXp.get(quest9.level)!)) {
        const form = new FormData();
        form.append(
          'model_file',
          new Blob([readFileSync(join(models, `quest_${String(quest.id).padStart(2, '0')}.onnx`))]),
          'model.onnx'
        );
        await fetch(`${server.base}/quests/${quest.id}/submit`, { method: 'POST', headers: auth, body: form });
      }
      const form = new FormData();
      form.append('model_file', new Blob([readFileSync(join(models, 'torch_quest_09.onnx'))]), 'ringnet.onnx');
      const res = await fetch(`${server.base}/quests/9/submit`, { method: 'POST', headers: auth, body: form });
      const body = (await res.json()) as {
        status: string;
        passed: boolean;
        score: number;
        xp_awarded: number;
        message: string;
      };
      expect({ status: res.status, body: body.status, passed: body.passed, message: body.message }).toEqual({
        status: 200,
        body: 'scored',
        passed: true,
        message: body.message
      });
      expect(body.score).toBeGreaterThanOrEqual(quest9.threshold);
      expect(body.xp_awarded).toBeGreaterThan(0);
    },
    6 * 60_000
  );

  testWithXgboost(
    'an XGBoost model, exported by the companion through onnxmltools, passes quest 10 (ROC AUC) for a new learner',
    async () => {
      const reference = ['--server', server.base, '--out', models, '--reference', 'xgb_quest_10'];
      await promisify(execFile)(PYTHON, [join(ROOT, 'tests', 'reference', 'run_reference.py'), ...reference], {
        cwd: ROOT,
        timeout: 5 * 60_000
      });
      const learner = { username: 'booster', email: 'booster@example.org', password: 'a long enough password' };
      await fetch(`${server.base}/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(learner)
      });
      const login = await fetch(`${server.base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: learner.username, password: learner.password })
      });
      const auth = { authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}` };
      const submit = (questId: number, file: string) => {
        const form = new FormData();
        form.append('model_file', new Blob([readFileSync(join(models, file))]), file);
        return fetch(`${server.base}/quests/${questId}/submit`, { method: 'POST', headers: auth, body: form });
      };
      // Quest 10 sits in level 4: earn the way there with the scikit-learn references first.
      const requiredXp = new Map(pack.levels.map((l) => [l.id, l.required_xp]));
      const quest10 = pack.quests.find((q) => q.id === 10)!;
      const earlier = pack.quests.filter((q) => requiredXp.get(q.level)! < requiredXp.get(quest10.level)!);
      for (const quest of earlier.sort((a, b) => requiredXp.get(a.level)! - requiredXp.get(b.level)! || a.id - b.id)) {
        const earned = await submit(quest.id, `quest_${String(quest.id).padStart(2, '0')}.onnx`);
        expect({ quest: quest.id, status: earned.status }).toEqual({ quest: quest.id, status: 200 });
        await earned.text();
      }
      const res = await submit(10, 'xgb_quest_10.onnx');
      const body = (await res.json()) as {
        status: string;
        passed: boolean;
        score: number;
        xp_awarded: number;
        message: string;
      };
      expect({ status: res.status, body: body.status, passed: body.passed, message: body.message }).toEqual({
        status: 200,
        body: 'scored',
        passed: true,
        message: body.message
      });
      expect(body.score).toBeGreaterThanOrEqual(quest10.threshold);
      expect(body.xp_awarded).toBeGreaterThan(0);
    },
    6 * 60_000
  );

  test('the account that completed every quest holds every badge that needs no streak', async () => {
    const badges = (await (
      await fetch(`${server.base}/badges`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { id: string; earned: boolean }[];
    const earned = new Set(badges.filter((b) => b.earned).map((b) => b.id));
    const expected = pack.badges.filter((b) => b.condition.type !== 'streak').map((b) => b.id);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.filter((id) => !earned.has(id))).toEqual([]);
    // Streak badges need more than one day: one day of play earns none of them.
    const streakBadges = pack.badges.filter((b) => b.condition.type === 'streak').map((b) => b.id);
    expect(streakBadges.filter((id) => earned.has(id))).toEqual([]);
  });
});
