// Anyone, no account needed: where did a donation go? From the donation's number (on the donor's
// pledge receipt): which warehouse received it, and every allocation it fed: which clinic, how
// much, waiting in the warehouse, on its way, or confirmed by the clinic with what arrived.
import { ChainError, parseDonationId, type DonationTraceView, type TracedAllocation } from '@ruralmed/client';

import type { AppContext } from '../app';
import { blockTime, cancelSupplyPledge, chainClock, donationTrace, type ChainClock } from '../chain';
import { button, field, h, icon } from '../dom';
import { explain } from '../errors';
import { formatTime, t } from '../i18n';
import { answerArea, problemNote } from './lookup';

const orgLabel = (o: { org: number; name: string | null }): string => o.name ?? t('check.unknownOrg', { id: o.org });

function allocationLine(a: TracedAllocation, unit: string, clock: ChainClock): HTMLElement {
  const when = (block: number | null): string => (block === null ? '' : formatTime(blockTime(clock, block)));
  const status = a.status === 'Delivered'
    ? t('trace.delivered', { n: a.received ?? 0, when: when(a.confirmedAt) })
    : a.status === 'Dispatched' ? t('trace.onTheWay', { when: when(a.dispatchedAt) }) : t('trace.waiting');
  const short = a.status === 'Delivered' && (a.received ?? 0) < a.quantity ? t('trace.short', { n: a.quantity - (a.received ?? 0) }) : null;
  return h('li', { class: `entry allocation-${a.status.toLowerCase()}`, 'data-allocation': a.id.toString(), 'data-status': a.status },
    h('p', {}, icon(a.status === 'Delivered' ? 'ok' : a.status === 'Dispatched' ? 'referral' : 'history'),
      h('strong', {}, t('trace.toClinic', { clinic: orgLabel(a.recipient), n: a.quantity, unit }))),
    h('p', {}, h('span', {}, status)),
    short === null ? null : h('p', { class: 'note warn' }, icon('warning'), h('span', {}, short)));
}

