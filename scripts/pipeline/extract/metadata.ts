/**
 * Article metadata from a parsed page: JSON-LD (with `@graph`), Open Graph,
 * meta tags, `<time datetime>`, French bylines (« Par … », « Publié le … à
 * 12h17, modifié le … », read in Europe/Paris) and the publisher's hints.
 * Readability does not read these well enough for a news archive, so they stay ours.
 */
import { parseBylineDates, parseFrenchDate, parseMachineDate } from './dates.ts';
import { BLOCK_TAGS, classId, shortText, textOf } from './dom.ts';
import { absoluteHttpUrl as absolute } from '../lib/url.ts';

export interface PageMetadata {
  title: string;
  /** The first `<h1>`, to drop it from the text. */
  h1: string;
  canonicalUrl: string;
  author?: string;
  published?: string;
  modified?: string;
  siteName?: string;
  description?: string;
  lang?: string;
  amp: boolean;
  /** JSON-LD `articleBody`, a fallback when the page's markup yields no text. */
  articleBody?: string;
  /** Where each field came from (« json-ld », « og », « meta », « time », « byline », « hint »). */
  sources: Record<string, string>;
}

export interface MetadataHints {
  author?: string | undefined;
  date?: string | undefined;
}

interface Found {
  title?: string;
  author?: string;
  published?: string;
  modified?: string;
  siteName?: string;
  description?: string;
  canonical?: string;
  lang?: string;
  articleBody?: string;
}

const ARTICLE_TYPES = /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|Report|WebPage)$/;

function personName(v: unknown): string | undefined {
  if (!v) return undefined;
  if (typeof v === 'string') return /^https?:/.test(v) ? undefined : v;
  if (Array.isArray(v)) {
    const names = v.map(personName).filter((x): x is string => Boolean(x));
    return names.length ? names.join(', ') : undefined;
  }
  if (typeof v === 'object') return personName((v as Record<string, unknown>)['name']);
  return undefined;
}

function flattenLd(v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(v)) v.forEach((x) => flattenLd(x, out));
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) flattenLd(o['@graph'], out);
  }
  return out;
}

const typesOf = (o: Record<string, unknown>) => (Array.isArray(o['@type']) ? o['@type'] : [o['@type']]).map(String);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** What the readers need, gathered in one walk of the tree. */
interface Collected {
  html?: Element;
  title?: Element;
  h1?: Element;
  metas: Element[];
  ldScripts: Element[];
  canonicalHref?: string;
  times: Element[];
  /** Small leaf-ish blocks where a byline may sit, in document order. */
  bylineCandidates: Element[];
  authorEl?: Element;
}

const BYLINE_TAGS = new Set(['p', 'div', 'span', 'time', 'small', 'address', 'li']);

