/**
 * What ingestion reads from the content folder: the dossier (its topic terms
 * and period), the organisations to recognise, the publishers already known
 * (with the config's additions and hints) and the events to attach to.
 */
import { join } from 'node:path';
import { checkContent } from '../src/lib/content-check.ts';
import { ConfigError, type IngestConfig } from './ingest-config.ts';
import type { OrganizationRef, TopicTerm } from './pipeline/classify/index.ts';
import type { ExtractHints } from './pipeline/extract/index.ts';
import type { EventRef } from './pipeline/group/index.ts';
import type { PublisherInfo } from './pipeline/write/publishers.ts';

export interface IngestContent {
  dossier: string;
  orgs: OrganizationRef[];
  publishers: PublisherInfo[];
  events: (EventRef & { title: string })[];
  terms: TopicTerm[];
  periodStart: string;
  periodEnd?: string | undefined;
}

export function loadIngestContent(contentDir: string, config: IngestConfig, configFile: string): IngestContent {
  const { entries } = checkContent(contentDir);
  const of = (c: string) => entries.filter((e) => e.collection === c);
  const dossiers = of('dossiers');
  const dossier = config.dossier ? dossiers.find((d) => d.slug === config.dossier) : (dossiers.find((d) => d.data['main'] === true) ?? dossiers[0]);
  if (!dossier) {
    throw new ConfigError(configFile, config.dossier ? `dossier « ${config.dossier} » introuvable dans ${join(contentDir, 'dossiers')}` : `aucun dossier dans ${join(contentDir, 'dossiers')} : les termes de pertinence viennent du dossier`);
  }
  const orgs = of('organizations').map((o) => ({ slug: o.slug, name: String(o.data['name']), aliases: (o.data['aliases'] as string[]) ?? [] }));
  const publishers: PublisherInfo[] = of('publishers').map((p) => ({ slug: p.slug, name: String(p.data['name']), domains: p.data['domains'] as string[], hints: p.data['hints'] as ExtractHints | undefined }));
  for (const [slug, p] of Object.entries(config.publishers)) {
    const known = publishers.find((x) => x.slug === slug);
    if (known) {
      if (p.hints) known.hints = p.hints;
      if (p.domains) known.domains = [...new Set([...known.domains, ...p.domains])];
    } else {
      if (!p.name || !p.domains?.length) throw new ConfigError(configFile, `champ « publishers.${slug} » : éditeur absent de content/publishers/ : donnez name et domains pour qu’il soit ajouté`);
      publishers.push({ slug, name: p.name, domains: p.domains, hints: p.hints, create: { origin: 'ingest', reviewed: false } });
    }
  }
  const events = of('events')
    .filter((e) => e.data['dossier'] === dossier.slug)
    .map((e) => ({
      slug: e.slug,
      title: String(e.data['title']),
      date: String(e.data['date']),
      organizations: (e.data['organizations'] as string[]) ?? [],
      text: `${String(e.data['title'])} ${String(e.data['title'])} ${e.data['summary'] ?? ''} ${e.body}`,
    }));
  const terms = config.topicTerms ?? (dossier.data['topicTerms'] as TopicTerm[]);
  const period = dossier.data['period'] as { start: string; end?: string };
  return { dossier: dossier.slug, orgs, publishers, events, terms, periodStart: period.start.slice(0, 10), periodEnd: period.end?.slice(0, 10) };
}
