import { describe, expect, it } from 'vitest';
import { groupByMonthAndDay, neighbours, sortByDate } from './timeline.ts';

const items = [
  { slug: 'a', date: '2024-02-07' },
  { slug: 'b', date: '2024-01-29' },
  { slug: 'c', date: '2024-02-07T18:30' },
  { slug: 'd', date: '2024-02-01' },
  { slug: 'e', date: '2025-11-12' },
];

describe('sortByDate', () => {
  it('orders newest first by default and oldest first on request', () => {
    expect(sortByDate(items).map((i) => i.slug)).toEqual(['e', 'c', 'a', 'd', 'b']);
    expect(sortByDate(items, 'oldest').map((i) => i.slug)).toEqual(['b', 'd', 'a', 'c', 'e']);
  });
});

describe('groupByMonthAndDay', () => {
  it('groups by Paris month then day, in the requested order', () => {
    const months = groupByMonthAndDay(items, 'oldest');
    expect(months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2025-11']);
    expect(months[1]!.days.map((d) => [d.day, d.items.map((i) => i.slug)])).toEqual([
      ['2024-02-01', ['d']],
      ['2024-02-07', ['a', 'c']],
    ]);
    const newest = groupByMonthAndDay(items, 'newest');
    expect(newest[0]!.month).toBe('2025-11');
    expect(newest[1]!.days[0]!.items.map((i) => i.slug)).toEqual(['c', 'a']);
  });

  it('puts a late-evening UTC instant on the next Paris day and month', () => {
    const months = groupByMonthAndDay([{ date: '2024-01-31T23:30:00Z' }], 'oldest');
    expect(months[0]!.month).toBe('2024-02');
    expect(months[0]!.days[0]!.day).toBe('2024-02-01');
  });

  it('returns nothing for no items', () => {
    expect(groupByMonthAndDay([])).toEqual([]);
  });
});

describe('neighbours', () => {
  it('gives the previous and next items in chronological order', () => {
    expect(neighbours(items, 'a')).toEqual({ previous: items[3], next: items[2] });
    expect(neighbours(items, 'b').previous).toBeUndefined();
    expect(neighbours(items, 'e').next).toBeUndefined();
  });
});

describe('dates known only to the month or the year', () => {
  const mixed = [
    { slug: 'feb-7', date: '2024-02-07' },
    { slug: 'feb', date: '2024-02-01', precision: 'month' as const },
    { slug: 'feb-1', date: '2024-02-01' },
    { slug: 'feb-28', date: '2024-02-28T10:00' },
    { slug: 'mar-2', date: '2024-03-02' },
    { slug: 'year', date: '2024-01-01', precision: 'year' as const },
    { slug: 'dec', date: '2024-12-03' },
  ];

  it('sort after the dated entries of their month (or year), in both orders', () => {
    expect(sortByDate(mixed, 'oldest').map((i) => i.slug)).toEqual(['feb-1', 'feb-7', 'feb-28', 'feb', 'mar-2', 'dec', 'year']);
    expect(sortByDate(mixed, 'newest').map((i) => i.slug)).toEqual(['dec', 'mar-2', 'feb-28', 'feb-7', 'feb-1', 'feb', 'year']);
  });

  it('form a group of their own, never the 1st of the month', () => {
    const months = groupByMonthAndDay(mixed, 'oldest');
    expect(months.map((m) => m.month)).toEqual(['2024-02', '2024-03', '2024-12', '2024']);
    expect(months[0]!.days.map((d) => [d.day, d.dayKnown, d.items.map((i) => i.slug)])).toEqual([
      ['2024-02-01', true, ['feb-1']],
      ['2024-02-07', true, ['feb-7']],
      ['2024-02-28', true, ['feb-28']],
      ['2024-02', false, ['feb']],
    ]);
    expect(months.at(-1)!.days).toEqual([{ day: '2024', dayKnown: false, items: [mixed[5]] }]);
  });
});
