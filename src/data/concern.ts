/** The « Suis-je concerné ? » answers for the site, from the content. */
import type { SiteData, DossierEntry } from './site.ts';
import { concernOf, pickable, type ConcernOrganization } from '../lib/concern.ts';

// Built once per site load: every page and every answer reads the same list.
const cache = new WeakMap<SiteData, ConcernOrganization[]>();

export function concernOrganizations(data: SiteData): ConcernOrganization[] {
  let list = cache.get(data);
  if (!list) {
    list = data.organizations.map((o) => ({ slug: o.id, name: o.data.name, aliases: o.data.aliases, kind: o.data.kind, relations: o.data.relations }));
    cache.set(data, list);
  }
  return list;
}

/** The dossier whose operators answer « Suis-je concerné ? »: the main one, when it names operators. */
export function concernDossier(data: SiteData): DossierEntry | undefined {
  return data.mainDossier.data.operators.length > 0 ? data.mainDossier : undefined;
}

export function concernFor(data: SiteData, slug: string) {
  const dossier = concernDossier(data);
  return dossier ? concernOf(slug, concernOrganizations(data), dossier.data.operators) : undefined;
}

export function pickableOrganizations(data: SiteData) {
  const dossier = concernDossier(data);
  return dossier ? pickable(concernOrganizations(data), dossier.data.operators) : [];
}
