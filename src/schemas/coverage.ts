/** Press coverage (`content/coverage/*.mdx`): one article each, written by ingestion or by hand. */
import { z } from 'zod';
import { GROUPINGS, ORIGINS } from './vocabulary.ts';
import { parisDate, slugRef, webUrl } from './fields.ts';

/** Why ingestion kept and attached an article: shown to editors by `npm run review`. */
export const evidenceSchema = z.strictObject({
  /** Relevance score (weighted topic terms) and the threshold it passed. */
  score: z.number().nonnegative(),
  threshold: z.number().nonnegative(),
  /** Topic terms found, with their number of hits. */
  terms: z.array(z.strictObject({ term: z.string().min(1), hits: z.number().int().positive() })).default([]),
  /** Similarity score of the attached event, when one was chosen. */
  eventScore: z.number().nonnegative().optional(),
});

/** Where an article came from and how it was attached. */
export const provenanceSchema = z.strictObject({
  /** Feed or list page where the article was found, or « editor » when added by hand. */
  via: z.string().min(1),
  /** When it was fetched. */
  fetchedAt: parisDate.optional(),
  /** How it was grouped with its story and event. */
  grouping: z.enum(GROUPINGS),
  /** Whether an editor has reviewed the entry. */
  reviewed: z.boolean().default(false),
  /** Why ingestion kept and attached it (written by ingestion). */
  evidence: evidenceSchema.optional(),
});

export const EXCERPT_MAX = 300;

export const coverageSchema = z.strictObject({
  /** Slug of the dossier the article is about. */
  dossier: slugRef('dossiers'),
  /** Address the article was read at. */
  url: webUrl,
  /** Canonical address (without tracking parameters, AMP or mobile host). */
  canonicalUrl: webUrl,
  /** Slug of the publisher (outlet). */
  publisher: slugRef('publishers'),
  /** Headline of the article, as published (a citation). */
  title: z.string().min(1).max(300),
  /** Byline, when the article has one. */
  author: z.string().min(1).optional(),
  /** Publication date and time, Paris time. */
  publishedAt: parisDate,
  /** A short attributed quotation from the article, at most 300 characters. */
  excerpt: z.string().max(EXCERPT_MAX, { message: `extrait trop long : au plus ${EXCERPT_MAX} caractères (citation courte)` }).optional(),
  /** Slugs of the organisations the article names. */
  organizations: z.array(slugRef('organizations')).default([]),
  /** Slug of the event the article reports, when known. */
  event: slugRef('events').optional(),
  /** Other events the article also reports, besides `event`. */
  alsoEvents: z.array(slugRef('events')).default([]),
  /** Identifier shared by copies of one story (an agency dispatch on several sites). */
  story: z.string().optional(),
  /** How the entry was found and grouped. */
  provenance: provenanceSchema,
  /** Who wrote the entry: ingestion or an editor. */
  origin: z.enum(ORIGINS),
  /** When true, ingestion never rewrites this file. */
  locked: z.boolean().default(false),
  /** Hash of the frontmatter ingestion wrote; a different hash means an editor changed the file. */
  ingestHash: z.string().optional(),
});
export type CoverageData = z.output<typeof coverageSchema>;
