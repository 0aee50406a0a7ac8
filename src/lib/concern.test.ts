import { describe, expect, it } from 'vitest';
import { alphabetical, concernOf, operatorsOf, pickable, type ConcernOrganization } from './concern.ts';

const OPERATORS = ['op-a', 'op-b'];
const org = (slug: string, kind: string, relations: ConcernOrganization['relations'] = []): ConcernOrganization => ({ slug, name: slug, aliases: [], kind, relations });
const ORGS: ConcernOrganization[] = [
  org('op-a', 'operateur-tiers-payant'),
  org('op-b', 'operateur-tiers-payant'),
  org('op-c', 'operateur-tiers-payant'),
  org('mutuelle-a', 'complementaire-sante', [{ type: 'client-de', target: 'op-a', source: 'https://a.example/avis' }]),
  org('mutuelle-ab', 'complementaire-sante', [
    { type: 'ancien-client-de', target: 'op-a', source: 'https://ab.example/faq', note: 'jusqu’en 2023' },
    { type: 'client-de', target: 'op-b', source: 'https://ab.example/faq' },
  ]),
  org('mutuelle-groupe', 'complementaire-sante', [{ type: 'filiale-de', target: 'op-a', source: 'https://g.example' }]),
  org('mutuelle-c', 'complementaire-sante', [{ type: 'client-de', target: 'op-c', source: 'https://c.example' }]),
  org('courtier', 'autre', [{ type: 'client-de', target: 'op-b', source: 'https://courtier.example', verified: false, note: 'non confirmé' }]),
  org('regulateur', 'regulateur'),
];

describe('concernOf', () => {
  it('names the operator of a client, with the source of the relation', () => {
    expect(concernOf('mutuelle-a', ORGS, OPERATORS)).toEqual({
      status: 'client',
      links: [{ operator: 'op-a', type: 'client-de', source: 'https://a.example/avis', verified: true, note: undefined }],
    });
  });

  it('lists both operators for a client of both, current tie first', () => {
    const concern = concernOf('mutuelle-ab', ORGS, OPERATORS);
    expect(concern.status).toBe('client');
    expect(concern.status === 'client' && concern.links.map((l) => [l.type, l.operator])).toEqual([
      ['client-de', 'op-b'],
      ['ancien-client-de', 'op-a'],
    ]);
    expect(operatorsOf(concern)).toEqual(['op-b', 'op-a']);
  });

  it('keeps an unverified relation flagged as such', () => {
    const concern = concernOf('courtier', ORGS, OPERATORS);
    expect(concern.status === 'client' && concern.links[0]).toMatchObject({ verified: false, note: 'non confirmé' });
  });

  it('does not count relations other than client ties, nor ties to other operators', () => {
    expect(concernOf('mutuelle-groupe', ORGS, OPERATORS)).toEqual({ status: 'unknown' });
    expect(concernOf('mutuelle-c', ORGS, OPERATORS)).toEqual({
      status: 'elsewhere',
      links: [{ operator: 'op-c', type: 'client-de', source: 'https://c.example', verified: true, note: undefined }],
    });
  });

  it('tells breached operators, other operators and unknown names apart', () => {
    expect(concernOf('op-a', ORGS, OPERATORS)).toEqual({ status: 'operator' });
    expect(concernOf('op-c', ORGS, OPERATORS)).toEqual({ status: 'other-operator' });
    expect(concernOf('absente', ORGS, OPERATORS)).toEqual({ status: 'unknown' });
    expect(operatorsOf({ status: 'unknown' })).toEqual([]);
  });
});

describe('pickable', () => {
  it('offers every complémentaire and any other client of an operator, not regulators', () => {
    expect(pickable(ORGS, OPERATORS).map((o) => o.slug).sort()).toEqual(['courtier', 'mutuelle-a', 'mutuelle-ab', 'mutuelle-c', 'mutuelle-groupe']);
  });
});

describe('alphabetical', () => {
  it('groups by first letter without accent, in French order', () => {
    const groups = alphabetical([{ name: 'Intériale' }, { name: 'Aésio' }, { name: 'Alan' }, { name: 'Élysée' }, { name: '3 mutuelles' }]);
    expect(groups.map((g) => [g.letter, g.items.map((i) => i.name)])).toEqual([
      ['#', ['3 mutuelles']],
      ['A', ['Aésio', 'Alan']],
      ['E', ['Élysée']],
      ['I', ['Intériale']],
    ]);
  });
});
