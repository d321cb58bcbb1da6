/** A player's progress (GET /user/progress) and the badge list, earned or not (GET /badges). */
import type { Badge, Progress } from '../../shared/api';
import { activeBadges, activeLevels, activeQuests } from '../db/repositories/catalog';
import { earnedBadges, userProgress } from '../db/repositories/progress';
import { recentSubmissions } from '../db/repositories/submissions-read';
import type { UserRow } from '../db/repositories/users';
import { localDay } from '../rules/calendar';
import { levelInfo } from '../rules/player-level';
import { currentStreakOn, streakState } from '../rules/streak';
import { badgeView } from '../views/badges';
import { progressView } from '../views/progress';
import { submissionSummary } from '../views/submissions';
import { badgeConditionText } from './apply-scored-submission';
import type { ServiceDeps } from './deps';
import { playerLevelFormula } from './player-level-formula';

export const RECENT_SUBMISSIONS = 10;

export class ProgressService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Every badge in pack order; `userId` null (nobody signed in) shows none earned. */
  badges(userId: number | null): Badge[] {
    const { db } = this.deps;
    const earned = userId === null ? new Map<string, string>() : earnedBadges(db, userId);
    return activeBadges(db).map((b) => badgeView(b, badgeConditionText(db, b.condition), earned.get(b.id)));
  }

  progress(user: UserRow): Progress {
    const { db } = this.deps;
    return progressView({
      user,
      levels: activeLevels(db),
      quests: activeQuests(db),
      progress: new Map(userProgress(db, user.id).map((p) => [p.quest_id, p])),
      levelInfo: levelInfo(user.total_xp, playerLevelFormula(db)),
      currentStreak: currentStreakOn(streakState(user), localDay(user.timezone, this.deps.now())),
      badges: this.badges(user.id),
      recent: recentSubmissions(db, user.id, RECENT_SUBMISSIONS).map(submissionSummary)
    });
  }
}
