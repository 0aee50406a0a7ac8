/**
 * The editors' review queue: what ingestion wrote that no editor has reviewed
 * (coverage with `origin: ingest` and `provenance.reviewed: false`, publishers
 * with `origin: ingest` and `reviewed: false`), each with its evidence: the
 * organisations and terms matched, the relevance score, the event attached
 * (title, date, score) and the other copies of its story. Files are read one
 * by one: a broken file is listed as such and does not hide the others.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseYaml, splitFrontmatter } from '../../../src/lib/frontmatter.ts';

export interface QueueArticle {
  slug: string;
  /** Path relative to the content folder (« coverage/x.mdx »). */
  file: string;
  title: string;
  url: string;
  canonicalUrl: string;
  publishedAt: string;
  publisher: { slug: string; name: string; reviewed: boolean };
  organizations: string[];
  evidence?: { score: number; threshold: number; terms: { term: string; hits: number }[]; eventScore?: number };
  event?: { slug: string; title: string; date: string } | undefined;
  story?: string | undefined;
  /** The other articles of its story (copies of one dispatch). */
  copies: { slug: string; title: string; publisher: string; url: string }[];
  grouping: string;
}

export interface QueuePublisher {
  slug: string;
  file: string;
  name: string;
  domains: string[];
  website?: string | undefined;
  /** Slugs of its articles. */
  articles: string[];
}

export interface ReviewQueue {
  articles: QueueArticle[];
  publishers: QueuePublisher[];
  /** Events of the content folder, for moving an article. */
  events: { slug: string; title: string; date: string }[];
  /** Files that could not be read, with why. */
  broken: { file: string; reason: string }[];
}

type Data = Record<string, unknown>;

/** Parsed frontmatter (or whole YAML file) of every entry of a collection folder. */
export function readCollection(contentDir: string, collection: string, broken: ReviewQueue['broken'] = []): { slug: string; file: string; data: Data }[] {
  const dir = join(contentDir, collection);
  if (!existsSync(dir)) return [];
  const out: { slug: string; file: string; data: Data }[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.startsWith('_') || !/\.(mdx?|ya?ml)$/.test(name)) continue;
    const file = `${collection}/${name}`;
    const text = readFileSync(join(dir, name), 'utf8');
    const yaml = /\.ya?ml$/.test(name) ? text : splitFrontmatter(text).yaml;
    const parsed = parseYaml(yaml);
    if (parsed.error || !parsed.data || typeof parsed.data !== 'object') {
      broken.push({ file, reason: parsed.error ?? 'champs illisibles' });
      continue;
    }
    out.push({ slug: basename(name, extname(name)), file, data: parsed.data as Data });
  }
  return out;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const strs = (v: unknown) => (Array.isArray(v) ? v.map(str) : []);

/** Whether a coverage entry waits for review. */
export const coverageUnreviewed = (d: Data) => d['origin'] === 'ingest' && (d['provenance'] as Data | undefined)?.['reviewed'] !== true;
/** Whether a publisher entry waits for review. */
export const publisherUnreviewed = (d: Data) => d['origin'] === 'ingest' && d['reviewed'] !== true;

export function loadReviewQueue(contentDir: string): ReviewQueue {
  const broken: ReviewQueue['broken'] = [];
  const coverage = readCollection(contentDir, 'coverage', broken);
  const publishers = readCollection(contentDir, 'publishers', broken);
  const events = readCollection(contentDir, 'events', broken).map((e) => ({ slug: e.slug, title: str(e.data['title']), date: str(e.data['date']) }));
  const pubBySlug = new Map(publishers.map((p) => [p.slug, p.data]));
  const eventBySlug = new Map(events.map((e) => [e.slug, e]));
  const articles: QueueArticle[] = coverage
    .filter((c) => coverageUnreviewed(c.data))
    .map((c) => {
      const d = c.data;
      const prov = (d['provenance'] as Data | undefined) ?? {};
      const pubSlug = str(d['publisher']);
      const pub = pubBySlug.get(pubSlug);
      const story = typeof d['story'] === 'string' ? d['story'] : undefined;
      const eventSlug = typeof d['event'] === 'string' ? d['event'] : undefined;
      const a: QueueArticle = {
        slug: c.slug,
        file: c.file,
        title: str(d['title']),
        url: str(d['url']),
        canonicalUrl: str(d['canonicalUrl']),
        publishedAt: str(d['publishedAt']),
        publisher: { slug: pubSlug, name: pub ? str(pub['name']) : pubSlug, reviewed: pub ? !publisherUnreviewed(pub) : false },
        organizations: strs(d['organizations']),
        event: eventSlug ? (eventBySlug.get(eventSlug) ?? { slug: eventSlug, title: '(événement introuvable)', date: '' }) : undefined,
        story,
        copies: story
          ? coverage
              .filter((o) => o.slug !== c.slug && o.data['story'] === story)
              .map((o) => ({ slug: o.slug, title: str(o.data['title']), publisher: str(pubBySlug.get(str(o.data['publisher']))?.['name'] ?? o.data['publisher']), url: str(o.data['url']) }))
          : [],
        grouping: str(prov['grouping']),
      };
      if (prov['evidence'] && typeof prov['evidence'] === 'object') a.evidence = prov['evidence'] as QueueArticle['evidence'] & object;
      return a;
    })
    .sort((x, y) => x.publishedAt.localeCompare(y.publishedAt) || x.slug.localeCompare(y.slug));
  const queuePublishers: QueuePublisher[] = publishers
    .filter((p) => publisherUnreviewed(p.data))
    .map((p) => ({
      slug: p.slug,
      file: p.file,
      name: str(p.data['name']),
      domains: strs(p.data['domains']),
      website: typeof p.data['website'] === 'string' ? p.data['website'] : undefined,
      articles: coverage.filter((c) => c.data['publisher'] === p.slug).map((c) => c.slug),
    }));
  return { articles, publishers: queuePublishers, events: events.sort((a, b) => a.date.localeCompare(b.date)), broken };
}

/** How many entries wait for review (for the ingestion report). */
export function reviewCounts(contentDir: string): { articles: number; publishers: number } {
  return {
    articles: readCollection(contentDir, 'coverage').filter((c) => coverageUnreviewed(c.data)).length,
    publishers: readCollection(contentDir, 'publishers').filter((p) => publisherUnreviewed(p.data)).length,
  };
}
