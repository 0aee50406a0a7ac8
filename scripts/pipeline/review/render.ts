/**
 * The review queue as text for a terminal: one card per publisher and per
 * article, with its evidence. Every string comes from a scraped page, so each
 * is made one harmless line first (no escape sequence reaches the terminal).
 */
import { sanitizeLine } from '../write/index.ts';
import type { QueueArticle, QueuePublisher, ReviewQueue } from './queue.ts';

const s = (v: string | undefined) => sanitizeLine(v ?? '');

export function publisherCard(p: QueuePublisher): string {
  return [
    `Éditeur ajouté automatiquement : ${s(p.name)}  [${p.slug}]`,
    `  fichier : ${p.file}`,
    `  domaines : ${p.domains.map(s).join(', ')}${p.website ? `  ·  site : ${s(p.website)}` : ''}`,
    `  articles : ${p.articles.length ? p.articles.join(', ') : 'aucun'}`,
  ].join('\n');
}

export function articleCard(a: QueueArticle): string {
  const lines = [
    `Article : ${s(a.title)}  [${a.slug}]`,
    `  fichier : ${a.file}`,
    `  ${s(a.publisher.name)}${a.publisher.reviewed ? '' : ' (éditeur non relu)'} · ${s(a.publishedAt)} · ${s(a.url)}`,
    `  organisations reconnues : ${a.organizations.length ? a.organizations.join(', ') : 'aucune'}`,
  ];
  if (a.evidence) {
    const terms = a.evidence.terms.map((t) => `${s(t.term)} ×${t.hits}`).join(', ');
    lines.push(`  pertinence : score ${a.evidence.score} (seuil ${a.evidence.threshold}) — termes : ${terms || 'aucun'}`);
  } else {
    lines.push('  pertinence : non enregistrée (article écrit par une version plus ancienne de l’ingestion)');
  }
  lines.push(
    a.event
      ? `  événement : ${s(a.event.title)} (${s(a.event.date)}) [${a.event.slug}]${a.evidence?.eventScore !== undefined ? ` — similarité ${a.evidence.eventScore}` : ''}`
      : '  événement : aucun (non rattaché)',
  );
  if (a.copies.length) {
    lines.push(`  même dépêche (${a.copies.length}) :`);
    for (const c of a.copies) lines.push(`    - ${s(c.publisher)} : ${s(c.title)} [${c.slug}]`);
  }
  return lines.join('\n');
}

/** The whole queue, for `npm run review` without a terminal. */
export function renderQueue(q: ReviewQueue): string {
  const out: string[] = [];
  if (!q.articles.length && !q.publishers.length) out.push('Rien à relire : tout ce que l’ingestion a écrit a été relu.');
  else out.push(`À relire : ${q.articles.length} article(s), ${q.publishers.length} éditeur(s) ajoutés automatiquement.`);
  for (const p of q.publishers) out.push('', publisherCard(p));
  for (const a of q.articles) out.push('', articleCard(a));
  for (const b of q.broken) out.push('', `Fichier illisible : ${b.file} — ${s(b.reason)}`);
  return out.join('\n');
}
