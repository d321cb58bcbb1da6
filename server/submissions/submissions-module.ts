/**
 * Wires the evaluation part into the server: the evaluator pool, the submission service and its
 * routes (registered through the app factory's `routes`), the pool's status for GET /health,
 * re-evaluation of unfinished submissions at start-up, and shutdown.
 *
 *   const submissions = new SubmissionsModule(config);
 *   const parts = buildServer(config, { routes: [submissions.routes], evaluatorStatus: submissions.evaluatorStatus });
 *   submissions.resumeUnfinished();
 *   ...
 *   await submissions.close();
 */
import type { Config } from '../config';
import { EvaluatorPool } from '../evaluation/evaluator-pool';
import type { EvaluatorStatus, RouteModule } from '../http/app-env';
import { registerSubmissionRoutes } from './routes';
import { SubmissionService } from './submission-service';

export class SubmissionsModule {
  readonly pool: EvaluatorPool;
  private service: SubmissionService | null = null;

  constructor(config: Pick<Config, 'evalWorkers' | 'evalTimeoutS' | 'evalMemoryMb' | 'logLevel'>) {
    this.pool = new EvaluatorPool({
      size: config.evalWorkers,
      timeoutMs: config.evalTimeoutS * 1000,
      memoryMb: config.evalMemoryMb
    });
    this.log = config.logLevel === 'silent' ? undefined : (m: string) => console.error(`[mlquest] ${m}`);
  }

  private readonly log: ((message: string) => void) | undefined;

  /** The route module to pass to the app factory (`routes: [module.routes]`). */
  readonly routes: RouteModule = (app, deps) => {
    this.service = new SubmissionService({
      db: deps.db,
      catalog: deps.catalog,
      pool: this.pool,
      now: deps.now ?? (() => new Date()),
      log: this.log
    });
    registerSubmissionRoutes(app, this.service);
  };

  readonly evaluatorStatus = (): EvaluatorStatus => {
    const { ready, busy, size } = this.pool.stats();
    return { ready, busy, size };
  };

  /** The submission service (after the routes were registered). */
  submissions(): SubmissionService {
    if (!this.service) throw new Error('SubmissionsModule.routes has not been registered with the app yet');
    return this.service;
  }

  /** Evaluates again what a crash or shutdown left unfinished; returns their ids. */
  resumeUnfinished(): number[] {
    return this.submissions().resumeUnfinished();
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
