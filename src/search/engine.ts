/**
 * Two search engines over the same documents and prebuilt Fuse index.
 *
 * - `PlainEngine`: Fuse as documented — one fuzzy pattern over every record and
 *   key, facets applied to its results. Kept as the benchmark's baseline.
 * - `WordEngine` (shipped): Fuse searches the vocabulary instead of the records.
 *   On load, the words of the prebuilt index go into an inverted index (word →
 *   documents and fields). A query is split into words (stop words and elisions
 *   dropped); each word expands to the vocabulary words equal to it, starting
 *   with it (as you type) or within one or two typos of it (Fuse's Bitap over the
 *   vocabulary words of similar length). Documents are scored from their
 *   postings: word rarity, field weight, field length, match quality; a document
 *   must have every word (else the ones with the most words are shown, flagged
 *   partial). Facets filter while scoring. Cost grows with the postings touched,
 *   not with the corpus.
 */
import Fuse from 'fuse.js';
import { DATA_CATEGORIES } from '../schemas/vocabulary.ts';
import { INDEX_KEYS, categorySlug, type DocType, type SearchData } from './model.ts';
import type { FuseIndexJSON } from './fuse-index.ts';
import { STOP_WORDS, normalize, queryTerms } from './normalize.ts';
import { hasFilters, type SearchState } from './state.ts';

export interface FacetCounts {
  type: Record<string, number>;
  org: Record<string, number>;
  cat: Record<string, number>;
  pub: Record<string, number>;
}

export interface SearchOutcome {
  /** Document indexes, best first, at most `limit`. */
  hits: number[];
  /** How many documents match in all. */
  total: number;
  /** Matches per document type. */
  byType: Record<DocType, number>;
  /** No document has every word: these have the most of them. */
  partial: boolean;
  /** Query words searched (folded, stop words dropped). */
  terms: string[];
  /** Vocabulary words the query words matched, for highlighting. */
  matched: string[];
  /** Matches per facet value, over all matches (when asked). */
  counts?: FacetCounts;
}

export interface SearchOptions {
  /** Most hits returned (default 50). */
  limit?: number;
  /** Count matches per facet value. */
  counts?: boolean;
}

export interface SearchEngine {
  readonly data: SearchData;
  search(state: SearchState, options?: SearchOptions): SearchOutcome;
}

const emptyByType = (): Record<DocType, number> => ({ e: 0, a: 0, o: 0 });

/** A predicate for the facets of a state, or null when there are none. */
export function compileFilter(data: SearchData, state: SearchState): ((i: number) => boolean) | null {
  if (!hasFilters(state)) return null;
  const kinds = new Set(state.type);
  const orgSet = new Set(state.org.map((s) => data.orgs.findIndex(([slug]) => slug === s)).filter((i) => i >= 0));
  const catSet = new Set(state.cat.map((s) => DATA_CATEGORIES.findIndex((c) => categorySlug(c) === s)).filter((i) => i >= 0));
  const pubSet = new Set(state.pub.map((s) => data.pubs.findIndex(([slug]) => slug === s)).filter((i) => i >= 0));
  // A facet whose values are all unknown matches nothing (rather than everything).
  const none = (values: string[], known: Set<number>) => values.length > 0 && known.size === 0;
  if (none(state.org, orgSet) || none(state.cat, catSet) || none(state.pub, pubSet)) return () => false;
  const { du, au } = state;
  const docs = data.docs;
  return (i) => {
    const d = docs[i]!;
    if (kinds.size && !(d.k && kinds.has(d.k))) return false;
    if (orgSet.size && !d.o?.some((o) => orgSet.has(o))) return false;
    if (catSet.size && !d.c?.some((c) => catSet.has(c))) return false;
    if (pubSet.size && !(d.p !== undefined && pubSet.has(d.p))) return false;
    if (du && !(d.d && d.d.slice(0, du.length) >= du)) return false;
    if (au && !(d.d && d.d.slice(0, au.length) <= au)) return false;
    return true;
  };
}

