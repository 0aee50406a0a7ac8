/**
 * The document <title>: « Titre · Veille Fuites » when that fits in 70
 * characters (what search results show, and html-validate's long-title rule);
 * otherwise the title alone, cut at a word with « … » when even that is too
 * long. The page's <h1> always carries the whole title. Lengths are counted as
 * written in the HTML source, where Astro escapes & < > " (html-validate counts
 * them so); apostrophes become typographic ones, which need no escaping.
 */
export const SITE_NAME = 'Veille Fuites';
export const MAX_TITLE = 70;

const ESCAPED_EXTRA: Record<string, number> = { '&': 4, '<': 3, '>': 3, '"': 5 };
/** Length once HTML-escaped. */
const sourceLength = (s: string) => [...s].reduce((n, c) => n + 1 + (ESCAPED_EXTRA[c] ?? 0), 0);

export function pageTitle(rawTitle: string): string {
  const title = rawTitle.replace(/'/g, '’');
  if (title === SITE_NAME) return title;
  const full = `${title} · ${SITE_NAME}`;
  if (sourceLength(full) <= MAX_TITLE) return full;
  if (sourceLength(title) <= MAX_TITLE) return title;
  let budget = MAX_TITLE - 1;
  let end = 0;
  while (end < title.length && (budget -= 1 + (ESCAPED_EXTRA[title[end]!] ?? 0)) >= 0) end++;
  const cut = title.slice(0, end);
  // Cut before the word the limit falls in, unless the limit falls between two words.
  const space = /\s/.test(title.charAt(end)) ? cut.length : cut.lastIndexOf(' ');
  const atWord = space > 0 ? cut.slice(0, space).replace(/[\s,;:.\-–—«(]+$/u, '') : '';
  return `${atWord || cut}…`;
}
