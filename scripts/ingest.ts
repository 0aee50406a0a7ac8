/**
 * `npm run ingest -- [--config FILE] [--out DIR] [--cache DIR] [--since DATE] [--dry-run] [--json]`
 *
 * The pipeline, top to bottom: discover → fetch → extract → normalize →
 * classify → group → write → report. Each step is one function below, in that
 * order; the stages themselves live in scripts/pipeline/. One failing source
 * or article never stops the others. Exit 0 when the run did its work, 1 when
 * every source failed (or another run holds the lock), 2 on a bad config or
 * bad arguments.
 */
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, sourceEntry, type IngestConfig, type SourceEntry } from './ingest-config.ts';
import { loadIngestContent, type IngestContent } from './ingest-content.ts';
import { Fetcher, FetchError, type FetchOptions, type FetchResult } from './pipeline/fetch/index.ts';
import { discover, selectItems, type DiscoveredItem } from './pipeline/discover/index.ts';
import { extractArticle, type ExtractedArticle } from './pipeline/extract/index.ts';
import { normalizeArticle } from './pipeline/normalize/index.ts';
import { buildClassifier, classify, prejudge, type Classifier } from './pipeline/classify/index.ts';
import { group, type Grouped, type PriorArticle } from './pipeline/group/index.ts';
import { readGroupState, saveGroupState } from './pipeline/group/state.ts';
import { acquireLock, CoverageStore, WriteError, type Evidence } from './pipeline/write/index.ts';
import { PublisherDirectory, writePublisher, type PublisherInfo } from './pipeline/write/publishers.ts';
import { reviewCounts } from './pipeline/review/queue.ts';
import { emptyTotals, exitCode, Progress, renderReport, reportJson, type RunReport, type SourceReport } from './pipeline/report/index.ts';
import { runMain } from './lib/run-main.ts';

export interface IngestOptions {
  config: string;
  /** Content folder: coverage goes to its coverage/, organisations and publishers are read from it. */
  out: string;
  cache: string;
  since?: string | undefined;
  dryRun: boolean;
  json: boolean;
  /** Show a progress bar (when stderr is a terminal). */
  progress?: boolean;
  /** Injected for tests. */
  now?: () => Date;
  fetchOverrides?: Partial<FetchOptions>;
}

/** One article read, cleaned and judged relevant: what grouping and writing need. */
interface Article {
  url: string;
  declaredCanonical: string;
  amp: boolean;
  trustedDomains: string[];
  title: string;
  author?: string | undefined;
  publishedAt: string;
  text: string;
  organizations: string[];
  publisher: PublisherInfo;
  via: string;
  evidence: Evidence;
}

type Source = SourceEntry & { kind: SourceReport['kind'] };

/** Everything one run shares: what it read before starting, its tools, what it found, its report. */
interface Run {
  opts: IngestOptions;
  config: IngestConfig;
  content: IngestContent;
  contentDir: string;
  since?: string | undefined;
  until?: string | undefined;
  classifier: Classifier;
  publishers: PublisherDirectory;
  fetcher: Fetcher;
  progress: Progress;
  report: RunReport;
  seenUrls: Set<string>;
  articles: Article[];
}

export class IngestError extends Error {
  code: 1 | 2;
  constructor(message: string, code: 1 | 2) {
    super(message);
    this.code = code;
  }
}

/** One run. Throws ConfigError (exit 2) before any work, WriteError (exit 1) when another run holds the lock. */
export async function runIngest(opts: IngestOptions): Promise<RunReport> {
  const started = Date.now();
  const run = openRun(opts);
  let release = () => undefined as void;
  try {
    if (!opts.dryRun) release = acquireLock(join(run.contentDir, 'coverage'), now(run));
    const sources = listSources(run.config);
    await Promise.all(
      sources.map(async (source) => {
        const items = await discoverStep(run, source);
        await Promise.all(items.map((item) => readStep(run, source, item)));
      }),
    );
    // Sources in config order, whatever order they finished in.
    run.report.sources.sort((a, b) => sources.findIndex((s) => s.url === a.url) - sources.findIndex((s) => s.url === b.url));
    const store = new CoverageStore(join(run.contentDir, 'coverage'), { dryRun: opts.dryRun, now: opts.now });
    const grouped = groupStep(run, store);
    writeStep(run, store, grouped);
    return reportStep(run, started);
  } finally {
    run.progress.stop();
    release();
  }
}

const now = (run: Run) => (run.opts.now ?? (() => new Date()))();

