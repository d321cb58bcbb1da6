/** Sessions (Lucia's design): id, SHA-256 of the secret, sliding expiry in epoch milliseconds. */
import type { Db } from '../database';
import { stmt } from '../statements';

export interface SessionRow {
  id: string;
  user_id: number;
  secret_hash: string;
  created_at: string;
  expires_at_ms: number;
}

export function insertSession(db: Db, s: SessionRow): void {
  stmt(db, 'INSERT INTO sessions (id, user_id, secret_hash, created_at, expires_at_ms) VALUES (?, ?, ?, ?, ?)').run(
    s.id,
    s.user_id,
    s.secret_hash,
    s.created_at,
    s.expires_at_ms
  );
}

export function findSession(db: Db, id: string): SessionRow | undefined {
  return stmt(db, 'SELECT id, user_id, secret_hash, created_at, expires_at_ms FROM sessions WHERE id = ?').get(id) as
    SessionRow | undefined;
}

export function extendSession(db: Db, id: string, expiresAtMs: number): void {
  stmt(db, 'UPDATE sessions SET expires_at_ms = ? WHERE id = ?').run(expiresAtMs, id);
}

export function deleteSession(db: Db, id: string): void {
  stmt(db, 'DELETE FROM sessions WHERE id = ?').run(id);
}

export function deleteUserSessionsExcept(db: Db, userId: number, keepId: string): void {
  stmt(db, 'DELETE FROM sessions WHERE user_id = ? AND id != ?').run(userId, keepId);
}

export function deleteExpiredSessions(db: Db, nowMs: number): number {
  return stmt(db, 'DELETE FROM sessions WHERE expires_at_ms <= ?').run(nowMs).changes;
}
