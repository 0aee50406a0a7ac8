/**
 * Astro collections over `content/` (or CONTENT_DIR, for fixture builds). The
 * only file that imports astro:content: schemas live in src/schemas/ so scripts
 * share them. References are slugs, checked with clear messages by
 * src/lib/content-check.ts before every build (src/integrations/content-check.ts).
 * Entries are read by src/data/entry-loader.ts: bodies are text, rendered as
 * Markdown only where a page shows them (events).
 */
import { defineCollection } from 'astro:content';
import { entryLoader } from './data/entry-loader.ts';
import { coverageSchema, dossierSchema, eventSchema, organizationSchema, publisherSchema } from './schemas/index.ts';

const contentDir = process.env.CONTENT_DIR ?? './content';

export const collections = {
  dossiers: defineCollection({ loader: entryLoader('dossiers', { contentDir, renderBody: false }), schema: dossierSchema }),
  events: defineCollection({ loader: entryLoader('events', { contentDir, renderBody: true }), schema: eventSchema }),
  coverage: defineCollection({ loader: entryLoader('coverage', { contentDir, renderBody: false }), schema: coverageSchema }),
  organizations: defineCollection({ loader: entryLoader('organizations', { contentDir, renderBody: false }), schema: organizationSchema }),
  publishers: defineCollection({ loader: entryLoader('publishers', { contentDir, renderBody: false }), schema: publisherSchema }),
};
