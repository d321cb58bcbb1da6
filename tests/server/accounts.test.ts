import { makeTestServer, type TestServer } from './helpers/test-server';

let clock = new Date('2026-05-01T12:00:00Z');
let s: TestServer;

beforeEach(() => {
  clock = new Date('2026-05-01T12:00:00Z');
  s = makeTestServer({
    now: () => clock,
    env: { MLQUEST_SESSION_DAYS: '2', MLQUEST_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' }
  });
});
afterEach(() => s.cleanup());

const body = async (r: Response) => (await r.json()) as any;

test('register, duplicate 409 naming the field, login by username and by email', async () => {
  const res = await s.request('/auth/register', {
    method: 'POST',
    json: { username: 'Ada_L', email: 'ada@example.com', password: 'long enough pw', timezone: 'Europe/Berlin' }
  });
  expect(res.status).toBe(201);
  const profile = await body(res);
  expect(profile).toMatchObject({
    username: 'Ada_L',
    email: 'ada@example.com',
    timezone: 'Europe/Berlin',
    total_xp: 0,
    level: 1
  });

  const dupName = await s.request('/auth/register', {
    method: 'POST',
    json: { username: 'ada_l', email: 'other@example.com', password: 'long enough pw' }
  });
  expect(dupName.status).toBe(409);
  expect((await body(dupName)).error.message).toMatch(/username/);
  const dupEmail = await s.request('/auth/register', {
    method: 'POST',
    json: { username: 'other', email: 'ADA@example.com', password: 'long enough pw' }
  });
  expect(dupEmail.status).toBe(409);
  expect((await body(dupEmail)).error.message).toMatch(/email/);

  const byName = await s.login('ada_l', 'long enough pw');
  const byEmail = await s.login('Ada@Example.com', 'long enough pw');
  for (const token of [byName, byEmail]) {
    const me = await s.request('/user/me', { token });
    expect(me.status).toBe(200);
    expect((await body(me)).id).toBe(profile.id);
  }
});

test('same generic 401 for unknown user and wrong password, each after one Argon2id verification', async () => {
  // Limits high enough for many samples; the two paths alternate so that load hits both alike.
  const t = makeTestServer({
    env: { MLQUEST_LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000', MLQUEST_LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' }
  });
  try {
    await t.register('bob');
    const timed = async (username: string) => {
      const t0 = performance.now();
      const res = await t.request('/auth/login', { method: 'POST', json: { username, password: 'not the password' } });
      return { ms: performance.now() - t0, status: res.status, body: await body(res) };
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 9; i++) {
      const a = await timed('bob');
      const b = await timed(`nobody${i}`);
      expect([a.status, b.status]).toEqual([401, 401]);
      expect(a.body).toEqual(b.body);
      wrong.push(a.ms);
      unknown.push(b.ms);
    }
    // Medians of 9 samples: an unknown name skipping the hash would be about 100 times faster.
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[4];
    expect(median(unknown)).toBeGreaterThan(median(wrong) / 4);
    expect(median(wrong)).toBeGreaterThan(median(unknown) / 4);
  } finally {
    t.cleanup();
  }
}, 60_000);

test('sliding expiry, expiry, logout', async () => {
  const u = await s.registerAndLogin('carol');
  const loginRes = await s.request('/auth/login', {
    method: 'POST',
    json: { username: 'carol', password: u.password }
  });
  const { expires_at, token_type } = await body(loginRes);
  expect(token_type).toBe('bearer');
  expect(new Date(expires_at).getTime()).toBe(clock.getTime() + 2 * 86_400_000);

  // 1.5 days later (less than half the lifetime left): still valid, and the expiry slides.
  clock = new Date(clock.getTime() + 1.5 * 86_400_000);
  expect((await s.request('/user/me', { token: u.token })).status).toBe(200);
  // 1.5 more days: past the original expiry but inside the slid one.
  clock = new Date(clock.getTime() + 1.5 * 86_400_000);
  expect((await s.request('/user/me', { token: u.token })).status).toBe(200);
  // 2.5 days without use: expired.
  clock = new Date(clock.getTime() + 2.5 * 86_400_000);
  const expired = await s.request('/user/me', { token: u.token });
  expect(expired.status).toBe(401);
  expect((await body(expired)).error.message).toMatch(/expired/);

  const token = await s.login('carol', u.password);
  expect((await s.request('/auth/logout', { method: 'POST', token })).status).toBe(204);
  expect((await s.request('/user/me', { token })).status).toBe(401);
  expect((await s.request('/user/me')).status).toBe(401);
  expect((await s.request('/user/me', { token: token.replace(/.$/, (ch) => (ch === 'a' ? 'b' : 'a')) })).status).toBe(
    401
  );
});

test('login rate limit per account answers 429 with Retry-After, and lifts after the window', async () => {
  const u = await s.register('dave');
  for (let i = 0; i < 3; i++) {
    expect(
      (await s.request('/auth/login', { method: 'POST', json: { username: 'dave', password: 'wrong password' } }))
        .status
    ).toBe(401);
  }
  const limited = await s.request('/auth/login', { method: 'POST', json: { username: 'dave', password: u.password } });
  expect(limited.status).toBe(429);
  const retry = Number(limited.headers.get('Retry-After'));
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(900);
  expect((await body(limited)).error.code).toBe('rate_limited');
  clock = new Date(clock.getTime() + retry * 1000 + 1000);
  expect(
    (await s.request('/auth/login', { method: 'POST', json: { username: 'dave', password: u.password } })).status
  ).toBe(200);
});

test('PATCH /user/me changes profile fields and the password (with the old one)', async () => {
  const u = await s.registerAndLogin('erin');
  await s.register('frank');
  const r = await s.request('/user/me', {
    method: 'PATCH',
    token: u.token,
    json: { display_name: 'Erin E.', timezone: 'Asia/Tokyo' }
  });
  expect(r.status).toBe(200);
  expect(await body(r)).toMatchObject({ display_name: 'Erin E.', timezone: 'Asia/Tokyo' });
  expect(
    (await s.request('/user/me', { method: 'PATCH', token: u.token, json: { email: 'frank@example.com' } })).status
  ).toBe(409);
  expect(
    (await s.request('/user/me', { method: 'PATCH', token: u.token, json: { timezone: 'Mars/Olympus' } })).status
  ).toBe(400);
  expect(
    (await s.request('/user/me', { method: 'PATCH', token: u.token, json: { new_password: 'a new password' } })).status
  ).toBe(400);
  expect(
    (
      await s.request('/user/me', {
        method: 'PATCH',
        token: u.token,
        json: { current_password: 'wrong one!', new_password: 'a new password' }
      })
    ).status
  ).toBe(403);
  expect(
    (
      await s.request('/user/me', {
        method: 'PATCH',
        token: u.token,
        json: { current_password: u.password, new_password: 'a new password' }
      })
    ).status
  ).toBe(200);
  expect(
    (await s.request('/auth/login', { method: 'POST', json: { username: 'erin', password: u.password } })).status
  ).toBe(401);
  const fresh = await s.login('erin', 'a new password');
  expect(await body(await s.request('/user/me', { token: fresh }))).toMatchObject({
    username: 'erin',
    display_name: 'Erin E.'
  });
});