function openRun(opts: IngestOptions): Run {
  const config = loadConfig(opts.config);
  const contentDir = resolve(opts.out);
  const content = loadIngestContent(contentDir, config, opts.config);
  const publishers = new PublisherDirectory(content.publishers, config.deny);
  return {
    opts,
    config,
    content,
    contentDir,
    since: opts.since ?? config.window.since ?? content.periodStart,
    until: config.window.until ?? content.periodEnd,
    classifier: buildClassifier(content.orgs, content.terms, { threshold: config.relevance.threshold }),
    publishers,
    fetcher: new Fetcher({
      cacheDir: join(opts.cache, 'http'),
      ...Object.fromEntries(Object.entries(config.fetch).filter(([, v]) => v !== undefined)),
      ...opts.fetchOverrides,
      deny: (url) => publishers.denied(url),
    }),
    progress: new Progress(opts.progress ?? !opts.json),
    report: {
      startedAt: (opts.now ?? (() => new Date()))().toISOString(),
      durationMs: 0,
      dryRun: opts.dryRun,
      sources: [],
      totals: emptyTotals(),
      rejected: [],
      protectedFiles: [],
      unassigned: [],
      http: { requests: 0, notModified: 0, retries: 0, bytes: 0 },
      written: [],
    },
    seenUrls: new Set(),
    articles: [],
  };
}

function listSources(config: IngestConfig): Source[] {
  return [
    ...config.feeds.map((s) => ({ ...sourceEntry(s), kind: 'flux' as const })),
    ...config.lists.map((s) => ({ ...sourceEntry(s), kind: 'liste' as const })),
    ...config.sitemaps.map((s) => ({ ...sourceEntry(s), kind: 'sitemap' as const })),
  ];
}

const reject = (run: Run, url: string, reason: string) => {
  run.report.totals.rejected++;
  run.report.rejected.push({ url, reason });
};
const note = (sr: SourceReport, text: string) => (sr.notes ??= []).push(text);

// ------------------------------------------------------------------ 1. discover

/** Reads a feed, list page or sitemap (and its nested sitemaps); returns the new items worth fetching. */
async function discoverStep(run: Run, source: Source): Promise<(DiscoveredItem & { judgement: string })[]> {
  const { config, report, fetcher } = run;
  const sr: SourceReport = { url: source.url, kind: source.kind, status: 'ok', items: 0, kept: 0 };
  report.sources.push(sr);
  run.progress.add(1);
  try {
    const res = await fetcher.fetch(source.url);
    if (res.notModified) sr.notModified = true;
    const found = await discover(res.text, res.finalUrl, { linkSelector: source.linkSelector });
    let items = found.items;
    if (found.truncated) note(sr, `flux tronqué : ${items.length} éléments complets lus`);
    for (const nested of found.sitemaps.slice(0, config.limits.maxSitemaps)) {
      try {
        const sub = await fetcher.fetch(nested);
        items = items.concat((await discover(sub.text, sub.finalUrl)).items);
      } catch (e) {
        note(sr, (e as Error).message);
      }
    }
    if (found.sitemaps.length > config.limits.maxSitemaps) note(sr, `${found.sitemaps.length - config.limits.maxSitemaps} sitemaps ignorés au-delà de la limite`);
    const fresh = items.filter((i) => !run.seenUrls.has(i.url));
    fresh.forEach((i) => run.seenUrls.add(i.url));
    sr.items = items.length;
    report.totals.seen += fresh.length;
    const allowed = fresh.filter((i) => !run.publishers.denied(i.url));
    report.totals.denied += fresh.length - allowed.length;
    const sel = selectItems(allowed, { since: run.since, until: run.until, judge: (t, s) => prejudge(run.classifier, t, s), maxItems: config.limits.maxItemsPerSource });
    report.totals.outOfWindow += sel.outOfWindow;
    report.totals.irrelevant += sel.irrelevant;
    if (sel.overLimit) note(sr, `${sel.overLimit} éléments ignorés au-delà de ${config.limits.maxItemsPerSource}`);
    sr.kept = sel.keep.length;
    run.progress.add(sel.keep.length);
    return sel.keep;
  } catch (e) {
    sr.status = 'échec';
    sr.reason = e instanceof FetchError || (e as Error).message.startsWith('discover:') ? (e as Error).message : `ingest: ${(e as Error).message} (${source.url})`;
    return [];
  } finally {
    run.progress.tick(source.url);
  }
}

// ------------------------------------- 2–5. fetch, extract, normalize, classify (per article)

/** One article through fetch → extract → normalize → classify; kept in run.articles when relevant and in the window. */
async function readStep(run: Run, source: Source, item: DiscoveredItem): Promise<void> {
  try {
    const page = await fetchStep(run, item);
    if (!page) return;
    const known = knownPublisher(run, source, page);
    const extracted = extractStep(page, known);
    const clean = normalizeStep(run, extracted);
    const article = classifyStep(run, item, page, extracted, clean, known);
    if (article) run.articles.push(article);
  } catch (e) {
    reject(run, item.url, (e as Error).message);
  } finally {
    run.progress.tick(item.url);
  }
}

