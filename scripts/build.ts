/**
 * `astro build`, then a refusal of any site that would publish personal data
 * (check-dist/personal-data.ts). Exits with Astro's own code when it fails.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { reportPersonalData } from './check-dist/personal-data.ts';

const build = spawnSync('astro', ['build', ...process.argv.slice(2)], { stdio: 'inherit' });
if (build.error) console.error(`astro build n'a pas pu être lancé : ${build.error.message}`);
if (build.status !== 0) process.exit(build.status ?? 1);
process.exit(reportPersonalData(resolve(process.env.OUT_DIR ?? 'dist')) ? 0 : 1);
