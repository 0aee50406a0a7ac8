/**
 * Boilerplate rules around Readability, for news pages in general (French
 * first, international too): what to drop from the page before Readability
 * scores it, and what to drop from the article it returns. Rules key on
 * structure (tags, roles, link density) and on the generic labels news sites
 * print (« À lire aussi », « Newsletter », « Partager »…), never on one site.
 */
import { HEADINGS, childElements, classId, fold, isElement, linkDensity, measure, shortText, textOf, TEXT_NODE } from './dom.ts';

export const PAYWALL_TEXT =
  /(?:réservé aux abonnés|reserve aux abonnes|il vous reste \d+\s*%|pour lire la suite|abonnez-vous pour (?:lire|continuer|accéder)|déjà abonné|deja abonne|article réservé|contenu réservé|la suite est réservée|cet article est réservé|subscribe to (?:read|continue)|to continue reading|already a subscriber)/i;
const PAYWALL_CLASS = /(?:^|[-_\s])(?:paywall|premium-?(?:content|block|wall)|subscriber-only|abonnes?-only|reserve-abonnes?|locked-content|meter-?wall)(?:$|[-_\s])/i;

/** Tags never part of an article's text. */
const DROP_TAGS = new Set(['figcaption', 'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'button', 'input', 'select', 'textarea', 'dialog', 'link', 'meta', 'amp-ad', 'amp-analytics', 'amp-sidebar']);
const DROP_ROLES = /^(?:navigation|banner|contentinfo|dialog|alertdialog|search|menu|menubar|toolbar)$/;

/**
 * Labels that open a list of links to other pages (« À lire aussi », « Sur le
 * même sujet », « Related stories », « Lesen Sie auch »…), matched on the folded
 * text (lower case, no accents, no punctuation) of a short block.
 */
const LINKS_LABEL = new RegExp(
  [
    // French
    '^(?:a )?(?:lire|voir|decouvrir|ecouter|regarder) (?:aussi|egalement|en plus|sur le meme sujet)\\b',
    '^sur le meme (?:sujet|theme)$', '^dans la meme (?:rubrique|categorie)$', '^(?:les|nos|articles les) plus (?:lus|partages|commentes|populaires)$',
    '^a decouvrir(?: aussi| egalement)?$', '^vous (?:aimerez|pourriez aimer|aimeriez) (?:aussi|egalement)?', '^(?:ces|d autres) articles (?:peuvent|pourraient) vous interesser$',
    '^(?:articles?|contenus?|sujets?) (?:similaires|lies|associes|recommandes|en lien)$', '^pour aller plus loin$', '^(?:nos )?derniers articles$',
    '^dernieres (?:actualites|infos|nouvelles|publications)$', '^(?:a la une|en ce moment|l actu en continu|toute l actualite|plus d articles)$',
    '^(?:ca|cela) (?:peut|pourrait) vous interesser$', '^(?:mots cles|tags|themes|thematiques|sujets)$',
    // English
    '^(?:related|similar|recommended|suggested|popular|recent|latest|trending|more) (?:articles|stories|posts|news|content|reading|coverage|topics|videos|links)$',
    '^(?:read|see) (?:also|more|next)\\b', '^more (?:from|on|like this|in|about)\\b', '^you (?:may|might|will) (?:also )?(?:like|enjoy|be interested)',
    '^(?:related|recommended(?: for you)?|most (?:read|popular|viewed|shared)|trending(?: now)?|further reading|see also|tags|topics|keep reading|up next|what to read next)$',
    // German, Italian, Spanish
    '^(?:lesen sie (?:auch|mehr|weiter)|mehr (?:zum thema|dazu|lesen|artikel|news)|weiterlesen|auch interessant|empfehlungen|das konnte (?:sie|dich) auch interessieren)\\b',
    '^(?:weitere|ahnliche|verwandte|neueste|beliebte|passende) [a-z]+(?: [a-z]+){0,3}$', '^weiterfuhrende (?:links|artikel|informationen)$', '^(?:artikel|videos|beitrage|news)(?: und videos)? zum thema$',
    '^(?:leggi anche|potrebbe interessarti|articoli correlati|lee tambien|te puede interesar|noticias relacionadas|articulos relacionados|mas noticias)$',
  ].join('|'),
);

/** Labels that open a short text that is not the article: an author's bio, comments. */
const BIO_LABEL = new RegExp(
  [
    '^(?:a propos de l auteur|l auteur|about the author|about the writer|uber den autor|uber die autorin|zum autor|zur autorin|sobre el autor|l autore)$',
    '^(?:commentaires?|reagir|reactions|vos reactions|laisser un commentaire|ajouter un commentaire|comments?|leave a (?:comment|reply)|join the (?:conversation|discussion)|kommentare?|kommentar schreiben|schreibe einen kommentar|comentarios|commenti)(?: \\d+| \\(\\d+\\))?$',
  ].join('|'),
);

/** Labels of a share bar, a newsletter box or an advertisement: they go with their container when it holds little else. */
const WIDGET_LABEL = new RegExp(
  [
    '^(?:partager|partagez|partager cet article|partagez cet article|partager sur|share|share this|share this (?:article|story|post)|share on|teilen|diesen artikel teilen|artikel teilen|compartir|condividi)$',
    '^(?:newsletters?|nos newsletters|inscrivez vous a (?:la|notre) newsletter|recevez (?:notre|nos) newsletters?|abonnez vous|newsletter signup|sign up for (?:our|the) newsletter|subscribe|subscribe to (?:our|the) newsletter|newsletter abonnieren)$',
    '^(?:publicite|sponsorise|contenus? sponsorises?|advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicidad|pubblicita)$',
  ].join('|'),
);

/** A short block that is a label of any kind. */
export const isLabel = (folded: string) => LINKS_LABEL.test(folded) || BIO_LABEL.test(folded) || WIDGET_LABEL.test(folded);

/** Short blocks that are boilerplate whatever their markup. */
const BOILERPLATE_LINE = new RegExp(
  [
    '^(?:recevez (?:notre|nos|gratuitement)|inscrivez-vous (?:à|a) (?:notre|nos|la)|abonnez-vous (?:à|a) (?:notre|nos|la)|suivez-nous|partager sur|partagez sur|tous droits réservés|cet article vous a plu)',
    '^(?:sign up for|subscribe to (?:our|the)|follow us on|share this|all rights reserved|if you (?:enjoyed|liked|value|appreciate)|would you consider supporting|support (?:our|independent) journalism)',
    '^(?:©|\\(c\\)\\s|copyright\\s*(?:©|\\(c\\)|\\d{4}))',
    '^(?:soutenez|faites un don|aidez-nous)\\b',
    '^\\d+ (?:commentaires?|comments?|réactions?|kommentare?)$',
    '(?:akismet|recaptcha)',
    // Consent placeholders of embeds and cookie settings, « load more » buttons.
    '(?:datenschutzeinstellungen|cookie-?einstellungen|privacy settings|cookie settings|param[èe]tres (?:de )?(?:confidentialit[ée]|cookies)|g[ée]rer (?:mes|vos) (?:choix|cookies|param[èe]tres)|wir respektieren (?:deine|ihre) privatsph[äa]re|we respect your privacy|nous respectons votre vie priv[ée]e)',
    '^(?:(?:twitter|x|youtube|instagram|facebook|tiktok|vimeo|spotify|inhalt|inhalte|externe inhalte|contenu externe) (?:freischalten|aktivieren|laden|activer|afficher|charger))$',
    '^(?:lade weitere|mehr laden|load more|show more|charger plus|afficher plus|voir plus)\\b',
  ].join('|'),
  'i',
);
/** A photo credit or caption tail: « Photo : AFP », « © Jean Dupont / Agence », « (Crédit : …) », « Bild: dpa ». */
const CREDIT_LINE =
  /^(?:\(?(?:photos?|crédits?|credits?|illustrations?|images?|sources? ?(?:photo|image|bild)|bild(?:quelle)?|beitragsbild|fotos?|foto ?credits?|titelbild|©)\b\s*:?[^.]{0,80}\)?\.?|[^.]{0,60}\/\s*(?:afp|reuters|ap|maxppp|sipa|getty images?|istock(?:photo)?|shutterstock(?:\.com)?|hans lucas|abaca|ip3|dpa|epa|picture alliance|unsplash|pixabay)\b[^.]{0,40})$/i;

// Word boundaries that know accented letters (« févr », « août », « publié »): \b does not.
const word = (alternatives: string) => `(?<![\\p{L}\\d])(?:${alternatives})(?![\\p{L}])`;
const MONTHS_DAYS = word(
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|' +
    'janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?|' +
    'jan(?:uary|uar)?|feb(?:ruary|ruar)?|march|m[äa]rz|apr(?:il)?|may|june?|juni|july?|juli|aug(?:ust)?|sep(?:t|tember)?|okt(?:ober)?|october|november|de[cz](?:ember)?',
);
const WEEKDAYS_MONTHS = new RegExp(`${MONTHS_DAYS}\\.?`, 'giu');
const DATE_WORDS = new RegExp(
  word(
    'le|la|du|à|a|on|at|am|um|uhr|h|publié|publiée|mis en ligne|mis à jour|mise à jour|modifié|actualisé|updated|last updated|published|posted|veröffentlicht|aktualisiert|stand|erstellt|geändert|von|by|par|et|and|und|min|minutes?|lecture|read|lesezeit|temps de lecture|il y a|ago',
  ),
  'giu',
);

const DATE_TOKEN = new RegExp(
  `\\b\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}\\s*[:h]\\s*\\d{2}\\b|\\b\\d{1,2}(?:er|st|nd|rd|th)?\\.?\\s+${MONTHS_DAYS}|${MONTHS_DAYS}\\s+\\d{1,2}\\b`,
  'iu',
);

/** A line that is only a date, a time or a reading time (« Aktualisiert: 11.04.2020, 10:27 », « 5 min de lecture »). */
export function isDateLine(t: string): boolean {
  // « Économie — 12/02/2024 à 07h30 »: a rubric beside the date.
  const parts = t.split(/\s[—–|·•]\s/);
  if (parts.length > 1) return parts.some(isDateLine) && parts.every((p) => isDateLine(p) || (p.length <= 30 && !/[.!?]/.test(p)));
  if (t.length > 80 || !DATE_TOKEN.test(t) || /\+\d/.test(t)) return false;
  const rest = t
    .replace(/\d{1,4}(?:[-/.:h]\d{1,4}){0,3}(?:er|st|nd|rd|th)?\.?/gi, ' ')
    .replace(WEEKDAYS_MONTHS, ' ')
    .replace(DATE_WORDS, ' ')
    .replace(/[\s,.:;|()\-–—·•/]+/g, '');
  return rest.length <= 2;
}

export function isBoilerplateParagraph(t: string): boolean {
  if (t.length < 400 && BOILERPLATE_LINE.test(t)) return true;
  if (t.length <= 60 && isLabel(fold(t))) return true;
  if (t.length < 140 && CREDIT_LINE.test(t)) return true;
  return isDateLine(t);
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

const LANDMARK_TAGS = new Set(['header', 'footer', 'nav', 'aside']);
const UNLIKELY_WRAPPER = /(?:^|[-_\s])(?:header|footer|banner|menu|nav|navbar|sidebar|masthead)(?:$|[-_\s])/i;

/** A walk instead of querySelector: it runs on many elements of every page, and selector matching costs more. */
function hasDescendant(el: Element, test: (d: Element) => boolean): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (test(c) || hasDescendant(c, test)) return true;
  return false;
}

/** Holds the article (its heading, an article landmark, or much text with few links): never dropped whole. */
function holdsText(el: Element): boolean {
  if (hasDescendant(el, (d) => d.localName === 'article' || d.localName === 'main' || /^(?:main|article)$/.test(d.getAttribute('role') ?? '') || d.getAttribute('itemprop') === 'articleBody')) return true;
  const m = measure(el);
  return m.len > 1000 && linkDensity(m) < 0.3;
}

/**
 * Puts back into `<body>` what the parser left beside it (content after a stray
 * `</body>` or `</html>`): a browser's HTML5 parser would have put it there, and
 * Readability only reads the body.
 */
export function adoptStrayContent(doc: Document) {
  const html = doc.documentElement;
  if (!html) return;
  const stray = childElements(html).filter((c) => c.localName !== 'head' && c.localName !== 'body');
  if (!stray.length) return;
  let body = doc.body;
  if (!body) {
    body = doc.createElement('body');
    html.appendChild(body);
  }
  const first = body.firstChild;
  for (const el of stray) {
    // Before the body in the source: at its start; after it: at its end.
    if (body.compareDocumentPosition(el) & 2) body.insertBefore(el, first);
    else body.appendChild(el);
  }
}

/** Drops comments, scripts, hidden and navigation landmarks from the page, and notes a paywall. Before Readability. */
export function cleanPage(doc: Document, flags: { paywalled: boolean }) {
  const root = doc.body ?? doc.documentElement;
  if (!root) return;
  const walk = (parent: Node) => {
    let c = parent.firstChild;
    while (c) {
      const next: ChildNode | null = c.nextSibling;
      if (c.nodeType === 8) (c as ChildNode).remove();
      else if (isElement(c)) {
        const role = c.getAttribute('role');
        if (DROP_TAGS.has(c.localName)) c.remove();
        // A landmark or hidden block that holds much plain text is more likely broken markup around the article.
        else if (isHidden(c) || (role !== null && DROP_ROLES.test(role)) || LANDMARK_TAGS.has(c.localName) || (UNLIKELY_WRAPPER.test(classId(c)))) {
          // Broken markup often leaves the whole article inside an unclosed header or menu: unmask it.
          if (holdsText(c)) {
            for (const a of ['role', 'class', 'id', 'hidden', 'style']) c.removeAttribute(a);
            walk(c);
          } else if (c.localName === 'header' && hasDescendant(c, (d) => d.localName === 'h1')) walk(c); // the article's own header: title, standfirst
          else if (!UNLIKELY_WRAPPER.test(classId(c)) || LANDMARK_TAGS.has(c.localName)) c.remove();
          else walk(c);
        } else {
          const ci = classId(c);
          if (ci && PAYWALL_CLASS.test(ci)) flags.paywalled = true;
          walk(c);
        }
      }
      c = next;
    }
  };
  walk(root);
  removeLabelledBlocks(root);
}

/**
 * Class and id words of blocks that are not the article's text: share bars,
 * related links, newsletter and subscription boxes, author bios, tags,
 * comments, ads, credits. Readability spares them when they also say
 * « article » or « content » (« article-share », « content-related »).
 */
const BOILERPLATE_CLASS =
  /(?:^|[-_\s])(?:share|sharing|sharebar|partage|social|socials|follow|newsletters?|subscribe|subscription|signup|abonnement|abo|related|relatedposts|recirculation|recirc|read-?more|readalso|lire-?aussi|voir-?aussi|a-?lire|further|more-?stories|most-?read|plus-?lus|trending|popular|tags?|tag-?list|keywords|topics|breadcrumbs?|fil-?ariane|comments?|commentaires|disqus|respond|reply|author-?(?:bio|box|info|card|details|profile)|about-?(?:the-?)?author|bio|biography|byline|dateline|meta|post-?meta|entry-?meta|credits?|copyright|disclaimer|ad|ads|advert|advertising|adsbygoogle|pub|publicite|sponsor|sponsored|promo|banner|outbrain|taboola|widget|sidebar|toolbar|print|cookies?|consent|rgpd|gdpr|popup|modal|overlay|caption|legende|wp-caption-text|figcaption)(?:$|[-_\s\d])/i;

/** Cleans the article Readability (or a hint) chose. */
export function cleanArticle(root: Element, flags: { paywalled: boolean }) {
  const total = measure(root).len;
  const visit = (parent: Element) => {
    for (const el of childElements(parent)) {
      if (DROP_TAGS.has(el.localName) || isHidden(el)) {
        el.remove();
        continue;
      }
      const ci = classId(el);
      if (ci) {
        if (PAYWALL_CLASS.test(ci)) flags.paywalled = true;
        if (BOILERPLATE_CLASS.test(ci)) {
          const m = measure(el);
          // A wrapper holding most of the text is the article, whatever its name.
          if (m.len < 0.4 * total || m.len < 200) {
            el.remove();
            continue;
          }
        }
      }
      visit(el);
    }
  };
  visit(root);
  removeLabelledBlocks(root);
}

const LABEL_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'strong', 'b', 'header', 'section', 'li', 'dt', 'em', 'a']);

