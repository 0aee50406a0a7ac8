import { describe, expect, it } from 'vitest';
import Fuse from 'fuse.js';
import { buildSearchFiles } from './build.ts';
import { PlainEngine, WordEngine, editDistance, topK, typosFor } from './engine.ts';
import { createFuseIndex, fieldNorm, packIndex, unpackIndex } from './fuse-index.ts';
import { buildDocuments, cut, plainText } from './documents.ts';
import { highlight } from './service.ts';
import { emptyState, type SearchState } from './state.ts';
import { SAMPLE } from './testing.ts';

const files = buildSearchFiles(SAMPLE);
const index = unpackIndex(JSON.parse(JSON.stringify(files.index)));
const engine = new WordEngine(files.data, index);
const plain = new PlainEngine(files.data, index);
const q = (text: string, extra: Partial<SearchState> = {}): SearchState => ({ ...emptyState(), q: text, ...extra });
const slugs = (state: SearchState, e: WordEngine | PlainEngine = engine) => e.search(state).hits.map((i) => files.data.docs[i]!.s);

describe('documents', () => {
  it('keeps compact display fields and folded text for the index', () => {
    const { data, texts } = buildDocuments(SAMPLE);
    const cnil = data.docs.findIndex((d) => d.s === 'cnil-33-millions');
    expect(data.docs[cnil]).toMatchObject({ t: 'e', d: '2024-02-07', dl: '7 février 2024', k: 'regulatory', c: [4, 5, 2] });
    expect(texts[cnil]!.m).toContain('numero de securite sociale');
    expect(texts[cnil]!.a).toEqual(['viamedis', 'viamedis', 'almerys', 'almerys']);
    const article = data.docs.find((d) => d.s === 'franceinfo-33-millions')!;
    // An article takes its event's kind and exposed data, for the facets.
    expect(article).toMatchObject({ t: 'a', k: 'regulatory', c: [4, 5, 2], p: 0 });
    const org = data.docs.findIndex((d) => d.s === 'ag2r-la-mondiale');
    expect(texts[org]!.n).toEqual(['ag2r la mondiale', 'ag2r']);
    expect(data.docs.find((d) => d.s === 'plainte')!.st).toBe('rapporté');
  });

  it('cuts text at a word and strips MDX', () => {
    expect(cut('un deux trois quatre cinq', 17)).toBe('un deux trois…');
    expect(cut('court', 17)).toBe('court');
    expect(plainText("import X from 'y';\n# Titre\nDu **gras** et un [lien](https://a.fr) <Composant prop={1} />.")).toBe('Titre Du gras et un lien .');
  });

  it('names files after their content', () => {
    expect(files.files.documents.path).toMatch(/^\/recherche\/documents-[0-9a-f]{12}\.json$/);
    expect(files.files.index.path).toMatch(/^\/recherche\/index-[0-9a-f]{12}\.json$/);
    expect(buildSearchFiles(SAMPLE).files.index.path).toBe(files.files.index.path);
    expect(buildSearchFiles(SAMPLE.slice(1)).files.index.path).not.toBe(files.files.index.path);
  });
});

describe('packed Fuse index', () => {
  it('round-trips to exactly what Fuse.createIndex serializes', () => {
    const { texts } = buildDocuments(SAMPLE);
    const json = createFuseIndex(texts).toJSON();
    expect(unpackIndex(JSON.parse(JSON.stringify(packIndex(json))))).toEqual(JSON.parse(JSON.stringify(json)));
  });

  it('recomputes field norms with Fuse’s formula', () => {
    for (const v of ['a', 'deux mots', 'un  deux\ttrois', ' x ', 'a b c d e f g h i j k l m n o p']) {
      const record = Fuse.createIndex(['v'], [{ v }]).toJSON().records[0] as { $: Record<number, { n: number }> };
      expect(fieldNorm(v)).toBe(record.$[0]!.n);
    }
  });

  it('is searchable by Fuse as parsed', () => {
    const fuse = new Fuse(files.data.docs, { keys: ['n', 'a', 'm', 'x'], isCaseSensitive: true, ignoreLocation: true }, Fuse.parseIndex(index));
    // Plain Fuse finds it, though not first: its ranking is what the word engine improves on.
    expect(fuse.search('almerys').map((r) => r.item.s)).toContain('almerys');
  });
});

