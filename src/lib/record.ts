/**
 * The published record as plain data: the five collections with their slugs.
 * The site's `siteData()` fits this shape, and so do `checkContent` entries
 * (through `recordFromEntries`), so feeds and exports are built and tested in
 * plain Node with the code the site runs.
 */
import type { CoverageData, DossierData, EventData, OrganizationData, PublisherData } from '../schemas/index.ts';
import type { LoadedEntry } from './content-check.ts';
import { firstParagraph } from '../search/documents.ts';
import { isReviewed } from './press.ts';

/** One entry: its slug (the file name, its permanent id), its data and its body text. */
export interface RecordEntry<T> {
  id: string;
  data: T;
  body?: string | undefined;
}

export interface ContentRecord {
  dossiers: readonly RecordEntry<DossierData>[];
  events: readonly RecordEntry<EventData>[];
  coverage: readonly RecordEntry<CoverageData>[];
  organizations: readonly RecordEntry<OrganizationData>[];
  publishers: readonly RecordEntry<PublisherData>[];
}

/**
 * Entries read by the content checker, as the site publishes them: articles
 * ingestion wrote that no editor reviewed are left out, as `siteData()` does.
 * Entries of the same collection keep their order.
 */
export function recordFromEntries(entries: readonly LoadedEntry[]): ContentRecord {
  const of = <T>(collection: LoadedEntry['collection']) =>
    entries.filter((e) => e.collection === collection).map((e) => ({ id: e.slug, data: e.data as T, body: e.body }));
  return {
    dossiers: of<DossierData>('dossiers'),
    events: of<EventData>('events'),
    coverage: of<CoverageData>('coverage').filter((c) => isReviewed(c.data)),
    organizations: of<OrganizationData>('organizations'),
    publishers: of<PublisherData>('publishers'),
  };
}

/** Lookup by slug that names what is missing (the checker runs first, so a miss is a bug). */
export function bySlug<T>(list: readonly RecordEntry<T>[], what: string): (slug: string) => RecordEntry<T> {
  const map = new Map(list.map((x) => [x.id, x]));
  return (slug) => {
    const found = map.get(slug);
    if (!found) throw new Error(`${what} introuvable : « ${slug} »`);
    return found;
  };
}

/**
 * The first paragraph of a body written in our words, or '' when there is none:
 * an ingested entry's body is a quotation from the article (a `>` block), never a summary.
 */
export function summaryOf(body: string | undefined): string {
  const ours = (body ?? '').split(/\n\s*\n/).filter((para) => !para.trimStart().startsWith('>'));
  return firstParagraph(ours.join('\n\n'));
}
