/**
 * Our shipped search as the site's worker runs it (the split index engine and
 * the service that turns its results into what the list shows), bundled on its
 * own so its bytes count in the comparison.
 */
export { SplitEngine } from '../src/search/split-engine.ts';
export { SearchService } from '../src/search/service.ts';
export { emptyState } from '../src/search/state.ts';
