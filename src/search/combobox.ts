/**
 * The header search box, enhanced: an ARIA 1.2 combobox (the input) that
 * controls a listbox popup of results grouped by type. Focus stays in the
 * input; `aria-activedescendant` points at the active option.
 *
 * Keys: Down/Up move through the options (opening the popup if needed),
 * Enter opens the active option (or submits the form to /recherche/ when none
 * is active), Escape closes the popup, then clears the field. Tab leaves.
 */
import { connect } from './connection.ts';
import { appendJoined, marked, metaParts, plural, quoted } from './render.ts';
import type { SearchResponse } from './service.ts';
import { emptyState, stateToSearch } from './state.ts';
import { paths } from '../lib/paths.ts';

/** Most results in the popup, all groups together. */
const POPUP_LIMIT = 8;

export function enhanceBox(root: HTMLElement): void {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = 'true';
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const popup = root.querySelector<HTMLElement>('.popup')!;
  const listbox = root.querySelector<HTMLElement>('[role="listbox"]')!;
  const summary = root.querySelector<HTMLElement>('.summary')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const connection = connect({ meta: root.dataset.meta! });

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-describedby', summary.id);

  let options: HTMLElement[] = [];
  let active = -1;
  let shownQuery = '';
  let announce: ReturnType<typeof setTimeout> | undefined;

  const isOpen = () => !popup.hidden;
  const open = () => {
    if (!options.length && !summary.textContent) return;
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const close = () => {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const setActive = (index: number) => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const pageUrl = (q: string) => `${paths.search()}${stateToSearch({ ...emptyState(), q })}`;

  const option = (id: string, build: (el: HTMLElement) => void, action: { href?: string; query?: string }) => {
    const el = document.createElement('div');
    el.setAttribute('role', 'option');
    el.setAttribute('aria-selected', 'false');
    el.id = id;
    if (action.href) el.dataset.href = action.href;
    if (action.query) el.dataset.query = action.query;
    build(el);
    options.push(el);
    return el;
  };

  const render = (q: string, response: SearchResponse) => {
    options = [];
    active = -1;
    input.removeAttribute('aria-activedescendant');
    listbox.replaceChildren();
    let n = 0;
    if (response.error) {
      summary.textContent = 'La recherche instantanée est indisponible. Appuyez sur Entrée pour ouvrir la page de recherche.';
    } else if (response.total === 0) {
      summary.textContent = `Aucun résultat pour ${quoted(q)}.${response.suggestions.length ? ' Essayez plutôt :' : ''}`;
      if (response.suggestions.length) {
        const group = document.createElement('div');
        group.setAttribute('role', 'group');
        group.setAttribute('aria-labelledby', 'site-search-g-suggestions');
        const label = document.createElement('div');
        label.setAttribute('role', 'presentation');
        label.className = 'vf-group-label';
        label.id = 'site-search-g-suggestions';
        label.textContent = 'Suggestions';
        group.append(label);
        for (const s of response.suggestions) group.append(option(`site-search-o${n++}`, (el) => el.append(s), { query: s }));
        listbox.append(group);
      }
    } else {
      summary.textContent = response.partial
        ? `Aucun résultat ne contient tous les mots ; ${plural(response.total, 'résultat approchant', 'résultats approchants')}.`
        : plural(response.total, 'résultat', 'résultats');
      for (const group of response.groups) {
        const el = document.createElement('div');
        el.setAttribute('role', 'group');
        const labelId = `site-search-g-${group.t}`;
        el.setAttribute('aria-labelledby', labelId);
        const label = document.createElement('div');
        label.setAttribute('role', 'presentation');
        label.className = 'vf-group-label';
        label.id = labelId;
        label.textContent = group.total > group.items.length ? `${group.label} (${group.items.length} sur ${group.total})` : group.label;
        el.append(label);
        for (const item of group.items) {
          el.append(
            option(
              `site-search-o${n++}`,
              (o) => {
                const title = document.createElement('span');
                title.className = 'vf-title';
                title.append(marked(item.title, item.titleMarks));
                const meta = document.createElement('span');
                meta.className = 'vf-meta';
                appendJoined(meta, metaParts(item));
                o.append(title, meta);
              },
              { href: item.url },
            ),
          );
        }
        listbox.append(el);
      }
    }
    const all = option(
      `site-search-o${n++}`,
      (el) => {
        el.className = 'vf-all';
        el.textContent = response.total > 0 ? `Voir tous les résultats (${response.total.toLocaleString('fr-FR')}) et filtrer` : `Ouvrir la page de recherche pour ${quoted(q)}`;
      },
      { href: pageUrl(q) },
    );
    listbox.append(all);
    shownQuery = q;
    clearTimeout(announce);
    // Announced once typing pauses, not at every key.
    announce = setTimeout(() => {
      status.textContent = response.total > 0 ? `${summary.textContent} Flèches haut et bas pour parcourir.` : (summary.textContent ?? '');
    }, 700);
  };

  const update = async () => {
    const q = input.value;
    if (!q.trim()) {
      listbox.replaceChildren();
      options = [];
      summary.textContent = '';
      shownQuery = '';
      close();
      return;
    }
    const response = await connection.search({ ...emptyState(), q }, POPUP_LIMIT);
    if (!response || input.value !== q) return;
    render(q, response);
    if (document.activeElement === input) open();
  };

  const activate = (el: HTMLElement, newTab = false) => {
    if (el.dataset.query) {
      input.value = el.dataset.query;
      void update();
      return;
    }
    const href = el.dataset.href;
    if (!href) return;
    close();
    if (newTab) window.open(href, '_blank', 'noopener');
    else location.assign(href);
  };

  input.addEventListener('input', () => void update());
  input.addEventListener('focus', () => {
    if (input.value.trim() && shownQuery === input.value) open();
  });
  input.addEventListener('keydown', (event) => {
    const count = options.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!input.value.trim()) return;
        event.preventDefault();
        if (!isOpen()) {
          open();
          if (shownQuery !== input.value) void update();
        }
        if (!count) return;
        if (event.altKey) return; // Alt+Down only opens.
        const down = event.key === 'ArrowDown';
        setActive(active < 0 ? (down ? 0 : count - 1) : (active + (down ? 1 : -1) + count) % count);
        return;
      }
      case 'Enter': {
        const current = options[active];
        if (isOpen() && current) {
          event.preventDefault();
          activate(current, event.ctrlKey || event.metaKey);
        }
        return; // Otherwise the form submits to /recherche/.
      }
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          void update();
        }
        return;
      case 'Tab':
        close();
        return;
    }
  });
  // Keep the focus in the input when the pointer picks an option.
  popup.addEventListener('pointerdown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const el = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (el) activate(el, event.ctrlKey || event.metaKey);
  });
  document.addEventListener('pointerdown', (event) => {
    if (!root.contains(event.target as Node)) close();
  });
  input.addEventListener('blur', () => {
    // A click inside the popup keeps focus (pointerdown above); anything else closes it.
    setTimeout(() => {
      if (document.activeElement !== input) close();
    }, 0);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) close();
  });

  if (input.value.trim()) void update();
}
