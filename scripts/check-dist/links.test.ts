import { describe, expect, it } from 'vitest';
import { tempSites } from './test-site.ts';
import { checkLinks } from './links.ts';
import { validatePages } from './html.ts';

const site = tempSites();

const page = (body: string, title = 'Page') =>
  `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

describe('checkLinks', () => {
  it('accepts pages, files, anchors, the site address and http(s) links', () => {
    const dist = site({
      'index.html': page('<a href="/a/">a</a> <a href="/a/#x">x</a> <a href="#top" id="top">haut</a> <a href="https://veille-fuites.example/a/">abs</a> <a href="http://exemple.fr/">ext</a> <a href="mailto:presse@exemple.fr">presse</a> <link href="/rss.xml">'),
      'a/index.html': page('<h2 id="x">X</h2><a href="../">retour</a>'),
      'rss.xml': '<rss/>',
    });
    expect(checkLinks(dist, 'https://veille-fuites.example')).toEqual({ pages: 2, links: 8, problems: [] });
  });

  it('names the page and the link for a missing page, a missing anchor and a non-http scheme', () => {
    const dist = site({
      'index.html': page('<a href="/absent/">a</a> <a href="/b/#nulle-part">b</a> <a href="javascript:alert(1)">j</a> <a href="data:text/html,x">d</a> <a href="tel:+33612345678">t</a>'),
      'b/index.html': page('<p id="ici">b</p>'),
    });
    expect(checkLinks(dist, 'https://veille-fuites.example').problems).toEqual([
      'index.html : lien interne cassé <a href="/absent/">',
      'index.html : ancre absente « #nulle-part » dans /b/',
      'index.html : lien externe non http(s) dans <a href> « javascript:alert(1) »',
      'index.html : lien externe non http(s) dans <a href> « data:text/html,x »',
      'index.html : lien externe non http(s) dans <a href> « tel:+33612345678 »',
    ]);
  });
});

describe('validatePages', () => {
  it('names the page, line and rule of each problem', async () => {
    const dist = site({
      'ok/index.html': page('<main><p>Bien.</p></main>'),
      'ko/index.html': page('<main><p>Mal <div>bloc</div></main><button>x</button>'),
    });
    const { pages, problems } = await validatePages(dist);
    expect(pages).toBe(2);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => !p.startsWith('ko/index.html:1:'))).toEqual([]);
    expect(problems.join('\n')).toMatch(/no-implicit-button-type|element-permitted-content|close-order/);
  });
});
