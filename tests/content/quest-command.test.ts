/**
 * `npm run quest` (datasets/quest.py, issue 18): an instructor's CSV becomes a calibrated quest in
 * their own pack; broken CSVs get one message per problem; `check` lists every planted problem at
 * once; a restarted server serves the new quest (its train split, never its test split) and keeps
 * progress; the new quest's reference passes and its starter baseline fails on the live server,
 * both run in a real kernel by tests/reference/run_reference.py as in the passability test.
 * Needs the project's Python environment (.venv, `npm run setup:python`).
 */
import { execFile, spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { ROOT, startLiveServer } from '../helpers/live-server';
import { describeIf } from '../helpers/requires';

const PYTHON = join(ROOT, '.venv', 'bin', 'python');
const EXAMPLE = join(ROOT, 'datasets', 'examples', 'exam_results.csv');
const describeWithPython = describeIf({
  what: 'the Python environment .venv',
  present: existsSync(PYTHON),
  fix: 'npm run setup:python'
});

interface Quest {
  id: number;
  title: string;
  dataset: string;
  threshold: number;
  baseline_score: number;
  reference_score: number;
  level: number;
  notebook: string;
  direction: string;
}
interface Pack {
  datasets: { id: string; dir: string; features: { name: string }[] }[];
  quests: Quest[];
  badges: { name: string; condition: { type: string; count?: number } }[];
}

function quest(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(PYTHON, [join(ROOT, 'datasets', 'quest.py'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env }
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const readPack = (dir: string) => JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as Pack;
const dataLines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').slice(1);

describeWithPython('npm run quest -- new on the example CSV', () => {
  let tmp: string;
  let packDir: string;
  let run: ReturnType<typeof quest>;
  const defaultPack = readFileSync(join(ROOT, 'datasets', 'pack.json'), 'utf8');

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'mlquest-authoring-'));
    packDir = join(tmp, 'our-pack');
    run = quest(
      [
        'new',
        '--csv',
        EXAMPLE,
        '--target',
        'passed',
        '--drop',
        'student_id',
        '--title',
        'Exam results',
        '--seed',
        '1234'
      ],
      {
        MLQUEST_QUEST_PACK: packDir
      }
    );
  }, 300_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('says the inferred task, metric and positive choice, both calibration scores and the proposed threshold', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('task: binary classification, inferred: the target `passed` holds 2 text values');
    expect(run.stdout).toContain('metric: accuracy, inferred: the rarer class `no` is 44% of the rows');
    const pack = readPack(packDir);
    const q = pack.quests.find((x) => x.title === 'Exam results')!;
    expect(run.stdout).toContain(`starter baseline ${q.baseline_score}, reference ${q.reference_score}`);
    expect(run.stdout).toContain(`threshold: >= ${q.threshold}, proposed between the baseline and the reference`);
    expect(q.baseline_score).toBeLessThan(q.threshold);
    expect(q.reference_score).toBeGreaterThan(q.threshold);
    expect(run.stdout).toMatch(
      /reference candidate gradient boosting: 0\.\d+ in 5-fold cross-validation on the train split/
    );
    expect(run.stdout).toMatch(
      /reference candidate tuned linear model: 0\.\d+ in 5-fold cross-validation on the train split/
    );
    expect(run.stdout).toContain('catalog check passed');
  });

  it('--split time:COLUMN hides the latest rows and leaves the time column out of the features', () => {
    const file = join(tmp, 'sales.csv');
    const lines = ['day,price,promo,store,units'];
    for (let i = 0; i < 120; i++) {
      const price = 2 + ((i * 7) % 11) / 2;
      const promo = i % 3 === 0 ? 1 : 0;
      const store = ['north', 'south', 'east'][i % 3 === 1 ? 1 : i % 5 === 0 ? 2 : 0];
      const units =
        Math.round(80 - 6 * price + 15 * promo + (store === 'south' ? 10 : 0) + 12 * Math.sin(i * 1.7)) +
        (price > 5 ? 20 : 0);
      lines.push(
        `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${price},${promo},${store},${units}`
      );
    }
    writeFileSync(file, lines.join('\n') + '\n');
    const pack = join(tmp, 'forward-pack');
    const res = quest([
      'new',
      '--csv',
      file,
      '--target',
      'units',
      '--split',
      'time:day',
      '--metric',
      'mae',
      '--pack',
      pack
    ]);
    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('task: regression, inferred');
    expect(res.stdout).toContain(
      'split: a forward split on `day`: the 96 earliest rows train, the 24 rows from `2026-04-13` on are hidden'
    );
    const ds = readPack(pack).datasets.find((d) => d.id === 'sales')!;
    expect(ds.features.map((f) => f.name)).toEqual(['price', 'promo', 'store']);
    const withoutDay = (from: number, to: number) =>
      lines
        .slice(from, to)
        .map((l) => l.slice(11))
        .sort();
    expect(dataLines(join(pack, 'sales', 'train.csv')).sort()).toEqual(withoutDay(1, 97));
    expect(dataLines(join(pack, 'sales', 'test.csv')).sort()).toEqual(withoutDay(97, 121));
    expect(res.status).toBe(0);
  }, 120_000);

  it('adds the quest to a copy of the default pack and leaves the default pack untouched', () => {
    expect(readFileSync(join(ROOT, 'datasets', 'pack.json'), 'utf8')).toBe(defaultPack);
    const pack = readPack(packDir);
    const original = JSON.parse(defaultPack) as Pack;
    expect(pack.quests.map((q) => q.id)).toEqual([...original.quests.map((q) => q.id), 18]);
    const ds = pack.datasets.find((d) => d.id === 'exam-results')!;
    expect(ds.features.map((f) => f.name)).toEqual([
      'study_hours',
      'attendance_pct',
      'assignments_done',
      'prior_grade',
      'track'
    ]);
    const grandMaster = pack.badges.find((b) => b.name === 'Grand Master')!;
    expect(grandMaster.condition.count).toBe(18);
    expect(existsSync(join(packDir, 'notebooks', '18_exam_results.ipynb'))).toBe(true);
    expect(existsSync(join(packDir, 'notebooks', '01_linear_regression_challenge.ipynb'))).toBe(true);
    expect(existsSync(join(packDir, 'references', 'quest_18.py'))).toBe(true);
  });

  it('splits every row once, stratified, keeps the text as written, and writes a card with TODO markers and no seed', () => {
    const train = dataLines(join(packDir, 'exam_results', 'train.csv'));
    const test = dataLines(join(packDir, 'exam_results', 'test.csv'));
    expect([train.length, test.length]).toEqual([480, 120]);
    const source = dataLines(EXAMPLE).map((l) => l.slice(l.indexOf(',') + 1)); // without student_id
    expect([...train, ...test].sort()).toEqual(source.sort());
    const share = (rows: string[]) => rows.filter((r) => r.endsWith(',no')).length / rows.length;
    expect(Math.abs(share(train) - share(test))).toBeLessThan(0.01);
    const card = readFileSync(join(packDir, 'exam_results', 'card.md'), 'utf8');
    expect(card).toContain('## Source\n\nTODO (instructor):');
    expect(card).toContain('## Licence\n\nTODO (instructor):');
    expect(card).toContain('a seed chosen by the instructor and not recorded here');
    expect(card).not.toContain('1234');
  });

  it('check: the new pack is usable, and notes the TODO markers of the card', () => {
    const check = quest(['check', '--pack', packDir]);
    expect(check.stdout).toContain(
      'note: dataset exam-results: exam_results/card.md still has TODO (instructor): markers'
    );
    expect(check.stdout).toContain('the pack is usable: 18 quests');
    expect(check.status).toBe(0);
  });

  it('check: lists several planted problems at once', () => {
    const broken = join(tmp, 'broken-pack');
    cpSync(packDir, broken, { recursive: true });
    rmSync(join(broken, 'churn', 'test.csv'));
    const nbFile = join(broken, 'notebooks', '03_binary_classification.ipynb');
    const nb = JSON.parse(readFileSync(nbFile, 'utf8')) as { cells: { metadata: Record<string, unknown> }[] };
    nb.cells[nb.cells.length - 1].metadata = { mlquest: { quest: 4, model: 'model' } };
    writeFileSync(nbFile, JSON.stringify(nb));
    const pack = readPack(broken);
    pack.badges.push({
      name: 'Impossible',
      condition: { type: 'quests_completed', count: 99 },
      ...{ id: 'impossible', description: 'x', icon: 'x' }
    });
    writeFileSync(join(broken, 'pack.json'), JSON.stringify(pack));
    const check = quest(['check', '--pack', broken]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`${broken}: 3 problems:`);
    expect(check.stdout).toContain(
      'badges[id=impossible].condition: asks for 99 completed quests but only 18 quests can be completed'
    );
    expect(check.stdout).toContain(`${join(broken, 'churn', 'test.csv')}: file not found`);
    expect(check.stdout).toContain(
      'quest 3 (Binary Classification): notebook 03_binary_classification.ipynb: the submit cell\'s metadata is {"quest": 4, "model": "model"}; it must be {"quest": 3, "model": "model"}'
    );
  });

  it('a restarted server serves the new quest with its train split, never its test split, and keeps progress', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlquest-restart-'));
    const env = { MLQUEST_EVAL_WORKERS: '1', MLQUEST_SUBMIT_WAIT_S: '30' };
    let server = await startLiveServer({ dir, env });
    try {
      const json = { 'content-type': 'application/json' };
      const user = { username: 'instructed', email: 'instructed@example.org', password: 'a long enough password' };
      expect(
        (await fetch(`${server.base}/auth/register`, { method: 'POST', headers: json, body: JSON.stringify(user) }))
          .status
      ).toBe(201);
      const login = await fetch(`${server.base}/auth/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: user.username, password: user.password })
      });
      const auth = { authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}` };
      const form = new FormData();
      form.append(
        'model_file',
        new Blob([readFileSync(join(ROOT, 'tests', 'fixtures', 'models', 'housing_linear_regression.onnx'))]),
        'model.onnx'
      );
      const first = (await (
        await fetch(`${server.base}/quests/1/submit`, { method: 'POST', headers: auth, body: form })
      ).json()) as { passed: boolean };
      expect(first.passed).toBe(true);
      const before = await (await fetch(`${server.base}/user/progress`, { headers: auth })).json();
      await server.stop();

      server = await startLiveServer({
        dir,
        env: { ...env, MLQUEST_QUEST_PACK: packDir, MLQUEST_NOTEBOOKS: join(packDir, 'notebooks') }
      });
      const after = (await (await fetch(`${server.base}/user/progress`, { headers: auth })).json()) as {
        total_xp: number;
        quests_completed: number;
        quests_total: number;
      };
      const was = before as typeof after;
      expect([after.total_xp, after.quests_completed, after.quests_total]).toEqual([
        was.total_xp,
        was.quests_completed,
        was.quests_total + 1
      ]);

      const detail = (await (await fetch(`${server.base}/quests/18`, { headers: auth })).json()) as {
        title: string;
        status: string;
      };
      expect(detail.title).toBe('Exam results');
      const dataset = await fetch(`${server.base}/quests/18/dataset`);
      expect(dataset.status).toBe(200);
      const served = await dataset.text();
      expect(served).toBe(readFileSync(join(packDir, 'exam_results', 'train.csv'), 'utf8'));
      const hidden = dataLines(join(packDir, 'exam_results', 'test.csv'));
      expect(hidden.filter((row) => served.includes(row))).toEqual([]);
      const notebook = await (await fetch(`${server.base}/quests/18/notebook`)).json();
      expect(notebook).toEqual(JSON.parse(readFileSync(join(packDir, 'notebooks', '18_exam_results.ipynb'), 'utf8')));

      // The new quest through the passability path: a real kernel reads the train split from this server.
      const models = join(dir, 'models');
      await promisify(execFile)(
        PYTHON,
        [
          join(ROOT, 'tests', 'reference', 'run_reference.py'),
          '--server',
          server.base,
          '--out',
          models,
          '--source',
          join(packDir, 'references', 'quest_18.py'),
          '--source',
          join(packDir, 'notebooks', '18_exam_results.ipynb')
        ],
        { cwd: ROOT, timeout: 240_000 }
      );
      const q = readPack(packDir).quests.find((x) => x.id === 18)!;
      const submit = async (file: string) => {
        const f = new FormData();
        f.append('model_file', new Blob([readFileSync(join(models, file))]), file);
        return (await (
          await fetch(`${server.base}/quests/18/submit`, { method: 'POST', headers: auth, body: f })
        ).json()) as { status: string; passed: boolean; score: number };
      };
      const baseline = await submit('18_exam_results.onnx');
      expect([baseline.status, baseline.passed]).toEqual(['scored', false]);
      expect(baseline.score).toBeCloseTo(q.baseline_score, 3);
      const reference = await submit('quest_18.onnx');
      expect([reference.status, reference.passed]).toEqual(['scored', true]);
      expect(reference.score).toBeCloseTo(q.reference_score, 3);
    } finally {
      await server.cleanup();
    }
  }, 300_000);
});

