/**
 * The synthetic French news sites of the end-to-end tests, served by one
 * local server (127.0.0.1): each site's feed, list page or sitemap, its pages
 * (the extract stage's golden pages), and the faults the run must survive.
 */
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { loadCorpus } from '../../scripts/pipeline/extract/testdata/corpus.ts';
import { startServer, staticBody, type Handler, type TestServer } from '../../scripts/pipeline/lib/test-server.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const rss = (items: { title: string; link: string; date?: string; summary?: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Flux</title><link>https://x.example/</link><description>d</description>${items
    .map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.date ? `<pubDate>${new Date(i.date).toUTCString()}</pubDate>` : ''}${i.summary ? `<description>${esc(i.summary)}</description>` : ''}</item>`)
    .join('')}</channel></rss>`;

/** A handler that compresses a fixed body, with validators. */
const compressed = (body: string | Buffer, type: string, encoding: 'gzip' | 'br'): Handler => {
  const packed = encoding === 'gzip' ? gzipSync(body) : brotliCompressSync(body);
  const etag = `"c-${packed.length}"`;
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': type, 'content-encoding': encoding, etag, 'last-modified': 'Tue, 06 Feb 2024 11:17:00 GMT' }).end(packed);
  };
};

export interface Sites {
  server: TestServer;
  /** The config (YAML) pointing at this server. */
  config: string;
  /** Feeds that must fail, with the error kind expected in their reason. */
  faults: Record<string, RegExp>;
}

