/**
 * The ML Quest API contract: the zod schemas the server validates requests with and documents
 * (OpenAPI), and the types the JupyterLab extension calls the server with. Pure: no I/O.
 */
import { z } from 'zod';
import { metricGlossary } from './metrics';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe('Machine-readable error code, e.g. "validation_error".'),
    message: z.string().describe('What went wrong and what to do about it.')
  })
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------------------------------------------------------------- accounts

export const Username = z
  .string()
  .min(3, 'username must be 3 to 32 characters')
  .max(32, 'username must be 3 to 32 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'username may contain only letters, digits, "_" and "-"');

export const Password = z
  .string()
  .min(8, 'password must be at least 8 characters')
  .max(256, 'password must be at most 256 characters');

export const RegisterRequest = z
  .object({
    username: Username,
    email: z.string().max(254).email('email must be a valid email address'),
    password: Password,
    timezone: z.string().min(1).max(64).optional().describe('An IANA timezone name; default UTC.'),
    display_name: z.string().min(1).max(64).optional()
  })
  .strict();
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const LoginRequest = z
  .object({
    username: z.string().min(1).max(254).describe('Username or email.'),
    password: z.string().min(1).max(256)
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_at: z.string().describe('ISO 8601; the expiry slides forward while the token is used.')
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const UserProfile = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  display_name: z.string().nullable(),
  timezone: z.string(),
  created_at: z.string(),
  total_xp: z.number().int(),
  level: z.number().int()
});
export type UserProfile = z.infer<typeof UserProfile>;

export const UpdateProfileRequest = z
  .object({
    email: z.string().max(254).email('email must be a valid email address').optional(),
    timezone: z.string().min(1).max(64).optional(),
    display_name: z.string().min(1).max(64).nullable().optional(),
    current_password: z.string().min(1).max(256).optional(),
    new_password: Password.optional()
  })
  .strict();
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

// ---------------------------------------------------------------- catalog

export const TaskType = z.enum(['regression', 'binary_classification', 'multiclass_classification', 'clustering']);
export type TaskType = z.infer<typeof TaskType>;

export const MetricName = z
  .enum([
    'r2',
    'mse',
    'rmse',
    'mae',
    'accuracy',
    'precision',
    'recall',
    'f1',
    'roc_auc',
    'log_loss',
    'adjusted_rand_score'
  ])
  .describe(`The metric's code; the sidebar and toasts show its name: ${metricGlossary()}.`);
export type MetricName = z.infer<typeof MetricName>;

export const QuestStatus = z.enum(['locked', 'available', 'completed']);
export type QuestStatus = z.infer<typeof QuestStatus>;

export const Level = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  required_xp: z.number().int(),
  unlocked: z
    .boolean()
    .describe('Whether the caller has the XP to unlock it (false when signed out and required_xp > 0).')
});
export type Level = z.infer<typeof Level>;

export const QuestSummary = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  level: z.number().int(),
  task_type: TaskType,
  dataset: z.string(),
  metric: MetricName,
  average: z.enum(['binary', 'macro', 'weighted']).nullable(),
  higher_is_better: z.boolean(),
  threshold: z.number(),
  xp_reward: z.number().int(),
  daily_submission_limit: z.number().int(),
  notebook: z.string().nullable().describe('Starter notebook file name in the notebooks folder.'),
  status: QuestStatus,
  best_score: z.number().nullable(),
  attempts: z.number().int(),
  submissions_left_today: z.number().int()
});
export type QuestSummary = z.infer<typeof QuestSummary>;

export const FeatureInfo = z.object({
  name: z.string(),
  type: z.enum(['float', 'int', 'string'])
});
export type FeatureInfo = z.infer<typeof FeatureInfo>;

export const QuestDetail = QuestSummary.extend({
  features: z.array(FeatureInfo),
  target: z.string(),
  classes: z.array(z.union([z.string(), z.number()])).nullable(),
  train_rows: z.number().int(),
  test_rows: z.number().int(),
  dataset_url: z.string().describe('Path of the train split, relative to the server root.'),
  hints: z
    .array(z.string())
    .describe(
      'The hints revealed so far: the first from the start, one more per failed scored attempt, all after a pass.'
    ),
  hints_total: z.number().int().describe('How many hints the quest has (hints.length of them are revealed).'),
  unlock_xp: z.number().int().describe('Total XP that unlocks this quest.')
});
export type QuestDetail = z.infer<typeof QuestDetail>;

// ---------------------------------------------------------------- game

export const BadgeCondition = z.discriminatedUnion('type', [
  z.object({ type: z.literal('first_submission') }),
  z.object({ type: z.literal('quests_completed'), count: z.number().int() }),
  z.object({ type: z.literal('xp'), xp: z.number().int() }),
  z.object({ type: z.literal('streak'), days: z.number().int() }),
  z.object({ type: z.literal('perfect_score') }),
  z.object({ type: z.literal('level_reached'), level: z.number().int() }),
  z.object({ type: z.literal('quest_completed'), quest: z.number().int() }),
  z.object({ type: z.literal('course_level_completed'), level: z.number().int() })
]);
export type BadgeCondition = z.infer<typeof BadgeCondition>;