/** « À lire aussi : Un autre article » in one block: a label then a link. */
const LABEL_START = /^(?:a )?(?:lire|voir) (?:aussi|egalement)\b|^(?:read|see) (?:also|more)\b|^lesen sie auch\b|^(?:leggi|lee) (?:anche|tambien)\b/;

/**
 * Elements whose whole text is a label, found from the text nodes up (one pass
 * over the tree, not a text measure per element).
 */
function findLabels(root: Element): Element[] {
  const out: Element[] = [];
  const seen = new Set<Element>();
  const visit = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE) {
        const data = (c as Text).data;
        if (data.length > 200) continue;
        const t = data.trim();
        if (t.length < 3 || t.length > 60) continue;
        const f = fold(t);
        if (!isLabel(f) && !LABEL_START.test(f)) continue;
        // The outermost label-like element holding only this text.
        let el = c.parentElement;
        let best: Element | null = null;
        while (el && el !== root && LABEL_TAGS.has(el.localName)) {
          const full = shortText(el, 200);
          if (full === null || (full.length > 60 && !LABEL_START.test(fold(full)))) break;
          const ff = fold(full);
          if (!isLabel(ff) && !LABEL_START.test(ff)) break;
          best = el;
          el = el.parentElement;
        }
        if (best && !seen.has(best)) {
          seen.add(best);
          out.push(best);
        }
      } else if (isElement(c) && !DROP_TAGS.has(c.localName)) visit(c);
    }
  };
  visit(root);
  return out;
}

