/**
 * A timeline that reads as events and pages by month: articles about an event
 * are folded under it, and the lines are cut into calendar months, so the
 * first page carries the most recent months and each month has its own page.
 */
import { toParisDate, type DatePrecision } from './dates.ts';
import type { Dated } from './timeline.ts';

/** One line of the timeline: an event with the articles folded under it, or an article on its own. */
export interface TimelineRow<T> {
  /** Date the line sorts by: the event's, or the lone article's. */
  date: string;
  /** How much of `date` is known (a month-only line sorts after the days of its month). */
  precision?: DatePrecision | undefined;
  item: T;
  /** Articles about this event (oldest first); empty for an article line. */
  folded: T[];
}

export interface Foldable extends Dated {
  type: 'event' | 'coverage';
  slug: string;
}

/**
 * Folds each article under the first of its events (`eventsOf`, in order of
 * preference) that is on this timeline; an article whose events are absent
 * stays on its own line. Article order is kept (pass them oldest first).
 */
export function foldArticles<T extends Foldable>(items: readonly T[], eventsOf: (article: T) => readonly (string | undefined)[]): TimelineRow<T>[] {
  const rows: TimelineRow<T>[] = [];
  const byEvent = new Map<string, TimelineRow<T>>();
  for (const item of items) {
    if (item.type !== 'event') continue;
    const row = { date: item.date, precision: item.precision, item, folded: [] };
    byEvent.set(item.slug, row);
    rows.push(row);
  }
  for (const item of items) {
    if (item.type === 'event') continue;
    const host = eventsOf(item).find((slug) => slug && byEvent.has(slug));
    if (host) byEvent.get(host)!.folded.push(item);
    else rows.push({ date: item.date, precision: item.precision, item, folded: [] });
  }
  return rows;
}

/** « AAAA-MM » month of a stored Paris date. */
export const monthOf = (date: string) => toParisDate(date).day.slice(0, 7);

export interface MonthSummary {
  /** « AAAA-MM » */
  month: string;
  /** Lines (events and lone articles) in the month. */
  rows: number;
  /** Articles folded under the month's events. */
  folded: number;
}

/** The months that hold lines, oldest first, with their counts. */
export function monthsOf<T>(rows: readonly TimelineRow<T>[]): MonthSummary[] {
  const months = new Map<string, MonthSummary>();
  for (const row of rows) {
    const month = monthOf(row.date);
    const m = months.get(month) ?? months.set(month, { month, rows: 0, folded: 0 }).get(month)!;
    m.rows++;
    m.folded += row.folded.length;
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * The months a first page shows: whole months taken from one end (the most
 * recent for « newest », the earliest for « oldest ») until they hold at
 * least `minRows` lines; always at least one month when there is any.
 */
export function firstPageMonths(months: readonly MonthSummary[], order: 'newest' | 'oldest', minRows: number): string[] {
  const from = order === 'newest' ? [...months].reverse() : months;
  const chosen: string[] = [];
  let rows = 0;
  for (const m of from) {
    if (chosen.length > 0 && rows >= minRows) break;
    chosen.push(m.month);
    rows += m.rows;
  }
  return chosen;
}

/** The months before and after `month` among those that hold lines. */
export function adjacentMonths(months: readonly MonthSummary[], month: string): { previous?: string | undefined; next?: string | undefined } {
  const i = months.findIndex((m) => m.month === month);
  if (i < 0) return {};
  return { previous: months[i - 1]?.month, next: months[i + 1]?.month };
}

/** Months grouped by year (oldest first), for the archive navigation. */
export function monthsByYear(months: readonly MonthSummary[]): { year: string; months: MonthSummary[] }[] {
  const years: { year: string; months: MonthSummary[] }[] = [];
  for (const m of months) {
    const year = m.month.slice(0, 4);
    const last = years.at(-1);
    if (last?.year === year) last.months.push(m);
    else years.push({ year, months: [m] });
  }
  return years;
}
