/** Organisations (`content/organizations/*.md`): operators, insurers, regulators... */
import { z } from 'zod';
import { ORGANIZATION_KINDS, RELATION_TYPES, keysOf } from './vocabulary.ts';
import { citedUrl, slugRef, webUrl } from './fields.ts';

/** A directed relation to another organisation, with the source that states it. */
export const relationSchema = z
  .strictObject({
  /** Kind of relation, read « this organisation <type> target ». */
  type: z.enum(keysOf(RELATION_TYPES)),
  /** Slug of the other organisation. */
  target: slugRef('organizations'),
  /** URL of the page stating the relation. */
  source: webUrl,
  /** False when the source could not be found again: give a verified one too, or say the relation is unconfirmed in note. */
  verified: z.boolean().default(true),
  /** Optional nuance (« selon l'AFP »); required when the source is not verified. */
  note: z.string().optional(),
  })
  .refine((r) => r.verified || r.note, { message: 'source non retrouvée (verified: false) : dites dans note que la relation n’est pas confirmée', path: ['note'] });

export const organizationSchema = z.strictObject({
  /** Name as the organisation writes it. */
  name: z.string().min(1),
  /** Other spellings and names used in the press, for matching articles and search. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Kind of organisation. */
  kind: z.enum(keysOf(ORGANIZATION_KINDS)),
  /** Official website. */
  website: webUrl.optional(),
  /** Relations to other organisations. */
  relations: z.array(relationSchema).default([]),
  /** One-paragraph description in our words. */
  description: z.string().min(1),
  /** Sources for the description: URLs, or `{ url, verified: false }` for a page not found again. */
  sources: z.array(citedUrl).default([]),
});
export type OrganizationData = z.output<typeof organizationSchema>;
