// The answer area of a look-up anyone can make (check a medicine, trace a donation): one answer
// at a time, a waiting line while the chain is asked, the answer brought into view on a phone
// (it sits below the form), and every failure as a sentence with its kind in `data-problem`.
import { field, h, icon, mount } from '../dom';
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

export interface NumberLookup {
  readonly form: HTMLElement;
  /** Where the answer (or the refusal) is shown. */
  readonly slot: HTMLElement;
  /** Looks the last number up again (after an action changed what it shows). */
  again(): Promise<void>;
}

/**
 * A form to look something up by the number written on paper (a donation on a shipment, a
 * shipment on a delivery note): `parse` turns the text into the number (throwing when it is
 * not one, shown as `notANumber` in `data-problem="NotANumber"`), `show` reads and renders it.
 */
export function numberLookup(args: {
  name: string; label: string; hint: string; submit: string; loading: string; notANumber: string;
  parse: (input: string) => bigint; show: (value: bigint) => Promise<HTMLElement>;
}): NumberLookup {
  const input = h('input', { type: 'text', name: args.name, inputmode: 'numeric', autocomplete: 'off' }) as HTMLInputElement;
  const slot = h('div', { 'aria-live': 'polite' });
  let shown: bigint | null = null;
  const again = async (): Promise<void> => {
    if (shown === null) return;
    const value = shown;
    mount(slot, h('p', { class: 'hint' }, args.loading));
    try {
      mount(slot, await args.show(value));
    } catch (error) {
      mount(slot, problemNote('Chain', explain(error)));
    }
  };
  const form = h('form', { class: 'stack', onSubmit: (ev: Event) => {
    ev.preventDefault();
    try {
      shown = args.parse(input.value);
    } catch {
      shown = null;
      mount(slot, problemNote('NotANumber', args.notANumber));
      return;
    }
    void again();
  } }, field(args.label, input, args.hint), h('button', { type: 'submit', class: 'btn primary' }, icon('search'), h('span', {}, args.submit)));
  return { form, slot, again };
}
