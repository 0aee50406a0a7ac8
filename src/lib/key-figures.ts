/**
 * Chooses the claim a dossier headlines, per key: one whose source was found
 * again, of the best status (confirmed first), then the latest.
 */
import type { Figure } from '../schemas/index.ts';

export interface Claim extends Figure {
  /** Slug of the event that carries the claim. */
  event: string;
  /** Publisher of the claim's source. */
  publisher: string;
  /** False when the claim's source could not be found again. */
  verified?: boolean;
}

const STATUS_RANK: Record<Claim['status'], number> = { 'confirmé': 0, 'rapporté': 1, 'revendiqué': 2, 'contesté': 3 };

/** Negative when `a` makes the better headline. */
function better(a: Claim, b: Claim): number {
  return (
    Number(a.verified === false) - Number(b.verified === false) ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    b.asOf.localeCompare(a.asOf)
  );
}

export interface FigureSeries {
  key: string;
  label: string;
  /** Claims oldest first. */
  claims: Claim[];
  headline: Claim;
}

export function figureSeries(claims: readonly Claim[]): FigureSeries[] {
  const byKey = new Map<string, Claim[]>();
  for (const c of claims) (byKey.get(c.key) ?? byKey.set(c.key, []).get(c.key)!).push(c);
  return [...byKey.entries()].map(([key, list]) => {
    const sorted = [...list].sort((a, b) => a.asOf.localeCompare(b.asOf));
    const headline = [...list].sort(better)[0]!;
    return { key, label: headline.label, claims: sorted, headline };
  });
}