export const Badge = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  icon: z.string(),
  condition: BadgeCondition,
  condition_text: z.string().describe('The condition in words, e.g. "Complete 5 quests".'),
  earned: z.boolean(),
  earned_at: z.string().nullable()
});
export type Badge = z.infer<typeof Badge>;

export const NewBadge = Badge.pick({ id: true, name: true, description: true, icon: true, condition_text: true });
export type NewBadge = z.infer<typeof NewBadge>;

export const SubmissionStatus = z.enum(['queued', 'evaluating', 'scored', 'rejected', 'failed']);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

export const UnlockedLevel = z.object({ id: z.number().int(), name: z.string() });
export type UnlockedLevel = z.infer<typeof UnlockedLevel>;

export const SubmissionResult = z.object({
  submission_id: z.number().int(),
  quest_id: z.number().int(),
  status: SubmissionStatus,
  score: z.number().nullable(),
  metric: MetricName,
  higher_is_better: z.boolean(),
  threshold: z.number(),
  passed: z.boolean().nullable(),
  xp_awarded: z.number().int(),
  total_xp: z.number().int(),
  level: z.number().int(),
  level_up: z.boolean(),
  streak: z.number().int(),
  streak_freeze_used: z.boolean().describe('A streak freeze bridged the missed days instead of resetting the streak.'),
  new_badges: z.array(NewBadge),
  unlocked_levels: z.array(UnlockedLevel).describe("Course levels this submission's XP newly unlocked."),
  submissions_left_today: z.number().int(),
  limit_resets_at: z.string(),
  message: z.string(),
  created_at: z.string(),
  finished_at: z.string().nullable()
});
export type SubmissionResult = z.infer<typeof SubmissionResult>;

export const SubmissionSummary = z.object({
  submission_id: z.number().int(),
  quest_id: z.number().int(),
  status: SubmissionStatus,
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  xp_awarded: z.number().int(),
  message: z.string(),
  created_at: z.string(),
  finished_at: z.string().nullable()
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

export const SubmissionHistory = z.object({
  submissions: z.array(SubmissionSummary).describe("The caller's submissions for the quest, newest first."),
  total: z.number().int()
});
export type SubmissionHistory = z.infer<typeof SubmissionHistory>;

export const QuestProgress = z.object({
  quest_id: z.number().int(),
  title: z.string(),
  status: QuestStatus,
  best_score: z.number().nullable(),
  attempts: z.number().int(),
  completed_at: z.string().nullable()
});

export const LevelProgress = z.object({
  id: z.number().int(),
  name: z.string(),
  required_xp: z.number().int(),
  unlocked: z.boolean(),
  quests_completed: z.number().int(),
  quests_total: z.number().int(),
  quests: z.array(QuestProgress)
});

export const Progress = z.object({
  username: z.string(),
  total_xp: z.number().int(),
  level: z.number().int(),
  level_xp: z.number().int().describe('XP at which the current player level began.'),
  next_level_xp: z.number().int().describe('Total XP at which the next player level begins.'),
  xp_to_next_level: z.number().int(),
  current_streak: z.number().int(),
  longest_streak: z.number().int(),
  streak_freezes: z
    .number()
    .int()
    .describe('Streak freezes held (at most 2): one is earned every 7 days of a streak, a missed day uses one.'),
  active_days: z
    .array(z.string())
    .describe("The learner's local days (YYYY-MM-DD, oldest first) with a scored submission, in the last 8 weeks."),
  quests_completed: z.number().int(),
  quests_total: z.number().int(),
  levels: z.array(LevelProgress),
  badges: z.array(Badge),
  recent_submissions: z.array(SubmissionSummary)
});
export type Progress = z.infer<typeof Progress>;

export const LeaderboardEntry = z.object({
  rank: z.number().int(),
  username: z.string(),
  display_name: z.string().nullable(),
  total_xp: z.number().int(),
  level: z.number().int(),
  quests_completed: z.number().int(),
  current_streak: z.number().int()
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;

export const Leaderboard = z.object({
  entries: z.array(LeaderboardEntry),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  me: LeaderboardEntry.nullable().describe("The caller's own row and rank, even when off the page.")
});
export type Leaderboard = z.infer<typeof Leaderboard>;

export const QuestLeaderboardEntry = z.object({
  rank: z.number().int(),
  username: z.string(),
  display_name: z.string().nullable(),
  best_score: z.number(),
  achieved_at: z.string()
});
export type QuestLeaderboardEntry = z.infer<typeof QuestLeaderboardEntry>;

export const QuestLeaderboard = z.object({
  quest_id: z.number().int(),
  metric: MetricName,
  higher_is_better: z.boolean(),
  entries: z.array(QuestLeaderboardEntry),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  me: QuestLeaderboardEntry.nullable()
});
export type QuestLeaderboard = z.infer<typeof QuestLeaderboard>;

export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0)
});

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.literal('ok'),
  evaluators: z.object({ ready: z.number().int(), busy: z.number().int(), size: z.number().int() }),
  queued_submissions: z.number().int()
});
export type Health = z.infer<typeof Health>;
