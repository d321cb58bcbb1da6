import fs from 'node:fs';
import { applyScoredSubmission } from '../../server/services/apply-scored-submission';
import { makeTestServer, type TestServer } from './helpers/test-server';

let s: TestServer;
beforeEach(() => (s = makeTestServer()));
afterEach(() => s.cleanup());

const pass = (userId: number, questId: number, at: string, score = 0.9) =>
  applyScoredSubmission(s.db, { userId, questId, submissionId: null, score, passed: true, scoredAt: new Date(at) });

test('leaderboard order: XP, then quests completed, then who reached that XP first; ties share a rank; caller row off the page', async () => {
  const a = await s.register('amy');
  const b = await s.register('ben');
  const c = await s.register('cat');
  const d = await s.registerAndLogin('dan');
  pass(a.id, 1, '2026-06-01T10:00:00Z'); // 100 XP, reached 10:00
  pass(b.id, 1, '2026-06-01T09:00:00Z'); // 100 XP, reached 09:00: ahead of amy
  pass(c.id, 2, '2026-06-01T08:00:00Z'); // 50 XP
  pass(c.id, 1, '2026-06-01T11:00:00Z'); // 150 XP: first
  // dan: 0 XP, same key as nobody else; an exact tie is made by copying ben's key to a fifth user.
  const e = await s.register('eve');
  s.db.sqlite
    .prepare('UPDATE users SET total_xp = 100, quests_completed = 1, xp_reached_at = ? WHERE id = ?')
    .run('2026-06-01T09:00:00.000Z', e.id);

  const page1 = (await (await s.request('/leaderboard/?limit=2&offset=0', { token: d.token })).json()) as any;
  expect(page1.entries.map((x: any) => [x.rank, x.username])).toEqual([
    [1, 'cat'],
    [2, 'ben']
  ]);
  expect(page1.total).toBe(5);
  expect(page1.me).toMatchObject({ rank: 5, username: 'dan', total_xp: 0 });
  const page2 = (await (await s.request('/leaderboard?limit=2&offset=2', { token: d.token })).json()) as any;
  expect(page2.entries.map((x: any) => [x.rank, x.username])).toEqual([
    [2, 'eve'],
    [4, 'amy']
  ]);
  expect(page2.entries[0]).toMatchObject({ total_xp: 100, level: 2, quests_completed: 1 });
  expect(((await (await s.request('/leaderboard')).json()) as any).me).toBeNull();
  expect(a.id).toBeLessThan(e.id);
});

test('quest leaderboard ranks best scores in the metric direction', async () => {
  const a = await s.register('low');
  const b = await s.registerAndLogin('high');
  for (const u of [a.id, b.id]) s.db.sqlite.prepare('UPDATE users SET total_xp = 100 WHERE id = ?').run(u);
  pass(a.id, 3, '2026-06-01T10:00:00Z', 2); // mae: lower is better
  pass(b.id, 3, '2026-06-01T09:00:00Z', 7);
  const board = (await (await s.request('/quests/3/leaderboard', { token: b.token })).json()) as any;
  expect(board.higher_is_better).toBe(false);
  expect(board.entries.map((x: any) => [x.rank, x.username, x.best_score])).toEqual([
    [1, 'low', 2],
    [2, 'high', 7]
  ]);
  expect(board.me).toMatchObject({ rank: 2, username: 'high' });
});

test('bad input gets a 4xx JSON error that says what to fix, never a 500, and the database is unchanged', async () => {
  const u = await s.registerAndLogin('tidy');
  const snapshot = () =>
    s.db.sqlite
      .prepare(
        'SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM sessions) AS sessions, (SELECT group_concat(email || timezone) FROM users) AS fields'
      )
      .get();
  const before = snapshot();
  const cases: [string, RequestInit & { token?: string; json?: unknown }, number, RegExp][] = [
    [
      '/auth/register',
      { method: 'POST', body: '{"username": "x",', headers: { 'Content-Type': 'application/json' } },
      400,
      /not valid JSON/
    ],
    [
      '/auth/register',
      { method: 'POST', body: 'username=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      415,
      /application\/json/
    ],
    [
      '/auth/register',
      { method: 'POST', json: { username: 'ok_name', email: 'ok@example.com', password: 'long enough', admin: true } },
      400,
      /unknown field.*admin/
    ],
    [
      '/auth/register',
      { method: 'POST', json: { username: 'a', email: 'not-an-email', password: 'short' } },
      400,
      /username must be 3 to 32/
    ],
    [
      '/auth/register',
      { method: 'POST', json: { username: 'ok_name', email: 'ok@example.com', password: 12345678 } },
      400,
      /body\.password/
    ],
    // A message that names its field reads as a sentence, without the "body.password:" prefix.
    [
      '/auth/register',
      { method: 'POST', json: { username: 'ok_name', email: 'ok@example.com', password: 'short' } },
      400,
      /^password must be at least 8 characters$/
    ],
    [
      '/auth/register',
      {
        method: 'POST',
        json: { username: 'ok_name', email: 'ok@example.com', password: 'long enough', timezone: 'Nowhere/City' }
      },
      400,
      /IANA/
    ],
    [
      '/auth/register',
      { method: 'POST', json: { username: 'ok_name', email: 'ok@example.com', password: 'x'.repeat(70_000) } },
      413,
      /over/
    ],
    ['/auth/login', { method: 'POST', json: {} }, 400, /body\.username: required/],
    ['/user/me', { method: 'PATCH', token: u.token, json: { email: 'bad' } }, 400, /email/],
    ['/user/me', { method: 'PATCH', token: u.token, json: { timezone: 'Bad/Zone', display_name: 'x' } }, 400, /IANA/],
    ['/quests/999', {}, 404, /does not exist/],
    ['/quests/abc', {}, 400, /positive integer/],
    ['/quests/999/dataset', {}, 404, /does not exist/],
    ['/leaderboard?limit=1000', {}, 400, /limit/],
    ['/leaderboard?limit=abc', {}, 400, /query\.limit: .*expected number/],
    [
      '/auth/register',
      { method: 'POST', json: { email: 'ok@example.com', password: 'long enough' } },
      400,
      /body\.username: required/
    ],
    ['/leaderboard?foo=1', {}, 400, /foo/],
    ['/no/such/route', {}, 404, /No route/],
    ['/quests/1', { method: 'DELETE' }, 405, /not allowed/],
    ['/user/me', { token: 'garbage' }, 401, /invalid or expired/]
  ];
  for (const [p, init, status, message] of cases) {
    const r = await s.request(p, init);
    const text = await r.text();
    expect([p, r.status]).toEqual([p, status]);
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['error']);
    expect(json.error.message).toMatch(message);
    expect(text).not.toMatch(/\n\s+at /);
  }
  expect(snapshot()).toEqual(before);
});

