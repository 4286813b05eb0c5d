// A patient's records, newest first, a page at a time, each opened through the vault in turn
// (one at a time: each read is the reader's own access-log transaction, and they must not race
// for a nonce). Used by the patient (own records: question, erase, print) and by a clinician
// (with a purpose; the author of a visit can correct it). A record replaced by a corrected
// version is not listed: the newest version is, with its earlier versions on request.
import type { FhirResource, PurposeOfUse } from '@ruralmed/client';

import type { AppContext } from '../app';
import { AppError, deleteStoredCopy, openedKey, earlierVersions, eraseMyRecord, openRecords, questionRecord, recordFlags, recordPage } from '../chain';
import { button, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { t } from '../i18n';
import { orgName, personName } from '../names';
import { showPrintView } from './print';
import { showShareView } from './share-link';
import { recordCard, type CardActions, type CardData } from './record-card';

export interface ListOptions {
  readonly patient: string;
  readonly purpose: PurposeOfUse;
  /** The patient's own view: records can be questioned, erased and printed. */
  readonly own: boolean;
}

/** The chain said no: by the consent check before reading, or by the vault's access log. */
const isRefusal = (error: unknown): boolean =>
  (error instanceof AppError && error.code === 'NoReadAccess') ||
  (error instanceof Error && error.name === 'VaultError' && (error as Error & { code: string }).code === 'access_refused');

export function cacheKey(ctx: AppContext, options: ListOptions, id: bigint): string {
  return openedKey(ctx.session?.address ?? '', options.patient, options.purpose, id);
}

/** Forgets what this reader decrypted of `patient`'s records, so the next view reads again. */
export function forgetOpened(ctx: AppContext, patient: string): void {
  const prefix = `${ctx.session?.address ?? ''}:${patient}:`;
  for (const key of [...ctx.opened.keys()]) if (key.startsWith(prefix)) ctx.opened.delete(key);
}

interface Shown { data: CardData; element: HTMLElement; history: HTMLElement | null; finishErase: boolean }

export function recordList(ctx: AppContext, options: ListOptions): HTMLElement {
  const root = h('div', { class: 'records', 'aria-busy': 'true' });
  const alert = h('div', { class: 'message' });
  const tools = h('div', { class: 'row' });
  const list = h('div', { class: 'list' });
  const more = h('div', {});
  root.append(alert, tools, list, more);
  const cards = new Map<string, Shown>();
  let refused = false;
  let total = 0;
  let busy = false;

  const actionsFor = (data: CardData, shown: Shown | undefined): CardActions => {
    const me = ctx.session?.address;
    return {
      print: () => { void print([data]); },
      ...(options.own ? { question: (reason) => { void question(data, reason); }, erase: () => { void erase(data); }, share: () => { void share([data]); } } : {}),
      ...(shown?.finishErase === true ? { finishErase: () => { void finishErase(data); } } : {}),
      ...(!options.own && data.anchor.author === me && data.content.kind === 'open'
        ? { amend: () => { if (data.content.kind !== 'open') return; ctx.amending = { record: data.anchor.id, resource: data.content.resource }; ctx.patient = options.patient; ctx.navigate('write'); } }
        : {}),
      history: () => { void history(data); },
    };
  };

  const show = (data: CardData, into: HTMLElement = list, finishErase = false): void => {
    const key = data.anchor.id.toString();
    const old = cards.get(key);
    const shown: Shown = { data, element: h('div'), history: old?.history ?? null, finishErase: finishErase || (old?.finishErase === true && data.flags.erasure !== null) };
    shown.element = recordCard(data, actionsFor(data, shown));
    if (old === undefined) into.append(shown.element);
    else old.element.replaceWith(shown.element);
    cards.set(key, shown);
  };

  async function run(work: () => Promise<void>): Promise<void> {
    if (busy) return;
    busy = true;
    root.setAttribute('aria-busy', 'true');
    try {
      await work();
    } finally {
      busy = false;
      root.setAttribute('aria-busy', 'false');
    }
  }

  async function question(data: CardData, reason: Parameters<typeof questionRecord>[3]): Promise<void> {
    const session = ctx.session;
    if (session === null) return;
    await run(async () => {
      try {
        await questionRecord(ctx.backend, session, data.anchor.id, reason);
        show({ ...data, flags: await recordFlags(ctx.backend, data.anchor.id) });
        ctx.notify('ok', t('dispute.sent'));
      } catch (error) {
        ctx.notify('error', explain(error));
      }
    });
  }

  async function erase(data: CardData): Promise<void> {
    const session = ctx.session;
    if (session === null) return;
    await run(async () => {
      ctx.notify('ok', t('erase.working'));
      try {
        await eraseMyRecord(ctx.backend, session, data.anchor);
        ctx.opened.delete(cacheKey(ctx, options, data.anchor.id));
        show({ ...data, flags: await recordFlags(ctx.backend, data.anchor.id), content: { kind: 'closed' } });
        ctx.notify('ok', t('erase.done', { id: data.anchor.id.toString() }));
      } catch (error) {
        // The chain may have erased it even though the vault could not delete the copy yet.
        const flags = await recordFlags(ctx.backend, data.anchor.id).catch(() => data.flags);
        if (flags.erasure !== null) {
          ctx.opened.delete(cacheKey(ctx, options, data.anchor.id));
          show({ ...data, flags, content: { kind: 'closed' } }, list, true);
        }
        ctx.notify('error', explain(error));
      }
    });
  }

  async function finishErase(data: CardData): Promise<void> {
    const session = ctx.session;
    if (session === null) return;
    await run(async () => {
      try {
        await deleteStoredCopy(ctx.backend, session, data.anchor);
        const shown = cards.get(data.anchor.id.toString());
        if (shown !== undefined) shown.finishErase = false;
        show(data);
        ctx.notify('ok', t('erase.done', { id: data.anchor.id.toString() }));
      } catch (error) {
        ctx.notify('error', explain(error));
      }
    });
  }

  /** Shows (and opens) the versions a corrected record replaced, under it. */
  async function history(data: CardData): Promise<void> {
    const key = data.anchor.id.toString();
    const shown = cards.get(key);
    if (shown === undefined) return;
    if (shown.history !== null) { shown.history.remove(); shown.history = null; return; }
    const box = h('div', { class: 'history list', 'data-history-of': key, 'aria-label': t('records.historyOf', { id: key }) });
    shown.history = box;
    shown.element.after(box);
    try {
      const versions = await earlierVersions(ctx.backend, data.anchor);
      const toOpen = await describe(versions, box);
      await openAll(toOpen, box);
    } catch (error) {
      box.append(h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  async function print(records: CardData[]): Promise<void> {
    const name = options.patient === ctx.session?.address ? null : await personName(ctx, options.patient);
    await showPrintView({ patientName: name, records, left: records.length === 1 ? 0 : Math.max(0, total - records.length) });
  }

  async function share(records: CardData[]): Promise<void> {
    const name = options.patient === ctx.session?.address ? null : await personName(ctx, options.patient);
    showShareView(ctx, { patient: options.patient, patientName: name, records });
  }

  /** Cards for these anchors (content from this session's memory, or to open). */
  async function describe(anchors: Awaited<ReturnType<typeof recordPage>>['anchors'], into: HTMLElement): Promise<CardData[]> {
    const toOpen: CardData[] = [];
    for (const anchor of anchors) {
      const [author, organisation, flags] = await Promise.all([personName(ctx, anchor.author), orgName(ctx, anchor.organisation), recordFlags(ctx.backend, anchor.id)]);
      const cached = ctx.opened.get(cacheKey(ctx, options, anchor.id));
      const data: CardData = { anchor, author, organisation, flags, content: cached !== undefined ? { kind: 'open', resource: cached as never } : flags.erasure !== null ? { kind: 'closed' } : { kind: 'loading' } };
      show(data, into);
      if (data.content.kind === 'loading') toOpen.push(data);
    }
    return toOpen;
  }

  async function openAll(toOpen: CardData[], into: HTMLElement): Promise<void> {
    const session = ctx.session;
    if (session === null || toOpen.length === 0) return;
    if (refused) { for (const data of toOpen) show({ ...data, content: { kind: 'closed' } }, into); return; }
    let results: PromiseSettledResult<FhirResource>[];
    try {
      // All at once: their access logs go to the chain together (one finality wait, not one each).
      results = await openRecords(ctx.backend, session, toOpen.map((d) => d.anchor.id), options.purpose, options.own);
    } catch (error) {
      results = toOpen.map(() => ({ status: 'rejected', reason: error }));
    }
    results.forEach((result, i) => {
      const data = toOpen[i];
      if (data === undefined) return;
      if (result.status === 'fulfilled') {
        ctx.opened.set(cacheKey(ctx, options, data.anchor.id), result.value);
        show({ ...data, content: { kind: 'open', resource: result.value } }, into);
        return;
      }
      const reason = explain(result.reason);
      if (isRefusal(result.reason) && !options.own) {
        // The chain said no: shown once, and the records stay closed.
        if (!refused) mount(alert, h('p', { class: 'note error refusal', role: 'alert', 'data-refused': 'true' }, icon('error'), h('span', {}, t('clinician.refused', { reason }))));
        refused = true;
        show({ ...data, content: { kind: 'closed' } }, into);
      } else {
        show({ ...data, content: { kind: 'failed', reason } }, into);
      }
    });
  }

  async function load(before: number | null): Promise<void> {
    root.setAttribute('aria-busy', 'true');
    try {
      const page = await recordPage(ctx.backend, options.patient, before);
      if (before === null) total = page.from + page.anchors.length;
      if (page.anchors.length === 0 && before === null) list.append(h('p', { class: 'hint', 'data-empty': 'records' }, t('records.empty')));
      // Replaced versions are shown under their newest version, on request.
      const toOpen = await describe(page.anchors.filter((a) => a.supersededBy === null), list);
      mount(more, page.from > 0 ? button('records', t('records.older'), () => { more.replaceChildren(); void load(page.from); }, { class: 'btn quiet' }) : null);
      await openAll(toOpen, list);
      if (total > 0) {
        const opened = (): CardData[] => [...cards.values()].filter((s) => s.element.isConnected && s.element.parentElement === list && s.data.content.kind === 'open' && s.data.flags.erasure === null).map((s) => s.data);
        mount(tools, button('print', options.own ? t('print.all') : t('print.allOf'), () => { void print(opened()); }, { class: 'btn quiet', 'data-print-all': 'true' }),
          options.own ? button('access', t('share.all'), () => { void share(opened()); }, { class: 'btn quiet', 'data-share-all': 'true' }) : null);
      }
    } catch (error) {
      mount(alert, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    } finally {
      root.setAttribute('aria-busy', 'false');
    }
  }

  void load(null);
  return root;
}
