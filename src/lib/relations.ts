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

/** Every relation that concerns `slug`: its own (outgoing) and those others state about it (incoming). */
export function relationsOf(slug: string, all: readonly OrgRelations[]): RelationView[] {
  const own = all.find((o) => o.slug === slug)?.relations ?? [];
  const outgoing = own.map((r) => ({ label: RELATION_TYPES[r.type].forward, direction: 'outgoing' as const, type: r.type, other: r.target, source: r.source, verified: r.verified ?? true, note: r.note }));
  const incoming = all.flatMap((o) =>
    o.relations
      .filter((r) => r.target === slug)
      .map((r) => ({ label: RELATION_TYPES[r.type].inverse, direction: 'incoming' as const, type: r.type, other: o.slug, source: r.source, verified: r.verified ?? true, note: r.note })),
  );
  return [...outgoing, ...incoming];
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
