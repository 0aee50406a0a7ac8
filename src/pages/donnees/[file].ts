/** The open-data files under /donnees/: each table as CSV and JSON, and datapackage.json (src/opendata/). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../data/site.ts';
import { csvFile, jsonFile, openDataFiles } from '../../opendata/package.ts';
import { TABLES } from '../../opendata/tables.ts';

const TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

let files: Promise<Map<string, string>> | undefined;

export const getStaticPaths: GetStaticPaths = () =>
  [...TABLES.flatMap((t) => [csvFile(t), jsonFile(t)]), 'datapackage.json'].map((file) => ({ params: { file } }));

export const GET: APIRoute = async ({ params, site }) => {
  files ??= siteData().then((data) => openDataFiles(data, site!));
  const body = (await files).get(params.file!)!;
  return new Response(body, { headers: { 'Content-Type': TYPES[params.file!.split('.').pop()!]! } });
};
