/**
 * Build benchmark: `npm run bench:build` (a table), or `-- --json` (one JSON
 * object on stdout: `{ rows: [{ size, site: { seconds, msPerPage, peakMB, pages },
 * bare: { seconds, msPerPage, pages }, ratio, ratioPerEntry, bareMarkdown,
 * ratioMarkdown }], growth, runs }`).
 *
 * For each size (default 1,000, 5,000 and 20,000 entries) it writes synthetic
 * content in a temporary folder (bench/build-corpus.ts), builds the real site
 * from it with `scripts/build.ts` (the command `npm run build` runs), then, in
 * the same run, a bare Astro site rendering as many MDX pages as there are
 * entries through one route: the baseline. It reports wall time, milliseconds
 * per built HTML page and the peak resident memory of the build's process
 * tree. `ratio` is the site's cost per page over the baseline's; `growth` is
 * the site's cost per page at the largest size over the smallest.
 *
 * The two sites read the same entries but do not build the same number of
 * pages: the baseline builds one page per entry, the site one per event,
 * organisation, dossier, kind and month, and none per press article (an
 * article is a line of the press review and of its event). So `ratio` also
 * charges the site for reading articles that have no page of their own;
 * `ratioPerEntry` (the two builds' times, same entries) leaves that out.
 *
 * The site renders entry bodies as Markdown (they are text: the checker
 * refuses code in them), without compiling each into an MDX module as the
 * baseline does. So a second bare site, the same entries as `.md` files, is
 * built too: `ratioMarkdown` is the site's cost per page over that one's, the
 * like-for-like comparison of rendering. All three are printed.
 *
 * Options: --sizes=1000,5000 (fewer or smaller sizes while developing),
 * --runs=3 (each size built that many times, site and baselines in turn; the
 * medians are reported, the peaks are the highest),
 * --json, --save=file.json (writes the JSON too), --keep (leave the temporary
 * folder and print where it is).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import Table from 'cli-table3';
import { writeBareEntries, writeContent, type ContentCounts } from './build-corpus.ts';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000' },
    runs: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    save: { type: 'string' },
  },
});
const SIZES = opts.sizes.split(',').map(Number).filter((n) => n > 0);
const RUNS = Math.max(1, Number(opts.runs) || 1);
const ROOT = resolve(import.meta.dirname, '..');
const TARGETS = { ratio: 1.5, growth: 1.2 };
const log = (...args: unknown[]) => console.error(...args);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Run {
  seconds: number;
  peakMB: number;
  pages: number;
}

/** Resident memory (kB) of a process and all its descendants, from /proc. */
function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(name), kb);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(name));
    } catch {
      // The process ended between listing and reading.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command, timing it and sampling its process tree's memory; throws with the output's tail on failure. */
function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakMB: number }> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString()).slice(-6000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peakKb = 0;
    const sample = () => void (peakKb = Math.max(peakKb, treeRssKb(child.pid!)));
    const timer = setInterval(sample, 200);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) fail(new Error(`${command} ${args.join(' ')} a échoué (code ${code}) :\n${tail}`));
      else done({ seconds, peakMB: peakKb / 1024 });
    });
  });
}

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));

/** The real site over the synthetic content, through the same script as `npm run build`. */
async function buildSite(content: string, work: string): Promise<Run & { largestMonthGzip: number; homeGzip: number; largestPage: { path: string; gzip: number } }> {
  const out = join(work, 'site-dist');
  const run = await timed(process.execPath, ['scripts/build.ts'], ROOT, { CONTENT_DIR: content, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'site-cache') });
  const pages = htmlFiles(out);
  const months = pages.filter((p) => /\/\d{4}\/\d{2}\/index\.html$/.test(p));
  const gz = (p: string) => gzipSync(readFileSync(p), { level: 9 }).length;
  const largest = pages.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  return {
    ...run,
    pages: pages.length,
    largestMonthGzip: Math.max(0, ...months.map(gz)),
    homeGzip: gz(join(out, 'index.html')),
    largestPage: { path: `/${relative(out, largest).replace(/index\.html$/, '')}`, gzip: gz(largest) },
  };
}

/**
 * A bare Astro site: one collection, one dynamic route rendering each entry, nothing else.
 * `mdx`: each entry compiled by @astrojs/mdx into a module (the issue's baseline);
 * `md`: each entry rendered to HTML as Markdown while loading, no module per entry (how the site reads bodies).
 */
