/**
 * The SQLite schema (drizzle). Migrations under ./migrations are generated from this file with
 * `npx drizzle-kit generate --config server/db/drizzle.config.ts` and committed.
 * Timestamps are ISO 8601 strings in UTC unless the column name says otherwise.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, real, blob, index, uniqueIndex, primaryKey, check } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    usernameLower: text('username_lower').notNull(),
    email: text('email').notNull(),
    emailLower: text('email_lower').notNull(),
    displayName: text('display_name'),
    passwordHash: text('password_hash').notNull(),
    timezone: text('timezone').notNull().default('UTC'),
    createdAt: text('created_at').notNull(),
    // Denormalised for the leaderboard (kept in step by the game services).
    totalXp: integer('total_xp').notNull().default(0),
    questsCompleted: integer('quests_completed').notNull().default(0),
    xpReachedAt: text('xp_reached_at').notNull(),
    currentStreak: integer('current_streak').notNull().default(0),
    longestStreak: integer('longest_streak').notNull().default(0),
    lastActiveDay: text('last_active_day'),
    // Streak freezes held (0..2, server/rules/streak.ts).
    streakFreezes: integer('streak_freezes').notNull().default(0)
  },
  (t) => [
    uniqueIndex('users_username_lower_uq').on(t.usernameLower),
    uniqueIndex('users_email_lower_uq').on(t.emailLower),
    index('users_leaderboard_idx').on(
      sql`${t.totalXp} DESC`,
      sql`${t.questsCompleted} DESC`,
      sql`${t.xpReachedAt} ASC`,
      sql`${t.id} ASC`
    ),
    check('users_xp_nonneg', sql`${t.totalXp} >= 0`)
  ]
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: text('secret_hash').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAtMs: integer('expires_at_ms').notNull()
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAtMs)]
);

export const levels = sqliteTable('levels', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  requiredXp: integer('required_xp').notNull(),
  position: integer('position').notNull(),
  active: integer('active').notNull().default(1)
});

export const quests = sqliteTable(
  'quests',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    levelId: integer('level_id').notNull(),
    taskType: text('task_type').notNull(),
    dataset: text('dataset').notNull(),
    metric: text('metric').notNull(),
    average: text('average'),
    higherIsBetter: integer('higher_is_better').notNull(),
    threshold: real('threshold').notNull(),
    xpReward: integer('xp_reward').notNull(),
    dailySubmissionLimit: integer('daily_submission_limit').notNull(),
    notebook: text('notebook'),
    position: integer('position').notNull(),
    active: integer('active').notNull().default(1),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('quests_level_idx').on(t.levelId)]
);

export const badges = sqliteTable('badges', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  icon: text('icon').notNull(),
  conditionJson: text('condition_json').notNull(),
  position: integer('position').notNull(),
  active: integer('active').notNull().default(1)
});

export const userBadges = sqliteTable(
  'user_badges',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    badgeId: text('badge_id')
      .notNull()
      .references(() => badges.id),
    earnedAt: text('earned_at').notNull(),
    submissionId: integer('submission_id')
  },
  (t) => [primaryKey({ columns: [t.userId, t.badgeId] })]
);

export const questProgress = sqliteTable(
  'quest_progress',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questId: integer('quest_id')
      .notNull()
      .references(() => quests.id),
    bestScore: real('best_score'),
    bestAt: text('best_at'),
    attempts: integer('attempts').notNull().default(0),
    completedAt: text('completed_at'),
    xpAwarded: integer('xp_awarded').notNull().default(0)
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.questId] }),
    index('quest_progress_board_idx').on(t.questId, t.bestScore, t.bestAt)
  ]
);

/** One row per (user, quest) that ever awarded XP: the database's guarantee of "XP once per quest". */
export const xpAwards = sqliteTable(
  'xp_awards',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questId: integer('quest_id')
      .notNull()
      .references(() => quests.id),
    submissionId: integer('submission_id'),
    xp: integer('xp').notNull(),
    awardedAt: text('awarded_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.userId, t.questId] })]
);

export const submissions = sqliteTable(
  'submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questId: integer('quest_id')
      .notNull()
      .references(() => quests.id),
    status: text('status').notNull().default('queued'),
    score: real('score'),
    passed: integer('passed'),
    xpAwarded: integer('xp_awarded').notNull().default(0),
    message: text('message').notNull().default(''),
    modelSha256: text('model_sha256'),
    modelBytes: integer('model_bytes'),
    localDay: text('local_day'),
    resultJson: text('result_json'),
    createdAt: text('created_at').notNull(),
    startedAt: text('started_at'),
    finishedAt: text('finished_at')
  },
  (t) => [
    index('submissions_user_quest_created_idx').on(t.userId, t.questId, t.createdAt),
    index('submissions_status_idx').on(t.status),
    index('submissions_user_created_idx').on(t.userId, t.createdAt),
    // Daily limits count a user's scored submissions on one local day (GET /quests/, submit).
    index('submissions_user_day_idx').on(t.userId, t.localDay),
    check('submissions_status_check', sql`${t.status} IN ('queued','evaluating','scored','rejected','failed')`)
  ]
);

export const submissionModels = sqliteTable('submission_models', {
  submissionId: integer('submission_id')
    .primaryKey()
    .references(() => submissions.id, { onDelete: 'cascade' }),
  onnx: blob('onnx', { mode: 'buffer' }).notNull()
});

export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull()
});

/**
 * Player counts per leaderboard key, kept in step with `users` by triggers (migration
 * 0001_leaderboard_counts): a caller's rank sums a few of these rows instead of counting every
 * player ahead, so the cost does not grow with the number of players.
 */
export const leaderboardCounts = sqliteTable(
  'leaderboard_counts',
  {
    totalXp: integer('total_xp').notNull(),
    questsCompleted: integer('quests_completed').notNull(),
    n: integer('n').notNull()
  },
  (t) => [primaryKey({ columns: [t.totalXp, t.questsCompleted] })]
);

/** The same counts split by the UTC day on which the XP was reached (the third sort key). */
export const leaderboardDayCounts = sqliteTable(
  'leaderboard_day_counts',
  {
    totalXp: integer('total_xp').notNull(),
    questsCompleted: integer('quests_completed').notNull(),
    reachedDay: text('reached_day').notNull(),
    n: integer('n').notNull()
  },
  (t) => [primaryKey({ columns: [t.totalXp, t.questsCompleted, t.reachedDay] })]
);
