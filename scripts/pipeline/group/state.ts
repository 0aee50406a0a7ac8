/**
 * What grouping remembers between runs (in the cache folder): each written
 * article's story and text signature, so a copy met later joins its story.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GroupState {
  version: 1;
  articles: Record<string, { story: string; signature: number[] }>;
}

export const stateFile = (cacheDir: string) => join(cacheDir, 'ingest-state.json');

/** The state left by the last run; an empty one on the first run or when unreadable. */
export function readGroupState(cacheDir: string): GroupState {
  try {
    const s = JSON.parse(readFileSync(stateFile(cacheDir), 'utf8')) as GroupState;
    if (s.version === 1 && s.articles) return s;
  } catch {
    /* first run */
  }
  return { version: 1, articles: {} };
}

/** Saves the state atomically. */
export function saveGroupState(cacheDir: string, state: GroupState): void {
  mkdirSync(cacheDir, { recursive: true });
  const path = stateFile(cacheDir);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, path);
}
