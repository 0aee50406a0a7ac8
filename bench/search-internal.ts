/**
 * Our two engines against each other: `npm run bench:search -- --internal`
 * (a table per corpus size), with `--json` the same figures as JSON on stdout.
 *
 * For synthetic corpora of 1,000, 10,000 and 50,000 entries (bench/search-corpus.ts),
 * built into the very files the site ships (documents + packed Fuse index), it
 * measures for each engine, in Node and in headless Chromium:
 * - the files' size, raw and gzipped;
 * - load time: parsing both files and building the engine (fetching excluded);
 * - query latency p50 and p95 over a fixed list of 200 queries (40 exact, 40
 *   accent/case variants, 40 with a typo, 40 multi-word, 40 with facets), each
 *   asking for what the results page asks (150 results and facet counts).
 *
 * Engines: « plain » is Fuse used as documented (one fuzzy pattern over every
 * record); « word » is what the site ships (Fuse over the vocabulary, an
 * inverted index, facets while scoring). Plain Fuse takes seconds per query on
 * large corpora, so by default it runs every 2nd query at 10,000 and every 5th
 * at 50,000 (the « requêtes » column says how many); `--full` runs them all.
 *
 * Options: --json, --full, --sizes=1000,10000, --no-browser, --save=file.json
 * (writes the JSON too, whatever is printed).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import Table from 'cli-table3';
import { buildSearchFiles } from '../src/search/build.ts';
import { benchQueries, generateCorpus, type BenchQuery } from './search-corpus.ts';
import { ENGINE_LABELS, loadEngine, timeQueries, type EngineName } from './search-engines.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const { values: opts } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '1000,10000,50000' },
    'no-browser': { type: 'boolean', default: false },
    save: { type: 'string' },
  },
});
const SIZES = opts.sizes.split(',').map(Number).filter((n) => n > 0);
const ENGINES: EngineName[] = ['plain', 'word'];
const TARGETS: Record<number, { p95: number; indexGzip?: number }> = { 10000: { p95: 16, indexGzip: 1.5 * 1024 * 1024 }, 50000: { p95: 50 } };

export interface BenchRow {
  size: number;
  env: 'node' | 'chromium';
  engine: EngineName;
  /** Search documents in the corpus. */
  entries: number;
  indexBytes: number;
  indexGzipBytes: number;
  documentsBytes: number;
  documentsGzipBytes: number;
  loadMs: number;
  p50Ms: number;
  p95Ms: number;
  /** Queries timed (all 200 unless sampled). */
  queries: number;
}

const log = (...args: unknown[]) => console.error(...args);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Which of the 200 queries an engine times at a size. */
function sample(engine: EngineName, size: number, queries: BenchQuery[]): BenchQuery[] {
  if (engine === 'word' || opts.full || size <= 1000) return queries;
  const step = size <= 10000 ? 2 : 5;
  return queries.filter((_, i) => i % step === 0);
}

