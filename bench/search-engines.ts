/**
 * What the benchmark times, identical in Node and in the browser: loading an
 * engine from the two files' text, and running queries one by one.
 */
import { PlainEngine, WordEngine, type SearchEngine } from '../src/search/engine.ts';
import { unpackIndex, type PackedIndex } from '../src/search/fuse-index.ts';
import type { SearchData } from '../src/search/model.ts';
import type { SearchState } from '../src/search/state.ts';

export type EngineName = 'plain' | 'word';

export const ENGINE_LABELS: Record<EngineName, string> = {
  plain: 'Fuse seul (index préconstruit, requête entière)',
  word: 'Fuse sur le vocabulaire + index inversé (livré)',
};

export interface Timed<T> {
  value: T;
  ms: number;
}

/** Parses both files and builds the engine: what a visitor waits for once, on first focus. */
export function loadEngine(name: EngineName, documentsText: string, indexText: string): Timed<SearchEngine> {
  const start = performance.now();
  const data = JSON.parse(documentsText) as SearchData;
  const index = unpackIndex(JSON.parse(indexText) as PackedIndex);
  const value = name === 'plain' ? new PlainEngine(data, index) : new WordEngine(data, index).prepare();
  return { value, ms: performance.now() - start };
}

/** Milliseconds per query, in the given order; results limited as the results page asks (150, with facet counts). */
export function timeQueries(engine: SearchEngine, states: SearchState[]): number[] {
  return states.map((state) => {
    const start = performance.now();
    engine.search(state, { limit: 150, counts: true });
    return performance.now() - start;
  });
}
