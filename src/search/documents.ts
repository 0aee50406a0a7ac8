/**
 * Search documents: the compact fields the browser shows for a result, and the
 * folded text it searches. Built at build time from the content collections
 * (or from `checkContent` entries in tests and benchmarks).
 */
import type { CoverageData, EventData, OrganizationData, PublisherData } from '../schemas/index.ts';
import { DATA_CATEGORIES, EVENT_KINDS, ORGANIZATION_KINDS, SPEAKER_ROLES, type DataCategory } from '../schemas/vocabulary.ts';
import { formatFrenchDate, knownPart } from '../lib/dates.ts';
import { articleDateLabel, articleLabel } from '../lib/articles.ts';
import { monthOf } from '../lib/timeline-pages.ts';
import { normalize } from './normalize.ts';
import type { DocType, IndexedText, SearchData, SearchDoc } from './model.ts';

export * from './model.ts';

/** Entries as the builder reads them (Astro entries and `checkContent` entries both fit). */
export type SourceEntry =
  | { collection: 'events'; slug: string; data: EventData; body?: string | undefined }
  | { collection: 'coverage'; slug: string; data: CoverageData; body?: string | undefined }
  | { collection: 'organizations'; slug: string; data: OrganizationData; body?: string | undefined }
  | { collection: 'publishers'; slug: string; data: PublisherData; body?: string | undefined }
  | { collection: 'dossiers'; slug: string; data: unknown; body?: string | undefined };

/** Display text at most this long. */
export const SNIPPET_MAX = 220;
/** Indexed text at most this long. */
export const INDEXED_TEXT_MAX = 600;

