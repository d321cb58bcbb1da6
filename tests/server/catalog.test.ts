import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog, validatePack } from '../../server/catalog/load-pack';
import { applyScoredSubmission } from '../../server/services/apply-scored-submission';
import { BASIC_PACK, makeTestServer } from './helpers/test-server';

const basic = () => JSON.parse(fs.readFileSync(path.join(BASIC_PACK, 'pack.json'), 'utf8'));

function copyPack(mutate: (p: any) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlquest-pack-'));
  fs.cpSync(BASIC_PACK, dir, { recursive: true });
  const p = basic();
  mutate(p);
  fs.writeFileSync(path.join(dir, 'pack.json'), JSON.stringify(p));
  return dir;
}

test('the catalog check refuses a badge asking for more XP than the pack offers', () => {
  const p = basic();
  p.quests = p.quests.map((q: any) => ({ ...q, xp_reward: q.id === 1 ? 500 : 250 })); // 1,000 XP in total
  p.levels[1].required_xp = 100;
  p.badges.push({ id: 'xp-1500', name: 'Too far', description: 'd', icon: 'x', condition: { type: 'xp', xp: 1500 } });
  expect(() => validatePack(p)).toThrow(
    /badges\[id=xp-1500\]\.condition: asks for 1500 XP but the pack offers only 1000 XP/
  );
});

test('the catalog check refuses an unreachable level and unearnable level/quest-count badges', () => {
  const p = basic();
  p.levels[1].required_xp = 200; // level 1 offers 150 XP
  expect(() => validatePack(p)).toThrow(/levels\[id=2\] "Next" needs required_xp 200 but .* offer only 150 XP/);
  const q = basic();
  q.badges.push({
    id: 'lvl-9',
    name: 'n',
    description: 'd',
    icon: 'x',
    condition: { type: 'level_reached', level: 9 }
  });
  q.badges.push({
    id: 'many',
    name: 'n',
    description: 'd',
    icon: 'x',
    condition: { type: 'quests_completed', count: 4 }
  });
  expect(() => validatePack(q)).toThrow(/lvl-9.*level 9[\s\S]*many.*4 completed quests/);
});

test('a bad pack names the file and field; a bad CSV names file, line and column', () => {
  const p = basic();
  p.quests[0].metric = 'accuracyy';
  expect(() => validatePack(p, 'datasets/pack.json')).toThrow(
    /datasets\/pack\.json: \/quests\/0\/metric must be equal to one of the allowed values/
  );
  const dir = copyPack(() => undefined);
  fs.writeFileSync(path.join(dir, 'houses', 'test.csv'), 'rooms,area,city,price\n3,lots,Berlin,300\n');
  expect(() => loadCatalog(dir)).toThrow(/houses[/\\]test\.csv: line 2, column "area": "lots" is not a number/);
  fs.rmSync(dir, { recursive: true });
});

test('the loader exposes both splits as typed columns', () => {
  const c = loadCatalog(BASIC_PACK);
  const houses = c.datasetOf(1)!;
  expect(houses.train.rows).toBe(3);
  expect(houses.train.columns[0]).toBeInstanceOf(Float64Array);
  expect(Array.from(houses.train.columns[1] as Float64Array)).toEqual([70.5, 90, 50.25]);
  expect(houses.train.columns[2]).toEqual(['Berlin', 'Paris', 'New York, NY']);
  expect(houses.test.target).toEqual([510, 150]);
  expect(c.datasetOf(2)!.test.target).toEqual(['b', 'a']);
});

test('restart keeps all data; a pack change updates quests and hides removed ones without losing progress', async () => {
  const s1 = makeTestServer();
  const u = await s1.registerAndLogin('keeper');
  applyScoredSubmission(s1.db, {
    userId: u.id,
    questId: 1,
    submissionId: null,
    score: 0.9,
    passed: true,
    scoredAt: new Date()
  });
  applyScoredSubmission(s1.db, {
    userId: u.id,
    questId: 2,
    submissionId: null,
    score: 0.9,
    passed: true,
    scoredAt: new Date()
  });
  const before = await (await s1.request('/user/progress', { token: u.token })).json();
  s1.close();

  // Same pack, same database file: nothing lost, the token still works.
  const s2 = makeTestServer({ dir: s1.dir });
  expect(await (await s2.request('/user/progress', { token: u.token })).json()).toEqual(before);
  s2.close();

  // Changed threshold and XP of quest 1, quest 2 removed from the pack.
  const changed = copyPack((p) => {
    p.quests[0].threshold = 0.6;
    p.quests[0].xp_reward = 120;
    p.quests = p.quests.filter((q: any) => q.id !== 2);
    p.badges = p.badges.filter((b: any) => b.id !== 'two-quests' && b.id !== 'xp-150');
  });
  const s3 = makeTestServer({ dir: s1.dir, packDir: changed });
  const quests = (await (await s3.request('/quests/', { token: u.token })).json()) as any[];
  expect(quests.map((q) => q.id)).toEqual([1, 3]);
  expect(quests[0]).toMatchObject({ threshold: 0.6, xp_reward: 120, status: 'completed', best_score: 0.9 });
  expect((await s3.request('/quests/2')).status).toBe(404);
  const me = (await (await s3.request('/user/me', { token: u.token })).json()) as any;
  expect(me.total_xp).toBe(150);
  expect(s3.db.sqlite.prepare('SELECT active FROM quests WHERE id = 2').get()).toEqual({ active: 0 });
  expect(s3.db.sqlite.prepare('SELECT count(*) AS n FROM quest_progress WHERE user_id = ?').get(u.id)).toEqual({
    n: 2
  });
  s3.cleanup();
  fs.rmSync(changed, { recursive: true });
});
