/**
 * Astro loader for one collection of `content/`: each file read and checked by
 * the content checker's own `checkFile` (same YAML reading, schema and body
 * rules) and stored, as the schema parsed it, under its slug (the file name,
 * as references name it).
 *
 * Bodies are text, never code: the checker refuses braces, tags and
 * import/export lines in them (entry-body.ts). So a body that a page shows is
 * rendered here as Markdown, to HTML, once, and no body is compiled as an MDX
 * module: compiling and bundling one JavaScript module per entry was the
 * largest cost of a big build, paid even for articles whose body no page renders
 * (their summary is read from the raw text).
 */
import { readFileSync } from 'node:fs';
import { basename, extname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { checkFile, formatError, isIgnoredName, listFiles } from '../lib/content-check.ts';

export interface EntryLoaderOptions {
  /** Folder holding the collections (`content/`, or a fixture tree). */
  contentDir: string;
  /** Render the body to HTML for `render(entry)`: only for collections whose pages show it. */
  renderBody: boolean;
}

export function entryLoader(collection: CollectionName, { contentDir, renderBody }: EntryLoaderOptions): Loader {
  const spec = COLLECTIONS[collection];
  const dir = resolve(contentDir, spec.dir);
  const accepts = (path: string) =>
    (spec.extensions as readonly string[]).includes(extname(path)) && !isIgnoredName(basename(path)) && !relative(dir, path).startsWith('..');

  return {
    name: 'veille-fuites:entries',
    load: async (context: LoaderContext) => {
      const { store, config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const slugOf = (path: string) => basename(path, extname(path));

      /** Reads one file into the store; false when the checker refused it (the build has already stopped on it). */
      async function sync(path: string): Promise<boolean> {
        const text = readFileSync(path, 'utf8');
        const id = slugOf(path);
        const digest = context.generateDigest(text);
        if (store.get(id)?.digest === digest) return true;
        const checked = checkFile(collection, path, relative(root, path), text);
        if (!checked.data || checked.errors.length > 0) {
          for (const e of checked.errors) logger.error(formatError(e));
          return false;
        }
        // checkFile has parsed the data with the collection's own schema: Astro's parseData would do it again.
        const body = checked.body ?? '';
        store.set({
          id,
          data: checked.data,
          body,
          filePath: relative(root, path),
          digest,
          ...(renderBody ? { rendered: await context.renderMarkdown(body, { fileURL: pathToFileURL(path) }) } : {}),
        });
        return true;
      }

      const files = listFiles(dir).filter(accepts);
      const present = new Set(files.map(slugOf));
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      for (const path of files) await sync(path);

      // `astro dev`: follow editors' changes as the glob loader did.
      if (!watcher) return;
      watcher.add(dir);
      const reload = async (path: string) => {
        if (!accepts(path)) return;
        try {
          if (await sync(path)) logger.info(`${relative(root, path)} relu`);
        } catch (error) {
          logger.error(`${relative(root, path)} : ${(error as Error).message}`);
        }
      };
      watcher.on('change', reload);
      watcher.on('add', reload);
      watcher.on('unlink', (path) => {
        if (accepts(path)) store.delete(slugOf(path));
      });
    },
  };
}
