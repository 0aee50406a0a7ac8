/**
 * The search model shared by the build and the browser: document shape, index
 * keys, result addresses. Free of build-only imports, so the browser bundles stay small.
 */
import { paths } from '../lib/paths.ts';
import { normalize } from './normalize.ts';

/** Document types, in the order results are grouped when scores tie. */
export const DOC_TYPES = { e: 'Événements', a: 'Articles', o: 'Organisations' } as const;
export type DocType = keyof typeof DOC_TYPES;

/** What the browser needs to show one result (short keys: there may be tens of thousands). */
export interface SearchDoc {
  /** Type: événement, article, organisation. */
  t: DocType;
  /** Slug of the entry (its id). */
  s: string;
  /** Title, or the organisation's name; for an article whose headline is unknown, our description followed by « (titre non relevé) ». */
  n: string;
  /** A short text: summary, excerpt or description, cut at a word. */
  x?: string;
  /** The known part of the date (Paris): « AAAA-MM-JJ », « AAAA-MM » when only the month is known, « AAAA »; absent when unknown. */
  d?: string;
  /** That day in French, at the entry's precision (« 7 février 2024 »). */
  dl?: string;
  /** Event kind (for an article, its event's kind). */
  k?: string;
  /** Organisation kind (organisations only). */
  ok?: string;
  /** Organisations named, as indexes into `SearchData.orgs`. */
  o?: number[];
  /** Exposed data categories, as indexes into DATA_CATEGORIES (for an article, its event's). */
  c?: number[];
  /** Publisher, as an index into `SearchData.pubs` (articles only). */
  p?: number;
  /** Status when it is not « confirmé » (claimed, disputed...), said in words. */
  st?: string;
  /** Month of the press review page that lists an article, « AAAA-MM » (articles only). */
  pm?: string;
}

/** The documents file. */
export interface SearchData {
  /** Format version. */
  v: 1;
  /** Organisations: [slug, name]. */
  orgs: [string, string][];
  /** Publishers: [slug, name]. */
  pubs: [string, string][];
  docs: SearchDoc[];
}

/** The folded text of one document, one field per index key. */
export interface IndexedText {
  /** Title; for an organisation, its name and aliases (other names count as names). */
  n: string[];
  /** Names and aliases of the organisations an event or article names. */
  a: string[];
  /** Labels: kind, exposed data, publisher, author, speaker. */
  m: string;
  /** Summary and text, cut. */
  x: string;
}

/** Index keys and their weights; key names are `IndexedText` fields. */
export const INDEX_KEYS = [
  { name: 'n', weight: 4 },
  { name: 'a', weight: 2 },
  { name: 'm', weight: 1.5 },
  { name: 'x', weight: 1 },
] as const;

/** Where a result leads: the event page, the article's line in its month of the press review, the organisation page. */
export function docUrl(doc: Pick<SearchDoc, 't' | 's' | 'pm'>): string {
  if (doc.t === 'e') return paths.event(doc.s);
  if (doc.t === 'a') return doc.pm ? paths.article(doc.s, doc.pm) : paths.press();
  return paths.organization(doc.s);
}

/** Slug form of a data category for URLs (« numéro de sécurité sociale » → « numero-de-securite-sociale »). */
export function categorySlug(category: string): string {
  return normalize(category).replace(/ /g, '-');
}