export async function startSites(): Promise<Sites> {
  const pages = Object.fromEntries(loadCorpus().map((c) => [c.name, c]));
  const html = 'text/html; charset=utf-8';
  const page = (name: string): Handler => staticBody(pages[name]!.bytes, name === 'journal-ouest' ? 'text/html' : html);
  const routes: Record<string, Handler> = {
    '/robots.txt': staticBody('User-agent: *\nDisallow: /prive/\n', 'text/plain'),
    // Pages.
    '/sante-hebdo/tiers-payant-almerys-confirme-une-intrusion/20240206': compressed(pages['sante-hebdo']!.bytes, html, 'gzip'),
    '/sante-hebdo/resiliation-bilan/20240130': staticBody('<html><body><p>bilan</p></body></html>'),
    '/techactu/securite/viamedis-portail-soignants-pirate-123456.html': compressed(pages['tech-actu']!.bytes, html, 'br'),
    '/journal-ouest/economie/mutuelles-attaque-tiers-payant-cout.html': page('journal-ouest'),
    '/echo/sante/cyberattaque-tiers-payant-assures.html': page('info-locale'),
    '/mag-eco/entreprises/fuite-tiers-payant-33-millions-cnil': page('mag-eco'),
    '/mag-eco/amp/entreprises/fuite-tiers-payant-33-millions-cnil': page('mag-eco-amp'),
    '/premium/economie/article/2024/02/09/tiers-payant-enquete-failles_6215.html': page('presse-premium'),
    '/courrier/france/cyberattaques-33-millions-cnil-2024-02-07': page('depeche-a'),
    '/courrier/rugby/club-local-suspense': page('hors-sujet'),
    '/alpes/societe/2024/02/08/fuite-donnees-33-millions-tiers-payant': page('depeche-b'),
    '/portail/tech/almerys-intrusion-informatique-apres-viamedis-123.html': page('portail-actu'),
    '/blog/2024/02/14/fuite-viamedis-faux-courriel-mutuelle/': page('blog-conso'),
    // Feeds, list pages, sitemaps: one per site, of different kinds.
    '/sante-hebdo/rss.xml': staticBody(
      rss([
        { title: 'Tiers payant : Almerys confirme à son tour une intrusion', link: '/sante-hebdo/tiers-payant-almerys-confirme-une-intrusion/20240206?utm_source=rss', date: '2024-02-06T08:45:00Z', summary: 'Quelques jours après Viamedis, Almerys reconnaît un accès frauduleux.' },
        { title: 'Résiliation infra-annuelle : premier bilan', link: '/sante-hebdo/resiliation-bilan/20240130', date: '2024-01-30T07:00:00Z', summary: 'Un an après, les assureurs dressent le bilan de la résiliation à tout moment des contrats, chiffres à l’appui, avec les réserves des courtiers.' },
        { title: 'Tiers payant : une vieille histoire de Viamedis', link: '/sante-hebdo/ancien/20230101', date: '2023-01-01T07:00:00Z' },
      ]),
      'application/rss+xml',
    ),
    '/techactu/feed.atom': staticBody(
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>TechActu</title><id>t</id><updated>2024-02-02T16:30:00Z</updated><entry><title>Viamedis : le portail des soignants piraté</title><link href="/techactu/securite/viamedis-portail-soignants-pirate-123456.html"/><id>x</id><updated>2024-02-02T16:30:00Z</updated></entry></feed>`,
      'application/atom+xml',
    ),
    '/journal-ouest/rss.rdf': staticBody(
      `<?xml version="1.0" encoding="utf-8"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>JO</title><link>/</link><description>d</description></channel><item rdf:about="a"><title>Mutuelles : l'attaque contre les opérateurs de tiers payant coûtera cher</title><link>/journal-ouest/economie/mutuelles-attaque-tiers-payant-cout.html</link><dc:date>2024-02-12T07:30:00+01:00</dc:date></item></rdf:RDF>`,
      'application/rdf+xml',
    ),
    '/echo/sante/': staticBody(
      '<html><body><nav><a href="/echo/sport/resultats-du-week-end-complets">Résultats du week-end complets</a></nav><main><ul><li><a href="/echo/sante/cyberattaque-tiers-payant-assures.html">Cyberattaque au tiers payant : ce que les assurés du département doivent savoir</a></li></ul></main></body></html>',
    ),
    '/mag-eco/sitemap.xml': staticBody(
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>/mag-eco/entreprises/fuite-tiers-payant-33-millions-cnil</loc><news:news><news:publication_date>2024-02-07T19:12:00+01:00</news:publication_date><news:title>Fuite au tiers payant : 33 millions de Français concernés, selon la CNIL</news:title></news:news></url><url><loc>/mag-eco/amp/entreprises/fuite-tiers-payant-33-millions-cnil</loc><news:news><news:publication_date>2024-02-07T19:12:00+01:00</news:publication_date><news:title>Fuite au tiers payant (AMP)</news:title></news:news></url></urlset>`,
      'application/xml',
    ),
    '/premium/sitemap-index.xml': staticBody(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/premium/sitemap-news.xml</loc></sitemap></sitemapindex>`, 'application/xml'),
    '/premium/sitemap-news.xml': staticBody(
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/premium/economie/article/2024/02/09/tiers-payant-enquete-failles_6215.html</loc><lastmod>2024-02-09T06:00:00+01:00</lastmod></url></urlset>`,
      'application/xml',
    ),
    '/courrier/rss.xml': compressed(
      rss([
        { title: 'Cyberattaques : plus de 33 millions de personnes concernées, selon la CNIL', link: '/courrier/france/cyberattaques-33-millions-cnil-2024-02-07', date: '2024-02-07T17:40:00Z' },
        { title: "Rugby : le club local s'impose au bout du suspense", link: '/courrier/rugby/club-local-suspense', date: '2024-02-10T21:15:00Z' },
      ]),
      'application/rss+xml',
      'gzip',
    ),
    '/alpes/rss.xml': staticBody(rss([{ title: 'Fuite de données : 33 millions de Français concernés par une cyberattaque au tiers payant', link: '/alpes/societe/2024/02/08/fuite-donnees-33-millions-tiers-payant', date: '2024-02-08T07:05:00Z' }]), 'application/rss+xml'),
    '/portail/rss.xml': staticBody(rss([{ title: 'Après Viamedis, Almerys à son tour visé par une intrusion informatique', link: '/portail/tech/almerys-intrusion-informatique-apres-viamedis-123.html', date: '2024-02-05T20:04:00Z' }]), 'application/rss+xml'),
    '/blog/rss.xml': staticBody(rss([{ title: 'Fuite Viamedis : une lectrice reçoit un faux courriel de sa mutuelle', link: '/blog/2024/02/14/fuite-viamedis-faux-courriel-mutuelle/' }]), 'application/rss+xml'),
    // Faults.
    '/faults/flaky.xml': (q, r, n) => (n === 1 ? void r.writeHead(500).end('panne') : staticBody(rss([{ title: 'Rien de neuf', link: '/nulle-part/rien', date: '2024-02-01T00:00:00Z', summary: 'Un long résumé sans rapport avec le dossier, sur la météo de la semaine, les pluies attendues et le vent sur les côtes.' }]), 'application/rss+xml')(q, r, n)),
    '/faults/busy.xml': (q, r, n) => (n === 1 ? void r.writeHead(429, { 'retry-after': '2' }).end() : staticBody(rss([]), 'application/rss+xml')(q, r, n)),
    '/faults/slow.xml': (_q, r) => void setTimeout(() => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([])), 3000),
    '/faults/loop-a.xml': (_q, r) => void r.writeHead(302, { location: '/faults/loop-b.xml' }).end(),
    '/faults/loop-b.xml': (_q, r) => void r.writeHead(302, { location: '/faults/loop-a.xml' }).end(),
    '/faults/big.xml': (_q, r) => void r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ title: 'x'.repeat(2_500_000), link: '/x' }])),
    '/faults/doc.pdf': (_q, r) => void r.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 faux'),
    '/faults/truncated.xml': staticBody(
      rss([
        { title: 'Après Viamedis, Almerys à son tour visé par une intrusion informatique', link: '/portail/tech/almerys-intrusion-informatique-apres-viamedis-123.html', date: '2024-02-05T20:04:00Z' },
        { title: 'Un élément coupé', link: '/coupe', date: '2024-02-05T20:04:00Z' },
      ]).slice(0, -60),
      'application/rss+xml',
    ),
    '/faults/huge.xml': staticBody(
      rss(Array.from({ length: 5000 }, (_, i) => ({ title: `Brève ${i} : la météo du jour`, link: `/breves/${i}`, date: new Date(Date.UTC(2024, 1, 1) + i * 60_000).toISOString(), summary: 'Soleil le matin, nuages l’après-midi et quelques averses en soirée sur l’ensemble de la région, avec un vent faible.' }))),
      'application/rss+xml',
    ),
    '/prive/rss.xml': staticBody(rss([]), 'application/rss+xml'),
  };
  const server = await startServer(routes);
  const o = server.origin;
  const config = `# Configuration des tests de bout en bout (serveur local ${o}).
feeds:
  - { url: ${o}/sante-hebdo/rss.xml, publisher: sante-hebdo }
  - { url: ${o}/techactu/feed.atom, publisher: techactu }
  - { url: ${o}/journal-ouest/rss.rdf, publisher: journal-ouest }
  - { url: ${o}/courrier/rss.xml, publisher: courrier-du-sud }
  - { url: ${o}/alpes/rss.xml, publisher: info-alpes }
  - { url: ${o}/portail/rss.xml, publisher: portail-actu }
  - { url: ${o}/blog/rss.xml, publisher: blog-conso }
  - ${o}/absent/rss.xml
  - ${o}/faults/flaky.xml
  - ${o}/faults/busy.xml
  - ${o}/faults/slow.xml
  - ${o}/faults/loop-a.xml
  - ${o}/faults/big.xml
  - ${o}/faults/doc.pdf
  - { url: ${o}/faults/truncated.xml, publisher: portail-actu }
  - ${o}/faults/huge.xml
  - ${o}/prive/rss.xml
lists:
  - { url: ${o}/echo/sante/, publisher: echo-du-bocage }
sitemaps:
  - { url: ${o}/mag-eco/sitemap.xml, publisher: mag-eco }
  - { url: ${o}/premium/sitemap-index.xml, publisher: quotidien-premium }
publishers:
  info-alpes:
    name: Info Alpes
    domains: [info-alpes.example]
  sante-hebdo:
    hints:
      remove: ['.post-meta']
fetch:
  timeoutMs: 1000
  maxBytes: 2000000
  retries: 2
pii:
  allowEmails: ['@mutuelle-exemple.fr']
`;
  const faults: Record<string, RegExp> = {
    [`${o}/absent/rss.xml`]: /^fetch: réponse HTTP 404/,
    [`${o}/faults/slow.xml`]: /^fetch: pas de réponse complète en 1000 ms/,
    [`${o}/faults/loop-a.xml`]: /^fetch: boucle de redirections/,
    [`${o}/faults/big.xml`]: /^fetch: corps .*limite/,
    [`${o}/faults/doc.pdf`]: /^fetch: type de contenu « application\/pdf » refusé/,
    [`${o}/prive/rss.xml`]: /^fetch: interdit par robots\.txt/,
  };
  return { server, config, faults };
}
