/** Chooses the figure claims a dossier headlines: per key, the latest confirmed claim (else the latest). */
import type { Figure } from '../schemas/index.ts';

export interface Claim extends Figure {
  /** Slug of the event that carries the claim. */
  event: string;
  /** Publisher of the claim's source. */
  publisher: string;
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
    const confirmed = sorted.filter((c) => c.status === 'confirmé');
    const headline = (confirmed.length ? confirmed : sorted).at(-1)!;
    return { key, label: headline.label, claims: sorted, headline };
  });
}
