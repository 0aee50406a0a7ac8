import { describe, expect, it } from 'vitest';
import { buildSearchFiles } from './build.ts';
import { WordEngine } from './engine.ts';
import { unpackIndex } from './fuse-index.ts';
import { SplitEngine } from './split-engine.ts';
import type { SplitMeta } from './split.ts';
import { benchQueries, generateCorpus } from '../../bench/search-corpus.ts';
import { SAMPLE } from './testing.ts';
import { emptyState } from './state.ts';
import { normalize } from './normalize.ts';

/** A split engine over the built files, counting what it fetches. */
function splitOver(entries: Parameters<typeof buildSearchFiles>[0]) {
  const files = buildSearchFiles(entries);
  const bodies = new Map([...files.split.shards, files.files.documents].map((f) => [f.path, f.body]));
  const fetched: string[] = [];
  const engine = new SplitEngine(JSON.parse(files.split.meta.body) as SplitMeta, async (path) => {
    fetched.push(path);
    const body = bodies.get(path);
    if (body === undefined) throw new Error(`absent : ${path}`);
    return JSON.parse(body);
  });
  return { files, engine, fetched, whole: new WordEngine(files.data, unpackIndex(files.index), { firstLetterAsTyped: true }) };
}

describe('split index', () => {
  const corpus = generateCorpus(2000);
  const { files, engine, fetched, whole } = splitOver(corpus.entries);

  it('answers every bench query exactly as the whole index does, before and after the documents file loads', async () => {
    const fresh = splitOver(corpus.entries);
    for (const options of [{ limit: 5 }, { limit: 20, counts: true }]) {
      for (const { state } of benchQueries()) {
        // Facets need the documents file; plain queries run without it until then.
        if (!options.counts && state.q === '') continue;
        const a = await fresh.engine.search(state, options);
        const b = whole.search(state, options);
        expect({ q: state.q, hits: a.hits, total: a.total, partial: a.partial, counts: a.counts }).toEqual({ q: state.q, hits: b.hits, total: b.total, partial: b.partial, counts: b.counts });
      }
    }
  });

  it('loads only the shards a plain query needs, not the documents file', async () => {
    const fresh = splitOver(corpus.entries);
    const doc = files.data.docs.find((d) => d.t === 'e')!;
    const word = doc.n.split(' ').sort((a, b) => b.length - a.length)[0]!;
    const outcome = await fresh.engine.search({ ...emptyState(), q: word }, { limit: 5 });
    expect(outcome.total).toBeGreaterThan(0);
    expect(fresh.fetched.some((p) => p.includes('/documents-'))).toBe(false);
    expect(fresh.fetched.length).toBeLessThan(files.split.shards.length / 4);
    const shown = await fresh.engine.docs(outcome.hits);
    expect(shown.map((d) => d.doc)).toEqual(outcome.hits.map((i) => files.data.docs[i]));
  });

  it('fetches the organisation names for suggestions on their own, with the three most cited', async () => {
    const fresh = splitOver(corpus.entries);
    const { names, busiest } = await fresh.engine.suggestions();
    expect(names).toEqual(files.data.orgs.map(([, name]) => name));
    expect(busiest).toHaveLength(3);
    expect(fresh.fetched).toEqual([JSON.parse(files.split.meta.body).suggestions]);
  });

  it('fetches a shard once even when searches overlap', async () => {
    const before = fetched.length;
    await Promise.all([engine.search({ ...emptyState(), q: 'zzzq' }), engine.search({ ...emptyState(), q: 'zzzq' })]);
    const paths = fetched.slice(before);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('answers a word whose postings arrive after its letter was loaded, as the whole index does', async () => {
    const fresh = splitOver(corpus.entries);
    const meta = JSON.parse(files.split.meta.body) as SplitMeta;
    // Two frequent words with the same first letter, in different posting shards.
    const counts = new Map<string, number>();
    for (const d of files.data.docs) for (const w of normalize(d.n).split(' ')) if (w.length >= 5) counts.set(w, (counts.get(w) ?? 0) + 1);
    const common = [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
    const first = common[0]!;
    const second = common.find((w) => w[0] === first[0] && w.slice(0, 2) !== first.slice(0, 2))!;
    expect(second).toBeDefined();
    await fresh.engine.search({ ...emptyState(), q: first });
    const before = fresh.fetched.length;
    const state = { ...emptyState(), q: `${second} ` };
    const outcome = await fresh.engine.search(state);
    expect(fresh.fetched.slice(before)).toEqual([meta.postings[second.slice(0, 2)]]);
    expect(outcome.hits.length).toBeGreaterThan(0);
    expect(outcome).toEqual(whole.search(state));
  });

  it('forgets what earlier queries left, not the files: the same results, nothing fetched again', async () => {
    const fresh = splitOver(corpus.entries);
    const queries = benchQueries().filter(({ state }) => state.q !== '').slice(0, 30);
    const before = [];
    for (const { state } of queries) before.push(await fresh.engine.search(state, { limit: 5 }));
    const fetched = fresh.fetched.length;
    const after = [];
    for (const { state } of queries) {
      fresh.engine.forgetQueries();
      after.push(await fresh.engine.search(state, { limit: 5 }));
    }
    expect(after).toEqual(before);
    expect(fresh.fetched.length).toBe(fetched);
  });

  it('gives the hand-made sample the same results as the whole index', async () => {
    const small = splitOver(SAMPLE);
    for (const q of ['almerys', 'viamedis cyberattaque', 'securite sociale', 'almeris', 'mutuel']) {
      const state = { ...emptyState(), q };
      expect((await small.engine.search(state)).hits, q).toEqual(small.whole.search(state).hits);
    }
  });
});
