// Work kept on this phone while offline: how much is unsent and when the phone last reached the
// chain, each item with its state, and what was set aside with the chain's reason. Set-aside
// work can be opened, tried again or deleted (with a confirmation); waiting work cannot be
// deleted, so nothing unsent is lost by accident.
import type { OutboxItem } from '@ruralmed/client';

import type { AppContext } from '../app';
import { keptSummary, keptWork, openKept, removeKept, retryKept, sendKept } from '../chain';
import { button, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { readableLines } from '../fhir-view';
import { formatTime, t } from '../i18n';
import { orgName, personName } from '../names';

async function describe(ctx: AppContext, item: OutboxItem): Promise<string> {
  if (item.record !== undefined) return t('outbox.record', { category: t(`category.${item.record.category}`), patient: await personName(ctx, item.record.patient) });
  if (item.kind === 'grantOrganisation') return t('outbox.grantOrg', { org: await orgName(ctx, Number(item.subject)) });
  if (item.kind === 'grantPractitioner') return t('outbox.grantDoctor', { name: await personName(ctx, item.subject) });
  return t('outbox.other');
}

export function outboxScreen(ctx: AppContext): HTMLElement {
  const root = h('section', { class: 'screen', 'aria-labelledby': 'outbox-title' });
  const summary = h('p', { class: 'note', 'aria-live': 'polite' });
  const list = h('div', { class: 'list', 'aria-busy': 'true' });
  const sendNow = button('refresh', t('outbox.sendNow'), () => { void send(); }, { class: 'btn primary', 'data-send-kept': 'true' });
  root.append(h('h2', { id: 'outbox-title' }, t('outbox.title')), h('p', { class: 'hint' }, t('outbox.intro')), summary, sendNow, list);

  async function send(): Promise<void> {
    const session = ctx.session;
    if (session === null) return;
    sendNow.setAttribute('disabled', 'true');
    try {
      const report = await sendKept(ctx.backend, session, () => { void draw(); });
      ctx.notify(report.setAside === 0 ? 'ok' : 'error', t('outbox.report', { sent: report.sent, setAside: report.setAside, waiting: report.waiting }));
    } catch (error) {
      ctx.notify('error', explain(error));
    } finally {
      sendNow.removeAttribute('disabled');
      ctx.outboxChanged();
      await draw();
    }
  }

  async function draw(): Promise<void> {
    const session = ctx.session;
    try {
      const [counts, items] = await Promise.all([keptSummary(), keptWork()]);
      summary.setAttribute('data-waiting', String(counts.waiting));
      summary.setAttribute('data-set-aside', String(counts.setAside));
      mount(summary, icon(counts.waiting > 0 ? 'warning' : 'ok'), h('span', {}, t('outbox.summary', {
        count: counts.waiting, setAside: counts.setAside,
        last: counts.lastSync === null ? t('outbox.never') : formatTime(counts.lastSync),
      })));
      const rows = await Promise.all([...items].reverse().map(async (item) => {
        const actions: (HTMLElement | null)[] = [];
        if (item.state === 'setAside' && session !== null && item.signer === session.address) {
          if (item.record !== undefined) {
            const shown = h('div', {});
            actions.push(button('records', t('outbox.show'), () => {
              void openKept(session, item).then((resource) => { mount(shown, h('dl', { class: 'lines' }, ...readableLines(resource).flatMap((l) => [h('dt', {}, l.label), h('dd', {}, l.value)]))); }, (error: unknown) => { ctx.notify('error', explain(error)); });
            }, { class: 'btn quiet' }), shown);
          }
          actions.push(button('refresh', t('outbox.retry'), () => {
            void retryKept(session, item.id).then(() => send(), (error: unknown) => { ctx.notify('error', explain(error)); });
          }, { class: 'btn', 'data-retry': item.id }));
        }
        if (item.state !== 'waiting') {
          actions.push(button('erase', t('outbox.delete'), () => {
            if (item.state === 'setAside' && !window.confirm(t('outbox.deleteConfirm'))) return;
            void removeKept(item.id).then(() => { ctx.outboxChanged(); return draw(); }, (error: unknown) => { ctx.notify('error', explain(error)); });
          }, { class: item.state === 'setAside' ? 'btn danger' : 'btn quiet', 'data-delete': item.id }));
        }
        return h('li', { class: `kept ${item.state}`, 'data-kept-item': item.id, 'data-state': item.state, 'data-kind': item.kind, 'data-record-id': item.record?.recordId },
          h('p', {}, icon(item.record !== undefined ? 'records' : 'access'), h('span', {}, await describe(ctx, item))),
          h('p', { class: 'hint' }, t(`outbox.state.${item.state}`, { when: formatTime(item.sentAt ?? item.createdAt), record: item.record?.recordId === undefined ? '' : ` · ${t('outbox.recordNo', { id: item.record.recordId })}` })),
          item.reason === undefined ? null : h('p', { class: 'note error', 'data-reason': item.reason.code }, icon('error'), h('span', {}, t('outbox.why', { reason: explainReason(item.reason) }))),
          ...actions);
      }));
      mount(list, rows.length === 0 ? h('p', { class: 'hint', 'data-empty': 'outbox' }, t('outbox.empty')) : h('ul', { class: 'grants' }, ...rows));
    } catch (error) {
      mount(list, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }

  void draw();
  return root;
}

/** The kept reason (a `ChainError`/`VaultError` code and its words) in the person's language. */
function explainReason(reason: { readonly code: string; readonly message: string }): string {
  const name = reason.code.slice(reason.code.lastIndexOf('.') + 1);
  if (reason.code === 'vault.not_permitted') return t('errors.NoWriteAccess');
  const known = t(`errors.${name}`, { defaultValue: '' });
  return known === '' ? reason.message : known;
}
