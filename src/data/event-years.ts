/**
 * Lists of events cut into years, computed once per list per build: a first
 * page shows the latest years, each year has its own page. Used by /evenements/
 * (every event) and /types/<kind>/ (the events of a kind).
 */
import { compareDated } from '../lib/dates.ts';
import { adjacentMonths, firstPageMonths, type MonthSummary } from '../lib/timeline-pages.ts';
import type { EventEntry, SiteData } from './site.ts';

/** Events a first page shows at least, in whole years. */
export const FIRST_PAGE_EVENTS = 100;

export interface EventYears {
  /** Years holding events, oldest first, with their counts. */
  years: { year: string; count: number }[];
  /** A year's events, newest first. */
  eventsOf: (year: string) => EventEntry[];
  /** The years a first page shows, newest first. */
  recent: string[];
  adjacent: (year: string) => { previous?: string | undefined; next?: string | undefined };
}

const cache = new WeakMap<SiteData, Map<string, EventYears>>();

/** `list` names the events (`all`, or `kind:<kind>`), so each list is cut once. */
export function eventYears(data: SiteData, list = 'all'): EventYears {
  const perData = cache.get(data) ?? cache.set(data, new Map()).get(data)!;
  const known = perData.get(list);
  if (known) return known;
  const events = list === 'all' ? data.events : data.index.eventsOfKind(list.replace(/^kind:/, ''));
  const byYear = new Map<string, EventEntry[]>();
  const newest = [...events].sort((a, b) => compareDated({ date: a.data.date, precision: a.data.precision }, { date: b.data.date, precision: b.data.precision }, 'newest'));
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
  perData.set(list, result);
  return result;
}
