/**
 * Main text of a parsed page: Mozilla Readability finds the article, our
 * boilerplate rules clean the page before it and the article after it, and the
 * article's blocks become plain text (paragraphs separated by blank lines).
 */
import { Readability } from '@mozilla/readability';
import { BLOCK_TAGS, TEXT_NODE, childElements, isElement, linkDensity, measure } from './dom.ts';
import { adoptStrayContent, cleanArticle, cleanPage, isBoilerplateParagraph, PAYWALL_TEXT } from './boilerplate.ts';

export interface MainText {
  text: string;
  /** « hint », « readability », « json-ld ». */
  source: string;
  paywalled: boolean;
}

export interface MainTextOptions {
  /** The publisher's hint: the element holding the article. */
  content?: Element | null;
  /** The publisher's hint: elements to drop first. */
  remove?: Element[];
  title?: string;
  h1?: string;
  author?: string;
  /** JSON-LD articleBody: used when the markup yields less. */
  articleBody?: string;
  /** The page's own summary (meta or JSON-LD description): its standfirst is kept when Readability leaves it out. */
  description?: string;
}

/** Text blocks of a subtree: each block element ends a paragraph; `<br>` is a space. */
export function blocksOf(root: Node): { text: string; tag: string }[] {
  const out: { text: string; tag: string }[] = [];
  let buf = '';
  let bufTag = 'p';
  const flush = () => {
    // Soft hyphens and zero-width spaces are invisible on the page: a search for the words must find them.
    const t = buf.replace(/[\u00ad\u200b\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
    if (t) out.push({ text: t, tag: bufTag });
    buf = '';
    bufTag = 'p';
  };
  const walk = (n: Node, tag: string) => {
    if (n.nodeType === TEXT_NODE) {
      if (!buf.trim()) bufTag = tag;
      buf += (n as Text).data;
      return;
    }
    if (!isElement(n)) return;
    const name = n.localName;
    if (name === 'br') {
      buf += ' ';
      return;
    }
    if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') return;
    if (BLOCK_TAGS.has(name)) {
      flush();
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c, name);
      flush();
    } else for (let c = n.firstChild; c; c = c.nextSibling) walk(c, tag);
  };
  walk(root, 'p');
  flush();
  return out;
}

const BYLINE_RE = /^(?:par|by|de notre (?:correspondant|envoyé)|publi[ée]|mis en ligne|mis à jour|modifi[ée]|actualis[ée]|le \d|\d{1,2}[/.]\d{1,2}[/.]\d{4}|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+\d)/i;
const DATE_IN_LINE = /\d{1,2}(?:er)?\s+(?:janv|f[ée]v|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}\s*h\s*\d{2}/i;

/** A byline or dateline (« Par Jeanne Martin », « Publié le 6 février 2024 à 12h17 »), not article text. */
export function isBylineLine(t: string, author?: string): boolean {
  if (t.length > 180) return false;
  if (author && t.length < 120 && t.includes(author) && /^(?:par|by)\b/i.test(t)) return true;
  if (!BYLINE_RE.test(t)) return false;
  if (/^(?:publi|mis en ligne|mis à jour|modifi|actualis)/i.test(t)) return true;
  if (DATE_IN_LINE.test(t) && t.length < 120 && !/[.!?]\s+\p{Lu}/u.test(t)) return true;
  // « Par Jeanne Martin » alone: a few capitalised words.
  return /^[Pp]ar\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|et|de|du|des|avec|la|le))*\s*(?:,.*)?$/u.test(t) && t.length < 100 && !/[.!?]\s+\p{Lu}/u.test(t);
}

function paragraphsOf(root: Node, opts: MainTextOptions, flags: { paywalled: boolean }): string[] {
  const out: string[] = [];
  for (const b of blocksOf(root)) {
    const t = b.text;
    if (b.tag === 'h1' || t === opts.title || t === opts.h1) continue;
    if (isBylineLine(t, opts.author)) continue;
    if (PAYWALL_TEXT.test(t) && t.length < 300) {
      flags.paywalled = true;
      continue;
    }
    if (isBoilerplateParagraph(t)) continue;
    out.push(t);
  }
  return out;
}

const fromArticleBody = (body: string) =>
  body.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);

const norm = (t: string) => t.replace(/[\u00ad\u200b\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
const NOT_ARTICLE = new Set(['nav', 'footer', 'aside', 'form', 'button', 'a', 'script', 'style', 'noscript', 'template', 'title', 'head']);

/**
 * The standfirst (« chapô »): the block of the page that starts like its own
 * summary, after the title, outside menus and footers. Readability often
 * leaves it out because it sits in the article's header, beside the body.
 */
export function findStandfirst(doc: Document, description: string | undefined): { text: string; element: Element } | null {
  const d = description ? norm(description).replace(/(?:\.\.\.|…)$/, '') : '';
  const h1 = doc.querySelector('h1');
  if (d.length < 40) return subtitleAfter(h1);
  const probe = d.slice(0, 30);
  let found: { text: string; element: Element } | null = null;
  const visit = (n: Node): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE) {
        if (!(c as Text).data.includes(probe.slice(0, 12)) || !norm((c as Text).data).includes(probe)) continue;
        let block = c.parentElement;
        while (block && !BLOCK_TAGS.has(block.localName)) block = block.parentElement;
        if (!block) continue;
        const t = norm(blocksOf(block).map((b) => b.text).join(' '));
        if (t.startsWith(probe) && t.length < 1.5 * d.length + 200) {
          found = { text: t, element: block };
          return true;
        }
      } else if (isElement(c) && !NOT_ARTICLE.has(c.localName) && c.getAttribute('role') !== 'navigation' && visit(c)) return true;
    }
    return false;
  };
  // Start after the title when there is one: a summary above it is a teaser elsewhere on the page.
  if (h1) {
    for (let n: Element | null = h1; n && !found; n = n.parentElement) {
      for (let sib = n.nextElementSibling; sib && !found; sib = sib.nextElementSibling) if (!NOT_ARTICLE.has(sib.localName)) visit(sib);
    }
  } else if (doc.body) visit(doc.body);
  return found ?? subtitleAfter(h1);
}

