/** GET /health: the database answers, the evaluator pool's state, and how many submissions wait. */
import type { Health } from '../../shared/api';
import { pingDatabase } from '../db/database';
import { countUnfinishedSubmissions } from '../db/repositories/submissions-read';
import type { EvaluatorPool } from '../evaluation/evaluator-pool';
import { SERVER_VERSION } from '../version';
import type { ServiceDeps } from './deps';

export class HealthService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly pool: EvaluatorPool
  ) {}

  health(): Health {
    const { db } = this.deps;
    pingDatabase(db);
    const { ready, busy, size } = this.pool.stats();
    return {
      status: 'ok',
      version: SERVER_VERSION,
      database: 'ok',
      evaluators: { ready, busy, size },
      queued_submissions: countUnfinishedSubmissions(db)
    };
  }
}