/** Removes blocks opened by a label (« À lire aussi », « Sur le même sujet »…) with the links they introduce. */
export function removeLabelledBlocks(root: Element) {
  for (const label of findLabels(root)) {
    if (!label.parentNode || !root.contains(label)) continue;
    const labelLen = textOf(label).length;
    const folded = fold(textOf(label));
    const section = BIO_LABEL.test(folded);
    const widget = !section && WIDGET_LABEL.test(folded);
    // Climb while the container holds little besides the label: links for a link list, a short text for a bio.
    let target: Element = label;
    for (let p = label.parentElement; p && p !== root; p = p.parentElement) {
      const m = measure(p);
      const rest = m.len - labelLen;
      if (rest < 0 || m.len > 1500) break;
      // A bio or comments box starts with its label; text before it is something else.
      const keep = section ? rest > SECTION_MAX || !opensWith(p, label) : rest > (widget ? 80 : 0) && m.linkLen / Math.max(1, rest) < 0.6;
      if (keep) break;
      target = p;
    }
    if (target !== label) {
      target.remove();
      continue;
    }
    // Label alone: drop it and what it introduces (links; for a section, any short blocks) up to the next heading.
    let next = label.nextSibling;
    label.remove();
    let dropped = 0;
    while (next) {
      const after: ChildNode | null = next.nextSibling;
      if (next.nodeType === TEXT_NODE && !(next as Text).data.trim()) {
        next = after;
        continue;
      }
      if (!isElement(next) || HEADINGS.has(next.localName)) break;
      const m = measure(next);
      if (section ? dropped + m.len > SECTION_MAX : m.len > 0 && linkDensity(m) < 0.6) break;
      dropped += m.len;
      next.remove();
      next = after;
    }
  }
}

/** No text comes before `label` inside `container`. */
function opensWith(container: Element, label: Element): boolean {
  let clean = true;
  const walk = (n: Node): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c === label) return true;
      if (c.nodeType === TEXT_NODE && (c as Text).data.trim()) {
        clean = false;
        return true;
      }
      if (isElement(c) && walk(c)) return true;
    }
    return false;
  };
  walk(container);
  return clean;
}

/** The most text a bio or comments label may take with it. */
const SECTION_MAX = 800;

