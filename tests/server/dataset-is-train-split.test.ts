/**
 * The hidden split never leaves the server: GET /quests/{id}/dataset serves, for every quest of
 * the real pack, exactly the bytes of its dataset's train.csv (read here from pack.json and the
 * files, not through the catalog), and never the test split.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { makeTestServer, type TestServer } from './helpers/test-server';

const DATASETS = join(__dirname, '..', '..', 'datasets');
const pack = JSON.parse(readFileSync(join(DATASETS, 'pack.json'), 'utf8')) as {
  datasets: { id: string; dir: string }[];
  quests: { id: number; dataset: string }[];
};
const dirOf = new Map(pack.datasets.map((d) => [d.id, d.dir]));

let s: TestServer;
beforeAll(() => (s = makeTestServer({ packDir: DATASETS })));
afterAll(() => s.cleanup());

test('the pack has quests on several datasets (the check below covers each)', () => {
  expect(new Set(pack.quests.map((q) => q.dataset)).size).toBeGreaterThanOrEqual(9);
});

test.each(pack.quests.map((q) => [q.id, q.dataset] as const))(
  'quest %i serves the whole train split of %s',
  async (id, dataset) => {
    const dir = join(DATASETS, dirOf.get(dataset)!);
    const train = readFileSync(join(dir, 'train.csv'), 'utf8');
    const hidden = readFileSync(join(dir, 'test.csv'), 'utf8');
    const res = await s.request(`/quests/${id}/dataset`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const body = await res.text();
    expect(body.length).toBe(train.length);
    expect(body === train).toBe(true);
    expect(body === hidden).toBe(false);
  }
);
