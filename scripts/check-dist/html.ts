/**
 * Every built page through html-validate with the project's configuration
 * (.htmlvalidate.json: the recommended rules and the few documented exceptions).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { builtFiles } from './files.ts';

const CONFIG = resolve(import.meta.dirname, '../../.htmlvalidate.json');

export async function validatePages(dist: string): Promise<{ pages: number; problems: string[] }> {
  const validator = new HtmlValidate(JSON.parse(readFileSync(CONFIG, 'utf8')) as ConfigData);
  const pages = builtFiles(dist, ['.html']);
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(readFileSync(join(dist, page), 'utf8'), page);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId} : ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
    }
  }
  return { pages: pages.length, problems };
}
