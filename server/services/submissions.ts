/**
 * The submission life cycle: pre-scan and queue an upload, evaluate it in the evaluator pool,
 * and finish it in exactly one terminal state. A scored submission is marked `scored` and the
 * game rules (XP once per quest, level, streak, badges) are applied in ONE transaction.
 * Unfinished submissions (after a crash or a shutdown) are evaluated again by `resumeUnfinished`.
 */
import { createHash } from 'node:crypto';
import type { SubmissionHistory, SubmissionResult } from '../../shared/api';
import { higherIsBetter, passesThreshold } from '../catalog/metrics-info';
import { immediate } from '../db/database';
import { findQuest, type QuestRow } from '../db/repositories/catalog';
import {
  countForUserQuest,
  findSubmission,
  insertQueued,
  insertRejected,
  listForUserQuest,
  loadModel,
  markEvaluating,
  markScored,
  markUnscored,
  storeResult,
  unfinishedIds,
  type StoredSubmission
} from '../db/repositories/submissions';
import { findUserById, type UserRow } from '../db/repositories/users';
import type { EvaluatorPool } from '../evaluation/evaluator-pool';
import { ModelRejection, type ModelPlan } from '../evaluation/model-plan';
import { prescanModel } from '../evaluation/prescan';
import { questEvaluationTarget } from '../evaluation/quest-context';
import { scoreModel, type ScoreOutcome } from '../evaluation/score-model';
import { localDay } from '../rules/calendar';
import { secondsUntil } from '../rules/daily-limit';
import { playerLevel } from '../rules/player-level';
import { streakShownOn, streakState } from '../rules/streak';
import { submissionResult, submissionSummary } from '../views/submissions';
import { applyScoredSubmission, type ScoredOutcome } from './apply-scored-submission';
import { dailyLimitStatus } from './daily-limit';
import type { ServiceDeps } from './deps';
import { DailyLimitReached, SubmissionNotFound } from './errors';
import { playerLevelFormula } from './player-level-formula';
import { requireActiveQuest, type QuestService } from './quests';

export interface SubmissionServiceDeps extends ServiceDeps {
  pool: EvaluatorPool;
  quests: QuestService;
  log?: (message: string) => void;
}

export type SubmitOutcome =
  { kind: 'queued'; id: number; done: Promise<void> } | { kind: 'rejected'; id: number; code: string; message: string };

/** An upload's reply: the result (`pending` while still queued or evaluating), or why the file is no model. */
export type UploadOutcome =
  { kind: 'result'; result: SubmissionResult; pending: boolean } | { kind: 'rejected'; code: string; message: string };

export class SubmissionService {
  private readonly inFlight = new Map<number, Promise<void>>();
  /** Pre-scan plans made at upload, reused by the evaluation (decoding a model is not free). */
  private readonly plans = new Map<number, ModelPlan>();

  constructor(private readonly deps: SubmissionServiceDeps) {}

  /**
   * POST /quests/{id}/submit: checks that the quest is unlocked and the daily limit not reached
   * (before the upload is read), then submits the model and waits up to MLQUEST_SUBMIT_WAIT_S for
   * its result.
   */
  async upload(user: UserRow, questId: number, readModel: () => Promise<Uint8Array>): Promise<UploadOutcome> {
    const { db, config } = this.deps;
    this.deps.quests.requireUnlocked(user, questId);
    const now = this.deps.now();
    const limit = dailyLimitStatus(db, user.id, questId, now);
    if (limit.left <= 0) {
      throw new DailyLimitReached(questId, limit.limit, limit.resets_at, secondsUntil(new Date(limit.resets_at), now));
    }
    const model = await readModel();
    const outcome = this.submit(user.id, questId, model);
    if (outcome.kind === 'rejected') return { kind: 'rejected', code: outcome.code, message: outcome.message };
    await this.waitFor(outcome.id, config.submitWaitS * 1000);
    const row = findSubmission(db, outcome.id);
    if (!row) throw new Error(`submission ${outcome.id} disappeared`);
    return {
      kind: 'result',
      result: this.result(row),
      pending: row.status === 'queued' || row.status === 'evaluating'
    };
  }

  /** One of the user's submissions. */
  get(user: UserRow, id: number): SubmissionResult {
    const row = findSubmission(this.deps.db, id);
    if (!row || row.user_id !== user.id) throw new SubmissionNotFound(id);
    return this.result(row);
  }

  /** The user's submissions of one quest, newest first. */
  history(user: UserRow, questId: number, limit: number, offset: number): SubmissionHistory {
    const { db } = this.deps;
    requireActiveQuest(db, questId);
    const rows = listForUserQuest(db, user.id, questId, limit, offset);
    return { submissions: rows.map(submissionSummary), total: countForUserQuest(db, user.id, questId) };
  }

  /**
   * Pre-scans the upload; a file that cannot be a usable model is recorded as rejected (it does
   * not count against the daily limit). Otherwise the submission is queued durably and its
   * evaluation starts; `done` resolves when it is terminal.
   */
  submit(userId: number, questId: number, model: Uint8Array): SubmitOutcome {
    const { db, catalog } = this.deps;
    const createdAt = this.deps.now().toISOString();
    const record = {
      userId,
      questId,
      sha256: createHash('sha256').update(model).digest('hex'),
      bytes: model.byteLength,
      createdAt
    };
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
    if (row.result_json) {
      const stored = JSON.parse(row.result_json) as Partial<SubmissionResult>;
      return { streak_freeze_used: false, unlocked_levels: [], ...stored } as SubmissionResult;
    }
    return this.buildResult(row, null);
  }

  private process(id: number): Promise<void> {
    const existing = this.inFlight.get(id);
    if (existing) return existing;
    const run = this.evaluate(id)
      .catch((err: unknown) => {
        this.deps.log?.(`submission ${id}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        this.finishUnscored(
          id,
          'failed',
          'The server could not evaluate this model because of an internal error; submit it again.',
          false
        );
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
    return submissionResult(row, quest, higherIsBetter(quest.metric), {
      xp_awarded: game?.xp_awarded ?? row.xp_awarded,
      total_xp: totalXp,
      level: game?.level ?? playerLevel(totalXp, playerLevelFormula(db)),
      level_up: game?.level_up ?? false,
      streak:
        game?.streak ?? (user ? streakShownOn(streakState(user), localDay(user.timezone, this.deps.now())).current : 0),
      streak_freeze_used: game?.streak_freeze_used ?? false,
      new_badges: game?.new_badges ?? [],
      unlocked_levels: game?.unlocked_levels ?? [],
      submissions_left_today: limit.left,
      limit_resets_at: limit.resets_at
    });
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
