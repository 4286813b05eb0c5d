// One record as a card: what it is, who wrote it, where and when, its flags (questioned,
// erased, replaced), its readable content once decrypted (a photo or PDF as a picture or a
// link), or why it could not be opened; and what the viewer may do with it.
import { DISPUTE_REASONS, EnvelopeError, unwrapFile, type DisputeReason, type FhirResource, type RecordAnchorView } from '@ruralmed/client';

import type { RecordFlags } from '../chain';
import { button, h, icon } from '../dom';
import { readableLines } from '../fhir-view';
import { formatTime, t } from '../i18n';

export type CardContent = { readonly kind: 'loading' } | { readonly kind: 'open'; readonly resource: FhirResource } | { readonly kind: 'failed'; readonly reason: string } | { readonly kind: 'closed' };

export interface CardData {
  readonly anchor: RecordAnchorView;
  readonly author: string;
  readonly organisation: string;
  readonly flags: RecordFlags;
  readonly content: CardContent;
}

/** What the viewer may do; a missing action is not offered. */
export interface CardActions {
  /** The patient questions the record. */
  readonly question?: (reason: DisputeReason) => void;
  /** The patient erases it (after confirming on the card). */
  readonly erase?: () => void;
  /** The chain erased it but the vault did not yet delete the copy: try that again. */
  readonly finishErase?: () => void;
  readonly print?: () => void;
  /** The patient shares it with a doctor outside RuralMed by a link. */
  readonly share?: () => void;
  /** Its author writes a corrected version. */
  readonly amend?: () => void;
  /** Shows the versions it replaced. */
  readonly history?: () => void;
}

/** The inline file of a DocumentReference as a picture or a link, or null if it has none. */
function attachmentView(resource: FhirResource): HTMLElement | null {
  if (resource.resourceType !== 'DocumentReference') return null;
  let file: { bytes: Uint8Array; contentType: string };
  try {
    file = unwrapFile(resource);
  } catch (error) {
    if (error instanceof EnvelopeError) return null;
    throw error;
  }
  const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.contentType }));
  const first = (resource.content as { attachment?: { title?: unknown } }[] | undefined)?.[0];
  const title = typeof first?.attachment?.title === 'string' ? first.attachment.title : t('fhir.file');
  if (file.contentType.startsWith('image/')) {
    return h('figure', { class: 'attachment' }, h('img', { src: url, alt: title, 'data-attachment': 'image' }), h('figcaption', {}, title));
  }
  return h('a', { class: 'btn quiet', href: url, target: '_blank', rel: 'noopener', download: `${title}.pdf`, 'data-attachment': 'pdf' }, icon('attach'), h('span', {}, t('records.openFile')));
}

function questionForm(id: string, onQuestion: (reason: DisputeReason) => void): HTMLElement {
  const holder = h('div', { class: 'question' });
  const openForm = (): void => {
    const name = `reason-${id}`;
    const form = h('form', { class: 'stack', onSubmit: (e: Event) => {
      e.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
      if (chosen === null) return;
      onQuestion(chosen.value as DisputeReason);
    } },
      h('fieldset', {}, h('legend', {}, t('dispute.reason')),
        ...DISPUTE_REASONS.map((reason, i) => h('div', { class: 'check' },
          h('input', { type: 'radio', name, id: `${name}-${reason}`, value: reason, checked: i === 0 }),
          h('label', { for: `${name}-${reason}` }, t(`dispute.${reason}`))))),
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: 'btn primary' }, icon('flag'), h('span', {}, t('dispute.send'))),
        button('back', t('dispute.cancel'), () => { holder.replaceChildren(openButton); }, { class: 'btn quiet' })));
    holder.replaceChildren(form);
    form.querySelector('input')?.focus();
  };
  const openButton = button('flag', t('records.question'), openForm, { class: 'btn quiet' });
  holder.append(openButton);
  return holder;
}

