/** Claims about figures: the same number told by several sources is kept as several claims. */
import { z } from 'zod';
import { FIGURE_BASES, FIGURE_UNITS, STATUSES, keysOf } from './vocabulary.ts';
import { parisDate, webUrl } from './fields.ts';

export const figureSchema = z
  .strictObject({
    /** Stable key grouping claims about the same quantity (« personnes-concernees »), so the site shows how it evolved. */
    key: z.string().regex(/^[a-z0-9-]+$/),
    /** Short French label (« Personnes concernées »). */
    label: z.string().min(1),
    /** The value when a single number is claimed. */
    value: z.number().nonnegative().optional(),
    /** Lower bound when a range is claimed (« plus de 33 millions » is min 33000000). */
    min: z.number().nonnegative().optional(),
    /** Upper bound when a range is claimed (« près de 40 millions » is max 40000000). */
    max: z.number().nonnegative().optional(),
    /** What is counted. */
    unit: z.enum(FIGURE_UNITS),
    /** How it is counted: referenced, exfiltrated, notified or estimated. */
    basis: z.enum(keysOf(FIGURE_BASES)),
    /** Date at which the figure was stated; with asOfPrecision month, write the 1st of the month. */
    asOf: parisDate,
    /** How precise asOf is: « day » (default) or « month » when only the month of the statement is known. */
    asOfPrecision: z.enum(['day', 'month']).default('day'),
    /** URL of the source stating it; must be one of the event's sources. */
    source: webUrl,
    /** How established the figure is. */
    status: z.enum(keysOf(STATUSES)),
    /** Short wording of the claim as the source frames it (« plus de 33 millions »), in our words. */
    wording: z.string().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.value === undefined && f.min === undefined && f.max === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'chiffre sans valeur : donnez value, ou min et/ou max' });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `intervalle inversé : min ${f.min} > max ${f.max}` });
    }
  });
export type Figure = z.output<typeof figureSchema>;
