/**
 * A pool of warm evaluator child processes. Each child evaluates one model at a time, works in
 * its own empty temporary folder and runs under an OS memory limit (RLIMIT_DATA via the shell's
 * `ulimit -d`: it caps the heap and anonymous memory that onnxruntime and V8 allocate, while
 * V8's large address-space reservations, which RLIMIT_AS would count, stay allowed). A child that
 * takes longer than the timeout is killed with SIGKILL and replaced; a child that crashes fails
 * only the model it was running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedTensor } from './feed';
import type { EvaluateReply, EvaluateRequest, ReadyMessage } from './evaluator-messages';
import type { OutputTensor } from './read-outputs';

export interface EvaluatorPoolOptions {
  size: number;
  timeoutMs: number;
  memoryMb: number;
  /** Start the evaluators in the constructor (default); false leaves that to `start()`. */
  autoStart?: boolean;
}

export type EvaluationOutcome =
  | { status: 'ok'; outputs: Record<string, OutputTensor>; createMs: number; runMs: number }
  | { status: 'rejected'; message: string }
  | { status: 'failed'; message: string }
  /** The pool was closed before the model finished: evaluate it again after a restart. */
  | { status: 'aborted'; message: string };

interface Job {
  model: Uint8Array;
  feeds: FeedTensor[];
  fetch: string[];
  resolve: (outcome: EvaluationOutcome) => void;
}

interface Evaluator {
  child: ChildProcess;
  dir: string;
  ready: boolean;
  job: Job | null;
  jobId: number;
  timer: NodeJS.Timeout | null;
  /** The tail of the child's stderr during the current job (to tell an out-of-memory abort). */
  stderr: string;
}

/**
 * Evaluators run at a lower CPU priority than the server (nice 10), so that on a machine with
 * few cores the event loop that answers every request is scheduled first and a burst of
 * evaluations slows the evaluations, not the API (measured: GET /health p50 under 8 concurrent
 * evaluations 5.8 → 3 ms on 2 cores). Skipped where `nice` is not installed.
 */
const EVALUATOR_NICENESS = 10;

function childCommand(): { entry: string; execArgv: string[] } {
  const isTs = __filename.endsWith('.ts');
  const entry = join(__dirname, `evaluator-child${isTs ? '.ts' : '.js'}`);
  return { entry, execArgv: isTs ? ['-r', require.resolve('tsx/cjs')] : [] };
}

export class EvaluatorPool {
  private readonly evaluators = new Set<Evaluator>();
  private readonly waiting: Job[] = [];
  private nextJobId = 1;
  private closed = false;
  private started = false;

  constructor(private readonly options: EvaluatorPoolOptions) {
    if (options.autoStart ?? true) this.start();
  }

