/**
 * Extract stage: one HTML page to an article — metadata from JSON-LD, Open
 * Graph, meta tags, `<time datetime>` and French bylines; main text by per-site
 * hints first, then a generic text- and link-density heuristic, with menus,
 * related-article blocks, newsletter, share and cookie blocks and footers
 * removed. Parses once with htmlparser2 (through cheerio/slim) and walks the
 * tree directly. Errors start with « extract: » and name the URL.
 */
import { load } from 'cheerio/slim';
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { parseBylineDates, parseFrenchDate, parseMachineDate } from './dates.ts';
import { StageError } from '../lib/stage-error.ts';
import { absoluteHttpUrl as absolute } from '../lib/url.ts';

export { parseFrenchDate, parseMachineDate, parseBylineDates } from './dates.ts';

/** Per-site selectors (the publisher's `hints`), applied before the generic heuristic. */
export interface ExtractHints {
  content?: string | undefined;
  remove?: string[] | undefined;
  author?: string | undefined;
  date?: string | undefined;
}

export interface ExtractedArticle {
  /** Address the page was read at. */
  url: string;
  /** `<link rel=canonical>` or og:url, made absolute; else `url`. */
  canonicalUrl: string;
  title: string;
  author?: string;
  /** ISO 8601 with the Paris offset, or « AAAA-MM-JJ » when the page gives only a day. */
  publishedAt?: string;
  modifiedAt?: string;
  siteName?: string;
  lang?: string;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  /** The page's own summary (meta description), else the first paragraph. */
  excerpt?: string;
  /** The page says the rest is for subscribers. */
  paywalled: boolean;
  /** The page is an AMP copy. */
  amp: boolean;
  /** Where each field came from, for debugging (« json-ld », « og », « byline »…). */
  sources: Record<string, string>;
}

export class ExtractError extends StageError {
  url: string;
  constructor(url: string, detail: string) {
    super('extract', url, detail);
    this.url = url;
  }
}

// ------------------------------------------------------------------ tree helpers

const isEl = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'form', 'button', 'input', 'select',
  'textarea', 'nav', 'aside', 'footer', 'dialog', 'figcaption', 'link', 'meta', 'amp-ad', 'amp-analytics', 'amp-sidebar', 'menu',
]);
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre',
  'table', 'thead', 'tbody', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'figure', 'hr', 'address', 'center', 'details', 'summary',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const NEGATIVE =
  /(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|footer|foot|header-nav|masthead|share|sharing|partage|social|socials|newsletter|newsletters|cookie|cookies|consent|gdpr|rgpd|related|recirculation|recirc|a-voir|avoir|voir-aussi|lire-aussi|read-also|readmore|read-more|en-savoir-plus|sidebar|aside|widget|comment|comments|commentaires|breadcrumb|breadcrumbs|fil-ariane|tags|tag-list|promo|advert|advertising|ad|ads|pub|publicite|banner|outbrain|taboola|popup|modal|overlay|subscribe|subscription|paywall|abonnement|most-read|plus-lus|trending|toc|sommaire|recap|author-box|bio|signup|login|skip|print|rubriques)(?:$|[-_\s\d])/i;
const POSITIVE = /(?:^|[-_\s])(?:article|articlebody|article-body|article-content|body|content|entry|entry-content|main|post|post-content|story|text|texte|chapo|chapeau|corps|contenu)(?:$|[-_\s])/i;
/** Narrow grid columns (Bootstrap-like), usually sidebars. */
const NARROW_COLUMN = /(?:^|\s)col-(?:xs-|sm-|md-|lg-|xl-)?[1-4](?:$|\s)/;

