/** Our shipped engine as the browser loads it (the split index), bundled on its own so its bytes count in the comparison. */
export { SplitEngine } from '../src/search/split-engine.ts';
export { emptyState } from '../src/search/state.ts';
