/** Calendar days in a user's own IANA timezone (DST-safe: only dates are compared, never hours). */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  // Stryker disable next-line ConditionalExpression: a new formatter each time is only slower (equivalent).
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23'
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimezone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

function parts(timeZone: string, at: Date): Record<string, number> {
  const out: Record<string, number> = {};
  // Stryker disable next-line all: literal parts ("-", ":") are never read (equivalent).
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

function computeLocalDay(timeZone: string, at: Date): string {
  const p = parts(timeZone, at);
  // Stryker disable next-line StringLiteral: Intl gives 4-digit years for every supported date (equivalent).
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * A player's local day as an interval of instants: every instant in [fromMs, untilMs) is on
 * `day` in that timezone. Remembered per timezone, so the many calls within one day cost no
 * Intl formatting (formatToParts is the expensive part of a day computation).
 */
export interface LocalDaySpan {
  day: string;
  fromMs: number;
  untilMs: number;
  /** When the next local day begins (equal to untilMs except around a DST gap at midnight). */
  nextDayMs: number;
}

const daySpans = new Map<string, LocalDaySpan>();

export function localDaySpan(timeZone: string, at: Date): LocalDaySpan {
  const ms = at.getTime();
  const known = daySpans.get(timeZone);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a missed hit recomputes the span (equivalent).
  if (known && known.fromMs <= ms && ms < known.untilMs) return known;
  const day = computeLocalDay(timeZone, at);
  const from = firstInstantOf(timeZone, day);
  const next = firstInstantOf(timeZone, addDays(day, 1));
  // A stepped start can be up to one step late; the day may end before it, so stop short.
  const span = { day, fromMs: from.ms, untilMs: next.stepped ? next.ms - GAP_STEP_MS : next.ms, nextDayMs: next.ms };
  // Stryker disable next-line ConditionalExpression,EqualityOperator: these only decide whether an instant at a
  // span's very edge (or a stepped DST start) is served from a cached span or a span of its own; the day is the same.
  if (span.fromMs <= ms && ms < span.untilMs) {
    daySpans.set(timeZone, span);
    return span;
  }
  return { day, fromMs: ms, untilMs: ms + 1, nextDayMs: next.ms }; // an odd instant around a DST gap: valid for itself only
}

/** The local calendar date YYYY-MM-DD of instant `at` in `timeZone`. */
export function localDay(timeZone: string, at: Date): string {
  return localDaySpan(timeZone, at).day;
}

function dayToUtcMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Whole days from `a` to `b` (YYYY-MM-DD strings). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayToUtcMs(b) - dayToUtcMs(a)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  return new Date(dayToUtcMs(day) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds. */
function offsetMs(timeZone: string, ms: number): number {
  const p = parts(timeZone, new Date(ms));
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const GAP_STEP_MS = 15 * 60_000;

function firstInstantOf(timeZone: string, day: string): { ms: number; stepped: boolean } {
  const guess = dayToUtcMs(day);
  // Stryker disable next-line ArithmeticOperator: a first estimate; the next line corrects it (equivalent).
  let t = guess - offsetMs(timeZone, guess);
  const o2 = offsetMs(timeZone, t);
  t = guess - o2;
  // If midnight does not exist (a DST gap at 00:00), step forward to the first local instant of the day.
  let stepped = false;
  while (computeLocalDay(timeZone, new Date(t)) < day) {
    t += GAP_STEP_MS;
    stepped = true;
  }
  return { ms: t, stepped };
}

/** The instant the next local day begins after `at` (when daily limits reset). */
export function nextLocalMidnight(timeZone: string, at: Date): Date {
  return new Date(localDaySpan(timeZone, at).nextDayMs);
}
