/** Builds the site from a content tree into an output folder, through the same command as `npm run build`. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface BuildResult {
  ok: boolean;
  output: string;
  outDir: string;
}

export function buildSite(contentDir: string, outDir: string): BuildResult {
  const root = resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      CONTENT_DIR: resolve(contentDir),
      OUT_DIR: resolve(outDir),
      // A cache per output: builds of different content trees must not share the content layer's store.
      ASTRO_CACHE_DIR: resolve(outDir, '..', `.cache-${outDir.split('/').pop()}`),
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}`, outDir: resolve(outDir) };
}
