/**
 * `astro build` with its output filtered: Astro 7 prints a ~10-line
 * MODULE_LEVEL_DIRECTIVE warning per MDX entry (an upstream issue), which would
 * drown real errors. Exits with Astro's own code; then refuses a site that would
 * publish personal data (check-dist/personal-data.ts).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { reportPersonalData } from './check-dist/personal-data.ts';

const child = spawn('astro', ['build', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, FORCE_COLOR: '0' },
});

let skipping = false;
let hidden = 0;
const filter = (line: string) => {
  if (line.includes('MODULE_LEVEL_DIRECTIVE')) {
    skipping = true;
    hidden++;
    return;
  }
  if (skipping) {
    if (/^\s*(?:[│╭╰─┬]|\d+\s*│|Help:)/.test(line) || line.trim() === '' || line.includes('───╯')) return;
    skipping = false;
  }
  console.log(line);
};
createInterface({ input: child.stdout }).on('line', filter);
createInterface({ input: child.stderr }).on('line', filter);
child.on('close', (code) => {
  if (hidden) console.log(`(${hidden} avertissement(s) MODULE_LEVEL_DIRECTIVE masqué(s) : problème connu d'Astro 7 avec MDX)`);
  if (code !== 0) process.exit(code ?? 1);
  process.exit(reportPersonalData(resolve(process.env.OUT_DIR ?? 'dist')) ? 0 : 1);
});
