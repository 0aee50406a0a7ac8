/**
 * Astro collections over `content/` (or CONTENT_DIR, for fixture builds). The
 * only file that imports astro:content: schemas live in src/schemas/ so scripts
 * share them. References are slugs, checked with clear messages by
 * src/lib/content-check.ts before every build (src/integrations/content-check.ts).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS, coverageSchema, dossierSchema, eventSchema, organizationSchema, publisherSchema } from './schemas/index.ts';

const root = process.env.CONTENT_DIR ?? './content';
const files = (name: keyof typeof COLLECTIONS) => {
  const spec = COLLECTIONS[name];
  return glob({ pattern: `**/[^_.]*.{${spec.extensions.map((e) => e.slice(1)).join(',')}}`, base: `${root}/${spec.dir}` });
};

export const collections = {
  dossiers: defineCollection({ loader: files('dossiers'), schema: dossierSchema }),
  events: defineCollection({ loader: files('events'), schema: eventSchema }),
  coverage: defineCollection({ loader: files('coverage'), schema: coverageSchema }),
  organizations: defineCollection({ loader: files('organizations'), schema: organizationSchema }),
  publishers: defineCollection({ loader: files('publishers'), schema: publisherSchema }),
};
