/**
 * `npm run ingest -- [--config FILE] [--out DIR] [--cache DIR] [--since DATE] [--dry-run] [--json]`
 *
 * Wires the stages: discover → fetch → extract → normalize → classify → group
 * → write → report. One failing source never stops the others. Exit 0 when
 * the run did its work, 1 when every source failed (or another run holds the
 * lock), 2 on a bad config or bad arguments.
 */
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/content-check.ts';
import { ConfigError, loadConfig, sourceEntry, type IngestConfig, type SourceEntry } from './ingest-config.ts';
import { Fetcher, FetchError, type FetchOptions } from './pipeline/fetch/index.ts';
import { discover, selectItems, type DiscoveredItem } from './pipeline/discover/index.ts';
import { extractArticle, type ExtractHints } from './pipeline/extract/index.ts';
import { normalizeArticle } from './pipeline/normalize/index.ts';
import { buildClassifier, classify, prejudge, type Classifier } from './pipeline/classify/index.ts';
import { group, type EventRef, type GroupInput, type PriorArticle } from './pipeline/group/index.ts';
import { acquireLock, CoverageStore, ensurePublisher, WriteError, type CoverageDraft } from './pipeline/write/index.ts';
import { emptyTotals, exitCode, Progress, renderReport, reportJson, type RunReport, type SourceReport } from './pipeline/report/index.ts';

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

interface PublisherInfo {
  slug: string;
  name: string;
  domains: string[];
  hints?: ExtractHints | undefined;
  /** Declared in the config but absent from content/publishers/: added on first use. */
  create?: boolean;
}

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
}

export class IngestError extends Error {
  code: 1 | 2;
  constructor(message: string, code: 1 | 2) {
    super(message);
    this.code = code;
  }
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
};

function publisherFor(url: string, list: PublisherInfo[]): PublisherInfo | undefined {
  const host = hostOf(url);
  return list.find((p) => p.domains.some((d) => host === d || host.endsWith(`.${d}`)));
}

/** Reads what ingestion needs from the content folder. */
function loadContent(contentDir: string, config: IngestConfig, configFile: string) {
  const { entries } = checkContent(contentDir);
  const of = (c: string) => entries.filter((e) => e.collection === c);
  const dossiers = of('dossiers');
  const dossier = config.dossier ? dossiers.find((d) => d.slug === config.dossier) : (dossiers.find((d) => d.data['main'] === true) ?? dossiers[0]);
  if (!dossier) {
    throw new ConfigError(configFile, config.dossier ? `dossier « ${config.dossier} » introuvable dans ${join(contentDir, 'dossiers')}` : `aucun dossier dans ${join(contentDir, 'dossiers')} : les termes de pertinence viennent du dossier`);
  }
  const orgs = of('organizations').map((o) => ({ slug: o.slug, name: String(o.data['name']), aliases: (o.data['aliases'] as string[]) ?? [] }));
  const publishers: PublisherInfo[] = of('publishers').map((p) => ({ slug: p.slug, name: String(p.data['name']), domains: p.data['domains'] as string[], hints: p.data['hints'] as ExtractHints | undefined }));
  for (const [slug, p] of Object.entries(config.publishers)) {
    const known = publishers.find((x) => x.slug === slug);
    if (known) {
      if (p.hints) known.hints = p.hints;
      if (p.domains) known.domains = [...new Set([...known.domains, ...p.domains])];
    } else {
      if (!p.name || !p.domains?.length) throw new ConfigError(configFile, `champ « publishers.${slug} » : éditeur absent de content/publishers/ : donnez name et domains pour qu’il soit ajouté`);
      publishers.push({ slug, name: p.name, domains: p.domains, hints: p.hints, create: true });
    }
  }
  const events: EventRef[] = of('events')
    .filter((e) => e.data['dossier'] === dossier.slug)
    .map((e) => ({
      slug: e.slug,
      date: String(e.data['date']),
      organizations: (e.data['organizations'] as string[]) ?? [],
      text: `${String(e.data['title'])} ${String(e.data['title'])} ${e.data['summary'] ?? ''} ${e.body}`,
    }));
  const terms = config.topicTerms ?? (dossier.data['topicTerms'] as { term: string; weight: number }[]);
  const period = dossier.data['period'] as { start: string; end?: string };
  return { dossier: dossier.slug, orgs, publishers, events, terms, periodStart: period.start.slice(0, 10), periodEnd: period.end?.slice(0, 10) };
}

interface StateFile {
  version: 1;
  articles: Record<string, { story: string; signature: number[] }>;
}

function readState(path: string): StateFile {
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as StateFile;
    if (s.version === 1 && s.articles) return s;
  } catch {
    /* first run */
  }
  return { version: 1, articles: {} };
}

