/** Relations between organisations, read both ways: Almerys lists its clients, a mutuelle shows its operator. */
import { RELATION_TYPES, type RelationType } from '../schemas/vocabulary.ts';

export interface Relation {
  type: RelationType;
  target: string;
  source: string;
  verified?: boolean | undefined;
  note?: string | undefined;
}

export interface OrgRelations {
  slug: string;
  relations: readonly Relation[];
}

export interface RelationView {
  /** Heading: « client de » for outgoing, « Clients » for incoming. */
  label: string;
  direction: 'outgoing' | 'incoming';
  type: RelationType;
  /** The other organisation. */
  other: string;
  source: string;
  verified: boolean;
  note?: string | undefined;
}

const outgoingView = (r: Relation, other: string): RelationView => ({ label: RELATION_TYPES[r.type].forward, direction: 'outgoing', type: r.type, other, source: r.source, verified: r.verified ?? true, note: r.note });
const incomingView = (r: Relation, other: string): RelationView => ({ label: RELATION_TYPES[r.type].inverse, direction: 'incoming', type: r.type, other, source: r.source, verified: r.verified ?? true, note: r.note });

/** Every relation that concerns `slug`: its own (outgoing) and those others state about it (incoming). */
export function relationsOf(slug: string, all: readonly OrgRelations[]): RelationView[] {
  const own = all.find((o) => o.slug === slug)?.relations ?? [];
  const incoming = all.flatMap((o) => o.relations.filter((r) => r.target === slug).map((r) => incomingView(r, o.slug)));
  return [...own.map((r) => outgoingView(r, r.target)), ...incoming];
}

/** `relationsOf` for every organisation at once, in one pass (same order: outgoing, then incoming). */
export function relationViews(all: readonly OrgRelations[]): Map<string, RelationView[]> {
  const outgoing = new Map<string, RelationView[]>();
  const incoming = new Map<string, RelationView[]>();
  for (const o of all) {
    outgoing.set(o.slug, o.relations.map((r) => outgoingView(r, r.target)));
    for (const r of o.relations) (incoming.get(r.target) ?? incoming.set(r.target, []).get(r.target)!).push(incomingView(r, o.slug));
  }
  const views = new Map<string, RelationView[]>();
  for (const slug of new Set([...outgoing.keys(), ...incoming.keys()])) views.set(slug, [...(outgoing.get(slug) ?? []), ...(incoming.get(slug) ?? [])]);
  return views;
}

/** Relations grouped under their label, in a stable order (outgoing first). */
export function groupRelations(views: readonly RelationView[]): { label: string; direction: 'outgoing' | 'incoming'; items: RelationView[] }[] {
  const groups = new Map<string, { label: string; direction: 'outgoing' | 'incoming'; items: RelationView[] }>();
  for (const v of views) {
    const key = `${v.direction}:${v.type}`;
    const g = groups.get(key) ?? groups.set(key, { label: v.label, direction: v.direction, items: [] }).get(key)!;
    g.items.push(v);
  }
  return [...groups.values()];
}
