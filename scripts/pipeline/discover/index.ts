/**
 * Discover stage: from a feed (RSS 2.0, Atom, RDF through rss-parser), a list
 * page or a sitemap (through cheerio), the candidate articles; then the ones
 * to fetch: in the date window, and relevant or unsure by their title and
 * summary. One entry point sniffs the format and fails with a named error.
 */
import Parser from 'rss-parser';
import { load } from 'cheerio/slim';
import { TZDate } from '@date-fns/tz';
import { StageError } from '../lib/stage-error.ts';
import { absoluteHttpUrl as absolute } from '../lib/url.ts';

export interface DiscoveredItem {
  /** Article address, absolute. */
  url: string;
  title?: string;
  /** Summary or description from the feed, as plain text. */
  summary?: string;
  /** Publication date as ISO 8601 with the Paris offset, when the source gives one. */
  publishedAt?: string;
  /** Feed, list page or sitemap it came from. */
  via: string;
}

export type SourceFormat = 'rss' | 'atom' | 'rdf' | 'sitemap' | 'sitemapindex' | 'html';

export interface Discovery {
  format: SourceFormat;
  items: DiscoveredItem[];
  /** Nested sitemaps of a sitemap index. */
  sitemaps: string[];
  /** The feed was cut short; the complete items before the cut were kept. */
  truncated: boolean;
}

export class DiscoverError extends StageError {
  url: string;
  constructor(url: string, detail: string) {
    super('discover', url, detail);
    this.url = url;
  }
}

const toParisIso = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  // Without an offset, an ISO date is Paris wall time (a bare day stays a day).
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(value.trim());
  if (local) {
    const [, y, mo, d, h, mi, sec] = local;
    if (h === undefined) return `${y}-${mo}-${d}`;
    return new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0), 'Europe/Paris').toISOString().replace('.000', '');
  }
  const t = Date.parse(value.trim());
  if (Number.isNaN(t)) return undefined;
  return new TZDate(t, 'Europe/Paris').toISOString().replace('.000', '');
};

const plain = (html: string | undefined, max = 600): string | undefined => {
  if (!html) return undefined;
  const text = (/[<&]/.test(html) ? textOf(html) : html).replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : undefined;
};

/** Text of an HTML fragment; tags nested thousands deep (cheerio's text() recurses) are read flat instead. */
function textOf(html: string): string {
  try {
    return load(`<div>${html}</div>`)('div').first().text();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return load(`<div>${html.replace(/<[^>]*>/g, ' ')}</div>`)('div').first().text();
  }
}


/** What a document is, from its first tags. */
export function sniff(text: string): SourceFormat | null {
  const head = text.slice(0, 4096).replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  if (/^<rss[\s>]/i.test(head)) return 'rss';
  if (/^<(?:\w+:)?RDF[\s>]/.test(head)) return 'rdf';
  if (/^<feed[\s>]/i.test(head)) return 'atom';
  if (/^<urlset[\s>]/i.test(head)) return 'sitemap';
  if (/^<sitemapindex[\s>]/i.test(head)) return 'sitemapindex';
  if (/^<!doctype html|^<html[\s>]|<body[\s>]/i.test(head)) return 'html';
  return null;
}

type FeedItem = Parser.Item & { 'dc:date'?: string; 'content:encoded'?: string; description?: string; id?: string };
const parser: Parser<Record<string, unknown>, FeedItem> = new Parser({ customFields: { item: ['dc:date', 'description'] } });

const CLOSERS: Record<'rss' | 'atom' | 'rdf', [string, string]> = {
  rss: ['</item>', '</channel></rss>'],
  atom: ['</entry>', '</feed>'],
  rdf: ['</item>', '</rdf:RDF>'],
};

/** Feeds through rss-parser; a cut feed keeps the items complete before the cut. */
export async function parseFeed(xml: string, feedUrl: string, format: 'rss' | 'atom' | 'rdf'): Promise<Discovery> {
  let feed: Parser.Output<FeedItem>;
  let truncated = false;
  try {
    feed = await parser.parseString(xml);
  } catch (e) {
    const [close, tail] = CLOSERS[format];
    const cut = xml.lastIndexOf(close);
    if (cut < 0) throw new DiscoverError(feedUrl, `flux illisible : ${(e as Error).message.split('\n')[0]}`);
    try {
      feed = await parser.parseString(xml.slice(0, cut + close.length) + tail);
      truncated = true;
    } catch (e2) {
      throw new DiscoverError(feedUrl, `flux illisible : ${(e2 as Error).message.split('\n')[0]}`);
    }
  }
  const items: DiscoveredItem[] = [];
  for (const it of feed.items) {
    const url = absolute(it.link ?? (it.guid && /^https?:/.test(it.guid) ? it.guid : undefined), feedUrl);
    if (!url) continue;
    const item: DiscoveredItem = { url, via: feedUrl };
    const title = plain(it.title, 300);
    if (title) item.title = title;
    const summary = plain(it.contentSnippet ?? it.summary ?? it.description ?? it.content);
    if (summary) item.summary = summary;
    const date = toParisIso(it.isoDate ?? it['dc:date'] ?? it.pubDate);
    if (date) item.publishedAt = date;
    items.push(item);
  }
  return { format, items, sitemaps: [], truncated };
}

