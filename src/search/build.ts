/**
 * Build-time side of search: from content entries to the two static files the
 * browser fetches, each named after a hash of its content so it can be cached
 * forever (`/recherche/documents-<hash>.json`, `/recherche/index-<hash>.json`).
 */
import { createHash } from 'node:crypto';
import { buildDocuments, type SearchData, type SourceEntry } from './documents.ts';
import { createFuseIndex, packIndex, type PackedIndex } from './fuse-index.ts';

export interface SearchFiles {
  data: SearchData;
  index: PackedIndex;
  /** Serialized files and their public paths. */
  files: { documents: { path: string; body: string }; index: { path: string; body: string } };
}

export const contentHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

export const SEARCH_BASE = '/recherche/';

export function buildSearchFiles(entries: readonly SourceEntry[]): SearchFiles {
  const { data, texts } = buildDocuments(entries);
  const index = packIndex(createFuseIndex(texts).toJSON());
  const documentsBody = JSON.stringify(data);
  const indexBody = JSON.stringify(index);
  return {
    data,
    index,
    files: {
      documents: { path: `${SEARCH_BASE}documents-${contentHash(documentsBody)}.json`, body: documentsBody },
      index: { path: `${SEARCH_BASE}index-${contentHash(indexBody)}.json`, body: indexBody },
    },
  };
}
