/** atom.xml of the whole site and of each dossier, organisation, kind and data category (src/feeds/). */
import { feedRoute } from '../../data/feeds.ts';

export const { getStaticPaths, GET } = feedRoute('atom');
