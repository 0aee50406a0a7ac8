/**
 * Browser side of the comparison with Pagefind (bundled by bench/search.ts):
 * the same questions asked of both engines, each loading what it loads on a
 * real page (our engine's code, documents and index; Pagefind's script, its
 * WebAssembly and the index chunks and fragments a query needs).
 */
import type { SplitEngine } from '../src/search/split-engine.ts';
import type { SearchService } from '../src/search/service.ts';
import type { SplitMeta } from '../src/search/split.ts';

interface Ours {
  SplitEngine: typeof SplitEngine;
  SearchService: typeof SearchService;
  emptyState: () => import('../src/search/state.ts').SearchState;
}
interface PagefindResult { data: () => Promise<{ url: string }> }
interface Pagefind {
  init: () => Promise<void>;
  options: (o: { noWorker?: boolean }) => Promise<void>;
  search: (q: string) => Promise<{ results: PagefindResult[] }>;
}

let ours: { engine: SplitEngine; service: SearchService; mod: Ours } | null = null;
let pagefind: Pagefind | null = null;
// A variable, so the bundler leaves these imports to the browser.
const load = (url: string) => import(/* @vite-ignore */ url);

/** Document index from a Pagefind page address (`…/doc/<i>/`). */
const docOf = (url: string) => Number(/\/doc\/(\d+)\/?$/.exec(url)?.[1] ?? -1);

const api = {
  /** Our engine as the site loads it: the meta file now, the shards a query needs when it runs. */
  async oursLoad(base: string): Promise<void> {
    const mod = (await load('/ours.js')) as Ours;
    const get = (path: string) => fetch(`${base}${path}`).then((r) => r.json());
    const engine = new mod.SplitEngine((await get('/meta.json')) as SplitMeta, get);
    ours = { engine, service: new mod.SearchService(engine), mod };
  },
  /**
   * The five best documents as the site's worker answers a request: with their
   * display data and the matched words located (as Pagefind's excerpt marks
   * them). Each is named `type:slug`.
   */
  async oursTop(q: string): Promise<string[]> {
    if (!ours) throw new Error('moteur non chargé');
    const { groups } = await ours.service.search({ id: 0, state: { ...ours.mod.emptyState(), q }, limit: 5 });
    return groups.flatMap((g) => g.items.map((item) => `${item.t}:${item.s}`));
  },
  /**
   * Pagefind on the page's thread, like ours here. By default (since 1.5) it
   * searches in a Web Worker, which adds a message round trip to each search
   * and to each result's data; the site runs ours in a worker too, so neither
   * engine is timed with one.
   */
  async pagefindLoad(base: string): Promise<void> {
    pagefind = (await load(`${base}/pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ noWorker: true });
    await pagefind.init();
  },
  /** The five best documents with their data (title, address, excerpt), as a results list needs them. */
  async pagefindTop(q: string): Promise<number[]> {
    if (!pagefind) throw new Error('Pagefind non chargé');
    const { results } = await pagefind.search(q);
    const data = await Promise.all(results.slice(0, 5).map((r) => r.data()));
    return data.map((d) => docOf(d.url));
  },
  /** Cold: load the engine and answer one query; milliseconds to the first results. */
  async cold(engine: 'ours' | 'pagefind', base: string, q: string): Promise<{ ms: number; top: (number | string)[] }> {
    const start = performance.now();
    if (engine === 'ours') {
      await api.oursLoad(base);
      const top = await api.oursTop(q);
      return { ms: performance.now() - start, top };
    }
    await api.pagefindLoad(base);
    const top = await api.pagefindTop(q);
    return { ms: performance.now() - start, top };
  },
  /**
   * Warm: every query timed one by one, engine already loaded. With `fresh`,
   * nothing an earlier query left is reused: our engine forgets its word
   * expansions before each query (outside the timing). Pagefind keeps no
   * result or expansion per query (pagefind.js 1.6.0 keeps only the index
   * chunks, filter chunks and fragments it fetched, and its WebAssembly search
   * holds no per-query state), so it has nothing to forget.
   */
  async warm(engine: 'ours' | 'pagefind', queries: string[], fresh = false): Promise<{ ms: number[]; tops: (number | string)[][] }> {
    const ms: number[] = [];
    const tops: (number | string)[][] = [];
    for (const q of queries) {
      if (fresh && engine === 'ours') ours?.engine.forgetQueries();
      const start = performance.now();
      tops.push(engine === 'ours' ? await api.oursTop(q) : await api.pagefindTop(q));
      ms.push(performance.now() - start);
    }
    return { ms, tops };
  },
};

(globalThis as unknown as { compareBench: typeof api }).compareBench = api;
