/**
 * Main text of a parsed page: Mozilla Readability finds the article, our
 * boilerplate rules clean the page before it and the article after it, and the
 * article's blocks become plain text (paragraphs separated by blank lines).
 */
import { Readability } from '@mozilla/readability';
import { BLOCK_TAGS, TEXT_NODE, isElement } from './dom.ts';
import { cleanArticle, cleanPage, isBoilerplateParagraph, PAYWALL_TEXT } from './boilerplate.ts';

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

/** Finds and cleans the main text. Mutates `doc`. */
export function extractMainText(doc: Document, opts: MainTextOptions = {}): MainText {
  const flags = { paywalled: false };
  for (const el of opts.remove ?? []) el.remove();
  let root: Element | null = null;
  let source = 'readability';
  if (opts.content) {
    root = opts.content;
    source = 'hint';
    cleanArticle(root, flags);
  } else {
    cleanPage(doc, flags);
    const article = new Readability<Element>(doc, { serializer: (el) => el as Element, disableJSONLD: true, keepClasses: true, charThreshold: 400 }).parse();
    root = article?.content ?? null;
    if (root) cleanArticle(root, flags);
  }
  let paragraphs = root ? paragraphsOf(root, opts, flags) : [];
  // A page whose markup hides the text (script-rendered, odd structure) often still gives it in JSON-LD.
  if (source !== 'hint' && opts.articleBody) {
    const ld = fromArticleBody(opts.articleBody);
    const len = (ps: string[]) => ps.reduce((a, p) => a + p.length, 0);
    if (len(ld) > 1.3 * len(paragraphs) + 200) {
      paragraphs = ld;
      source = 'json-ld';
    }
  }
  return { text: paragraphs.join('\n\n'), source, paywalled: flags.paywalled };
}