/** The page, or null when a redirect led to a denied host (the fetcher does not follow it there). */
async function fetchStep(run: Run, item: DiscoveredItem): Promise<FetchResult | null> {
  try {
    return await run.fetcher.fetch(item.url);
  } catch (e) {
    if (!(e instanceof FetchError && e.kind === 'denied')) throw e;
    run.report.totals.denied++;
    return null;
  }
}

/** The source's publisher, else the one whose domain the page is on; undefined for an outlet met for the first time. */
function knownPublisher(run: Run, source: Source, page: FetchResult): PublisherInfo | undefined {
  const declared = source.publisher ? run.publishers.bySlug(source.publisher) : undefined;
  return declared ?? run.publishers.byUrl(page.finalUrl) ?? run.publishers.byUrl(page.url);
}

function extractStep(page: FetchResult, publisher: PublisherInfo | undefined): ExtractedArticle {
  return extractArticle(page.text, page.finalUrl, publisher?.hints ?? {});
}

function normalizeStep(run: Run, a: ExtractedArticle) {
  return normalizeArticle({ title: a.title, text: a.text, ...(a.author ? { author: a.author } : {}) }, { allowEmails: run.config.pii.allowEmails });
}

/**
 * Relevance and the publication window; then the article's publisher, made
 * from the page when its outlet is new. Returns the article to group, or null.
 */
function classifyStep(run: Run, item: DiscoveredItem, page: FetchResult, extracted: ExtractedArticle, clean: ReturnType<typeof normalizeStep>, known: PublisherInfo | undefined): Article | null {
  const c = classify(run.classifier, clean.title, clean.text);
  if (!c.relevance.relevant) {
    run.report.totals.irrelevant++;
    return null;
  }
  const publishedAt = extracted.publishedAt ?? item.publishedAt;
  if (!publishedAt) {
    reject(run, page.finalUrl, `extract: date de publication introuvable (${page.finalUrl})`);
    return null;
  }
  const day = publishedAt.slice(0, 10);
  if ((run.since && day < run.since) || (run.until && day > run.until)) {
    run.report.totals.outOfWindow++;
    return null;
  }
  // A known outlet by the read address, else by the declared canonical (a copy served from another host), else a new one from the page.
  const publisher = known ?? run.publishers.byUrl(extracted.canonicalUrl) ?? run.publishers.fromPage(page.finalUrl, { siteName: extracted.siteName, lang: extracted.lang, html: page.text });
  return {
    url: page.finalUrl,
    declaredCanonical: extracted.canonicalUrl,
    amp: extracted.amp,
    // Where the page's canonical link is believed: a partner's copy pointing to another outlet keeps its own address.
    trustedDomains: publisher.domains,
    title: clean.title,
    author: clean.author,
    publishedAt,
    text: clean.text,
    organizations: c.organizations,
    publisher,
    via: item.via,
    evidence: {
      score: c.relevance.score,
      threshold: run.classifier.opts.threshold,
      terms: Object.entries(c.relevance.hits).map(([term, hits]) => ({ term, hits })),
    },
  };
}

// -------------------------------------------------------------------- 6. group

/** Stories and events, in one order whatever the network did, so files and stories are stable. */
function groupStep(run: Run, store: CoverageStore): Grouped[] {
  run.articles.sort((a, b) => a.url.localeCompare(b.url));
  const state = readGroupState(run.opts.cache);
  // Articles already written come back through their canonical URL, not as prior articles.
  const prior: PriorArticle[] = store
    .known()
    .filter((k) => state.articles[k.canonicalUrl])
    .map((k) => ({ canonicalUrl: k.canonicalUrl, story: k.story ?? state.articles[k.canonicalUrl]!.story, signature: state.articles[k.canonicalUrl]!.signature, event: k.event }));
  return group(
    run.articles.map((a) => ({ url: a.url, declaredCanonical: a.declaredCanonical, title: a.title, text: a.text, publishedAt: a.publishedAt, organizations: a.organizations, amp: a.amp, trustedDomains: a.trustedDomains })),
    { events: run.content.events, prior },
  );
}

// -------------------------------------------------------------------- 7. write

const PROTECTED: Record<string, string> = {
  edited: 'modifié par un éditeur',
  reviewed: 'relu par un éditeur',
  locked: 'verrouillé (locked: true)',
  editor: 'entrée d’éditeur',
  tombstoned: 'supprimé par un éditeur (pierre tombale)',
};

