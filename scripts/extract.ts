/**
 * `npm run extract -- FILE_OR_URL [--url URL] [--content DIR]`
 * `npm run extract -- --batch MANIFEST [--extractor ours|readability]`
 *
 * Prints one article as JSON: url, canonicalUrl, title, author, publishedAt
 * (ISO 8601 with offset), modifiedAt, siteName, lang, text, excerpt,
 * organisations, dataCategories, figures, relevance. A saved file is decoded
 * from its BOM or `<meta charset>`, else UTF-8 with a windows-1252 fallback;
 * `--url` gives the address it was saved from.
 *
 * `--batch` reads a manifest of saved pages (`FILE<TAB>URL[<TAB>CHARSET]`) and
 * prints one JSON line per page with its main text and the time it took, for
 * the extraction scorers; `--extractor readability` runs the reference instead.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/content-check.ts';
import { decodeBody, Fetcher } from './pipeline/fetch/index.ts';
import { extractArticle, type ExtractHints } from './pipeline/extract/index.ts';
import { BATCH_EXTRACTORS, parseManifest, runBatch } from './pipeline/extract/batch.ts';
import { normalizeArticle } from './pipeline/normalize/index.ts';
import { buildClassifier, classify } from './pipeline/classify/index.ts';

const USAGE = 'Usage : npm run extract -- FICHIER_OU_URL [--url URL] [--content DOSSIER]\n        npm run extract -- --batch MANIFESTE [--extractor ours|readability]';

export interface ExtractOutput {
  url: string;
  canonicalUrl: string;
  title: string;
  author: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  lang: string | null;
  text: string;
  excerpt: string | null;
  organisations: string[];
  dataCategories: { exposed: string[]; notExposed: string[] };
  figures: { text: string; value: number; unit?: string; qualifier?: string }[];
  relevance: { score: number; relevant: boolean; hits: Record<string, number> };
  paywalled: boolean;
}

/** Extracts one page's HTML: the same stages as ingestion, without writing anything. */
export function extractOne(html: string, url: string, contentDir: string): ExtractOutput {
  const { entries } = existsSync(contentDir) ? checkContent(contentDir) : { entries: [] };
  const of = (c: string) => entries.filter((e) => e.collection === c);
  const host = URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : '';
  const publisher = of('publishers').find((p) => (p.data['domains'] as string[]).some((d) => host === d || host.endsWith(`.${d}`)));
  const a = extractArticle(html, url, (publisher?.data['hints'] as ExtractHints | undefined) ?? {});
  const n = normalizeArticle({ title: a.title, text: a.text, ...(a.author ? { author: a.author } : {}), ...(a.excerpt ? { excerpt: a.excerpt } : {}), ...(a.siteName ? { siteName: a.siteName } : {}) });
  const dossier = of('dossiers').find((d) => d.data['main'] === true) ?? of('dossiers')[0];
  const classifier = buildClassifier(
    of('organizations').map((o) => ({ slug: o.slug, name: String(o.data['name']), aliases: (o.data['aliases'] as string[]) ?? [] })),
    (dossier?.data['topicTerms'] as { term: string; weight: number }[]) ?? [],
  );
  const c = classify(classifier, n.title, n.text);
  return {
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    title: n.title,
    author: n.author ?? null,
    publishedAt: a.publishedAt ?? null,
    modifiedAt: a.modifiedAt ?? null,
    siteName: n.siteName ?? null,
    lang: a.lang ?? null,
    text: n.text,
    excerpt: n.excerpt ?? null,
    organisations: c.organizations,
    dataCategories: c.dataCategories,
    figures: c.figures,
    relevance: c.relevance,
    paywalled: a.paywalled,
  };
}

function batch(manifest: string, extractorName: string, positionals: string[]): number {
  const extractor = BATCH_EXTRACTORS[extractorName];
  if (!extractor) {
    process.stderr.write(`extract: --extractor attend ${Object.keys(BATCH_EXTRACTORS).join(' ou ')}, reçu « ${extractorName} »\n`);
    return 2;
  }
  if (positionals.length) {
    process.stderr.write(`extract: --batch prend un seul manifeste, reçu aussi ${positionals.join(' ')}\n${USAGE}\n`);
    return 2;
  }
  if (!existsSync(manifest)) {
    process.stderr.write(`extract: manifeste introuvable : ${manifest}\n`);
    return 2;
  }
  try {
    runBatch(parseManifest(readFileSync(manifest, 'utf8'), manifest), extractor, (line) => process.stdout.write(line));
    return 0;
  } catch (e) {
    process.stderr.write(`extract: ${(e as Error).message}\n`);
    return 1;
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { url: { type: 'string' }, batch: { type: 'string' }, extractor: { type: 'string', default: 'ours' }, content: { type: 'string', default: 'content' }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true, strict: true });
  } catch (e) {
    process.stderr.write(`extract: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.batch !== undefined) return batch(values.batch, values.extractor, positionals);
  if (positionals.length !== 1) {
    process.stderr.write(`extract: un fichier ou une adresse attendu, ${positionals.length} reçu(s)\n${USAGE}\n`);
    return 2;
  }
  const target = positionals[0]!;
  let html: string;
  let url: string;
  try {
    if (/^https?:\/\//i.test(target)) {
      const res = await new Fetcher({ cacheDir: join('.cache', 'http'), perHostDelayMs: 0 }).fetch(target);
      html = res.text;
      url = values.url ?? res.finalUrl;
    } else {
      if (!existsSync(target)) {
        process.stderr.write(`extract: fichier introuvable : ${target}\n`);
        return 2;
      }
      html = decodeBody(readFileSync(target)).text;
      url = values.url ?? `https://fichier.invalid/${encodeURIComponent(target)}`;
      if (values.url && !URL.canParse(values.url)) {
        process.stderr.write(`extract: --url attend une adresse complète, reçu « ${values.url} »\n`);
        return 2;
      }
    }
    process.stdout.write(`${JSON.stringify(extractOne(html, url, values.content), null, 2)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