  /** Starts the evaluator processes (once; later calls do nothing). */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    for (let i = 0; i < this.options.size; i++) this.startEvaluator();
  }

  /** Evaluates one model on the feeds; never rejects (errors become `rejected`/`failed` outcomes). */
  evaluate(model: Uint8Array, feeds: FeedTensor[], fetch: string[]): Promise<EvaluationOutcome> {
    return new Promise((resolve) => {
      if (this.closed) {
        resolve({
          status: 'aborted',
          message: 'The evaluator is shutting down; the submission will be evaluated again at start-up.'
        });
        return;
      }
      this.waiting.push({ model, feeds, fetch, resolve });
      this.dispatch();
    });
  }

  stats(): { ready: number; busy: number; size: number; waiting: number } {
    let ready = 0;
    let busy = 0;
    for (const e of this.evaluators) {
      if (e.job) busy++;
      else if (e.ready) ready++;
    }
    return { ready, busy, size: this.options.size, waiting: this.waiting.length };
  }

  /** Resolves once every evaluator has started (useful before timing or in tests). */
  async whenReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.stats().ready + this.stats().busy < this.options.size) {
      if (Date.now() > deadline) throw new Error('evaluators did not start in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) {
      job.resolve({ status: 'aborted', message: 'The evaluator was shut down before the model ran.' });
    }
    const exits = [...this.evaluators].map((e) => this.stopEvaluator(e));
    await Promise.all(exits);
  }

  private startEvaluator(): void {
    const dir = mkdtempSync(join(tmpdir(), 'mlquest-eval-'));
    const { entry, execArgv } = childCommand();
    const kb = Math.max(64, Math.floor(this.options.memoryMb)) * 1024;
    const lowerPriority = `if command -v nice >/dev/null 2>&1; then exec nice -n ${EVALUATOR_NICENESS} "$0" "$@"; else exec "$0" "$@"; fi`;
    const child = spawn(
      '/bin/sh',
      ['-c', `ulimit -d ${kb} && ${lowerPriority}`, process.execPath, ...execArgv, entry],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production' },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced'
      }
    );
    const evaluator: Evaluator = { child, dir, ready: false, job: null, jobId: 0, timer: null, stderr: '' };
    this.evaluators.add(evaluator);
    child.stderr?.on('data', (chunk: Buffer) => {
      evaluator.stderr = (evaluator.stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (msg: EvaluateReply | ReadyMessage) => {
      if ('ready' in msg) {
        evaluator.ready = true;
        this.dispatch();
        return;
      }
      if (!evaluator.job || msg.id !== evaluator.jobId) return;
      const job = evaluator.job;
      this.finishJob(evaluator);
      if (msg.ok) {
        job.resolve({ status: 'ok', outputs: msg.outputs, createMs: msg.createMs, runMs: msg.runMs });
      } else {
        if (/allocat|bad_alloc|out of memory/i.test(msg.message)) {
          job.resolve({ status: 'failed', message: this.outOfMemoryMessage() });
        } else {
          const what = msg.stage === 'load' ? 'could not be loaded' : 'failed while running on the test set';
          job.resolve({ status: 'rejected', message: `The model ${what}: ${msg.message}` });
        }
      }
      this.dispatch();
    });
    child.on('error', () => undefined);
    child.on('exit', (code, signal) => {
      this.evaluators.delete(evaluator);
      rmSync(dir, { recursive: true, force: true });
      const job = evaluator.job;
      if (evaluator.timer) clearTimeout(evaluator.timer);
      evaluator.job = null;
      if (job && this.closed) {
        job.resolve({ status: 'aborted', message: 'The evaluator was shut down while the model ran.' });
      } else if (job) {
        const memoryHint = /memory|alloc|OOM/i.test(evaluator.stderr) || signal === 'SIGABRT' || signal === 'SIGSEGV';
        job.resolve({
          status: 'failed',
          message: memoryHint
            ? this.outOfMemoryMessage()
            : `The evaluator crashed running the model (${signal ?? `exit code ${code}`}). Check that the model runs in ` +
              'onnxruntime on your machine, then submit again.'
        });
      }
      if (!this.closed) {
        this.startEvaluator();
      }
    });
  }

  /** Process ids of the running evaluators (for health checks and tests). */
  pids(): { pid: number; busy: boolean }[] {
    return [...this.evaluators].map((e) => ({ pid: e.child.pid ?? -1, busy: e.job !== null }));
  }

  private outOfMemoryMessage(): string {
    return (
      `The model needed more memory than an evaluator may use (${this.options.memoryMb} MB), so it was stopped. ` +
      'Use a smaller model (fewer or shallower trees, fewer or narrower layers) and submit again.'
    );
  }

  private dispatch(): void {
    for (const evaluator of this.evaluators) {
      if (this.waiting.length === 0) return;
      if (!evaluator.ready || evaluator.job) continue;
      const job = this.waiting.shift() as Job;
      evaluator.job = job;
      evaluator.jobId = this.nextJobId++;
      evaluator.stderr = '';
      const request: EvaluateRequest = { id: evaluator.jobId, model: job.model, feeds: job.feeds, fetch: job.fetch };
      evaluator.timer = setTimeout(() => this.timeOut(evaluator), this.options.timeoutMs);
      evaluator.child.send(request);
    }
  }

  private finishJob(evaluator: Evaluator): void {
    if (evaluator.timer) clearTimeout(evaluator.timer);
    evaluator.timer = null;
    evaluator.job = null;
  }

  private timeOut(evaluator: Evaluator): void {
    const job = evaluator.job;
    if (!job) return;
    this.finishJob(evaluator);
    evaluator.ready = false;
    job.resolve({
      status: 'failed',
      message:
        `The model took too long: it did not finish within ${this.options.timeoutMs / 1000} s on the test set, so it ` +
        'was stopped. Use a smaller or simpler model (fewer trees, no loops) and submit again.'
    });
    evaluator.child.kill('SIGKILL');
  }

  private stopEvaluator(evaluator: Evaluator): Promise<void> {
    return new Promise((resolve) => {
      if (evaluator.child.exitCode !== null || evaluator.child.signalCode !== null) {
        resolve();
        return;
      }
      evaluator.child.once('exit', () => resolve());
      evaluator.child.kill('SIGKILL');
    });
  }
}