function collect(doc: Document): Collected {
  const c: Collected = { metas: [], ldScripts: [], times: [], bylineCandidates: [] };
  if (doc.documentElement) c.html = doc.documentElement;
  const walk = (parent: ParentNode) => {
    for (let n = parent.firstElementChild; n; n = n.nextElementSibling) {
      switch (n.localName) {
        case 'title':
          c.title ??= n;
          continue;
        case 'h1':
          c.h1 ??= n;
          break;
        case 'meta':
          c.metas.push(n);
          continue;
        case 'script':
          if ((n.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') c.ldScripts.push(n);
          continue;
        case 'link':
          if (c.canonicalHref === undefined && (n.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
            const href = n.getAttribute('href');
            if (href) c.canonicalHref = href;
          }
          continue;
        case 'style':
        case 'noscript':
        case 'template':
        case 'svg':
          continue;
      }
      const prop = n.getAttribute('itemprop');
      if ((n.localName === 'time' && n.hasAttribute('datetime')) || prop === 'datePublished' || prop === 'dateModified') c.times.push(n);
      if (!c.authorEl && (n.getAttribute('rel') === 'author' || prop === 'author')) c.authorEl = n;
      if (BYLINE_TAGS.has(n.localName) && !hasBlockChild(n)) c.bylineCandidates.push(n);
      walk(n);
    }
  };
  walk(doc);
  return c;
}

function hasBlockChild(el: Element): boolean {
  for (let k = el.firstElementChild; k; k = k.nextElementSibling) if (BLOCK_TAGS.has(k.localName)) return true;
  return false;
}

function readJsonLd(scripts: Element[], found: Found, sources: Record<string, string>) {
  let best: Record<string, unknown> | undefined;
  let bestRank = 99;
  for (const el of scripts) {
    const raw = (el.textContent ?? '').replace(/^\s*(?:<!--)?\s*(?:<!\[CDATA\[)?|(?:\]\]>)?\s*(?:-->)?\s*$/g, '').trim();
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      try {
        data = JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' '));
      } catch {
        continue;
      }
    }
    for (const o of flattenLd(data)) {
      const types = typesOf(o);
      const rank = types.some((t) => /NewsArticle$/.test(t)) ? 0 : types.some((t) => t !== 'WebPage' && ARTICLE_TYPES.test(t)) ? 1 : types.includes('WebPage') ? 2 : 99;
      if (rank < bestRank) {
        best = o;
        bestRank = rank;
      }
    }
  }
  if (!best) return;
  const set = (k: keyof Found, v: string | undefined) => {
    if (v && found[k] === undefined) {
      found[k] = v;
      sources[k] = 'json-ld';
    }
  };
  if (bestRank < 2) {
    set('title', str(best['headline']) ?? str(best['name']));
    set('author', personName(best['author']) ?? personName(best['creator']));
    set('published', parseMachineDate(str(best['datePublished'])) ?? undefined);
    set('modified', parseMachineDate(str(best['dateModified'])) ?? undefined);
    set('articleBody', str(best['articleBody']));
  }
  set('description', str(best['description']));
  set('siteName', personName(best['publisher']));
  set('lang', str(best['inLanguage']));
  const main = best['mainEntityOfPage'];
  set('canonical', str(typeof main === 'object' && main ? (main as Record<string, unknown>)['@id'] : main) ?? str(best['url']));
}

function readMeta(metas: Element[], found: Found, sources: Record<string, string>) {
  const m = new Map<string, string>();
  for (const el of metas) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    const content = el.getAttribute('content');
    if (key && content && !m.has(key)) m.set(key, content.trim());
  }
  const set = (k: keyof Found, v: string | undefined | null, from: string) => {
    if (v && found[k] === undefined) {
      found[k] = v;
      sources[k] = from;
    }
  };
  set('title', m.get('og:title') ?? m.get('twitter:title'), 'og');
  set('published', parseMachineDate(m.get('article:published_time') ?? m.get('og:article:published_time')), 'og');
  set('modified', parseMachineDate(m.get('article:modified_time') ?? m.get('og:updated_time')), 'og');
  set('siteName', m.get('og:site_name'), 'og');
  set('description', m.get('og:description'), 'og');
  set('canonical', m.get('og:url'), 'og');
  const author = m.get('author') ?? m.get('article:author') ?? m.get('dc.creator') ?? m.get('sailthru.author') ?? m.get('parsely-author');
  set('author', author && !/^https?:/.test(author) ? author : undefined, 'meta');
  set(
    'published',
    parseMachineDate(m.get('date') ?? m.get('pubdate') ?? m.get('publish-date') ?? m.get('dc.date') ?? m.get('dc.date.issued') ?? m.get('parsely-pub-date') ?? m.get('sailthru.date') ?? m.get('datepublished')),
    'meta',
  );
  set('modified', parseMachineDate(m.get('datemodified') ?? m.get('last-modified')), 'meta');
  set('description', m.get('description') ?? m.get('twitter:description'), 'meta');
  set('lang', m.get('og:locale')?.replace('_', '-'), 'og');
}

function cleanTitle(title: string, siteName?: string): string {
  let t = title.replace(/\s+/g, ' ').trim();
  if (siteName) {
    for (const sep of [' - ', ' | ', ' – ', ' — ', ' : ']) {
      if (t.endsWith(`${sep}${siteName}`)) t = t.slice(0, -(sep.length + siteName.length)).trim();
    }
  }
  return t;
}