/** Sitemaps (with Google News tags) and sitemap indexes. */
export function parseSitemap(xml: string, url: string): Discovery {
  const $ = load(xml, { xml: true });
  if ($('sitemapindex').length) {
    const sitemaps = $('sitemap > loc')
      .map((_, el) => absolute($(el).text(), url))
      .get()
      .filter((x): x is string => Boolean(x));
    return { format: 'sitemapindex', items: [], sitemaps, truncated: false };
  }
  const items: DiscoveredItem[] = [];
  $('url').each((_, el) => {
    const u = $(el);
    const loc = absolute(u.children('loc').text(), url);
    if (!loc) return;
    const item: DiscoveredItem = { url: loc, via: url };
    const title = u.find('news\\:title, title').first().text().trim();
    if (title) item.title = title;
    const date = toParisIso(u.find('news\\:publication_date').first().text() || u.children('lastmod').text());
    if (date) item.publishedAt = date;
    items.push(item);
  });
  return { format: 'sitemap', items, sitemaps: [], truncated: false };
}

export interface ListPageOptions {
  /** CSS selector of the article links, when the default guess is wrong. */
  linkSelector?: string | undefined;
}

/**
 * Article links of a list page: same site, outside menus and footers, with a
 * headline-like text, on an address that looks like an article.
 */
export function parseListPage(html: string, pageUrl: string, opts: ListPageOptions = {}): Discovery {
  const $ = load(html);
  const host = new URL(pageUrl).host.replace(/^www\./, '');
  const seen = new Set<string>();
  const items: DiscoveredItem[] = [];
  const links = opts.linkSelector ? $(opts.linkSelector) : $('a[href]').filter((_, a) => $(a).closest('nav, header, footer, aside, [role=navigation], .menu, .nav').length === 0);
  links.each((_, a) => {
    const url = absolute($(a).attr('href'), pageUrl);
    if (!url) return;
    const u = new URL(url);
    u.hash = '';
    const clean = u.toString();
    if (u.host.replace(/^www\./, '') !== host || seen.has(clean) || clean === pageUrl) return;
    const title = $(a).text().replace(/\s+/g, ' ').trim();
    const segments = u.pathname.split('/').filter(Boolean);
    const articleLike = /\.html?$|\d{4,}|-\w+-\w+-\w+/.test(u.pathname) || segments.length >= 2;
    if (!opts.linkSelector && (title.length < 20 || !articleLike)) return;
    seen.add(clean);
    const item: DiscoveredItem = { url: clean, via: pageUrl };
    if (title) item.title = title.slice(0, 300);
    const time = $(a).closest('article, li, div').find('time[datetime]').first().attr('datetime');
    const date = toParisIso(time);
    if (date) item.publishedAt = date;
    items.push(item);
  });
  return { format: 'html', items, sitemaps: [], truncated: false };
}

/** The one entry point: sniffs the format, then parses. */
export async function discover(text: string, url: string, opts: ListPageOptions = {}): Promise<Discovery> {
  const format = sniff(text);
  if (!format) throw new DiscoverError(url, 'format non reconnu : ni flux RSS/Atom/RDF, ni sitemap, ni page HTML');
  if (format === 'rss' || format === 'atom' || format === 'rdf') return parseFeed(text, url, format);
  if (format === 'sitemap' || format === 'sitemapindex') return parseSitemap(text, url);
  return parseListPage(text, url, opts);
}

// ---------------------------------------------------------------------- selection

export type Judgement = 'relevant' | 'irrelevant' | 'unsure';

export interface SelectOptions {
  /** First day kept, « AAAA-MM-JJ » (Paris). */
  since?: string | undefined;
  /** Last day kept, « AAAA-MM-JJ » (Paris). */
  until?: string | undefined;
  /** Opinion on a title and summary (the classify stage's prejudge, wired by the command). */
  judge: (title: string, summary: string) => Judgement;
  /** At most this many items kept per source, newest first. */
  maxItems?: number;
}

export interface Selection {
  /** Items to fetch, each with the opinion that got it kept. */
  keep: (DiscoveredItem & { judgement: Judgement })[];
  outOfWindow: number;
  irrelevant: number;
  /** Items dropped past maxItems. */
  overLimit: number;
}

/** Items in the date window that are relevant or unsure; items without a date are kept (judged on their page). */
export function selectItems(items: DiscoveredItem[], opts: SelectOptions): Selection {
  const sel: Selection = { keep: [], outOfWindow: 0, irrelevant: 0, overLimit: 0 };
  const seen = new Set<string>();
  const sorted = [...items].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  for (const it of sorted) {
    if (seen.has(it.url)) continue;
    seen.add(it.url);
    const day = it.publishedAt?.slice(0, 10);
    if (day && ((opts.since && day < opts.since) || (opts.until && day > opts.until))) {
      sel.outOfWindow++;
      continue;
    }
    const judgement = opts.judge(it.title ?? '', it.summary ?? '');
    if (judgement === 'irrelevant') {
      sel.irrelevant++;
      continue;
    }
    if (opts.maxItems !== undefined && sel.keep.length >= opts.maxItems) {
      sel.overLimit++;
      continue;
    }
    sel.keep.push({ ...it, judgement });
  }
  return sel;
}
