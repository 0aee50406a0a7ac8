/**
 * The content model in one place. Plain Zod, free of `astro:content`, so the
 * ingestion scripts and the checker validate with the very schemas the site uses.
 */
import { coverageSchema } from './coverage.ts';
import { dossierSchema } from './dossier.ts';
import { eventSchema } from './event.ts';
import { organizationSchema } from './organization.ts';
import { publisherSchema } from './publisher.ts';

export { coverageSchema, dossierSchema, eventSchema, organizationSchema, publisherSchema };
export type { CoverageData } from './coverage.ts';
export type { DossierData } from './dossier.ts';
export type { EventData } from './event.ts';
export type { OrganizationData } from './organization.ts';
export type { PublisherData } from './publisher.ts';
export type { Figure } from './figure.ts';
export type { Source } from './fields.ts';

/** Each collection: its folder under `content/`, file extensions and schema. */
export const COLLECTIONS = {
  dossiers: { dir: 'dossiers', extensions: ['.yaml', '.yml'], schema: dossierSchema },
  events: { dir: 'events', extensions: ['.mdx', '.md'], schema: eventSchema },
  coverage: { dir: 'coverage', extensions: ['.mdx', '.md'], schema: coverageSchema },
  organizations: { dir: 'organizations', extensions: ['.md', '.mdx'], schema: organizationSchema },
  publishers: { dir: 'publishers', extensions: ['.yaml', '.yml'], schema: publisherSchema },
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