/** A hint's CSS selector, or an error naming it (a publisher's hint is editor input). */
export function selectHint(doc: Document, selector: string, field: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    throw new Error(`indice « ${field} » invalide : ${selector}`);
  }
}

/** Reads every metadata field; call before anything mutates the tree. */
export function readMetadata(doc: Document, url: string, hints: MetadataHints = {}): PageMetadata {
  const col = collect(doc);
  const found: Found = {};
  const sources: Record<string, string> = {};
  readJsonLd(col.ldScripts, found, sources);
  readMeta(col.metas, found, sources);

  // Hints first: they describe this site better than any rule.
  let hintAuthor: string | undefined;
  let hintDate: string | undefined;
  if (hints.author) {
    const el = selectHint(doc, hints.author, 'author');
    hintAuthor = el ? textOf(el).replace(/^par\s+/i, '').trim() || undefined : undefined;
  }
  if (hints.date) {
    const el = selectHint(doc, hints.date, 'date');
    if (el) hintDate = parseMachineDate(el.getAttribute('datetime') ?? el.getAttribute('content')) ?? parseFrenchDate(textOf(el)) ?? undefined;
  }

  // Visible dates: <time datetime>, itemprop, then French bylines.
  let timePublished: string | undefined;
  let timeModified: string | undefined;
  for (const el of col.times) {
    const v = parseMachineDate(el.getAttribute('datetime') ?? el.getAttribute('content')) ?? parseFrenchDate(textOf(el));
    if (!v) continue;
    const prop = el.getAttribute('itemprop') ?? '';
    const near = `${prop} ${classId(el)} ${el.parentNode ? (shortText(el.parentNode, 200) ?? '') : ''}`;
    if (/modif|update|mis à jour|mise à jour/i.test(near) && !/datePublished/.test(prop)) timeModified ??= v;
    else timePublished ??= v;
  }
  let byline: { published?: string; modified?: string; author?: string } = {};
  // The byline is a short block mentioning « Par … » or « Publié le … ».
  for (const el of col.bylineCandidates) {
    const t = shortText(el, 200);
    if (t === null || t.length < 8) continue;
    if (!/(?:^|\s)(?:par|publi[ée]|mis en ligne|mis à jour|modifi[ée])\s/i.test(` ${t} `)) continue;
    const dates = parseBylineDates(t);
    const author = /(?:^|\s)[Pp]ar\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|du|des|la|le|et)){0,5})/u.exec(t)?.[1]?.replace(/\s+(?:de|du|des|la|le|et)$/, '');
    if (!dates.published && !author) continue;
    byline = { ...dates, ...(author ? { author } : {}) };
    break;
  }

  const h1 = col.h1 ? textOf(col.h1) : '';
  const title = cleanTitle(found.title ?? (h1 || (col.title ? textOf(col.title) : '')), found.siteName);
  const authorEl = col.authorEl ? textOf(col.authorEl) : '';
  const author = hintAuthor ?? found.author ?? byline.author ?? (authorEl || undefined);
  const published = hintDate ?? found.published ?? timePublished ?? byline.published;
  const modified = found.modified ?? timeModified ?? byline.modified;
  if (hintAuthor) sources['author'] = 'hint';
  else if (!found.author && byline.author) sources['author'] = 'byline';
  if (hintDate) sources['published'] = 'hint';
  else if (!found.published) sources['published'] = timePublished ? 'time' : byline.published ? 'byline' : 'none';

  const html = col.html;
  const lang = found.lang ?? (html?.getAttribute('lang') || undefined);
  const meta: PageMetadata = {
    title,
    h1,
    canonicalUrl: absolute(col.canonicalHref, url) ?? absolute(found.canonical, url) ?? url,
    amp: html ? html.hasAttribute('⚡') || html.hasAttribute('amp') : false,
    sources,
  };
  if (author) meta.author = author.replace(/^par\s+/i, '').trim();
  if (published) meta.published = published;
  if (modified) meta.modified = modified;
  if (found.siteName) meta.siteName = found.siteName;
  if (found.description) meta.description = found.description.replace(/\s+/g, ' ').trim();
  if (lang) meta.lang = lang;
  if (found.articleBody) meta.articleBody = found.articleBody;
  return meta;
}

