import { describe, expect, it } from 'vitest';
import { groupCoverage, isReviewed, pressByMonth, splitByReview } from './press.ts';

const item = (slug: string, date: string, event?: string, story?: string) => ({ slug, date, event, story, entry: slug });

describe('groupCoverage', () => {
  it('groups by event, gathers copies of one story, newest group first, unassigned last', () => {
    const groups = groupCoverage([
      item('afp-site-b', '2024-02-08', 'cnil', 'afp-1'),
      item('afp-site-a', '2024-02-07', 'cnil', 'afp-1'),
      item('own-story', '2024-02-09', 'cnil'),
      item('early', '2024-02-01', 'viamedis'),
      item('loose', '2024-03-01'),
    ]);
    expect(groups.map((g) => g.id)).toEqual(['cnil', 'viamedis', 'sans-evenement']);
    expect(groups[0]!.stories.map((s) => s.items.map((i) => i.slug))).toEqual([['afp-site-a', 'afp-site-b'], ['own-story']]);
    expect(groups[0]!.latest.slug).toBe('own-story');
  });
});

describe('pressByMonth', () => {
  it('puts each article in its month of publication, oldest month first, grouped by event within the month', () => {
    const { pages, months } = pressByMonth([
      item('march', '2024-03-02', 'cnil'),
      item('feb-late', '2024-02-29T23:30', 'cnil'),
      item('feb-other', '2024-02-10', 'viamedis'),
      item('jan-utc', '2024-01-31T23:30:00Z', 'viamedis'),
    ]);
    // 23:30 UTC on 31 January is already 1 February in Paris.
    expect(pages.map((p) => [p.month, p.count])).toEqual([['2024-02', 3], ['2024-03', 1]]);
    expect(pages[0]!.groups.map((g) => [g.id, g.stories.flatMap((s) => s.items.map((i) => i.slug))])).toEqual([
      ['cnil', ['feb-late']],
      ['viamedis', ['jan-utc', 'feb-other']],
    ]);
    expect(months).toEqual([{ month: '2024-02', rows: 3, folded: 0 }, { month: '2024-03', rows: 1, folded: 0 }]);
  });

  it('has no page for an empty record', () => {
    expect(pressByMonth([])).toEqual({ pages: [], months: [] });
  });
});

describe('review state', () => {
  const entry = (id: string, origin: 'ingest' | 'editor', reviewed: boolean) => ({ id, data: { origin, provenance: { reviewed } } });

  it('counts an editor’s entry and an accepted one as checked, an ingested one not yet reviewed as not', () => {
    expect(isReviewed(entry('a', 'editor', false).data)).toBe(true);
    expect(isReviewed(entry('b', 'ingest', true).data)).toBe(true);
    expect(isReviewed(entry('c', 'ingest', false).data)).toBe(false);
    const { reviewed, unreviewed } = splitByReview([entry('a', 'editor', false), entry('c', 'ingest', false), entry('b', 'ingest', true)]);
    expect(reviewed.map((e) => e.id)).toEqual(['a', 'b']);
    expect(unreviewed.map((e) => e.id)).toEqual(['c']);
  });
});
