/**
 * Finds the organisation a reader means from what they typed: exact names and
 * aliases first (case, accents and punctuation ignored), then close spellings
 * (« Harmonie Mutuele », « Almérus »). Runs in the browser and in tests.
 */
import Fuse from 'fuse.js/basic';
import { normalize } from '../search/normalize.ts';

export interface MatchCandidate {
  slug: string;
  name: string;
  aliases: readonly string[];
}

export type MatchResult =
  /** One organisation, named exactly or spelled closely enough to be sure. */
  | { kind: 'found'; slug: string; exact: boolean }
  /** Nothing certain: a few names that look alike. */
  | { kind: 'suggestions'; slugs: string[] }
  | { kind: 'none' };

/** Fuse scores run from 0 (perfect) to 1: below SURE we answer, below NEAR we only suggest. */
const SURE = 0.2;
const NEAR = 0.45;

export function createMatcher(candidates: readonly MatchCandidate[]) {
  const byName = new Map<string, string>();
  for (const c of candidates) for (const n of [c.name, ...c.aliases]) if (!byName.has(normalize(n))) byName.set(normalize(n), c.slug);
  const fuse = new Fuse(
    candidates.map((c) => ({ slug: c.slug, names: [c.name, ...c.aliases].map(normalize) })),
    { keys: ['names'], includeScore: true, ignoreLocation: true, threshold: NEAR },
  );
  return (typed: string): MatchResult => {
    const query = normalize(typed);
    if (!query) return { kind: 'none' };
    const exact = byName.get(query);
    if (exact) return { kind: 'found', slug: exact, exact: true };
    const hits = fuse.search(query, { limit: 5 });
    const [best, second] = hits;
    // Sure only when the best guess is close and clearly ahead of the next one.
    if (best && (best.score ?? 1) <= SURE && (!second || (second.score ?? 1) - (best.score ?? 1) > 0.05)) {
      return { kind: 'found', slug: best.item.slug, exact: false };
    }
    return hits.length ? { kind: 'suggestions', slugs: [...new Set(hits.map((h) => h.item.slug))] } : { kind: 'none' };
  };
}
