/** The boilerplate rules around Readability, on small pages written for these tests. */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { cleanArticle, cleanPage, isBoilerplateParagraph, isDateLine, removeLabelledBlocks } from './boilerplate.ts';
import { extractArticle, stripInert } from './index.ts';
import { confineTo, regionOf } from './main-text.ts';

const doc = (body: string) => parseHTML(`<html><head><title>Essai</title></head><body>${body}</body></html>`).document as unknown as Document;
const text = (d: Document) => (d.body.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A paragraph of plausible article text, numbered so each one can be found. */
const para = (n: number) =>
  `<p>Paragraphe ${n} : l’opérateur de tiers payant a confirmé l’intrusion, les assurés concernés recevront un courrier, et la CNIL a été saisie dans les délais prévus par le règlement.</p>`;
const article = (n: number) => Array.from({ length: n }, (_, i) => para(i + 1)).join('');
const page = (body: string, head = '') => `<html lang="fr"><head><title>Un titre d'essai</title>${head}</head><body>${body}</body></html>`;

describe('labelled blocks', () => {
  it('drops « À lire aussi » and the links it introduces, without any class names', () => {
    const d = doc(`<div>${para(1)}<h3>À lire aussi</h3><ul><li><a href="/a">Une autre fuite chez un assureur</a></li><li><a href="/b">Le point sur les plaintes</a></li></ul>${para(2)}</div>`);
    removeLabelledBlocks(d.body);
    expect(text(d)).not.toMatch(/lire aussi|autre fuite|point sur les plaintes/i);
    expect(text(d)).toContain('Paragraphe 2');
  });

  it('drops an inline « Lire aussi : » teaser paragraph', () => {
    const d = doc(`<div>${para(1)}<p><strong>Lire aussi :</strong> <a href="/x">Fuite de données : ce que risquent les assurés</a></p>${para(2)}</div>`);
    removeLabelledBlocks(d.body);
    expect(text(d)).not.toMatch(/ce que risquent/);
    expect(text(d)).toContain('Paragraphe 1');
  });

  it('drops a related block whose label is in English or German', () => {
    for (const label of ['Related stories', 'Lesen Sie auch', 'Weitere Artikel', 'More from this author']) {
      const d = doc(`<div>${para(1)}<section><h2>${label}</h2><p><a href="/a">Un titre de lien assez long pour compter</a></p></section></div>`);
      removeLabelledBlocks(d.body);
      expect(text(d), label).not.toContain('titre de lien');
    }
  });

  it('keeps a paragraph after a label that is not made of links', () => {
    const d = doc(`<div>${para(1)}<h3>Voir aussi</h3>${para(2)}</div>`);
    removeLabelledBlocks(d.body);
    expect(text(d)).toContain('Paragraphe 2');
    expect(text(d)).not.toContain('Voir aussi');
  });

  it('drops an author bio opened by its label, but not the article before it in the same box', () => {
    const d = doc(`<div>${para(1)}${para(2)}<h4>À propos de l’auteur</h4><p>Camille Exemple couvre la santé numérique depuis dix ans.</p></div>`);
    removeLabelledBlocks(d.body);
    expect(text(d)).not.toContain('Camille Exemple');
    expect(text(d)).toContain('Paragraphe 2');
    const boxed = doc(`${para(1)}<div class="x"><h4>About the author</h4><p>Sam Example writes about data protection.</p></div>`);
    removeLabelledBlocks(boxed.body);
    expect(text(boxed)).toBe(text(doc(para(1))));
  });

  it('drops a share bar with its label and buttons, and a newsletter box', () => {
    const d = doc(`${para(1)}<div><span>Partager</span><a href="/fb">Facebook</a><a href="/x">X</a></div><div><p>Newsletter</p><p>Chaque matin, l’essentiel.</p></div>`);
    removeLabelledBlocks(d.body);
    expect(text(d)).not.toMatch(/Partager|Facebook|Newsletter|essentiel/);
    expect(text(d)).toContain('Paragraphe 1');
  });
});

describe('page and article cleaning', () => {
  it('drops scripts, forms controls, hidden blocks and navigation before Readability', () => {
    const d = doc(`<nav><a href="/">Accueil</a></nav><div hidden>Caché</div><div style="display: none">Masqué</div><script>var x = 1;</script><main>${para(1)}</main><footer>Mentions légales</footer>`);
    cleanPage(d, { paywalled: false });
    expect(text(d)).toBe(text(doc(para(1))));
  });

  it('unmasks an article that broken markup left inside an unclosed header', () => {
    const d = doc(`<header class="site-header" role="banner"><a href="/">Logo</a><main><article>${article(6)}</article></main>`);
    cleanPage(d, { paywalled: false });
    expect(text(d)).toContain('Paragraphe 6');
    expect(d.querySelector('[role=banner]')).toBeNull();
  });

  it('keeps the article’s own header with its title and standfirst', () => {
    const d = doc(`<article><header><h1>Le titre</h1><p class="chapo">Le chapô de l’article, en une phrase.</p></header>${para(1)}</article>`);
    cleanPage(d, { paywalled: false });
    expect(text(d)).toContain('Le chapô');
  });

  it('drops share, related and bio blocks Readability keeps because they also say « article »', () => {
    const d = doc(`<div id="root">${article(5)}<div class="article-share"><a href="/f">Facebook</a></div><div class="article__related"><a href="/r">Autre article</a></div><div class="author-bio">Camille Exemple, journaliste.</div><figure><img src="a.jpg"><figcaption>Le siège de l’opérateur. Photo d’illustration.</figcaption></figure></div>`);
    const flags = { paywalled: false };
    cleanArticle(d.getElementById('root')!, flags);
    expect(text(d)).not.toMatch(/Facebook|Autre article|Camille|siège/);
    expect(text(d)).toContain('Paragraphe 5');
    expect(flags.paywalled).toBe(false);
  });

  it('never drops the wrapper holding most of the text, whatever its class', () => {
    const d = doc(`<div id="root"><div class="content-related-wrapper">${article(5)}</div></div>`);
    cleanArticle(d.getElementById('root')!, { paywalled: false });
    expect(text(d)).toContain('Paragraphe 5');
  });

  it('notes a paywall from its class', () => {
    const flags = { paywalled: false };
    const d = doc(`<div id="root">${article(3)}<div class="paywall">Abonnez-vous</div></div>`);
    cleanArticle(d.getElementById('root')!, flags);
    expect(flags.paywalled).toBe(true);
  });
});

describe('boilerplate lines', () => {
  it.each([
    'Photo : Agence Exemple',
    'Crédit photo : DR',
    '© Jeanne Exemple / AFP',
    'Illustration : Pixabay',
    '(c) 2024 Exemple Médias. Tous droits réservés.',
    'Copyright 2024 Example Media',
    '12 commentaires',
    'Inscrivez-vous à notre newsletter pour recevoir l’essentiel',
    'If you enjoyed reading this post, would you consider supporting our work?',
    'Cet article vous a plu ? Partagez-le.',
    'Sur le même sujet',
    'Publicité',
    'Gérer mes choix de cookies pour afficher ce contenu',
    'YouTube aktivieren',
    'We respect your privacy and will not load this content without your consent.',
    'Load more',
    'Voir plus d’articles',
  ])('drops « %s »', (line) => expect(isBoilerplateParagraph(line)).toBe(true));

  it.each([
    'Le service de photo de l’opérateur a été coupé : les clichés n’étaient plus accessibles.',
    'Par ailleurs, les pirates ont utilisé des comptes de soignants.',
    'Publicité mensongère : l’association de consommateurs porte plainte contre l’opérateur, qui conteste.',
    'Copyright et droit d’auteur ne protègent pas les données personnelles, rappelle la juriste.',
  ])('keeps « %s »', (line) => expect(isBoilerplateParagraph(line)).toBe(false));

  it.each(['Aktualisiert: 11.04.2020, 10:27', 'Publié le 6 février 2024 à 12h17', 'Mis à jour le 7 février 2024', 'Updated March 3, 2024 at 9:15', '05. Februar 2020', 'Économie — 12/02/2024 à 07h30'])(
    'a date line: « %s »',
    (line) => expect(isDateLine(line)).toBe(true),
  );

  it.each(['+33 1 23 45 67 89', 'Le 6 février 2024, Almerys a confirmé une intrusion dans son portail.', '33 millions d’assurés', '2024'])('not a date line: « %s »', (line) =>
    expect(isDateLine(line)).toBe(false),
  );
});

describe('main text on Readability', () => {
  it('removes the boilerplate around and inside the article', () => {
    const html = page(
      `<header><nav><a href="/">Accueil</a><a href="/sante">Santé</a></nav></header>` +
        `<main><article><h1>Un titre d'essai</h1><p>Par Camille Exemple, publié le 6 février 2024 à 12h17</p>${para(1)}${para(2)}` +
        `<p><strong>À lire aussi :</strong> <a href="/autre">Une autre affaire de données</a></p>${para(3)}` +
        `<figure><img src="x.jpg"><figcaption>Des assurés devant une agence. © Jean Exemple / Agence</figcaption></figure>${para(4)}` +
        `<div class="article-share"><span>Partager</span><a href="/fb">Facebook</a></div>` +
        `<p>Pour lire la suite, abonnez-vous.</p></article></main><aside><h3>Les plus lus</h3><a href="/1">Un titre très lu</a></aside><footer>© Exemple Médias</footer>`,
    );
    const a = extractArticle(html, 'https://media.example/a');
    expect(a.text.split('\n\n')).toHaveLength(4);
    expect(a.text).not.toMatch(/Accueil|Camille|lire aussi|autre affaire|agence\.|Partager|Facebook|lire la suite|plus lus|Exemple Médias/i);
    expect(a.paywalled).toBe(true);
    expect(a.sources['text']).toBe('readability');
  });

  it('drops soft hyphens and zero-width spaces that the page does not show', () => {
    const a = extractArticle(page(`<article>${para(1)}<p>Les don\u00adnées de san\u00adté sont pro\u200btégées, et la loi le rappelle à chaque fuite de ce genre chez un opérateur.</p></article>`), 'https://media.example/a');
    expect(a.text).toContain('Les données de santé sont protégées');
  });

  it('keeps the standfirst Readability leaves in the article header', () => {
    const chapo = 'Le chapô résume l’affaire : deux opérateurs de tiers payant touchés en une semaine, des millions d’assurés concernés.';
    const html = page(
      `<main><div class="top"><h1>Un titre d'essai</h1><div class="intro">${chapo}</div></div><div class="body">${article(4)}</div></main>`,
      `<meta name="description" content="${chapo}">`,
    );
    const a = extractArticle(html, 'https://media.example/a');
    expect(a.text.split('\n\n')[0]).toBe(chapo);
    expect(a.text).toContain('Paragraphe 4');
  });

  it('keeps a subtitle right under the title as the standfirst', () => {
    const sub = 'Après l’attaque, les deux opérateurs de tiers payant ont prévenu la CNIL et porté plainte auprès du parquet de Paris.';
    const html = page(`<main><div class="head"><h1>Un titre d'essai</h1><h2>${sub}</h2><p class="meta"><a href="/a">Auteur</a></p></div><section><div class="article-body">${article(6)}</div></section></main>`);
    const a = extractArticle(html, 'https://media.example/a');
    expect(a.text.split('\n\n')[0]).toBe(sub);
  });

  it('finds the region around an anchor and confines the page to it, for a second opinion', () => {
    const d = doc(`<div id="menu"><a href="/1">Rubrique une</a><a href="/2">Rubrique deux</a></div><div id="page"><div id="col"><h1>Titre</h1><div id="own">${article(8)}</div></div><div id="side">${article(2)}</div></div><div id="bas">${article(9)}</div>`);
    const region = regionOf(d.querySelector('h1')!);
    expect(region.id).toBe('col');
    confineTo(region);
    expect(text(d)).toContain('Paragraphe 8');
    expect(d.getElementById('bas')).toBeNull();
    expect(d.getElementById('side')).toBeNull();
    expect(d.getElementById('menu')).toBeNull();
  });

  it('reads the content a stray </body> left outside the body', () => {
    const html = `<html><head><title>Un titre d'essai</title></head><body><p>Menu</p></body><div>${article(4)}</div></html>`;
    const a = extractArticle(html, 'https://media.example/a');
    expect(a.text).toContain('Paragraphe 4');
  });

  it('falls back to the JSON-LD articleBody when the markup hides the text', () => {
    const body = 'Premier paragraphe du corps de l’article, fourni par les données structurées de la page et assez long pour compter.\n\nSecond paragraphe, tout aussi utile, qui précise le nombre de personnes concernées et la date de l’attaque.';
    const ld = { '@type': 'NewsArticle', headline: 'Titre', articleBody: body };
    const a = extractArticle(page('<div id="app">Chargement…</div>', `<script type="application/ld+json">${JSON.stringify(ld)}</script>`), 'https://media.example/a');
    expect(a.text).toBe(body);
    expect(a.sources['text']).toBe('json-ld');
  });
});

describe('stripInert (before parsing)', () => {
  it('cuts scripts, styles and comments but keeps JSON-LD and every visible word', () => {
    const html = `<html><head><style>p { color: red }</style><script type="application/ld+json">{"@type":"NewsArticle"}</script><script>var a = "</div>";</script></head><body><!-- un commentaire --><p>Premier paragraphe.</p><script src="x.js"></script
      ><p>Second paragraphe.</p><style media="print">p{}</style ><p>Troisième.</p></body></html>`;
    const out = stripInert(html);
    expect(out).toContain('application/ld+json');
    expect(out).not.toMatch(/var a|color: red|commentaire|x\.js|media="print"/);
    const visible = (h: string) => (parseHTML(h).document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(visible(out)).toBe('Premier paragraphe.Second paragraphe.Troisième.');
  });
});
