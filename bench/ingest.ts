/**
 * `npm run bench:ingest [-- --json] [--pages N] [--corpus DIR [--rounds N]]`
 *
 * Our extractor (Readability on linkedom between our boilerplate rules)
 * against plain @mozilla/readability on linkedom, side by side in one run.
 *
 * Without `--corpus`: the extract stage's fixture pages repeated to at least
 * `--pages` pages (1,000), speed and token F1 against our expected texts.
 *
 * With `--corpus DIR`: a corpus of real pages with annotated segments (`DIR/gold.json`,
 * `DIR/pages/ID.html.gz`, as in the trafilatura evaluation): segment F1,
 * precision and recall, on all pages and on each half (even and odd positions in
 * id order: the rules were developed looking at the even half only, so the odd
 * half is a held-out check), and warm pages per second, both extractors timed
 * page by page in alternation so that the machine's load weighs on both alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { extractArticle } from '../scripts/pipeline/extract/index.ts';
import { readabilityText } from '../scripts/pipeline/extract/readability-baseline.ts';
import { decodeBody } from '../scripts/pipeline/fetch/index.ts';
import { loadCorpus, textF1, type SiteCase } from '../scripts/pipeline/extract/testdata/corpus.ts';
import { scorePage, summarize, type GoldPage, type SegmentCounts, type SegmentScore } from './segment-score.ts';

export interface ExtractorResult {
  name: string;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  mbPerSecond: number;
  /** Mean text F1 over the corpus pages. */
  f1: number;
  f1Min: number;
  perSite: Record<string, number>;
  failures: number;
}

export interface BenchResult {
  corpusPages: number;
  pages: number;
  megabytes: number;
  ours: ExtractorResult;
  readability: ExtractorResult;
  /** Our pages per second divided by Readability's. */
  speedRatio: number;
}

type Extractor = (c: SiteCase) => string;

const OURS_NAME = 'Veille Fuites (Readability + règles)';
const READABILITY_NAME = '@mozilla/readability + linkedom';

const ours: Extractor = (c) => extractArticle(c.html, c.expected.url).text;

const readability: Extractor = (c) => readabilityText(c.html);

