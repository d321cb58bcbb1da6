/**
 * Domain errors: what went wrong, in the terms of the game and the accounts, with the message a
 * player can act on. Services throw them; the app's one error handler (server/http/error-reply.ts)
 * maps each kind to its HTTP status and headers. Nothing here knows about HTTP.
 */

export abstract class DomainError extends Error {
  constructor(
    /** The stable machine-readable code of the reply (`error.code`). */
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value the caller sent is not acceptable (beyond what the request schema checks). */
export class InvalidInput extends DomainError {
  constructor(message: string) {
    super('validation_error', message);
  }
}

/** Something the caller named does not exist (or is no longer offered). */
export class NotFound extends DomainError {}

export class QuestNotFound extends NotFound {
  constructor(message: string) {
    super('quest_not_found', message);
  }
}

export class SubmissionNotFound extends NotFound {
  constructor(id: number) {
    super('submission_not_found', `You have no submission ${id}; GET /quests/{id}/submissions lists yours.`);
  }
}

/** The quest's level needs more XP than the player has. */
export class QuestLocked extends DomainError {
  constructor(message: string) {
    super('quest_locked', message);
  }
}

/** The current password sent with a password change is wrong. */
export class WrongPassword extends DomainError {
  constructor() {
    super('wrong_password', 'current_password is not your current password; the password was not changed.');
  }
}

/** A unique name is already in use. */
export class AlreadyTaken extends DomainError {}

export class UsernameTaken extends AlreadyTaken {
  constructor(username: string) {
    super('username_taken', `username "${username}" is already taken; choose another`);
  }
}

export class EmailTaken extends AlreadyTaken {
  constructor(message: string) {
    super('email_taken', message);
  }
}

/** Sign-in failed: unknown user or wrong password (the reply does not say which). */
export class InvalidCredentials extends DomainError {
  constructor() {
    super('unauthorized', 'Wrong username or password.');
  }
}

/** Something that may be tried again later, after `retryAfterS` seconds. */
export abstract class TryLater extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterS: number
  ) {
    super(code, message);
  }
}

export class RateLimited extends TryLater {
  constructor(retryAfterS: number) {
    super('rate_limited', `Too many sign-in attempts; try again in ${retryAfterS} seconds.`, retryAfterS);
  }
}

export class DailyLimitReached extends TryLater {
  constructor(questId: number, limit: number, resetsAt: string, retryAfterS: number) {
    super(
      'daily_limit_reached',
      `You have used all ${limit} scored submissions for quest ${questId} today. The limit resets at ` +
        `${resetsAt} (midnight in your timezone); rejected files do not count.`,
      retryAfterS
    );
  }
}
