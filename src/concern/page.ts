/**
 * « Suis-je concerné ? » enhanced: the reader types or picks a name, the answer
 * is assembled from blocks the build rendered (status, operator exposure), so
 * the script never writes a claim itself. The typed name lives in the address
 * (?organisme=…): a shared link opens on the same answer; Back replays it.
 */
import { createMatcher, type MatchCandidate } from '../lib/concern-match.ts';

const PARAM = 'organisme';

export function enhanceConcern(root: HTMLElement): void {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = 'true';
  const candidates = JSON.parse(root.dataset.candidates ?? '[]') as MatchCandidate[];
  const nameOf = new Map(candidates.map((c) => [c.slug, c.name]));
  const match = createMatcher(candidates);
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input')!;
  const answer = root.querySelector<HTMLElement>('[data-answer]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const template = (selector: string) => root.querySelector<HTMLTemplateElement>(`template${selector}`);
  form.hidden = false;

  const heading = (text: string) => {
    const h = document.createElement('h2');
    h.id = 'reponse-titre';
    h.textContent = text;
    return h;
  };
  const fillTyped = (node: ParentNode, typed: string) => node.querySelectorAll('[data-typed]').forEach((el) => (el.textContent = typed));

  function show(typed: string, focus: boolean): void {
    const result = match(typed);
    answer.replaceChildren();
    if (result.kind === 'found') {
      const block = template(`[data-org="${result.slug}"]`)!;
      const content = block.content.cloneNode(true) as DocumentFragment;
      fillTyped(content, typed.trim());
      if (!result.exact) content.querySelector<HTMLElement>('[data-guess]')!.hidden = false;
      answer.append(heading(nameOf.get(result.slug) ?? typed), content);
      for (const op of (block.dataset.operators ?? '').split(' ').filter(Boolean)) {
        answer.append(template(`[data-exposure="${op}"]`)!.content.cloneNode(true));
      }
      status.textContent = `Réponse pour ${nameOf.get(result.slug)}.`;
    } else {
      const content = template('[data-unknown]')!.content.cloneNode(true) as DocumentFragment;
      fillTyped(content, typed.trim());
      if (result.kind === 'suggestions') {
        const box = content.querySelector<HTMLElement>('[data-suggestions]')!;
        box.hidden = false;
        for (const slug of result.slugs) {
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'suggestion';
          b.textContent = nameOf.get(slug) ?? slug;
          b.addEventListener('click', () => {
            input.value = b.textContent ?? '';
            commit(true);
          });
          const li = document.createElement('li');
          li.append(b);
          box.querySelector('ul')!.append(li);
        }
      }
      answer.append(heading(`« ${typed.trim()} » : nous ne savons pas`), content);
      status.textContent = 'Organisme inconnu de nos sources.';
    }
    answer.hidden = false;
    if (focus) answer.focus();
  }

  function commit(focus: boolean): void {
    const typed = input.value.trim();
    if (!typed) return;
    const url = new URL(location.href);
    url.searchParams.set(PARAM, typed);
    url.hash = '';
    if (url.href !== location.href) history.pushState(null, '', url);
    show(typed, focus);
  }

  function fromAddress(): void {
    const typed = new URL(location.href).searchParams.get(PARAM)?.trim() ?? '';
    input.value = typed;
    if (typed) show(typed, false);
    else answer.hidden = true;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(true);
  });
  // Picking a name from the list is an answer already: no need to press the button.
  input.addEventListener('change', () => {
    if (candidates.some((c) => c.name === input.value)) commit(false);
  });
  window.addEventListener('popstate', fromAddress);
  fromAddress();
}
