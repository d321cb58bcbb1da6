/**
 * The default quest pack and its content: schema-valid, every file in place, the original quests
 * and badges intact, every level reachable, thresholds calibrated, every notebook submittable.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';

const ROOT = path.resolve(__dirname, '..', '..');
const DATASETS = path.join(ROOT, 'datasets');
const NOTEBOOKS = path.join(ROOT, 'notebooks');

interface Feature {
  name: string;
  type: 'float' | 'int' | 'string';
}
interface Dataset {
  id: string;
  dir: string;
  task_type: string;
  target: string;
  features: Feature[];
  classes?: (string | number)[];
}
interface Quest {
  id: number;
  slug: string;
  title: string;
  level: number;
  dataset: string;
  metric: string;
  average?: string;
  direction: 'higher_is_better' | 'lower_is_better';
  threshold: number;
  xp_reward: number;
  notebook?: string;
  baseline_score?: number;
  reference_score?: number;
}
interface Level {
  id: number;
  name: string;
  required_xp: number;
}
interface Badge {
  id: string;
  name: string;
  condition: { type: string; [k: string]: unknown };
}
interface Pack {
  player_level: { formula: string; xp_per_level: number };
  levels: Level[];
  datasets: Dataset[];
  quests: Quest[];
  badges: Badge[];
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const pack = readJson(path.join(DATASETS, 'pack.json')) as Pack;
const datasetById = new Map(pack.datasets.map((d) => [d.id, d]));

function firstLine(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  return text.slice(0, text.indexOf('\n'));
}

function csvRowCount(file: string): number {
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').length - 1;
}

describe('datasets/pack.json', () => {
  it('is valid against schema/quest-pack.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(readJson(path.join(ROOT, 'schema', 'quest-pack.schema.json')) as object);
    const valid = validate(pack);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has at least 12 quests over at least 5 levels, with unique ids and slugs', () => {
    expect(pack.quests.length).toBeGreaterThanOrEqual(12);
    expect(new Set(pack.quests.map((q) => q.level)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(pack.quests.map((q) => q.id)).size).toBe(pack.quests.length);
    expect(new Set(pack.quests.map((q) => q.slug)).size).toBe(pack.quests.length);
    for (const q of pack.quests) expect(pack.levels.map((l) => l.id)).toContain(q.level);
  });

  it('keeps the five original quests with their metric, threshold and XP', () => {
    const byTitle = new Map(pack.quests.map((q) => [q.title, q]));
    const originals: [string, string, number, number, string?][] = [
      ['Linear Regression Challenge', 'r2', 0.8, 100],
      ['Advanced Regression', 'r2', 0.85, 150],
      ['Binary Classification', 'accuracy', 0.85, 200],
      ['Multi-class Classification', 'f1', 0.9, 250, 'macro'],
      ['Advanced Classification Challenge', 'accuracy', 0.9, 300]
    ];
    for (const [title, metric, threshold, xp, average] of originals) {
      const q = byTitle.get(title);
      expect(q).toBeDefined();
      expect([q!.metric, q!.threshold, q!.xp_reward, q!.direction]).toEqual([
        metric,
        threshold,
        xp,
        'higher_is_better'
      ]);
      if (average) expect(q!.average).toBe(average);
    }
  });

  it('starts with quest 1, the Linear Regression Challenge on housing, in a level open from 0 XP', () => {
    const q1 = pack.quests.find((q) => q.id === 1)!;
    expect(q1.title).toBe('Linear Regression Challenge');
    expect(q1.dataset).toBe('housing');
    expect(pack.levels.find((l) => l.id === q1.level)!.required_xp).toBe(0);
  });

  it('covers every kind of problem the course promises', () => {
    const tasks = new Set(pack.quests.map((q) => datasetById.get(q.dataset)!.task_type));
    expect([...tasks].sort()).toEqual([
      'binary_classification',
      'clustering',
      'multiclass_classification',
      'regression'
    ]);
    const metrics = new Set(pack.quests.map((q) => q.metric));
    expect(metrics.has('roc_auc') || metrics.has('log_loss')).toBe(true);
    expect(pack.quests.some((q) => q.direction === 'lower_is_better')).toBe(true);
    const categorical = pack.quests.filter((q) =>
      datasetById.get(q.dataset)!.features.some((f) => f.type === 'string')
    );
    expect(categorical.length).toBeGreaterThan(0);
  });

  it('metric directions follow the metrics', () => {
    const lower = new Set(['mse', 'rmse', 'mae', 'log_loss']);
    for (const q of pack.quests) {
      expect({ id: q.id, direction: q.direction }).toEqual({
        id: q.id,
        direction: lower.has(q.metric) ? 'lower_is_better' : 'higher_is_better'
      });
    }
  });

  it('keeps the original badges, adds more, and every level and badge is reachable', () => {
    const byName = new Map(pack.badges.map((b) => [b.name, b.condition]));
    expect(byName.get('First Steps')).toEqual({ type: 'quests_completed', count: 1 });
    expect(byName.get('Quest Master')).toEqual({ type: 'quests_completed', count: 5 });
    expect(byName.get('XP Hunter')).toEqual({ type: 'xp', xp: 500 });
    expect(byName.get('ML Expert')).toEqual({ type: 'xp', xp: 1500 });
    expect(byName.get('Streak Champion')).toEqual({ type: 'streak', days: 7 });
    expect(byName.get('Perfectionist')).toEqual({ type: 'perfect_score' });
    expect(pack.badges.length).toBeGreaterThan(6);

    // Unlock levels in order of required XP with the XP of the quests already unlocked.
    const levels = [...pack.levels].sort((a, b) => a.required_xp - b.required_xp);
    let xp = 0;
    for (const level of levels) {
      expect({ level: level.id, reachable: level.required_xp <= xp }).toEqual({ level: level.id, reachable: true });
      xp += pack.quests.filter((q) => q.level === level.id).reduce((s, q) => s + q.xp_reward, 0);
    }
    expect(xp).toBeGreaterThanOrEqual(1500 * 1.5);
    const maxPlayerLevel = Math.floor(Math.sqrt(xp / pack.player_level.xp_per_level)) + 1;
    for (const b of pack.badges) {
      const c = b.condition;
      if (c.type === 'xp') expect(c.xp as number).toBeLessThanOrEqual(xp);
      if (c.type === 'quests_completed') expect(c.count as number).toBeLessThanOrEqual(pack.quests.length);
      if (c.type === 'level_reached') expect(c.level as number).toBeLessThanOrEqual(maxPlayerLevel);
      if (c.type === 'quest_completed') expect(pack.quests.map((q) => q.id)).toContain(c.quest);
      if (c.type === 'course_level_completed') expect(pack.quests.some((q) => q.level === c.level)).toBe(true);
    }
    expect(pack.player_level).toEqual({ formula: 'sqrt', xp_per_level: 100 });
  });

  it('records calibrated scores: every reference passes, every baseline after the tutorial fails', () => {
    const passes = (q: Quest, s: number) => (q.direction === 'higher_is_better' ? s >= q.threshold : s <= q.threshold);
    for (const q of pack.quests) {
      expect(typeof q.baseline_score).toBe('number');
      expect(typeof q.reference_score).toBe('number');
      expect({ quest: q.id, referencePasses: passes(q, q.reference_score!) }).toEqual({
        quest: q.id,
        referencePasses: true
      });
      if (q.id !== 1)
        expect({ quest: q.id, baselinePasses: passes(q, q.baseline_score!) }).toEqual({
          quest: q.id,
          baselinePasses: false
        });
    }
    // Perfectionist is earnable: some reference reaches the metric's best value.
    const perfect = pack.quests.filter(
      (q) => q.direction === 'higher_is_better' && Math.abs(q.reference_score! - 1) < 1e-12
    );
    expect(perfect.length).toBeGreaterThan(0);
  });
});

describe('datasets', () => {
  it.each(pack.datasets.map((d) => [d.id, d] as const))(
    '%s has train.csv, test.csv and card.md with the pack columns',
    (_id, d) => {
      const folder = path.join(DATASETS, d.dir);
      const header = [...d.features.map((f) => f.name), d.target].join(',');
      for (const split of ['train.csv', 'test.csv']) {
        expect(firstLine(path.join(folder, split))).toBe(header);
        expect(csvRowCount(path.join(folder, split))).toBeGreaterThan(20);
        expect(csvRowCount(path.join(folder, split))).toBeLessThanOrEqual(5000);
      }
      const card = fs.readFileSync(path.join(folder, 'card.md'), 'utf8');
      for (const section of ['## Columns', '## How it was made', '## Licence']) expect(card).toContain(section);
      for (const f of d.features) expect(card).toContain(`\`${f.name}\``);
    }
  );

  it('iris is the real 150-row data set', () => {
    const iris = pack.datasets.find((d) => d.id === 'iris')!;
    const rows = ['train.csv', 'test.csv'].reduce((n, s) => n + csvRowCount(path.join(DATASETS, iris.dir, s)), 0);
    expect(rows).toBe(150);
  });
});

describe('starter notebooks and reference solutions', () => {
  it.each(pack.quests.map((q) => [q.id, q] as const))(
    'quest %i has a starter notebook with a submit cell and a reference solution',
    (_id, q) => {
      expect(q.notebook).toBeDefined();
      const nb = readJson(path.join(NOTEBOOKS, q.notebook!)) as {
        nbformat: number;
        cells: {
          cell_type: string;
          source: string[] | string;
          metadata: Record<string, unknown>;
          outputs?: unknown[];
        }[];
      };
      expect(nb.nbformat).toBe(4);
      const source = (c: { source: string[] | string }) => (Array.isArray(c.source) ? c.source.join('') : c.source);
      const markdown = nb.cells
        .filter((c) => c.cell_type === 'markdown')
        .map(source)
        .join('\n');
      expect(markdown).toContain(q.title);
      expect(markdown).toContain(`${q.threshold}`);
      expect(markdown).toContain(`${q.xp_reward} XP`);
      expect(markdown).toContain('Submit model');
      const code = nb.cells.filter((c) => c.cell_type === 'code');
      for (const c of code) expect(c.outputs ?? []).toEqual([]);
      const all = code.map(source).join('\n');
      expect(all).toContain('os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")');
      expect(all).toContain(`QUEST_ID = ${q.id}`);
      expect(all).toContain('pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")');
      const submitCells = code.filter((c) => c.metadata.mlquest !== undefined);
      expect(submitCells).toHaveLength(1);
      expect(submitCells[0].metadata.mlquest).toEqual({ quest: q.id, model: 'model' });
      expect(code.indexOf(submitCells[0])).toBe(code.length - 1);
      expect(all).toMatch(/^model = /m);

      const reference = fs.readFileSync(
        path.join(ROOT, 'tests', 'reference', `quest_${String(q.id).padStart(2, '0')}.py`),
        'utf8'
      );
      expect(reference).toContain(`QUEST_ID = ${q.id}`);
      expect(reference).toMatch(/^model = /m);
    }
  );

  it('has no notebook in notebooks/ that no quest uses', () => {
    const used = new Set(pack.quests.map((q) => q.notebook));
    const present = fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb'));
    expect(present.filter((f) => !used.has(f))).toEqual([]);
  });
});

describe('the Real Data chapter', () => {
  const realSets: [string, number, string][] = [
    ['digits', 1797, 'load_digits'],
    ['breast-cancer', 569, 'load_breast_cancer'],
    ['wine', 178, 'load_wine'],
    ['diabetes', 442, 'load_diabetes']
  ];

  it.each(realSets)(
    '%s is the whole real data set scikit-learn ships, with its source and licence',
    (id, rows, loader) => {
      const d = datasetById.get(id)!;
      const total = ['train.csv', 'test.csv'].reduce((n, s) => n + csvRowCount(path.join(DATASETS, d.dir, s)), 0);
      expect(total).toBe(rows);
      const card = fs.readFileSync(path.join(DATASETS, d.dir, 'card.md'), 'utf8');
      expect(card).toContain(`sklearn.datasets.${loader}`);
      expect(card.slice(card.indexOf('## Licence'))).toMatch(/scikit-learn/);
    }
  );

  it('is one course level of four quests on those data sets, with a badge, and "all quests" still counts every quest', () => {
    const quests = pack.quests.filter((q) => realSets.some(([id]) => id === q.dataset));
    expect(quests).toHaveLength(4);
    expect(new Set(quests.map((q) => q.level)).size).toBe(1);
    const level = quests[0].level;
    expect(
      pack.badges.filter((b) => b.condition.type === 'course_level_completed' && b.condition.level === level)
    ).toHaveLength(1);
    const grandMaster = pack.badges.find((b) => b.name === 'Grand Master')!;
    expect(grandMaster.condition).toEqual({ type: 'quests_completed', count: pack.quests.length });
  });

  it('digits cannot be passed by the linear starter model on raw pixels, and breast cancer scores the malignant class', () => {
    const digits = pack.quests.find((q) => q.dataset === 'digits')!;
    const nb = readJson(path.join(NOTEBOOKS, digits.notebook!)) as { cells: { cell_type: string; source: string[] }[] };
    const baseline = nb.cells.map((c) => c.source.join('')).find((s) => /^model = /m.test(s))!;
    expect(baseline).toContain('model = LogisticRegression(');
    expect(baseline).not.toContain('Scaler');
    expect(digits.baseline_score!).toBeLessThan(digits.threshold);
    const cancer = pack.quests.find((q) => q.dataset === 'breast-cancer')!;
    expect([cancer.metric, cancer.average]).toEqual(['f1', 'binary']);
    expect((datasetById.get('breast-cancer') as Dataset & { positive_class?: string }).positive_class).toBe(
      'malignant'
    );
  });
});
