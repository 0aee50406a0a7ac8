import { describe, expect, it } from 'vitest';
import { adjacentMonths, firstPageMonths, foldArticles, monthsByYear, monthsOf } from './timeline-pages.ts';

type Item = { type: 'event' | 'coverage'; slug: string; date: string; about?: string[] };
const ev = (slug: string, date: string): Item => ({ type: 'event', slug, date });
const art = (slug: string, date: string, ...about: string[]): Item => ({ type: 'coverage', slug, date, about });
const fold = (items: Item[]) => foldArticles(items, (a) => a.about ?? []);

describe('foldArticles', () => {
  it('folds an article under its event, even published in another month, and keeps a lone article on its own line', () => {
    const rows = fold([ev('e1', '2024-02-07'), ev('e2', '2024-03-01'), art('a1', '2024-02-08', 'e1'), art('a2', '2025-01-10', 'e1'), art('a3', '2024-02-09')]);
    expect(rows.map((r) => [r.item.slug, r.folded.map((f) => f.slug)])).toEqual([
      ['e1', ['a1', 'a2']],
      ['e2', []],
      ['a3', []],
    ]);
  });

  it('falls back to the next event the article names when the first is not on this timeline', () => {
    const rows = fold([ev('e2', '2024-03-01'), art('a1', '2024-03-02', 'absent', 'e2'), art('a2', '2024-03-03', 'absent')]);
    expect(rows.map((r) => [r.item.slug, r.folded.map((f) => f.slug)])).toEqual([
      ['e2', ['a1']],
      ['a2', []],
    ]);
  });
});

describe('months', () => {
  const rows = fold([ev('e1', '2024-01-31T23:30:00Z'), ev('e2', '2024-02-10'), ev('e3', '2024-05-01'), art('a1', '2024-02-11', 'e2'), art('a2', '2025-03-01'), ev('e4', '2025-03-02')]);
  const months = monthsOf(rows);

  it('counts lines and folded articles per Paris month, oldest first', () => {
    expect(months).toEqual([
      { month: '2024-02', rows: 2, folded: 1 },
      { month: '2024-05', rows: 1, folded: 0 },
      { month: '2025-03', rows: 2, folded: 0 },
    ]);
  });

  it('fills a first page with whole months from the chosen end until enough lines', () => {
    expect(firstPageMonths(months, 'newest', 1)).toEqual(['2025-03']);
    expect(firstPageMonths(months, 'newest', 3)).toEqual(['2025-03', '2024-05']);
    expect(firstPageMonths(months, 'oldest', 3)).toEqual(['2024-02', '2024-05']);
    expect(firstPageMonths(months, 'newest', 100)).toEqual(['2025-03', '2024-05', '2024-02']);
    expect(firstPageMonths([], 'newest', 5)).toEqual([]);
  });

  it('links a month to the months with lines around it, skipping empty ones', () => {
    expect(adjacentMonths(months, '2024-05')).toEqual({ previous: '2024-02', next: '2025-03' });
    expect(adjacentMonths(months, '2024-02')).toEqual({ previous: undefined, next: '2024-05' });
    expect(adjacentMonths(months, '2023-01')).toEqual({});
  });

  it('groups months by year for the archive', () => {
    expect(monthsByYear(months).map((y) => [y.year, y.months.map((m) => m.month)])).toEqual([
      ['2024', ['2024-02', '2024-05']],
      ['2025', ['2025-03']],
    ]);
  });
});
