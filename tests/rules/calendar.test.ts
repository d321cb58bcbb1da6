/**
 * localDay and nextLocalMidnight remember each timezone's current day as an interval of instants.
 * They must answer exactly what a fresh Intl computation answers, for every instant: across DST
 * changes, in zones whose DST change skips midnight itself (the local day starts at 01:00), in
 * a 30-minute DST zone, and when instants come in any order (a clock may step back).
 */
import { localDay, nextLocalMidnight } from '../../server/rules/calendar';

const ZONES = [
  'UTC',
  'Asia/Tokyo',
  'America/New_York',
  'Europe/Berlin',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Australia/Lord_Howe',
  'Pacific/Chatham'
];

/** The oracle: Intl's own formatting of the date, no memory of instants. */
const oracleFormats = new Map<string, Intl.DateTimeFormat>();
function oracleDay(timeZone: string, ms: number): string {
  let f = oracleFormats.get(timeZone);
  if (!f)
    oracleFormats.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }))
    );
  return f.format(new Date(ms));
}

/** The first instant (ms precision) after `ms` that is on a later local day: binary search. */
function oracleNextDay(timeZone: string, ms: number): number {
  const day = oracleDay(timeZone, ms);
  let lo = ms; // on `day`
  let hi = ms + 50 * 3_600_000; // surely on a later day
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (oracleDay(timeZone, mid) > day) hi = mid;
    else lo = mid;
  }
  return hi;
}

function instants(timeZone: string): number[] {
  const out: number[] = [];
  const start = Date.UTC(2026, 0, 1);
  const step = (7 * 60 + 17) * 60_000;
  const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const offsetName = (ms: number) =>
    offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
  let previous = offsetName(start);
  for (let t = start; t < Date.UTC(2027, 0, 1); t += step) {
    out.push(t);
    const now = offsetName(t);
    if (now !== previous) {
      // A DST change: sweep the days around it every 5 minutes.
      for (let u = t - 30 * 3_600_000; u < t + 30 * 3_600_000; u += 5 * 60_000) out.push(u);
      previous = now;
    }
  }
  return out;
}

test('the sweep finds the DST changes of 2026 (two in Berlin, none in Tokyo)', () => {
  const sweepLength = (timeZone: string) => instants(timeZone).length;
  const plain = sweepLength('Asia/Tokyo');
  expect(sweepLength('Europe/Berlin') - plain).toBe(2 * 720);
});

test.each(ZONES)(
  'localDay and nextLocalMidnight equal a fresh computation in %s, in time order and in reverse',
  (timeZone) => {
    const all = instants(timeZone);
    for (const order of [all, [...all].reverse()]) {
      for (let i = 0; i < order.length; i++) {
        const ms = order[i];
        const at = new Date(ms);
        expect(`${timeZone} ${at.toISOString()} ${localDay(timeZone, at)}`).toBe(
          `${timeZone} ${at.toISOString()} ${oracleDay(timeZone, ms)}`
        );
        if (i % 3 === 0) {
          expect(`${timeZone} ${at.toISOString()} ${nextLocalMidnight(timeZone, at).toISOString()}`).toBe(
            `${timeZone} ${at.toISOString()} ${new Date(oracleNextDay(timeZone, ms)).toISOString()}`
          );
        }
      }
    }
  }
);

test('the instants just before and at local midnight belong to their own days', () => {
  for (const timeZone of ZONES) {
    const at = new Date(Date.UTC(2026, 5, 15, 12));
    const next = nextLocalMidnight(timeZone, at).getTime();
    expect(localDay(timeZone, new Date(next - 1))).toBe(oracleDay(timeZone, next - 1));
    expect(localDay(timeZone, new Date(next))).toBe(oracleDay(timeZone, next));
    expect(localDay(timeZone, new Date(next))).not.toBe(localDay(timeZone, new Date(next - 1)));
  }
});
