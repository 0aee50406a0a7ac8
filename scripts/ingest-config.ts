/**
 * The ingestion config (`sources.yaml`): where to look, what counts as
 * relevant, how to fetch. Validated with Zod; every message starts with
 * « config: » and names the file and the field. The smallest valid config:
 *
 *   feeds:
 *     - https://example.org/rss.xml
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseDocument } from 'yaml';
import { SLUG_RE } from '../src/schemas/fields.ts';

const httpUrl = z
  .string()
  .trim()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), { message: 'adresse http:// ou https:// attendue' });
const slug = z.string().regex(SLUG_RE, { message: 'identifiant attendu : minuscules, chiffres et tirets (ex. « franceinfo »)' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' });

/** A feed, list page or sitemap: an address, or an address with options. */
const sourceSchema = z.union([
  httpUrl,
  z.strictObject({
    /** Address of the feed, list page or sitemap. */
    url: httpUrl,
    /** Slug of the publisher its articles belong to (else found from each article's domain). */
    publisher: slug.optional(),
    /** For list pages: CSS selector of article links, when the default guess is wrong. */
    linkSelector: z.string().min(1).optional(),
  }),
]);

/** Extraction hints for a site the generic extractor gets wrong (CSS selectors). */
const hintsSchema = z.strictObject({
  /** The article body. */
  content: z.string().min(1).optional(),
  /** Blocks to remove before extracting. */
  remove: z.array(z.string().min(1)).default([]),
  /** The byline. */
  author: z.string().min(1).optional(),
  /** The publication date. */
  date: z.string().min(1).optional(),
});

export const configSchema = z
  .strictObject({
    /** RSS 2.0, Atom or RDF feeds. */
    feeds: z.array(sourceSchema).default([]),
    /** HTML pages listing articles (a section front page). */
    lists: z.array(sourceSchema).default([]),
    /** Sitemaps or sitemap indexes (Google News sitemaps give titles and dates). */
    sitemaps: z.array(sourceSchema).default([]),
    /** Slug of the dossier the articles are for; default: the dossier with `main: true`. */
    dossier: slug.optional(),
    /** Topic terms and weights for relevance; default: the dossier's `topicTerms`. */
    topicTerms: z.array(z.strictObject({ term: z.string().min(1), weight: z.number().positive().default(1) })).optional(),
    /** Relevance score an article needs (sum of weights of the terms found; title hits count double). */
    relevance: z.strictObject({ threshold: z.number().positive().default(7) }).default({ threshold: 7 }),
    /** Date window on publication dates (Paris days); default since: the dossier's period start. */
    window: z.strictObject({ since: day.optional(), until: day.optional() }).default({}),
    /**
     * Publishers by slug: extraction hints for known ones, or new ones (name and
     * domains) that ingestion adds to content/publishers/ when missing.
     */
    publishers: z
      .record(
        slug,
        z.strictObject({
          name: z.string().min(1).optional(),
          domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { message: 'domaine attendu, ex. « exemple.fr »' })).optional(),
          hints: hintsSchema.optional(),
        }),
      )
      .default({}),
    /** Hosts never written (content farms, copiers): their articles are not even fetched. A host covers its subdomains. */
    deny: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { message: 'hôte attendu, ex. « copieur.example »' })).default([]),
    /** How to fetch. */
    fetch: z
      .strictObject({
        userAgent: z.string().min(10).optional(),
        timeoutMs: z.number().int().positive().max(120_000).optional(),
        maxBytes: z.number().int().positive().optional(),
        perHostDelayMs: z.number().int().nonnegative().optional(),
        concurrency: z.number().int().positive().max(16).optional(),
        retries: z.number().int().nonnegative().max(5).optional(),
      })
      .default({}),
    /** Bounds. */
    limits: z
      .strictObject({
        /** Articles fetched at most per source and run, newest first. */
        maxItemsPerSource: z.number().int().positive().default(200),
        /** Nested sitemaps read at most per sitemap index. */
        maxSitemaps: z.number().int().positive().default(5),
      })
      .default({ maxItemsPerSource: 200, maxSitemaps: 5 }),
    /** Personal data: addresses (« presse@x.fr ») or domains (« @x.fr ») never masked. */
    pii: z.strictObject({ allowEmails: z.array(z.string().min(3)).default([]) }).default({ allowEmails: [] }),
  })
  .refine((c) => c.feeds.length + c.lists.length + c.sitemaps.length > 0, { message: 'aucune source : donnez au moins une adresse dans feeds, lists ou sitemaps', path: ['feeds'] });

export type IngestConfig = z.output<typeof configSchema>;
export type SourceEntry = { url: string; publisher?: string | undefined; linkSelector?: string | undefined };

export class ConfigError extends Error {
  constructor(file: string, detail: string) {
    super(`config: ${file} : ${detail}`);
    this.name = 'ConfigError';
  }
}

const pathOf = (path: readonly PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

/** Parses and validates a config text; throws a ConfigError listing every problem. */
export function parseConfig(text: string, file: string): IngestConfig {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new ConfigError(file, `YAML invalide (ligne ${e.linePos?.[0]?.line ?? '?'}) : ${e.message.split('\n')[0]}`);
  }
  const data = doc.toJS() as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(file, 'une liste de champs est attendue (au minimum « feeds: » suivi d’adresses)');
  const r = configSchema.safeParse(data);
  if (!r.success) {
    const lines = r.error.issues.map((i) => (i.path.length ? `champ « ${pathOf(i.path)} » : ${i.code === 'unrecognized_keys' ? `champ(s) inconnu(s) ${i.keys.join(', ')}` : i.message}` : i.message));
    throw new ConfigError(file, lines.join(' ; '));
  }
  return r.data;
}

export function loadConfig(path: string): IngestConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(path, `fichier illisible (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseConfig(text, path);
}

/** A source entry in its long form. */
export const sourceEntry = (s: IngestConfig['feeds'][number]): SourceEntry => (typeof s === 'string' ? { url: s } : s);
