/**
 * The search files, as static JSON named after a hash of their content: the
 * split index (`meta-<hash>.json` and the shards it names, src/search/split.ts)
 * and the whole documents file for facets (`documents-<hash>.json`). A new
 * build gives new names, so a server may cache them forever.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchFiles } from './_files.ts';

export const getStaticPaths = (async () => {
  const { files, split } = await searchFiles();
  // The split index and the whole documents file (facets); the whole index serves only benchmarks and tests.
  return [split.meta, ...split.shards, files.documents].map((f) => ({
    params: { file: f.path.replace(/^.*\//, '').replace(/\.json$/, '') },
    props: { body: f.body },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
