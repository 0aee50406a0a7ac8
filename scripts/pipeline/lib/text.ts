/**
 * Small text helpers shared by the stages (not a stage itself): accent and case
 * folding, whole-word matching on folded text, stable hashes.
 */
import { createHash } from 'node:crypto';

/** Lower case, accents removed, typographic apostrophes and dashes made plain, spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2019\u2018\u02bc\u2032`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u0153/g, 'oe')
    .replace(/\u00e6/g, 'ae')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression matching `term` as whole words in folded text: no hit
 * inside another word (« almerys » does not match « palmerysse »). Spaces and
 * hyphens in the term match either.
 */
export function wordPattern(term: string): RegExp {
  const body = escapeRe(fold(term).trim()).replace(/(?:\\-| )+/g, '[ \\-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
}

/** How many times a whole-word pattern occurs in folded text. */
export function countMatches(folded: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(folded)) n++;
  return n;
}

/** Words of a text, folded, letters and digits only. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Hex SHA-256 of a string, cut to `length` characters. */
export function sha256(text: string | Uint8Array, length = 64): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
