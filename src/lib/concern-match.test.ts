import { describe, expect, it } from 'vitest';
import { createMatcher } from './concern-match.ts';

const match = createMatcher([
  { slug: 'harmonie-mutuelle', name: 'Harmonie Mutuelle', aliases: [] },
  { slug: 'mutuelle-generale', name: 'La Mutuelle Générale', aliases: ['LMG'] },
  { slug: 'malakoff-humanis', name: 'Malakoff Humanis', aliases: ['Malakoff Médéric'] },
  { slug: 'mutuelle-lmp', name: 'Mutuelle LMP', aliases: [] },
  { slug: 'almerys', name: 'Almerys', aliases: ['Almérys', 'Almérus'] },
]);

describe('the organisation matcher', () => {
  it('finds names and aliases ignoring case, accents and punctuation', () => {
    expect(match('la mutuelle generale')).toEqual({ kind: 'found', slug: 'mutuelle-generale', exact: true });
    expect(match('  LMG ')).toEqual({ kind: 'found', slug: 'mutuelle-generale', exact: true });
    expect(match('malakoff-médéric')).toEqual({ kind: 'found', slug: 'malakoff-humanis', exact: true });
  });

  it('answers a close misspelling', () => {
    expect(match('Harmonie Mutuele')).toEqual({ kind: 'found', slug: 'harmonie-mutuelle', exact: false });
    expect(match('malakof humanis')).toEqual({ kind: 'found', slug: 'malakoff-humanis', exact: false });
  });

  it('only suggests when the words fit several names', () => {
    const result = match('mutuelle');
    expect(result.kind).toBe('suggestions');
    expect(result.kind === 'suggestions' && result.slugs).toEqual(expect.arrayContaining(['harmonie-mutuelle', 'mutuelle-generale', 'mutuelle-lmp']));
  });

  it('says nothing matches for an unknown name or an empty field', () => {
    expect(match('Caisse imaginaire du Nord')).toEqual({ kind: 'none' });
    expect(match('  ')).toEqual({ kind: 'none' });
  });
});
