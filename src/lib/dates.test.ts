/** Dates are read in Europe/Paris and written the French way, whatever the machine's time zone. */
import { describe, expect, it } from 'vitest';
import { compareDated, datetimeAttribute, formatFrenchDate, formatFrenchMonth, knownPart, normalizeDateInput, parseParisDate, toParisDate, unknownDayNote } from './dates.ts';

const NBSP = '\u00a0';

describe('parseParisDate', () => {
  it('reads a day as Paris midnight (UTC+1 in winter, UTC+2 in summer)', () => {
    expect(parseParisDate('2024-02-07')).toEqual({ day: '2024-02-07', instant: new Date('2024-02-06T23:00:00Z') });
    expect(parseParisDate('2024-07-14')).toEqual({ day: '2024-07-14', instant: new Date('2024-07-13T22:00:00Z') });
  });

  it('reads a time without offset as Paris wall time', () => {
    expect(parseParisDate('2024-02-07T14:30')).toEqual({ day: '2024-02-07', time: '14:30', instant: new Date('2024-02-07T13:30:00Z') });
    expect(parseParisDate('2024-07-14T14:30')!.instant).toEqual(new Date('2024-07-14T12:30:00Z'));
    expect(parseParisDate('2024-02-07 09:05:59')!.time).toBe('09:05');
  });

  it('moves a UTC time late in the evening to the next Paris day', () => {
    expect(parseParisDate('2024-02-07T23:30:00Z')).toMatchObject({ day: '2024-02-08', time: '00:30' });
    expect(parseParisDate('2024-06-30T22:15Z')).toMatchObject({ day: '2024-07-01', time: '00:15' });
    expect(parseParisDate('2024-06-30T21:59Z')).toMatchObject({ day: '2024-06-30', time: '23:59' });
  });

  it('honours any explicit offset', () => {
    expect(parseParisDate('2024-02-07T08:00:00-05:00')).toMatchObject({ day: '2024-02-07', time: '14:00' });
    expect(parseParisDate('2024-02-07T08:00:00+0100')).toMatchObject({ day: '2024-02-07', time: '08:00' });
  });

  it('handles the daylight-saving changes (last Sundays of March and October)', () => {
    expect(parseParisDate('2024-03-31T00:59:00Z')).toMatchObject({ day: '2024-03-31', time: '01:59' });
    expect(parseParisDate('2024-03-31T01:00:00Z')).toMatchObject({ day: '2024-03-31', time: '03:00' });
    expect(parseParisDate('2024-10-27T12:00')!.instant).toEqual(new Date('2024-10-27T11:00:00Z'));
  });

  it('rejects dates that are not in the calendar or not ISO', () => {
    for (const text of ['2024-02-31', '2023-02-29', '2024-13-01', '2024-00-10', '2024-02-07T24:00', '2024-02-07T12:60', '7 février', '7 février 2024', '07/02/2024', '2024-02', '2024', '', 'demain']) {
      expect(parseParisDate(text), text).toBeNull();
    }
    expect(parseParisDate('2024-02-29')).not.toBeNull();
  });
});

describe('normalizeDateInput', () => {
  it('keeps the stored form: the day, or the day and Paris time', () => {
    expect(normalizeDateInput('2024-02-07')).toBe('2024-02-07');
    expect(normalizeDateInput(' 2024-02-07T14:30:15 ')).toBe('2024-02-07T14:30');
    expect(normalizeDateInput('2024-02-07T13:30:00Z')).toBe('2024-02-07T14:30');
  });

  it('accepts what a YAML parser makes of an unquoted date', () => {
    expect(normalizeDateInput(new Date('2024-02-07T00:00:00Z'))).toBe('2024-02-07');
  });

  it('rejects anything else', () => {
    for (const value of [undefined, null, 20240207, '2024-02-31', new Date('nope'), {}]) expect(normalizeDateInput(value)).toBeNull();
  });
});

