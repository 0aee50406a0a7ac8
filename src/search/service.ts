/**
 * The search service: starts from the split index's meta file (the engine
 * fetches the shards each query needs) and turns each request into
 * ready-to-render results (labels resolved, matched words located). Runs in a Web Worker (worker.ts), or in the page when workers fail.
 */
import Fuse from 'fuse.js';
import { EVENT_KINDS, ORGANIZATION_KINDS, STATUSES } from '../schemas/vocabulary.ts';
import type { FacetCounts, SearchOutcome } from './engine.ts';
import { SplitEngine, type LoadedDoc } from './split-engine.ts';
import type { SplitMeta } from './split.ts';
import { DOC_TYPES, docUrl, type DocType } from './model.ts';
import { normalize, wordSpans } from './normalize.ts';
import type { SearchState } from './state.ts';

/** A text range to highlight, [start, end) in UTF-16 offsets. */
export type Range = [number, number];

export interface RenderItem {
  t: DocType;
  /** Slug. */
  s: string;
  url: string;
  title: string;
  titleMarks: Range[];
  text?: string;
  textMarks?: Range[];
  /** « AAAA-MM-JJ », for `<time datetime>`. */
  date?: string;
  dateLabel?: string;
  /** Kind of event, or of organisation. */
  label?: string;
  orgs: string[];
  publisher?: string;
  /** Status in words when the fact is not confirmed. */
  status?: string;
}

export interface RenderGroup {
  t: DocType;
  label: string;
  /** Matches of this type in all (items may be fewer). */
  total: number;
  items: RenderItem[];
}

export interface SearchRequest {
  id: number;
  state: SearchState;
  /** Most items, all groups together. */
  limit: number;
  counts?: boolean;
}

export interface SearchResponse {
  id: number;
  total: number;
  partial: boolean;
  terms: string[];
  /** Groups in the order of their best item. */
  groups: RenderGroup[];
  /** When nothing matches: names to try instead. */
  suggestions: string[];
  counts?: FacetCounts;
  /** Set when the search could not run (files missing...). */
  error?: string;
}

/** The ranges of a text's words that are among `matched` (folded words). */
export function highlight(text: string, matched: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (const span of wordSpans(text)) {
    if (!matched.has(span.word)) continue;
    const last = ranges[ranges.length - 1];
    // Consecutive matched words separated by spaces only make one mark (« sécurité sociale »).
    if (last && /^\s*$/.test(text.slice(last[1], span.start))) last[1] = span.end;
    else ranges.push([span.start, span.end]);
  }
  return ranges;
}

export class SearchService {
  readonly engine: SplitEngine;
  private suggestions: Promise<{ fuse: Fuse<string>; names: string[]; busiest: string[] }> | null = null;

  constructor(engine: SplitEngine) {
    this.engine = engine;
  }

  /** Reads the meta file; every shard it names is fetched when a query needs it. */
  static async load(metaUrl: string, fetcher: typeof fetch = fetch): Promise<SearchService> {
    const get = async (url: string) => {
      const response = await fetcher(url);
      if (!response.ok) throw new Error(`recherche : ${url} a répondu ${response.status}`);
      return response.json();
    };
    const meta = (await get(metaUrl)) as SplitMeta;
    return new SearchService(new SplitEngine(meta, (path) => get(new URL(path, metaUrl).href)));
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const outcome = await this.engine.search(request.state, { limit: request.limit, counts: request.counts ?? false });
    const docs = await this.engine.docs(outcome.hits);
    const suggestions = outcome.total === 0 ? await this.suggest(request.state.q) : [];
    return this.render(request, outcome, docs, suggestions);
  }

  private render(request: SearchRequest, outcome: SearchOutcome, docs: LoadedDoc[], suggestions: string[]): SearchResponse {
    const matched = new Set(outcome.matched);
    const groups = new Map<DocType, RenderGroup>();
    for (const { doc: d, org, pub } of docs) {
      let group = groups.get(d.t);
      if (!group) groups.set(d.t, (group = { t: d.t, label: DOC_TYPES[d.t], total: outcome.byType[d.t], items: [] }));
      const item: RenderItem = {
        t: d.t,
        s: d.s,
        url: docUrl(d),
        title: d.n,
        titleMarks: highlight(d.n, matched),
        orgs: (d.t === 'o' ? [] : (d.o ?? [])).map(org),
      };
      if (d.x) {
        item.text = d.x;
        item.textMarks = highlight(d.x, matched);
      }
      if (d.d) item.date = d.d;
      if (d.dl) item.dateLabel = d.dl;
      if (d.t === 'o' && d.ok) item.label = ORGANIZATION_KINDS[d.ok as keyof typeof ORGANIZATION_KINDS];
      else if (d.t === 'e' && d.k) item.label = EVENT_KINDS[d.k as keyof typeof EVENT_KINDS];
      if (d.p !== undefined) item.publisher = pub(d.p);
      if (d.st) item.status = STATUSES[d.st as keyof typeof STATUSES];
      group.items.push(item);
    }
    const response: SearchResponse = {
      id: request.id,
      total: outcome.total,
      partial: outcome.partial,
      terms: outcome.terms,
      groups: [...groups.values()],
      suggestions,
    };
    if (outcome.counts) response.counts = outcome.counts;
    return response;
  }

  /** Organisation names close to the query, else the most covered ones (names fetched the first time nothing matches). */
  private async suggest(q: string): Promise<string[]> {
    this.suggestions ??= this.engine.suggestions().then(({ names, busiest }) => ({
      fuse: new Fuse(names.map(normalize), { threshold: 0.45, ignoreLocation: true, isCaseSensitive: true }),
      names,
      busiest,
    }));
    const { fuse, names, busiest } = await this.suggestions;
    const folded = normalize(q);
    const close = folded ? fuse.search(folded.slice(0, 32), { limit: 3 }).map((r) => names[r.refIndex]!) : [];
    return close.length ? close : busiest;
  }
}
