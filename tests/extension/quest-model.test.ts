/**
 * The extension's state (QuestModel) against the real ML Quest server
 * (tests/helpers/live-server.ts): real registration, sign-in, sessions ended from another client,
 * and a second real server for a changed server URL. Requests are observed by wrapping the real
 * fetch (nothing is replaced).
 */
import type { FetchLike } from '../../extension/api';
import { MLQuestClient } from '../../extension/api';
import { browserTimezone, type IQuestState, type ITokenStore, QuestModel } from '../../extension/model';
import { freePort, type LiveServer, startLiveServer } from '../helpers/live-server';

class MemoryTokenStore implements ITokenStore {
  constructor(public token: string | null = null) {}
  get(): string | null {
    return this.token;
  }
  set(token: string | null): void {
    this.token = token;
  }
}

const PASSWORD = 'a-long-password';

/** The real fetch, with the path of every request written down. */
function observedFetch(): { fetch: FetchLike; paths: string[]; origins: string[] } {
  const paths: string[] = [];
  const origins: string[] = [];
  return {
    paths,
    origins,
    fetch: (input, init) => {
      const url = new URL(input);
      paths.push(url.pathname);
      origins.push(url.origin);
      return fetch(input, init);
    }
  };
}

let server: LiveServer;
let accounts = 0;

function newName(): string {
  return `learner${++accounts}_${Date.now().toString(36)}`;
}

/** An account that exists on the server, not signed in anywhere. */
async function existingAccount(): Promise<string> {
  const username = newName();
  await new MLQuestClient({ baseUrl: () => server.base, token: () => null }).register({
    username,
    email: `${username}@example.org`,
    password: PASSWORD
  });
  return username;
}

beforeAll(async () => {
  server = await startLiveServer({ env: { MLQUEST_EVAL_WORKERS: '1' } });
}, 60_000);

afterAll(async () => {
  await server?.cleanup();
});

test('signed out, refresh loads the quests only', async () => {
  const observed = observedFetch();
  const model = new QuestModel(() => server.base, new MemoryTokenStore(), observed.fetch);
  await model.refresh();
  expect(model.state).toMatchObject({
    signedIn: false,
    loading: false,
    error: null,
    progress: null,
    leaderboard: null
  });
  expect(model.state.quests.length).toBeGreaterThan(0);
  expect(observed.paths).toEqual(['/quests']);
});

test('sign in stores the token, loads progress and leaderboard, and signals each change', async () => {
  const username = await existingAccount();
  const store = new MemoryTokenStore();
  const model = new QuestModel(() => server.base, store);
  const seen: IQuestState[] = [];
  model.stateChanged.connect((_, state) => seen.push(state));
  await model.signIn(username, PASSWORD);
  expect(store.token).toEqual(expect.any(String));
  expect(model.state.signedIn).toBe(true);
  expect(model.state.progress).toMatchObject({ username, total_xp: 0, level: 1 });
  expect(model.state.leaderboard?.total).toBeGreaterThanOrEqual(1);
  expect(model.state.quests.some((q) => q.status === 'available')).toBe(true);
  expect(seen.length).toBeGreaterThanOrEqual(2);
  expect(seen[seen.length - 1].loading).toBe(false);
});

test("a failed sign-in keeps the server's message and no token", async () => {
  const username = await existingAccount();
  const store = new MemoryTokenStore();
  const model = new QuestModel(() => server.base, store);
  const error = await model.signIn(username, 'not-the-password').catch((e) => e);
  expect(error.status).toBe(401);
  expect(store.token).toBeNull();
  expect(model.state.signedIn).toBe(false);
  expect(model.state.error).toBe(error.message);
});

test("register sends the browser's timezone, then signs in", async () => {
  const username = newName();
  const sent: unknown[] = [];
  const recordBody: FetchLike = (input, init) => {
    if (new URL(input).pathname === '/auth/register') sent.push(JSON.parse(String(init?.body)));
    return fetch(input, init);
  };
  const model = new QuestModel(() => server.base, new MemoryTokenStore(), recordBody);
  await model.register({ username, email: `${username}@example.org`, password: PASSWORD });
  expect(sent).toEqual([expect.objectContaining({ username, timezone: browserTimezone() })]);
  expect(model.state.signedIn).toBe(true);
  const me = await model.client.me();
  expect(me).toMatchObject({ username, timezone: browserTimezone() });
});