describeWithPython('npm run quest -- new refuses broken CSVs with one message per problem and writes nothing', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'mlquest-badcsv-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n') + '\n';
  const cases: [string, string | Buffer, string[], string[]][] = [
    [
      'latin1.csv',
      Buffer.from('name,y\ncaf\xe9,1\n', 'latin1'),
      [],
      ['is not UTF-8 text (byte 0xe9 on line 2, probably Latin-1 or Windows-1252): save it as UTF-8']
    ],
    ['empty.csv', '', [], ['is empty; it needs a header line of column names']],
    [
      'no-header.csv',
      '1,2,3\n4,5,6\n',
      [],
      ['the first line (1,2,3…) looks like data, not column names: add a header line']
    ],
    ['duplicate.csv', 'a,a,y\n1,2,3\n', [], ['the header names column `a` 2 times: give each column its own name']],
    [
      'ragged.csv',
      'a,b,y\n1,2,3\n1,2\n4,5,6,7\n',
      [],
      ['lines 3, 4 have a different number of fields than the header (3): quote values that contain commas']
    ],
    ['no-target.csv', 'a,b\n1,2\n', [], ['has no column `y` for --target; its columns are: a, b']],
    [
      'few-rows.csv',
      'a,y\n' + rows(20, (i) => `${i * 1.5},${i % 2}`),
      [],
      ['has 20 data rows; a quest needs at least 50']
    ],
    [
      'one-class.csv',
      'a,b,y\n' + rows(80, (i) => `${i * 0.5},${i % 7},yes`),
      [],
      ['the target `y` has only one value (`yes`): a classifier needs at least two classes']
    ],
    [
      'rare-class.csv',
      'a,b,y\n' + rows(80, (i) => `${i * 0.5},${i % 7},${i < 3 ? 'rare' : i % 2 ? 'common' : 'other'}`),
      [],
      ['class `rare` of the target `y` has 3 rows; every class needs at least 10 so that both splits hold it']
    ],
    [
      'many-at-once.csv',
      'id,score,const,mixed,y\n' +
        rows(
          60,
          (i) => `${i + 1},${(i * 0.37) % 5},same,${i === 7 || i === 9 ? 'oops' : i % 9},${i === 3 ? '' : i * 1.25}`
        ),
      ['--task', 'regression'],
      [
        '4 problems; nothing was written',
        'the target `y` has 1 empty or NA cell (line 5): fill them or remove those rows',
        'column `id` looks like an identifier (every row has its own value): a model would only memorise it; remove it or pass --drop id',
        'column `const` has the same value (`same`) in every row: it cannot help a model; remove it or pass --drop const',
        'column `mixed` mixes numbers and text: lines 9, 11 (`oops`, `oops`) are not numbers'
      ]
    ],
    [
      'metric.csv',
      'a,b,y\n' + rows(80, (i) => `${i * 0.5},${i % 7},${i % 2 ? 'yes' : 'no'}`),
      ['--metric', 'r2'],
      [
        '--metric r2 does not fit a binary classification quest; use one of accuracy, precision, recall, f1, roc_auc, log_loss'
      ]
    ],
    [
      'forward.csv',
      'day,a,y\n' + rows(80, (i) => `${2000 + i},${i % 5},${i < 70 ? 'old' : 'new'}`),
      ['--split', 'time:day'],
      ['occur only in the hidden (latest) rows: a model could never learn them; use --split stratified']
    ]
  ];

  it.each(cases)('%s', (name, content, extra, messages) => {
    const file = join(tmp, name);
    writeFileSync(file, content);
    const pack = join(tmp, `pack-${name}`);
    const run = quest(['new', '--csv', file, '--target', 'y', '--pack', pack, ...extra]);
    expect(run.status).toBe(1);
    for (const m of messages) expect(run.stderr).toContain(m);
    expect(run.stderr).toContain('nothing was written');
    expect(existsSync(pack)).toBe(false);
  });

  it('refuses to write into the default pack and asks where the instructor pack lives', () => {
    const intoDefault = quest(['new', '--csv', EXAMPLE, '--target', 'passed', '--pack', join(ROOT, 'datasets')]);
    expect(intoDefault.status).toBe(1);
    expect(intoDefault.stderr).toContain(
      'is the default pack, which stays untouched: pass --pack DIR (or set MLQUEST_QUEST_PACK)'
    );
    const nowhere = quest(['new', '--csv', EXAMPLE, '--target', 'passed']);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toContain('say where your own quest pack lives: --pack DIR or MLQUEST_QUEST_PACK=DIR');
    const pack = join(tmp, 'never-made');
    const intoDefaultNotebooks = quest(
      ['new', '--csv', EXAMPLE, '--target', 'passed', '--drop', 'student_id', '--pack', pack],
      {
        MLQUEST_NOTEBOOKS: join(ROOT, 'notebooks')
      }
    );
    expect(intoDefaultNotebooks.status).toBe(1);
    expect(intoDefaultNotebooks.stderr).toContain('MLQUEST_NOTEBOOKS points at the default starter notebooks');
    expect(existsSync(pack)).toBe(false);
  }, 120_000);
});
