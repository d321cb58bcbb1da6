import { ITokenStore, IQuestState, QuestModel } from '../../extension/model';
import { bearer, IFakeServer, startFakeServer } from './fake-api-server';

class MemoryTokenStore implements ITokenStore {
  constructor(public token: string | null = null) {}
  get(): string | null {
    return this.token;
  }
  set(token: string | null): void {
    this.token = token;
  }
}

const PROGRESS = {
  username: 'ada',
  total_xp: 150,
  level: 2,
  level_xp: 100,
  next_level_xp: 400,
  xp_to_next_level: 250,
  current_streak: 1,
  longest_streak: 3,
  quests_completed: 1,
  quests_total: 5,
  levels: [],
  badges: [],
  recent_submissions: []
};

describe('QuestModel', () => {
  let server: IFakeServer;
  let store: MemoryTokenStore;
  let model: QuestModel;
  const validTokens = new Set<string>();

  beforeEach(async () => {
    server = await startFakeServer();
    validTokens.clear();
    store = new MemoryTokenStore();
    model = new QuestModel(() => server.url, store);
    const authed = (req: Parameters<typeof bearer>[0]) => validTokens.has(bearer(req) ?? '');
    const unauthorized = { status: 401, body: { error: { code: 'unauthorized', message: 'Sign in again.' } } };
    server.routes.set('POST /auth/register', req => {
      const body = JSON.parse(req.body.toString());
      return body.username === 'taken'
        ? { status: 409, body: { error: { code: 'username_taken', message: 'The username "taken" is already registered.' } } }
        : { status: 201, body: { id: 1, username: body.username } };
    });
    server.routes.set('POST /auth/login', req => {
      const body = JSON.parse(req.body.toString());
      if (body.password !== 'correct-horse') {
        return { status: 401, body: { error: { code: 'invalid_credentials', message: 'Wrong username or password.' } } };
      }
      const token = `tok-${validTokens.size + 1}`;
      validTokens.add(token);
      return { status: 200, body: { access_token: token, token_type: 'bearer', expires_at: 'later' } };
    });
    server.routes.set('POST /auth/logout', req => {
      validTokens.delete(bearer(req) ?? '');
      return { status: 204 };
    });
    server.routes.set('GET /quests/', () => ({ status: 200, body: [{ id: 1, title: 'First', level: 1 }] }));
    server.routes.set('GET /user/progress', req => (authed(req) ? { status: 200, body: PROGRESS } : unauthorized));
    server.routes.set('GET /leaderboard/', req => (authed(req) ? { status: 200, body: { entries: [], total: 1, limit: 10, offset: 0, me: null } } : unauthorized));
  });
  afterEach(() => server.close());

  test('signed out, refresh loads the quests only', async () => {
    await model.refresh();
    expect(model.state).toMatchObject({ signedIn: false, progress: null, quests: [{ id: 1 }] });
    expect(server.requests.map(r => r.url)).toEqual(['/quests/']);
  });

  test('sign in stores the token, loads progress and leaderboard, and signals each change', async () => {
    const seen: IQuestState[] = [];
    model.stateChanged.connect((_, state) => seen.push(state));
    await model.signIn('ada', 'correct-horse');
    expect(store.token).toBe('tok-1');
    expect(model.state.signedIn).toBe(true);
    expect(model.state.progress?.total_xp).toBe(150);
    expect(model.state.leaderboard?.total).toBe(1);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[seen.length - 1].loading).toBe(false);
  });

  test("a failed sign-in keeps the server's message and no token", async () => {
    await expect(model.signIn('ada', 'wrong')).rejects.toThrow('Wrong username or password.');
    expect(store.token).toBeNull();
    expect(model.state.error).toBe('Wrong username or password.');
  });

  test("register sends the browser's timezone, then signs in", async () => {
    await model.register({ username: 'grace', email: 'g@example.org', password: 'correct-horse' });
    const sent = JSON.parse(server.requests.find(r => r.url === '/auth/register')!.body.toString());
    expect(sent.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(sent).toMatchObject({ username: 'grace', email: 'g@example.org' });
    expect(model.state.signedIn).toBe(true);
  });

  test("a refused registration shows the server's message", async () => {
    await expect(model.register({ username: 'taken', email: 't@example.org', password: 'correct-horse' })).rejects.toThrow('already registered');
    expect(model.state.error).toContain('"taken"');
    expect(model.state.signedIn).toBe(false);
  });

  test('an expired session on refresh signs the learner out with a message', async () => {
    store.token = 'stale';
    await model.refresh();
    expect(store.token).toBeNull();
    expect(model.state.signedIn).toBe(false);
    expect(model.state.error).toMatch(/sign in again/i);
  });

  test('sign out ends the session on the server and forgets the token', async () => {
    await model.signIn('ada', 'correct-horse');
    await model.signOut();
    expect(validTokens.size).toBe(0);
    expect(store.token).toBeNull();
    expect(model.state).toMatchObject({ signedIn: false, progress: null });
  });

  test('concurrent refreshes share one round of requests', async () => {
    await model.signIn('ada', 'correct-horse');
    const before = server.requests.length;
    await Promise.all([model.refresh(), model.refresh(), model.refresh()]);
    expect(server.requests.length - before).toBe(3); // progress, quests, leaderboard once
  });

  test('reload after a server URL change asks the new server, not only the round in flight', async () => {
    const other = await startFakeServer();
    try {
      other.routes.set('GET /quests/', () => ({ status: 200, body: [{ id: 7, title: 'From the other server', level: 1 }] }));
      let url = server.url;
      const switching = new QuestModel(() => url, new MemoryTokenStore());
      const inFlight = switching.refresh(); // begun against the first server
      url = other.url; // the setting changes while it runs
      await Promise.all([inFlight, switching.reload()]);
      expect(other.requests.length).toBeGreaterThan(0);
      expect(switching.state.quests.map(q => q.id)).toEqual([7]);
    } finally {
      await other.close();
    }
  });
});
