/**
 * The search documents and the prebuilt Fuse index, as static JSON files named
 * after a hash of their content (`/recherche/documents-<hash>.json`,
 * `/recherche/index-<hash>.json`): a new build gives new names, so a server may
 * cache them forever.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchFiles } from './_files.ts';

export const getStaticPaths = (async () => {
  const { files } = await searchFiles();
  return [files.documents, files.index].map((f) => ({
    params: { file: f.path.replace(/^.*\//, '').replace(/\.json$/, '') },
    props: { body: f.body },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