/** One run. Throws IngestError (exit 1 or 2) or ConfigError (exit 2) before any work. */
export async function runIngest(opts: IngestOptions): Promise<RunReport> {
  const started = Date.now();
  const now = opts.now ?? (() => new Date());
  const config = loadConfig(opts.config);
  const contentDir = resolve(opts.out);
  const content = loadContent(contentDir, config, opts.config);
  const since = opts.since ?? config.window.since ?? content.periodStart;
  const until = config.window.until ?? content.periodEnd;
  const classifier: Classifier = buildClassifier(content.orgs, content.terms, { threshold: config.relevance.threshold });
  const coverageDir = join(contentDir, 'coverage');

  const release = opts.dryRun ? () => undefined : acquireLock(coverageDir, now());
  const progress = new Progress(opts.progress ?? !opts.json);
  try {
    const fetcher = new Fetcher({
      cacheDir: join(opts.cache, 'http'),
      ...Object.fromEntries(Object.entries(config.fetch).filter(([, v]) => v !== undefined)),
      ...opts.fetchOverrides,
    });
    const report: RunReport = {
      startedAt: now().toISOString(),
      durationMs: 0,
      dryRun: opts.dryRun,
      sources: [],
      totals: emptyTotals(),
      rejected: [],
      protectedFiles: [],
      unassigned: [],
      http: { requests: 0, notModified: 0, retries: 0, bytes: 0 },
      written: [],
    };
    const seenUrls = new Set<string>();
    const articles: Article[] = [];
    const reject = (url: string, reason: string) => {
      report.totals.rejected++;
      report.rejected.push({ url, reason });
    };

    const processItem = async (item: DiscoveredItem & { judgement: string }, source: SourceEntry) => {
      try {
        const res = await fetcher.fetch(item.url);
        const sourcePublisher = source.publisher ? content.publishers.find((p) => p.slug === source.publisher) : undefined;
        const guess = sourcePublisher ?? publisherFor(res.finalUrl, content.publishers) ?? publisherFor(item.url, content.publishers);
        const extracted = extractArticle(res.text, res.finalUrl, guess?.hints ?? {});
        // The publisher: the source's, else the read address's; the declared canonical's only as a last resort.
        // Its domains are where the page's canonical link is believed (a partner's copy pointing to
        // another known outlet keeps its own address).
        const publisher = guess ?? publisherFor(extracted.canonicalUrl, content.publishers);
        const trustedDomains = publisher?.domains ?? [];
        const clean = normalizeArticle(
          { title: extracted.title, text: extracted.text, ...(extracted.author ? { author: extracted.author } : {}) },
          { allowEmails: config.pii.allowEmails },
        );
        const c = classify(classifier, clean.title, clean.text);
        if (!c.relevance.relevant) {
          report.totals.irrelevant++;
          return;
        }
        const publishedAt = extracted.publishedAt ?? item.publishedAt;
        if (!publishedAt) return reject(res.finalUrl, `extract: date de publication introuvable (${res.finalUrl})`);
        const day = publishedAt.slice(0, 10);
        if ((since && day < since) || (until && day > until)) {
          report.totals.outOfWindow++;
          return;
        }
        if (!publisher) return reject(res.finalUrl, `extract: éditeur inconnu pour « ${hostOf(extracted.canonicalUrl)} » : ajoutez-le dans content/publishers/ ou sous publishers: dans la config (${res.finalUrl})`);
        articles.push({
          url: res.finalUrl,
          declaredCanonical: extracted.canonicalUrl,
          amp: extracted.amp,
          trustedDomains,
          title: clean.title,
          author: clean.author,
          publishedAt,
          text: clean.text,
          organizations: c.organizations,
          publisher,
          via: item.via,
        });
      } catch (e) {
        reject(item.url, (e as Error).message);
      } finally {
        progress.tick(item.url);
      }
    };

    const processSource = async (entry: SourceEntry, kind: SourceReport['kind']) => {
      const sr: SourceReport = { url: entry.url, kind, status: 'ok', items: 0, kept: 0 };
      report.sources.push(sr);
      try {
        const res = await fetcher.fetch(entry.url);
        if (res.notModified) sr.notModified = true;
        const found = await discover(res.text, res.finalUrl, { linkSelector: entry.linkSelector });
        let items = found.items;
        if (found.truncated) (sr.notes ??= []).push(`flux tronqué : ${items.length} éléments complets lus`);
        for (const nested of found.sitemaps.slice(0, config.limits.maxSitemaps)) {
          try {
            const sub = await fetcher.fetch(nested);
            items = items.concat((await discover(sub.text, sub.finalUrl)).items);
          } catch (e) {
            (sr.notes ??= []).push((e as Error).message);
          }
        }
        if (found.sitemaps.length > config.limits.maxSitemaps) (sr.notes ??= []).push(`${found.sitemaps.length - config.limits.maxSitemaps} sitemaps ignorés au-delà de la limite`);
        const fresh = items.filter((i) => !seenUrls.has(i.url));
        fresh.forEach((i) => seenUrls.add(i.url));
        sr.items = items.length;
        report.totals.seen += fresh.length;
        const sel = selectItems(fresh, { since, until, judge: (t, s) => prejudge(classifier, t, s), maxItems: config.limits.maxItemsPerSource });
        report.totals.outOfWindow += sel.outOfWindow;
        report.totals.irrelevant += sel.irrelevant;
        if (sel.overLimit) (sr.notes ??= []).push(`${sel.overLimit} éléments ignorés au-delà de ${config.limits.maxItemsPerSource}`);
        sr.kept = sel.keep.length;
        progress.add(sel.keep.length);
        await Promise.all(sel.keep.map((item) => processItem(item, entry)));
      } catch (e) {
        sr.status = 'échec';
        sr.reason = e instanceof FetchError || (e as Error).message.startsWith('discover:') ? (e as Error).message : `ingest: ${(e as Error).message} (${entry.url})`;
      } finally {
        progress.tick(entry.url);
      }
    };

    const sources: [SourceEntry, SourceReport['kind']][] = [
      ...config.feeds.map((s) => [sourceEntry(s), 'flux'] as [SourceEntry, SourceReport['kind']]),
      ...config.lists.map((s) => [sourceEntry(s), 'liste'] as [SourceEntry, SourceReport['kind']]),
      ...config.sitemaps.map((s) => [sourceEntry(s), 'sitemap'] as [SourceEntry, SourceReport['kind']]),
    ];
    progress.add(sources.length);
    await Promise.all(sources.map(([e, k]) => processSource(e, k)));
    // Sources in config order, whatever order they finished in.
    report.sources.sort((a, b) => sources.findIndex(([e]) => e.url === a.url) - sources.findIndex(([e]) => e.url === b.url));

    // Group: one order whatever the network did, so files and stories are stable.
    articles.sort((a, b) => a.url.localeCompare(b.url));
    const store = new CoverageStore(coverageDir, { dryRun: opts.dryRun, now });
    const statePath = join(opts.cache, 'ingest-state.json');
    const state = readState(statePath);
    const stateBefore = JSON.stringify(state);
    const known = store.known();
    const prior: PriorArticle[] = known
      .filter((k) => state.articles[k.canonicalUrl])
      .map((k) => ({ canonicalUrl: k.canonicalUrl, story: k.story ?? state.articles[k.canonicalUrl]!.story, signature: state.articles[k.canonicalUrl]!.signature, event: k.event }));
    const inputs: GroupInput[] = articles.map((a) => ({ url: a.url, declaredCanonical: a.declaredCanonical, title: a.title, text: a.text, publishedAt: a.publishedAt, organizations: a.organizations, amp: a.amp, trustedDomains: a.trustedDomains }));
    // Articles already written are compared with themselves through the same canonical URL: leave them out of the prior set.
    const grouped = group(inputs, { events: content.events, prior });

    // What earlier runs found stays: a story or an event is not dropped because this run cannot see it again.
    const knownByUrl = new Map(known.map((k) => [k.canonicalUrl, k]));
    const created = new Set<string>();
    grouped.forEach((g, i) => {
      const a = articles[i]!;
      if (g.duplicateOf !== undefined) {
        report.totals.duplicates++;
        return;
      }
      if (a.publisher.create && !created.has(a.publisher.slug)) {
        created.add(a.publisher.slug);
        try {
          const file = ensurePublisher(join(contentDir, 'publishers'), a.publisher.slug, a.publisher, opts.dryRun);
          if (file && !opts.dryRun) report.written.push(`publishers/${a.publisher.slug}.yaml`);
        } catch (e) {
          reject(a.url, (e as Error).message);
          return;
        }
      }
      const before = knownByUrl.get(g.canonicalUrl);
      const story = g.storySize > 1 ? g.story : before?.story;
      const event = g.event ?? before?.event;
      const grouping = g.event || g.storySize > 1 || !before?.grouping ? g.grouping : before.grouping;
      const draft: CoverageDraft = {
        dossier: content.dossier,
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
      };
      const r = store.write(draft);
      switch (r.outcome) {
        case 'new':
        case 'updated':
          report.totals[r.outcome]++;
          if (!opts.dryRun) report.written.push(`coverage/${r.file}`);
          break;
        case 'unchanged':
          report.totals.unchanged++;
          break;
        case 'invalid':
          reject(a.url, `write: ${r.detail ?? 'entrée invalide'} (${r.file})`);
          return;
        default:
          report.totals.protected++;
          report.protectedFiles.push({ file: r.file, outcome: { edited: 'modifié par un éditeur', locked: 'verrouillé (locked: true)', editor: 'entrée d’éditeur', tombstoned: 'supprimé par un éditeur (pierre tombale)' }[r.outcome] ?? r.outcome });
          return;
      }
      if (!event) report.unassigned.push({ file: r.file, title: a.title, url: a.url });
      state.articles[g.canonicalUrl] = { story: g.story, signature: g.signature };
    });
    for (const f of store.close()) report.written.push(`coverage/${f}`);
    if (!opts.dryRun && JSON.stringify(state) !== stateBefore) {
      mkdirSync(opts.cache, { recursive: true });
      const tmp = `${statePath}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(state));
      renameSync(tmp, statePath);
    }
    report.http = { ...fetcher.stats };
    report.durationMs = Date.now() - started;
    return report;
  } finally {
    progress.stop();
    release();
  }
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

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`ingest: erreur inattendue : ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
