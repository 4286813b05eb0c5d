// Emergency supplies. Anyone, without an account: the emergencies, each one's figures per item
// and region, and every recent round's allocation with why each clinic got what it got. Signed
// in: anyone may pledge and run a closed round's allocation, and sees their own donations; a
// clinic's staff file its needs and confirm deliveries; a warehouse's staff confirm arrivals and
// send allocations (the panels in supply-work.ts). All figures come from the chain (app/client emergencies.ts).
import type { ItemDashboardView, NeedView, RoundView, SupplyEmergencyView, SupplyTotals } from '@ruralmed/client';
import { recentRounds } from '@ruralmed/client';

import type { AppContext } from '../app';
import { blockTime, chainClock, emergencyDetail, emergencyList, queueAllocation, supplyRound, type ChainClock } from '../chain';
import { button, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formatTime, t } from '../i18n';
import { clinicWork, donorWork, needForm, pledgeForm, unitText, warehouseWork } from './supply-work';

export const regionText = (r: { county: number; township: number; village: number }): string =>
  r.village !== 0 ? t('supplies.regionVillage', r) : r.township !== 0 ? t('supplies.regionTownship', r) : t('supplies.regionCounty', r);

function statusOf(e: SupplyEmergencyView): 'open' | 'closed' | 'notStarted' | 'ended' {
  if (e.status === 'Closed') return 'closed';
  if (e.open) return 'open';
  return e.currentRound === null ? 'notStarted' : 'ended';
}

function totalsGrid(totals: SupplyTotals, unallocated: number): HTMLElement {
  const cell = (key: string, value: number): HTMLElement => h('div', { 'data-total': key }, h('strong', {}, String(value)), h('span', {}, t(`supplies.total.${key}`)));
  return h('div', { class: 'totals' },
    cell('pledged', totals.pledged), cell('received', totals.received), cell('unallocated', unallocated),
    cell('allocated', totals.allocated), cell('delivered', totals.delivered), cell('shortfall', totals.shortfall));
}

function itemCard(e: SupplyEmergencyView, item: ItemDashboardView): HTMLElement {
  const unit = e.items[item.index]?.unit ?? 'Piece';
  return h('article', { class: 'record', 'data-item': item.code },
    h('h4', {}, icon('pill'), h('span', {}, `${item.code} · ${unitText(unit)}`)),
    totalsGrid(item.totals, item.unallocated),
    item.regions.length === 0 ? null : h('ul', { class: 'lines plain' }, ...item.regions.map(({ region, totals }) =>
      h('li', { 'data-region': `${region.county}-${region.township}-${region.village}` },
        t('supplies.regionLine', { region: regionText(region), allocated: totals.allocated, delivered: totals.delivered, short: totals.shortfall }),
        totals.received > 0 ? t('supplies.regionTargeted', { received: totals.received }) : ''))));
}

function needLine(need: NeedView, orgName: (id: number) => string, unit: string): HTMLElement {
  return h('li', { class: `entry outcome-${need.outcome}`, 'data-need': need.id.toString(), 'data-org': String(need.org), 'data-outcome': need.outcome },
    h('p', {}, icon(need.outcome === 'Full' || need.outcome === 'Covered' ? 'ok' : need.outcome === 'NotAllocated' ? 'history' : 'warning'),
      h('strong', {}, orgName(need.org))),
    h('p', {}, h('span', {}, t('supplies.needFigures', { requested: need.requested, stock: need.stockOnHand, unmet: need.unmet, people: need.peopleServed, unit }))),
    h('p', {}, h('span', {}, t('supplies.needTier', { tier: t(`supplies.priority.${need.priority}`), reason: t(`supplies.reason.${need.reason}`) })),
      need.requestedPriority !== need.priority ? h('span', { class: 'hint' }, t('supplies.askedTier', { tier: t(`supplies.priority.${need.requestedPriority}`) })) : null),
    h('p', { 'data-allocated': String(need.allocated) }, h('strong', {}, t(`supplies.outcome.${need.outcome}`, { n: need.allocated, unmet: need.unmet, unit }))));
}

