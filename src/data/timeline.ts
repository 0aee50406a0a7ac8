/**
 * A dossier's timeline cut into months, computed once per dossier per build:
 * the first pages and every month page read from it instead of folding the
 * whole dossier again.
 */
import { foldArticles, monthOf, monthsOf, type MonthSummary, type TimelineRow } from '../lib/timeline-pages.ts';
import { paths } from '../lib/paths.ts';
import type { Order } from '../lib/timeline.ts';
import type { DossierEntry, SiteData, TimelineItem } from './site.ts';

/** Lines (events and lone articles) a first page shows at least, in whole months. */
export const FIRST_PAGE_ROWS = 15;

/** The events an article is about, main one first: where it folds. */
export const eventsOfArticle = (item: TimelineItem): readonly (string | undefined)[] =>
  item.type === 'coverage' ? [item.entry.data.event, ...item.entry.data.alsoEvents] : [];

export interface DossierTimeline {
  rows: TimelineRow<TimelineItem>[];
  /** Months holding lines, oldest first. */
  months: MonthSummary[];
  rowsOfMonth: (month: string) => TimelineRow<TimelineItem>[];
}

const cache = new WeakMap<SiteData, Map<string, DossierTimeline>>();

export function dossierTimeline(data: SiteData, dossier: string): DossierTimeline {
  const perData = cache.get(data) ?? cache.set(data, new Map()).get(data)!;
  const known = perData.get(dossier);
  if (known) return known;
  const rows = foldArticles(data.index.timelineOfDossier(dossier), eventsOfArticle);
  const byMonth = new Map<string, TimelineRow<TimelineItem>[]>();
  for (const row of rows) {
    const month = monthOf(row.date);
    (byMonth.get(month) ?? byMonth.set(month, []).get(month)!).push(row);
  }
  const timeline = { rows, months: monthsOf(rows), rowsOfMonth: (month: string) => byMonth.get(month) ?? [] };
  perData.set(dossier, timeline);
  return timeline;
}

/** Where a dossier's timeline lives: the main dossier's on the home page and /chronologie/. */
export const timelinePaths = (dossier: DossierEntry) => ({
  first: (order: Order) => (dossier.data.main ? (order === 'newest' ? paths.home() : paths.chronological()) : order === 'newest' ? paths.dossier(dossier.id) : paths.dossierOldest(dossier.id)),
  month: (month: string) => (dossier.data.main ? paths.timelineMonth(month) : paths.dossierMonth(dossier.id, month)),
});
