import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, queryTerms, wordSpans, words } from './normalize.ts';

describe('normalize', () => {
  it('drops case and accents', () => {
    expect(normalize('Sécurité SOCIALE')).toBe('securite sociale');
    expect(normalize('ÉÈÊËÀÂÎÏÔÛÙÜŸÇ éèêëàâîïôûùüÿç')).toBe('eeeeaaiiouuuyc eeeeaaiiouuuyc');
    expect(normalize('Almérys')).toBe(normalize('ALMERYS'));
  });

  it('spells out ligatures', () => {
    expect(normalize('cœur Œuvre')).toBe('coeur oeuvre');
    expect(normalize('ex æquo Æ')).toBe('ex aequo ae');
    expect(normalize('ﬁchier')).toBe('fichier');
  });

  it('separates words on apostrophes (straight or typographic), hyphens and punctuation', () => {
    expect(normalize("l'assureur")).toBe('l assureur');
    expect(normalize('l’assureur d’Almerys')).toBe('l assureur d almerys');
    expect(normalize('e-mail, téléphone; (adresse)')).toBe('e mail telephone adresse');
    expect(normalize('  viamedis.net  ')).toBe('viamedis net');
  });

  it('keeps digits and letters only', () => {
    expect(normalize('AG2R La Mondiale')).toBe('ag2r la mondiale');
    expect(normalize('33 millions — 2024 !')).toBe('33 millions 2024');
    expect(normalize('')).toBe('');
    expect(words(' « ? » ')).toEqual([]);
  });
});

describe('queryTerms', () => {
  it('drops elided articles and stop words', () => {
    expect(queryTerms("l'assureur")).toEqual(['assureur']);
    expect(queryTerms('numéro de sécu')).toEqual(['numero', 'secu']);
    expect(queryTerms("qu'il s'agit d'une fuite")).toEqual(['il', 'agit', 'fuite']);
    expect(queryTerms('Jusqu’à la CNIL')).toEqual(['cnil']);
  });

  it('keeps stop words when the query has nothing else, and removes duplicates', () => {
    expect(queryTerms('la')).toEqual(['la']);
    expect(queryTerms('Almerys almérys ALMERYS')).toEqual(['almerys']);
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('wordSpans', () => {
  it('gives each folded word with its place in the original text', () => {
    const text = 'Numéro de sécu, l’œil';
    const spans = wordSpans(text);
    expect(spans.map((s) => s.word)).toEqual(['numero', 'de', 'secu', 'l', 'oeil']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Numéro', 'de', 'sécu', 'l', 'œil']);
  });

  it('handles decomposed accents and characters outside the BMP', () => {
    const text = 'Se\u0301curite\u0301 😀 sociale';
    const spans = wordSpans(text);
    expect(spans.map((s) => s.word)).toEqual(['securite', 'sociale']);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('Se\u0301curite\u0301');
  });

  it('agrees with normalize on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(wordSpans(text).map((s) => s.word)).toEqual(words(text));
      }),
      { numRuns: 500 },
    );
    const french = fc.string({ unit: fc.constantFrom(...'aàâæbcçdeéèêëfiîïoôœuùûüyÿAÀÉÈŒÆÇ \'’-.,;'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(french, (text) => {
        const spans = wordSpans(text);
        expect(spans.map((s) => s.word)).toEqual(words(text));
        for (const s of spans) expect(normalize(text.slice(s.start, s.end))).toBe(s.word);
      }),
      { numRuns: 500 },
    );
  });
});
