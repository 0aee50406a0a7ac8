/** Our shipped engine as the browser loads it, bundled on its own so its bytes count in the comparison. */
export { loadEngine } from './search-engines.ts';
export { emptyState } from '../src/search/state.ts';
