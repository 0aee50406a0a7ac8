/** `npm run check` (first half): validates every entry under content/ (or CONTENT_DIR) and lists every error. */
import { resolve } from 'node:path';
import { checkContent, formatError } from '../src/lib/content-check.ts';

const dir = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const { entries, errors } = checkContent(dir);
if (errors.length) {
  console.error(`${errors.length} erreur(s) dans ${dir} :`);
  for (const e of errors) console.error(`  - ${formatError(e)}`);
  process.exit(1);
}
console.log(`Contenu valide : ${entries.length} entrées dans ${dir}.`);
