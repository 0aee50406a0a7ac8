/** Publishers (`content/publishers/*.yaml`): news outlets and other sources. */
import { z } from 'zod';
import { webUrl } from './fields.ts';
import { ORIGINS } from './vocabulary.ts';

/** CSS selectors for sites the generic extractor gets wrong. */
export const extractionHintsSchema = z.strictObject({
  /** Selector of the article body. */
  content: z.string().optional(),
  /** Selectors of blocks to drop (related articles, newsletter...). */
  remove: z.array(z.string()).default([]),
  /** Selector of the byline. */
  author: z.string().optional(),
  /** Selector of the publication date. */
  date: z.string().optional(),
});

export const publisherSchema = z.strictObject({
  /** Name of the outlet. */
  name: z.string().min(1),
  /** Domains it publishes on (without « www. »). */
  domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { message: 'domaine invalide ; attendu par exemple « exemple.fr »' })).min(1),
  /** Home page. */
  website: webUrl.optional(),
  /** RSS or Atom feeds ingestion may read. */
  feeds: z.array(webUrl).default([]),
  /** Language code (BCP 47). */
  language: z.string().default('fr'),
  /** Per-site extraction hints. */
  hints: extractionHintsSchema.optional(),
  /** Who wrote the entry: an editor, or ingestion (from an article's page, the first time it met the outlet). */
  origin: z.enum(ORIGINS).default('editor'),
  /** For an entry written by ingestion: whether an editor has reviewed it (its name was read from a page). */
  reviewed: z.boolean().default(false),
});
export type PublisherData = z.output<typeof publisherSchema>;
