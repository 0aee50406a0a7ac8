/**
 * Every event of every dossier, newest first, cut into years, computed once per
 * build: /evenements/ shows the latest years, each year has its own page.
 */
import { compareDated } from '../lib/dates.ts';
import { adjacentMonths, firstPageMonths, type MonthSummary } from '../lib/timeline-pages.ts';
import type { EventEntry, SiteData } from './site.ts';

/** Events /evenements/ shows at least, in whole years. */
export const FIRST_PAGE_EVENTS = 100;

export interface EventYears {
  /** Years holding events, oldest first, with their counts. */
  years: { year: string; count: number }[];
  /** A year's events, newest first. */
  eventsOf: (year: string) => EventEntry[];
  /** The years /evenements/ shows, newest first. */
  recent: string[];
  adjacent: (year: string) => { previous?: string | undefined; next?: string | undefined };
}

const cache = new WeakMap<SiteData, EventYears>();

export function eventYears(data: SiteData): EventYears {
  const known = cache.get(data);
  if (known) return known;
  const byYear = new Map<string, EventEntry[]>();
  const newest = [...data.events].sort((a, b) => compareDated({ date: a.data.date, precision: a.data.precision }, { date: b.data.date, precision: b.data.precision }, 'newest'));
  for (const e of newest) {
    const year = e.data.date.slice(0, 4);
    (byYear.get(year) ?? byYear.set(year, []).get(year)!).push(e);
  }
  const years = [...byYear.keys()].sort().map((year) => ({ year, count: byYear.get(year)!.length }));
  // The month-paging helpers work on any sortable key: here a year « AAAA ».
  const summaries: MonthSummary[] = years.map((y) => ({ month: y.year, rows: y.count, folded: 0 }));
  const result = {
    years,
    eventsOf: (year: string) => byYear.get(year) ?? [],
    recent: firstPageMonths(summaries, 'newest', FIRST_PAGE_EVENTS),
    adjacent: (year: string) => adjacentMonths(summaries, year),
  };
  cache.set(data, result);
  return result;
}
