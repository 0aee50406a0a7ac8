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
import { coverageSchema, dossierSchema, eventSchema, organizationSchema, publisherSchema, type CollectionName } from './schemas/index.ts';

const contentDir = process.env.CONTENT_DIR ?? './content';
const entries = (name: CollectionName, renderBody = false) => entryLoader(name, { contentDir, renderBody });

export const collections = {
  dossiers: defineCollection({ loader: entries('dossiers'), schema: dossierSchema }),
  events: defineCollection({ loader: entries('events', true), schema: eventSchema }),
  coverage: defineCollection({ loader: entries('coverage'), schema: coverageSchema }),
  organizations: defineCollection({ loader: entries('organizations'), schema: organizationSchema }),
  publishers: defineCollection({ loader: entries('publishers'), schema: publisherSchema }),
};
