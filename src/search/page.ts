/**
 * The /recherche/ page, enhanced: results as you type, facets combined with the
 * query, the state in the address (shareable; Back and Forward replay it).
 *
 * History: a committed search (loaded from the address, submitted, a facet
 * changed) is its own entry; the first key typed after it pushes a new entry,
 * later keys replace it, so Back returns to the previous search, not letter by letter.
 */
import { connect, type Connection } from './connection.ts';
import { appendJoined, marked, metaParts, plural, quoted } from './render.ts';
import type { SearchResponse } from './service.ts';
import { FACETS, emptyState, hasFilters, parseState, stateToSearch, type SearchState } from './state.ts';
import { paths } from '../lib/paths.ts';

/** Most results shown, all groups together. */
const PAGE_LIMIT = 150;

export function enhancePage(root: HTMLElement): void {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = 'true';
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const field = (name: string) => form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const results = root.querySelector<HTMLElement>('[data-results]')!;
  const baseTitle = document.title;
  root.querySelectorAll<HTMLElement>('[data-nojs]').forEach((el) => (el.hidden = true));
  // The worker and the index load with the first search, not before.
  let connection: Connection | null = null;
  const search = (state: SearchState) => (connection ??= connect({ meta: root.dataset.meta! })).search(state, PAGE_LIMIT, true);

  const readForm = (): SearchState => {
    const state = emptyState();
    state.q = input.value;
    for (const facet of FACETS) {
      const value = field(facet)?.value;
      if (value) state[facet] = [value];
    }
    state.du = field('du')?.value ?? '';
    state.au = field('au')?.value ?? '';
    return state;
  };
  const fillForm = (state: SearchState) => {
    input.value = state.q;
    for (const facet of FACETS) {
      const el = field(facet);
      if (el) el.value = state[facet][0] ?? '';
    }
    const du = field('du');
    const au = field('au');
    // Date fields take full days; a month or year from a shared address stays in the state.
    if (du) du.value = /^\d{4}-\d{2}-\d{2}$/.test(state.du) ? state.du : '';
    if (au) au.value = /^\d{4}-\d{2}-\d{2}$/.test(state.au) ? state.au : '';
  };
  const urlOf = (state: SearchState) => `${location.pathname}${stateToSearch(state)}`;

  let committed = true;
  /** Facet values from the address that the form cannot show (several values, partial dates) are kept. */
  let carried = parseState(new URLSearchParams(location.search));
  const currentState = () => {
    const state = readForm();
    for (const facet of FACETS) if (carried[facet].length > 1 && state[facet][0] === carried[facet][0]) state[facet] = carried[facet];
    if (!state.du && carried.du && !field('du')?.value) state.du = carried.du;
    if (!state.au && carried.au && !field('au')?.value) state.au = carried.au;
    return state;
  };

  let announce: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string, now = false) => {
    clearTimeout(announce);
    if (now) status.textContent = text;
    else announce = setTimeout(() => (status.textContent = text), 400);
  };

  const run = async (state: SearchState) => {
    document.title = state.q.trim() ? `${quoted(state.q.trim())} · ${baseTitle}` : baseTitle;
    if (!state.q.trim() && !hasFilters(state)) {
      results.replaceChildren();
      updateCounts(null);
      say('Tapez un ou plusieurs mots, ou choisissez un filtre.', true);
      return;
    }
    results.setAttribute('aria-busy', 'true');
    const response = await search(state);
    if (!response) return;
    results.removeAttribute('aria-busy');
    render(state, response);
  };

  const render = (state: SearchState, response: SearchResponse) => {
    results.replaceChildren();
    const q = state.q.trim();
    const what = q ? ` pour ${quoted(q)}` : '';
    const filtered = hasFilters(state) ? ' avec ces filtres' : '';
    if (response.error) {
      say('La recherche est indisponible pour le moment. Parcourez la chronologie par type ou par organisation ci-dessous.', true);
      return;
    }
    updateCounts(response);
    if (response.total === 0) {
      say(`Aucun résultat${what}${filtered}.`, true);
      const help = document.createElement('div');
      help.className = 'vf-none';
      const tips = document.createElement('ul');
      const tip = (...parts: (string | Node)[]) => {
        const li = document.createElement('li');
        li.append(...parts);
        tips.append(li);
      };
      if (response.suggestions.length) {
        const links = response.suggestions.map((s) => {
          const a = document.createElement('a');
          a.href = `${paths.search()}${stateToSearch({ ...state, q: s })}`;
          a.textContent = s;
          return a;
        });
        const span = document.createElement('span');
        appendJoined(span, links, ', ');
        tip('Essayez : ', span, '.');
      }
      tip('Vérifiez l’orthographe, ou cherchez un seul mot (un nom d’organisation, une donnée comme « sécu »).');
      if (hasFilters(state)) {
        const a = document.createElement('a');
        a.href = `${paths.search()}${stateToSearch({ ...emptyState(), q: state.q })}`;
        a.textContent = 'Retirer les filtres';
        tip(a, ' pour chercher partout.');
      }
      const browse = document.createElement('a');
      browse.href = '#parcourir';
      browse.textContent = 'Parcourir par type ou par organisation';
      tip(browse, '.');
      help.append(tips);
      results.append(help);
      return;
    }
    const shown = response.groups.reduce((n, g) => n + g.items.length, 0);
    say(
      `${plural(response.total, 'résultat', 'résultats')}${what}${filtered}${shown < response.total ? ` (les ${shown} plus pertinents affichés)` : ''}.` +
        (response.partial ? ' Aucun ne contient tous les mots : voici ceux qui en contiennent le plus.' : ''),
    );
    for (const group of response.groups) {
      const section = document.createElement('section');
      section.className = 'vf-group';
      const id = `resultats-${group.t}`;
      section.setAttribute('aria-labelledby', id);
      const h2 = document.createElement('h2');
      h2.id = id;
      h2.append(group.label, ' ');
      const count = document.createElement('span');
      count.className = 'muted';
      count.textContent = group.total > group.items.length ? `(${group.items.length} sur ${group.total})` : `(${group.total})`;
      h2.append(count);
      const list = document.createElement('ol');
      list.className = 'vf-items';
      for (const item of group.items) {
        const li = document.createElement('li');
        li.className = 'vf-item';
        const a = document.createElement('a');
        a.className = 'vf-link';
        a.href = item.url;
        a.append(marked(item.title, item.titleMarks));
        const meta = document.createElement('p');
        meta.className = 'vf-meta';
        appendJoined(meta, metaParts(item));
        li.append(a, meta);
        if (item.text) {
          const p = document.createElement('p');
          p.className = 'vf-snippet';
          p.append(marked(item.text, item.textMarks));
          li.append(p);
        }
        list.append(li);
      }
      section.append(h2, list);
      results.append(section);
    }
  };

  /** « Almerys (12) » in the facet menus: matches per value for the current words. */
  const updateCounts = (response: SearchResponse | null) => {
    for (const facet of FACETS) {
      const select = field(facet);
      if (!(select instanceof HTMLSelectElement)) continue;
      for (const option of select.options) {
        if (!option.value) continue;
        const label = (option.dataset.label ??= option.textContent ?? '');
        const n = response?.counts?.[facet][option.value];
        option.textContent = response?.counts ? `${label} (${n ?? 0})` : label;
      }
    }
  };

  const commit = (state: SearchState) => {
    const url = urlOf(state);
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    committed = true;
    carried = state;
    void run(state);
  };

  input.addEventListener('input', () => {
    const state = currentState();
    const url = urlOf(state);
    if (committed) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    committed = false;
    void run(state);
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    carried = emptyState();
    commit(currentState());
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(currentState());
    results.querySelector<HTMLElement>('.vf-link')?.focus();
  });
  window.addEventListener('popstate', () => {
    carried = parseState(new URLSearchParams(location.search));
    fillForm(carried);
    committed = true;
    void run(carried);
  });

  // Down from the field goes to the first result; Up/Down move between results; Escape goes back.
  const links = () => [...results.querySelectorAll<HTMLAnchorElement>('.vf-link')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links().length) {
      event.preventDefault();
      links()[0]!.focus();
    }
  });
  results.addEventListener('keydown', (event) => {
    const list = links();
    const at = list.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else list[Math.min(next, list.length - 1)]!.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
    }
  });

  fillForm(carried);
  void run(currentState());
}
