import type { SubmissionResult } from '../../shared/api';
import { ApiError, joinUrl, MLQuestClient } from '../../extension/api';
import { bearer, IFakeServer, startFakeServer } from './fake-api-server';

function result(status: SubmissionResult['status'], score: number | null): SubmissionResult {
  return {
    submission_id: 7,
    quest_id: 1,
    status,
    score,
    metric: 'r2',
    higher_is_better: true,
    threshold: 0.5,
    passed: score === null ? null : score >= 0.5,
    xp_awarded: score !== null && score >= 0.5 ? 100 : 0,
    total_xp: 100,
    level: 2,
    level_up: true,
    streak: 1,
    new_badges: [],
    submissions_left_today: 49,
    limit_resets_at: '2026-01-02T00:00:00Z',
    message: status,
    created_at: '2026-01-01T10:00:00Z',
    finished_at: status === 'scored' ? '2026-01-01T10:00:01Z' : null
  };
}

describe('MLQuestClient', () => {
  let server: IFakeServer;
  let token: string | null;
  let client: MLQuestClient;

  beforeEach(async () => {
    server = await startFakeServer();
    token = 'abc.def';
    client = new MLQuestClient({ baseUrl: () => server.url + '/', token: () => token, pollIntervalMs: 10, pollTimeoutMs: 2000 });
  });
  afterEach(() => server.close());

  test('joinUrl keeps exactly one slash', () => {
    expect(joinUrl('http://h:1/', '/quests/')).toBe('http://h:1/quests/');
    expect(joinUrl('http://h:1', 'levels')).toBe('http://h:1/levels');
  });

  test('login posts JSON without a token and returns the token response', async () => {
    server.routes.set('POST /auth/login', () => ({ status: 200, body: { access_token: 't.s', token_type: 'bearer', expires_at: 'x' } }));
    const reply = await client.login('ada', 'secret-password');
    expect(reply.access_token).toBe('t.s');
    const sent = server.requests[0];
    expect(sent.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent.body.toString())).toEqual({ username: 'ada', password: 'secret-password' });
    expect(sent.headers.authorization).toBeUndefined();
  });

  test('authenticated calls send the bearer token', async () => {
    server.routes.set('GET /user/progress', req => ({ status: 200, body: { username: 'ada', token: bearer(req) } }));
    const progress = (await client.progress()) as unknown as { token: string };
    expect(progress.token).toBe('abc.def');
  });

  test('a call that needs a session fails before any request when signed out', async () => {
    token = null;
    await expect(client.progress()).rejects.toMatchObject({ status: 401, code: 'not_signed_in' });
    expect(server.requests).toHaveLength(0);
  });

  test("the server's error body becomes an ApiError with its code, message and Retry-After", async () => {
    server.routes.set('POST /quests/3/submit', () => ({
      status: 429,
      headers: { 'Retry-After': '3600' },
      body: { error: { code: 'daily_limit', message: 'Daily limit of 50 reached; resets at 2026-01-02T00:00:00Z.' } }
    }));
    const error = await client.submit(3, new Uint8Array([1, 2, 3])).catch(e => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'daily_limit', retryAfter: '3600' });
    expect(error.message).toContain('resets at');
  });

  test('a non-JSON error still gets a message naming the server', async () => {
    const error = await client.badges().catch(e => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });

  test('an unreachable server gives server_unreachable naming the URL', async () => {
    const url = server.url;
    await server.close();
    server = await startFakeServer(); // keep afterEach happy
    const offline = new MLQuestClient({ baseUrl: () => url, token: () => 't' });
    const error = await offline.quests().catch(e => e);
    expect(error).toMatchObject({ status: 0, code: 'server_unreachable' });
    expect(error.message).toContain(url);
  });

  test('submit uploads the bytes as multipart model_file and returns a finished result', async () => {
    server.routes.set('POST /quests/1/submit', () => ({ status: 200, body: result('scored', 0.8) }));
    const bytes = new Uint8Array([0x08, 0x07, 0x12, 0x00, 0xff]);
    const reply = await client.submit(1, bytes);
    expect(reply.score).toBe(0.8);
    const sent = server.requests[0];
    expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const text = sent.body.toString('latin1');
    expect(text).toContain('name="model_file"; filename="model.onnx"');
    expect(sent.body.includes(Buffer.from(bytes))).toBe(true);
  });

  test('a 202 submission is polled until it is terminal', async () => {
    let polls = 0;
    server.routes.set('POST /quests/1/submit', () => ({ status: 202, body: { ...result('queued', null) } }));
    server.routes.set('GET /submissions/7', () => {
      polls += 1;
      return { status: 200, body: polls < 3 ? result('evaluating', null) : result('scored', 0.3) };
    });
    const queued: number[] = [];
    const reply = await client.submit(1, new Uint8Array([1]), id => queued.push(id));
    expect(queued).toEqual([7]);
    expect(polls).toBe(3);
    expect(reply).toMatchObject({ status: 'scored', score: 0.3, passed: false });
  });

  test('the base URL is read on every call, so a changed setting applies at once', async () => {
    const other = await startFakeServer();
    try {
      let base = server.url;
      const switching = new MLQuestClient({ baseUrl: () => base, token: () => null });
      server.routes.set('GET /quests/', () => ({ status: 200, body: [] }));
      other.routes.set('GET /quests/', () => ({ status: 200, body: [] }));
      await switching.quests();
      base = other.url;
      await switching.quests();
      expect(server.requests).toHaveLength(1);
      expect(other.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