/** Counts per facet value over a list of documents. */
export function countFacets(data: SearchData, ids: Iterable<number>): FacetCounts {
  const counts: FacetCounts = { type: {}, org: {}, cat: {}, pub: {} };
  const add = (rec: Record<string, number>, key: string) => (rec[key] = (rec[key] ?? 0) + 1);
  const catSlugs = DATA_CATEGORIES.map(categorySlug);
  for (const i of ids) {
    const d = data.docs[i]!;
    if (d.k) add(counts.type, d.k);
    d.o?.forEach((o) => add(counts.org, data.orgs[o]![0]));
    d.c?.forEach((c) => add(counts.cat, catSlugs[c]!));
    if (d.p !== undefined) add(counts.pub, data.pubs[d.p]![0]);
  }
  return counts;
}

/** Newest first, undated last, then document order. */
function byDate(data: SearchData) {
  return (a: number, b: number) => {
    const da = data.docs[a]!.d ?? '';
    const db = data.docs[b]!.d ?? '';
    return da === db ? a - b : da < db ? 1 : -1;
  };
}

/** Facets only, no words: every document that passes, newest first. */
function browse(data: SearchData, filter: (i: number) => boolean, options: SearchOptions): SearchOutcome {
  const ids: number[] = [];
  const byType = emptyByType();
  for (let i = 0; i < data.docs.length; i++) {
    if (filter(i)) {
      ids.push(i);
      byType[data.docs[i]!.t]++;
    }
  }
  ids.sort(byDate(data));
  const outcome: SearchOutcome = { hits: ids.slice(0, options.limit ?? 50), total: ids.length, byType, partial: false, terms: [], matched: [] };
  if (options.counts) outcome.counts = countFacets(data, ids);
  return outcome;
}

const nothing = (): SearchOutcome => ({ hits: [], total: 0, byType: emptyByType(), partial: false, terms: [], matched: [] });

/** Fuse used the plain way: the whole query as one fuzzy pattern over every record. */
export class PlainEngine implements SearchEngine {
  readonly data: SearchData;
  readonly fuse: Fuse<unknown>;

  constructor(data: SearchData, index: FuseIndexJSON) {
    this.data = data;
    this.fuse = new Fuse<unknown>(
      data.docs,
      { keys: INDEX_KEYS.map((k) => ({ ...k })), threshold: 0.34, ignoreLocation: true, isCaseSensitive: true, includeScore: true },
      Fuse.parseIndex(index),
    );
  }

  search(state: SearchState, options: SearchOptions = {}): SearchOutcome {
    const filter = compileFilter(this.data, state);
    const terms = queryTerms(state.q);
    if (!terms.length) return filter ? browse(this.data, filter, options) : nothing();
    const results = this.fuse.search(terms.join(' '));
    const ids: number[] = [];
    const byType = emptyByType();
    for (const r of results) {
      if (filter && !filter(r.refIndex)) continue;
      ids.push(r.refIndex);
      byType[this.data.docs[r.refIndex]!.t]++;
    }
    const outcome: SearchOutcome = { hits: ids.slice(0, options.limit ?? 50), total: ids.length, byType, partial: false, terms, matched: terms };
    if (options.counts) outcome.counts = countFacets(this.data, ids);
    return outcome;
  }
}

/** How much a match through each kind of expansion counts. */
const EXACT = 1;
const PREFIX_BASE = 0.72;
const PREFIX_SPAN = 0.2;
const FUZZY = 0.8;
/** Most prefix expansions per word (the most frequent are kept). */
const PREFIX_MAX = 60;
/** Words found exactly or by prefix in at least this many documents skip the typo search. */
const FUZZY_SKIP_DF = 3;
/** Fuse threshold for the vocabulary search; each length then keeps its own stricter bound. */
const FUZZY_THRESHOLD = 0.36;

/** Typos tolerated for a word of this length: none under 5 letters, one up to 8, then two. */
export const typosFor = (length: number) => (length < 5 ? 0 : length < 9 ? 1 : 2);
/** While a word is being typed, Fuse also looks at words this much longer (typo in a prefix). */
const TYPING_REACH = 3;

