/**
 * The Content-Security-Policy <meta> of every built page: present once, before
 * anything it governs (scripts, styles, stylesheets), strict (the directives
 * the site relies on, never 'unsafe-inline' or 'unsafe-eval').
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { builtFiles } from './files.ts';

/** Directive → sources every page's policy must have exactly. */
export const REQUIRED: Record<string, string> = {
  'default-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'worker-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self'",
};

export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

export function checkCsp(dist: string): { pages: number; problems: string[] } {
  const pages = builtFiles(dist, ['.html']);
  const problems: string[] = [];
  for (const page of pages) {
    const $ = cheerio.load(readFileSync(join(dist, page), 'utf8'));
    const metas = $('meta[http-equiv="content-security-policy" i]');
    if (metas.length !== 1) {
      problems.push(`${page} : ${metas.length} <meta> Content-Security-Policy (une attendue)`);
      continue;
    }
    const governed = $('head script, head style, head link[rel="stylesheet"], head link[rel="modulepreload"]').first();
    if (governed.length && governed.index() < metas.index()) problems.push(`${page} : la <meta> CSP vient après <${governed.prop('tagName')!.toLowerCase()}>`);
    const policy = parsePolicy(metas.attr('content') ?? '');
    for (const [name, sources] of Object.entries(REQUIRED)) {
      if (policy.get(name)?.join(' ') !== sources) problems.push(`${page} : ${name} devrait être ${sources} (trouvé : ${policy.get(name)?.join(' ') ?? 'absent'})`);
    }
    for (const name of ['script-src', 'style-src']) {
      const sources = policy.get(name);
      if (!sources?.includes("'self'")) problems.push(`${page} : ${name} absent ou sans 'self'`);
      const loose = sources?.filter((s) => /^'unsafe-|^\*$|^https?:$|^data:$/.test(s)) ?? [];
      if (loose.length) problems.push(`${page} : ${name} autorise ${loose.join(' ')}`);
    }
    for (const [name, sources] of policy) if (sources.some((s) => /'unsafe-(inline|eval|hashes)'/.test(s))) problems.push(`${page} : ${name} contient ${sources.join(' ')}`);
  }
  return { pages: pages.length, problems: [...new Set(problems)] };
}
