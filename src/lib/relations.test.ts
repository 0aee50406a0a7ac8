import { describe, expect, it } from 'vitest';
import { groupRelations, relationsOf } from './relations.ts';

const src = 'https://exemple.example/source';
const all = [
  { slug: 'almerys', relations: [{ type: 'filiale-de' as const, target: 'be-ys', source: src }] },
  { slug: 'mgen', relations: [{ type: 'client-de' as const, target: 'almerys', source: src }] },
  { slug: 'mgp', relations: [{ type: 'client-de' as const, target: 'almerys', source: src, verified: false, note: 'selon la mutuelle' }] },
  { slug: 'be-ys', relations: [] },
];

describe('relationsOf', () => {
  it('lists an operator’s clients as incoming relations', () => {
    const views = relationsOf('almerys', all);
    expect(views.filter((v) => v.direction === 'incoming').map((v) => [v.label, v.other])).toEqual([
      ['Clients', 'mgen'],
      ['Clients', 'mgp'],
    ]);
    expect(views.find((v) => v.direction === 'outgoing')).toMatchObject({ label: 'filiale de', other: 'be-ys' });
    expect(views.find((v) => v.other === 'mgp')?.verified).toBe(false);
  });

  it('shows a mutuelle its operator, and a parent its subsidiaries', () => {
    expect(relationsOf('mgen', all)).toEqual([{ label: 'client de', direction: 'outgoing', type: 'client-de', other: 'almerys', source: src, verified: true, note: undefined }]);
    expect(relationsOf('be-ys', all).map((v) => [v.label, v.other])).toEqual([['Filiales', 'almerys']]);
  });

  it('groups relations under one heading per direction and type', () => {
    const groups = groupRelations(relationsOf('almerys', all));
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ['filiale de', 1],
      ['Clients', 2],
    ]);
  });

  it('returns nothing for an organisation without relations', () => {
    expect(relationsOf('inconnue', all)).toEqual([]);
  });
});
