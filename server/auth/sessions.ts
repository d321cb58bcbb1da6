/**
 * Sessions after Lucia's design: the token is `id.secret`; only SHA-256 of the secret is stored
 * and compared in constant time; the expiry slides forward while the token is used; logout
 * deletes the row so the token stops working at once.
 */
import crypto from 'node:crypto';
import { VersionedCache } from '../db/data-version';
import type { Db } from '../db/database';
import { deleteSession, extendSession, findSession, insertSession, type SessionRow } from '../db/repositories/sessions';
import { findUserById, type UserRow } from '../db/repositories/users';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function randomString(length: number): string {
  const bytes = crypto.randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] & 31];
  return out;
}

function sha256Hex(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export function createSession(db: Db, userId: number, lifetimeMs: number, now: Date): NewSession {
  const id = randomString(24);
  const secret = randomString(32);
  const expiresAtMs = now.getTime() + lifetimeMs;
  insertSession(db, {
    id,
    user_id: userId,
    secret_hash: sha256Hex(secret),
    created_at: now.toISOString(),
    expires_at_ms: expiresAtMs
  });
  return { token: `${id}.${secret}`, expiresAt: new Date(expiresAtMs) };
}

export interface ValidSession {
  session: SessionRow;
  user: UserRow;
}

/**
 * Session rows and their users, cached per connection while the database does not change (any
 * write anywhere drops them, see data-version.ts). The secret is still hashed and compared in
 * constant time and the expiry checked on every request; only the two reads are saved.
 */
const sessionCaches = new WeakMap<Db['sqlite'], VersionedCache<string, Readonly<ValidSession>>>();
const SESSION_CACHE_ENTRIES = 10_000;

function lookUpSession(db: Db, id: string): Readonly<ValidSession> | null {
  let cache = sessionCaches.get(db.sqlite);
  if (!cache) {
    cache = new VersionedCache(SESSION_CACHE_ENTRIES);
    sessionCaches.set(db.sqlite, cache);
  }
  const entries = cache.current(db);
  const hit = entries.get(id);
  if (hit) return hit;
  const session = findSession(db, id);
  if (!session) return null;
  const user = findUserById(db, session.user_id);
  if (!user) return null;
  const found = Object.freeze({ session: Object.freeze(session), user: Object.freeze(user) });
  entries.set(id, found);
  return found;
}

/** The session and user of a token, or null when it is malformed, unknown, wrong or expired. */
export function validateSessionToken(db: Db, token: string, lifetimeMs: number, now: Date): ValidSession | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1 || token.length > 200) return null;
  const id = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  const found = lookUpSession(db, id);
  if (!found) return null;
  const expected = Buffer.from(found.session.secret_hash, 'hex');
  const given = Buffer.from(sha256Hex(secret), 'hex');
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const nowMs = now.getTime();
  if (found.session.expires_at_ms <= nowMs) {
    deleteSession(db, id);
    return null;
  }
  // Slide the expiry once less than half the lifetime is left (one write per half lifetime).
  if (found.session.expires_at_ms - nowMs < lifetimeMs / 2) {
    const session = { ...found.session, expires_at_ms: nowMs + lifetimeMs };
    extendSession(db, id, session.expires_at_ms);
    return { session, user: found.user };
  }
  return found;
}

export function invalidateSession(db: Db, sessionId: string): void {
  deleteSession(db, sessionId);
}
