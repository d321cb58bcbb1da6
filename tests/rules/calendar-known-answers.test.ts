/** Calendar arithmetic on local dates, and local days and midnights in real IANA zones (known answers). */
import {
  addDays,
  daysBetween,
  isValidTimezone,
  localDay,
  localDaySpan,
  nextLocalMidnight
} from '../../server/rules/calendar';

test('daysBetween counts whole days across months, leap days and years, in either direction', () => {
  expect(daysBetween('2026-06-01', '2026-06-01')).toBe(0);
  expect(daysBetween('2026-06-01', '2026-06-02')).toBe(1);
  expect(daysBetween('2026-06-02', '2026-06-01')).toBe(-1);
  expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
});

test('addDays moves a date by whole days', () => {
  expect(addDays('2026-06-01', 1)).toBe('2026-06-02');
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  expect(addDays('2026-06-01', 0)).toBe('2026-06-01');
  expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
});

test('isValidTimezone accepts IANA names and rejects others', () => {
  expect(['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires'].map(isValidTimezone)).toEqual([true, true, true]);
  expect(['Mars/Olympus', 'Nowhere', ''].map(isValidTimezone)).toEqual([false, false, false]);
});

test('localDay is the date on the wall clock of the zone', () => {
  expect(localDay('UTC', new Date('2026-06-01T23:59:59Z'))).toBe('2026-06-01');
  expect(localDay('Asia/Tokyo', new Date('2026-06-01T15:00:00Z'))).toBe('2026-06-02');
  expect(localDay('Asia/Tokyo', new Date('2026-06-01T14:59:59Z'))).toBe('2026-06-01');
  expect(localDay('America/Los_Angeles', new Date('2026-01-01T07:59:00Z'))).toBe('2025-12-31');
  expect(localDay('Pacific/Kiritimati', new Date('2026-06-01T10:00:00Z'))).toBe('2026-06-02'); // UTC+14
});

test('nextLocalMidnight is when the next local day begins, on DST days too', () => {
  expect(nextLocalMidnight('UTC', new Date('2026-06-01T12:00:00Z')).toISOString()).toBe('2026-06-02T00:00:00.000Z');
  expect(nextLocalMidnight('Asia/Tokyo', new Date('2026-06-01T16:00:00Z')).toISOString()).toBe(
    '2026-06-02T15:00:00.000Z'
  );
  // New York springs forward on 2026-03-08 (a 23-hour day) and falls back on 2026-11-01 (25 hours).
  expect(nextLocalMidnight('America/New_York', new Date('2026-03-08T12:00:00Z')).toISOString()).toBe(
    '2026-03-09T04:00:00.000Z'
  );
  expect(nextLocalMidnight('America/New_York', new Date('2026-11-01T12:00:00Z')).toISOString()).toBe(
    '2026-11-02T05:00:00.000Z'
  );
  // Santiago's clocks go from 24:00 to 01:00 on 2026-09-06: that day begins at 01:00 local (04:00Z).
  expect(nextLocalMidnight('America/Santiago', new Date('2026-09-05T12:00:00Z')).toISOString()).toBe(
    '2026-09-06T04:00:00.000Z'
  );
  expect(localDay('America/Santiago', new Date('2026-09-06T04:00:00Z'))).toBe('2026-09-06');
  expect(localDay('America/Santiago', new Date('2026-09-06T03:59:59Z'))).toBe('2026-09-05');
});

test('localDaySpan is the whole local day as an interval of instants; the instant after it is the next day', () => {
  const ms = (iso: string) => new Date(iso).getTime();
  const noon = localDaySpan('Asia/Tokyo', new Date('2026-06-01T03:00:00Z'));
  expect(noon).toEqual({
    day: '2026-06-01',
    fromMs: ms('2026-05-31T15:00:00Z'),
    untilMs: ms('2026-06-01T15:00:00Z'),
    nextDayMs: ms('2026-06-01T15:00:00Z')
  });
  // At the span's end exactly (the remembered span must not answer for it).
  expect(localDaySpan('Asia/Tokyo', new Date('2026-06-01T15:00:00Z')).day).toBe('2026-06-02');
  expect(localDaySpan('Asia/Tokyo', new Date('2026-05-31T14:59:59.999Z')).day).toBe('2026-05-31');
  // A 23-hour day in New York.
  expect(localDaySpan('America/New_York', new Date('2026-03-08T12:00:00Z'))).toMatchObject({
    fromMs: ms('2026-03-08T05:00:00Z'),
    untilMs: ms('2026-03-09T04:00:00Z')
  });
});

test('before a day whose midnight does not exist, the last quarter hour is answered instant by instant', () => {
  const ms = (iso: string) => new Date(iso).getTime();
  // Santiago, 2026-09-05: the next day begins at 01:00 local (04:00Z), found in 15-minute steps,
  // so the remembered span stops a step short and the instants after it are computed each time.
  const span = localDaySpan('America/Santiago', new Date('2026-09-05T12:00:00Z'));
  expect(span).toEqual({
    day: '2026-09-05',
    fromMs: ms('2026-09-05T04:00:00Z'),
    untilMs: ms('2026-09-06T03:45:00Z'),
    nextDayMs: ms('2026-09-06T04:00:00Z')
  });
  const odd = localDaySpan('America/Santiago', new Date('2026-09-06T03:50:00Z'));
  expect(odd).toEqual({
    day: '2026-09-05',
    fromMs: ms('2026-09-06T03:50:00Z'),
    untilMs: ms('2026-09-06T03:50:00Z') + 1,
    nextDayMs: ms('2026-09-06T04:00:00Z')
  });
  expect(localDaySpan('America/Santiago', new Date('2026-09-06T04:00:00Z')).day).toBe('2026-09-06');
});
