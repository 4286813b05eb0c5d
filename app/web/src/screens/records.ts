// Patient: my records, newest first, decrypted on this phone.
import type { AppContext } from '../app';
import { button, h } from '../dom';
import { t } from '../i18n';
import { recordList } from './record-list';

export function recordsScreen(ctx: AppContext): HTMLElement {
  const address = ctx.actingFor ?? '';
  return h('section', { class: 'screen', 'aria-labelledby': 'records-title' },
    h('div', { class: 'title-row' },
      h('h2', { id: 'records-title' }, address === ctx.session?.address ? t('records.title') : t('records.titleWard')),
      button('refresh', t('common.refresh'), () => { ctx.refresh(); }, { class: 'btn quiet small' })),
    recordList(ctx, { patient: address, purpose: 'Treatment', own: true }));
}