/** Labels that open a block of links or boilerplate, compared folded. */
const LABELS = [
  'a voir aussi', 'a lire aussi', 'lire aussi', 'voir aussi', 'en savoir plus', 'sur le meme sujet', 'sur le meme theme', 'le recap',
  'dans la meme rubrique', 'les plus lus', 'articles les plus lus', 'les plus partages', 'nos newsletters', 'newsletter', 'partager',
  'partager cet article', 'partagez cet article', 'commentaires', 'a decouvrir', 'a decouvrir aussi', 'vous aimerez aussi',
  'vous aimez nos contenus', 'articles similaires', 'articles lies', 'pour aller plus loin', 'nos derniers articles', 'derniers articles',
  'en ce moment', 'navigation', 'menu', 'sommaire', 'tags', 'mots-cles', 'themes', 'publicite',
];
const ACCENTS: Record<string, string> = { à: 'a', â: 'a', ä: 'a', é: 'e', è: 'e', ê: 'e', ë: 'e', î: 'i', ï: 'i', ô: 'o', ö: 'o', ù: 'u', û: 'u', ü: 'u', ç: 'c', œ: 'oe' };
const foldLabel = (s: string) =>
  s.toLowerCase().replace(/[àâäéèêëîïôöùûüçœ]/g, (c) => ACCENTS[c] ?? c).replace(/[«»"“”:?!.…\s\u00a0]+/g, ' ').trim();
const LABEL_SET = new Set(LABELS);

const PAYWALL_TEXT = /(?:réservé aux abonnés|reserve aux abonnes|il vous reste \d+\s*%|pour lire la suite|abonnez-vous pour|déjà abonné|deja abonne|article réservé|contenu réservé|la suite est réservée)/i;
const BOILERPLATE_TEXT =
  /^(?:recevez|inscrivez-vous|abonnez-vous|suivez-nous|partager sur|partagez sur|publicité|© |tous droits réservés|crédit photo|crédits? :|photo :|illustration :|lire aussi|à lire aussi|a lire aussi|lire également|à lire également|voir aussi|à voir aussi|cet article vous a plu)/i;

function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

/** Text content, whitespace collapsed, scripts and styles skipped. */
function textOf(node: AnyNode): string {
  let out = '';
  const walk = (n: AnyNode) => {
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if (isEl(n)) {
      if (n.name === 'script' || n.name === 'style' || n.name === 'noscript') return;
      if (n.name === 'br') out += ' ';
      for (const c of n.children) walk(c);
      if (BLOCK_TAGS.has(n.name)) out += ' ';
    }
  };
  walk(node);
  return out.replace(/\s+/g, ' ').trim();
}

/** Text content when it is at most `max` characters (whitespace collapsed), else null: stops early on big subtrees. */
function shortText(node: AnyNode, max: number): string | null {
  let out = '';
  let over = false;
  const walk = (n: AnyNode) => {
    if (over) return;
    if (n.type === 'text') {
      out += (n as unknown as { data: string }).data;
      if (out.length > max * 3 && out.replace(/\s+/g, ' ').trim().length > max) over = true;
    } else if (isEl(n)) {
      if (n.name === 'script' || n.name === 'style' || n.name === 'noscript') return;
      if (n.name === 'br') out += ' ';
      for (const c of n.children) walk(c);
      if (BLOCK_TAGS.has(n.name)) out += ' ';
    }
  };
  walk(node);
  if (over) return null;
  const t = out.replace(/\s+/g, ' ').trim();
  return t.length > max ? null : t;
}

interface Measure {
  len: number;
  linkLen: number;
  commas: number;
}

/** Length of text, of text inside links, and commas, in one pass. */
function measure(node: AnyNode, inLink = false, m: Measure = { len: 0, linkLen: 0, commas: 0 }): Measure {
  if (node.type === 'text') {
    const d = (node as unknown as { data: string }).data;
    let len = 0;
    let prevSpace = true;
    for (let i = 0; i < d.length; i++) {
      const c = d.charCodeAt(i);
      const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
      if (!space || !prevSpace) len++;
      if (c === 44) m.commas++;
      prevSpace = space;
    }
    m.len += len;
    if (inLink) m.linkLen += len;
  } else if (isEl(node)) {
    if (node.name === 'script' || node.name === 'style') return m;
    const link = inLink || node.name === 'a';
    for (const c of node.children) measure(c, link, m);
  }
  return m;
}

const linkDensity = (m: Measure) => (m.len === 0 ? 0 : m.linkLen / m.len);

function remove(node: AnyNode) {
  const parent = node.parent;
  if (!parent) return;
  const i = parent.children.indexOf(node as never);
  if (i >= 0) parent.children.splice(i, 1);
  const prev = node.prev;
  const next = node.next;
  if (prev) prev.next = next;
  if (next) next.prev = prev;
  node.parent = null;
}

function* elements(root: ParentNode): Generator<Element> {
  for (const c of root.children) {
    if (isEl(c)) {
      yield c;
      yield* elements(c);
    }
  }
}

function classId(el: Element): string {
  const c = el.attribs['class'];
  const id = el.attribs['id'];
  return c && id ? `${c} ${id}` : (c ?? id ?? '');
}

// --------------------------------------------------------------------- metadata

interface Meta {
  title?: string;
  author?: string;
  published?: string;
  modified?: string;
  siteName?: string;
  description?: string;
  canonical?: string;
  lang?: string;
  articleBody?: string;
  sources: Record<string, string>;
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

/** What the metadata readers need, gathered in one walk of the tree (no CSS selector engine). */
interface Collected {
  html?: Element;
  body?: Element;
  title?: Element;
  h1?: Element;
  metas: Element[];
  ldScripts: Element[];
  canonicalHref?: string;
  times: Element[];
  /** Small leaf-ish blocks where a byline may sit, in document order. */
  bylineCandidates: Element[];
  authorEl?: Element;
  articleBody?: Element;
}

const BYLINE_TAGS = new Set(['p', 'div', 'span', 'time', 'small', 'address', 'li']);

function collect(root: ParentNode): Collected {
  const c: Collected = { metas: [], ldScripts: [], times: [], bylineCandidates: [] };
  const walk = (parent: ParentNode) => {
    for (const n of parent.children) {
      if (!isEl(n)) continue;
      const a = n.attribs;
      switch (n.name) {
        case 'html':
          c.html ??= n;
          break;
        case 'body':
          c.body ??= n;
          break;
        case 'title':
          c.title ??= n;
          break;
        case 'h1':
          c.h1 ??= n;
          break;
        case 'meta':
          c.metas.push(n);
          break;
        case 'script':
          if ((a['type'] ?? '').trim().toLowerCase() === 'application/ld+json') c.ldScripts.push(n);
          continue;
        case 'link':
          if (c.canonicalHref === undefined && (a['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical') && a['href']) c.canonicalHref = a['href'];
          break;
        case 'style':
          continue;
      }
      const prop = a['itemprop'];
      if ((n.name === 'time' && a['datetime'] !== undefined) || prop === 'datePublished' || prop === 'dateModified') c.times.push(n);
      if (!c.authorEl && (a['rel'] === 'author' || prop === 'author')) c.authorEl = n;
      if (!c.articleBody && prop === 'articleBody') c.articleBody = n;
      if (BYLINE_TAGS.has(n.name) && !n.children.some((x) => isEl(x) && BLOCK_TAGS.has(x.name))) c.bylineCandidates.push(n);
      walk(n);
    }
  };
  walk(root);
  return c;
}

const elText = (el: Element | undefined) => (el ? textOf(el) : '');

function readJsonLd(scripts: Element[], meta: Meta) {
  let best: Record<string, unknown> | undefined;
  let bestRank = 99;
  scripts.forEach((el) => {
    const raw = el.children.map((x) => (x as unknown as { data?: string }).data ?? '').join('').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      try {
        data = JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' '));
      } catch {
        return;
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
  });
  if (!best) return;
  const set = (k: keyof Meta, v: string | undefined) => {
    if (v && meta[k] === undefined && k !== 'sources') {
      (meta as unknown as Record<string, string>)[k] = v;
      meta.sources[k] = 'json-ld';
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

function readMeta(metas: Element[], meta: Meta) {
  const m = new Map<string, string>();
  metas.forEach((el) => {
    const key = (el.attribs['property'] ?? el.attribs['name'] ?? el.attribs['itemprop'] ?? '').toLowerCase();
    const content = el.attribs['content'];
    if (key && content && !m.has(key)) m.set(key, content.trim());
  });
  const set = (k: keyof Meta, v: string | undefined | null, from: string) => {
    if (v && meta[k] === undefined && k !== 'sources') {
      (meta as unknown as Record<string, string>)[k] = v;
      meta.sources[k] = from;
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

// ------------------------------------------------------------------ main text

function pruneTree(root: ParentNode, hintRemove: Set<AnyNode>, keep: AnyNode | null, stats: { paywalled: boolean }) {
  const walk = (parent: ParentNode) => {
    for (let i = 0; i < parent.children.length; i++) {
      const c = parent.children[i]!;
      if (c.type === 'comment' || c.type === 'directive' || c.type === 'cdata') {
        remove(c);
        i--;
        continue;
      }
      if (!isEl(c)) continue;
      if (c === keep) {
        walk(c);
        continue;
      }
      let drop = hintRemove.has(c) || DROP_TAGS.has(c.name);
      if (!drop) {
        const a = c.attribs;
        const role = a['role'];
        if ('hidden' in a || a['aria-hidden'] === 'true' || /display\s*:\s*none/i.test(a['style'] ?? '')) drop = true;
        else if (role && /^(?:navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar)$/.test(role)) drop = true;
        else if (c.name === 'header' && !c.children.some(function hasH1(n): boolean { return isEl(n) && (n.name === 'h1' || n.children.some(hasH1)); })) drop = true;
        else {
          const ci = classId(c);
          if (ci && NEGATIVE.test(ci)) {
            // Never drop a wrapper holding the article itself: much text, few links.
            const m = measure(c);
            const big = m.len > 1500 && linkDensity(m) < 0.25;
            if (/paywall|abonne|premium|subscri/i.test(ci) && !big) stats.paywalled = true;
            drop = !big;
          }
        }
      }
      if (drop && keep && containsNode(c, keep)) drop = false;
      if (drop) {
        remove(c);
        i--;
      } else walk(c);
    }
  };
  walk(root);
}

function containsNode(outer: AnyNode, inner: AnyNode): boolean {
  for (let n: AnyNode | null = inner; n; n = n.parent) if (n === outer) return true;
  return false;
}

/** Removes label-opened blocks (« À voir aussi », « En savoir plus »…) with the links they introduce. */
function removeLabelledBlocks(root: ParentNode) {
  const labels: Element[] = [];
  for (const el of elements(root)) {
    if (!['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'strong', 'b', 'header', 'section', 'li', 'dt'].includes(el.name)) continue;
    const t = shortText(el, 40);
    if (t === null || t.length < 3) continue;
    if (LABEL_SET.has(foldLabel(t))) labels.push(el);
  }
  for (const label of labels) {
    if (!label.parent) continue;
    // Climb while the container is mostly links (the label itself aside).
    let target: Element = label;
    const labelLen = textOf(label).length;
    for (let p: ParentNode | null = label.parent; p && p.type === 'tag'; p = p.parent) {
      const m = measure(p);
      const rest = m.len - labelLen;
      if (rest < 0 || (rest > 0 && m.linkLen / Math.max(1, rest) < 0.6) || m.len > 1500) break;
      target = p as Element;
    }
    if (target !== label) {
      remove(target);
      continue;
    }
    // Label alone: drop it and the link lists that follow it.
    let next = label.next;
    remove(label);
    while (next) {
      const after: AnyNode | null = next.next;
      if (next.type === 'text' && !(next as unknown as { data: string }).data.trim()) {
        next = after;
        continue;
      }
      if (!isEl(next) || HEADINGS.has(next.name)) break;
      const m = measure(next);
      if (m.len > 0 && linkDensity(m) < 0.6) break;
      remove(next);
      next = after;
    }
  }
}

function scoreCandidates(root: ParentNode): Element | null {
  const scores = new Map<Element, number>();
  const init = (el: Element): number => {
    let s = scores.get(el);
    if (s !== undefined) return s;
    s = 0;
    if (el.name === 'article') s += 10;
    else if (el.name === 'div' || el.name === 'main') s += 5;
    else if (el.name === 'section' || el.name === 'blockquote' || el.name === 'td') s += 3;
    else if (['ol', 'ul', 'dl', 'dd', 'dt', 'li', 'address', 'form'].includes(el.name)) s -= 3;
    else if (HEADINGS.has(el.name) || el.name === 'th') s -= 5;
    const ci = classId(el);
    if (ci) {
      if (NEGATIVE.test(ci)) s -= 25;
      if (POSITIVE.test(ci)) s += 25;
      if (NARROW_COLUMN.test(ci)) s -= 15;
    }
    if (attr(el, 'itemprop') === 'articleBody') s += 50;
    scores.set(el, s);
    return s;
  };
  for (const el of elements(root)) {
    if (el.name !== 'p' && el.name !== 'pre' && el.name !== 'td' && !(el.name === 'div' && !el.children.some((c) => isEl(c) && BLOCK_TAGS.has(c.name)))) continue;
    const m = measure(el);
    if (m.len < 25) continue;
    const score = 1 + m.commas + Math.min(Math.floor(m.len / 100), 3);
    let level = 0;
    for (let a = el.parent; a && a.type === 'tag' && level < 3; a = a.parent, level++) {
      const anc = a as Element;
      scores.set(anc, init(anc) + score / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  }
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, s] of scores) {
    const final = s * (1 - linkDensity(measure(el)));
    scores.set(el, final);
    if (final > bestScore) {
      bestScore = final;
      best = el;
    }
  }
  // A lone paragraph container inside a bigger body: go up while the parent keeps most of the score.
  return best;
}

/** Text blocks of a subtree: each block element flushes a paragraph; `<br>` is a line break. */
function blocksOf(root: AnyNode): { text: string; tag: string }[] {
  const out: { text: string; tag: string }[] = [];
  let buf = '';
  let bufTag = 'p';
  const flush = () => {
    const t = buf.replace(/[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0]*/g, '\n').replace(/[ \t\r\f\v]+/g, ' ').replace(/\n{2,}/g, '\n').trim();
    if (t) out.push({ text: t.replace(/\n/g, ' '), tag: bufTag });
    buf = '';
    bufTag = 'p';
  };
  const walk = (n: AnyNode, tag: string) => {
    if (n.type === 'text') {
      if (!buf) bufTag = tag;
      buf += (n as unknown as { data: string }).data.replace(/\s+/g, ' ');
      return;
    }
    if (!isEl(n)) return;
    if (n.name === 'br') {
      buf += '\n';
      return;
    }
    if (n.name === 'img' || n.name === 'picture' || n.name === 'video' || n.name === 'audio') return;
    if (BLOCK_TAGS.has(n.name)) {
      flush();
      for (const c of n.children) walk(c, n.name);
      flush();
    } else for (const c of n.children) walk(c, tag);
  };
  walk(root, 'p');
  flush();
  return out;
}

const BYLINE_RE = /^(?:par|by|de notre (?:correspondant|envoyé)|publi[ée]|mis en ligne|mis à jour|modifi[ée]|actualis[ée]|le \d|\d{1,2}[/.]\d{1,2}[/.]\d{4}|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+\d)/i;

function isBylineLine(t: string, author?: string): boolean {
  if (t.length > 180) return false;
  if (author && t.length < 120 && t.includes(author) && /^(?:par|by)\b/i.test(t)) return true;
  if (!BYLINE_RE.test(t)) return false;
  if (/^(?:publi|mis en ligne|mis à jour|modifi|actualis)/i.test(t)) return true;
  if (parseFrenchDate(t) !== null || /\d{1,2}\s*h\s*\d{2}/.test(t)) return true;
  // « Par Jeanne Martin » alone: a few capitalised words.
  return /^[Pp]ar\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|et|de|du|des|avec|la|le))*\s*(?:,.*)?$/u.test(t) && t.length < 100 && !/[.!?]\s+\p{Lu}/u.test(t);
}

const LEDE = /(?:^|[-_\s])(?:chapo|chapeau|chap|lead|lede|intro|introduction|standfirst|desc|description|summary|resume|accroche|kicker|article__desc|article-desc|headline-summary)(?:$|[-_\s])/i;

/** A standfirst before `root`, near it in the tree, that `root` does not already hold. */
function findLede(body: ParentNode, root: AnyNode): string | null {
  let scope: AnyNode = root;
  for (let i = 0; i < 3 && scope.parent && scope.parent !== body; i++) scope = scope.parent;
  if (!('children' in scope)) return null;
  for (const el of elements(scope as ParentNode)) {
    if (containsNode(root, el) || containsNode(el, root)) {
      if (el === root || containsNode(el, root)) continue;
      return null; // reached the body itself
    }
    const ci = classId(el);
    if (!ci || !LEDE.test(ci)) continue;
    const m = measure(el);
    if (m.len < 40 || m.len > 700 || linkDensity(m) > 0.3) continue;
    return textOf(el);
  }
  return null;
}

// ------------------------------------------------------------------- the stage


function cleanTitle(title: string, siteName?: string): string {
  let t = title.replace(/\s+/g, ' ').trim();
  if (siteName) {
    for (const sep of [' - ', ' | ', ' – ', ' — ', ' : ']) {
      if (t.endsWith(`${sep}${siteName}`)) t = t.slice(0, -(sep.length + siteName.length)).trim();
    }
  }
  return t;
}

/** Extracts one article from its HTML. Throws an ExtractError when the page has no title or no text. */
export function extractArticle(html: string, url: string, hints: ExtractHints = {}): ExtractedArticle {
  const $ = load(html);
  const doc = $.root()[0] as unknown as ParentNode;
  const col = collect(doc);
  const meta: Meta = { sources: {} };
  readJsonLd(col.ldScripts, meta);
  readMeta(col.metas, meta);

  const htmlEl = col.html;
  const lang = meta.lang ?? (htmlEl ? attr(htmlEl, 'lang') || undefined : undefined);
  const amp = htmlEl ? '⚡' in htmlEl.attribs || 'amp' in htmlEl.attribs : false;
  const canonicalUrl = absolute(col.canonicalHref, url) ?? absolute(meta.canonical, url) ?? url;
  const siteName = meta.siteName;

  // Hints first: they describe this site better than any heuristic.
  let hintAuthor: string | undefined;
  let hintDate: string | undefined;
  if (hints.author) hintAuthor = $(hints.author).first().text().replace(/\s+/g, ' ').replace(/^par\s+/i, '').trim() || undefined;
  if (hints.date) {
    const d = $(hints.date).first();
    hintDate = parseMachineDate(d.attr('datetime') ?? d.attr('content')) ?? parseFrenchDate(d.text()) ?? undefined;
  }

  // Visible dates: <time datetime>, itemprop, then French bylines.
  let timePublished: string | undefined;
  let timeModified: string | undefined;
  col.times.forEach((el) => {
    const v = parseMachineDate(el.attribs['datetime'] ?? el.attribs['content']) ?? parseFrenchDate(textOf(el));
    if (!v) return;
    const prop = el.attribs['itemprop'] ?? '';
    const near = `${prop} ${classId(el)} ${el.parent ? (shortText(el.parent, 200) ?? '') : ''}`;
    if (/modif|update|mis à jour|mise à jour/i.test(near) && !/datePublished/.test(prop)) timeModified ??= v;
    else timePublished ??= v;
  });
  const h1 = elText(col.h1);
  let byline: { published?: string; modified?: string; author?: string } = {};
  // The byline is a short block near the top mentioning « Par … » or « Publié le … ».
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

  const title = cleanTitle(meta.title ?? (h1 || elText(col.title)), siteName);
  if (!title) throw new ExtractError(url, 'page sans titre');

  const author = hintAuthor ?? meta.author ?? byline.author ?? (elText(col.authorEl) || undefined);
  const published = hintDate ?? meta.published ?? timePublished ?? byline.published;
  const modified = meta.modified ?? timeModified ?? byline.modified;
  const sources = { ...meta.sources };
  if (hintAuthor) sources['author'] = 'hint';
  else if (!meta.author && byline.author) sources['author'] = 'byline';
  if (hintDate) sources['published'] = 'hint';
  else if (!meta.published) sources['published'] = timePublished ? 'time' : byline.published ? 'byline' : 'none';

  // Main text.
  const body = (col.body ?? doc) as ParentNode;
  const hintRemove = new Set<AnyNode>();
  for (const sel of hints.remove ?? []) $(sel).each((_, el) => void hintRemove.add(el));
  const hinted = hints.content ? ($(hints.content)[0] ?? null) : null;
  const flags = { paywalled: false };
  pruneTree(body, hintRemove, hinted, flags);
  removeLabelledBlocks(body);
  let root: AnyNode | null = hinted;
  if (root) sources['text'] = 'hint';
  if (!root) {
    root = col.articleBody && containsNode(body, col.articleBody) ? col.articleBody : null;
    if (root) sources['text'] = 'itemprop';
  }
  if (!root) {
    root = scoreCandidates(body);
    sources['text'] = 'heuristic';
  }
  const blocks = root ? blocksOf(root) : [];
  // The standfirst (« chapô ») often sits just before the body, outside it.
  if (root) {
    const lede = findLede(body, root);
    if (lede) blocks.unshift({ text: lede, tag: 'p' });
  }
  const paragraphs: string[] = [];
  for (const b of blocks) {
    const t = b.text;
    if (b.tag === 'h1' || t === title || t === h1) continue;
    if (isBylineLine(t, author)) continue;
    if (PAYWALL_TEXT.test(t) && t.length < 300) {
      flags.paywalled = true;
      continue;
    }
    if (BOILERPLATE_TEXT.test(t) && t.length < 250) continue;
    if (t.length <= 40 && LABEL_SET.has(foldLabel(t))) continue;
    paragraphs.push(t);
  }
  let text = paragraphs.join('\n\n');
  if (!text && meta.articleBody) {
    text = meta.articleBody.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
    sources['text'] = 'json-ld';
  }
  if (!text) throw new ExtractError(url, 'aucun texte d’article trouvé');

  const first = paragraphs[0] ?? text.split('\n\n')[0]!;
  const excerpt = meta.description?.replace(/\s+/g, ' ').trim() || first;
  const result: ExtractedArticle = { url, canonicalUrl, title, text, paywalled: flags.paywalled, amp, sources };
  if (author) result.author = author.replace(/^par\s+/i, '').trim();
  if (published) result.publishedAt = published;
  if (modified) result.modifiedAt = modified;
  if (siteName) result.siteName = siteName;
  if (lang) result.lang = lang;
  if (excerpt) result.excerpt = excerpt;
  return result;
}
