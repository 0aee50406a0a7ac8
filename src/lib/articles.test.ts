import { describe, expect, it } from 'vitest';
import { articleDateLabel, articleFeedTitle, articleLabel, ofPublisher } from './articles.ts';

const known = { title: 'Viamedis, Almerys : des millions d’assurés touchés', headlineUnknown: false, publishedAt: '2024-02-07', precision: 'day' as const };
const unknown = { headlineUnknown: true, about: 'Article de Franceinfo sur les plus de 33 millions de personnes concernées selon la CNIL', publishedAt: '2024-02-01', precision: 'month' as const };

describe('articleLabel', () => {
  it('gives the headline, or our description marked as not a headline', () => {
    expect(articleLabel(known)).toEqual({ text: known.title, isHeadline: true });
    expect(articleLabel(unknown)).toEqual({ text: unknown.about, isHeadline: false });
  });
});

describe('feed wording', () => {
  it('names the outlet and says the headline was not seen, never brackets', () => {
    expect(articleFeedTitle(known, 'Franceinfo')).toBe(`${known.title} (Franceinfo)`);
    expect(articleFeedTitle(unknown, 'Franceinfo')).toBe('Article de Franceinfo (titre non relevé)');
    expect(articleFeedTitle(unknown, 'Le Quotidien du pharmacien')).toBe('Article du Quotidien du pharmacien (titre non relevé)');
  });
});

describe('articleDateLabel', () => {
  it('writes only what is known', () => {
    expect(articleDateLabel(known)).toBe('7 février 2024');
    expect(articleDateLabel(unknown)).toBe('février 2024');
    expect(articleDateLabel({ ...known, precision: 'unknown' })).toBe('date non relevée');
  });
});

describe('ofPublisher', () => {
  it('contracts the French article', () => {
    expect(['20 Minutes', 'Le Monde', 'Les Échos', 'La Croix', "L'Usine Digitale", 'Acuité', 'Usine'].map(ofPublisher)).toEqual([
      'de 20 Minutes', 'du Monde', 'des Échos', 'de la Croix', 'de l’Usine Digitale', 'd’Acuité', 'd’Usine',
    ]);
  });
});
