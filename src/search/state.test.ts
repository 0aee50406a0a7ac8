import { describe, expect, it } from 'vitest';
import { emptyState, hasFilters, parseState, sameState, stateToParams, stateToSearch } from './state.ts';

describe('search state in the URL', () => {
  it('reads and writes every facet, in a stable order', () => {
    const state = parseState(new URLSearchParams('au=2024-02&org=almerys&q=s%C3%A9cu&type=incident&type=legal&cat=numero-de-securite-sociale&pub=franceinfo&du=2024'));
    expect(state).toEqual({ q: 'sécu', type: ['incident', 'legal'], org: ['almerys'], cat: ['numero-de-securite-sociale'], pub: ['franceinfo'], du: '2024', au: '2024-02' });
    expect(stateToSearch(state)).toBe('?q=s%C3%A9cu&type=incident&type=legal&org=almerys&cat=numero-de-securite-sociale&pub=franceinfo&du=2024&au=2024-02');
    expect(parseState(stateToParams(state))).toEqual(state);
  });

  it('drops malformed values and empty fields (as a form without JavaScript sends them)', () => {
    const state = parseState(new URLSearchParams('q=&type=&org=../x&org=ok,Bad&du=hier&au=2024-13-99x'));
    expect(state).toEqual({ ...emptyState(), org: ['ok'] });
    expect(stateToSearch(emptyState())).toBe('');
    expect(hasFilters(state)).toBe(true);
    expect(hasFilters(emptyState())).toBe(false);
  });

  it('cuts very long queries and compares states by their URL', () => {
    expect(parseState(new URLSearchParams(`q=${'a'.repeat(500)}`)).q).toHaveLength(200);
    expect(sameState({ ...emptyState(), q: ' almerys ' }, { ...emptyState(), q: 'almerys' })).toBe(true);
  });
});
