/**
 * Writes and reads of the submissions and submission_models tables. Each state change is a
 * guarded UPDATE (only from the states it may follow), so a submission reaches exactly one
 * terminal state even when it is evaluated twice (e.g. again after a crash).
 */
import type { SubmissionResult, SubmissionStatus } from '../../../shared/api';
import { immediate, type Db } from '../database';
import { stmt } from '../statements';

export interface StoredSubmission {
  id: number;
  user_id: number;
  quest_id: number;
  status: SubmissionStatus;
  score: number | null;
  passed: number | null;
  xp_awarded: number;
  message: string;
  model_sha256: string | null;
  model_bytes: number | null;
  result_json: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

const COLUMNS =
  'id, user_id, quest_id, status, score, passed, xp_awarded, message, model_sha256, model_bytes, result_json, created_at, started_at, finished_at';

export interface NewSubmission {
  userId: number;
  questId: number;
  sha256: string;
  bytes: number;
  createdAt: string;
}

/** Inserts a queued submission and its model bytes in one transaction; returns its id. */
export function insertQueued(db: Db, s: NewSubmission, model: Uint8Array): number {
  return immediate(db, () => {
    const info = stmt(
      db,
      "INSERT INTO submissions (user_id, quest_id, status, message, model_sha256, model_bytes, created_at) VALUES (?, ?, 'queued', 'Waiting for an evaluator.', ?, ?, ?)"
    ).run(s.userId, s.questId, s.sha256, s.bytes, s.createdAt);
    const id = Number(info.lastInsertRowid);
    stmt(db, 'INSERT INTO submission_models (submission_id, onnx) VALUES (?, ?)').run(
      id,
      Buffer.from(model.buffer, model.byteOffset, model.byteLength)
    );
    return id;
  });
}

/** Records a file rejected before queueing (it never counts against the daily limit). */
export function insertRejected(db: Db, s: NewSubmission, message: string): number {
  return immediate(db, () => {
    const info = stmt(
      db,
      "INSERT INTO submissions (user_id, quest_id, status, message, model_sha256, model_bytes, created_at, finished_at) VALUES (?, ?, 'rejected', ?, ?, ?, ?, ?)"
    ).run(s.userId, s.questId, message, s.sha256, s.bytes, s.createdAt, s.createdAt);
    return Number(info.lastInsertRowid);
  });
}

/** queued/evaluating → evaluating; false when the submission is already terminal. */
export function markEvaluating(db: Db, id: number, at: string): boolean {
  const info = stmt(
    db,
    "UPDATE submissions SET status = 'evaluating', started_at = ?, message = 'Evaluating the model on the hidden test set.' WHERE id = ? AND status IN ('queued', 'evaluating')"
  ).run(at, id);
  return info.changes === 1;
}

export interface ScoredUpdate {
  score: number;
  passed: boolean;
  message: string;
  finishedAt: string;
}

/** evaluating → scored; false (and nothing written) when it was already terminal. Call inside a transaction. */
export function markScored(db: Db, id: number, u: ScoredUpdate): boolean {
  const info = stmt(
    db,
    "UPDATE submissions SET status = 'scored', score = ?, passed = ?, message = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'evaluating')"
  ).run(u.score, u.passed ? 1 : 0, u.message, u.finishedAt, id);
  return info.changes === 1;
}

/** evaluating → rejected or failed; false when it was already terminal. */
export function markUnscored(
  db: Db,
  id: number,
  status: 'rejected' | 'failed',
  message: string,
  finishedAt: string
): boolean {
  const info = stmt(
    db,
    "UPDATE submissions SET status = ?, message = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'evaluating')"
  ).run(status, message, finishedAt, id);
  return info.changes === 1;
}

/** Stores the final result and drops the model bytes (no longer needed once terminal). */
export function storeResult(db: Db, id: number, result: SubmissionResult): void {
  stmt(db, 'UPDATE submissions SET result_json = ? WHERE id = ?').run(JSON.stringify(result), id);
  stmt(db, 'DELETE FROM submission_models WHERE submission_id = ?').run(id);
}

export function findSubmission(db: Db, id: number): StoredSubmission | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM submissions WHERE id = ?`).get(id) as StoredSubmission | undefined;
}

export function loadModel(db: Db, id: number): Uint8Array | undefined {
  const row = stmt(db, 'SELECT onnx FROM submission_models WHERE submission_id = ?').get(id) as
    { onnx: Buffer } | undefined;
  return row ? new Uint8Array(row.onnx.buffer, row.onnx.byteOffset, row.onnx.byteLength) : undefined;
}

export function listForUserQuest(
  db: Db,
  userId: number,
  questId: number,
  limit: number,
  offset: number
): StoredSubmission[] {
  return stmt(
    db,
    `SELECT ${COLUMNS} FROM submissions WHERE user_id = ? AND quest_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`
  ).all(userId, questId, limit, offset) as StoredSubmission[];
}

export function countForUserQuest(db: Db, userId: number, questId: number): number {
  return (
    stmt(db, 'SELECT count(*) AS n FROM submissions WHERE user_id = ? AND quest_id = ?').get(userId, questId) as {
      n: number;
    }
  ).n;
}

/** Ids of the submissions a crash or shutdown left unfinished, oldest first. */
export function unfinishedIds(db: Db): number[] {
  return (
    stmt(db, "SELECT id FROM submissions WHERE status IN ('queued', 'evaluating') ORDER BY id").all() as {
      id: number;
    }[]
  ).map((r) => r.id);
}
