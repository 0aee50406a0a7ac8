/**
 * The shipped engine over the split index (src/search/split.ts): before a query
 * runs, it fetches the vocabulary shards of its words' first letters, finds what
 * each word stands for (exact, as you type, with typos), fetches the posting
 * shards of those words, then scores with the very same `WordEngine` over what
 * is loaded. Facets fetch the whole documents file first, suggestions the names; results
 * fetch only the chunks that hold them. Everything fetched is kept.
 */
import { WordEngine, fieldFactorOf, type SearchOptions, type SearchOutcome } from './engine.ts';
import { queryTerms } from './normalize.ts';
import { hasFilters, type SearchState } from './state.ts';
import type { DocType, SearchData, SearchDoc } from './model.ts';
import { decodePostings, postingKey, vocabKey, type DocChunk, type PostingShard, type SplitMeta, type Suggestions, type VocabShard } from './split.ts';

export type FetchJson = (path: string) => Promise<unknown>;

const NONE = new Int32Array(0);

/** A result's document, with the names it cites. */
export interface LoadedDoc {
  doc: SearchDoc;
  org: (index: number) => string;
  pub: (index: number) => string;
}

export class SplitEngine {
  readonly meta: SplitMeta;
  private readonly fetchJson: FetchJson;
  private readonly keyCount: number;
  private readonly vocab = new Map<string, VocabShard>();
  private readonly postings = new Map<string, Map<string, Int32Array>>();
  private readonly loads = new Map<string, Promise<unknown>>();
  private readonly chunks = new Map<number, DocChunk>();
  private readonly fieldFactor: Float32Array;
  private readonly skeleton: SearchData;
  private documents: SearchData | null = null;
  private names: Suggestions | null = null;
  private engine: WordEngine | null = null;

  constructor(meta: SplitMeta, fetchJson: FetchJson) {
    this.meta = meta;
    this.fetchJson = fetchJson;
    this.keyCount = meta.weights.length;
    this.fieldFactor = new Float32Array(meta.n * this.keyCount);
    // Scoring needs only each document's type; documents are sorted by type.
    const docs: SearchDoc[] = [];
    for (const t of ['e', 'a', 'o'] as DocType[]) for (let i = 0; i < meta.types[t]; i++) docs.push({ t, s: '', n: '' });
    this.skeleton = { v: 1, orgs: [], pubs: [], docs };
  }

  /** Fetches a file once, however many searches ask for it at the same time. */
  private once<T>(path: string, use: (body: T) => void): Promise<unknown> {
    let load = this.loads.get(path);
    if (!load) {
      load = this.fetchJson(path).then((body) => use(body as T));
      this.loads.set(path, load);
      // A failed fetch may be tried again by the next search.
      load.catch(() => this.loads.delete(path));
    }
    return load;
  }

  private loadVocab(letter: string): Promise<unknown> {
    const path = this.meta.vocab[letter];
    if (!path) return Promise.resolve();
    return this.once<VocabShard>(path, (shard) => {
      this.vocab.set(letter, shard);
      this.engine = null;
    });
  }

  private loadPostings(prefix: string): Promise<unknown> {
    const path = this.meta.postings[prefix];
    if (!path) return Promise.resolve();
    return this.once<PostingShard>(path, (shard) => {
      const words = new Map<string, Int32Array>();
      shard.w.forEach((w, i) => {
        const { codes, words: lengths } = decodePostings(shard.p[i]!, this.keyCount);
        codes.forEach((code, j) => (this.fieldFactor[code] = fieldFactorOf(this.meta.weights[code % this.keyCount]!, lengths[j]!)));
        words.set(w, Int32Array.from(codes));
      });
      // The engine reads postings at each search: no new engine for them.
      this.postings.set(prefix, words);
    });
  }

  /** The whole documents file: facets filter and count over every match. */
  loadDocuments(): Promise<SearchData> {
    return this.once<SearchData>(this.meta.documents, (data) => {
      this.documents = data;
      this.engine = null;
    }).then(() => this.documents!);
  }

  /**
   * A `WordEngine` over the loaded vocabulary shards, built again only when a
   * vocabulary shard or the documents file arrives. It reads postings as they
   * are loaded (a word whose postings are not loaded yet has none): joining
   * every loaded posting list into a new engine after each posting shard cost
   * more than the search itself (8 ms at 10,000 entries).
   */
  private current(): WordEngine {
    if (this.engine) return this.engine;
    const letters = [...this.vocab.keys()].sort((a, b) => (a < b ? -1 : 1));
    const vocab: string[] = [];
    const df: number[] = [];
    for (const letter of letters) {
      const shard = this.vocab.get(letter)!;
      for (const w of shard.w) vocab.push(w);
      for (const n of shard.df) df.push(n);
    }
    const postings = (id: number) => {
      const word = vocab[id]!;
      return this.postings.get(postingKey(word))?.get(word) ?? NONE;
    };
    this.engine = new WordEngine(
      this.documents ?? this.skeleton,
      { keyCount: this.keyCount, weights: this.meta.weights, fieldFactor: this.fieldFactor, vocab, df: Int32Array.from(df), postings },
      { cache: true, firstLetterAsTyped: true },
    );
    return this.engine;
  }

  async search(state: SearchState, options: SearchOptions = {}): Promise<SearchOutcome> {
    const terms = queryTerms(state.q);
    await Promise.all([
      ...(hasFilters(state) || options.counts ? [this.loadDocuments()] : []),
      ...[...new Set(terms.map(vocabKey))].map((l) => this.loadVocab(l)),
    ]);
    // The words each query word stands for, exactly as the search will expand it.
    const typing = !/\s$/.test(state.q);
    const vocabEngine = this.current();
    const prefixes = new Set<string>();
    terms.forEach((term, i) => {
      for (const { id } of vocabEngine.expand(term, (typing && i === terms.length - 1) || term.length >= 4)) prefixes.add(postingKey(vocabEngine.wordOf(id)));
    });
    await Promise.all([...prefixes].map((p) => this.loadPostings(p)));
    return this.current().search(state, options);
  }

  /**
   * Forgets what earlier queries left (the expansions of their words), keeping
   * every file fetched and what was built from them. Only the benchmark calls
   * it: the site keeps expansions, so a word typed again is not expanded again.
   */
  forgetQueries(): void {
    this.engine?.forgetExpansions();
  }

  /** Organisation names, and the three most cited, for suggestions when nothing matches. */
  suggestions(): Promise<Suggestions> {
    return this.once<Suggestions>(this.meta.suggestions, (body) => (this.names = body)).then(() => this.names!);
  }

  /** The documents of these results, fetching the chunks that hold them. */
  async docs(ids: readonly number[]): Promise<LoadedDoc[]> {
    const size = this.meta.chunk;
    await Promise.all(
      [...new Set(ids.map((i) => Math.floor(i / size)))].map((c) => this.once<DocChunk>(this.meta.chunks[c]!, (chunk) => this.chunks.set(c, chunk))),
    );
    return ids.map((i) => {
      const chunk = this.chunks.get(Math.floor(i / size))!;
      return { doc: chunk.docs[i % size]!, org: (o) => chunk.orgs[o] ?? '', pub: (p) => chunk.pubs[p] ?? '' };
    });
  }
}
