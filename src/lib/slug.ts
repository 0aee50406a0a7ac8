/**
 * Slugs (file names and URL segments) from French titles: « Almerys : l'ANSSI
 * enquête » gives « almerys-l-anssi-enquete ». Pure functions: the caller says
 * which slugs are already taken.
 */
import slugify from '@sindresorhus/slugify';
import { SLUG_RE } from '../schemas/fields.ts';

/** Longest slug we make from a title; longer ones are cut at a word boundary. */
export const SLUG_MAX_LENGTH = 80;

const FRENCH_REPLACEMENTS: [string, string][] = [
  ['&', ' et '],
  ['%', ' pour cent '],
  ['€', ' euros '],
  ['@', ' arobase '],
  ['+', ' plus '],
];

/**
 * The slug of a title: lower case, no accents (« é » → « e », « œ » → « oe »),
 * words joined by hyphens, apostrophes and punctuation as separators. Returns
 * '' when the title holds no letter or digit.
 */
export function slugifyTitle(title: string, maxLength = SLUG_MAX_LENGTH): string {
  const slug = slugify(title, { locale: 'fr', decamelize: false, customReplacements: FRENCH_REPLACEMENTS });
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… : the first one not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Whether a text can be used as a slug (file name without extension). */
export const isSlug = (text: string): boolean => SLUG_RE.test(text);
