/**
 * Publishers as ingestion sees them: the outlets already in
 * content/publishers/ (and those the config declares), found from an article's
 * address; an outlet met for the first time gets an entry made from its page
 * (name from og:site_name, the JSON-LD publisher or application-name, else the
 * host), marked `origin: ingest` and `reviewed: false` for editors to check.
 * The name read from a page is hostile: control and bidi characters and markup
 * characters are dropped, its length capped, and the file is made by the
 * `yaml` library. A deny list names hosts that are never written.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { stringify } from 'yaml';
import slugify from '@sindresorhus/slugify';
import { checkFile, formatError } from '../../../src/lib/content-check.ts';
import type { ExtractHints } from '../extract/index.ts';
import { siteKey } from '../group/index.ts';
import { atomicWrite, sanitizeLine, WriteError } from './index.ts';

export interface PublisherInfo {
  slug: string;
  name: string;
  domains: string[];
  hints?: ExtractHints | undefined;
  /** Not in content/publishers/ yet: written with the first article kept. */
  create?: { website?: string; language?: string; origin: 'ingest'; reviewed: boolean } | undefined;
}

/** Longest publisher name kept from a page. */
export const PUBLISHER_NAME_MAX = 80;

const DOMAIN_RE = /^[a-z0-9.-]+\.[a-z]{2,}$/;

/** Lower-case host of an address, or '' when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Whether `host` is `domain` or one of its subdomains. */
export const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** A publisher name read from a page, made harmless: one line, no markup characters, at most PUBLISHER_NAME_MAX characters. */
export function cleanPublisherName(raw: string | undefined): string {
  let name = sanitizeLine(raw ?? '')
    .replace(/[<>{}`\\|]/g, '')
    .replace(/^[-#>*+=:\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.length > PUBLISHER_NAME_MAX) name = `${name.slice(0, PUBLISHER_NAME_MAX - 1).replace(/\s+\S*$/, '')}…`;
  return name;
}

/** `<meta name="application-name">` of a page, when there is one. */
export function applicationName(html: string): string | undefined {
  return load(html)('meta[name="application-name" i]').first().attr('content')?.trim() || undefined;
}

/** The publishers known to this run, and those met for the first time. */
export class PublisherDirectory {
  private list: PublisherInfo[];
  private deny: string[];

  constructor(known: PublisherInfo[], deny: string[] = []) {
    this.list = known;
    this.deny = deny.map((d) => d.toLowerCase().replace(/^www\./, ''));
  }

  bySlug(slug: string): PublisherInfo | undefined {
    return this.list.find((p) => p.slug === slug);
  }

  /** The known publisher of an address (its host or a parent domain), if any. */
  byUrl(url: string): PublisherInfo | undefined {
    const host = hostOf(url).replace(/^www\./, '');
    return this.list.find((p) => p.domains.some((d) => onDomain(host, d)));
  }

  /** The deny-list entry an address falls under, if any. */
  denied(url: string): string | undefined {
    const host = hostOf(url);
    return this.deny.find((d) => onDomain(host, d));
  }

  /**
   * The publisher of a page whose outlet is not known yet, made from the page
   * (the same one for every article of that site in this run). Throws a
   * WriteError naming the address when its host cannot be a publisher domain.
   */
  fromPage(url: string, page: { siteName?: string | undefined; lang?: string | undefined; html: string }): PublisherInfo {
    const u = new URL(url);
    const domain = siteKey(u.hostname);
    const existing = this.byUrl(url);
    if (existing) return existing;
    if (!DOMAIN_RE.test(domain)) throw new WriteError(url, `éditeur inconnu et hôte « ${u.hostname} » inutilisable comme domaine d’éditeur (adresse IP ou nom sans domaine)`);
    const name = cleanPublisherName(page.siteName) || cleanPublisherName(applicationName(page.html)) || domain;
    const lang = page.lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(page.lang) ? page.lang.toLowerCase() : 'fr';
    const p: PublisherInfo = {
      slug: this.freeSlug(domain),
      name,
      domains: [domain],
      create: { website: `${u.protocol}//${u.host}/`, language: lang, origin: 'ingest', reviewed: false },
    };
    this.list.push(p);
    return p;
  }

  /** A slug from the domain (« gazette-normande » for gazette-normande.fr), never one already taken. */
  private freeSlug(domain: string): string {
    const taken = (s: string) => this.list.some((p) => p.slug === s);
    const short = slugify(domain.replace(/\.[a-z]+$/, '')) || 'editeur';
    if (!taken(short)) return short;
    const long = slugify(domain) || 'editeur';
    let slug = long;
    for (let i = 2; taken(slug); i++) slug = `${long}-${i}`;
    return slug;
  }
}

/**
 * Writes a publisher's entry to content/publishers/ when no file has its slug;
 * never touches an existing file. Returns the path written (or that would be,
 * on a dry run), or null when the file exists. Throws a WriteError naming the
 * file when the entry would not be valid.
 */
export function writePublisher(publishersDir: string, p: PublisherInfo, dryRun = false): string | null {
  const path = join(publishersDir, `${p.slug}.yaml`);
  if (existsSync(path) || existsSync(join(publishersDir, `${p.slug}.yml`))) return null;
  const fromPage = p.create?.origin === 'ingest';
  const data: Record<string, unknown> = { name: cleanPublisherName(p.name) || p.domains[0], domains: p.domains };
  if (p.create?.website) data['website'] = p.create.website;
  data['language'] = p.create?.language ?? 'fr';
  data['origin'] = 'ingest';
  data['reviewed'] = p.create?.reviewed ?? false;
  const head = fromPage
    ? '# Ajouté par l’ingestion : nom lu sur la page d’un article, non relu. Vérifiez-le avec npm run review.\n'
    : '# Ajouté par l’ingestion depuis la configuration : complétez-le (site, flux, indices d’extraction).\n';
  const text = `${head}${stringify(data, { lineWidth: 0 })}`;
  const checked = checkFile('publishers', path, `publishers/${p.slug}.yaml`, text);
  if (checked.errors.length) throw new WriteError(path, checked.errors.map(formatError).join(' ; '));
  if (!dryRun) {
    mkdirSync(publishersDir, { recursive: true });
    atomicWrite(path, text);
  }
  return path;
}
