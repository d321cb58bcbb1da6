/**
 * The learner's active days (local calendar days with a scored submission) for the streak
 * calendar: the server's `active_days` when it sends them, else the local days of the recent
 * scored submissions it always sends.
 */
import type { ProgressReply } from './api';
import { dayKey } from './charts/specs';

export function activeDays(progress: Pick<ProgressReply, 'active_days' | 'recent_submissions'>): string[] {
  if (progress.active_days) {
    return progress.active_days;
  }
  const days = progress.recent_submissions.filter(s => s.status === 'scored').map(s => dayKey(new Date(s.created_at)));
  return [...new Set(days)].sort();
}
