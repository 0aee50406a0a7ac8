/** Every public address of the site in one place, so pages, feeds and search agree. */

/** « AAAA/MM » path segments of a « AAAA-MM » month key. */
const monthSegments = (month: string) => month.replace('-', '/');

export const paths = {
  home: () => '/',
  chronological: () => '/chronologie/',
  /** One month of the main dossier's timeline, from a « AAAA-MM » key. */
  timelineMonth: (month: string) => `/chronologie/${monthSegments(month)}/`,
  event: (slug: string) => `/evenements/${slug}/`,
  organizations: () => '/organisations/',
  organization: (slug: string) => `/organisations/${slug}/`,
  press: () => '/revue-de-presse/',
  /** One month of the press review, from a « AAAA-MM » key. */
  pressMonth: (month: string) => `/revue-de-presse/${monthSegments(month)}/`,
  /** An article's line in the press review: on the page of its publication month (« AAAA-MM »). */
  article: (slug: string, month: string) => `/revue-de-presse/${monthSegments(month)}/#article-${slug}`,
  /**
   * An article's permanent id in feeds and open data. It was its anchor when the
   * press review was one page; ids never change, so it stays this form.
   */
  articleId: (slug: string) => `/revue-de-presse/#article-${slug}`,
  kind: (kind: string) => `/types/${kind}/`,
  /** The events of one kind in one year, « AAAA ». */
  kindYear: (kind: string, year: string) => `/types/${kind}/${year}/`,
  kinds: () => '/types/',
  events: () => '/evenements/',
  /** The events of one year, « AAAA » (a path of its own, so it never meets an event's). */
  eventsYear: (year: string) => `/evenements/annees/${year}/`,
  dossiers: () => '/dossiers/',
  figures: () => '/chiffres/',
  dossier: (slug: string) => `/dossiers/${slug}/`,
  dossierOldest: (slug: string) => `/dossiers/${slug}/chronologie/`,
  dossierMonth: (slug: string, month: string) => `/dossiers/${slug}/${monthSegments(month)}/`,
  about: () => '/a-propos/',
  search: () => '/recherche/',
  concern: () => '/suis-je-concerne/',
  rss: () => '/rss.xml',
  /** « S'abonner »: every feed with what it carries. */
  feeds: () => '/s-abonner/',
  /** One feed file of a facet (`organisations/almerys`, or '' for the whole site). */
  feed: (facet: string, file: 'rss.xml' | 'atom.xml' | 'feed.json') => `/${facet ? `${facet}/` : ''}${file}`,
  openData: () => '/donnees/',
};
