/**
 * « Suis-je concerné ? »: what the record says about one organisation and the
 * breached operators. Pure functions over content, shared by the page, the
 * organisation pages and their tests, so every view gives the same answer.
 */
import type { RelationType } from '../schemas/vocabulary.ts';

/** The relations that tie a client to an operator's tiers payant. */
const CLIENT_RELATIONS = ['client-de', 'ancien-client-de'] as const satisfies readonly RelationType[];
type ClientRelation = (typeof CLIENT_RELATIONS)[number];

export interface ConcernOrganization {
  slug: string;
  name: string;
  aliases: readonly string[];
  kind: string;
  relations: readonly { type: RelationType; target: string; source: string; verified?: boolean; note?: string | undefined }[];
}

/** One sourced tie between an organisation and a breached operator. */
export interface OperatorLink {
  operator: string;
  type: ClientRelation;
  source: string;
  verified: boolean;
  note?: string | undefined;
}

export type Concern =
  /** The organisation is one of the breached operators. */
  | { status: 'operator' }
  /** A current or former client of at least one breached operator, per the sources. */
  | { status: 'client'; links: OperatorLink[] }
  /** Another tiers payant operator: not among the breached ones. */
  | { status: 'other-operator' }
  /** A client of another tiers payant operator only, per the sources. */
  | { status: 'elsewhere'; links: OperatorLink[] }
  /** Nothing in the record ties it to a breached operator: we do not know. */
  | { status: 'unknown' };

/** What the record says about `slug` with regard to the breached `operators`. */
export function concernOf(slug: string, organizations: readonly ConcernOrganization[], operators: readonly string[]): Concern {
  if (operators.includes(slug)) return { status: 'operator' };
  const org = organizations.find((o) => o.slug === slug);
  if (!org) return { status: 'unknown' };
  const ties = org.relations
    .filter((r): r is typeof r & { type: ClientRelation } => (CLIENT_RELATIONS as readonly string[]).includes(r.type))
    .map((r) => ({ operator: r.target, type: r.type, source: r.source, verified: r.verified ?? true, note: r.note }));
  const links = ties
    .filter((t) => operators.includes(t.operator))
    // Current ties first, then by operator order, so « Viamedis » reads before « Almerys » everywhere.
    .sort((a, b) => Number(a.type !== 'client-de') - Number(b.type !== 'client-de') || operators.indexOf(a.operator) - operators.indexOf(b.operator));
  if (links.length > 0) return { status: 'client', links };
  if (org.kind === 'operateur-tiers-payant') return { status: 'other-operator' };
  const isOperator = (slug: string) => organizations.find((o) => o.slug === slug)?.kind === 'operateur-tiers-payant';
  const elsewhere = ties.filter((t) => t.type === 'client-de' && isOperator(t.operator));
  if (elsewhere.length > 0) return { status: 'elsewhere', links: elsewhere };
  return { status: 'unknown' };
}

/** Operators a concern points at, without repeats, in operator order. */
export function operatorsOf(concern: Concern): string[] {
  return concern.status === 'client' ? [...new Set(concern.links.map((l) => l.operator))] : [];
}

/**
 * Organisations a reader may pick: every complémentaire santé, and any other
 * organisation tied to an operator as a client (a broker, a care network).
 */
export function pickable(organizations: readonly ConcernOrganization[], operators: readonly string[]): ConcernOrganization[] {
  return organizations.filter((o) => o.kind === 'complementaire-sante' || concernOf(o.slug, organizations, operators).status === 'client');
}

/** A–Z groups for the list shown without JavaScript: first letter without accent, « # » for digits. */
export function alphabetical<T extends { name: string }>(items: readonly T[]): { letter: string; items: T[] }[] {
  const letterOf = (name: string) => {
    const first = name.normalize('NFKD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
    return /[A-Z]/.test(first) ? first : '#';
  };
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
  const groups = new Map<string, T[]>();
  for (const item of sorted) {
    const letter = letterOf(item.name);
    (groups.get(letter) ?? groups.set(letter, []).get(letter)!).push(item);
  }
  return [...groups.entries()].map(([letter, list]) => ({ letter, items: list }));
}