/** A subtitle right under the title (« <h1>…</h1><h2>Le sous-titre…</h2> »): a standfirst the summary did not name. */
function subtitleAfter(h1: Element | null): { text: string; element: Element } | null {
  let next = h1?.nextElementSibling;
  while (next && !next.textContent?.trim()) next = next.nextElementSibling;
  if (!next || !['h2', 'p', 'div'].includes(next.localName)) return null;
  const m = measure(next);
  if (m.len < 60 || m.len > 400 || m.linkLen > 0) return null;
  const text = norm(blocksOf(next).map((b) => b.text).join(' '));
  if (isBylineLine(text) || isBoilerplateParagraph(text)) return null;
  return { text, element: next };
}

/** The nearest ancestor of `anchor` that holds a real text (much text, few links): where the article is. */
export function regionOf(anchor: Element): Element {
  let region = anchor;
  while (region.parentElement && region.parentElement.localName !== 'body' && region.parentElement.localName !== 'html') {
    const m = measure(region);
    if (m.len >= REGION_MIN && linkDensity(m) < 0.4) break;
    region = region.parentElement;
  }
  return region;
}
const REGION_MIN = 1000;

/** Leaves only `region` (and the path to it) in the page's body. */
export function confineTo(region: Element) {
  for (let n: Element = region; n.parentElement && n.localName !== 'body'; n = n.parentElement) {
    for (const sib of childElements(n.parentElement)) if (sib !== n) sib.remove();
  }
}

function runReadability(doc: Document, flags: { paywalled: boolean }): Element | null {
  cleanPage(doc, flags);
  const article = new Readability<Element>(doc, { serializer: (el) => el as Element, disableJSONLD: true, keepClasses: true, charThreshold: 400 }).parse();
  const root = article?.content ?? null;
  if (root) cleanArticle(root, flags);
  return root;
}

const totalLength = (ps: string[]) => ps.reduce((a, p) => a + p.length, 0);

/**
 * Finds and cleans the main text. Mutates `doc`. `reparse` gives a fresh copy
 * of the page for a second opinion: when Readability's article lies away from
 * the page's standfirst (it chose a sidebar, a bio, a cookie notice), Readability
 * runs again on the region around the standfirst.
 */
export function extractMainText(doc: Document, opts: MainTextOptions = {}, reparse?: () => Document): MainText {
  const flags = { paywalled: false };
  adoptStrayContent(doc);
  for (const el of opts.remove ?? []) el.remove();
  let root: Element | null = null;
  let source = 'readability';
  const standfirst = opts.content ? null : findStandfirst(doc, opts.description);
  let paragraphs: string[];
  if (opts.content) {
    root = opts.content;
    source = 'hint';
    cleanArticle(root, flags);
    paragraphs = paragraphsOf(root, opts, flags);
  } else {
    // Elements near the standfirst, to tell afterwards whether Readability's article came from there.
    const near = new Set<Element>();
    if (standfirst) for (const el of regionOf(standfirst.element).querySelectorAll('*')) near.add(el);
    root = runReadability(doc, flags);
    paragraphs = root ? paragraphsOf(root, opts, flags) : [];
    const away = standfirst !== null && root !== null && !Array.from(root.querySelectorAll('*')).some((el) => near.has(el));
    const short = totalLength(paragraphs) < 500;
    if (reparse && (away || short)) {
      const second = reparse();
      adoptStrayContent(second);
      // Around the standfirst, else around the title.
      const anchor = findStandfirst(second, opts.description)?.element ?? second.querySelector('h1');
      if (anchor) {
        const region = regionOf(anchor);
        confineTo(region);
        const altFlags = { paywalled: false };
        const altRoot = runReadability(second, altFlags);
        const alt = altRoot ? paragraphsOf(altRoot, opts, altFlags) : [];
        // Away from the standfirst, the region is trusted when it has a text; a short result is replaced only by a longer one.
        if (away ? totalLength(alt) >= 400 : totalLength(alt) > totalLength(paragraphs)) {
          paragraphs = alt;
          flags.paywalled ||= altFlags.paywalled;
          source = 'readability-region';
        }
      }
    }
  }
  // A page whose markup hides the text (script-rendered, odd structure) often still gives it in JSON-LD.
  if (source !== 'hint' && opts.articleBody) {
    const ld = fromArticleBody(opts.articleBody);
    const len = (ps: string[]) => ps.reduce((a, p) => a + p.length, 0);
    if (len(ld) > 1.3 * len(paragraphs) + 200) {
      paragraphs = ld;
      source = 'json-ld';
    }
  }
  if (standfirst && source.startsWith('readability') && paragraphs.length) {
    const probe = standfirst.text.slice(0, 60);
    if (!paragraphs.some((p) => norm(p).includes(probe))) paragraphs.unshift(standfirst.text);
  }
  return { text: paragraphs.join('\n\n'), source, paywalled: flags.paywalled };
}

