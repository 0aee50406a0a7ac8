/**
 * The site's view of the content: collections loaded once, with the lookups
 * pages need (organisation by slug, coverage by event...). Site-only code.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortByDate } from '../lib/timeline.ts';
import { splitByReview } from '../lib/press.ts';
import { articleEntry, buildContentIndex, eventEntry, type ContentIndex, type TimelineEntry } from '../lib/content-index.ts';

export type EventEntry = CollectionEntry<'events'>;
export type CoverageEntry = CollectionEntry<'coverage'>;
export type OrganizationEntry = CollectionEntry<'organizations'>;
export type PublisherEntry = CollectionEntry<'publishers'>;
export type DossierEntry = CollectionEntry<'dossiers'>;

/** One line of the timeline: an event or a press article. */
export type TimelineItem = TimelineEntry<EventEntry, CoverageEntry>;

export interface SiteData {
  dossiers: DossierEntry[];
  mainDossier: DossierEntry;
  events: EventEntry[];
  /** Articles an editor wrote or accepted: the only ones shown as sources, on timelines, in feeds and search. */
  coverage: CoverageEntry[];
  /** Articles ingestion wrote that no editor has reviewed yet: listed apart in the press review, marked. */
  unreviewedCoverage: CoverageEntry[];
  organizations: OrganizationEntry[];
  publishers: PublisherEntry[];
  organization: (slug: string) => OrganizationEntry;
  publisher: (slug: string) => PublisherEntry;
  event: (slug: string) => EventEntry;
  dossier: (slug: string) => DossierEntry;
  /** Articles about an event, oldest first. */
  coverageOfEvent: (slug: string) => readonly CoverageEntry[];
  /** Lookups over the whole record (by dossier, organisation, event, kind), built once per build. */
  index: ContentIndex<EventEntry, CoverageEntry>;
}

let cached: Promise<SiteData> | undefined;

const lookup = <T extends { id: string }>(list: T[], what: string) => {
  const map = new Map(list.map((x) => [x.id, x]));
  return (slug: string): T => {
    const found = map.get(slug);
    // The content checker runs before the build, so this only fires on a bug.
    if (!found) throw new Error(`${what} introuvable : « ${slug} »`);
    return found;
  };
};

async function load(): Promise<SiteData> {
  const [dossiers, events, allCoverage, organizations, publishers] = await Promise.all([
    getCollection('dossiers'),
    getCollection('events'),
    getCollection('coverage'),
    getCollection('organizations'),
    getCollection('publishers'),
  ]);
  const mainDossier = dossiers.find((d) => d.data.main) ?? dossiers[0];
  if (!mainDossier) throw new Error('aucun dossier dans content/dossiers/');
  organizations.sort((a, b) => a.data.name.localeCompare(b.data.name, 'fr'));
  // Unreviewed ingestion is kept out of every view but the press review's own section (CONTRIBUTING.md).
  const { reviewed: coverage, unreviewed } = splitByReview(allCoverage);
  const index = buildContentIndex(events, coverage, organizations.map((o) => ({ slug: o.id, relations: o.data.relations })));
  return {
    dossiers,
    mainDossier,
    events: sortByDate(events.map((e) => ({ ...e, date: e.data.date, precision: e.data.precision })), 'oldest'),
    coverage: sortByDate(coverage.map((c) => ({ ...c, date: c.data.publishedAt, precision: c.data.precision })), 'oldest'),
    unreviewedCoverage: sortByDate(unreviewed.map((c) => ({ ...c, date: c.data.publishedAt, precision: c.data.precision })), 'newest'),
    organizations,
    publishers,
    organization: lookup(organizations, 'organisation'),
    publisher: lookup(publishers, 'éditeur'),
    event: lookup(events, 'événement'),
    dossier: lookup(dossiers, 'dossier'),
    coverageOfEvent: index.coverageOfEvent,
    index,
  };
}

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

/** Timeline items of one dossier (all dossiers when omitted), with the entries of other dossiers that link to it. */
export function timelineItems(data: SiteData, dossier?: string): readonly TimelineItem[] {
  if (dossier) return data.index.timelineOfDossier(dossier);
  return [...data.events.map((e) => eventEntry(e)), ...data.coverage.map((c) => articleEntry(c))];
}

/** The most recent change in a dossier: an event's date or revision, or an article's publication. */
export function lastUpdate(data: SiteData, dossier: string): string {
  const dates = data.index.timelineOfDossier(dossier).flatMap((item) =>
    item.type === 'event' ? [item.entry.data.date, item.entry.data.updated ?? item.entry.data.date, ...item.entry.data.corrections.map((c) => c.date)] : [item.entry.data.publishedAt],
  );
  return dates.map((d) => d.slice(0, 10)).sort().at(-1) ?? data.dossier(dossier).data.period.start;
}