async function buildBare(work: string, count: number, format: 'mdx' | 'md'): Promise<Run> {
  const site = join(work, `bare-${format}`);
  mkdirSync(join(site, 'src/pages'), { recursive: true });
  writeBareEntries(join(site, 'entries'), count, format);
  // The repository's packages, without installing anything into the temporary folder.
  symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'), 'dir');
  const mdx = format === 'mdx';
  writeFileSync(
    join(site, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\n${mdx ? `import mdx from '@astrojs/mdx';\n` : ''}export default defineConfig({ integrations: [${mdx ? 'mdx()' : ''}], cacheDir: './.astro-cache', devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(
    join(site, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'astro/zod';\nexport const collections = { pages: defineCollection({ loader: glob({ pattern: '*.${format}', base: './entries' }), schema: z.object({ title: z.string() }) }) };\n`,
  );
  writeFileSync(
    join(site, 'src/pages/[slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('pages')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="fr"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>\n`,
  );
  const run = await timed(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], site, {});
  return { ...run, pages: htmlFiles(join(site, 'dist')).length };
}

/** Several runs of one build as one: the median time, the highest peak. */
const medianRun = <T extends Run>(runs: T[]): T => ({ ...runs[0]!, seconds: median(runs.map((x) => x.seconds)), peakMB: Math.max(...runs.map((x) => x.peakMB)) });

export interface BuildRow {
  size: number;
  site: { seconds: number; msPerPage: number; peakMB: number; pages: number };
  bare: { seconds: number; msPerPage: number; pages: number };
  ratio: number;
  ratioPerEntry: number;
  /** The same bare site with Markdown entries: the site renders bodies as Markdown, so this is the like-for-like rendering. */
  bareMarkdown: { seconds: number; msPerPage: number; pages: number };
  ratioMarkdown: number;
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const rows: BuildRow[] = [];
  const details: { counts: ContentCounts; sitePages: number; barePages: number; barePeakMB: number; largestMonthGzip: number; homeGzip: number; largestPage: { path: string; gzip: number } }[] = [];
  try {
    for (const size of SIZES) {
      const work = join(root, String(size));
      log(`— ${size.toLocaleString('fr-FR')} entrées : contenu synthétique…`);
      const counts = writeContent(join(work, 'content'), size);
      // Runs alternate site and baseline, each from a clean cache, so a change in load weighs on both; medians are kept.
      const sites: Awaited<ReturnType<typeof buildSite>>[] = [];
      const bares: Run[] = [];
      const bareMds: Run[] = [];
      for (let r = 0; r < RUNS; r++) {
        const runDir = join(work, `run-${r}`);
        log(`  construction du site${RUNS > 1 ? ` (${r + 1}/${RUNS})` : ''}…`);
        sites.push(await buildSite(join(work, 'content'), runDir));
        log(`  ${sites.at(-1)!.pages} pages en ${sites.at(-1)!.seconds.toFixed(1)} s ; site nu (${size} pages MDX)…`);
        bares.push(await buildBare(runDir, size, 'mdx'));
        log(`  ${bares.at(-1)!.pages} pages en ${bares.at(-1)!.seconds.toFixed(1)} s ; site nu (${size} pages Markdown)…`);
        bareMds.push(await buildBare(runDir, size, 'md'));
        log(`  ${bareMds.at(-1)!.pages} pages en ${bareMds.at(-1)!.seconds.toFixed(1)} s`);
        if (!opts.keep) rmSync(runDir, { recursive: true, force: true });
      }
      const [site, bare, bareMd] = [medianRun(sites), medianRun(bares), medianRun(bareMds)];
      const [siteMs, bareMs, bareMdMs] = [site, bare, bareMd].map((run) => (run.seconds * 1000) / run.pages) as [number, number, number];
      rows.push({
        size,
        site: { seconds: round(site.seconds, 1), msPerPage: round(siteMs), peakMB: Math.round(site.peakMB), pages: site.pages },
        bare: { seconds: round(bare.seconds, 1), msPerPage: round(bareMs), pages: bare.pages },
        ratio: round(siteMs / bareMs),
        ratioPerEntry: round(site.seconds / bare.seconds),
        bareMarkdown: { seconds: round(bareMd.seconds, 1), msPerPage: round(bareMdMs), pages: bareMd.pages },
        ratioMarkdown: round(siteMs / bareMdMs),
      });
      details.push({ counts, sitePages: site.pages, barePages: bare.pages, barePeakMB: Math.round(bare.peakMB), largestMonthGzip: site.largestMonthGzip, homeGzip: site.homeGzip, largestPage: site.largestPage });
      if (!opts.keep) rmSync(work, { recursive: true, force: true });
    }
  } finally {
    if (opts.keep) log(`dossier conservé : ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
  const growth = rows.length > 1 ? round(rows.at(-1)!.site.msPerPage / rows[0]!.site.msPerPage) : 1;
  const json = JSON.stringify({ rows, growth, runs: RUNS }, null, 2);
  if (opts.save) writeFileSync(opts.save, `${json}\n`);
  if (opts.json) {
    console.log(json);
    return;
  }
  const table = new Table({
    head: ['Entrées', 'Pages (site)', 'Site', 'ms/page', 'Mémoire max', 'Pages (nu)', 'Nu', 'ms/page (nu)', 'Mémoire (nu)', 'Rapport par page', 'Rapport par entrée', 'Nu Markdown', 'Rapport par page (nu Markdown)', 'Accueil gzip', 'Mois le plus lourd gzip', 'Page la plus lourde gzip'],
    style: { head: [], border: [] },
  });
  rows.forEach((r, i) => {
    const d = details[i]!;
    table.push([
      r.size.toLocaleString('fr-FR'), String(d.sitePages), `${r.site.seconds} s`, String(r.site.msPerPage), `${r.site.peakMB} Mo`,
      String(d.barePages), `${r.bare.seconds} s`, String(r.bare.msPerPage), `${d.barePeakMB} Mo`,
      `${r.ratio} ${r.ratio <= TARGETS.ratio ? '(atteinte)' : '(manquée)'}`, String(r.ratioPerEntry), `${r.bareMarkdown.seconds} s`, String(r.ratioMarkdown), `${(d.homeGzip / 1024).toFixed(1)} ko`, `${(d.largestMonthGzip / 1024).toFixed(1)} ko`,
      `${d.largestPage.path} ${(d.largestPage.gzip / 1024).toFixed(1)} ko`,
    ]);
  });
  console.log(`\nConstruction : site réel contre site Astro nu (une route, autant de pages MDX que d'entrées ; « nu Markdown » : les mêmes en .md), médiane de ${RUNS} passage(s) — ${cpus().length} cœurs, ${(totalmem() / 2 ** 30).toFixed(1)} Go, Node ${process.version}`);
  console.log(table.toString());
  console.log(`Croissance du coût par page (${rows.at(-1)?.size} ÷ ${rows[0]?.size} entrées) : ${growth} (cible ≤ ${TARGETS.growth}) ; rapport au site nu : cible ≤ ${TARGETS.ratio}`);
}

await main();