/** Each article's publisher (when new) and coverage entry; what earlier runs found (story, event) is kept. */
function writeStep(run: Run, store: CoverageStore, grouped: Grouped[]): void {
  const { report, opts } = run;
  const state = readGroupState(opts.cache);
  const stateBefore = JSON.stringify(state);
  const knownByUrl = new Map(store.known().map((k) => [k.canonicalUrl, k]));
  const publishersDone = new Set<string>();
  grouped.forEach((g, i) => {
    const a = run.articles[i]!;
    if (g.duplicateOf !== undefined) {
      report.totals.duplicates++;
      return;
    }
    if (a.publisher.create && !publishersDone.has(a.publisher.slug)) {
      try {
        if (writePublisher(join(run.contentDir, 'publishers'), a.publisher, opts.dryRun) && !opts.dryRun) report.written.push(`publishers/${a.publisher.slug}.yaml`);
        publishersDone.add(a.publisher.slug);
      } catch (e) {
        reject(run, a.url, (e as Error).message);
        return;
      }
    }
    const before = knownByUrl.get(g.canonicalUrl);
    const story = g.storySize > 1 ? g.story : before?.story;
    const event = g.event ?? before?.event;
    const grouping = g.event || g.storySize > 1 || !before?.grouping ? g.grouping : before.grouping;
    // The evidence of the attachment stays the one recorded when it was made.
    const eventScore = before?.event === event && before?.eventScore !== undefined ? before.eventScore : g.event ? g.eventScore : undefined;
    const r = store.write({
      dossier: run.content.dossier,
      url: a.url,
      canonicalUrl: g.canonicalUrl,
      publisher: a.publisher.slug,
      publisherName: a.publisher.name,
      title: a.title,
      author: a.author,
      publishedAt: a.publishedAt,
      text: a.text,
      organizations: a.organizations,
      event,
      story,
      via: a.via,
      grouping,
      evidence: { ...a.evidence, ...(eventScore !== undefined ? { eventScore } : {}) },
    });
    if (r.outcome === 'new' || r.outcome === 'updated') {
      report.totals[r.outcome]++;
      if (!opts.dryRun) report.written.push(`coverage/${r.file}`);
    } else if (r.outcome === 'unchanged') {
      report.totals.unchanged++;
    } else if (r.outcome === 'invalid') {
      reject(run, a.url, `write: ${r.detail ?? 'entrée invalide'} (${r.file})`);
      return;
    } else {
      report.totals.protected++;
      report.protectedFiles.push({ file: r.file, outcome: PROTECTED[r.outcome] ?? r.outcome });
      return;
    }
    if (!event) report.unassigned.push({ file: r.file, title: a.title, url: a.url });
    state.articles[g.canonicalUrl] = { story: g.story, signature: g.signature };
  });
  for (const f of store.close()) report.written.push(`coverage/${f}`);
  if (!opts.dryRun && JSON.stringify(state) !== stateBefore) saveGroupState(opts.cache, state);
}

// ------------------------------------------------------------------- 8. report

function reportStep(run: Run, started: number): RunReport {
  run.report.http = { ...run.fetcher.stats };
  run.report.toReview = reviewCounts(run.contentDir);
  run.report.durationMs = Date.now() - started;
  return run.report;
}

const USAGE = `Usage : npm run ingest -- [--config FICHIER] [--out DOSSIER] [--cache DOSSIER] [--since AAAA-MM-JJ] [--dry-run] [--json]
  --config   configuration des sources (défaut : sources.yaml)
  --out      dossier de contenu : les articles vont dans son coverage/ (défaut : content/)
  --cache    cache HTTP et état de l'ingestion (défaut : .cache/)
  --since    premier jour de publication retenu (défaut : celui de la config, sinon le début du dossier)
  --dry-run  tout faire sauf écrire
  --json     rapport en JSON sur la sortie standard`;

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        config: { type: 'string', default: 'sources.yaml' },
        out: { type: 'string', default: 'content' },
        cache: { type: 'string', default: '.cache' },
        since: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`ingest: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.since) || Number.isNaN(Date.parse(values.since)))) {
    process.stderr.write(`ingest: --since attend une date AAAA-MM-JJ, reçu « ${values.since} »\n`);
    return 2;
  }
  if (!existsSync(values.out)) {
    process.stderr.write(`ingest: dossier de contenu introuvable : ${values.out}\n`);
    return 2;
  }
  try {
    const report = await runIngest({ config: values.config, out: values.out, cache: values.cache, since: values.since, dryRun: values['dry-run'], json: values.json });
    process.stdout.write(`${values.json ? reportJson(report) : renderReport(report, { color: Boolean(process.stdout.isTTY) })}\n`);
    const code = exitCode(report);
    if (code === 1) process.stderr.write('ingest: toutes les sources ont échoué (voir la colonne Raison) ; rien n’a été écrit\n');
    return code;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    if (e instanceof WriteError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (import.meta.main) runMain('ingest', main);
