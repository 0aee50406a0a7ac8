/** A temporary ingestion workspace for the end-to-end tests: a copy of the test content, a config, run options. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestOptions } from '../../scripts/ingest.ts';
import type { FetchOptions } from '../../scripts/pipeline/fetch/index.ts';

export const FIXTURE = join(import.meta.dirname, 'testdata', 'content');

/** A temp folder holding content/ (copied from the fixture) and sources.yaml. */
export function makeWorkspace(prefix: string, config: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(FIXTURE, join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'sources.yaml'), config);
  return { dir, content: join(dir, 'content'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Options of a run in `work`, fast and deterministic (no per-host delay, a fixed clock). */
export const ingestOptions = (work: string, fetch: Partial<FetchOptions>, over: Partial<IngestOptions> = {}): IngestOptions => ({
  config: join(work, 'sources.yaml'),
  out: join(work, 'content'),
  cache: join(work, '.cache'),
  dryRun: false,
  json: true,
  progress: false,
  now: () => new Date('2024-02-20T10:00:00Z'),
  fetchOverrides: { perHostDelayMs: 0, backoffMs: 10, ...fetch },
  ...over,
});

/** Every file under a folder with its mtime and content. */
export function fileTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out[p] = `${statSync(p).mtimeMs}:${readFileSync(p, 'utf8')}`;
  }
  return out;
}