/** How often, and how many times, the screen looks again for a queued round's allocation (blocks are six seconds). */
const ALLOCATION_POLL_MS = 2000;
const ALLOCATION_POLLS = 45;

export function suppliesScreen(ctx: AppContext): HTMLElement {
  const listSlot = h('div', { class: 'emergency-list', 'aria-live': 'polite' }, h('p', { class: 'hint' }, t('supplies.loading')));
  const detailSlot = h('div', { class: 'emergency-detail', 'aria-live': 'polite' });
  const workSlot = h('div', { class: 'supply-work' });
  let selected: number | null = ctx.supplyEmergency;

  async function orgNames(): Promise<(id: number) => string> {
    const { orgs } = await ctx.registry();
    return (id: number) => orgs.find((o) => o.id === id)?.name ?? t('check.unknownOrg', { id });
  }

  async function drawList(): Promise<void> {
    try {
      const [list, clock] = await Promise.all([emergencyList(ctx.backend), chainClock(ctx.backend)]);
      if (list.length === 0) { mount(listSlot, h('p', { class: 'hint', 'data-empty': 'emergencies' }, t('supplies.none'))); return; }
      selected ??= (list.find((e) => e.open) ?? list[0])?.id ?? null;
      mount(listSlot, h('ul', { class: 'choices' }, ...list.map((e) => {
        const status = statusOf(e);
        return h('li', {}, h('button', {
          type: 'button', class: 'choice', 'data-emergency': String(e.id), 'data-status': status, 'aria-pressed': String(e.id === selected),
          onClick: () => { selected = e.id; ctx.supplyEmergency = e.id; void drawList(); void drawDetail(); },
        }, icon('emergency'), h('span', { class: 'choice-text' }, h('strong', {}, e.name),
          h('small', {}, `${t(`supplies.status.${status}`)} · ${e.regions.map(regionText).join(', ')}`),
          e.open && e.roundClosesAt !== null ? h('small', {}, t('supplies.roundCloses', { round: (e.currentRound ?? 0) + 1, when: formatTime(blockTime(clock, e.roundClosesAt)) })) : null)));
      })));
    } catch (error) {
      mount(listSlot, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  async function roundCard(e: SupplyEmergencyView, item: number, round: number, clock: ChainClock, orgName: (id: number) => string): Promise<HTMLElement> {
    const view: RoundView = await supplyRound(ctx.backend, e, item, round);
    const unit = unitText(e.items[item]?.unit ?? 'Piece');
    const state = view.queued ? t('supplies.roundQueued')
      : view.allocatedAt !== null ? t('supplies.roundAllocated', { when: formatTime(blockTime(clock, view.allocatedAt)) })
      : view.closesAt > clock.block ? t('supplies.roundOpen', { when: formatTime(blockTime(clock, view.closesAt)) })
        : view.allocatable ? t('supplies.roundReady') : t('supplies.roundNotAllocated');
    const run = view.allocatable
      ? (ctx.session === null ? h('p', { class: 'hint' }, t('supplies.signInToAllocate'))
        : button('ok', t('supplies.allocate'), () => { void allocate(e, item, round); }, { class: 'btn primary', 'data-action': 'allocate' }))
      : null;
    return h('section', { class: 'card', 'data-round': String(round), 'data-round-item': e.items[item]?.code ?? '', 'data-allocated-at': view.allocatedAt === null ? '' : String(view.allocatedAt) },
      h('h4', {}, icon('history'), h('span', {}, t('supplies.roundTitle', { item: e.items[item]?.code ?? '', round: round + 1 }))),
      h('p', { class: 'hint' }, state),
      view.needs.length === 0 ? h('p', { class: 'hint', 'data-empty': 'needs' }, t('supplies.noNeeds'))
        : h('ol', { class: 'trail' }, ...view.needs.map((n) => needLine(n, orgName, unit))),
      view.allocatedAt !== null && view.needs.length > 0 ? h('p', { class: 'hint' }, t('supplies.rule')) : null,
      run);
  }

  /** Queues the whole round; the chain allocates it from the next block, so look again until this item's round is done. */
  async function allocate(e: SupplyEmergencyView, item: number, round: number): Promise<void> {
    if (ctx.session === null) return;
    try {
      const n = await queueAllocation(ctx.backend, ctx.session, { emergency: e.id, round });
      ctx.notify('ok', t('supplies.queued', { n }));
    } catch (error) {
      ctx.notify('error', t('supplies.refused', { reason: explain(error) }));
      await drawDetail();
      return;
    }
    await drawDetail();
    for (let tries = 0; tries < ALLOCATION_POLLS && detailSlot.isConnected && selected === e.id; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, ALLOCATION_POLL_MS));
      const view = await supplyRound(ctx.backend, e, item, round).catch(() => null);
      if (view === null || view.queued) continue;
      // Planned and every shipment stored, or skipped (for example the emergency closed).
      if (view.allocatedAt !== null) ctx.notify('ok', t('supplies.allocated'));
      break;
    }
    if (detailSlot.isConnected) await drawDetail();
  }

  async function drawDetail(): Promise<void> {
    if (selected === null) { detailSlot.replaceChildren(); return; }
    const id = selected;
    mount(detailSlot, h('p', { class: 'hint' }, t('supplies.loading')));
    try {
      const [found, clock, orgName] = await Promise.all([emergencyDetail(ctx.backend, id), chainClock(ctx.backend), orgNames()]);
      if (id !== selected) return;
      if (found === null) { mount(detailSlot, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, t('supplies.noSuch')))); return; }
      const { emergency: e, items } = found;
      const rounds = await Promise.all(e.items.flatMap((item) => recentRounds(e, 3).map((r) => roundCard(e, item.index, r, clock, orgName))));
      const forms = ctx.session !== null && e.open ? [await pledgeForm(ctx, e), await needForm(ctx, e, () => { void drawDetail(); })] : [];
      mount(detailSlot, h('article', { 'data-emergency-detail': String(e.id) },
        h('h3', {}, icon('emergency'), h('span', {}, e.name)),
        h('dl', { class: 'lines' },
          h('dt', {}, t('supplies.regions')), h('dd', {}, e.regions.map(regionText).join(', ')),
          h('dt', {}, t('supplies.period')), h('dd', {}, t('supplies.periodText', { from: formatTime(blockTime(clock, e.startsAt)), to: formatTime(blockTime(clock, e.sunset)) })),
          h('dt', {}, t('supplies.rounds')), h('dd', {}, t('supplies.roundsText', { minutes: Math.max(1, Math.round((e.roundLength * clock.blockMs) / 60_000)) }))),
        ...items.map((item) => itemCard(e, item)),
        ...forms,
        h('h3', {}, icon('history'), h('span', {}, t('supplies.allocationTitle'))),
        h('p', { class: 'hint' }, t('supplies.allocationIntro')),
        ...rounds));
    } catch (error) {
      mount(detailSlot, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  async function drawWork(): Promise<void> {
    if (ctx.session === null) return;
    try {
      mount(workSlot, ...(await warehouseWork(ctx)), ...(await clinicWork(ctx, () => { void drawDetail(); })), ...(await donorWork(ctx)));
    } catch (error) {
      mount(workSlot, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  void drawList().then(drawDetail);
  void drawWork();
  return h('section', { class: 'screen', 'aria-labelledby': 'supplies-title' },
    h('div', { class: 'title-row' }, h('h2', { id: 'supplies-title' }, t('supplies.title')),
      ctx.session === null ? button('back', t('common.back'), () => { ctx.navigate('signin'); }, { class: 'btn quiet small' }) : null,
      button('refresh', t('supplies.reload'), () => { ctx.refresh(); }, { class: 'btn quiet small' })),
    h('p', { class: 'hint' }, t('supplies.intro')),
    workSlot,
    listSlot,
    detailSlot);
}