function traceCard(ctx: AppContext, trace: DonationTraceView, clock: ChainClock, cancelled: () => void): HTMLElement {
  const unit = trace.item.unit === null ? '' : t(`trace.unit.${trace.item.unit}`);
  const target = trace.target.kind === 'Anywhere' ? t('trace.targetAnywhere')
    : trace.target.kind === 'Organisation' ? t('trace.targetOrg', { clinic: orgLabel(trace.target) })
      : t('trace.targetRegion', { county: trace.target.county, township: trace.target.township, village: trace.target.village });
  const received = trace.received === null
    ? t('trace.notReceived', { warehouse: trace.warehouse === null ? t('trace.aWarehouse') : orgLabel(trace.warehouse) })
    : t('trace.received', { warehouse: trace.warehouse === null ? t('trace.aWarehouse') : orgLabel(trace.warehouse), n: trace.received, when: trace.receivedAt === null ? '' : formatTime(blockTime(clock, trace.receivedAt)) });
  const total = (key: string, value: number): HTMLElement => h('div', { 'data-total': key }, h('strong', {}, String(value)), h('span', {}, t(`trace.total.${key}`)));
  return h('article', { class: 'record', 'data-trace': trace.id.toString() },
    h('h3', {}, icon('emergency'), h('span', {}, t('trace.heading', { id: trace.id.toString(), emergency: trace.emergency.name ?? `#${trace.emergency.id}` }))),
    h('dl', { class: 'lines' },
      h('dt', {}, t('trace.item')), h('dd', {}, `${trace.item.code ?? `#${trace.item.index}`} · ${t('trace.pledged', { n: trace.pledged, unit })}`),
      h('dt', {}, t('trace.donor')), h('dd', {}, trace.donorOrg === null ? trace.donor : `${orgLabel(trace.donorOrg)} (${trace.donor})`),
      h('dt', {}, t('trace.target')), h('dd', {}, target),
      h('dt', {}, t('trace.pledgedAt')), h('dd', {}, formatTime(blockTime(clock, trace.pledgedAt)))),
    h('p', { class: trace.received === null ? 'note warn' : 'note ok', 'data-received': String(trace.received ?? '') }, icon(trace.received === null ? 'history' : 'ok'), h('span', {}, received)),
    h('div', { class: 'totals' },
      total('delivered', trace.totals.delivered), total('inTransit', trace.totals.inTransit),
      total('waiting', trace.totals.waiting), total('unallocated', trace.unallocated),
      ...(trace.totals.missing > 0 ? [total('missing', trace.totals.missing)] : [])),
    trace.allocations.length === 0 ? h('p', { class: 'hint', 'data-empty': 'allocations' }, t('trace.noAllocations'))
      : h('ol', { class: 'trail' }, ...trace.allocations.map((a) => allocationLine(a, unit, clock))),
    trace.notShown > 0 ? h('p', { class: 'hint' }, t('trace.notShown', { n: trace.notShown })) : null,
    cancelButton(ctx, trace, cancelled));
}

/** The donor may cancel a pledge that has not arrived: its deposit comes back. */
function cancelButton(ctx: AppContext, trace: DonationTraceView, cancelled: () => void): HTMLElement | null {
  const session = ctx.session;
  if (session === null || session.address !== trace.donor || trace.received !== null) return null;
  return button('revoke', t('trace.cancel'), () => {
    if (!window.confirm(t('trace.cancelConfirm', { id: trace.id.toString() }))) return;
    cancelSupplyPledge(ctx.backend, session, trace.id).then(() => { ctx.notify('ok', t('trace.cancelled')); cancelled(); },
      (error: unknown) => { ctx.notify('error', t('supplies.refused', { reason: explain(error) })); });
  }, { class: 'btn', 'data-action': 'cancel-pledge' });
}

export function traceScreen(ctx: AppContext): HTMLElement {
  const input = h('input', { type: 'text', name: 'donation', inputmode: 'numeric', autocomplete: 'off' }) as HTMLInputElement;
  const answer = answerArea('trace-result');

  async function trace(): Promise<void> {
    let id: bigint;
    try {
      id = parseDonationId(input.value);
    } catch (error) {
      if (error instanceof ChainError) answer.problem('NotANumber', t('trace.problem.NotANumber'));
      else answer.problem('Unknown', explain(error));
      return;
    }
    await answer.show(t('trace.loading'), async () => {
      const [found, clock] = await Promise.all([donationTrace(ctx.backend, id), chainClock(ctx.backend)]);
      return found === null ? problemNote('NoSuchDonation', t('trace.problem.NoSuchDonation', { id: id.toString() }))
        : traceCard(ctx, found, clock, () => { answer.problem('Cancelled', t('trace.problem.Cancelled', { id: id.toString() })); });
    });
  }

  // Opened from a pledge: look its donation up at once.
  if (ctx.pendingTrace !== null) {
    input.value = ctx.pendingTrace.toString();
    ctx.pendingTrace = null;
    queueMicrotask(() => { void trace(); });
  }

  return h('section', { class: 'screen', 'aria-labelledby': 'trace-title' },
    h('div', { class: 'title-row' }, h('h2', { id: 'trace-title' }, t('trace.title')),
      ctx.session === null ? button('back', t('common.back'), () => { ctx.navigate('signin'); }, { class: 'btn quiet small' }) : null),
    h('p', { class: 'hint' }, t('trace.intro')),
    h('form', { class: 'stack', onSubmit: (e: Event) => { e.preventDefault(); void trace(); } },
      field(t('trace.numberLabel'), input, t('trace.numberHint')),
      h('button', { type: 'submit', class: 'btn primary' }, icon('search'), h('span', {}, t('trace.trace')))),
    answer.element);
}