async function main() {
  const queries = benchQueries();
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const rows: BenchRow[] = [];
  try {
    await build({
      entryPoints: [resolve(import.meta.dirname, 'search-browser.ts')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outfile: join(dir, 'bench.js'),
      logLevel: 'warning',
    });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="fr"><meta charset="utf-8"><title>bench</title><script type="module" src="/bench.js"></script>');
    const server = await serveStatic(dir);
    const browser = opts['no-browser'] ? null : await launchBrowser();
    const page = browser ? await (await browser.newContext()).newPage() : null;
    if (page) {
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => 'searchBench' in globalThis);
    }
    try {
      for (const size of SIZES) {
        log(`— ${size.toLocaleString('fr-FR')} entrées : génération et construction des fichiers…`);
        const corpus = generateCorpus(size);
        const files = buildSearchFiles(corpus.entries);
        const documentsText = files.files.documents.body;
        const indexText = files.files.index.body;
        writeFileSync(join(dir, `documents-${size}.json`), documentsText);
        writeFileSync(join(dir, `index-${size}.json`), indexText);
        const sizes = {
          entries: files.data.docs.length,
          indexBytes: Buffer.byteLength(indexText),
          indexGzipBytes: gzipSync(indexText).length,
          documentsBytes: Buffer.byteLength(documentsText),
          documentsGzipBytes: gzipSync(documentsText).length,
        };
        for (const engine of ENGINES) {
          const timed = sample(engine, size, queries);
          const states = timed.map((q) => q.state);
          const warm = states.slice(0, engine === 'plain' ? 3 : states.length);

          log(`  Node, ${engine} : chargement et ${states.length} requêtes…`);
          const loaded = loadEngine(engine, documentsText, indexText);
          timeQueries(loaded.value, warm);
          const nodeTimes = timeQueries(loaded.value, states).sort((a, b) => a - b);
          rows.push({ size, env: 'node', engine, ...sizes, loadMs: round(loaded.ms, 1), p50Ms: round(percentile(nodeTimes, 50)), p95Ms: round(percentile(nodeTimes, 95)), queries: states.length });

          if (page) {
            log(`  Chromium, ${engine} : chargement et ${states.length} requêtes…`);
            const loadMs = await page.evaluate(([e, d, i]) => (globalThis as any).searchBench.load(e, d, i), [engine, `/documents-${size}.json`, `/index-${size}.json`] as const);
            await page.evaluate((s) => (globalThis as any).searchBench.run(s), warm);
            const times = ((await page.evaluate((s) => (globalThis as any).searchBench.run(s), states)) as number[]).sort((a, b) => a - b);
            rows.push({ size, env: 'chromium', engine, ...sizes, loadMs: round(loadMs, 1), p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), queries: states.length });
          }
        }
      }
    } finally {
      await browser?.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const json = JSON.stringify({ queries: queries.length, categories: countBy(queries), engines: ENGINE_LABELS, targets: TARGETS, results: rows }, null, 2);
  if (opts.save) writeFileSync(opts.save, `${json}\n`);
  if (opts.json) {
    console.log(json);
    return;
  }
  print(rows, queries);
}

function countBy(queries: BenchQuery[]) {
  const counts: Record<string, number> = {};
  for (const q of queries) counts[q.category] = (counts[q.category] ?? 0) + 1;
  return counts;
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} Mo` : `${(bytes / 1024).toFixed(0)} ko`);
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)} ms`;

function print(rows: BenchRow[], queries: BenchQuery[]) {
  const cats = countBy(queries);
  console.log(`\nRecherche : ${queries.length} requêtes fixes (${Object.entries(cats).map(([k, v]) => `${v} ${k}`).join(', ')})`);
  for (const [name, label] of Object.entries(ENGINE_LABELS)) console.log(`  ${name} = ${label}`);
  for (const size of SIZES) {
    const at = rows.filter((r) => r.size === size);
    const first = at[0];
    if (!first) continue;
    const target = TARGETS[size];
    console.log(
      `\n${size.toLocaleString('fr-FR')} entrées — index ${kb(first.indexBytes)} (gzip ${kb(first.indexGzipBytes)}), documents ${kb(first.documentsBytes)} (gzip ${kb(first.documentsGzipBytes)})` +
        (target ? ` — cible : p95 ≤ ${target.p95} ms${target.indexGzip ? `, index gzip ≤ ${kb(target.indexGzip)}` : ''}` : ''),
    );
    const table = new Table({ head: ['Env.', 'Moteur', 'Chargement', 'p50', 'p95', 'Requêtes', 'Cible'], style: { head: [], border: [] } });
    for (const r of at) {
      const ok = target ? r.p95Ms <= target.p95 && (!target.indexGzip || r.indexGzipBytes <= target.indexGzip) : undefined;
      table.push([r.env === 'node' ? 'Node' : 'Chromium', r.engine, ms(r.loadMs), ms(r.p50Ms), ms(r.p95Ms), String(r.queries), ok === undefined ? '—' : ok ? 'atteinte' : 'manquée']);
    }
    console.log(table.toString());
  }
}

await main();
