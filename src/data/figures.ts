/** Figure claims of a dossier, from its events. */
import type { SiteData } from './site.ts';
import { figureSeries, type Claim } from '../lib/key-figures.ts';

export function dossierClaims(data: SiteData, dossier: string): Claim[] {
  return data.index
    .eventsOfDossier(dossier)
    .flatMap((e) =>
      e.data.figures.map((f) => {
        const source = e.data.sources.find((s) => s.url === f.source);
        return { ...f, event: e.id, publisher: source?.publisher ?? '', verified: source?.verified ?? true };
      }),
    );
}

export function dossierSeries(data: SiteData, dossier: string) {
  return figureSeries(dossierClaims(data, dossier));
}

/** Organisations and exposed data categories named by a dossier's events. */
export function dossierScope(data: SiteData, dossier: string) {
  const events = data.index.eventsOfDossier(dossier);
  const organizations = new Set(events.flatMap((e) => e.data.organizations));
  const exposed = new Set(events.flatMap((e) => e.data.exposed));
  const sources = new Set(events.flatMap((e) => e.data.sources.map((s) => s.url)));
  return { organizations, exposed, sources, events };
}
