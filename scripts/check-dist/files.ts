/** The files of a built site, by extension, as paths relative to its root. */
import { readdirSync } from 'node:fs';
import { extname } from 'node:path';

export function builtFiles(dist: string, extensions: readonly string[]): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && extensions.includes(extname(d.name)))
    .map((d) => `${d.parentPath.slice(dist.length).replace(/^[/\\]/, '')}/${d.name}`.replace(/^\//, ''))
    .sort();
}
