/**
 * Accounts and sessions: register, sign in (rate-limited per address and per account, the same
 * Argon2 work for unknown users), sign out, the profile and its changes, and the session behind a
 * bearer token.
 */
import type { RegisterRequest, TokenResponse, UpdateProfileRequest, UserProfile } from '../../shared/api';
import type { LoginRateLimiter } from '../auth/login-rate-limiter';
import { hashPassword, verifyDummyPassword, verifyPassword } from '../auth/passwords';
import { createSession, invalidateSession, validateSessionToken, type ValidSession } from '../auth/sessions';
import { immediate } from '../db/database';
import { deleteUserSessionsExcept } from '../db/repositories/sessions';
import {
  emailTaken,
  findUserById,
  findUserByLogin,
  insertUser,
  updateProfile,
  usernameTaken,
  type ProfileChanges,
  type UserRow
} from '../db/repositories/users';
import { isValidTimezone } from '../rules/calendar';
import { profileView } from '../views/profile';
import type { ServiceDeps } from './deps';
import { EmailTaken, InvalidCredentials, InvalidInput, RateLimited, UsernameTaken, WrongPassword } from './errors';
import { playerLevelFormula } from './player-level-formula';

const DAY_MS = 86_400_000;

function checkTimezone(timezone: string): void {
  if (!isValidTimezone(timezone)) {
    throw new InvalidInput(
      `body.timezone: "${timezone}" is not an IANA timezone name such as "Europe/Berlin" or "UTC"`
    );
  }
}

const emailTakenByOther = (email: string) =>
  new EmailTaken(`email "${email}" is already registered to another account`);

export class AccountService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly loginLimiter: LoginRateLimiter
  ) {}

  private get sessionLifetimeMs(): number {
    return this.deps.config.sessionDays * DAY_MS;
  }

  profile(user: UserRow): UserProfile {
    return profileView(user, playerLevelFormula(this.deps.db));
  }

  private profileOf(userId: number): UserProfile {
    const user = findUserById(this.deps.db, userId);
    if (!user) throw new Error(`user ${userId} vanished while its profile was written`);
    return this.profile(user);
  }

  async register(body: RegisterRequest): Promise<UserProfile> {
    const { db, now } = this.deps;
    const timezone = body.timezone ?? 'UTC';
    checkTimezone(timezone);
    const checkTaken = () => {
      if (usernameTaken(db, body.username)) throw new UsernameTaken(body.username);
      if (emailTaken(db, body.email))
        throw new EmailTaken(`email "${body.email}" is already registered; sign in instead`);
    };
    checkTaken();
    const passwordHash = await hashPassword(body.password);
    const id = immediate(db, () => {
      checkTaken();
      return insertUser(db, {
        username: body.username,
        email: body.email,
        passwordHash,
        timezone,
        displayName: body.display_name ?? null,
        now: now().toISOString()
      });
    });
    return this.profileOf(id);
  }

  /** A new session for username-or-email and password; `address` is the client's, for the rate limit. */
  async login(login: string, password: string, address: string): Promise<TokenResponse> {
    const { db, now } = this.deps;
    const limiter = this.loginLimiter;
    const nowMs = now().getTime();
    const user = findUserByLogin(db, login);
    const account = user ? `user:${user.id}` : `login:${login.toLowerCase()}`;
    const wait = limiter.check(address, account, nowMs);
    if (wait > 0) throw new RateLimited(wait);
    limiter.recordAttempt(address, nowMs);
    const ok = user ? await verifyPassword(user.password_hash, password) : await verifyDummyPassword(password);
    if (!user || !ok) {
      limiter.recordFailure(account, nowMs);
      throw new InvalidCredentials();
    }
    limiter.recordSuccess(account);
    const session = createSession(db, user.id, this.sessionLifetimeMs, now());
    return { access_token: session.token, token_type: 'bearer', expires_at: session.expiresAt.toISOString() };
  }

  logout(sessionId: string): void {
    invalidateSession(this.deps.db, sessionId);
  }

  /** The live session of a token, or null when it is malformed, unknown, wrong or expired. */
  authenticate(token: string): ValidSession | null {
    return validateSessionToken(this.deps.db, token, this.sessionLifetimeMs, this.deps.now());
  }

  /** Changes email, timezone, display name or password; a new password ends the user's other sessions. */
  async updateProfile(user: UserRow, sessionId: string, body: UpdateProfileRequest): Promise<UserProfile> {
    const { db } = this.deps;
    if (Object.keys(body).length === 0) {
      throw new InvalidInput('Nothing to change: send at least one of email, timezone, display_name, new_password.');
    }
    const changes: ProfileChanges = {};
    if (body.timezone !== undefined) {
      checkTimezone(body.timezone);
      changes.timezone = body.timezone;
    }
    if (body.display_name !== undefined) changes.displayName = body.display_name;
    if (body.email !== undefined) {
      const changed = body.email.toLowerCase() !== user.email.toLowerCase();
      if (changed && emailTaken(db, body.email, user.id)) throw emailTakenByOther(body.email);
      changes.email = body.email;
    }
    if (body.current_password !== undefined && body.new_password === undefined) {
      throw new InvalidInput('body.new_password: required when current_password is sent');
    }
    if (body.new_password !== undefined) {
      if (body.current_password === undefined)
        throw new InvalidInput('body.current_password: required to change the password');
      if (!(await verifyPassword(user.password_hash, body.current_password))) throw new WrongPassword();
      changes.passwordHash = await hashPassword(body.new_password);
    }
    immediate(db, () => {
      if (changes.email !== undefined && emailTaken(db, changes.email, user.id)) throw emailTakenByOther(changes.email);
      updateProfile(db, user.id, changes);
      if (changes.passwordHash !== undefined) deleteUserSessionsExcept(db, user.id, sessionId);
    });
    return this.profileOf(user.id);
  }
}
