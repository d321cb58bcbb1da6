/** Users: accounts and the denormalised game counters (XP, quests completed, streak). */
import type { Db } from '../database';
import { stmt } from '../statements';

export interface UserRow {
  id: number;
  username: string;
  email: string;
  display_name: string | null;
  password_hash: string;
  timezone: string;
  created_at: string;
  total_xp: number;
  quests_completed: number;
  xp_reached_at: string;
  current_streak: number;
  longest_streak: number;
  last_active_day: string | null;
  streak_freezes: number;
}

const COLS =
  'id, username, email, display_name, password_hash, timezone, created_at, total_xp, quests_completed, xp_reached_at, current_streak, longest_streak, last_active_day, streak_freezes';

export function findUserById(db: Db, id: number): UserRow | undefined {
  return stmt(db, `SELECT ${COLS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
}

/** By username or email, without regard to case. */
export function findUserByLogin(db: Db, login: string): UserRow | undefined {
  const l = login.toLowerCase();
  return stmt(db, `SELECT ${COLS} FROM users WHERE username_lower = ? OR email_lower = ? LIMIT 1`).get(l, l) as
    UserRow | undefined;
}

export function usernameTaken(db: Db, username: string): boolean {
  return stmt(db, 'SELECT 1 FROM users WHERE username_lower = ?').get(username.toLowerCase()) !== undefined;
}

export function emailTaken(db: Db, email: string, exceptUserId = 0): boolean {
  return (
    stmt(db, 'SELECT 1 FROM users WHERE email_lower = ? AND id != ?').get(email.toLowerCase(), exceptUserId) !==
    undefined
  );
}

export interface NewUser {
  username: string;
  email: string;
  passwordHash: string;
  timezone: string;
  displayName: string | null;
  now: string;
}

export function insertUser(db: Db, u: NewUser): number {
  const r = stmt(
    db,
    `INSERT INTO users (username, username_lower, email, email_lower, display_name, password_hash, timezone, created_at, xp_reached_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    u.username,
    u.username.toLowerCase(),
    u.email,
    u.email.toLowerCase(),
    u.displayName,
    u.passwordHash,
    u.timezone,
    u.now,
    u.now
  );
  return Number(r.lastInsertRowid);
}

export interface ProfileChanges {
  email?: string;
  timezone?: string;
  displayName?: string | null;
  passwordHash?: string;
}

export function updateProfile(db: Db, id: number, c: ProfileChanges): void {
  if (c.email !== undefined)
    stmt(db, 'UPDATE users SET email = ?, email_lower = ? WHERE id = ?').run(c.email, c.email.toLowerCase(), id);
  if (c.timezone !== undefined) stmt(db, 'UPDATE users SET timezone = ? WHERE id = ?').run(c.timezone, id);
  if (c.displayName !== undefined) stmt(db, 'UPDATE users SET display_name = ? WHERE id = ?').run(c.displayName, id);
  if (c.passwordHash !== undefined) stmt(db, 'UPDATE users SET password_hash = ? WHERE id = ?').run(c.passwordHash, id);
}

export function addXp(db: Db, id: number, xp: number, questsCompletedDelta: number, at: string): void {
  if (xp > 0) {
    stmt(
      db,
      'UPDATE users SET total_xp = total_xp + ?, quests_completed = quests_completed + ?, xp_reached_at = ? WHERE id = ?'
    ).run(xp, questsCompletedDelta, at, id);
  } else if (questsCompletedDelta !== 0) {
    stmt(db, 'UPDATE users SET quests_completed = quests_completed + ? WHERE id = ?').run(questsCompletedDelta, id);
  }
}

export function saveStreak(
  db: Db,
  id: number,
  s: { current: number; longest: number; lastActiveDay: string | null; freezes: number }
): void {
  stmt(
    db,
    'UPDATE users SET current_streak = ?, longest_streak = ?, last_active_day = ?, streak_freezes = ? WHERE id = ?'
  ).run(s.current, s.longest, s.lastActiveDay, s.freezes, id);
}
