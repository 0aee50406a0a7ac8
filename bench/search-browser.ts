/** Browser entry of the search benchmark (bundled by bench/search.ts): the same functions, on `window`. */
import type { SearchEngine } from '../src/search/engine.ts';
import type { SearchState } from '../src/search/state.ts';
import { loadEngine, timeQueries, type EngineName } from './search-engines.ts';

let engine: SearchEngine | null = null;

const api = {
  /** Fetches both files (not timed), then times parsing and building. */
  async load(name: EngineName, documentsUrl: string, indexUrl: string): Promise<number> {
    engine = null;
    const [documents, index] = await Promise.all([fetch(documentsUrl).then((r) => r.text()), fetch(indexUrl).then((r) => r.text())]);
    const loaded = loadEngine(name, documents, index);
    engine = loaded.value;
    return loaded.ms;
  },
  run(states: SearchState[]): number[] {
    if (!engine) throw new Error('moteur non chargé');
    return timeQueries(engine, states);
  },
};

(globalThis as unknown as { searchBench: typeof api }).searchBench = api;
