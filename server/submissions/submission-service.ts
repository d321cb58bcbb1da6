/**
 * The submission life cycle: pre-scan and queue an upload, evaluate it in the evaluator pool,
 * and finish it in exactly one terminal state. A scored submission is marked `scored` and the
 * game rules (XP once per quest, level, streak, badges) are applied in ONE transaction.
 * Unfinished submissions (after a crash or a shutdown) are evaluated again by `resumeUnfinished`.
 */
import { createHash } from 'node:crypto';
import type { SubmissionResult, SubmissionSummary } from '../../shared/api';
import type { Catalog } from '../catalog/load-pack';
import { higherIsBetter, passesThreshold } from '../catalog/metrics-info';
import { immediate, type Db } from '../db/database';
import { findQuest, type QuestRow } from '../db/repositories/catalog';
import { findUserById } from '../db/repositories/users';
import type { EvaluatorPool } from '../evaluation/evaluator-pool';
import { ModelRejection, type ModelPlan } from '../evaluation/model-plan';
import { prescanModel } from '../evaluation/prescan';
import { questEvaluationTarget } from '../evaluation/quest-context';
import { scoreModel, type ScoreOutcome } from '../evaluation/score-model';
import { applyScoredSubmission, type ScoredOutcome } from '../game/apply-scored-submission';
import { localDay } from '../game/calendar';
import { dailyLimitStatus } from '../game/daily-limit';
import { playerLevelFormula } from '../game/formula';
import { playerLevel } from '../game/player-level';
import { streakOf, streakShownOn } from '../rules/streak';
import {
  findSubmission,
  insertQueued,
  insertRejected,
  loadModel,
  markEvaluating,
  markScored,
  markUnscored,
  storeResult,
  unfinishedIds,
  type StoredSubmission
} from './submission-store';

export interface SubmissionServiceDeps {
  db: Db;
  catalog: Catalog;
  pool: EvaluatorPool;
  now: () => Date;
  log?: (message: string) => void;
}

export type SubmitOutcome =
  | { kind: 'queued'; id: number; done: Promise<void> }
  | { kind: 'rejected'; id: number; code: string; message: string };

export class SubmissionService {
  private readonly inFlight = new Map<number, Promise<void>>();
  /** Pre-scan plans made at upload, reused by the evaluation (decoding a model is not free). */
  private readonly plans = new Map<number, ModelPlan>();

  constructor(private readonly deps: SubmissionServiceDeps) {}

  /**
   * Pre-scans the upload; a file that cannot be a usable model is recorded as rejected (it does
   * not count against the daily limit). Otherwise the submission is queued durably and its
   * evaluation starts; `done` resolves when it is terminal.
   */
  submit(userId: number, questId: number, model: Uint8Array): SubmitOutcome {
    const { db, catalog } = this.deps;
    const createdAt = this.deps.now().toISOString();
    const record = { userId, questId, sha256: createHash('sha256').update(model).digest('hex'), bytes: model.byteLength, createdAt };
    const target = questEvaluationTarget(catalog, questId);
    let plan: ModelPlan | undefined;
    if (target) {
      try {
        plan = prescanModel(model, target.ctx);
      } catch (err) {
        if (!(err instanceof ModelRejection)) throw err;
        const id = insertRejected(db, record, err.message);
        this.finishUnscored(id, 'rejected', err.message, true);
        return { kind: 'rejected', id, code: err.code, message: err.message };
      }
    }
    const id = insertQueued(db, record, model);
    if (plan) this.plans.set(id, plan);
    return { kind: 'queued', id, done: this.process(id) };
  }

  /** Evaluates every unfinished submission again (call once at start-up). */
  resumeUnfinished(): number[] {
    const ids = unfinishedIds(this.deps.db);
    for (const id of ids) void this.process(id);
    return ids;
  }

