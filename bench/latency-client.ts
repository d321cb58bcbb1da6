/**
 * Load-generator process for latency measurements (run as its own Node process by the bench, so
 * its work never shares the server's event loop). Keep-alive HTTP/1.1, `connections` closed-loop
 * workers, each timing every request with a monotonic clock in microseconds (autocannon rounds to
 * whole milliseconds, too coarse for sub-millisecond endpoints). Optionally paced (one request per
 * `intervalMs` per worker) and optionally a real multipart model upload.
 *
 * Usage: node lib/bench/latency-client.js '<LatencyJob JSON>'  → one LatencyReport JSON on stdout.
 */
import fs from 'node:fs';
import http from 'node:http';
import { summarize, type LatencySummary } from './stats';
import { mainJsonChild } from './child-process-json';

export interface LatencyJob {
  baseUrl: string;
  method: 'GET' | 'POST';
  /** Path; `{i}` is replaced by the request's sequence number. */
  path: string;
  /** Bearer tokens, used in turn (none: anonymous). */
  tokens: string[];
  connections: number;
  /** Total requests (after warm-up), shared by the workers. */
  requests: number;
  /** Untimed requests first (per worker). */
  warmup: number;
  /** Optional pacing: each worker starts a request at most once per intervalMs. */
  intervalMs?: number;
  /** Optional: stop after this many milliseconds even if `requests` were not all sent. */
  maxMs?: number;
  /** For POST: a model file sent as the multipart field `model_file`. */
  modelFile?: string;
  /** Responses must have this status (counted as errors otherwise); a JSON body's `status` must equal bodyStatus if given. */
  expectStatus: number;
  bodyStatus?: string;
}

export interface LatencyReport extends LatencySummary {
  errors: number;
  first_error: string | null;
  statuses: Record<string, number>;
  elapsed_s: number;
  rps: number;
}

function multipart(file: string): { body: Buffer; type: string } {
  const boundary = `----mlquestbench${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="model_file"; filename="${file.split('/').pop()}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n'
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, fs.readFileSync(file), tail]),
    type: `multipart/form-data; boundary=${boundary}`
  };
}

interface Reply {
  status: number;
  body: string;
}

function request(
  agent: http.Agent,
  url: URL,
  method: string,
  headers: http.OutgoingHttpHeaders,
  body?: Buffer
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) req.end(body);
    else req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLatencyJob(job: LatencyJob): Promise<LatencyReport> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const upload = job.method === 'POST' && job.modelFile ? multipart(job.modelFile) : null;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let firstError: string | null = null;
  let seq = 0;
  let sent = 0;
  let tokenTurn = 0;

  const once = async (timed: boolean): Promise<void> => {
    const i = seq++;
    const headers: http.OutgoingHttpHeaders = {};
    if (job.tokens.length > 0) headers.authorization = `Bearer ${job.tokens[tokenTurn++ % job.tokens.length]}`;
    if (upload) {
      headers['content-type'] = upload.type;
      headers['content-length'] = upload.body.length;
    }
    const url = new URL(job.path.replace('{i}', String(i)), job.baseUrl);
    const t0 = process.hrtime.bigint();
    let reply: Reply;
    try {
      reply = await request(agent, url, job.method, headers, upload?.body);
    } catch (err) {
      errors++;
      firstError ??= String(err);
      return;
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    let ok = reply.status === job.expectStatus;
    if (ok && job.bodyStatus !== undefined) {
      try {
        ok = (JSON.parse(reply.body) as { status?: string }).status === job.bodyStatus;
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      errors++;
      firstError ??= `${reply.status} ${reply.body.slice(0, 300)}`;
    }
    if (timed) latencies.push(ms);
  };

  const start = Date.now();
  const worker = async (): Promise<void> => {
    for (let w = 0; w < job.warmup; w++) await once(false);
    while (sent < job.requests) {
      if (job.maxMs !== undefined && Date.now() - start > job.maxMs) return;
      sent++;
      const t = Date.now();
      await once(true);
      if (job.intervalMs) {
        const rest = job.intervalMs - (Date.now() - t);
        if (rest > 0) await sleep(rest);
      }
    }
  };
  const timedStart = process.hrtime.bigint();
  await Promise.all(Array.from({ length: job.connections }, () => worker()));
  const elapsed = Number(process.hrtime.bigint() - timedStart) / 1e9;
  agent.destroy();
  return {
    ...summarize(latencies),
    errors,
    first_error: firstError,
    statuses,
    elapsed_s: elapsed,
    rps: latencies.length / elapsed
  };
}

mainJsonChild(module, runLatencyJob);
