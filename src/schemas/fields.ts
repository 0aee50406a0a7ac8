/** Small field schemas shared by several collections. */
import { z } from 'zod';
import { normalizeDateInput } from '../lib/dates.ts';

/** Slug of an entry: lower-case words joined by hyphens, as in its file name. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A reference to another entry by its slug (file name without extension); existence is checked across collections. */
export const slugRef = (collection: string) =>
  z.string().regex(SLUG_RE, { message: `référence invalide : attendu l'identifiant (slug) d'une entrée de ${collection}` });

/**
 * A date « AAAA-MM-JJ » or a date and time « AAAA-MM-JJTHH:MM », read in
 * Europe/Paris unless an offset is given. Stored normalized as Paris wall time.
 */
export const parisDate = z.unknown().transform((value, ctx) => {
  const normalized = normalizeDateInput(value);
  if (normalized === null) {
    ctx.addIssue({
      code: 'custom',
      message: `date invalide « ${value instanceof Date ? value.toISOString() : String(value ?? '')} » ; attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM (heure de Paris)`,
      input: value,
    });
    return z.NEVER;
  }
  return normalized;
});

/** An http(s) address. */
export const webUrl = z
  .string()
  .refine((s) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(s) && URL.canParse(s), { message: 'adresse web invalide ; attendu une URL http:// ou https:// complète' });

/**
 * A cited address in a list of sources: the URL alone, or with `verified: false`
 * when the page could not be found again (cite it only beside a verified one).
 */
export const citedUrl = z.union([
  webUrl,
  z.strictObject({
    /** Address of the cited page. */
    url: webUrl,
    /** False when the page could not be found again on a second check. */
    verified: z.boolean().default(true),
    /** What this page backs, when it backs only part of the text. */
    note: z.string().min(1).optional(),
  }),
]);
/** One cited address, normalized. */
export type CitedUrl = { url: string; verified: boolean; note?: string | undefined };
/** Reads a cited address written either way. */
export const citedUrlOf = (c: z.output<typeof citedUrl>): CitedUrl => (typeof c === 'string' ? { url: c, verified: true } : c);

/** A source backing a fact: the page that says it. */
export const sourceSchema = z.strictObject({
  /** Address of the cited page, exactly as published. */
  url: webUrl,
  /** Name of who published it (outlet, authority, company), as readers know it. */
  publisher: z.string().min(1),
  /** Headline of the cited page, when it was seen; never invented. */
  title: z.string().min(1).optional(),
  /** Publication date of the cited page, when known. */
  published: parisDate.optional(),
  /** False when the page could not be found again on a second check: cite it only beside a verified source. */
  verified: z.boolean().default(true),
});
export type Source = z.output<typeof sourceSchema>;

/** One line of a corrections log. */
export const correctionSchema = z.strictObject({
  /** When the correction was made. */
  date: parisDate,
  /** What changed, in a sentence. */
  change: z.string().min(1),
  /** Why it changed (new source, error, clarification). */
  reason: z.string().min(1),
});
