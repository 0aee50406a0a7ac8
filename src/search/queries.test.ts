/**
 * Relevance over the shipped content: French queries as readers type them, each
 * naming the entry that must come first, or be in the top 3. Built from the real
 * content/ files (no Astro build), with the engine the site ships.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { checkContent } from '../lib/content-check.ts';
import { buildSearchFiles } from './build.ts';
import type { SourceEntry } from './documents.ts';
import { WordEngine } from './engine.ts';
import { unpackIndex } from './fuse-index.ts';
import type { SearchData } from './model.ts';
import { emptyState, type SearchState } from './state.ts';

let engine: WordEngine;
let data: SearchData;

beforeAll(() => {
  const { entries, errors } = checkContent(resolve(import.meta.dirname, '../../content'));
  expect(errors).toEqual([]);
  const files = buildSearchFiles(entries as unknown as SourceEntry[]);
  data = files.data;
  engine = new WordEngine(files.data, unpackIndex(JSON.parse(JSON.stringify(files.index))));
});

const top = (q: string, extra: Partial<SearchState> = {}, n = 3) =>
  engine.search({ ...emptyState(), q, ...extra }, { limit: n }).hits.map((i) => `${data.docs[i]!.t}:${data.docs[i]!.s}`);

/** [query, expected « type:slug », 'first' or 'top3', why]. */
const CASES: [string, string, 'first' | 'top3' | 'top5', string][] = [
  ['Almerys', 'o:almerys', 'first', 'a name'],
  ['almeris', 'o:almerys', 'first', 'a typo'],
  ['ALMÉRYS', 'o:almerys', 'first', 'case and accent'],
  ['viamédis', 'o:viamedis', 'first', 'an accent the name does not have'],
  ['Viamdis', 'o:viamedis', 'first', 'a letter missing'],
  ['AG2R', 'o:ag2r-la-mondiale', 'first', 'an alias'],
  ['pole emploi', 'o:france-travail', 'first', 'a former name, unaccented'],
  ['Malakoff Médéric', 'o:malakoff-humanis', 'first', 'a former name'],
  ['Crédit Agricole', 'o:ca-assurances', 'first', 'a long form of the name'],
  ['Fédération nationale des opticiens', 'o:fnof', 'first', 'the spelt-out acronym'],
  ['securite sociale', 'e:cnil-plus-de-33-millions', 'top5', 'accents dropped, in the exposed data'],
  ['numéro de sécu', 'a:macommune-info-33-millions-tiers-payant', 'top3', 'a word begun (« sécu »), stop word dropped'],
  ["l'assureur", 'e:cnil-plus-de-33-millions', 'top3', 'an elision'],
  ['hameçonnage', 'e:conseils-vigilance-hameconnage', 'first', 'a cedilla'],
  ['hameconnage', 'e:conseils-vigilance-hameconnage', 'first', 'without the cedilla'],
  ['CNIL sanction France Travail', 'e:cnil-sanction-france-travail', 'first', 'several words'],
  ['parquet de Paris enquête', 'e:parquet-paris-ouvre-enquete', 'top3', 'several words, an accent'],
  ['plainte en ligne', 'e:lettre-plainte-en-ligne', 'top3', 'a phrase'],
  ['Hervé Maurey', 'e:question-senat-herve-maurey', 'first', 'a person named in a title'],
  ['question au Sénat', 'e:question-senat-philippe-tabarot', 'top3', 'an accent, a stop word'],
  ['réouverture des portails', 'e:viamedis-reouverture-portails', 'first', 'a title, a plural'],
  ['robot 22 janvier', 'e:viamedis-robot-22-janvier', 'first', 'a number and a month'],
  ['43 millions', 'e:france-travail-fuite-43-millions', 'top3', 'a figure (the article whose headline says it comes first)'],
  ['tiers payant universel', 'e:sda-tiers-payant-universel', 'top3', 'a phrase (the article whose headline says it comes first)'],
  ["usurpation d'identité", 'e:usurpations-identite-chiffres-non-verifies', 'top3', 'singular for a plural, an elision'],
  ['amelipro', 'e:assurance-maladie-securite-amelipro', 'top3', 'a product name'],
  ['Itélis optique', 'e:itelis-cyberattaque', 'top3', 'a name and a topic'],
  ['Mutame et Plus', 'o:mutame-plus', 'first', '« et » for « & »'],
];

describe('top results for French queries over the shipped content', () => {
  it.each(CASES)('%s → %s (%s: %s)', (q, expected, rank) => {
    const results = top(q, {}, rank === 'top5' ? 5 : 3);
    if (rank === 'first') expect(results[0]).toBe(expected);
    else expect(results).toContain(expected);
  });

  it('finds the same things while the last word is being typed', () => {
    expect(top('almé')[0]).toBe('o:almerys');
    expect(top('hameç')[0]).toBe('e:conseils-vigilance-hameconnage');
    expect(top('Fédération nationale des opti')[0]).toBe('o:fnof');
  });

  it('combines the query with facets', () => {
    const regulatory = top('Almerys', { type: ['regulatory'] }, 50);
    expect(regulatory.length).toBeGreaterThan(0);
    for (const r of regulatory) expect(['e', 'a']).toContain(r[0]);
    expect(top('Almerys', { org: ['cnil'] }, 50)).toContain('e:cnil-plus-de-33-millions');
    expect(top('', { cat: ['numero-de-securite-sociale'] }, 50)).toContain('e:cnil-plus-de-33-millions');
    expect(top('tiers payant', { du: '2025' }, 50).every((r) => !r.includes('33-millions'))).toBe(true);
  });

  it('says when nothing matches', () => {
    expect(engine.search({ ...emptyState(), q: 'xylophone zeppelin' }).total).toBe(0);
  });
});
