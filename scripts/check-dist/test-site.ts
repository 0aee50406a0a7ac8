/** Tests: small built sites written to temporary folders, removed after each test. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/** Returns `site(files)`: writes each path → text and gives the folder. */
export function tempSites(): (files: Record<string, string>) => string {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  return (files) => {
    const dist = mkdtempSync(join(tmpdir(), 'veille-dist-'));
    dirs.push(dist);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), text);
    }
    return dist;
  };
}