/**
 * Edit distance with transpositions (optimal string alignment), or `max + 1`
 * as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

interface Expansion {
  /** Vocabulary id. */
  id: number;
  /** Match quality, 0..1. */
  sim: number;
}

/** An inverted index already built: the vocabulary in code-unit order, with its postings. */
export interface PostingParts {
  keyCount: number;
  weights: readonly number[];
  /** Field factor per code `doc * keyCount + key`: weight × (0.4 + 0.6 / √(words in the field)). */
  fieldFactor: Float32Array;
  vocab: string[];
  /** Documents containing each word, over the whole corpus. */
  df: Int32Array;
  /**
   * Postings of word `id`: codes ascending (empty while not loaded). Read at
   * each search, so postings loaded later need no new engine.
   */
  postings: (id: number) => Int32Array;
}

/** The field factor the engine gives a field of `words` words (an average over the values of a list field). */
export const fieldFactorOf = (weight: number, words: number) => weight * (0.4 + 0.6 * (1 / Math.sqrt(words || 1)));

export interface WordEngineOptions {
  /** Keep expansions of recent words (the browser does; the benchmark measures without). */
  cache?: boolean;
  /**
   * Typo matches keep the first letter as typed. The split index loads the
   * vocabulary by first letter: this keeps a query's results the same whatever
   * other letters earlier queries loaded.
   */
  firstLetterAsTyped?: boolean;
}

/** The shipped engine: Fuse over the vocabulary, an inverted index over the documents. */
export class WordEngine implements SearchEngine {
  readonly data: SearchData;
  private readonly keyCount: number;
  private readonly weights: Float64Array;
  /** Field factor per document and key: weight × (0.4 + 0.6 × Fuse's length norm). */
  private readonly fieldFactor: Float32Array;
  /** Vocabulary in code-unit order. */
  private readonly vocab: string[];
  /** Documents containing each word. */
  private readonly df: Int32Array;
  /** Postings of word `id`: codes `doc * keyCount + key`, ascending. */
  private readonly postings: (id: number) => Int32Array;
  /** Vocabulary ids by word length, and a Fuse over each, built on first use. */
  private readonly byLength = new Map<number, number[]>();
  private readonly fuseByLength = new Map<number, Fuse<string>>();
  private readonly cache: Map<string, Expansion[]> | null;
  private readonly firstLetterAsTyped: boolean;
  private readonly scores: Float64Array;
  private readonly best: Float64Array;
  private readonly seen: Uint8Array;

