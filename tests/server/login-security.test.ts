/**
 * Security settings of sign-in: the per-address login limit (every attempt counts, successful
 * ones too), MLQUEST_TRUST_PROXY and the forwarded-address rule (the first X-Forwarded-For entry,
 * only when trusted), and sessions stored as a hash of their secret only.
 */
import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { storedSessions } from '../helpers/db-peek';
import { makeTestServer, type TestServer } from './helpers/test-server';

let clock = new Date('2026-05-01T12:00:00Z');
let s: TestServer | undefined;
afterEach(() => s?.cleanup());

function server(env: Record<string, string> = {}): TestServer {
  clock = new Date('2026-05-01T12:00:00Z');
  s = makeTestServer({
    now: () => clock,
    env: { MLQUEST_LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '3', MLQUEST_LOGIN_WINDOW_S: '600', ...env }
  });
  return s;
}

const login = (srv: TestServer, username: string, password: string, forwardedFor?: string) =>
  srv.request('/auth/login', {
    method: 'POST',
    json: { username, password },
    headers: forwardedFor === undefined ? {} : { 'X-Forwarded-For': forwardedFor }
  });

async function expectLimited(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  const retry = Number(res.headers.get('Retry-After'));
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(600);
  const { error } = (await res.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe('rate_limited');
  expect(error.message).toMatch(/Too many sign-in attempts; try again in \d+ seconds/);
}

test('per address, every attempt counts (right or wrong, any account) until the window has passed', async () => {
  const srv = server();
  const a = await srv.register('alice');
  const b = await srv.register('bruno');
  expect((await login(srv, 'alice', a.password)).status).toBe(200);
  expect((await login(srv, 'bruno', 'wrong password')).status).toBe(401);
  expect((await login(srv, 'nobody', 'whatever it is')).status).toBe(401);
  await expectLimited(await login(srv, 'bruno', b.password));
  clock = new Date(clock.getTime() + 601_000);
  expect((await login(srv, 'bruno', b.password)).status).toBe(200);
});

test('untrusted (the default), X-Forwarded-For is ignored: a client cannot dodge the limit by inventing addresses', async () => {
  const srv = server();
  const a = await srv.register('alice');
  for (const fwd of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
    expect((await login(srv, 'alice', a.password, fwd)).status).toBe(200);
  await expectLimited(await login(srv, 'alice', a.password, '198.51.100.4'));
});

test.each(['true', '1'])(
  'MLQUEST_TRUST_PROXY=%s: the limit is per first X-Forwarded-For entry, the client the proxy saw',
  async (flag) => {
    const srv = server({ MLQUEST_TRUST_PROXY: flag });
    const a = await srv.register('alice');
    expect((await login(srv, 'alice', a.password, '203.0.113.5')).status).toBe(200);
    expect((await login(srv, 'alice', a.password, '203.0.113.5, 10.0.0.1')).status).toBe(200);
    expect((await login(srv, 'alice', a.password, ' 203.0.113.5 ,10.0.0.2')).status).toBe(200);
    await expectLimited(await login(srv, 'alice', a.password, '203.0.113.5'));
    // Another client behind the same proxy, even one whose chain mentions the limited address.
    expect((await login(srv, 'alice', a.password, '198.51.100.7, 203.0.113.5')).status).toBe(200);
    // No header: the socket's address, a budget of its own.
    expect((await login(srv, 'alice', a.password)).status).toBe(200);
  }
);

test('only a SHA-256 hash of the session secret is stored, never the secret or the token', async () => {
  const srv = server();
  const u = await srv.registerAndLogin('hashed');
  const [id, secret] = u.token.split('.');
  expect(secret.length).toBeGreaterThanOrEqual(20);
  expect((await srv.request('/user/me', { token: u.token })).status).toBe(200);

  const rows = storedSessions(srv.dbPath);
  const mine = rows.filter((values) => values.includes(id));
  expect(mine).toHaveLength(1);
  expect(mine[0]).toContain(createHash('sha256').update(secret).digest('hex'));
  for (const values of rows) for (const v of values) expect(v.includes(secret)).toBe(false);
  // Nor anywhere in the database files (main file and write-ahead log).
  for (const file of [srv.dbPath, `${srv.dbPath}-wal`].filter(existsSync)) {
    expect(readFileSync(file).includes(Buffer.from(secret))).toBe(false);
  }
});
