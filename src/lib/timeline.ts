/**
 * Orders dated items and groups them by Paris month and day for the timeline.
 * A date is never shown more precise than it is: items known only to the month
 * form a « day unknown » group after that month's days, items known only to the
 * year a group after that year's months.
 */
import { compareDated, toParisDate, type DatePrecision } from './dates.ts';

export interface Dated {
  /** Stored Paris date, « AAAA-MM-JJ » or « AAAA-MM-JJTHH:MM ». */
  date: string;
  /** How much of `date` is known; `day` when absent. */
  precision?: DatePrecision | undefined;
}

export type Order = 'newest' | 'oldest';

export interface DayGroup<T> {
  /** « AAAA-MM-JJ », or « AAAA-MM » / « AAAA » for the group of items whose day is not known. */
  day: string;
  /** False for the group of items known only to the month (or year). */
  dayKnown: boolean;
  items: T[];
}

export interface MonthGroup<T> {
  /** « AAAA-MM », or « AAAA » for items known only to the year. */
  month: string;
  days: DayGroup<T>[];
}

/**
 * Sorts by date (see `compareDated`: less precise dates after the precise ones
 * of their month or year); items of equal date keep a stable order, reversed
 * for newest first (untimed before timed on the same day in oldest order).
 */
export function sortByDate<T extends Dated>(items: readonly T[], order: Order = 'newest'): T[] {
  const indexed = items.map((item, i) => ({ item, i }));
  const dir = order === 'oldest' ? 1 : -1;
  indexed.sort((a, b) => compareDated(a.item, b.item, order) || dir * (a.i - b.i));
  return indexed.map((x) => x.item);
}

/** Month and day keys of an item: its day when known, else its month, else its year. */
function keysOf(item: Dated): { month: string; day: string; dayKnown: boolean } {
  const day = toParisDate(item.date).day;
  if (item.precision === 'year') return { month: day.slice(0, 4), day: day.slice(0, 4), dayKnown: false };
  if (item.precision === 'month') return { month: day.slice(0, 7), day: day.slice(0, 7), dayKnown: false };
  return { month: day.slice(0, 7), day, dayKnown: true };
}

/** Groups items by month, then by day, in the requested order. */
export function groupByMonthAndDay<T extends Dated>(items: readonly T[], order: Order = 'newest'): MonthGroup<T>[] {
  const months: MonthGroup<T>[] = [];
  for (const item of sortByDate(items, order)) {
    const { month, day, dayKnown } = keysOf(item);
    let m = months.at(-1);
    if (!m || m.month !== month) months.push((m = { month, days: [] }));
    let d = m.days.at(-1);
    if (!d || d.day !== day) m.days.push((d = { day, dayKnown, items: [] }));
    d.items.push(item);
  }
  return months;
}

/** The items just before and after `index` in chronological order. */
export function neighbours<T extends Dated & { slug: string }>(items: readonly T[], slug: string) {
  const chrono = sortByDate(items, 'oldest');
  const i = chrono.findIndex((x) => x.slug === slug);
  return { previous: i > 0 ? chrono[i - 1] : undefined, next: i >= 0 && i < chrono.length - 1 ? chrono[i + 1] : undefined };
}
