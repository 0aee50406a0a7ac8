import { describe, expect, it } from 'vitest';
import { buildClassifier, classify, dataCategories, figuresIn, organizationsNamed, prejudge, relevance } from './index.ts';

const orgs = [
  { slug: 'viamedis', name: 'Viamedis', aliases: ['Viamédis', 'viamedis.net'] },
  { slug: 'almerys', name: 'Almerys', aliases: ['Almérys'] },
  { slug: 'cnil', name: 'CNIL', aliases: ["Commission nationale de l'informatique et des libertés"] },
  { slug: 'ag2r-la-mondiale', name: 'AG2R La Mondiale', aliases: ['AG2R'] },
];
const terms = [
  { term: 'Viamedis', weight: 5 },
  { term: 'Almerys', weight: 5 },
  { term: 'tiers payant', weight: 3 },
  { term: 'cyberattaque', weight: 2 },
  { term: 'fuite de données', weight: 2 },
  { term: 'mutuelle', weight: 1 },
];
const c = buildClassifier(orgs, terms);

describe('relevance', () => {
  it('scores weighted terms, accent and case insensitive, with the title boosted', () => {
    const r = relevance(c, 'Fuite de données chez VIAMÉDIS', 'Le tiers-payant est touché. Viamedis confirme.');
    expect(r.hits).toEqual({ Viamedis: 2, 'tiers payant': 1, 'fuite de données': 1 });
    expect(r.score).toBe(5 * (1 + 2) + 3 * 1 + 2 * 2);
    expect(r.relevant).toBe(true);
  });
  it('an unrelated article is not relevant', () => {
    const r = relevance(c, 'Rugby : victoire à domicile', 'Le club local a gagné avec un essai en fin de match.');
    expect(r).toEqual({ score: 0, relevant: false, hits: {} });
  });
  it('caps repeated hits', () => {
    expect(relevance(c, '', 'mutuelle '.repeat(50)).score).toBe(3);
  });
  it('prejudges feed items', () => {
    expect(prejudge(c, 'Almerys victime d’une cyberattaque')).toBe('relevant');
    expect(prejudge(c, 'Rugby : victoire', 'Un long résumé de match sans aucun rapport avec notre sujet, qui parle de touche, de mêlée, d’essais et de classement.')).toBe('irrelevant');
    expect(prejudge(c, 'Santé : un deuxième opérateur touché')).toBe('unsure');
    expect(prejudge(c, 'Une mutuelle alerte ses adhérents')).toBe('unsure');
  });
});

describe('organisations', () => {
  it('matches names and aliases as whole words only', () => {
    expect(organizationsNamed(c, 'Almérys et Viamedis', 'La Commission nationale de l’informatique et des libertés (CNIL) enquête. Ag2r aussi.')).toEqual(['cnil', 'almerys', 'viamedis', 'ag2r-la-mondiale']);
    expect(organizationsNamed(c, '', 'Les Palmerys et les ViamedisX ne comptent pas, ni viamedisnet.')).toEqual([]);
    expect(organizationsNamed(c, '', 'Le site viamedis.net est fermé.')).toEqual(['viamedis']);
  });
});

describe('data categories', () => {
  it('splits exposed and not exposed by clause', () => {
    const d = dataCategories(
      "Les pirates ont eu accès au nom, au prénom, à la date de naissance et au numéro de sécurité sociale, ainsi qu'au nom de l'assureur. En revanche, les coordonnées bancaires et les données médicales ne sont pas concernées. Ni les adresses e-mail ni les numéros de téléphone n'ont fuité.",
    );
    expect(d.exposed).toEqual(['nom', 'prénom', 'date de naissance', 'numéro de sécurité sociale', "nom de l'assureur"]);
    expect(d.notExposed).toEqual(['coordonnées bancaires', 'données médicales', 'téléphone', 'e-mail']);
  });
  it('finds nothing in an unrelated text', () => {
    expect(dataCategories('Le club a gagné dimanche.')).toEqual({ exposed: [], notExposed: [] });
  });
});

describe('figures', () => {
  it.each([
    ['Almerys et Viamedis revendiquent chacun 20 millions de personnes protégées.', [{ text: '20 millions de personnes', value: 20_000_000, unit: 'personnes' }]],
    ['La fuite pourrait concerner 59 % de la population.', [{ text: '59 %', value: 59, unit: '%' }]],
    ['soit 59% des Français', [{ text: '59%', value: 59, unit: '%' }]],
    ['plus de 33 millions de personnes', [{ text: 'plus de 33 millions de personnes', value: 33_000_000, unit: 'personnes', qualifier: 'min' }]],
    ['près de 80 autres organismes', []],
    ['près de 80 organismes complémentaires', [{ text: 'près de 80 organismes complémentaires', value: 80, unit: 'organismes', qualifier: 'approx' }]],
    ['1,5 million d’assurés', [{ text: '1,5 million d’assurés', value: 1_500_000, unit: 'assurés' }]],
    ['20 000 000 assurés', [{ text: '20 000 000 assurés', value: 20_000_000, unit: 'assurés' }]],
    ['Le 6 février 2024 à 12h17, en 2024.', []],
  ])('%s', (text, expected) => expect(figuresIn(text)).toEqual(expected));
});

describe('classify', () => {
  it('gives everything at once', () => {
    const r = classify(c, 'Almerys touché', 'Almerys, opérateur de tiers payant, compte 20 millions de personnes protégées. Le numéro de sécurité sociale a fuité.');
    expect(r.relevance.relevant).toBe(true);
    expect(r.organizations).toEqual(['almerys']);
    expect(r.dataCategories.exposed).toEqual(['numéro de sécurité sociale']);
    expect(r.figures).toHaveLength(1);
  });
});
