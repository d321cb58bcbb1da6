/**
 * The extension's REST client against the real ML Quest server (tests/helpers/live-server.ts):
 * real accounts and sessions, real 401/409/429 replies, a real ONNX model scored on the hidden
 * split, both the direct reply and the 202 + polling path. Two servers run: `polling` answers
 * every submission with 202 (MLQUEST_SUBMIT_WAIT_S=0) and locks an account after two failed
 * logins; `direct` keeps the default wait and so answers a quick model with its result.
 * Requests are observed by wrapping the real fetch (nothing is replaced).
 */
import * as http from 'http';
import { readFileSync } from 'fs';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { ApiError, type FetchLike, joinUrl, MLQuestClient } from '../../extension/api';
import { freePort, type LiveServer, ROOT, startLiveServer } from '../helpers/live-server';

const expected = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'expected_scores.json'), 'utf8')) as {
  models: { file: string; quest_id: number; onnx_score: number }[];
};
const housing = expected.models.find((m) => m.file === 'housing_linear_regression.onnx')!;
const housingBytes = new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'models', housing.file)));
const PASSWORD = 'a-long-password';

interface ISeen {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** The real fetch, with every request written down. */
function observedFetch(): { fetch: FetchLike; seen: ISeen[] } {
  const seen: ISeen[] = [];
  return {
    seen,
    fetch: (input, init) => {
      seen.push({
        method: init?.method ?? 'GET',
        url: input,
        headers: { ...((init?.headers as Record<string, string>) ?? {}) }
      });
      return fetch(input, init);
    }
  };
}

let polling: LiveServer;
let direct: LiveServer;
let accounts = 0;

/** A new account on `server`, signed in; returns its name and token. */
async function newPlayer(server: LiveServer): Promise<{ username: string; token: string }> {
  const username = `player${++accounts}_${Date.now().toString(36)}`;
  const anonymous = new MLQuestClient({ baseUrl: () => server.base, token: () => null });
  await anonymous.register({ username, email: `${username}@example.org`, password: PASSWORD, timezone: 'UTC' });
  const { access_token } = await anonymous.login(username, PASSWORD);
  return { username, token: access_token };
}

beforeAll(async () => {
  [polling, direct] = await Promise.all([
    startLiveServer({
      env: { MLQUEST_SUBMIT_WAIT_S: '0', MLQUEST_LOGIN_MAX_FAILURES_PER_ACCOUNT: '2', MLQUEST_EVAL_WORKERS: '1' }
    }),
    startLiveServer({ env: { MLQUEST_EVAL_WORKERS: '1' } })
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([polling?.cleanup(), direct?.cleanup()]);
});

test('joinUrl keeps exactly one slash', () => {
  expect(joinUrl('http://h:1/', '/quests/')).toBe('http://h:1/quests/');
  expect(joinUrl('http://h:1', 'levels')).toBe('http://h:1/levels');
});

test('login posts JSON without a token, and the token it returns opens the session', async () => {
  const { username } = await newPlayer(direct);
  const observed = observedFetch();
  let token: string | null = null;
  const client = new MLQuestClient({ baseUrl: () => direct.base + '/', token: () => token, fetch: observed.fetch });
  const reply = await client.login(username, PASSWORD);
  expect(reply.token_type).toBe('bearer');
  expect(observed.seen[0].headers['Content-Type']).toBe('application/json');
  expect(observed.seen[0].headers.Authorization).toBeUndefined();
  token = reply.access_token;
  const me = await client.me();
  expect(me.username).toBe(username);
  expect(observed.seen[1].headers.Authorization).toBe(`Bearer ${reply.access_token}`);
});

test('a call that needs a session fails before any request when signed out', async () => {
  const observed = observedFetch();
  const client = new MLQuestClient({ baseUrl: () => direct.base, token: () => null, fetch: observed.fetch });
  await expect(client.progress()).rejects.toMatchObject({ status: 401, code: 'not_signed_in' });
  expect(observed.seen).toHaveLength(0);
});

test("the server's 401 for a token it does not know becomes an ApiError with its message", async () => {
  const client = new MLQuestClient({ baseUrl: () => direct.base, token: () => 'no-such.session' });
  const error = await client.progress().catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.status).toBe(401);
  expect(error.code).not.toBe('http_401'); // the server's own code, from its JSON body
  expect(error.message).toContain('Your session token is invalid or expired: sign in again');
});

test("a taken username is the server's 409 with a message naming it", async () => {
  const { username } = await newPlayer(direct);
  const client = new MLQuestClient({ baseUrl: () => direct.base, token: () => null });
  const error = await client
    .register({ username, email: `other_${username}@example.org`, password: PASSWORD })
    .catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.status).toBe(409);
  expect(error.message).toContain(username);
});

test('too many failed logins: 429 with the Retry-After the server sets', async () => {
  const { username } = await newPlayer(polling);
  const client = new MLQuestClient({ baseUrl: () => polling.base, token: () => null });
  for (let i = 0; i < 2; i++) {
    await expect(client.login(username, 'wrong-password')).rejects.toMatchObject({ status: 401 });
  }
  const error = await client.login(username, PASSWORD).catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.status).toBe(429);
  expect(Number(error.retryAfter)).toBeGreaterThan(0);
  expect(error.message).toMatch(/^Too many sign-in attempts; try again in \d+ seconds/);
});

