import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadAnnotatedCorpus, renderBench, renderCorpusBench, runBench, runCorpusBench } from '../../bench/ingest.ts';
import { scorePage, summarize } from '../../bench/segment-score.ts';
import { loadCorpus } from '../../scripts/pipeline/extract/testdata/corpus.ts';

describe('bench:ingest on the fixtures', () => {
  it('measures both extractors on the corpus and prints the table', () => {
    const b = runBench(24);
    expect(b.pages).toBeGreaterThanOrEqual(24);
    expect(b.pages % b.corpusPages).toBe(0);
    for (const e of [b.ours, b.readability]) {
      expect(e.pagesPerSecond).toBeGreaterThan(0);
      expect(e.mbPerSecond).toBeGreaterThan(0);
      expect(Object.keys(e.perSite)).toHaveLength(b.corpusPages);
    }
    expect(b.ours.f1).toBeGreaterThanOrEqual(b.readability.f1);
    expect(b.speedRatio).toBeCloseTo(b.ours.pagesPerSecond / b.readability.pagesPerSecond, 1);
    const text = renderBench(b);
    for (const col of ['Pages/s', 'Mo/s', 'F1 texte', '@mozilla/readability']) expect(text).toContain(col);
  });
});

describe('segment scoring (the trafilatura evaluation’s metric)', () => {
  const gold = { url: 'https://a.example/', with: ['les assurés  concernés', 'la CNIL a été saisie', 'un passage absent'], without: ['À lire aussi', 'Newsletter'] };

  it('counts a passage as found or leaked when it is a substring, whitespace normalised', () => {
    expect(scorePage('Les faits : les assurés\nconcernés recevront un courrier ; la CNIL a été saisie.\n\nNewsletter', gold)).toEqual({ tp: 2, fn: 1, fp: 1, tn: 1 });
    expect(scorePage('', gold)).toEqual({ tp: 0, fn: 3, fp: 0, tn: 2 });
  });

  it('micro-averages precision, recall and F1 over pages', () => {
    const s = summarize([
      { tp: 2, fn: 1, fp: 1, tn: 1 },
      { tp: 3, fn: 0, fp: 0, tn: 2 },
    ]);
    expect(s).toMatchObject({ tp: 5, fn: 1, fp: 1, tn: 3 });
    expect(s.precision).toBeCloseTo(5 / 6);
    expect(s.recall).toBeCloseTo(5 / 6);
    expect(s.f1).toBeCloseTo(10 / 12);
    expect(summarize([])).toMatchObject({ f1: 0, precision: 0, recall: 0 });
  });
});

describe('bench:ingest --corpus', () => {
  it('scores ours and Readability side by side on an annotated corpus, by halves, and times both', () => {
    // A corpus in the development corpus's layout, built from our own fixture pages.
    const dir = mkdtempSync(join(tmpdir(), 'vf-bench-'));
    try {
      mkdirSync(join(dir, 'pages'));
      const sites = loadCorpus().filter((c) => ['agence-pro', 'journal-ouest', 'mag-eco', 'sante-hebdo'].includes(c.name));
      const gold: Record<string, unknown> = {};
      sites.forEach((c, i) => {
        const id = String(i).padStart(3, '0');
        writeFileSync(join(dir, 'pages', `${id}.html.gz`), gzipSync(c.bytes));
        const paragraphs = c.text.split('\n\n');
        gold[id] = { url: c.expected.url, with: [paragraphs[0]!.slice(0, 60), paragraphs.at(-1)!.slice(-60)], without: ['Mentions légales', 'Recevoir la newsletter'] };
      });
      writeFileSync(join(dir, 'gold.json'), JSON.stringify(gold));
      const pages = loadAnnotatedCorpus(dir);
      expect(pages.map((p) => p.id)).toEqual(['000', '001', '002', '003']);
      // The windows-1252 fixture is decoded from its bytes, as the fetch stage would.
      expect(pages[1]!.html).toContain('complémentaires santé');
      const b = runCorpusBench(pages, 1);
      expect(b.corpusPages).toBe(4);
      expect(b.ours.all.tp + b.ours.all.fn).toBe(8);
      expect(b.ours.even.tp + b.ours.even.fn).toBe(4);
      expect(b.ours.odd.tp + b.ours.odd.fn).toBe(4);
      expect(b.ours.all.recall).toBe(1);
      expect(b.ours.all.f1).toBeGreaterThanOrEqual(b.readability.all.f1);
      for (const e of [b.ours, b.readability]) expect(e.pagesPerSecond).toBeGreaterThan(0);
      expect(b.speedRatio).toBeCloseTo(b.ours.pagesPerSecond / b.readability.pagesPerSecond, 1);
      const table = renderCorpusBench(b);
      for (const col of ['F1', 'Précision', 'Rappel', 'moitié impaire', 'Pages/s', '@mozilla/readability + linkedom']) expect(table).toContain(col);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file when the corpus is incomplete', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vf-bench-'));
    try {
      expect(() => loadAnnotatedCorpus(dir)).toThrow(/gold\.json illisible/);
      writeFileSync(join(dir, 'gold.json'), JSON.stringify({ '007': { url: 'https://a.example/', with: [], without: [] } }));
      expect(() => loadAnnotatedCorpus(dir)).toThrow(/pages\/007\.html\.gz illisible/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
