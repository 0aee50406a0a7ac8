/** Every public address of the site in one place, so pages, feeds and search agree. */
export const paths = {
  home: () => '/',
  chronological: () => '/chronologie/',
  event: (slug: string) => `/evenements/${slug}/`,
  organizations: () => '/organisations/',
  organization: (slug: string) => `/organisations/${slug}/`,
  press: () => '/revue-de-presse/',
  article: (slug: string) => `/revue-de-presse/#article-${slug}`,
  kind: (kind: string) => `/types/${kind}/`,
  figures: () => '/chiffres/',
  dossier: (slug: string) => `/dossiers/${slug}/`,
  about: () => '/a-propos/',
  search: () => '/recherche/',
  concern: () => '/suis-je-concerne/',
  rss: () => '/rss.xml',
};