/** The erase button, and the confirmation it asks for on the card itself. */
function eraseControl(id: string, onErase: () => void): HTMLElement {
  const holder = h('div', { class: 'erase' });
  const ask = (): void => {
    const yes = button('erase', t('erase.yes'), () => { onErase(); }, { class: 'btn danger-solid', 'data-confirm-erase': id });
    holder.replaceChildren(h('div', { class: 'confirm', role: 'alertdialog', 'aria-labelledby': `erase-${id}-q`, 'aria-describedby': `erase-${id}-d` },
      h('p', { id: `erase-${id}-q`, class: 'confirm-title' }, icon('warning'), h('span', {}, t('erase.question', { id }))),
      h('p', { id: `erase-${id}-d` }, t('erase.explain')),
      h('div', { class: 'row' }, yes, button('back', t('erase.no'), () => { holder.replaceChildren(start); }, { class: 'btn quiet' }))));
    yes.focus();
  };
  const start = button('erase', t('erase.button'), ask, { class: 'btn danger' });
  holder.append(start);
  return holder;
}

export function recordCard(data: CardData, actions: CardActions = {}): HTMLElement {
  const { anchor, flags, content } = data;
  const id = anchor.id.toString();
  const badges: HTMLElement[] = [];
  if (flags.dispute !== null) {
    badges.push(h('p', { class: 'badge disputed', 'data-flag': 'disputed' }, icon('flag'), h('span', {}, t('records.disputedBecause', { reason: t(`dispute.${flags.dispute.reason}`) }))));
  }
  if (flags.erasure !== null) badges.push(h('p', { class: 'badge erased', 'data-flag': 'erased' }, icon('erase'), h('span', {}, t('records.erased'))));
  if (anchor.supersededBy !== null) badges.push(h('p', { class: 'badge', 'data-flag': 'superseded' }, icon('write'), h('span', {}, t('records.amendedBy', { id: anchor.supersededBy.toString() }))));
  if (anchor.amends !== null) badges.push(h('p', { class: 'badge amends', 'data-flag': 'amends' }, icon('history'), h('span', {}, t('records.corrects', { id: anchor.amends.toString() }))));

  let body: HTMLElement | null = null;
  let file: HTMLElement | null = null;
  if (flags.erasure === null) {
    if (content.kind === 'loading') body = h('p', { class: 'hint' }, t('records.loading'));
    else if (content.kind === 'failed') body = h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, t('records.openFailed', { reason: content.reason })));
    else if (content.kind === 'open') {
      body = h('dl', { class: 'lines' }, ...readableLines(content.resource).flatMap((l) => [h('dt', {}, l.label), h('dd', {}, l.value)]));
      file = attachmentView(content.resource);
    }
  }

  const meta = h('dl', { class: 'meta' },
    h('dt', {}, t('records.author')), h('dd', {}, anchor.selfReported ? t('records.selfReported') : data.author),
    data.organisation === '' ? null : h('dt', {}, t('records.organisation')), data.organisation === '' ? null : h('dd', {}, data.organisation),
    h('dt', {}, t('records.time')), h('dd', {}, formatTime(anchor.timestampMs)));

  const live = flags.erasure === null;
  const tools = h('div', { class: 'row tools' },
    live && content.kind === 'open' && actions.print !== undefined ? button('print', t('print.one'), actions.print, { class: 'btn quiet', 'data-print': id }) : null,
    live && content.kind === 'open' && actions.share !== undefined ? button('access', t('share.one'), actions.share, { class: 'btn quiet', 'data-share': id }) : null,
    live && content.kind === 'open' && actions.amend !== undefined && content.resource.resourceType === 'Encounter' ? button('write', t('records.amend'), actions.amend, { class: 'btn quiet', 'data-amend': id }) : null,
    anchor.amends !== null && actions.history !== undefined ? button('history', t('records.history'), actions.history, { class: 'btn quiet', 'data-history': id }) : null,
    !live && actions.finishErase !== undefined ? button('erase', t('erase.finish'), actions.finishErase, { class: 'btn danger', 'data-finish-erase': id }) : null);

  return h('article', { class: `record${flags.dispute === null ? '' : ' is-disputed'}${live ? '' : ' is-erased'}`, 'data-record': id, 'data-category': anchor.category, 'aria-labelledby': `record-${id}-title` },
    h('h3', { id: `record-${id}-title` }, icon('records'), h('span', {}, `${t(`category.${anchor.category}`)} · ${t('records.number', { id })}`)),
    ...badges, meta, body, file,
    tools.childElementCount === 0 ? null : tools,
    actions.question !== undefined && flags.dispute === null && live ? questionForm(id, actions.question) : null,
    actions.erase !== undefined && live ? eraseControl(id, actions.erase) : null);
}
