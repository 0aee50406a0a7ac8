/** Stops the build on any invalid entry, with the checker's file/field/value messages. */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { checkContent, formatError } from '../lib/content-check.ts';

export function contentCheck(): AstroIntegration {
  return {
    name: 'veille-fuites:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const dir = resolve(process.env.CONTENT_DIR ?? 'content');
        const { errors, entries } = checkContent(dir);
        if (errors.length === 0) {
          logger.info(`${entries.length} entrées valides dans ${dir}`);
          return;
        }
        const text = `${errors.length} erreur(s) dans le contenu :\n${errors.map((e) => `  - ${formatError(e)}`).join('\n')}`;
        if (command === 'build') throw new Error(text);
        logger.error(text);
      },
    },
  };
}
