/** The built /donnees/: the files the open-data builder gives for the same content, and a page that links them. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';
import { recordFromEntries } from '../../src/lib/record.ts';
import { openDataFiles } from '../../src/opendata/package.ts';

const root = resolve(import.meta.dirname, '../..');

describe.each([
  ['shipped', () => inject('shippedDist'), resolve(root, 'content')],
  ['fixture', () => inject('fixtureDist'), resolve(root, 'tests/fixtures/content')],
])('%s /donnees/', (_name, dist, content) => {
  const expected = openDataFiles(recordFromEntries(checkContent(content).entries), new URL(process.env.SITE_URL ?? 'https://veille-fuites.example'));

  it('publishes every file, byte for byte what the builder gives for this content', () => {
    for (const [name, body] of expected) {
      const file = join(dist(), 'donnees', name);
      expect(existsSync(file), name).toBe(true);
      expect(readFileSync(file, 'utf8'), name).toBe(body);
    }
  });

  it('links every file from the page, states the licence and the version', () => {
    const html = readFileSync(join(dist(), 'donnees/index.html'), 'utf8');
    for (const name of expected.keys()) expect(html).toContain(`href="/donnees/${name}"`);
    expect(html).toContain('Licence Ouverte / Open Licence version 2.0');
    expect(html).toMatch(/Version <strong[^>]*>\d+\.\d+\.\d+<\/strong>/);
  });
});
