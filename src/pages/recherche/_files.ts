/**
 * The search files of this build, computed once per build from the site's
 * content (shared by the endpoint that writes them and the search box that
 * names them).
 */
import { siteData } from '../../data/site.ts';
import { buildSearchFiles, type SearchFiles } from '../../search/build.ts';
import type { SourceEntry } from '../../search/documents.ts';

let cached: Promise<SearchFiles> | undefined;

export function searchFiles(): Promise<SearchFiles> {
  cached ??= siteData().then((site) => {
    const entries: SourceEntry[] = [
      ...site.events.map((e) => ({ collection: 'events' as const, slug: e.id, data: e.data, body: e.body })),
      ...site.coverage.map((c) => ({ collection: 'coverage' as const, slug: c.id, data: c.data, body: c.body })),
      ...site.organizations.map((o) => ({ collection: 'organizations' as const, slug: o.id, data: o.data, body: o.body })),
      ...site.publishers.map((p) => ({ collection: 'publishers' as const, slug: p.id, data: p.data })),
    ];
    return buildSearchFiles(entries);
  });
  return cached;
}
