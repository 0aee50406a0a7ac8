/**
 * Build-time side of search: from content entries to the two static files the
 * browser fetches, each named after a hash of its content so it can be cached
 * forever (`/recherche/documents-<hash>.json`, `/recherche/index-<hash>.json`).
 */
import { createHash } from 'node:crypto';
import { buildDocuments, type SearchData, type SourceEntry } from './documents.ts';
import { createFuseIndex, packIndex, type PackedIndex } from './fuse-index.ts';
import { CHUNK_SIZE, splitIndex, type SplitMeta } from './split.ts';

export interface SearchFiles {
  data: SearchData;
  index: PackedIndex;
  /** Serialized files and their public paths. */
  files: { documents: { path: string; body: string }; index: { path: string; body: string } };
  /** The split index (src/search/split.ts): the meta file a search starts from, and every shard. */
  split: { meta: SearchFile; shards: SearchFile[] };
}

export interface SearchFile {
  path: string;
  body: string;
}

export const contentHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

export const SEARCH_BASE = '/recherche/';

/**
 * A hash in letters only: among hundreds of shard names, hex digits would sooner
 * or later spell something like a phone number, which the personal-data check
 * over the built site rightly refuses.
 */
export const letterHash = (text: string) => [...createHash('sha256').update(text).digest().subarray(0, 12)].map((b) => String.fromCharCode(97 + (b % 26))).join('');

/** A file named after a hash of its content, so it can be cached forever. */
const hashed = (name: string, value: unknown): SearchFile => {
  const body = JSON.stringify(value);
  return { path: `${SEARCH_BASE}${name}-${letterHash(body)}.json`, body };
};

export function buildSearchFiles(entries: readonly SourceEntry[]): SearchFiles {
  const { data, texts } = buildDocuments(entries);
  const index = packIndex(createFuseIndex(texts).toJSON());
  const documentsBody = JSON.stringify(data);
  const indexBody = JSON.stringify(index);
  const split = splitIndex(data, texts);
  const shards: SearchFile[] = [];
  const add = (file: SearchFile) => (shards.push(file), file.path);
  const documentsPath = `${SEARCH_BASE}documents-${contentHash(documentsBody)}.json`;
  const meta: SplitMeta = {
    v: 2,
    n: data.docs.length,
    types: split.types,
    weights: split.weights,
    chunk: CHUNK_SIZE,
    vocab: Object.fromEntries(Object.entries(split.vocab).map(([k, v]) => [k, add(hashed(`mots-${k}`, v))])),
    postings: Object.fromEntries(Object.entries(split.postings).map(([k, v]) => [k, add(hashed(`postes-${k}`, v))])),
    chunks: split.chunks.map((c, i) => add(hashed(`docs-${i}`, c))),
    documents: documentsPath,
    suggestions: add(hashed('noms', split.suggestions)),
  };
  return {
    split: { meta: hashed('meta', meta), shards },
    data,
    index,
    files: {
      documents: { path: documentsPath, body: documentsBody },
      index: { path: `${SEARCH_BASE}index-${contentHash(indexBody)}.json`, body: indexBody },
    },
  };
}
