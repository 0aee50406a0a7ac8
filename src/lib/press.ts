/**
 * The press review: articles grouped by the event they report, then by story
 * (copies of one dispatch), newest group first; cut into months of publication
 * so that each page stays small however many articles the record holds.
 */
import { compareDated, type DatePrecision } from './dates.ts';
import { monthOf, type MonthSummary } from './timeline-pages.ts';

export interface PressItem<T> {
  slug: string;
  /** Publication date (stored Paris date). */
  date: string;
  /** How much of `date` is known (`day` when absent): a month-only date sorts after that month's days. */
  precision?: DatePrecision | undefined;
  event?: string | undefined;
  story?: string | undefined;
  entry: T;
}

export interface PressGroup<T> {
  id: string;
  event?: string | undefined;
  /** Each story: its articles, first published first. */
  stories: { id: string; items: PressItem<T>[] }[];
  /** The group's latest article (by `compareDated`). */
  latest: PressItem<T>;
}

export function groupCoverage<T>(items: readonly PressItem<T>[]): PressGroup<T>[] {
  const groups = new Map<string, PressGroup<T>>();
  for (const item of [...items].sort((a, b) => compareDated(a, b))) {
    const id = item.event ?? 'sans-evenement';
    const group = groups.get(id) ?? groups.set(id, { id, event: item.event, stories: [], latest: item }).get(id)!;
    const storyId = item.story ?? item.slug;
    const story = group.stories.find((s) => s.id === storyId) ?? (group.stories.push({ id: storyId, items: [] }), group.stories.at(-1)!);
    story.items.push(item);
    if (compareDated(item, group.latest) > 0) group.latest = item;
  }
  // Unassigned articles last: they wait for an editor.
  return [...groups.values()].sort((a, b) => (a.event ? 0 : 1) - (b.event ? 0 : 1) || compareDated(b.latest, a.latest));
}

export interface PressMonth<T> {
  /** « AAAA-MM » of publication (the stored placement date when the date is unknown). */
  month: string;
  groups: PressGroup<T>[];
  count: number;
}

/** The articles of each month, grouped, oldest month first; `months` in the shape the archive navigation reads. */
export function pressByMonth<T>(items: readonly PressItem<T>[]): { pages: PressMonth<T>[]; months: MonthSummary[] } {
  const byMonth = new Map<string, PressItem<T>[]>();
  for (const item of items) {
    const month = monthOf(item.date);
    (byMonth.get(month) ?? byMonth.set(month, []).get(month)!).push(item);
  }
  const pages = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => ({ month, groups: groupCoverage(list), count: list.length }));
  return { pages, months: pages.map((p) => ({ month: p.month, rows: p.count, folded: 0 })) };
}

/** What the site needs to know of an article's review state. */
export interface ReviewState {
  origin: 'ingest' | 'editor';
  provenance: { reviewed: boolean };
}

/**
 * Whether an article counts as checked: written by an editor, or written by
 * ingestion and accepted by one (`npm run review`). Until then it appears only
 * in the press review, marked « ajouté automatiquement, non relu », and never
 * as a source of an event, on the timeline, in the feeds or in search.
 */
export const isReviewed = (d: ReviewState) => d.origin === 'editor' || d.provenance.reviewed;

/** Splits articles into those checked and those waiting for review. */
export function splitByReview<T extends { data: ReviewState }>(entries: readonly T[]): { reviewed: T[]; unreviewed: T[] } {
  const reviewed: T[] = [];
  const unreviewed: T[] = [];
  for (const e of entries) (isReviewed(e.data) ? reviewed : unreviewed).push(e);
  return { reviewed, unreviewed };
}
