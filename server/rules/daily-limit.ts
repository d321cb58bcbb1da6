/** Daily-limit arithmetic: submissions left today, and the wait until the limit resets. */

export function submissionsLeft(limit: number, usedToday: number): number {
  return Math.max(0, limit - usedToday);
}

/** Whole seconds from `now` until `resetsAt` (at least 1), for a Retry-After header. */
export function secondsUntil(resetsAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
}
