import { describe, expect, it } from 'vitest';
import { MAX_TITLE, pageTitle } from './page-title.ts';

describe('pageTitle', () => {
  it('adds the site name when it fits', () => {
    expect(pageTitle('Chiffres')).toBe('Chiffres · Veille Fuites');
    expect(pageTitle('Veille Fuites')).toBe('Veille Fuites');
  });

  it('drops the site name for a long title, then cuts at a word', () => {
    const long = 'Viamedis annonce une cyberattaque ayant touché sa plateforme de tiers payant';
    expect(long.length).toBeGreaterThan(MAX_TITLE);
    const sixtyFive = 'La CNIL confirme que plus de 33 millions de personnes sont touchées';
    expect(pageTitle(sixtyFive)).toBe(sixtyFive);
    const cut = pageTitle(long);
    expect(cut).toBe('Viamedis annonce une cyberattaque ayant touché sa plateforme de tiers…');
    expect(cut.length).toBeLessThanOrEqual(MAX_TITLE);
  });

  it('writes typographic apostrophes and counts escaped characters as the HTML source does', () => {
    expect(pageTitle("L'Assurance maladie")).toBe('L’Assurance maladie · Veille Fuites');
    const ampersands = 'A & B '.repeat(10).trim();
    expect(ampersands.length).toBeLessThan(MAX_TITLE);
    const cut = pageTitle(ampersands);
    expect(cut.length + (cut.match(/&/g)?.length ?? 0) * 4).toBeLessThanOrEqual(MAX_TITLE);
    expect(cut).toMatch(/^A & B A & B .*…$/);
  });

  it('cuts a title with no space at all', () => {
    expect(pageTitle('x'.repeat(200))).toBe(`${'x'.repeat(MAX_TITLE - 1)}…`);
  });
});