  /** Resolves when the submission is terminal, or after `ms` (whichever comes first). */
  async waitFor(id: number, ms: number): Promise<void> {
    const running = this.inFlight.get(id);
    if (!running || ms <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([running, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    if (timer) clearTimeout(timer);
  }

  /** The submission's result as the API returns it (stored once terminal, built while pending). */
  result(row: StoredSubmission): SubmissionResult {
    // Results stored before streak freezes and level unlocks were reported lack those fields.
    if (row.result_json) return { streak_freeze_used: false, unlocked_levels: [], ...(JSON.parse(row.result_json) as Partial<SubmissionResult>) } as SubmissionResult;
    return this.buildResult(row, null);
  }

  summary(row: StoredSubmission): SubmissionSummary {
    return {
      submission_id: row.id,
      quest_id: row.quest_id,
      status: row.status,
      score: row.score,
      passed: row.passed === null ? null : row.passed === 1,
      xp_awarded: row.xp_awarded,
      message: row.message,
      created_at: row.created_at,
      finished_at: row.finished_at
    };
  }

  private process(id: number): Promise<void> {
    const existing = this.inFlight.get(id);
    if (existing) return existing;
    const run = this.evaluate(id)
      .catch((err: unknown) => {
        this.deps.log?.(`submission ${id}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        this.finishUnscored(id, 'failed', 'The server could not evaluate this model because of an internal error; submit it again.', false);
      })
      .finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, run);
    return run;
  }

  private async evaluate(id: number): Promise<void> {
    const { db, catalog, pool } = this.deps;
    const plan = this.plans.get(id);
    this.plans.delete(id);
    const row = findSubmission(db, id);
    if (!row || (row.status !== 'queued' && row.status !== 'evaluating')) return;
    const model = loadModel(db, id);
    const target = questEvaluationTarget(catalog, row.quest_id);
    if (!model || !target) {
      const why = !model ? 'its model file was lost' : 'its quest is no longer in the quest pack';
      this.finishUnscored(id, 'failed', `This submission cannot be evaluated: ${why}. Submit the model again.`, false);
      return;
    }
    if (!markEvaluating(db, id, this.deps.now().toISOString())) return;
    const outcome: ScoreOutcome = await scoreModel(pool, model, target.ctx, target.split, plan);
    switch (outcome.status) {
      case 'scored':
        this.finishScored(id, outcome.score);
        return;
      case 'rejected':
        this.finishUnscored(id, 'rejected', outcome.message, false);
        return;
      case 'failed':
        this.finishUnscored(id, 'failed', outcome.message, false);
        return;
      case 'aborted':
        return; // left unfinished on purpose: evaluated again at the next start-up
    }
  }

  /** Marks the submission scored and applies the game rules, in one IMMEDIATE transaction. */
  private finishScored(id: number, score: number): void {
    const { db } = this.deps;
    const finished = this.deps.now();
    immediate(db, () => {
      const row = findSubmission(db, id);
      const quest = row ? findQuest(db, row.quest_id) : undefined;
      if (!row || !quest) return;
      const passed = passesThreshold(quest.metric, score, quest.threshold);
      const message = scoredMessage(quest, score, passed);
      if (!markScored(db, id, { score, passed, message, finishedAt: finished.toISOString() })) return;
      const game = applyScoredSubmission(db, {
        userId: row.user_id,
        questId: row.quest_id,
        submissionId: id,
        score,
        passed,
        scoredAt: finished
      });
      const updated = findSubmission(db, id) as StoredSubmission;
      storeResult(db, id, this.buildResult(updated, game));
    });
  }

  private finishUnscored(id: number, status: 'rejected' | 'failed', message: string, alreadyMarked: boolean): void {
    const { db } = this.deps;
    immediate(db, () => {
      if (!alreadyMarked && !markUnscored(db, id, status, message, this.deps.now().toISOString())) return;
      const row = findSubmission(db, id);
      if (row) storeResult(db, id, this.buildResult(row, null));
    });
  }

  private buildResult(row: StoredSubmission, game: ScoredOutcome | null): SubmissionResult {
    const { db } = this.deps;
    const quest = findQuest(db, row.quest_id) as QuestRow;
    const user = findUserById(db, row.user_id);
    const totalXp = game?.total_xp ?? user?.total_xp ?? 0;
    const limit = dailyLimitStatus(db, row.user_id, row.quest_id, this.deps.now());
    return {
      submission_id: row.id,
      quest_id: row.quest_id,
      status: row.status,
      score: row.score,
      metric: quest.metric,
      higher_is_better: higherIsBetter(quest.metric),
      threshold: quest.threshold,
      passed: row.passed === null ? null : row.passed === 1,
      xp_awarded: game?.xp_awarded ?? row.xp_awarded,
      total_xp: totalXp,
      level: game?.level ?? playerLevel(totalXp, playerLevelFormula(db)),
      level_up: game?.level_up ?? false,
      streak: game?.streak ?? (user ? streakShownOn(streakOf(user), localDay(user.timezone, this.deps.now())).current : 0),
      streak_freeze_used: game?.streak_freeze_used ?? false,
      new_badges: game?.new_badges ?? [],
      unlocked_levels: game?.unlocked_levels ?? [],
      submissions_left_today: limit.left,
      limit_resets_at: limit.resets_at,
      message: row.message,
      created_at: row.created_at,
      finished_at: row.finished_at
    };
  }
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toPrecision(6).replace(/\.?0+$/, '');
}

function scoredMessage(quest: QuestRow, score: number, passed: boolean): string {
  const comparison = higherIsBetter(quest.metric) ? 'at least' : 'at most';
  return passed
    ? `Passed: ${quest.metric} ${formatScore(score)} on the hidden test set (needed ${comparison} ${quest.threshold}).`
    : `Not yet: ${quest.metric} ${formatScore(score)} on the hidden test set; you need ${comparison} ${quest.threshold}.`;
}
