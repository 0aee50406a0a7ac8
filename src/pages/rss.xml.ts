/** Events and articles of every dossier, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteData } from '../data/site.ts';
import { feedItems } from '../lib/feed.ts';
import { EVENT_KINDS } from '../schemas/vocabulary.ts';
import { paths } from '../lib/paths.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await siteData();
  const items = feedItems([
    ...data.events.map((e) => ({
      date: e.data.date,
      title: e.data.title,
      link: paths.event(e.id),
      description: e.data.summary ?? `${EVENT_KINDS[e.data.kind]} : ${e.data.title}`,
      categories: [EVENT_KINDS[e.data.kind], ...e.data.organizations.map((o) => data.organization(o).data.name)],
    })),
    ...data.coverage.map((c) => ({
      date: c.data.publishedAt,
      title: `${c.data.title} (${data.publisher(c.data.publisher).data.name})`,
      link: c.data.url,
      description: c.data.excerpt ? `« ${c.data.excerpt} » (${data.publisher(c.data.publisher).data.name})` : `Article de ${data.publisher(c.data.publisher).data.name}.`,
      categories: ['Article', ...c.data.organizations.map((o) => data.organization(o).data.name)],
    })),
  ]);
  return rss({
    title: 'Veille Fuites',
    description: `${data.mainDossier.data.title} : événements et revue de presse.`,
    site: site!,
    items,
    customData: '<language>fr-FR</language>',
    trailingSlash: true,
  });
};
