/**
 * `npm run bench:ingest [-- --json] [--pages N]`
 *
 * Extraction throughput and quality on the fixture corpus (the extract
 * stage's golden pages) repeated to at least 1,000 pages: our extractor
 * (cheerio/htmlparser2 + density heuristic) against @mozilla/readability on
 * linkedom, side by side, with the speed ratio and each one's text F1 against
 * our expected texts.
 */
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import Table from 'cli-table3';
import { extractArticle } from '../scripts/pipeline/extract/index.ts';
import { loadCorpus, textF1, type SiteCase } from '../scripts/pipeline/extract/testdata/corpus.ts';

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

const ours: Extractor = (c) => extractArticle(c.html, c.expected.url).text;

const readability: Extractor = (c) => {
  const { document } = parseHTML(c.html);
  const article = new Readability(document as unknown as Document).parse();
  return (article?.textContent ?? '').trim();
};

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
  const o = measure('Veille Fuites (cheerio/htmlparser2)', ours, corpus, rounds);
  const r = measure('@mozilla/readability + linkedom', readability, corpus, rounds);
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

if (import.meta.main) {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, pages: { type: 'string', default: '1000' } }, strict: true });
  const pages = Number(values.pages);
  if (!Number.isInteger(pages) || pages < 1) {
    process.stderr.write(`bench: --pages attend un entier positif, reçu « ${values.pages} »\n`);
    process.exit(2);
  }
  const result = runBench(pages);
  process.stdout.write(`${values.json ? JSON.stringify(result, null, 2) : renderBench(result)}\n`);
}
