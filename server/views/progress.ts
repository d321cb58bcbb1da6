/** GET /user/progress: levels and quests, XP and player level, streaks, badges, last submissions. */
import type { Badge, Progress, SubmissionSummary } from '../../shared/api';
import type { LevelRow, QuestRow } from '../db/repositories/catalog';
import type { ProgressRow } from '../db/repositories/progress';
import type { UserRow } from '../db/repositories/users';
import type { LevelInfo } from '../rules/player-level';
import { questStatus } from '../rules/quest-status';

export interface ProgressFacts {
  user: UserRow;
  levels: LevelRow[];
  quests: QuestRow[];
  progress: Map<number, ProgressRow>;
  levelInfo: LevelInfo;
  /** The streak as shown today (0 once a whole day passed without a scored submission). */
  currentStreak: number;
  badges: Badge[];
  recent: SubmissionSummary[];
}

export function progressView(f: ProgressFacts): Progress {
  const { user } = f;
  const levels = f.levels.map((l) => {
    const qs = f.quests
      .filter((q) => q.level_id === l.id)
      .map((q) => {
        const p = f.progress.get(q.id);
        return {
          quest_id: q.id,
          title: q.title,
          status: questStatus(user.total_xp, l.required_xp, p?.completed_at),
          best_score: p?.best_score ?? null,
          attempts: p?.attempts ?? 0,
          completed_at: p?.completed_at ?? null
        };
      });
    return {
      id: l.id,
      name: l.name,
      required_xp: l.required_xp,
      unlocked: user.total_xp >= l.required_xp,
      quests_completed: qs.filter((q) => q.status === 'completed').length,
      quests_total: qs.length,
      quests: qs
    };
  });
  return {
    username: user.username,
    total_xp: user.total_xp,
    ...f.levelInfo,
    current_streak: f.currentStreak,
    longest_streak: user.longest_streak,
    quests_completed: levels.reduce((s, l) => s + l.quests_completed, 0),
    quests_total: f.quests.length,
    levels,
    badges: f.badges,
    recent_submissions: f.recent
  };
}