function measure(name: string, fn: Extractor, corpus: SiteCase[], rounds: number): ExtractorResult {
  const perSite: Record<string, number> = {};
  let failures = 0;
  for (const c of corpus) {
    try {
      perSite[c.name] = textF1(fn(c), c.text);
    } catch {
      perSite[c.name] = 0;
      failures++;
    }
  }
  // Warm-up, then the timed pass.
  for (const c of corpus) {
    try {
      fn(c);
    } catch {
      /* counted above */
    }
  }
  let bytes = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const c of corpus) {
      bytes += c.bytes.length;
      try {
        fn(c);
      } catch {
        /* a failed page still costs its time */
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const pages = rounds * corpus.length;
  const scores = Object.values(perSite);
  return {
    name,
    pages,
    seconds: Math.round(seconds * 1000) / 1000,
    pagesPerSecond: Math.round(pages / seconds),
    mbPerSecond: Math.round((bytes / 1e6 / seconds) * 100) / 100,
    f1: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1000) / 1000,
    f1Min: Math.round(Math.min(...scores) * 1000) / 1000,
    perSite: Object.fromEntries(Object.entries(perSite).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
    failures,
  };
}

export function runBench(minPages = 1000): BenchResult {
  const corpus = loadCorpus();
  const rounds = Math.max(1, Math.ceil(minPages / corpus.length));
  const o = measure(OURS_NAME, ours, corpus, rounds);
  const r = measure(READABILITY_NAME, readability, corpus, rounds);
  return {
    corpusPages: corpus.length,
    pages: rounds * corpus.length,
    megabytes: Math.round((corpus.reduce((a, c) => a + c.bytes.length, 0) * rounds) / 1e4) / 100,
    ours: o,
    readability: r,
    speedRatio: Math.round((o.pagesPerSecond / r.pagesPerSecond) * 100) / 100,
  };
}

export function renderBench(b: BenchResult): string {
  const t = new Table({ head: ['Extracteur', 'Pages', 'Pages/s', 'Mo/s', 'F1 texte (moyenne)', 'F1 min', 'Échecs'], style: { head: [], border: [] } });
  for (const e of [b.ours, b.readability]) t.push([e.name, e.pages, e.pagesPerSecond, e.mbPerSecond, e.f1, e.f1Min, e.failures]);
  const sites = new Table({ head: ['Page', 'F1 nous', 'F1 Readability'], style: { head: [], border: [] } });
  for (const name of Object.keys(b.ours.perSite)) sites.push([name, b.ours.perSite[name]!, b.readability.perSite[name]!]);
  return [
    `Corpus : ${b.corpusPages} pages de test répétées jusqu'à ${b.pages} pages (${b.megabytes} Mo).`,
    t.toString(),
    `Vitesse : ${b.speedRatio} × celle de Readability (objectif : au moins 1, visé 3). F1 : ${b.ours.f1} contre ${b.readability.f1}.`,
    sites.toString(),
  ].join('\n');
}

// ------------------------------------------------------------ annotated corpus

export interface CorpusPage {
  id: string;
  url: string;
  html: string;
  bytes: number;
  gold: GoldPage;
}

/** Reads `DIR/gold.json` and `DIR/pages/ID.html.gz`; each page decoded as the fetch stage would (BOM, meta charset, UTF-8, windows-1252). */
export function loadAnnotatedCorpus(dir: string): CorpusPage[] {
  const goldFile = join(dir, 'gold.json');
  let gold: Record<string, GoldPage>;
  try {
    gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<string, GoldPage>;
  } catch (e) {
    throw new Error(`bench: ${goldFile} illisible : ${(e as Error).message}`);
  }
  return Object.keys(gold)
    .sort()
    .map((id) => {
      const g = gold[id]!;
      if (!Array.isArray(g.with) || !Array.isArray(g.without)) throw new Error(`bench: ${goldFile} : la page « ${id} » n’a pas de listes with/without`);
      const file = join(dir, 'pages', `${id}.html.gz`);
      let raw: Buffer;
      try {
        raw = gunzipSync(readFileSync(file));
      } catch (e) {
        throw new Error(`bench: ${file} illisible : ${(e as Error).message}`);
      }
      return { id, url: g.url, html: decodeBody(raw).text, bytes: raw.length, gold: g };
    });
}

export interface CorpusExtractorResult {
  name: string;
  all: SegmentScore;
  /** Even positions (the half the rules were developed on) and odd positions (held out). */
  even: SegmentScore;
  odd: SegmentScore;
  failures: number;
  /** Warm pages per second, timed page by page. */
  pagesPerSecond: number;
  seconds: number;
}

export interface CorpusBenchResult {
  corpusPages: number;
  rounds: number;
  megabytes: number;
  ours: CorpusExtractorResult;
  readability: CorpusExtractorResult;
  /** Our warm pages per second divided by Readability's. */
  speedRatio: number;
}

type PageExtractor = (html: string, url: string) => string;

/** Extraction needs an absolute address; a corpus may label pages otherwise. */
const pageUrl = (url: string) => (URL.canParse(url) && /^https?:/i.test(url) ? url : `https://page.invalid/${encodeURIComponent(url)}`);

function safely(fn: PageExtractor, p: CorpusPage): { text: string; failed: boolean } {
  try {
    return { text: fn(p.html, pageUrl(p.url)), failed: false };
  } catch {
    return { text: '', failed: true };
  }
}

function scoreExtractor(name: string, fn: PageExtractor, pages: CorpusPage[]): Omit<CorpusExtractorResult, 'pagesPerSecond' | 'seconds'> {
  const counts: SegmentCounts[] = [];
  let failures = 0;
  for (const p of pages) {
    const r = safely(fn, p);
    if (r.failed) failures++;
    counts.push(scorePage(r.text, p.gold));
  }
  return {
    name,
    all: summarize(counts),
    even: summarize(counts.filter((_, i) => i % 2 === 0)),
    odd: summarize(counts.filter((_, i) => i % 2 === 1)),
    failures,
  };
}

const oursOnPage: PageExtractor = (html, url) => extractArticle(html, url).text;
const readabilityOnPage: PageExtractor = (html) => readabilityText(html);

/** Scores both extractors (that pass also warms them up), then times them page by page in alternation. */
export function runCorpusBench(pages: CorpusPage[], rounds = 1): CorpusBenchResult {
  const o = scoreExtractor(OURS_NAME, oursOnPage, pages);
  const r = scoreExtractor(READABILITY_NAME, readabilityOnPage, pages);
  let oursMs = 0;
  let readabilityMs = 0;
  for (let round = 0; round < rounds; round++) {
    pages.forEach((p, i) => {
      const order: [PageExtractor, boolean][] = (i + round) % 2 === 0 ? [[oursOnPage, true], [readabilityOnPage, false]] : [[readabilityOnPage, false], [oursOnPage, true]];
      for (const [fn, isOurs] of order) {
        const t0 = performance.now();
        safely(fn, p);
        const ms = performance.now() - t0;
        if (isOurs) oursMs += ms;
        else readabilityMs += ms;
      }
    });
  }
  const timed = pages.length * rounds;
  const speed = (ms: number) => Math.round((timed / (ms / 1000)) * 10) / 10;
  const ours = { ...o, pagesPerSecond: speed(oursMs), seconds: Math.round(oursMs) / 1000 };
  const readability = { ...r, pagesPerSecond: speed(readabilityMs), seconds: Math.round(readabilityMs) / 1000 };
  return {
    corpusPages: pages.length,
    rounds,
    megabytes: Math.round(pages.reduce((a, p) => a + p.bytes, 0) / 1e4) / 100,
    ours,
    readability,
    speedRatio: Math.round((readabilityMs / oursMs) * 100) / 100,
  };
}

const f3 = (x: number) => x.toFixed(3);

export function renderCorpusBench(b: CorpusBenchResult): string {
  const t = new Table({
    head: ['Extracteur', 'F1', 'Précision', 'Rappel', 'F1 moitié paire', 'F1 moitié impaire (témoin)', 'Pages/s (à chaud)', 'Échecs'],
    style: { head: [], border: [] },
  });
  for (const e of [b.ours, b.readability]) t.push([e.name, f3(e.all.f1), f3(e.all.precision), f3(e.all.recall), f3(e.even.f1), f3(e.odd.f1), e.pagesPerSecond, e.failures]);
  const halves = new Table({ head: ['Moitié', 'Extracteur', 'F1', 'Précision', 'Rappel'], style: { head: [], border: [] } });
  for (const [label, key] of [['paire', 'even'], ['impaire (témoin)', 'odd']] as const) {
    for (const e of [b.ours, b.readability]) halves.push([label, e.name, f3(e[key].f1), f3(e[key].precision), f3(e[key].recall)]);
  }
  return [
    `Corpus annoté : ${b.corpusPages} pages (${b.megabytes} Mo), ${b.rounds} passe(s) chronométrée(s) en alternance.`,
    t.toString(),
    halves.toString(),
    `F1 : ${f3(b.ours.all.f1)} contre ${f3(b.readability.all.f1)} (écart ${(b.ours.all.f1 - b.readability.all.f1 >= 0 ? '+' : '') + f3(b.ours.all.f1 - b.readability.all.f1)}). Vitesse : ${b.speedRatio} × celle de Readability.`,
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, pages: { type: 'string', default: '1000' }, corpus: { type: 'string' }, rounds: { type: 'string', default: '1' } },
    strict: true,
  });
  if (values.corpus !== undefined) {
    const rounds = Number(values.rounds);
    if (!Number.isInteger(rounds) || rounds < 1) {
      process.stderr.write(`bench: --rounds attend un entier positif, reçu « ${values.rounds} »\n`);
      process.exit(2);
    }
    let pages: CorpusPage[];
    try {
      pages = loadAnnotatedCorpus(values.corpus);
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exit(2);
    }
    const result = runCorpusBench(pages, rounds);
    process.stdout.write(`${values.json ? JSON.stringify(result, null, 2) : renderCorpusBench(result)}\n`);
  } else {
    const pages = Number(values.pages);
    if (!Number.isInteger(pages) || pages < 1) {
      process.stderr.write(`bench: --pages attend un entier positif, reçu « ${values.pages} »\n`);
      process.exit(2);
    }
    const result = runBench(pages);
    process.stdout.write(`${values.json ? JSON.stringify(result, null, 2) : renderBench(result)}\n`);
  }
}
