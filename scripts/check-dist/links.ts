/**
 * Links of a built site: every internal link and anchor leads somewhere (a
 * page, a file, an element with that id), and every external link is http(s)
 * (no javascript:, data:, file: or other scheme a hostile source could slip in;
 * mailto: links are allowed, their addresses go through the personal-data check).
 * Links to the site's own public address count as internal.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { builtFiles } from './files.ts';

export interface LinkReport {
  pages: number;
  links: number;
  problems: string[];
}

const LINKING = [
  ['a', 'href'],
  ['area', 'href'],
  ['link', 'href'],
  ['script', 'src'],
  ['img', 'src'],
  ['source', 'src'],
  ['iframe', 'src'],
  ['form', 'action'],
] as const;

/** The built file an address path leads to, or undefined. */
function targetFile(dist: string, pathname: string): string | undefined {
  const path = join(dist, decodeURIComponent(pathname));
  if (existsSync(path) && statSync(path).isFile()) return path;
  if (existsSync(join(path, 'index.html'))) return join(path, 'index.html');
  return undefined;
}

/** Page path (« evenements/x/index.html ») to its address (« /evenements/x/ »). */
const pageUrl = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

export function checkLinks(dist: string, siteUrl: string): LinkReport {
  const site = new URL(siteUrl);
  const pages = builtFiles(dist, ['.html']);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const $ = cheerio.load(readFileSync(file, 'utf8'));
      set = new Set($('[id]').map((_, el) => $(el).attr('id')!).get());
      $('a[name]').each((_, el) => void set!.add($(el).attr('name')!));
      ids.set(file, set);
    }
    return set;
  };
  const problems: string[] = [];
  let links = 0;
  for (const page of pages) {
    const $ = cheerio.load(readFileSync(join(dist, page), 'utf8'));
    const base = new URL(pageUrl(page), site);
    for (const [tag, attr] of LINKING) {
      $(`${tag}[${attr}]`).each((_, el) => {
        const raw = $(el).attr(attr)!;
        links++;
        let url: URL;
        try {
          url = new URL(raw, base);
        } catch {
          problems.push(`${page} : adresse illisible dans <${tag} ${attr}> « ${raw} »`);
          return;
        }
        if (url.origin !== site.origin) {
          // mailto: stays possible for public contacts (whose addresses the personal-data check vets).
          const allowed = url.protocol === 'https:' || url.protocol === 'http:' || (tag === 'a' && url.protocol === 'mailto:');
          if (!allowed) problems.push(`${page} : lien externe non http(s) dans <${tag} ${attr}> « ${raw.slice(0, 80)} »`);
          return;
        }
        const file = targetFile(dist, url.pathname);
        if (!file) {
          problems.push(`${page} : lien interne cassé <${tag} ${attr}="${raw}">`);
          return;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) problems.push(`${page} : ancre absente « #${fragment} » dans ${url.pathname}`);
      });
    }
  }
  return { pages: pages.length, links, problems };
}
