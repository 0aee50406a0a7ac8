/**
 * Extract stage: one HTML page to an article. The page is parsed once with
 * linkedom; our readers take the metadata (JSON-LD with `@graph`, Open Graph,
 * meta tags, `<time>`, French bylines in Europe/Paris) and the publisher's
 * hints; Mozilla Readability finds the main text, between our boilerplate
 * rules (« À lire aussi », newsletter, share bars, credits, paywall teasers…).
 * Errors start with « extract: » and name the URL.
 */
import { parseHTML } from 'linkedom';
import { StageError } from '../lib/stage-error.ts';
import { readMetadata, selectHint } from './metadata.ts';
import { extractMainText } from './main-text.ts';

export { parseFrenchDate, parseMachineDate, parseBylineDates } from './dates.ts';

/** Per-site selectors (the publisher's `hints`), applied before the generic rules. */
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
  /** Where each field came from, for debugging (« json-ld », « og », « byline », « readability »…). */
  sources: Record<string, string>;
}

export class ExtractError extends StageError {
  url: string;
  constructor(url: string, detail: string) {
    super('extract', url, detail);
    this.url = url;
  }
}

/**
 * Scripts (but JSON-LD), styles and comments cut from the source before
 * parsing: they are most of a news page's bytes and none of its text. An HTML
 * tokenizer ends a script or style at the first `</script` or `</style`, and so
 * does this.
 */
export function stripInert(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script(?=[\s/>])[^>]*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style(?=[\s/>])[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
}

const MAX_DEPTH = 512;

/** True when some element is nested deeper than `max` below `root` (iterative: no recursion on a deep tree). */
function depthOver(root: Element | null, max: number): boolean {
  const stack: Array<[Element, number]> = root ? [[root, 0]] : [];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > max) return true;
    for (const c of Array.from(el.children)) stack.push([c, depth + 1]);
  }
  return false;
}

/** Extracts one article from its HTML. Throws an ExtractError when the page has no title or no text. */
export function extractArticle(html: string, url: string, hints: ExtractHints = {}): ExtractedArticle {
  let document: Document;
  const source = stripInert(html);
  try {
    document = parseHTML(source).document as unknown as Document;
  } catch (e) {
    throw new ExtractError(url, `page illisible : ${(e as Error).message}`);
  }
  // The tree walks below (ours and Readability's) recurse and cost depth × size: a hostile page nested
  // thousands deep would take minutes or exhaust the stack. Browsers stop nesting at 512 levels; so does this.
  if (depthOver(document.documentElement, MAX_DEPTH)) throw new ExtractError(url, `page illisible : balises imbriquées sur plus de ${MAX_DEPTH} niveaux`);
  let meta;
  let main;
  try {
    meta = readMetadata(document, url, hints);
    if (!meta.title) throw new ExtractError(url, 'page sans titre');
    const content = hints.content ? selectHint(document, hints.content, 'content') : null;
    const remove = (hints.remove ?? []).flatMap((sel) => {
      try {
        return Array.from(document.querySelectorAll(sel));
      } catch {
        throw new Error(`indice « remove » invalide : ${sel}`);
      }
    });
    main = extractMainText(document, {
      content,
      remove,
      title: meta.title,
      h1: meta.h1,
      ...(meta.author ? { author: meta.author } : {}),
      ...(meta.articleBody ? { articleBody: meta.articleBody } : {}),
      ...(meta.description ? { description: meta.description } : {}),
    }, () => parseHTML(source).document as unknown as Document);
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    throw new ExtractError(url, (e as Error).message);
  }
  if (!main.text) throw new ExtractError(url, 'aucun texte d’article trouvé');

  const sources = { ...meta.sources, text: main.source };
  const result: ExtractedArticle = { url, canonicalUrl: meta.canonicalUrl, title: meta.title, text: main.text, paywalled: main.paywalled, amp: meta.amp, sources };
  if (meta.author) result.author = meta.author;
  if (meta.published) result.publishedAt = meta.published;
  if (meta.modified) result.modifiedAt = meta.modified;
  if (meta.siteName) result.siteName = meta.siteName;
  if (meta.lang) result.lang = meta.lang;
  const excerpt = meta.description || main.text.split('\n\n')[0];
  if (excerpt) result.excerpt = excerpt;
  return result;
}
