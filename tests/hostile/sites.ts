/**
 * The hostile corpus served on loopback for ingestion: one feed item per input
 * (title and summary carry it, XML-escaped, so the parser hands it over whole)
 * linking to a page that carries it raw (real tags, raw bytes) in its title,
 * heading, byline, text and a link. Beside it: a feed of 50,000 items, an XML
 * entity bomb, a feed with raw invalid UTF-8, and a page nested 20,000 deep.
 * The surrounding text is ours: a plausible article about the dossier, so the
 * relevance filter keeps the items and the payload reaches every stage.
 */
import { startServer, staticBody, type Handler, type TestServer } from '../../scripts/pipeline/lib/test-server.ts';
import { asText, HOSTILE, type HostileInput } from './corpus.ts';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string) => xml(s).replace(/"/g, '&quot;');
const raw = (input: HostileInput) => Buffer.from(typeof input.text === 'string' ? input.text : input.text);

const PARAGRAPHS = [
  'Les opérateurs de tiers payant Viamedis et Almerys ont confirmé début février 2024 une intrusion dans leurs systèmes, après le vol d’identifiants de professionnels de santé.',
  'Selon la CNIL, plus de 33 millions de personnes sont concernées par cette cyberattaque : état civil, date de naissance, numéro de sécurité sociale, nom de l’assureur et garanties du contrat.',
  'Les assurés sont invités à se méfier des courriels, appels et SMS frauduleux qui pourraient exploiter ces données, et à ne jamais communiquer leurs coordonnées bancaires.',
];

export const pagePath = (input: HostileInput) => `/presse/hostile/${input.id}.html`;
const day = (i: number) => `2024-02-${String(6 + (i % 20)).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00+01:00`;

function page(input: HostileInput, i: number): Buffer {
  const r = raw(input);
  const t = asText(input);
  return Buffer.concat([
    Buffer.from(`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Cyberattaque Viamedis et Almerys : `),
    r,
    Buffer.from(`</title><meta name="author" content="${attr(t)}"><meta property="article:published_time" content="${day(i)}"></head><body><article><h1>Cyberattaque Viamedis et Almerys, tiers payant : `),
    r,
    Buffer.from(`</h1><p class="byline">Par `),
    r,
    Buffer.from(`</p><time datetime="${day(i)}">${day(i).slice(0, 10)}</time><p>${PARAGRAPHS[0]}</p><p>`),
    r,
    Buffer.from(`</p><p>${PARAGRAPHS[1]}</p><p><a href="${attr(t)}">Lien de la source</a></p><p>${PARAGRAPHS[2]}</p></article></body></html>`),
  ]);
}

const rssItem = (title: string, link: string, date: string, summary: string) =>
  `<item><title>${xml(title)}</title><link>${xml(link)}</link><pubDate>${new Date(date).toUTCString()}</pubDate><description>${xml(summary)}</description></item>`;
const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Presse hostile</title><link>http://127.0.0.1/</link><description>d</description>${items}</channel></rss>`;

/** Billion laughs: ten levels of ten references, 10^10 « ha » if a parser expanded them. */
const ENTITY_BOMB = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">${Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>Bombe &l10;</title><link>http://127.0.0.1/</link><description>&l10;</description><item><title>Viamedis tiers payant &l10;</title><link>/presse/hostile/bombe.html</link><description>&l10;</description></item></channel></rss>`;

export interface HostileSites {
  server: TestServer;
  config: string;
  /** Feed URL of each special source. */
  feeds: { corpus: string; huge: string; bomb: string; rawBytes: string; nested: string };
}

export async function startHostileSites(hugeItems = 50_000): Promise<HostileSites> {
  const routes: Record<string, Handler> = {
    '/robots.txt': staticBody('User-agent: *\nAllow: /\n', 'text/plain'),
    '/presse/rss.xml': staticBody(
      rss(HOSTILE.map((input, i) => rssItem(`Viamedis, Almerys et le tiers payant : ${asText(input)}`, pagePath(input), day(i), `${PARAGRAPHS[0]} ${asText(input)}`)).join('')),
      'application/rss+xml',
    ),
    '/volume/rss.xml': staticBody(
      rss(Array.from({ length: hugeItems }, (_, i) => `<item><title>Brève ${i}</title><link>/volume/${i}</link></item>`).join('')),
      'application/rss+xml',
    ),
    '/bombe/rss.xml': staticBody(ENTITY_BOMB, 'application/rss+xml'),
    // A feed whose bytes are invalid UTF-8 where the title should be (not escaped: the bytes themselves).
    '/octets/rss.xml': staticBody(
      Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Octets</title><link>http://127.0.0.1/</link><description>d</description><item><title>Viamedis '), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from(' tiers payant</title><link>/presse/hostile/invalid-utf8.html</link></item></channel></rss>')]),
      'application/rss+xml',
    ),
    '/profond/rss.xml': staticBody(rss(rssItem('Viamedis et Almerys : le tiers payant en profondeur', '/profond/page.html', day(3), PARAGRAPHS[1]!)), 'application/rss+xml'),
    '/profond/page.html': staticBody(`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Viamedis en profondeur</title></head><body><article><h1>Viamedis et Almerys : le tiers payant en profondeur</h1><p>${PARAGRAPHS[0]}</p>${'<div><span>'.repeat(10_000)}${PARAGRAPHS[1]}${'</span></div>'.repeat(10_000)}<p>${PARAGRAPHS[2]}</p></article></body></html>`),
  };
  HOSTILE.forEach((input, i) => {
    routes[pagePath(input)] = staticBody(page(input, i), 'text/html; charset=utf-8');
  });
  const server = await startServer(routes);
  const o = server.origin;
  const feeds = { corpus: `${o}/presse/rss.xml`, huge: `${o}/volume/rss.xml`, bomb: `${o}/bombe/rss.xml`, rawBytes: `${o}/octets/rss.xml`, nested: `${o}/profond/rss.xml` };
  const config = `# Corpus hostile (serveur local ${o}).
feeds:
  - { url: ${feeds.corpus}, publisher: presse-hostile }
  - { url: ${feeds.huge}, publisher: presse-hostile }
  - { url: ${feeds.bomb}, publisher: presse-hostile }
  - { url: ${feeds.rawBytes}, publisher: presse-hostile }
  - { url: ${feeds.nested}, publisher: presse-hostile }
publishers:
  presse-hostile:
    name: Presse hostile
    domains: [presse-hostile.example]
fetch:
  timeoutMs: 5000
limits:
  maxItemsPerSource: ${HOSTILE.length + 10}
`;
  return { server, config, feeds };
}