test("a file that is not ONNX is refused with the server's message, not a generic one", async () => {
  const { token } = await newPlayer(direct);
  const client = new MLQuestClient({ baseUrl: () => direct.base, token: () => token });
  const pickle = new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'models', 'not_onnx_model.pkl')));
  const error = await client.submit(housing.quest_id, pickle).catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.status).toBe(422);
  expect(error.code).toBe('not_onnx_pickle');
  expect(error.message).toMatch(/^This is a Python pickle .* ML Quest never loads pickles/);
});

test('submit uploads the model as multipart and gets its score when the server answers at once', async () => {
  const { token } = await newPlayer(direct);
  const observed = observedFetch();
  const queued: number[] = [];
  const client = new MLQuestClient({ baseUrl: () => direct.base, token: () => token, fetch: observed.fetch });
  const reply = await client.submit(housing.quest_id, housingBytes, (id) => queued.push(id));
  expect(reply.status).toBe('scored');
  expect(reply.score).toBeCloseTo(housing.onnx_score, 6);
  expect(reply.passed).toBe(true);
  expect(queued).toEqual([]);
  expect(observed.seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
    `POST /quests/${housing.quest_id}/submit`
  ]);
});

test('a 202 submission is polled until it is terminal', async () => {
  const { token } = await newPlayer(polling);
  const observed = observedFetch();
  const queued: number[] = [];
  const client = new MLQuestClient({
    baseUrl: () => polling.base,
    token: () => token,
    fetch: observed.fetch,
    pollIntervalMs: 50,
    pollTimeoutMs: 60_000
  });
  const reply = await client.submit(housing.quest_id, housingBytes, (id) => queued.push(id));
  expect(queued).toEqual([reply.submission_id]);
  expect(reply.status).toBe('scored');
  expect(reply.score).toBeCloseTo(housing.onnx_score, 6);
  const polls = observed.seen.filter((r) => new URL(r.url).pathname === `/submissions/${reply.submission_id}`);
  expect(polls.length).toBeGreaterThanOrEqual(1);
});

test('the base URL is read on every call, so a changed setting applies at once', async () => {
  const observed = observedFetch();
  let base = polling.base;
  const client = new MLQuestClient({ baseUrl: () => base, token: () => null, fetch: observed.fetch });
  const fromFirst = await client.quests();
  base = direct.base;
  const fromSecond = await client.quests();
  expect(fromFirst.length).toBeGreaterThan(0);
  expect(fromSecond.map((q) => q.id)).toEqual(fromFirst.map((q) => q.id));
  expect(observed.seen.map((r) => new URL(r.url).origin)).toEqual([polling.base, direct.base]);
});

test('an unreachable server gives server_unreachable naming the URL', async () => {
  // A port taken from the OS and released: nothing listens there, no server is needed.
  const url = `http://127.0.0.1:${await freePort()}`;
  const offline = new MLQuestClient({ baseUrl: () => url, token: () => 't' });
  const error = await offline.quests().catch((e) => e);
  expect(error).toMatchObject({ status: 0, code: 'server_unreachable' });
  expect(error.message).toContain(url);
});

test('a non-JSON error page (from a proxy in front of the server) still gets a message naming the server', async () => {
  // The real server always answers JSON; an HTML 502 comes from a reverse proxy whose upstream is
  // down, which only a stand-in proxy can produce on purpose.
  const proxy = http.createServer((_, res) => {
    res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const error = await new MLQuestClient({ baseUrl: () => url, token: () => null }).badges().catch((e) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502' });
    expect(error.message).toContain(url);
  } finally {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
});
