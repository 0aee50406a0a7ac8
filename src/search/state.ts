/**
 * The search state and its URL form (`/recherche/?q=…&type=…&org=…`), so a
 * search can be shared and the Back button works. Facet values are slugs:
 * event kinds, organisation and publisher slugs, data-category slugs; dates
 * are « AAAA », « AAAA-MM » or « AAAA-MM-JJ ».
 */

export interface SearchState {
  /** The words typed. */
  q: string;
  /** Event kinds (an article takes its event's kind). */
  type: string[];
  /** Organisation slugs. */
  org: string[];
  /** Exposed data categories, as slugs (« numero-de-securite-sociale »). */
  cat: string[];
  /** Publisher slugs. */
  pub: string[];
  /** From this date (included). */
  du: string;
  /** Up to this date (included: « 2024-02 » means to the end of February). */
  au: string;
}

export const FACETS = ['type', 'org', 'cat', 'pub'] as const;
export type Facet = (typeof FACETS)[number];

const DATE_RE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest query kept (longer input is cut). */
export const QUERY_MAX = 200;

export const emptyState = (): SearchState => ({ q: '', type: [], org: [], cat: [], pub: [], du: '', au: '' });

/** Reads a state from URL parameters; unknown or malformed values are dropped. */
export function parseState(params: URLSearchParams): SearchState {
  const list = (name: string) => [...new Set(params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => SLUG_RE.test(v)))];
  const date = (name: string) => {
    const v = (params.get(name) ?? '').trim();
    return DATE_RE.test(v) ? v : '';
  };
  return {
    q: (params.get('q') ?? '').slice(0, QUERY_MAX),
    type: list('type'),
    org: list('org'),
    cat: list('cat'),
    pub: list('pub'),
    du: date('du'),
    au: date('au'),
  };
}

/** The URL parameters of a state, in a stable order, empty values left out. */
export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACETS) for (const v of state[facet]) params.append(facet, v);
  if (state.du) params.set('du', state.du);
  if (state.au) params.set('au', state.au);
  return params;
}

/** The query string of a state, with a leading « ? » when not empty. */
export function stateToSearch(state: SearchState): string {
  const s = stateToParams(state).toString();
  return s ? `?${s}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((f) => state[f].length > 0) || state.du !== '' || state.au !== '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToParams(a).toString() === stateToParams(b).toString();
}
