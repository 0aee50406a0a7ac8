/** Press coverage (`content/coverage/*.mdx`): one article each, written by ingestion or by hand. */
import { z } from 'zod';
import { GROUPINGS, ORIGINS, PUBLICATION_PRECISIONS, keysOf } from './vocabulary.ts';
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

/** A headline written between square brackets is a placeholder, not a citation. */
export const BRACKETED_RE = /^\s*\[.*\]\s*$/s;

export const coverageSchema = z
  .strictObject({
    /** Slug of the dossier the article is about. */
    dossier: slugRef('dossiers'),
    /** Address the article was read at. */
    url: webUrl,
    /** Canonical address (without tracking parameters, AMP or mobile host). */
    canonicalUrl: webUrl,
    /** Slug of the publisher (outlet). */
    publisher: slugRef('publishers'),
    /** Headline of the article, exactly as published (a citation); absent when `headlineUnknown` is true. */
    title: z.string().min(1).max(300).optional(),
    /** True when nobody has seen the headline: the site then shows the outlet and `about`, never a made-up title. */
    headlineUnknown: z.boolean().default(false),
    /** What the article is about, one line in our words (« Article de Franceinfo sur les plus de 33 millions de personnes concernées selon la CNIL »), never in brackets; required when the headline is unknown. */
    about: z.string().min(1).max(300).optional(),
    /** Byline, when the article has one. */
    author: z.string().min(1).optional(),
    /**
     * Publication date (and time when the page shows it), Paris time. At `month`
     * precision write the 1st of the month, at `year` precision 1 January; at
     * `unknown` precision the date of the event the article reports (used only
     * to place it, never shown).
     */
    publishedAt: parisDate,
    /** How much of `publishedAt` the source gives: `day` (default), `month`, `year` or `unknown`. */
    precision: z.enum(keysOf(PUBLICATION_PRECISIONS)).default('day'),
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
  })
  .superRefine((c, ctx) => {
    if (c.title !== undefined && BRACKETED_RE.test(c.title)) {
      ctx.addIssue({ code: 'custom', path: ['title'], input: c.title, message: "titre entre crochets : ce n'est pas un titre publié ; si le titre n'est pas connu, retirez title, mettez headlineUnknown: true et décrivez l'article dans about" });
    }
    if (c.about !== undefined && BRACKETED_RE.test(c.about)) {
      ctx.addIssue({ code: 'custom', path: ['about'], input: c.about, message: 'description entre crochets : écrivez-la sans crochets, en une ligne' });
    }
    if (c.headlineUnknown && c.title !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['headlineUnknown'], message: 'headlineUnknown: true mais un titre est donné : retirez title, ou headlineUnknown si le titre a été relevé' });
    }
    if (!c.headlineUnknown && c.title === undefined) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: "titre manquant : donnez le titre publié, ou headlineUnknown: true et about s'il n'a pas été relevé" });
    }
    if (c.headlineUnknown && c.about === undefined) {
      ctx.addIssue({ code: 'custom', path: ['about'], message: "titre non relevé : décrivez l'article en une ligne dans about (nos mots)" });
    }
    const day = c.publishedAt.slice(0, 10);
    const timed = c.publishedAt.includes('T');
    if (c.precision === 'month' && (!day.endsWith('-01') || timed)) {
      ctx.addIssue({ code: 'custom', path: ['publishedAt'], input: c.publishedAt, message: `précision au mois : écrivez le 1er du mois sans heure (« ${day.slice(0, 8)}01 »), le jour n'étant pas connu` });
    }
    if (c.precision === 'year' && (!day.endsWith('-01-01') || timed)) {
      ctx.addIssue({ code: 'custom', path: ['publishedAt'], input: c.publishedAt, message: `précision à l'année : écrivez le 1er janvier sans heure (« ${day.slice(0, 4)}-01-01 »)` });
    }
    if (c.precision === 'unknown' && timed) {
      ctx.addIssue({ code: 'custom', path: ['publishedAt'], input: c.publishedAt, message: "date de parution non relevée : une heure n'a pas de sens ici ; donnez la date de l'événement rapporté, sans heure" });
    }
  });
export type CoverageData = z.output<typeof coverageSchema>;
