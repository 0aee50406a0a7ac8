/**
 * Search benchmark: our engine beside Pagefind (the search Astro's Starlight
 * ships), on the same synthetic corpus, in headless Chromium.
 * `npm run bench:search` prints a table per size; `-- --json` prints
 * `{ rows: [{ size, engine: "ours" | "pagefind", bytesBeforeFirstResult, p50Ms, p95Ms, hitAt5 }] }`.
 *
 * For 1,000, 10,000 and 50,000 entries (bench/search-corpus.ts) it writes our
 * search files (the split index, as the site ships it) and a Pagefind index
 * of the same documents rendered as pages (bench/search-known.ts), then:
 * - bytes before the first result: a fresh browser context per query (empty
 *   cache) loads the engine and answers one query; every file it requested is
 *   counted at its gzipped size (Pagefind's own files are already compressed,
 *   so they count as they are), script included; mean over the cold queries;
 * - warm latency (p50, p95): each query timed from the call to its five best
 *   results with what a results list shows (ours: the request the site's
 *   worker answers, labels resolved and matched words located; Pagefind: each
 *   result's data, with its excerpt and marks). "Warm" means the engine's files
 *   are already fetched and parsed, for both engines (a first pass over the
 *   same queries fetched them), and nothing kept from an earlier query is
 *   reused: before each timed query our engine forgets the word expansions it
 *   keeps (`SplitEngine.forgetQueries`, called only here), so it expands every
 *   word and scores as for a query never seen. Pagefind keeps no result per
 *   query (only the chunks and fragments it fetched), so it is timed as it is.
 *   The timed pass runs `--rounds` times, alternating between the engines
 *   (and so do the cold queries), so that the machine's load weighs on both
 *   alike; percentiles are over every timed query. The page is served cross-origin isolated (COOP and COEP headers):
 *   its timer then ticks in 5 µs steps, where it would tick in 100 µs ones;
 * - hit@5: share of the queries with a known answer (a document's rarest title
 *   words, as typed, without accents, or with a typo) whose answer is in the
 *   first five.
 * Both engines run on the page's thread, cold and warm: Pagefind with its
 * `noWorker` option. By default (since 1.5) it searches in a Web Worker, as the
 * site does with ours; a worker adds a message round trip to each query (and,
 * for Pagefind, to each result's data) and its own script to the bytes, which
 * is transport rather than search.
 * Targets (issue 12): at 10,000 and 50,000 entries, bytes, p95 and hit@5 at
 * least as good as Pagefind's in the same run.
 *
 * Options: --sizes=1000,10000 --cold=8 --rounds=5 --json --save=file.json (writes the JSON too). `--internal` runs the older
 * comparison of our two engines in Node and Chromium (bench/search-internal.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

if (process.argv.includes('--internal')) {
  process.argv = process.argv.filter((a) => a !== '--internal');
  await import('./search-internal.ts');
} else {
  await compare();
}

export interface CompareRow {
  size: number;
  engine: 'ours' | 'pagefind';
  bytesBeforeFirstResult: number;
  p50Ms: number;
  p95Ms: number;
  hitAt5: number;
}

async function compare() {
  const { build } = await import('esbuild');
  const Table = (await import('cli-table3')).default;
  const pagefind = await import('pagefind');
  const { buildSearchFiles } = await import('../src/search/build.ts');
  const { generateCorpus } = await import('./search-corpus.ts');
  const { knownAnswerQueries, pagefindPages } = await import('./search-known.ts');
  const { launchBrowser } = await import('../tests/support/browser.ts');
  const { serveStatic } = await import('../tests/support/static-server.ts');

  const { values: opts } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,50000' },
      cold: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
      save: { type: 'string' },
    },
  });
  const SIZES = opts.sizes.split(',').map(Number).filter((n) => n > 0);
  const COLD = Math.max(1, Number(opts.cold));
  const ROUNDS = Math.max(1, Number(opts.rounds));
  const log = (...args: unknown[]) => console.error(...args);
  const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  };

  const dir = mkdtempSync(join(tmpdir(), 'bench-search-pagefind-'));
  /** Bytes on the wire for a file: gzipped, unless it is compressed already (Pagefind's chunks). */
  const gzCache = new Map<string, number>();
  const wireBytes = (url: string) => {
    const path = join(dir, decodeURIComponent(new URL(url).pathname));
    const known = gzCache.get(path);
    if (known !== undefined) return known;
    let size = 0;
    try {
      const body = readFileSync(statSync(path).isDirectory() ? join(path, 'index.html') : path);
      size = body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body, { level: 6 }).length;
    } catch {
      size = 0;
    }
    gzCache.set(path, size);
    return size;
  };

  const rows: CompareRow[] = [];
  const coldMs: Record<string, number> = {};
  try {
    for (const [entry, out] of [
      ['search-compare-browser.ts', 'bench.js'],
      ['search-ours.ts', 'ours.js'],
    ] as const) {
      await build({ entryPoints: [resolve(import.meta.dirname, entry)], bundle: true, minify: true, format: 'esm', target: 'es2022', outfile: join(dir, out), logLevel: 'error' });
    }
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="fr"><meta charset="utf-8"><title>bench</title><script type="module" src="/bench.js"></script>');
    // Cross-origin isolated, so the page's timer ticks in 5 µs steps rather than 100 µs.
    const server = await serveStatic(dir, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
    const browser = await launchBrowser();
    try {
      for (const size of SIZES) {
        const base = `/s${size}`;
        const site = join(dir, `s${size}`);
        mkdirSync(site, { recursive: true });
        log(`— ${size.toLocaleString('fr-FR')} entrées : corpus, nos fichiers, index Pagefind…`);
        const corpus = generateCorpus(size);
        const files = buildSearchFiles(corpus.entries);
        // The site's split index, at the paths its meta file names (under this size's folder).
        mkdirSync(join(site, 'recherche'), { recursive: true });
        for (const f of [...files.split.shards, files.files.documents]) writeFileSync(join(site, f.path), f.body);
        writeFileSync(join(site, 'meta.json'), files.split.meta.body);
        const pages = pagefindPages(corpus.entries, files.data);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
        if (!index) throw new Error(`pagefind : ${errors.join(', ')}`);
        for (let i = 0; i < pages.length; i += 200) {
          await Promise.all(pages.slice(i, i + 200).map((content, j) => index.addHTMLFile({ url: `${base}/doc/${i + j}/`, content })));
        }
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length) throw new Error(`pagefind : ${written.errors.join(', ')}`);
        await index.deleteIndex();
        const queries = knownAnswerQueries(corpus.entries);
        const texts = queries.map((q) => q.q);

        const ENGINES = ['ours', 'pagefind'] as const;
        const bytes = { ours: [] as number[], pagefind: [] as number[] };
        const firstMs = { ours: [] as number[], pagefind: [] as number[] };
        const timedMs = { ours: [] as number[], pagefind: [] as number[] };
        const openPage = async (context: import('playwright-core').BrowserContext) => {
          const page = await context.newPage();
          await page.goto(`${server.url}/index.html`);
          await page.waitForFunction(() => 'compareBench' in globalThis);
          if (!(await page.evaluate(() => globalThis.crossOriginIsolated))) throw new Error('page de mesure non isolée (COOP/COEP) : minuterie à 0,1 ms');
          return page;
        };
        log(`  ${COLD} requêtes à froid par moteur, puis ${queries.length} à chaud (× ${ROUNDS} chronométrées, moteurs en alternance)…`);
        // Cold queries alternate between the engines, so that the machine's load weighs on both alike.
        for (let i = 0; i < COLD; i++) {
          for (const engine of ENGINES) {
            const context = await browser.newContext();
            const page = await openPage(context);
            const urls: string[] = [];
            context.on('request', (r) => void urls.push(r.url()));
            const cold = await page.evaluate(([e, b, q]) => (globalThis as any).compareBench.cold(e, b, q), [engine, base, texts[i % texts.length]!] as const);
            firstMs[engine].push(cold.ms);
            bytes[engine].push(urls.reduce((n, u) => n + wireBytes(u), 0));
            await context.close();
          }
        }
        // One page per engine. The first pass fetches every file the queries need (and gives hit@5); then timed
        // passes, each query as new, alternate between the engines for the same reason.
        const contexts = { ours: await browser.newContext(), pagefind: await browser.newContext() };
        const warmPages = { ours: await openPage(contexts.ours), pagefind: await openPage(contexts.pagefind) };
        const tops: Record<string, (number | string)[][]> = {};
        for (const engine of ENGINES) {
          const page = warmPages[engine];
          await page.evaluate(([e, b]) => (e === 'ours' ? (globalThis as any).compareBench.oursLoad(b) : (globalThis as any).compareBench.pagefindLoad(b)), [engine, base] as const);
          tops[engine] = (await page.evaluate(([e, qs]) => (globalThis as any).compareBench.warm(e, qs), [engine, texts] as const)).tops;
        }
        for (let r = 0; r < ROUNDS; r++) {
          for (const engine of ENGINES) {
            const timed = await warmPages[engine].evaluate(([e, qs]) => (globalThis as any).compareBench.warm(e, qs, true), [engine, texts] as const);
            timedMs[engine].push(...timed.ms);
          }
        }
        await Promise.all(ENGINES.map((e) => contexts[e].close()));
        // Pagefind's results name a document by its index (its page address), ours by `type:slug`.
        const key = (i: number) => `${files.data.docs[i]!.t}:${files.data.docs[i]!.s}`;
        for (const engine of ENGINES) {
          const hits = queries.filter((q, i) => tops[engine]![i]!.some((top) => top === q.answer || top === key(q.answer))).length;
          rows.push({
            size,
            engine,
            bytesBeforeFirstResult: Math.round(bytes[engine].reduce((a, b) => a + b, 0) / bytes[engine].length),
            p50Ms: round(percentile(timedMs[engine], 50)),
            p95Ms: round(percentile(timedMs[engine], 95)),
            hitAt5: round(hits / queries.length, 3),
          });
          coldMs[`${size}:${engine}`] = round(percentile(firstMs[engine], 50), 1);
        }
        rmSync(site, { recursive: true, force: true });
      }
    } finally {
      await browser.close();
      await server.close();
      await pagefind.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const json = JSON.stringify({ rows }, null, 2);
  if (opts.save) writeFileSync(opts.save, `${json}\n`);
  if (opts.json) {
    console.log(json);
    return;
  }
  const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} Mo` : `${(n / 1024).toFixed(1)} ko`);
  const table = new Table({ head: ['Entrées', 'Moteur', 'Octets avant le 1er résultat (gzip)', '1er résultat à froid (médiane)', 'p50 à chaud', 'p95 à chaud', 'hit@5', 'Cibles'], style: { head: [], border: [] } });
  for (const r of rows) {
    const other = rows.find((o) => o.size === r.size && o.engine === 'pagefind');
    const targeted = r.engine === 'ours' && other && r.size >= 10000;
    const verdict = targeted
      ? [r.bytesBeforeFirstResult <= other.bytesBeforeFirstResult ? 'octets ✓' : 'octets ✗', r.p95Ms <= other.p95Ms ? 'p95 ✓' : 'p95 ✗', r.hitAt5 >= other.hitAt5 ? 'hit@5 ✓' : 'hit@5 ✗'].join(' ')
      : '—';
    table.push([r.size.toLocaleString('fr-FR'), r.engine, kb(r.bytesBeforeFirstResult), `${coldMs[`${r.size}:${r.engine}`]} ms`, `${r.p50Ms} ms`, `${r.p95Ms} ms`, r.hitAt5.toFixed(3), verdict]);
  }
  console.log(`\nRecherche dans Chromium : notre moteur et Pagefind sur le même corpus (${COLD} requêtes à froid ; à chaud, 60 requêtes à réponse connue × ${ROUNDS}, chacune comme nouvelle)`);
  console.log(table.toString());
  const ratio = (size: number, f: (r: CompareRow) => number) => {
    const o = rows.find((r) => r.size === size && r.engine === 'ours');
    const p = rows.find((r) => r.size === size && r.engine === 'pagefind');
    return o && p && f(p) ? round(f(o) / f(p)) : undefined;
  };
  for (const size of SIZES) console.log(`${size.toLocaleString('fr-FR')} entrées : octets nous ÷ Pagefind = ${ratio(size, (r) => r.bytesBeforeFirstResult)}, p95 = ${ratio(size, (r) => r.p95Ms)}`);
}
