/** Every service of the server, built once from its dependencies by the composition root. */
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import type { EvaluatorPool } from '../evaluation/evaluator-pool';
import { AccountService } from './accounts';
import type { ServiceDeps } from './deps';
import { HealthService } from './health';
import { LeaderboardService } from './leaderboard';
import { ProgressService } from './progress';
import { QuestService } from './quests';
import { SubmissionService } from './submissions';

export interface Services {
  accounts: AccountService;
  quests: QuestService;
  progress: ProgressService;
  leaderboard: LeaderboardService;
  submissions: SubmissionService;
  health: HealthService;
}

export function createServices(deps: ServiceDeps, pool: EvaluatorPool, log?: (message: string) => void): Services {
  const { config } = deps;
  const loginLimiter = new LoginRateLimiter({
    maxPerAddress: config.loginMaxAttemptsPerAddress,
    maxFailuresPerAccount: config.loginMaxFailuresPerAccount,
    windowMs: config.loginWindowS * 1000
  });
  const quests = new QuestService(deps);
  return {
    accounts: new AccountService(deps, loginLimiter),
    quests,
    progress: new ProgressService(deps),
    leaderboard: new LeaderboardService(deps),
    submissions: new SubmissionService({ ...deps, pool, quests, log }),
    health: new HealthService(deps, pool)
  };
}
