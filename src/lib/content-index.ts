/**
 * Lookups over the whole record, built in one pass per build: the events of a
 * dossier, an event's neighbours and articles, an organisation's timeline, the
 * relations pointing at an organisation. Pages ask these instead of filtering
 * every collection on every page, which made the build quadratic in the size
 * of the record. Plain data in, plain data out (no astro:content), so it is
 * tested directly and `src/data/site.ts` builds it once.
 */
import { sortByDate } from './timeline.ts';
import type { DatePrecision } from './dates.ts';
import { relationViews, type OrgRelations, type RelationView } from './relations.ts';

export interface IndexedEvent {
  id: string;
  data: {
    dossier: string;
    related: readonly string[];
    date: string;
    /** How much of `date` is known; `day` when absent. */
    precision?: DatePrecision | undefined;
    kind: string;
    organizations: readonly string[];
    speaker?: { organization?: string | undefined } | undefined;
  };
}

export interface IndexedArticle {
  id: string;
  data: {
    dossier: string;
    publishedAt: string;
    /** How much of `publishedAt` is known; `day` when absent. */
    precision?: DatePrecision | undefined;
    organizations: readonly string[];
    event?: string | undefined;
    alsoEvents: readonly string[];
  };
}

/** One line of a timeline: an event or a press article, with the date it sorts by and how much of it is known. */
export type TimelineEntry<E, C> =
  | { type: 'event'; slug: string; date: string; precision: DatePrecision; entry: E }
  | { type: 'coverage'; slug: string; date: string; precision: DatePrecision; entry: C };

/** An event as a timeline line. */
export const eventEntry = <E extends IndexedEvent>(e: E) => ({ type: 'event' as const, slug: e.id, date: e.data.date, precision: e.data.precision ?? 'day', entry: e });
/** An article as a timeline line, dated at its publication, as precisely as known. */
export const articleEntry = <C extends IndexedArticle>(c: C) => ({ type: 'coverage' as const, slug: c.id, date: c.data.publishedAt, precision: c.data.precision ?? 'day', entry: c });

export interface ContentIndex<E, C> {
  /** Events whose own dossier is `dossier`, oldest first. */
  eventsOfDossier(dossier: string): readonly E[];
  /** The events just before and after `event` in its own dossier. */
  neighboursOf(event: string): { previous?: E | undefined; next?: E | undefined };
  /** Articles about `event` (as main or secondary event), oldest first. */
  coverageOfEvent(event: string): readonly C[];
  /** A dossier's timeline: its events, the events of other dossiers linked to it (`related`), its articles. */
  timelineOfDossier(dossier: string): readonly TimelineEntry<E, C>[];
  /** Dossiers holding events that link to `dossier`. */
  dossiersLinkingTo(dossier: string): readonly string[];
  /** Events naming the organisation (in `organizations`). */
  eventsNaming(org: string): readonly E[];
  /** Articles naming the organisation. */
  articlesNaming(org: string): readonly C[];
  /** An organisation's timeline: events naming it or where it speaks, articles naming it. */
  timelineOfOrganization(org: string): readonly TimelineEntry<E, C>[];
  /** Events of one kind, oldest first. */
  eventsOfKind(kind: string): readonly E[];
  /** Relations concerning the organisation, outgoing then incoming. */
  relationsOf(org: string): readonly RelationView[];
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Builds every lookup in one pass over each collection (plus one sort per list). */
export function buildContentIndex<E extends IndexedEvent, C extends IndexedArticle>(events: readonly E[], coverage: readonly C[], organizations: readonly OrgRelations[] = []): ContentIndex<E, C> {
  const chronoEvents = sortByDate(events.map((e) => ({ e, date: e.data.date, precision: e.data.precision })), 'oldest').map((x) => x.e);
  const chronoCoverage = sortByDate(coverage.map((c) => ({ c, date: c.data.publishedAt, precision: c.data.precision })), 'oldest').map((x) => x.c);

  const eventsByDossier = new Map<string, E[]>();
  const timelineByDossier = new Map<string, TimelineEntry<E, C>[]>();
  const linking = new Map<string, Set<string>>();
  const eventsByOrg = new Map<string, E[]>();
  const timelineByOrg = new Map<string, TimelineEntry<E, C>[]>();
  const eventsByKind = new Map<string, E[]>();
  for (const e of chronoEvents) {
    const item = eventEntry(e);
    push(eventsByDossier, e.data.dossier, e);
    push(eventsByKind, e.data.kind, e);
    for (const d of new Set([e.data.dossier, ...e.data.related])) push(timelineByDossier, d, item);
    for (const d of e.data.related) {
      if (d === e.data.dossier) continue;
      (linking.get(d) ?? linking.set(d, new Set()).get(d)!).add(e.data.dossier);
    }
    for (const o of new Set(e.data.organizations)) push(eventsByOrg, o, e);
    const speaker = e.data.speaker?.organization;
    for (const o of new Set([...e.data.organizations, ...(speaker ? [speaker] : [])])) push(timelineByOrg, o, item);
  }

  const coverageByEvent = new Map<string, C[]>();
  const articlesByOrg = new Map<string, C[]>();
  for (const c of chronoCoverage) {
    const item = articleEntry(c);
    push(timelineByDossier, c.data.dossier, item);
    for (const ev of new Set([c.data.event, ...c.data.alsoEvents])) if (ev) push(coverageByEvent, ev, c);
    for (const o of new Set(c.data.organizations)) {
      push(articlesByOrg, o, c);
      push(timelineByOrg, o, item);
    }
  }

  const neighbours = new Map<string, { previous?: E; next?: E }>();
  for (const list of eventsByDossier.values()) {
    list.forEach((e, i) => neighbours.set(e.id, { previous: list[i - 1], next: list[i + 1] }));
  }
  const relations = relationViews(organizations);
  const none: never[] = [];
  return {
    eventsOfDossier: (d) => eventsByDossier.get(d) ?? none,
    neighboursOf: (e) => neighbours.get(e) ?? {},
    coverageOfEvent: (e) => coverageByEvent.get(e) ?? none,
    timelineOfDossier: (d) => timelineByDossier.get(d) ?? none,
    dossiersLinkingTo: (d) => [...(linking.get(d) ?? [])],
    eventsNaming: (o) => eventsByOrg.get(o) ?? none,
    articlesNaming: (o) => articlesByOrg.get(o) ?? none,
    timelineOfOrganization: (o) => timelineByOrg.get(o) ?? none,
    eventsOfKind: (k) => eventsByKind.get(k) ?? none,
    relationsOf: (o) => relations.get(o) ?? none,
  };
}