  constructor(data: SearchData, index: FuseIndexJSON | PostingParts, options: WordEngineOptions = {}) {
    this.data = data;
    const n = data.docs.length;
    this.cache = options.cache ? new Map() : null;
    this.firstLetterAsTyped = options.firstLetterAsTyped ?? false;
    this.scores = new Float64Array(n);
    this.best = new Float64Array(n);
    this.seen = new Uint8Array(n);
    if ('vocab' in index) {
      // Postings already inverted (the split index loads them shard by shard: src/search/split-engine.ts).
      this.keyCount = index.keyCount;
      this.weights = Float64Array.from(index.weights);
      this.fieldFactor = index.fieldFactor;
      this.vocab = index.vocab;
      this.df = index.df;
      this.postings = index.postings;
      this.indexLengths();
      return;
    }
    const K = (this.keyCount = index.keys.length);
    this.weights = Float64Array.from(index.keys.map((k) => k.weight));
    this.fieldFactor = new Float32Array(n * K);

    // Inverted index from the records' folded values: one posting per word, document and key.
    const ids = new Map<string, number>();
    const words: string[] = [];
    const lists: number[][] = [];
    const last: number[] = [];
    const dfs: number[] = [];
    const lastDoc: number[] = [];
    // Stop words get id -1: one map lookup per word.
    for (const w of STOP_WORDS) ids.set(w, -1);
    const add = (text: string, doc: number, code: number): number => {
      let tokens = 0;
      let from = 0;
      const len = text.length;
      while (from < len) {
        let to = text.indexOf(' ', from);
        if (to < 0) to = len;
        if (to > from) {
          tokens++;
          const word = text.slice(from, to);
          let id = ids.get(word);
          if (id === undefined) {
            id = words.length;
            ids.set(word, id);
            words.push(word);
            lists.push([code]);
            last.push(code);
            dfs.push(1);
            lastDoc.push(doc);
          } else if (id >= 0) {
            if (last[id] !== code) {
              last[id] = code;
              lists[id]!.push(code);
            }
            if (lastDoc[id] !== doc) {
              lastDoc[id] = doc;
              dfs[id]!++;
            }
          }
        }
        from = to + 1;
      }
      return tokens;
    };
    for (const record of index.records) {
      const doc = record.i;
      const fields = record.$ as Record<number, { v: string } | { v: string }[]> | undefined;
      if (!fields) continue;
      for (let k = 0; k < K; k++) {
        const value = fields[k];
        if (!value) continue;
        const code = doc * K + k;
        let count: number;
        if (Array.isArray(value)) {
          let tokens = 0;
          for (const sub of value) tokens += add(sub.v, doc, code);
          count = value.length ? tokens / value.length : 0;
        } else count = add(value.v, doc, code);
        this.fieldFactor[code] = fieldFactorOf(this.weights[k]!, count);
      }
    }
    const order = words.map((_, i) => i).sort((a, b) => (words[a]! < words[b]! ? -1 : 1));
    this.vocab = order.map((i) => words[i]!);
    this.df = Int32Array.from(order, (i) => dfs[i]!);
    // All postings in one array: word `id` has `codes[start[id]..start[id+1]]`.
    const start = new Int32Array(order.length + 1);
    let total = 0;
    order.forEach((old, i) => {
      start[i] = total;
      total += lists[old]!.length;
    });
    start[order.length] = total;
    const codes = new Int32Array(total);
    order.forEach((old, i) => codes.set(lists[old]!, start[i]!));
    this.postings = (id) => codes.subarray(start[id]!, start[id + 1]!);
    this.indexLengths();
  }

  /** Typo candidates are looked for among words of one length (and of the same first letter, when it is kept as typed). */
  private lengthKey(length: number, word: string): number {
    return this.firstLetterAsTyped ? length * 65536 + word.charCodeAt(0) : length;
  }

  private indexLengths() {
    this.vocab.forEach((w, id) => {
      const key = this.lengthKey(w.length, w);
      const list = this.byLength.get(key);
      if (list) list.push(id);
      else this.byLength.set(key, [id]);
    });
  }

  /** Builds every vocabulary Fuse up front, so the first misspelt query is as fast as the next ones. */
  prepare(): this {
    for (const key of this.byLength.keys()) this.fuseFor(key);
    return this;
  }

  /**
   * Drops the kept expansions (with `cache`), so the next queries expand their
   * words afresh. The benchmark calls it before each timed query, so that a
   * warm query is timed as a query the engine has never seen.
   */
  forgetExpansions(): void {
    this.cache?.clear();
  }

  /** The vocabulary word of an expansion id. */
  wordOf(id: number): string {
    return this.vocab[id]!;
  }

  /** Number of distinct words indexed. */
  get vocabularySize(): number {
    return this.vocab.length;
  }

