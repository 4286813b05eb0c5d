// A printable copy of one record or the whole history: each record as the patient sees it, with
// a QR code holding its record id and content hash, so that anyone can check a paper copy
// against the chain (the anchor of that record id must carry that hash). Shown in place of the
// app with its own "Print or save as PDF" and "Back" buttons; the print stylesheet prints the
// sheet alone. Built only from records already decrypted on this phone: printing reads nothing.
import { u8aToHex } from '@polkadot/util';
import QRCode from 'qrcode';

import { button, h, icon } from '../dom';
import { readableLines } from '../fhir-view';
import { formatTime, t } from '../i18n';
import type { CardData } from './record-card';

/** What the QR code of a printed record says: its id and its content hash on chain. */
export function printedRecordCode(data: CardData): string {
  return `ruralmed:record/${data.anchor.id.toString()}?hash=${u8aToHex(data.anchor.contentHash)}`;
}

export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 1, width: 200 } as const;

export interface PrintRequest {
  /** Whose records, or null for the patient's own. */
  readonly patientName: string | null;
  readonly records: readonly CardData[];
  /** Records of the history that are not in the copy (not opened, or erased). */
  readonly left: number;
}

/** Shows the printable sheet over the app; resolves once its QR codes are drawn. */
export async function showPrintView(request: PrintRequest): Promise<void> {
  document.querySelector('.print-sheet')?.remove();
  const close = (): void => {
    sheet.remove();
    document.body.classList.remove('printing');
    document.querySelector<HTMLElement>('main')?.focus();
  };
  const pages = await Promise.all(request.records.map(async (data) => {
    const code = printedRecordCode(data);
    const qr = await QRCode.toDataURL(code, QR_OPTIONS);
    const id = data.anchor.id.toString();
    const lines = data.content.kind === 'open' ? readableLines(data.content.resource) : [];
    return h('article', { class: 'print-record', 'data-print-record': id },
      h('h2', {}, `${t(`category.${data.anchor.category}`)} · ${t('records.number', { id })}`),
      h('div', { class: 'print-body' },
        h('dl', { class: 'lines' },
          h('dt', {}, t('records.author')), h('dd', {}, data.anchor.selfReported ? t('records.selfReported') : data.author),
          data.organisation === '' ? null : h('dt', {}, t('records.organisation')), data.organisation === '' ? null : h('dd', {}, data.organisation),
          h('dt', {}, t('records.time')), h('dd', {}, formatTime(data.anchor.timestampMs)),
          ...lines.flatMap((l) => [h('dt', {}, l.label), h('dd', {}, l.value)]),
          data.flags.dispute === null ? null : h('dt', {}, t('print.questioned')),
          data.flags.dispute === null ? null : h('dd', {}, t(`dispute.${data.flags.dispute.reason}`))),
        h('figure', { class: 'print-qr' },
          h('img', { src: qr, alt: t('print.qrAlt', { id }), width: '160', height: '160', 'data-qr': code }),
          h('figcaption', {}, t('print.check', { id }), h('br'), h('code', {}, u8aToHex(data.anchor.contentHash))))));
  }));
  const sheet = h('section', { class: 'print-sheet', 'aria-labelledby': 'print-title', tabindex: '-1' },
    h('div', { class: 'print-tools row' },
      button('print', t('print.print'), () => { window.print(); }, { class: 'btn primary' }),
      button('back', t('common.back'), close, { class: 'btn quiet' })),
    h('header', { class: 'print-head' },
      h('h1', { id: 'print-title' }, request.patientName === null ? t('print.titleMine') : t('print.title', { name: request.patientName })),
      h('p', {}, t('print.made', { when: formatTime(Date.now()), count: request.records.length })),
      request.left === 0 ? null : h('p', { class: 'note warn' }, icon('warning'), h('span', {}, t('print.left', { count: request.left }))),
      h('p', { class: 'hint' }, t('print.how'))),
    ...pages);
  document.body.append(sheet);
  document.body.classList.add('printing');
  sheet.setAttribute('data-ready', 'true');
  sheet.focus();
}
