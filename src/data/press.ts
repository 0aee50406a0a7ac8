/**
 * The press review cut into months of publication, computed once per build:
 * the first page and every month page read from it.
 */
import { pressByMonth, type PressMonth } from '../lib/press.ts';
import { firstPageMonths } from '../lib/timeline-pages.ts';
import type { MonthSummary } from '../lib/timeline-pages.ts';
import type { CoverageEntry, SiteData } from './site.ts';

/** Articles the first page shows at least, in whole months, newest first. */
export const FIRST_PAGE_ARTICLES = 30;

export interface PressReview {
  /** Months holding articles, oldest first. */
  months: MonthSummary[];
  month: (month: string) => PressMonth<CoverageEntry> | undefined;
  /** The months of the first page, newest first. */
  recent: PressMonth<CoverageEntry>[];
}

const cache = new WeakMap<SiteData, PressReview>();

export function pressReview(data: SiteData): PressReview {
  const known = cache.get(data);
  if (known) return known;
  const { pages, months } = pressByMonth(
    data.coverage.map((c) => ({ slug: c.id, date: c.data.publishedAt, precision: c.data.precision, event: c.data.event, story: c.data.story, entry: c })),
  );
  const byMonth = new Map(pages.map((p) => [p.month, p]));
  const review = {
    months,
    month: (month: string) => byMonth.get(month),
    recent: firstPageMonths(months, 'newest', FIRST_PAGE_ARTICLES).map((m) => byMonth.get(m)!),
  };
  cache.set(data, review);
  return review;
}
