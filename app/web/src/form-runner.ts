// A form's chain work, one at a time: "busy" in `result`, then the note the work returns (or
// nothing), or its error in words. A submit while one is on its way does nothing.
import type { Session } from './accounts';
import type { AppContext } from './app';
import { h, icon, mount } from './dom';
import { explain } from './errors';
import { t } from './i18n';

export type FormRunner = (work: (session: Session) => Promise<HTMLElement | null>) => void;

export function formRunner(ctx: AppContext, result: HTMLElement): FormRunner {
  let busy = false;
  return (work) => {
    const session = ctx.session;
    if (busy || session === null) return;
    busy = true;
    mount(result, h('p', { class: 'note' }, t('common.busy')));
    work(session).then(
      (note) => { if (note === null) mount(result); else mount(result, note); },
      (error: unknown) => { mount(result, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error)))); },
    ).finally(() => { busy = false; });
  };
}
