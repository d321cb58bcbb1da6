/** GET /user/progress: levels and quests, XP and player level, streaks, badges, last submissions. */
import type { Progress, SubmissionSummary } from '../../shared/api';
import type { Db } from '../db/database';
import { activeLevels, activeQuests } from '../db/repositories/catalog';
import { userProgress } from '../db/repositories/progress';
import { activeDaysSince, recentSubmissions } from '../db/repositories/submissions-read';
import type { UserRow } from '../db/repositories/users';
import { badgeList } from './badge-views';
import { addDays, localDay } from './calendar';
import { playerLevelFormula } from './formula';
import { levelInfo } from './player-level';
import { questStatus } from './quest-views';
import { streakOf, streakShownOn } from '../rules/streak';

export const RECENT_SUBMISSIONS = 10;
/** The streak calendar's span: the last 8 weeks, today included. */
export const ACTIVE_DAYS_SPAN = 56;

export function progressView(db: Db, user: UserRow, now: Date): Progress {
  const progress = new Map(userProgress(db, user.id).map((p) => [p.quest_id, p]));
  const quests = activeQuests(db);
  const levels = activeLevels(db).map((l) => {
    const qs = quests
      .filter((q) => q.level_id === l.id)
      .map((q) => {
        const p = progress.get(q.id);
        return {
          quest_id: q.id,
          title: q.title,
          status: questStatus(user.total_xp, l.required_xp, p),
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
  const recent: SubmissionSummary[] = recentSubmissions(db, user.id, RECENT_SUBMISSIONS).map((s) => ({
    submission_id: s.id,
    quest_id: s.quest_id,
    status: s.status,
    score: s.score,
    passed: s.passed === null ? null : s.passed === 1,
    xp_awarded: s.xp_awarded,
    message: s.message,
    created_at: s.created_at,
    finished_at: s.finished_at
  }));
  const today = localDay(user.timezone, now);
  const shown = streakShownOn(streakOf(user), today);
  const info = levelInfo(user.total_xp, playerLevelFormula(db));
  return {
    username: user.username,
    total_xp: user.total_xp,
    ...info,
    current_streak: shown.current,
    streak_freezes: shown.freezes,
    active_days: activeDaysSince(db, user.id, addDays(today, 1 - ACTIVE_DAYS_SPAN)),
    longest_streak: user.longest_streak,
    quests_completed: levels.reduce((s, l) => s + l.quests_completed, 0),
    quests_total: quests.length,
    levels,
    badges: badgeList(db, user.id),
    recent_submissions: recent
  };
}
