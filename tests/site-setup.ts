/**
 * Global setup of the « site » test project: builds the shipped content and
 * the fixture content once (sequentially: Astro builds share `.astro/`), then
 * serves the shipped build for the browser tests.
 */
import { rmSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './support/build-site.ts';
import { serveStatic } from './support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    shippedDist: string;
    fixtureDist: string;
    siteUrl: string;
  }
}

const root = resolve(import.meta.dirname, '..');
export const SITE_TMP = resolve(root, 'tmp/site-tests');

export default async function setup(project: TestProject) {
  rmSync(SITE_TMP, { recursive: true, force: true });
  mkdirSync(SITE_TMP, { recursive: true });
  for (const [name, content] of [
    ['shipped', resolve(root, 'content')],
    ['fixture', resolve(root, 'tests/fixtures/content')],
  ] as const) {
    const result = buildSite(content, resolve(SITE_TMP, name));
    if (!result.ok) throw new Error(`build of ${name} content failed:\n${result.output.slice(-4000)}`);
  }
  const server = await serveStatic(resolve(SITE_TMP, 'shipped'));
  project.provide('shippedDist', resolve(SITE_TMP, 'shipped'));
  project.provide('fixtureDist', resolve(SITE_TMP, 'fixture'));
  project.provide('siteUrl', server.url);
  return () => server.close();
}
