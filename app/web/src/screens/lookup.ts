// The answer area of a look-up anyone can make (check a medicine, trace a donation): one answer
// at a time, a waiting line while the chain is asked, the answer brought into view on a phone
// (it sits below the form), and every failure as a sentence with its kind in `data-problem`.
import { h, icon, mount } from '../dom';
import { explain } from '../errors';

/** A refusal or failure, in words; `kind` goes to `data-problem` for tests and styling. */
export function problemNote(kind: string, message: string): HTMLElement {
  return h('p', { class: 'note error', role: 'alert', 'data-problem': kind }, icon('error'), h('span', {}, message));
}

export interface AnswerArea {
  readonly element: HTMLElement;
  /** Shows a refusal found before asking the chain. */
  problem(kind: string, message: string): void;
  /** Shows `waiting`, then what `load` gives (a failure as the `Chain` problem); ignored while one runs. */
  show(waiting: string, load: () => Promise<HTMLElement>): Promise<void>;
}

export function answerArea(className: string): AnswerArea {
  const element = h('div', { class: className, 'aria-live': 'polite' });
  let busy = false;
  return {
    element,
    problem(kind, message) { mount(element, problemNote(kind, message)); },
    async show(waiting, load) {
      if (busy) return;
      busy = true;
      element.setAttribute('aria-busy', 'true');
      mount(element, h('p', { class: 'hint' }, waiting));
      try {
        mount(element, await load());
        element.scrollIntoView({ block: 'start', behavior: 'smooth' });
      } catch (error) {
        mount(element, problemNote('Chain', explain(error)));
      } finally {
        busy = false;
        element.setAttribute('aria-busy', 'false');
      }
    },
  };
}
