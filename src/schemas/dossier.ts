/** Dossiers (`content/dossiers/*.yaml`): one per breach story. */
import { z } from 'zod';
import { parisDate, slugRef } from './fields.ts';

/** A topic term and how much it weighs for relevance. */
export const topicTermSchema = z.strictObject({
  /** Word or phrase, matched case and accent insensitive. */
  term: z.string().min(1),
  /** Weight in the relevance score. */
  weight: z.number().positive().default(1),
});

export const dossierSchema = z.strictObject({
  /** Title of the dossier. */
  title: z.string().min(1),
  /** Short title for navigation. */
  shortTitle: z.string().min(1).optional(),
  /** Summary in a few sentences, our words. */
  summary: z.string().min(1),
  /** Period covered: start, and end when the story is closed. */
  period: z
    .strictObject({ start: parisDate, end: parisDate.optional() })
    .refine((p) => !p.end || p.end >= p.start, { message: 'période inversée : period.end est antérieure à period.start', path: ['end'] }),
  /** Slugs of the main organisations. */
  organizations: z.array(slugRef('organizations')).min(1),
  /** Terms ingestion uses to judge relevance. */
  topicTerms: z.array(topicTermSchema).min(1),
  /** The dossier the home page shows (exactly one). */
  main: z.boolean().default(false),
});
export type DossierData = z.output<typeof dossierSchema>;
