import { describe, expect, it } from 'vitest';
import { SLUG_RE } from '../schemas/fields.ts';
import { SLUG_MAX_LENGTH, isSlug, slugifyTitle, uniqueSlug } from './slug.ts';

describe('slugifyTitle', () => {
  it('drops accents, elided articles and punctuation the French way', () => {
    expect(slugifyTitle("Almerys : l'ANSSI enquête")).toBe('almerys-l-anssi-enquete');
    expect(slugifyTitle('L’Assurance maladie « alerte » !')).toBe('l-assurance-maladie-alerte');
    expect(slugifyTitle('Œuvres, cœur et Ça')).toBe('oeuvres-coeur-et-ca');
    expect(slugifyTitle('Données : 33 millions de personnes')).toBe('donnees-33-millions-de-personnes');
  });

  it('keeps acronyms whole (no camel-case splitting) and spells symbols in French', () => {
    expect(slugifyTitle('La CNIL et ViaMedis')).toBe('la-cnil-et-viamedis');
    expect(slugifyTitle('Harmonie & Malakoff')).toBe('harmonie-et-malakoff');
    expect(slugifyTitle('Hausse de 50 %')).toBe('hausse-de-50-pour-cent');
  });

  it('always gives a valid slug, or nothing when there is no letter or digit', () => {
    for (const title of ["Almerys : l'ANSSI enquête", '  --Titre--  ', 'À l’été 2024 : « ça » continue…', 'n° 18151']) {
      expect(slugifyTitle(title)).toMatch(SLUG_RE);
    }
    expect(slugifyTitle('!!! ???')).toBe('');
    expect(slugifyTitle('   ')).toBe('');
  });

  it('cuts long titles at a word boundary', () => {
    const title = 'La CNIL annonce que plus de trente-trois millions de personnes sont concernées par les cyberattaques contre deux opérateurs de tiers payant';
    const slug = slugifyTitle(title);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(SLUG_RE);
    expect(slugifyTitle(title, 1000).startsWith(slug)).toBe(true);
    expect(slugifyTitle(title, 1000).charAt(slug.length)).toBe('-');
    expect(slugifyTitle('abcdefghij', 4)).toBe('abcd');
  });
});

describe('uniqueSlug', () => {
  it('keeps a free slug, else adds -2, -3…', () => {
    expect(uniqueSlug('foo', new Set())).toBe('foo');
    expect(uniqueSlug('foo', new Set(['foo']))).toBe('foo-2');
    expect(uniqueSlug('foo', new Set(['foo', 'foo-2', 'foo-3']))).toBe('foo-4');
    expect(uniqueSlug('foo', new Set(['foo', 'foo-3']))).toBe('foo-2');
  });
});

describe('isSlug', () => {
  it('matches file names the checker accepts', () => {
    expect(isSlug('cnil-annonce-33-millions')).toBe(true);
    for (const bad of ['', 'Cnil', 'cnil--x', '-cnil', 'cnil-', 'été', 'a b', 'a_b']) expect(isSlug(bad), bad).toBe(false);
  });
});
