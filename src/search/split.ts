/**
 * The search index split so that a query loads only what it needs, and the
 * shapes both sides share (build: src/search/build.ts; browser:
 * src/search/split-engine.ts).
 *
 * - `vocab` shards, one per first letter: the words and how many documents
 *   hold each. A query word loads its letter's shard, where exact, prefix and
 *   typo matches are found (the first letter is taken as typed).
 * - `postings` shards, one per first two letters: for each word, the fields
 *   that hold it (code `doc × keys + key`, ascending, as deltas) and the field's
 *   length, so scores are the same as with the whole index.
 * - `chunks` of 32 documents: what a result shows, with the names of the
 *   organisations and publishers it cites.
 * - the whole documents file, loaded only for facets (filters, counts), and
 *   the organisations' names, loaded only to suggest some when nothing matches.
 */
import { INDEX_KEYS, type DocType, type IndexedText, type SearchData, type SearchDoc } from './model.ts';
import { STOP_WORDS } from './normalize.ts';

/** Documents per display chunk. */
export const CHUNK_SIZE = 32;

export interface VocabShard {
  /** Words starting with this letter, in code-unit order. */
  w: string[];
  /** Documents holding each word. */
  df: number[];
}

export interface PostingShard {
  /** Words starting with these two letters (or the one-letter word), in code-unit order. */
  w: string[];
  /**
   * Per word, a flat list: for each field holding it, the code delta, then the
   * field's word count; list fields (title and names) add their value count.
   */
  p: number[][];
}

export interface DocChunk {
  docs: SearchDoc[];
  /** Names of the organisations and publishers these documents cite, by index. */
  orgs: Record<number, string>;
  pubs: Record<number, string>;
}

/** The small file a search starts from: where every shard is. */
export interface SplitMeta {
  v: 2;
  /** Documents in all; they are sorted by type (events, articles, organisations). */
  n: number;
  types: Record<DocType, number>;
  weights: number[];
  chunk: number;
  vocab: Record<string, string>;
  postings: Record<string, string>;
  chunks: string[];
  /** The whole documents file (facets). */
  documents: string;
  /** Organisation names for suggestions when nothing matches. */
  suggestions: string;
}

export interface Suggestions {
  /** Every organisation's name. */
  names: string[];
  /** The three organisations most events and articles name. */
  busiest: string[];
}

/** Keys whose value is a list (title and other names, organisations' names). */
export const LIST_KEYS: ReadonlySet<number> = new Set(INDEX_KEYS.flatMap((k, i) => (k.name === 'n' || k.name === 'a' ? [i] : [])));

export const vocabKey = (word: string) => word.charAt(0);
export const postingKey = (word: string) => word.slice(0, 2);

/** Splits the folded texts into vocabulary and posting shards, and the documents into chunks. */
export function splitIndex(data: SearchData, texts: readonly IndexedText[]) {
  const K = INDEX_KEYS.length;
  const postings = new Map<string, number[]>();
  const docsOf = new Map<string, number>();
  const lastDoc = new Map<string, number>();
  texts.forEach((text, doc) => {
    INDEX_KEYS.forEach((key, k) => {
      const value = text[key.name];
      // Blank values are left out, as Fuse's index leaves them out.
      const values = (Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== '');
      if (values.length === 0) return;
      let tokens = 0;
      const words = new Set<string>();
      for (const v of values) {
        for (const w of v.split(' ')) {
          if (!w) continue;
          tokens++;
          if (!STOP_WORDS.has(w)) words.add(w);
        }
      }
      const code = doc * K + k;
      for (const w of words) {
        const list = postings.get(w) ?? postings.set(w, []).get(w)!;
        list.push(code, tokens);
        if (LIST_KEYS.has(k)) list.push(values.length);
        if (lastDoc.get(w) !== doc) {
          lastDoc.set(w, doc);
          docsOf.set(w, (docsOf.get(w) ?? 0) + 1);
        }
      }
    });
  });
  const vocab: Record<string, VocabShard> = {};
  const posting: Record<string, PostingShard> = {};
  for (const w of [...postings.keys()].sort((a, b) => (a < b ? -1 : 1))) {
    const v = (vocab[vocabKey(w)] ??= { w: [], df: [] });
    v.w.push(w);
    v.df.push(docsOf.get(w)!);
    const p = (posting[postingKey(w)] ??= { w: [], p: [] });
    p.w.push(w);
    // Codes as deltas: small numbers, which compress well.
    const flat = postings.get(w)!;
    let previous = 0;
    for (let i = 0; i < flat.length; ) {
      const code = flat[i]!;
      flat[i] = code - previous;
      previous = code;
      i += LIST_KEYS.has(code % K) ? 3 : 2;
    }
    p.p.push(flat);
  }
  const chunks: DocChunk[] = [];
  for (let i = 0; i < data.docs.length; i += CHUNK_SIZE) {
    const docs = data.docs.slice(i, i + CHUNK_SIZE);
    const orgs: Record<number, string> = {};
    const pubs: Record<number, string> = {};
    for (const d of docs) {
      d.o?.forEach((o) => (orgs[o] = data.orgs[o]![1]));
      if (d.p !== undefined) pubs[d.p] = data.pubs[d.p]![1];
    }
    chunks.push({ docs, orgs, pubs });
  }
  const types: Record<DocType, number> = { e: 0, a: 0, o: 0 };
  const docsPerOrg = new Map<number, number>();
  for (const d of data.docs) {
    types[d.t]++;
    if (d.t !== 'o') d.o?.forEach((o) => docsPerOrg.set(o, (docsPerOrg.get(o) ?? 0) + 1));
  }
  const suggestions: Suggestions = {
    names: data.orgs.map(([, name]) => name),
    busiest: [...docsPerOrg].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([o]) => data.orgs[o]![1]),
  };
  return { vocab, postings: posting, chunks, types, suggestions, weights: INDEX_KEYS.map((k) => k.weight) };
}

/** Reads a posting list back: codes ascending and the field length of each (an average for list fields). */
export function decodePostings(flat: readonly number[], keyCount: number): { codes: number[]; words: number[] } {
  const codes: number[] = [];
  const words: number[] = [];
  let code = 0;
  for (let i = 0; i < flat.length; ) {
    code += flat[i]!;
    codes.push(code);
    if (LIST_KEYS.has(code % keyCount)) {
      const values = flat[i + 2]!;
      words.push(values ? flat[i + 1]! / values : 0);
      i += 3;
    } else {
      words.push(flat[i + 1]!);
      i += 2;
    }
  }
  return { codes, words };
}
