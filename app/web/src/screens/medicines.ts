// Patient: my medicines. Every medicine handed over to me (the MedicationDispense records of my
// history, opened on this phone), with its lot traced on chain: a recalled lot is a red warning
// at the top, saying why and what to do; a lot the chain does not know, or a dispensation that
// does not match the record, is flagged too. The chain never names me: the record holds the salt
// that links it to the dispensation's commitment (docs/privacy.md).
import type { Medicine } from '@ruralmed/client';

import type { AppContext } from '../app';
import { medicinesFor } from '../chain';
import { button, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formatDate, t } from '../i18n';

function medicineCard(m: Medicine): HTMLElement {
  const status = m.lotStatus.kind;
  const warning = m.recalled
    ? h('p', { class: 'note error', role: 'alert', 'data-recalled': 'true' }, icon('warning'),
      h('span', {}, t('medicines.recalled', { reason: t(`medicines.recallReason.${m.recallReason ?? 'Other'}`) })))
    : status === 'Quarantined' || status === 'Illegitimate' || status === 'UnknownLot'
      ? h('p', { class: 'note warn', role: 'alert', 'data-lot-status': status }, icon('warning'), h('span', {}, t(`medicines.status.${status}`)))
      : null;
  const rows: [string, string | null][] = [
    [t('medicines.lot'), m.lotNumber === undefined ? null : `${m.lotNumber}${m.gtin === undefined ? '' : ` · GTIN ${m.gtin}`}`],
    [t('medicines.packs'), m.quantity === undefined ? null : String(m.quantity)],
    [t('medicines.handedOver'), m.handedOver === undefined ? null : formatDate(Date.parse(m.handedOver))],
    [t('medicines.howToTake'), m.dosageText ?? null],
    [t('medicines.expires'), m.expiresOn === undefined ? null : `${formatDate(Date.parse(m.expiresOn))}${m.expired ? ` · ${t('medicines.expired')}` : ''}`],
    [t('medicines.prescription'), m.prescription === undefined ? null : t('records.number', { id: m.prescription.toString() })],
  ];
  return h('article', { class: `record medicine${m.recalled ? ' is-recalled' : ''}`, 'data-medicine': m.recordId.toString() },
    h('h3', {}, icon('pill'), h('span', {}, m.display)),
    warning,
    h('dl', { class: 'lines' }, ...rows.flatMap(([label, value]) => (value === null ? [] : [h('dt', {}, label), h('dd', {}, value)]))),
    h('p', { class: m.linked ? 'hint' : 'note warn', 'data-linked': String(m.linked) }, icon(m.linked ? 'ok' : 'warning'),
      h('span', {}, m.linked ? t('medicines.linked') : t('medicines.notLinked'))));
}

export function medicinesScreen(ctx: AppContext): HTMLElement {
  const patient = ctx.actingFor ?? '';
  const list = h('div', { class: 'list', 'aria-busy': 'true' });
  const root = h('section', { class: 'screen', 'aria-labelledby': 'medicines-title' },
    h('div', { class: 'title-row' },
      h('h2', { id: 'medicines-title' }, t('medicines.title')),
      button('refresh', t('common.refresh'), () => { ctx.refresh(); }, { class: 'btn quiet small' })),
    h('p', { class: 'hint' }, t('medicines.intro')),
    button('search', t('medicines.checkPack'), () => { ctx.navigate('check'); }, { class: 'btn', 'data-go': 'check' }),
    list);
  const session = ctx.session;
  if (session === null) return root;
  mount(list, h('p', { class: 'hint' }, t('medicines.loading')));
  void medicinesFor(ctx.backend, session, patient, ctx.opened).then(({ medicines, unreadable }) => {
    // Recalled first: that is what the patient must see.
    const sorted = [...medicines].sort((a, b) => Number(b.recalled) - Number(a.recalled));
    mount(list,
      sorted.some((m) => m.recalled) ? h('p', { class: 'banner', role: 'alert', 'data-recall-banner': 'true' }, icon('warning'), h('span', {}, t('medicines.recallBanner'))) : null,
      medicines.length === 0 ? h('p', { class: 'hint', 'data-empty': 'medicines' }, t('medicines.none')) : null,
      ...sorted.map(medicineCard),
      unreadable === 0 ? null : h('p', { class: 'note warn' }, icon('warning'), h('span', {}, t('medicines.unreadable', { count: unreadable }))));
  }, (error: unknown) => {
    mount(list, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
  }).finally(() => { list.setAttribute('aria-busy', 'false'); });
  return root;
}
