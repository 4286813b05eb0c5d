// Share records with a doctor outside RuralMed (a city hospital, a doctor abroad) through a SMART
// Health Link: the patient chooses a name for the link, how long it works and an optional
// passcode; the app seals the records already opened on this phone and shows the link as a QR
// code to scan or text to send. Shown over the app like the print sheet. Each use lands on the
// patient's "Who looked" screen; the link is stopped under "Who may see my records".
import QRCode from 'qrcode';

import type { AppContext } from '../app';
import { makeHealthLink } from '../chain';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formatTime, t } from '../i18n';
import { QR_OPTIONS } from './print';
import type { CardData } from './record-card';

export const LINK_DAYS = [1, 7, 30, 90] as const;

export function showShareView(ctx: AppContext, request: { patient: string; patientName: string | null; records: readonly CardData[] }): void {
  document.querySelector('.share-sheet')?.remove();
  const close = (): void => {
    sheet.remove();
    document.querySelector<HTMLElement>('main')?.focus();
  };
  const opened = request.records.flatMap((d) => (d.content.kind === 'open' ? [{ recordId: d.anchor.id, resource: d.content.resource }] : []));
  const label = h('input', { name: 'link-label', maxlength: '80', value: request.patientName === null ? t('share.defaultLabel') : t('share.defaultLabelOf', { name: request.patientName }) }) as HTMLInputElement;
  const days = h('select', { name: 'link-days' }, ...LINK_DAYS.map((d) => h('option', { value: String(d), selected: d === 7 }, t('share.days', { count: d })))) as HTMLSelectElement;
  const passcode = h('input', { name: 'link-passcode', inputmode: 'numeric', autocomplete: 'off', maxlength: '64' }) as HTMLInputElement;
  const message = h('div', { class: 'message', 'aria-live': 'polite' });
  const body = h('div', { class: 'stack' });
  let busy = false;

  const form = h('form', { class: 'card stack', onSubmit: (e: Event) => {
    e.preventDefault();
    const session = ctx.session;
    if (busy || session === null) return;
    busy = true;
    form.setAttribute('aria-busy', 'true');
    mount(message, h('p', { class: 'hint' }, t('share.making')));
    const code = passcode.value.trim();
    void makeHealthLink(ctx.backend, session, {
      patient: request.patient, records: opened, label: label.value.trim(), days: Number(days.value), passcode: code === '' ? null : code,
    }).then(async (made) => {
      const qr = await QRCode.toDataURL(made.link, QR_OPTIONS);
      const linkText = h('input', { name: 'link-text', readonly: true, value: made.link, 'aria-label': t('share.linkLabel') }) as HTMLInputElement;
      mount(body,
        h('p', { class: 'note ok', 'data-link-made': made.id }, icon('ok'), h('span', {}, t('share.made', { until: formatTime(made.expiresMs) }))),
        h('figure', { class: 'share-qr' }, h('img', { src: qr, alt: t('share.qrAlt'), width: '240', height: '240', 'data-link-qr': made.link }), h('figcaption', {}, t('share.scan'))),
        field(t('share.linkLabel'), linkText),
        button('attach', t('share.copy'), () => {
          linkText.select();
          void navigator.clipboard.writeText(made.link).then(() => { ctx.notify('ok', t('share.copied')); }, () => { ctx.notify('error', t('share.copyFailed')); });
        }, { class: 'btn' }),
        code === '' ? h('p', { class: 'note warn' }, icon('warning'), h('span', {}, t('share.noPasscode'))) : h('p', { class: 'hint' }, t('share.tellPasscode')),
        button('back', t('common.done'), close, { class: 'btn primary' }));
    }).catch((error: unknown) => {
      mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }).finally(() => {
      busy = false;
      form.setAttribute('aria-busy', 'false');
    });
  } },
    field(t('share.label'), label, t('share.labelHint')),
    field(t('share.until'), days),
    field(t('share.passcode'), passcode, t('share.passcodeHint')),
    message,
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'btn primary' }, icon('access'), h('span', {}, t('share.make'))),
      button('back', t('common.back'), close, { class: 'btn quiet' })));
  body.append(h('p', {}, t('share.explain', { count: opened.length })), form);

  const sheet = h('section', { class: 'share-sheet screen', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'share-title', tabindex: '-1' },
    h('h2', { id: 'share-title' }, icon('access'), h('span', {}, t('share.title'))), body);
  document.body.append(sheet);
  sheet.focus();
}