describe('WordEngine', () => {
  it('is case, accent and ligature insensitive', () => {
    expect(slugs(q('ALMÉRYS'))[0]).toBe('almerys');
    expect(slugs(q('securite sociale'))).toContain('cnil-33-millions');
    expect(slugs(q('Mutuelle des Soeurs'))[0]).toBe('soeurs-mutuelle');
    expect(slugs(q('coeur'))[0]).toBe('plainte');
    expect(slugs(q('cœur'))[0]).toBe('plainte');
    expect(slugs(q('CŒUR DE'))).toEqual(slugs(q('coeur de')));
  });

  it('ignores elisions', () => {
    expect(slugs(q("l'assureur"))).toContain('cnil-33-millions');
    expect(slugs(q('l’enquête'))).toEqual(['plainte']);
  });

  it('tolerates typos through Fuse over the vocabulary', () => {
    expect(slugs(q('Almeris'))[0]).toBe('almerys');
    expect(slugs(q('Viamdis'))[0]).toBe('viamedis');
    expect(slugs(q('hameconage'))).toEqual(['viamedis-intrusion']);
    // Short words need to be right: no typo under five letters.
    expect(slugs(q('cnul'))).toEqual([]);
    expect(typosFor(4)).toBe(0);
    expect(typosFor(5)).toBe(1);
    expect(typosFor(9)).toBe(2);
  });

  it('finds organisations by alias, first', () => {
    expect(slugs(q('AG2R'))[0]).toBe('ag2r-la-mondiale');
    expect(slugs(q('ag2r'))).toContain('almerys-intrusion');
  });

  it('completes the word being typed, not the ones before', () => {
    expect(slugs(q('alme'))[0]).toBe('almerys');
    expect(slugs(q('hameç'))).toEqual(['viamedis-intrusion']);
    // A finished word of four letters or more still matches as a beginning (« secu » → « sécurité »)...
    expect(slugs(q('secu sociale'))).toContain('cnil-33-millions');
    // ...a short one must be whole.
    expect(slugs(q('alm'))[0]).toBe('almerys');
    expect(slugs(q('alm '))).toEqual([]);
  });

  it('requires every word, and falls back to the documents with the most of them', () => {
    const both = engine.search(q('almerys cnil'));
    expect(both.partial).toBe(false);
    expect(both.hits.map((i) => files.data.docs[i]!.s)).toEqual(['cnil-33-millions']);
    const some = engine.search(q('almerys licorne'));
    expect(some.partial).toBe(true);
    expect(some.hits.map((i) => files.data.docs[i]!.s)).toContain('almerys');
    expect(engine.search(q('licorne')).total).toBe(0);
  });

  it('combines facets with the query', () => {
    expect(slugs(q('almerys', { type: ['statement'] })).sort()).toEqual(['almerys-intrusion', 'zdnet-almerys']);
    expect(slugs(q('almerys', { pub: ['zdnet'] }))).toEqual(['zdnet-almerys']);
    expect(slugs(q('33 millions', { cat: ['numero-de-securite-sociale'] })).sort()).toEqual(['cnil-33-millions', 'franceinfo-33-millions']);
    expect(slugs(q('', { org: ['ag2r-la-mondiale'] }))).toEqual(['almerys-intrusion', 'ag2r-la-mondiale']);
    expect(slugs(q('', { du: '2024-02-06', au: '2024-02' }))).toEqual(['cnil-33-millions', 'franceinfo-33-millions', 'zdnet-almerys']);
    expect(slugs(q('almerys', { org: ['inconnue'] }))).toEqual([]);
    expect(slugs(q(''))).toEqual([]);
  });

  it('counts matches per facet value', () => {
    const { counts } = engine.search(q('almerys'), { counts: true });
    expect(counts!.org.almerys).toBe(5);
    expect(counts!.type).toMatchObject({ statement: 2, regulatory: 2 });
    expect(counts!.pub).toEqual({ franceinfo: 1, zdnet: 1 });
  });

  it('leaves no state behind between searches', () => {
    const first = engine.search(q('almerys viamedis', { type: ['regulatory'] }));
    engine.search(q('almerys licorne'));
    engine.search(q('33', { pub: ['zdnet'] }));
    expect(engine.search(q('almerys viamedis', { type: ['regulatory'] }))).toEqual(first);
  });

  it('keeps word expansions when asked, until told to forget them', () => {
    const cached = new WordEngine(files.data, index, { cache: true });
    const first = cached.expand('almeris', false);
    expect(first.map(({ id }) => cached.wordOf(id))).toContain('almerys');
    expect(cached.expand('almeris', false)).toBe(first);
    cached.forgetExpansions();
    const again = cached.expand('almeris', false);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    // Without the cache every call expands afresh.
    expect(engine.expand('almeris', false)).not.toBe(engine.expand('almeris', false));
  });

  it('returns the words it matched, for highlighting', () => {
    const r = engine.search(q('Almeris securite'));
    expect(r.matched).toEqual(expect.arrayContaining(['almerys', 'securite']));
    const text = 'Almérys : le numéro de Sécurité sociale';
    expect(highlight(text, new Set(r.matched)).map(([s, e]) => text.slice(s, e))).toEqual(['Almérys', 'Sécurité']);
    expect(highlight('sécurité sociale', new Set(['securite', 'sociale']))).toEqual([[0, 16]]);
  });
});

describe('PlainEngine (baseline)', () => {
  it('finds single words and typos with Fuse alone', () => {
    expect(slugs(q('almeris'), plain)).toContain('almerys');
    expect(slugs(q('securite sociale'), plain)).toContain('cnil-33-millions');
  });
});

describe('helpers', () => {
  it('edit distance counts a transposition as one, and stops early', () => {
    expect(editDistance('almerys', 'almeris', 2)).toBe(1);
    expect(editDistance('almerys', 'almreys', 2)).toBe(1);
    expect(editDistance('viamedis', 'almerys', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('topK keeps the best, ties in document order', () => {
    const scores = new Float64Array(1000).map((_, i) => (i * 7919) % 101);
    const ids = [...scores.keys()];
    const expected = [...ids].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, 10);
    expect(topK(ids, scores, 10)).toEqual(expected);
    expect(topK(ids.slice(0, 5), scores, 10)).toEqual([...ids.slice(0, 5)].sort((a, b) => scores[b]! - scores[a]! || a - b));
  });
});