/** Markdown/MDX body to plain text: no imports, tags, link targets or emphasis marks. */
export function plainText(body: string): string {
  return body
    .replace(/^\s*(?:import|export)\s.*$/gm, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/[*_`>~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** First paragraph of a body, as plain text. */
export function firstParagraph(body: string): string {
  const para = body.split(/\n\s*\n/).map(plainText).find((p) => p.length > 0);
  return para ?? '';
}

/** Cut at a word boundary, with an ellipsis when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max);
  const space = slice.lastIndexOf(' ');
  return `${(space > max * 0.6 ? slice.slice(0, space) : slice).replace(/[\s,;:.–-]+$/, '')}…`;
}


/** Builds the documents and their folded text, in a stable order (type, then date descending, then slug). */
export function buildDocuments(entries: readonly SourceEntry[]): { data: SearchData; texts: IndexedText[] } {
  const orgEntries = entries.filter((e): e is Extract<SourceEntry, { collection: 'organizations' }> => e.collection === 'organizations');
  const pubEntries = entries.filter((e): e is Extract<SourceEntry, { collection: 'publishers' }> => e.collection === 'publishers');
  const events = entries.filter((e): e is Extract<SourceEntry, { collection: 'events' }> => e.collection === 'events');
  const articles = entries.filter((e): e is Extract<SourceEntry, { collection: 'coverage' }> => e.collection === 'coverage');

  const orgs = [...orgEntries].sort((a, b) => a.slug.localeCompare(b.slug));
  const pubs = [...pubEntries].sort((a, b) => a.slug.localeCompare(b.slug));
  const orgIndex = new Map(orgs.map((o, i) => [o.slug, i]));
  const pubIndex = new Map(pubs.map((p, i) => [p.slug, i]));
  const orgBySlug = new Map(orgs.map((o) => [o.slug, o.data]));
  const pubBySlug = new Map(pubs.map((p) => [p.slug, p.data]));
  const eventBySlug = new Map(events.map((e) => [e.slug, e.data]));
  const catIndex = new Map<string, number>(DATA_CATEGORIES.map((c, i) => [c, i]));

  const orgRefs = (slugs: readonly string[]) => [...new Set(slugs)].filter((s) => orgIndex.has(s));
  const orgNames = (slugs: readonly string[]) =>
    orgRefs(slugs).flatMap((s) => {
      const o = orgBySlug.get(s)!;
      return [o.name, ...o.aliases];
    });
  const cats = (list: readonly DataCategory[]) => list.map((c) => catIndex.get(c)!).filter((i) => i !== undefined);

  const rows: { doc: SearchDoc; text: IndexedText }[] = [];

  for (const { slug, data: e, body = '' } of events) {
    const orgSlugs = orgRefs([...e.organizations, ...(e.speaker?.organization ? [e.speaker.organization] : [])]);
    const summary = e.summary ?? firstParagraph(body);
    const speaker = e.speaker?.organization ? orgBySlug.get(e.speaker.organization)?.name : e.speaker?.role ? SPEAKER_ROLES[e.speaker.role] : undefined;
    const doc: SearchDoc = { t: 'e', s: slug, n: e.title, d: knownPart(e.date, e.precision), dl: formatFrenchDate(e.date, e.precision), k: e.kind };
    if (summary) doc.x = cut(summary, SNIPPET_MAX);
    if (orgSlugs.length) doc.o = orgSlugs.map((s) => orgIndex.get(s)!);
    if (e.exposed.length) doc.c = cats(e.exposed);
    if (e.status !== 'confirmé') doc.st = e.status;
    rows.push({
      doc,
      text: {
        n: [normalize(e.title)],
        a: orgNames(orgSlugs).map(normalize),
        m: normalize([EVENT_KINDS[e.kind], ...e.exposed, speaker ?? '', ...e.figures.map((f) => f.wording ?? '')].join(' ; ')),
        x: normalize(cut([e.summary ?? '', plainText(body)].join(' '), INDEXED_TEXT_MAX)),
      },
    });
  }

  for (const { slug, data: c, body = '' } of articles) {
    const event = c.event ? eventBySlug.get(c.event) : undefined;
    const orgSlugs = orgRefs(c.organizations);
    const pub = pubBySlug.get(c.publisher);
    const label = articleLabel(c);
    const doc: SearchDoc = { t: 'a', s: slug, n: label.isHeadline ? label.text : `${label.text} (titre non relevé)`, dl: articleDateLabel(c), pm: monthOf(c.publishedAt) };
    const known = knownPart(c.publishedAt, c.precision);
    if (known) doc.d = known;
    const text = c.excerpt ?? firstParagraph(body);
    if (text) doc.x = cut(text, SNIPPET_MAX);
    if (event) doc.k = event.kind;
    if (orgSlugs.length) doc.o = orgSlugs.map((s) => orgIndex.get(s)!);
    if (event?.exposed.length) doc.c = cats(event.exposed);
    if (pubIndex.has(c.publisher)) doc.p = pubIndex.get(c.publisher)!;
    rows.push({
      doc,
      text: {
        n: [normalize(label.text)],
        a: orgNames(orgSlugs).map(normalize),
        m: normalize([pub?.name ?? c.publisher, ...(pub?.domains ?? []), c.author ?? ''].join(' ; ')),
        x: normalize(cut([c.excerpt ?? '', plainText(body)].join(' '), INDEXED_TEXT_MAX)),
      },
    });
  }

  for (const { slug, data: o, body = '' } of orgs) {
    const doc: SearchDoc = { t: 'o', s: slug, n: o.name, x: cut(o.description, SNIPPET_MAX), ok: o.kind };
    doc.o = [orgIndex.get(slug)!];
    rows.push({
      doc,
      text: {
        n: [o.name, ...o.aliases].map(normalize),
        a: [],
        m: normalize(ORGANIZATION_KINDS[o.kind]),
        x: normalize(cut([o.description, plainText(body)].join(' '), INDEXED_TEXT_MAX)),
      },
    });
  }

  const typeOrder: Record<DocType, number> = { e: 0, a: 1, o: 2 };
  rows.sort((a, b) => typeOrder[a.doc.t] - typeOrder[b.doc.t] || (b.doc.d ?? '').localeCompare(a.doc.d ?? '') || a.doc.s.localeCompare(b.doc.s));
  return {
    data: { v: 1, orgs: orgs.map((o) => [o.slug, o.data.name]), pubs: pubs.map((p) => [p.slug, p.data.name]), docs: rows.map((r) => r.doc) },
    texts: rows.map((r) => r.text),
  };
}