describe('formatFrenchDate', () => {
  it('writes « 1er » for the first of the month', () => {
    expect(formatFrenchDate('2024-02-01')).toBe('1er février 2024');
    expect(formatFrenchDate('2025-01-01')).toBe('1er janvier 2025');
  });

  it('writes other days as numbers without leading zero', () => {
    expect(formatFrenchDate('2024-02-05')).toBe('5 février 2024');
    expect(formatFrenchDate('2024-08-11')).toBe('11 août 2024');
    expect(formatFrenchDate('2024-12-31')).toBe('31 décembre 2024');
  });

  it('writes the month or the year alone for those precisions', () => {
    expect(formatFrenchDate('2024-02-07', 'month')).toBe('février 2024');
    expect(formatFrenchDate('2024-02-01', 'month')).toBe('février 2024');
    expect(formatFrenchDate('2024-02-07', 'year')).toBe('2024');
  });

  it('writes « date non relevée » for an unknown date, whatever is stored', () => {
    expect(formatFrenchDate('2024-02-07', 'unknown')).toBe('date non relevée');
  });

  it('adds the Paris time « à 14 h 30 » at minute precision', () => {
    expect(formatFrenchDate('2024-02-07T14:30', 'minute')).toBe(`7 février 2024 à 14${NBSP}h${NBSP}30`);
    expect(formatFrenchDate('2024-02-01T09:05', 'minute')).toBe(`1er février 2024 à 09${NBSP}h${NBSP}05`);
    expect(formatFrenchDate('2024-07-14T00:15', 'minute')).toBe(`14 juillet 2024 à 00${NBSP}h${NBSP}15`);
  });

  it('leaves out the time at day precision, and has none to give for a bare day', () => {
    expect(formatFrenchDate('2024-02-07T14:30')).toBe('7 février 2024');
    expect(formatFrenchDate('2024-02-07', 'minute')).toBe('7 février 2024');
  });
});

describe('formatFrenchMonth', () => {
  it('titles a month group', () => {
    expect(formatFrenchMonth('2024-02')).toBe('Février 2024');
    expect(formatFrenchMonth('2024-12')).toBe('Décembre 2024');
  });
});

describe('knownPart and unknownDayNote', () => {
  it('keep only what is known', () => {
    expect(knownPart('2024-02-07T10:00')).toBe('2024-02-07');
    expect(knownPart('2024-02-01', 'month')).toBe('2024-02');
    expect(knownPart('2024-01-01', 'year')).toBe('2024');
    expect(knownPart('2024-02-07', 'unknown')).toBe('');
  });

  it('say when the day is not known, and nothing when it is', () => {
    expect(unknownDayNote('2024-02-01', 'month')).toBe('Jour de publication non connu : février 2024.');
    expect(unknownDayNote('2024-01-01', 'year')).toBe('Jour de publication non connu : 2024.');
    expect(unknownDayNote('2024-02-07', 'unknown')).toBe('Date de publication non relevée.');
    expect(unknownDayNote('2024-02-07', 'day')).toBeUndefined();
    expect(unknownDayNote('2024-02-07T10:00', 'minute')).toBeUndefined();
  });
});

describe('compareDated', () => {
  it('puts a month-only date after every dated entry of its month, before the next month', () => {
    const month = { date: '2024-02-01', precision: 'month' as const };
    expect(compareDated(month, { date: '2024-02-29T23:59' })).toBeGreaterThan(0);
    expect(compareDated(month, { date: '2024-03-01' })).toBeLessThan(0);
    expect(compareDated(month, { date: '2024-02-29T23:59' }, 'newest')).toBeGreaterThan(0);
    expect(compareDated(month, { date: '2024-03-01' }, 'newest')).toBeGreaterThan(0);
  });
});

describe('datetimeAttribute', () => {
  it('gives only the known part for month and year precision', () => {
    expect(datetimeAttribute('2024-02-01', 'month')).toBe('2024-02');
    expect(datetimeAttribute('2024-01-01', 'year')).toBe('2024');
    expect(datetimeAttribute('2024-02-07T14:30', 'day')).toBe('2024-02-07');
  });

  it('gives the day alone for a date without time', () => {
    expect(datetimeAttribute('2024-02-07')).toBe('2024-02-07');
  });

  it('gives the Paris offset: +01:00 in winter, +02:00 in summer', () => {
    expect(datetimeAttribute('2024-02-07T14:30')).toBe('2024-02-07T14:30:00+01:00');
    expect(datetimeAttribute('2024-07-14T14:30')).toBe('2024-07-14T14:30:00+02:00');
    expect(datetimeAttribute('2024-10-27T12:00')).toBe('2024-10-27T12:00:00+01:00');
  });

  it('describes the same instant as the stored Paris time', () => {
    for (const stored of ['2024-02-07T14:30', '2024-07-14T23:45']) {
      expect(new Date(datetimeAttribute(stored)).getTime()).toBe(toParisDate(stored).instant.getTime());
    }
  });
});

describe('toParisDate', () => {
  it('throws on a value that skipped validation', () => {
    expect(() => toParisDate('7 février')).toThrow('date invalide : « 7 février »');
  });
});