test('trailing slashes, CORS from config and a locked quest described with the XP that unlocks it', async () => {
  for (const p of ['/quests', '/quests/', '/leaderboard', '/leaderboard/', '/user/me/', '/health/']) {
    expect((await s.request(p, { token: (await s.registerAndLogin()).token })).status).toBe(200);
  }
  const pre = await s.request('/auth/login', {
    method: 'OPTIONS',
    headers: { Origin: 'http://localhost:8888', 'Access-Control-Request-Method': 'POST' }
  });
  expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:8888');
  const other = await s.request('/health', { headers: { Origin: 'http://evil.example' } });
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
  const u = await s.registerAndLogin('newbie');
  const quests = (await (await s.request('/quests/', { token: u.token })).json()) as any[];
  expect(quests.find((q) => q.id === 3)).toMatchObject({ status: 'locked', submissions_left_today: 50 });
  const detail = (await (await s.request('/quests/3', { token: u.token })).json()) as any;
  expect(detail).toMatchObject({
    unlock_xp: 100,
    target: 'price',
    features: [
      { name: 'rooms', type: 'int' },
      { name: 'area', type: 'float' },
      { name: 'city', type: 'string' }
    ]
  });
});

test('the OpenAPI document lists the routes and /docs serves the API reference', async () => {
  const doc = (await (await s.request('/openapi.json')).json()) as any;
  for (const p of [
    '/auth/register',
    '/auth/login',
    '/auth/logout',
    '/user/me',
    '/user/progress',
    '/levels',
    '/quests',
    '/quests/{id}',
    '/quests/{id}/dataset',
    '/quests/{id}/notebook',
    '/badges',
    '/leaderboard',
    '/quests/{id}/leaderboard',
    '/health'
  ]) {
    expect(Object.keys(doc.paths)).toContain(p);
  }
  expect(
    doc.paths['/auth/register'].post.requestBody.content['application/json'].schema.properties.username
  ).toBeDefined();
  const docs = await s.request('/docs');
  expect(docs.headers.get('content-type')).toMatch(/text\/html/);
  const html = await docs.text();
  expect(html).toMatch(/src="\/docs\/assets\/swagger-ui-bundle\.js"/);
  expect(html).not.toMatch(/https?:\/\//); // no CDN: works on a classroom network without internet
  const init = await (await s.request('/docs/assets/docs-init.js')).text();
  expect(init).toContain('"/openapi.json"');
  const bundle = await s.request('/docs/assets/swagger-ui-bundle.js');
  expect(bundle.status).toBe(200);
  expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  expect((await bundle.text()).length).toBeGreaterThan(100_000);
  const missing = await s.request('/docs/assets/../../package.json');
  expect(missing.status).toBe(404);
});

test('/redoc serves the ReDoc reference over the same OpenAPI document, its script from the local redoc package', async () => {
  const page = await s.request('/redoc');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const html = await page.text();
  expect(html).toMatch(/<redoc spec-url="\/openapi\.json"><\/redoc>/);
  expect(html).toMatch(/src="\/redoc\/assets\/redoc\.standalone\.js"/);
  expect(html).not.toMatch(/https?:\/\//); // no CDN
  const script = await s.request('/redoc/assets/redoc.standalone.js');
  expect(script.status).toBe(200);
  expect(script.headers.get('content-type')).toMatch(/javascript/);
  const body = await script.text();
  expect(body).toBe(fs.readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8'));
  expect(body).toContain('Redoc');
});
