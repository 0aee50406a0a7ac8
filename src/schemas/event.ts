/** Timeline events (`content/events/*.mdx`), written by editors. */
import { z } from 'zod';
import { DATA_CATEGORIES, DATE_PRECISIONS, EVENT_KINDS, SPEAKER_ROLES, STATUSES, keysOf } from './vocabulary.ts';
import { correctionSchema, parisDate, slugRef, sourceSchema } from './fields.ts';
import { figureSchema } from './figure.ts';

/** Who speaks in a statement: an organisation, or a role when no organisation is named. */
export const speakerSchema = z
  .strictObject({
    /** Slug of the organisation that speaks. */
    organization: slugRef('organizations').optional(),
    /** Role of the speaker when it is not one organisation. */
    role: z.enum(keysOf(SPEAKER_ROLES)).optional(),
  })
  .refine((s) => s.organization !== undefined || s.role !== undefined, {
    message: 'qui parle ? donnez speaker.organization ou speaker.role',
  });

export const eventSchema = z
  .strictObject({
    /** Slug of the dossier this event belongs to. */
    dossier: slugRef('dossiers'),
    /** Title in French, one sentence, our own words. */
    title: z.string().min(1).max(200),
    /** When it happened: « AAAA-MM-JJ » or « AAAA-MM-JJTHH:MM » in Paris time; quote it in YAML. */
    date: parisDate,
    /** How precise the date is; « minute » when a time is given, else « day » by default. */
    precision: z.enum(keysOf(DATE_PRECISIONS)).optional(),
    /** What kind of step this is on the timeline. */
    kind: z.enum(keysOf(EVENT_KINDS)),
    /** For a statement, who speaks (required when kind is statement). */
    speaker: speakerSchema.optional(),
    /** Other dossiers this entry links to (a related breach told as context here). */
    related: z.array(slugRef('dossiers')).default([]),
    /** Slugs of the organisations involved. */
    organizations: z.array(slugRef('organizations')).default([]),
    /** Data categories reported exposed by this event's sources. */
    exposed: z.array(z.enum(DATA_CATEGORIES)).default([]),
    /** Data categories reported not exposed. */
    notExposed: z.array(z.enum(DATA_CATEGORIES)).default([]),
    /** Claims about figures made in this event's sources. */
    figures: z.array(figureSchema).default([]),
    /** Sources backing the event: at least one, at least one of them verified. */
    sources: z.array(sourceSchema).min(1, { message: 'au moins une source est requise (url, publisher)' }),
    /** How established the event is. */
    status: z.enum(keysOf(STATUSES)),
    /** When the entry was last revised. */
    updated: parisDate.optional(),
    /** Corrections made after publication, oldest first. */
    corrections: z.array(correctionSchema).default([]),
    /** One-sentence summary used in lists and feeds (our words); defaults to the first paragraph. */
    summary: z.string().max(400).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'statement' && !e.speaker) {
      ctx.addIssue({ code: 'custom', path: ['speaker'], message: 'une déclaration (kind: statement) doit dire qui parle : speaker.organization ou speaker.role' });
    }
    if (e.sources.length > 0 && !e.sources.some((s) => s.verified)) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'aucune source vérifiée : une source non retrouvée (verified: false) ne se cite qu’à côté d’une source vérifiée' });
    }
    const urls = new Set(e.sources.map((s) => s.url));
    e.figures.forEach((f, i) => {
      if (!urls.has(f.source)) {
        ctx.addIssue({ code: 'custom', path: ['figures', i, 'source'], input: f.source, message: `source du chiffre « ${f.source} » absente de la liste sources de l’événement` });
      }
    });
    if (e.updated && e.updated.slice(0, 10) < e.date.slice(0, 10)) {
      ctx.addIssue({ code: 'custom', path: ['updated'], input: e.updated, message: `mise à jour « ${e.updated} » antérieure à la date de l’événement « ${e.date} »` });
    }
    const both = e.exposed.filter((c) => e.notExposed.includes(c));
    if (both.length) {
      ctx.addIssue({ code: 'custom', path: ['notExposed'], input: both, message: `catégorie à la fois exposée et non exposée : ${both.join(', ')}` });
    }
  })
  .transform((e) => ({ ...e, precision: e.precision ?? (e.date.includes('T') ? ('minute' as const) : ('day' as const)) }));
export type EventData = z.output<typeof eventSchema>;
