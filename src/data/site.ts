/**
 * The site's view of the content: collections loaded once, with the lookups
 * pages need (organisation by slug, coverage by event...). Site-only code.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortByDate } from '../lib/timeline.ts';

export type EventEntry = CollectionEntry<'events'>;
export type CoverageEntry = CollectionEntry<'coverage'>;
export type OrganizationEntry = CollectionEntry<'organizations'>;
export type PublisherEntry = CollectionEntry<'publishers'>;
export type DossierEntry = CollectionEntry<'dossiers'>;

/** One line of the timeline: an event or a press article. */
export type TimelineItem =
  | { type: 'event'; slug: string; date: string; entry: EventEntry }
  | { type: 'coverage'; slug: string; date: string; entry: CoverageEntry };

export interface SiteData {
  dossiers: DossierEntry[];
  mainDossier: DossierEntry;
  events: EventEntry[];
  coverage: CoverageEntry[];
  organizations: OrganizationEntry[];
  publishers: PublisherEntry[];
  organization: (slug: string) => OrganizationEntry;
  publisher: (slug: string) => PublisherEntry;
  event: (slug: string) => EventEntry;
  dossier: (slug: string) => DossierEntry;
  coverageOfEvent: (slug: string) => CoverageEntry[];
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
  const [dossiers, events, coverage, organizations, publishers] = await Promise.all([
    getCollection('dossiers'),
    getCollection('events'),
    getCollection('coverage'),
    getCollection('organizations'),
    getCollection('publishers'),
  ]);
  const mainDossier = dossiers.find((d) => d.data.main) ?? dossiers[0];
  if (!mainDossier) throw new Error('aucun dossier dans content/dossiers/');
  const byEvent = new Map<string, CoverageEntry[]>();
  for (const c of coverage) {
    for (const slug of new Set([c.data.event, ...c.data.alsoEvents].filter((s): s is string => !!s))) {
      (byEvent.get(slug) ?? byEvent.set(slug, []).get(slug)!).push(c);
    }
  }
  organizations.sort((a, b) => a.data.name.localeCompare(b.data.name, 'fr'));
  return {
    dossiers,
    mainDossier,
    events: sortByDate(events.map((e) => ({ ...e, date: e.data.date })), 'oldest'),
    coverage: sortByDate(coverage.map((c) => ({ ...c, date: c.data.publishedAt })), 'oldest'),
    organizations,
    publishers,
    organization: lookup(organizations, 'organisation'),
    publisher: lookup(publishers, 'éditeur'),
    event: lookup(events, 'événement'),
    dossier: lookup(dossiers, 'dossier'),
    coverageOfEvent: (slug) => sortByDate((byEvent.get(slug) ?? []).map((c) => ({ ...c, date: c.data.publishedAt })), 'oldest'),
  };
}

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

/** Timeline items of one dossier (all dossiers when omitted), with the entries of other dossiers that link to it. */
export function timelineItems(data: SiteData, dossier?: string): TimelineItem[] {
  const events = data.events.filter((e) => !dossier || e.data.dossier === dossier || e.data.related.includes(dossier));
  const coverage = data.coverage.filter((c) => !dossier || c.data.dossier === dossier);
  return [
    ...events.map((entry) => ({ type: 'event' as const, slug: entry.id, date: entry.data.date, entry })),
    ...coverage.map((entry) => ({ type: 'coverage' as const, slug: entry.id, date: entry.data.publishedAt, entry })),
  ];
}

/** The most recent change in a dossier: an event's date or revision, or an article's publication. */
export function lastUpdate(data: SiteData, dossier: string): string {
  const dates = [
    ...data.events.filter((e) => e.data.dossier === dossier || e.data.related.includes(dossier)).flatMap((e) => [e.data.date, e.data.updated ?? e.data.date, ...e.data.corrections.map((c) => c.date)]),
    ...data.coverage.filter((c) => c.data.dossier === dossier).map((c) => c.data.publishedAt),
  ];
  return dates.map((d) => d.slice(0, 10)).sort().at(-1) ?? data.dossier(dossier).data.period.start;
}
