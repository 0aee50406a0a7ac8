/** Orders dated items and groups them by Paris month and day for the timeline. */
import { toParisDate } from './dates.ts';

export interface Dated {
  /** Stored Paris date, « AAAA-MM-JJ » or « AAAA-MM-JJTHH:MM ». */
  date: string;
}

export type Order = 'newest' | 'oldest';

export interface DayGroup<T> {
  /** « AAAA-MM-JJ » */
  day: string;
  items: T[];
}

export interface MonthGroup<T> {
  /** « AAAA-MM » */
  month: string;
  days: DayGroup<T>[];
}

/** Sorts by instant; items of equal instant keep a stable order (untimed before timed on the same day). */
export function sortByDate<T extends Dated>(items: readonly T[], order: Order = 'newest'): T[] {
  const key = (d: Dated) => toParisDate(d.date).instant.getTime();
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return order === 'newest' ? sorted.reverse() : sorted;
}

/** Groups already-sorted items by month, then by day, keeping their order. */
export function groupByMonthAndDay<T extends Dated>(items: readonly T[], order: Order = 'newest'): MonthGroup<T>[] {
  const months: MonthGroup<T>[] = [];
  for (const item of sortByDate(items, order)) {
    const day = toParisDate(item.date).day;
    const month = day.slice(0, 7);
    let m = months.at(-1);
    if (!m || m.month !== month) months.push((m = { month, days: [] }));
    let d = m.days.at(-1);
    if (!d || d.day !== day) m.days.push((d = { day, items: [] }));
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
