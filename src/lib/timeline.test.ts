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