  /** Position of the first vocabulary word not less than `word`. */
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.vocab[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private fuseFor(key: number): Fuse<string> | null {
    let fuse = this.fuseByLength.get(key);
    if (!fuse) {
      const ids = this.byLength.get(key);
      if (!ids) return null;
      fuse = new Fuse(
        ids.map((id) => this.vocab[id]!),
        { isCaseSensitive: true, includeScore: true, shouldSort: false, threshold: FUZZY_THRESHOLD, location: 0, distance: 32, ignoreFieldNorm: true },
      );
      this.fuseByLength.set(key, fuse);
    }
    return fuse;
  }

  /** Vocabulary words a query word stands for, with how well each matches. */
  expand(term: string, prefix: boolean): Expansion[] {
    const key = `${prefix ? '>' : '='}${term}`;
    const cached = this.cache?.get(key);
    if (cached) return cached;
    const found = new Map<number, number>();
    const keep = (id: number, sim: number) => {
      if ((found.get(id) ?? 0) < sim) found.set(id, sim);
    };
    const at = this.lowerBound(term);
    if (this.vocab[at] === term) keep(at, EXACT);
    if (prefix && term.length >= 2) {
      const candidates: number[] = [];
      for (let id = this.vocab[at] === term ? at + 1 : at; id < this.vocab.length && this.vocab[id]!.startsWith(term); id++) candidates.push(id);
      if (candidates.length > PREFIX_MAX) candidates.sort((a, b) => this.df[b]! - this.df[a]!).length = PREFIX_MAX;
      for (const id of candidates) keep(id, PREFIX_BASE + PREFIX_SPAN * (term.length / this.vocab[id]!.length));
    }
    // A word found as such (or as the beginning of words) in a few documents needs no typo search:
    // this keeps the costly part for the words that are really misspelt.
    let direct = 0;
    for (const id of found.keys()) direct += this.df[id]!;
    const typos = direct >= FUZZY_SKIP_DF ? 0 : typosFor(term.length);
    if (typos > 0) {
      const len = term.length;
      // Fuse's Bitap proposes words of about the same length (longer while typing: « almeri » → « almerys »),
      // then the edit distance, on the whole word or its beginning, decides.
      for (let l = len - typos; l <= len + (prefix ? TYPING_REACH : typos); l++) {
        const key = this.lengthKey(l, term);
        const fuse = this.fuseFor(key);
        if (!fuse) continue;
        const ids = this.byLength.get(key)!;
        for (const r of fuse.search(term)) {
          const word = r.item;
          let d = editDistance(term, word, typos);
          if (prefix && d > typos && l > len) d = Math.min(editDistance(term, word.slice(0, len), typos), editDistance(term, word.slice(0, len + 1), typos));
          if (d === 0 || d > typos) continue;
          keep(ids[r.refIndex]!, FUZZY * (1 - d / (len + 1)) * (prefix && l > len ? 0.95 : 1));
        }
      }
    }
    const list = [...found].map(([id, sim]) => ({ id, sim }));
    if (this.cache) {
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(key, list);
    }
    return list;
  }

  search(state: SearchState, options: SearchOptions = {}): SearchOutcome {
    const data = this.data;
    const filter = compileFilter(data, state);
    const terms = queryTerms(state.q);
    if (!terms.length) return filter ? browse(data, filter, options) : nothing();
    // The last word is still being typed unless followed by a space: it also matches as a prefix.
    const typing = !/\s$/.test(state.q);
    const K = this.keyCount;
    const N = data.docs.length;
    const { scores, best, seen, fieldFactor } = this;
    const touched: number[] = [];
    const rejected: number[] = [];
    const matched = new Set<string>();
    let termIndex = 0;
    for (const term of terms) {
      const isLast = termIndex === terms.length - 1;
      const expansions = this.expand(term, (typing && isLast) || term.length >= 4);
      // Rarity of the word: from its exact form, or its most frequent expansion.
      let df = 0;
      for (const { id } of expansions) df = Math.max(df, this.df[id]!);
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      const termTouched: number[] = [];
      for (const { id, sim } of expansions) {
        let hit = false;
        const codes = this.postings(id);
        for (let p = 0, end = codes.length; p < end; p++) {
          const code = codes[p]!;
          const doc = (code / K) | 0;
          if (seen[doc] !== termIndex) continue;
          if (termIndex === 0 && filter && !filter(doc)) {
            // Out of the facets: never counted again in this search.
            seen[doc] = 255;
            rejected.push(doc);
            continue;
          }
          hit = true;
          const s = sim * fieldFactor[code]!;
          if (best[doc] === 0) termTouched.push(doc);
          if (s > best[doc]!) best[doc] = s;
        }
        if (hit) matched.add(this.vocab[id]!);
      }
      for (const doc of termTouched) {
        if (termIndex === 0) touched.push(doc);
        scores[doc]! += idf * best[doc]!;
        best[doc] = 0;
        seen[doc] = termIndex + 1;
      }
      termIndex++;
    }

    // Documents with every word; failing that, those with the most.
    let need = terms.length;
    let ids = touched.filter((d) => seen[d] === need);
    let partial = false;
    if (ids.length === 0 && terms.length > 1) {
      // `seen` only follows documents that had every word so far: rescore with « any word » semantics.
      this.reset(touched);
      this.reset(rejected);
      rejected.length = 0;
      const partialResult = this.partialSearch(terms, typing, filter);
      ids = partialResult.ids;
      need = partialResult.need;
      partial = ids.length > 0;
    }
    const byType = emptyByType();
    for (const d of ids) {
      byType[data.docs[d]!.t]++;
      // The record before its coverage: an event outranks an article that repeats its words.
      scores[d]! *= TYPE_PRIOR[data.docs[d]!.t] ?? 1;
    }
    const limit = options.limit ?? 50;
    const hits = topK(ids, scores, limit);
    const outcome: SearchOutcome = { hits, total: ids.length, byType, partial, terms, matched: [...matched] };
    if (options.counts) outcome.counts = countFacets(data, ids);
    this.reset(partial ? ids : touched);
    this.reset(rejected);
    return outcome;
  }

  /** Scores with « any word » semantics; keeps documents with the most words. */
  private partialSearch(terms: string[], typing: boolean, filter: ((i: number) => boolean) | null): { ids: number[]; need: number } {
    const K = this.keyCount;
    const { scores, best, fieldFactor } = this;
    const count = new Map<number, number>();
    const N = this.data.docs.length;
    terms.forEach((term, t) => {
      const expansions = this.expand(term, (typing && t === terms.length - 1) || term.length >= 4);
      let df = 0;
      for (const { id } of expansions) df = Math.max(df, this.df[id]!);
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      const termTouched: number[] = [];
      for (const { id, sim } of expansions) {
        const codes = this.postings(id);
        for (let p = 0, end = codes.length; p < end; p++) {
          const code = codes[p]!;
          const doc = (code / K) | 0;
          if (filter && !filter(doc)) continue;
          const s = sim * fieldFactor[code]!;
          if (best[doc] === 0) termTouched.push(doc);
          if (s > best[doc]!) best[doc] = s;
        }
      }
      for (const doc of termTouched) {
        scores[doc]! += idf * best[doc]!;
        best[doc] = 0;
        count.set(doc, (count.get(doc) ?? 0) + 1);
      }
    });
    let need = 0;
    for (const c of count.values()) need = Math.max(need, c);
    const ids: number[] = [];
    for (const [doc, c] of count) {
      if (c === need) ids.push(doc);
      else scores[doc] = 0;
    }
    return { ids, need };
  }

  private reset(docs: number[]) {
    for (const d of docs) {
      this.scores[d] = 0;
      this.best[d] = 0;
      this.seen[d] = 0;
    }
  }
}

/** Score factor per document type (e: event, a: article, o: organisation). */
const TYPE_PRIOR: Record<string, number> = { e: 1.25, a: 0.8, o: 1 };

/** The `k` best documents by score (ties: document order), best first. */
export function topK(ids: number[], scores: Float64Array, k: number): number[] {
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  if (ids.length <= k * 4 || ids.length < 256) return [...ids].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, k);
  // Min-heap of the best k so far.
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(heap[p]!, heap[i]!)) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && better(heap[m]!, heap[l]!)) m = l;
      if (r < heap.length && better(heap[m]!, heap[r]!)) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i]!, heap[m]!];
      i = m;
    }
  };
  for (const id of ids) {
    if (heap.length < k) {
      heap.push(id);
      up(heap.length - 1);
    } else if (better(id, heap[0]!)) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/** Re-exported for callers that fold text the same way as the index. */
export { normalize };
