import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { entryLoader } from './entry-loader.ts';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/content');

interface Stored { id: string; data: Record<string, unknown>; body?: string; digest?: string; rendered?: { html: string }; filePath?: string }

/** Astro's loader context, reduced to what the loader uses: a map as store, markdown as a marked-up copy. */
function context(root: string) {
  const entries = new Map<string, Stored>();
  const errors: string[] = [];
  let renders = 0;
  const ctx = {
    collection: 'test',
    config: { root: pathToFileURL(`${root}/`) },
    logger: { error: (m: string) => errors.push(m), info: () => {}, warn: () => {} },
    store: {
      get: (id: string) => entries.get(id),
      set: (e: Stored) => (entries.set(e.id, e), true),
      delete: (id: string) => void entries.delete(id),
      keys: () => [...entries.keys()],
    },
    renderMarkdown: async (body: string) => (renders++, { html: `<rendu>${body.trim().slice(0, 20)}</rendu>` }),
    generateDigest: (text: string) => String(text.length) + text.slice(-40),
  } as unknown as LoaderContext;
  return { ctx, entries, errors, renders: () => renders };
}

describe('entryLoader', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'veille-loader-'));
    cpSync(FIXTURES, join(root, 'content'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores each event under its slug, with its body rendered once as HTML', async () => {
    const { ctx, entries, renders } = context(root);
    await entryLoader('events', { contentDir: join(root, 'content'), renderBody: true }).load(ctx);
    const e = entries.get('exemplis-detecte-un-acces-frauduleux')!;
    expect(e.data.title).toEqual(expect.any(String));
    expect(e.rendered!.html).toBe(`<rendu>${e.body!.trim().slice(0, 20)}</rendu>`);
    expect(e.filePath).toBe('content/events/exemplis-detecte-un-acces-frauduleux.mdx');
    expect(entries.size).toBe(4);
    expect(renders()).toBe(4);
  });

  it('keeps the raw body of articles but renders none of them', async () => {
    const { ctx, entries, renders } = context(root);
    await entryLoader('coverage', { contentDir: join(root, 'content'), renderBody: false }).load(ctx);
    expect(entries.size).toBe(5);
    for (const e of entries.values()) expect(e.rendered).toBeUndefined();
    expect([...entries.values()].some((e) => (e.body ?? '').trim().length > 0)).toBe(true);
    expect(renders()).toBe(0);
  });

  it('names a refused file, leaves it out and loads the others', async () => {
    const bad = join(root, 'content/events/exemplis-detecte-un-acces-frauduleux.mdx');
    writeFileSync(bad, readFileSync(bad, 'utf8') + '\n{process.exit(1)}\n');
    const { ctx, entries, errors } = context(root);
    await entryLoader('events', { contentDir: join(root, 'content'), renderBody: true }).load(ctx);
    expect(entries.has('exemplis-detecte-un-acces-frauduleux')).toBe(false);
    expect(entries.size).toBe(3);
    expect(errors.join('\n')).toMatch(/content\/events\/exemplis-detecte-un-acces-frauduleux\.mdx : ligne \d+ : accolade/);
  });

  it('on a second load, renders only changed files and forgets deleted ones', async () => {
    const dir = join(root, 'content/events');
    const { ctx, entries, renders } = context(root);
    const loader = entryLoader('events', { contentDir: join(root, 'content'), renderBody: true });
    await loader.load(ctx);
    const changed = join(dir, 'exemplis-annonce-1-2-million-de-personnes.mdx');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\nUne phrase ajoutée.\n`);
    unlinkSync(join(dir, 'l-autorite-fictive-ouvre-une-enquete.mdx'));
    await loader.load(ctx);
    expect(renders()).toBe(5);
    expect(entries.has('l-autorite-fictive-ouvre-une-enquete')).toBe(false);
    expect(entries.get('exemplis-annonce-1-2-million-de-personnes')!.body).toContain('Une phrase ajoutée.');
  });
});
