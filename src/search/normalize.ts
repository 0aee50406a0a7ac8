/**
 * French-aware text folding for search, shared by the index build and the
 * browser so both sides see the very same words.
 *
 * - case and accents are dropped (« Sécurité » → « securite »),
 * - ligatures are spelled out (« œ » → « oe », « æ » → « ae », « ﬁ » → « fi »),
 * - apostrophes separate words, and elided articles and pronouns
 *   (« l' », « d' », « qu' »...) are stop words, so « l'assureur » → « assureur »,
 * - anything that is not a letter or a digit separates words.
 *
 * `fold` keeps a one-to-one position map for highlighting (`wordSpans`); `normalize`
 * is the fast whole-string version. Both give the same words (tested).
 */

/** Letters that Unicode decomposition does not spell out. */
const SPELLED: Record<string, string> = { 'œ': 'oe', 'æ': 'ae', 'ß': 'ss', 'ø': 'o', 'đ': 'd', 'ł': 'l', 'ı': 'i' };
const SPELLED_RE = /[œæßøđłı]/g;
const MARKS_RE = /\p{M}+/gu;
const NON_WORD_RE = /[^a-z0-9]+/g;

/**
 * Words too common to search on, including every elided form (« l' », « d' »,
 * « qu' », « jusqu' »...). Dropped from queries unless the query has nothing else.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'au', 'aux', 'avec', 'c', 'ce', 'ces', 'd', 'dans', 'de', 'des', 'du', 'en', 'est', 'et', 'j', 'jusqu', 'l', 'la',
  'le', 'les', 'leur', 'leurs', 'lorsqu', 'm', 'n', 'ne', 'ou', 'par', 'pas', 'pour', 'puisqu', 'qu', 'que', 'qui', 's',
  'sa', 'se', 'ses', 'son', 'sur', 't', 'un', 'une', 'y',
]);

/** Case, accents and ligatures folded; every run of non-alphanumerics becomes one space; trimmed. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(SPELLED_RE, (c) => SPELLED[c] ?? c)
    .replace(NON_WORD_RE, ' ')
    .trim();
}

/** The words of a text after folding (stop words kept). */
export function words(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

/** A folded word and where it sits in the original text (UTF-16 offsets, end exclusive). */
export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** The folded words of a text with their positions in the original, for highlighting. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  let word = '';
  let start = -1;
  let i = 0;
  for (const ch of text) {
    const next = i + ch.length;
    let fromHere = false;
    for (const c of foldChar(ch)) {
      if (c !== ' ') {
        if (start < 0) start = i;
        word += c;
        fromHere = true;
      } else if (start >= 0) {
        // A word ends before this character, or after it when part of its decomposition (« ½ » → « 1 2 ») was used.
        spans.push({ word, start, end: fromHere ? next : i });
        word = '';
        start = -1;
      }
    }
    i = next;
  }
  if (start >= 0) spans.push({ word, start, end: i });
  return spans;
}

/** One character folded as `normalize` does, separators as one space. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122)) return ch;
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return ' ';
  }
  const folded = ch.normalize('NFKD').replace(MARKS_RE, '').toLowerCase().replace(SPELLED_RE, (c) => SPELLED[c] ?? c);
  return folded.replace(NON_WORD_RE, ' ');
}

/**
 * The words a query searches for: folded, stop words and elisions dropped
 * (kept when the query has nothing else, so « la » still searches « la »),
 * duplicates removed, order kept.
 */
export function queryTerms(query: string): string[] {
  const all = words(query);
  const kept = all.filter((w) => !STOP_WORDS.has(w));
  return [...new Set(kept.length ? kept : all)];
}
