/**
 * The search service: loads the two static files, builds the engine and turns
 * each request into ready-to-render results (labels resolved, matched words
 * located). Runs in a Web Worker (worker.ts), or in the page when workers fail.
 */
import Fuse from 'fuse.js';
import { EVENT_KINDS, ORGANIZATION_KINDS, STATUSES } from '../schemas/vocabulary.ts';
import { WordEngine, type FacetCounts, type SearchOutcome } from './engine.ts';
import { unpackIndex, type PackedIndex } from './fuse-index.ts';
import { DOC_TYPES, docUrl, type DocType, type SearchData } from './model.ts';
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
  readonly data: SearchData;
  readonly engine: WordEngine;
  private readonly orgFuse: Fuse<string>;
  private readonly busiestOrgs: string[];

  constructor(data: SearchData, index: PackedIndex) {
    this.data = data;
    this.engine = new WordEngine(data, unpackIndex(index), { cache: true }).prepare();
    this.orgFuse = new Fuse(data.orgs.map(([, name]) => normalize(name)), { threshold: 0.45, ignoreLocation: true, isCaseSensitive: true });
    const docsPerOrg = new Map<number, number>();
    for (const d of data.docs) if (d.t !== 'o') d.o?.forEach((o) => docsPerOrg.set(o, (docsPerOrg.get(o) ?? 0) + 1));
    this.busiestOrgs = [...docsPerOrg].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([o]) => data.orgs[o]![1]);
  }

  static async load(documentsUrl: string, indexUrl: string, fetcher: typeof fetch = fetch): Promise<SearchService> {
    const get = async (url: string) => {
      const response = await fetcher(url);
      if (!response.ok) throw new Error(`recherche : ${url} a répondu ${response.status}`);
      return response.json();
    };
    const [data, index] = await Promise.all([get(documentsUrl), get(indexUrl)]);
    return new SearchService(data as SearchData, index as PackedIndex);
  }

  search(request: SearchRequest): SearchResponse {
    const outcome = this.engine.search(request.state, { limit: request.limit, counts: request.counts ?? false });
    return this.render(request, outcome);
  }

  private render(request: SearchRequest, outcome: SearchOutcome): SearchResponse {
    const { data } = this;
    const matched = new Set(outcome.matched);
    const groups = new Map<DocType, RenderGroup>();
    for (const i of outcome.hits) {
      const d = data.docs[i]!;
      let group = groups.get(d.t);
      if (!group) groups.set(d.t, (group = { t: d.t, label: DOC_TYPES[d.t], total: outcome.byType[d.t], items: [] }));
      const item: RenderItem = {
        t: d.t,
        s: d.s,
        url: docUrl(d),
        title: d.n,
        titleMarks: highlight(d.n, matched),
        orgs: (d.t === 'o' ? [] : (d.o ?? [])).map((o) => data.orgs[o]![1]),
      };
      if (d.x) {
        item.text = d.x;
        item.textMarks = highlight(d.x, matched);
      }
      if (d.d) item.date = d.d;
      if (d.dl) item.dateLabel = d.dl;
      if (d.t === 'o' && d.ok) item.label = ORGANIZATION_KINDS[d.ok as keyof typeof ORGANIZATION_KINDS];
      else if (d.t === 'e' && d.k) item.label = EVENT_KINDS[d.k as keyof typeof EVENT_KINDS];
      if (d.p !== undefined) item.publisher = data.pubs[d.p]![1];
      if (d.st) item.status = STATUSES[d.st as keyof typeof STATUSES];
      group.items.push(item);
    }
    const response: SearchResponse = {
      id: request.id,
      total: outcome.total,
      partial: outcome.partial,
      terms: outcome.terms,
      groups: [...groups.values()],
      suggestions: outcome.total === 0 ? this.suggest(request.state.q) : [],
    };
    if (outcome.counts) response.counts = outcome.counts;
    return response;
  }

  /** Organisation names close to the query, else the most covered ones. */
  private suggest(q: string): string[] {
    const folded = normalize(q);
    const close = folded ? this.orgFuse.search(folded.slice(0, 32), { limit: 3 }).map((r) => this.data.orgs[r.refIndex]![1]) : [];
    return close.length ? close : this.busiestOrgs;
  }
}
