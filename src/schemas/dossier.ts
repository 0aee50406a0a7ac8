/** Dossiers (`content/dossiers/*.yaml`): one per breach story. */
import { z } from 'zod';
import { DATA_CATEGORIES, DATA_SUBJECTS, EXPOSURE_STATUSES, keysOf } from './vocabulary.ts';
import { citedUrl, parisDate, slugRef, webUrl } from './fields.ts';

/** A topic term and how much it weighs for relevance. */
export const topicTermSchema = z.strictObject({
  /** Word or phrase, matched case and accent insensitive. */
  term: z.string().min(1),
  /** Weight in the relevance score. */
  weight: z.number().positive().default(1),
});

/** One line of the « en bref » shown on the timeline's first screen. */
export const briefLineSchema = z.strictObject({
  /** One short sentence, our words. */
  text: z.string().min(1).max(220),
  /** Page that backs it. */
  source: webUrl,
});

/** A figure series the dossier headlines, by its key in the events' figures. */
export const keyFigureSchema = z.strictObject({
  /** Key of the figure claims (`figures[].key` in events). */
  key: z.string().regex(/^[a-z0-9-]+$/),
  /** What readers should know beside it (« répartition par opérateur non publiée »). */
  note: z.string().min(1).optional(),
});

/** What one source says about one data category at one operator. */
export const exposureCellSchema = z.strictObject({
  /** Slug of the operator (one of `operators`). */
  organization: slugRef('organizations'),
  /** Exposed, reported not exposed, or claimed by one source only. */
  status: z.enum(keysOf(EXPOSURE_STATUSES)),
  /** Page that says it. */
  source: webUrl,
  /** False when that page could not be found again. */
  verified: z.boolean().default(true),
  /** Nuance (« selon les avis des mutuelles clientes »). */
  note: z.string().min(1).optional(),
});

/** One row of the « what leaked » table: a data category and what is known per operator. */
export const exposureRowSchema = z.strictObject({
  /** Data category, from the fixed vocabulary. */
  category: z.enum(DATA_CATEGORIES),
  /** Whose data it is. */
  subject: z.enum(keysOf(DATA_SUBJECTS)),
  /** One cell per operator something is known about; an operator left out is shown as unknown. */
  cells: z.array(exposureCellSchema).min(1),
});

/** One piece of advice for people concerned, with its sources. */
export const adviceSchema = z.strictObject({
  /** Short heading (« Méfiez-vous des appels et courriels »). */
  title: z.string().min(1),
  /** What to do, a few sentences, our words. */
  text: z.string().min(1),
  /** Who gives the advice and where. */
  sources: z.array(citedUrl).min(1),
});

/** A question the sources leave open or disagree on. */
export const openQuestionSchema = z.strictObject({
  /** What it is about (« Date de l'attaque Viamedis »). */
  topic: z.string().min(1),
  /** What is known, what is not, who says what; our words. */
  text: z.string().min(1),
  /** Pages that show the disagreement or the gap. */
  sources: z.array(citedUrl).default([]),
});

export const dossierSchema = z
  .strictObject({
    /** Title of the dossier. */
    title: z.string().min(1),
    /** Short title for navigation. */
    shortTitle: z.string().min(1).optional(),
    /** Summary in a few sentences, our words. */
    summary: z.string().min(1),
    /** What happened in at most three short sourced lines, shown on the timeline's first screen. */
    inBrief: z.array(briefLineSchema).max(3).default([]),
    /** Period covered: start, and end when the story is closed. */
    period: z
      .strictObject({ start: parisDate, end: parisDate.optional() })
      .refine((p) => !p.end || p.end >= p.start, { message: 'période inversée : period.end est antérieure à period.start', path: ['end'] }),
    /** Slugs of the main organisations. */
    organizations: z.array(slugRef('organizations')).min(1),
    /** Slugs of the breached organisations whose clients may be concerned (columns of the « what leaked » table). */
    operators: z.array(slugRef('organizations')).default([]),
    /** Figure series headlined, in order. */
    keyFigures: z.array(keyFigureSchema).default([]),
    /** What leaked, per data category and operator. */
    exposure: z.array(exposureRowSchema).default([]),
    /** What people concerned should do, each piece sourced. */
    advice: z.array(adviceSchema).default([]),
    /** Questions the sources leave open. */
    openQuestions: z.array(openQuestionSchema).default([]),
    /** Terms ingestion uses to judge relevance. */
    topicTerms: z.array(topicTermSchema).min(1),
    /** The dossier the home page shows (exactly one). */
    main: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.exposure.forEach((row, i) => {
      const key = `${row.subject}/${row.category}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['exposure', i, 'category'], input: row.category, message: `ligne en double : « ${row.category} » (${row.subject}) figure déjà dans exposure` });
      seen.add(key);
      row.cells.forEach((c, j) => {
        if (!d.operators.includes(c.organization)) {
          ctx.addIssue({ code: 'custom', path: ['exposure', i, 'cells', j, 'organization'], input: c.organization, message: `« ${c.organization} » n'est pas dans operators (${d.operators.join(', ') || 'vide'})` });
        }
      });
    });
    const keys = d.keyFigures.map((k) => k.key);
    const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
    if (twice.length) ctx.addIssue({ code: 'custom', path: ['keyFigures'], input: twice, message: `chiffre clé en double : ${twice.join(', ')}` });
  });
export type DossierData = z.output<typeof dossierSchema>;