test('a timezone given at registration is the one the server keeps', async () => {
  // The test machine's own timezone may be the server's default (UTC): this one cannot be.
  const username = newName();
  const model = new QuestModel(() => server.base, new MemoryTokenStore());
  await model.register({ username, email: `${username}@example.org`, password: PASSWORD, timezone: 'America/Lima' });
  expect(await model.client.me()).toMatchObject({ username, timezone: 'America/Lima' });
});

test("a refused registration shows the server's message", async () => {
  const taken = await existingAccount();
  const model = new QuestModel(() => server.base, new MemoryTokenStore());
  await expect(
    model.register({ username: taken, email: `again_${taken}@example.org`, password: PASSWORD })
  ).rejects.toMatchObject({ status: 409 });
  expect(model.state.error).toContain(taken);
  expect(model.state.signedIn).toBe(false);
});

test('a session ended from another client signs the learner out on the next refresh, with a message', async () => {
  const username = await existingAccount();
  const store = new MemoryTokenStore();
  const model = new QuestModel(() => server.base, store);
  await model.signIn(username, PASSWORD);
  const token = store.token;
  // The same session signed out elsewhere (another tab, another machine).
  await new MLQuestClient({ baseUrl: () => server.base, token: () => token }).logout();
  await model.refresh();
  expect(store.token).toBeNull();
  expect(model.state.signedIn).toBe(false);
  expect(model.state.progress).toBeNull();
  expect(model.state.error).toMatch(/sign in again/i);
});

test('sign out ends the session on the server and forgets the token', async () => {
  const username = await existingAccount();
  const store = new MemoryTokenStore();
  const model = new QuestModel(() => server.base, store);
  await model.signIn(username, PASSWORD);
  const token = store.token;
  await model.signOut();
  expect(store.token).toBeNull();
  expect(model.state).toMatchObject({ signedIn: false, progress: null, leaderboard: null });
  await expect(new MLQuestClient({ baseUrl: () => server.base, token: () => token }).me()).rejects.toMatchObject({
    status: 401
  });
});

test('concurrent refreshes share one round of requests', async () => {
  const username = await existingAccount();
  const observed = observedFetch();
  const model = new QuestModel(() => server.base, new MemoryTokenStore(), observed.fetch);
  await model.signIn(username, PASSWORD);
  const before = observed.paths.length;
  await Promise.all([model.refresh(), model.refresh(), model.refresh()]);
  expect(observed.paths.slice(before).sort()).toEqual(['/leaderboard', '/quests', '/user/progress']);
});

test('reload after a server URL change asks the new server, not only the round in flight', async () => {
  const other = await startLiveServer({ env: { MLQUEST_EVAL_WORKERS: '1' } });
  try {
    const observed = observedFetch();
    let url = server.base;
    const model = new QuestModel(() => url, new MemoryTokenStore(), observed.fetch);
    const inFlight = model.refresh(); // begun against the first server
    url = other.base; // the setting changes while it runs
    await Promise.all([inFlight, model.reload()]);
    expect(observed.origins).toEqual([server.base, other.base]);
    expect(model.state.quests.length).toBeGreaterThan(0);
    expect(model.state.error).toBeNull();
  } finally {
    await other.cleanup();
  }
});

describe('signed out with the server unreachable', () => {
  test('the refresh says that the server at that URL cannot be reached', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    const model = new QuestModel(() => dead, new MemoryTokenStore());
    await model.refresh();
    expect(model.state.signedIn).toBe(false);
    expect(model.state.loading).toBe(false);
    expect(model.state.error).toContain(`The ML Quest server at ${dead} cannot be reached`);
  });

  test('the message goes away once the server answers again', async () => {
    let url = `http://127.0.0.1:${await freePort()}`;
    const model = new QuestModel(() => url, new MemoryTokenStore());
    await model.refresh();
    expect(model.state.error).toContain('cannot be reached');
    url = server.base;
    await model.refresh();
    expect(model.state.error).toBeNull();
    expect(model.state.quests.length).toBeGreaterThan(0);
  });

  test('a sign-in error stays through later successful refreshes', async () => {
    const username = await existingAccount();
    const model = new QuestModel(() => server.base, new MemoryTokenStore());
    const error = await model.signIn(username, 'not-the-password').catch((e) => e);
    await model.refresh();
    expect(model.state.error).toBe(error.message);
    expect(model.state.quests.length).toBeGreaterThan(0);
  });

  test('signing in while the server is down shows the same message', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const model = new QuestModel(() => dead, new MemoryTokenStore());
    await expect(model.signIn('someone', PASSWORD)).rejects.toMatchObject({ code: 'server_unreachable' });
    expect(model.state.error).toContain(`The ML Quest server at ${dead} cannot be reached`);
  });
});
