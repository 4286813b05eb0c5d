// The emergency-supply work of signed-in people: a donor's pledge, a clinic's need and its
// deliveries to confirm, a warehouse's arrivals to confirm and allocations to send. Each form
// checks nothing itself: the client library refuses a bad figure before signing, the chain
// refuses the rest, and either way the reason is shown in words and nothing changes.
import { NEED_REASONS, parseDonationId, type DeliveryView, type DonationTraceView, type NeedReason, type Priority, type SupplyEmergencyView } from '@ruralmed/client';

import type { AppContext } from '../app';
import {
  CARE_PROVIDER_KINDS,
  clinicDeliveries,
  confirmSupplyDelivery,
  donationTrace,
  emergencyList,
  fileSupplyNeed,
  myDonations,
  organisationsActedFor,
  pledgeSupplies,
  receiveDonation,
  sendAllocation,
  type OrganisationView,
} from '../chain';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { t } from '../i18n';
import { numberLookup, problemNote, type NumberLookup } from './lookup';

type Region = { county: number; township: number; village: number };

/** A supply unit in words ("boxes"). */
export const unitText = (unit: string): string => t(`trace.unit.${unit}`);

const within = (r: Region, prefix: Region): boolean =>
  r.county === prefix.county && (prefix.township === 0 || r.township === prefix.township) && (prefix.village === 0 || r.village === prefix.village);

const numberInput = (name: string, value = ''): HTMLInputElement =>
  h('input', { type: 'number', name, inputmode: 'numeric', min: '0', step: '1', value, required: true }) as HTMLInputElement;
const select = (name: string, options: readonly [string, string][]): HTMLSelectElement =>
  h('select', { name }, ...options.map(([value, label]) => h('option', { value }, label))) as HTMLSelectElement;
/** A whole number as typed, or NaN (which the client library refuses as `NotAWholeNumber`). */
export const typedNumber = (input: HTMLInputElement): number => (/^\s*\d+\s*$/.test(input.value) ? Number(input.value) : Number.NaN);

function outcome(slot: HTMLElement, kind: 'ok' | 'error', message: string, ...extra: (HTMLElement | null)[]): void {
  mount(slot, h('p', { class: `note ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, icon(kind === 'ok' ? 'ok' : 'error'), h('span', {}, message)), ...extra);
}

/** Runs `action` once at a time with the submit button disabled; a failure is shown in words. */
function guarded(form: HTMLFormElement, slot: HTMLElement, action: () => Promise<void>): () => void {
  return () => {
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (submit?.disabled === true) return;
    if (submit) submit.disabled = true;
    mount(slot, h('p', { class: 'hint' }, t('supplies.sending')));
    action().catch((error: unknown) => { outcome(slot, 'error', t('supplies.refused', { reason: explain(error) })); })
      .finally(() => { if (submit) submit.disabled = false; });
  };
}

/**
 * A one-field form for a count that arrived (a delivery, a shipment): `send` signs it with the
 * signed-in session, then `done` is said and `redraw` runs; a refusal is shown under it.
 */
function countForm(ctx: AppContext, args: {
  name: string; value: number; label: string; hint: string; submit: string; done: string;
  send: (session: NonNullable<AppContext['session']>, count: number) => Promise<void>; redraw: () => void;
}): HTMLElement[] {
  const count = numberInput(args.name, String(args.value));
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack' }) as HTMLFormElement;
  form.addEventListener('submit', (ev) => { ev.preventDefault(); run(); });
  const run = guarded(form, result, async () => {
    if (ctx.session === null) return;
    await args.send(ctx.session, typedNumber(count));
    ctx.notify('ok', args.done);
    args.redraw();
  });
  mount(form, field(args.label, count, args.hint), h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, args.submit)));
  return [form, result];
}

async function actedFor(ctx: AppContext): Promise<{ orgs: OrganisationView[]; mine: OrganisationView[] }> {
  const { orgs } = await ctx.registry();
  return { orgs, mine: ctx.session === null ? [] : organisationsActedFor(ctx.session.address, ctx.who, orgs) };
}

/** Anyone signed in pledges supplies to an open emergency. */
export async function pledgeForm(ctx: AppContext, e: SupplyEmergencyView): Promise<HTMLElement> {
  const { orgs, mine } = await actedFor(ctx);
  const clinics = orgs.filter((o) => o.status === 'Active' && CARE_PROVIDER_KINDS.includes(o.kind) && e.regions.some((r) => within(o.region, r)));
  const warehouses = orgs.filter((o) => o.status === 'Active' && o.kind === 'Warehouse');
  const item = select('pledge-item', e.items.map((i) => [String(i.index), `${i.code} (${unitText(i.unit)})`]));
  const quantity = numberInput('pledge-quantity');
  const target = select('pledge-target', [['anywhere', t('supplies.targetAnywhere')], ...clinics.map((o): [string, string] => [String(o.id), o.name])]);
  const warehouse = select('pledge-warehouse', warehouses.map((o) => [String(o.id), o.name]));
  const donorOrg = select('pledge-donor-org', [['', t('supplies.asMyself')], ...mine.map((o): [string, string] => [String(o.id), o.name])]);
  const result = h('div', { class: 'pledge-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'stack' }) as HTMLFormElement;
  form.addEventListener('submit', (ev) => { ev.preventDefault(); run(); });
  const run = guarded(form, result, async () => {
    const session = ctx.session;
    if (session === null) return;
    const to = target.value === 'anywhere' ? { kind: 'Anywhere' as const } : { kind: 'Organisation' as const, org: Number(target.value) };
    const done = await pledgeSupplies(ctx.backend, session, {
      emergency: e, item: Number(item.value), quantity: typedNumber(quantity), target: to, warehouse: Number(warehouse.value),
      donorOrg: donorOrg.value === '' ? null : Number(donorOrg.value),
    });
    const name = warehouses.find((w) => w.id === Number(warehouse.value))?.name ?? '';
    outcome(result, 'ok', t('supplies.pledged', { id: done.donation.toString(), warehouse: name }),
      h('p', { class: 'donation-number', 'data-donation': done.donation.toString() }, h('strong', {}, t('supplies.donationNumber', { id: done.donation.toString() }))),
      button('search', t('supplies.traceIt'), () => { ctx.pendingTrace = done.donation; ctx.navigate('trace'); }, { class: 'btn' }));
    quantity.value = '';
  });
  mount(form,
    field(t('supplies.item'), item), field(t('supplies.quantity'), quantity, t('supplies.quantityHint')),
    field(t('supplies.target'), target), field(t('supplies.warehouse'), warehouse, t('supplies.warehouseHint')),
    mine.length > 0 ? field(t('supplies.donorOrg'), donorOrg) : null,
    h('button', { type: 'submit', class: 'btn primary' }, icon('plus'), h('span', {}, t('supplies.pledge'))));
  return h('section', { class: 'card', 'data-form': 'pledge' }, h('h4', {}, icon('plus'), h('span', {}, t('supplies.pledgeTitle'))),
    h('p', { class: 'hint' }, t('supplies.pledgeHint')), form, result);
}

/** A clinic's staff file (or update) its need in the current round; null if the account acts for no clinic in the affected regions. */
export async function needForm(ctx: AppContext, e: SupplyEmergencyView, filed: () => void): Promise<HTMLElement | null> {
  const { mine } = await actedFor(ctx);
  const clinics = mine.filter((o) => CARE_PROVIDER_KINDS.includes(o.kind) && e.regions.some((r) => within(o.region, r)));
  if (clinics.length === 0) return null;
  const org = select('need-org', clinics.map((o) => [String(o.id), o.name]));
  const item = select('need-item', e.items.map((i) => [String(i.index), `${i.code} (${unitText(i.unit)})`]));
  const requested = numberInput('need-requested');
  const stock = numberInput('need-stock', '0');
  const people = numberInput('need-people');
  const priority = select('need-priority', (['Urgent', 'Routine', 'Critical'] satisfies Priority[]).map((p) => [p, t(`supplies.priority.${p}`)]));
  const reason = select('need-reason', NEED_REASONS.map((r) => [r, t(`supplies.reason.${r}`)]));
  const result = h('div', { class: 'need-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'stack' }) as HTMLFormElement;
  form.addEventListener('submit', (ev) => { ev.preventDefault(); run(); });
  const run = guarded(form, result, async () => {
    const session = ctx.session;
    if (session === null) return;
    const done = await fileSupplyNeed(ctx.backend, session, {
      emergency: e, item: Number(item.value), org: Number(org.value), requested: typedNumber(requested), stockOnHand: typedNumber(stock),
      peopleServed: typedNumber(people), priority: priority.value as Priority, reason: reason.value as NeedReason,
    });
    ctx.notify('ok', t(done.updated ? 'supplies.needUpdated' : 'supplies.needFiled', { round: done.round + 1 }));
    filed();
  });
  mount(form,
    clinics.length > 1 ? field(t('supplies.clinic'), org) : null,
    field(t('supplies.item'), item), field(t('supplies.requested'), requested), field(t('supplies.stockOnHand'), stock),
    field(t('supplies.people'), people, t('supplies.peopleHint')), field(t('supplies.tier'), priority, t('supplies.tierHint')),
    field(t('supplies.why'), reason),
    h('button', { type: 'submit', class: 'btn primary' }, icon('write'), h('span', {}, t('supplies.fileNeed'))));
  return h('section', { class: 'card', 'data-form': 'need' }, h('h4', {}, icon('write'), h('span', {}, t('supplies.needTitle', { clinic: clinics.map((c) => c.name).join(', ') }))),
    h('p', { class: 'hint' }, t('supplies.needHint')), form, result);
}

function deliveryLine(ctx: AppContext, d: DeliveryView, warehouseName: string, redraw: () => void): HTMLElement {
  const head = h('p', {}, icon(d.status === 'Delivered' ? 'ok' : 'referral'), h('strong', {}, t('supplies.deliveryFrom', { n: d.quantity, warehouse: warehouseName, donation: d.donation.toString() })));
  if (d.status !== 'Dispatched') {
    return h('li', { class: 'entry', 'data-delivery': d.id.toString(), 'data-status': d.status }, head,
      h('p', {}, h('span', {}, d.status === 'Delivered' ? t('supplies.deliveryConfirmed', { n: d.received ?? 0 }) : t('supplies.deliveryWaiting'))));
  }
  const confirm = countForm(ctx, {
    name: 'received', value: d.quantity, label: t('supplies.receivedCount'), hint: t('supplies.receivedHint'),
    submit: t('supplies.confirmDelivery'), done: t('supplies.deliveryDone'), redraw,
    send: (session, received) => confirmSupplyDelivery(ctx.backend, session, { allocation: d.id, received, dispatched: d.quantity }),
  });
  return h('li', { class: 'entry', 'data-delivery': d.id.toString(), 'data-status': d.status }, head, h('p', {}, h('span', {}, t('supplies.deliveryOnWay'))), ...confirm);
}

/** Deliveries on their way to the clinics the account acts for, to confirm what arrived. */
export async function clinicWork(ctx: AppContext, changed: () => void): Promise<HTMLElement[]> {
  const { orgs, mine } = await actedFor(ctx);
  const clinics = mine.filter((o) => CARE_PROVIDER_KINDS.includes(o.kind));
  return Promise.all(clinics.map(async (clinic) => {
    const slot = h('div', {});
    const draw = async (): Promise<void> => {
      const deliveries = (await clinicDeliveries(ctx.backend, clinic.id)).slice(0, 20);
      const name = (id: number): string => orgs.find((o) => o.id === id)?.name ?? t('check.unknownOrg', { id });
      mount(slot, deliveries.length === 0 ? h('p', { class: 'hint', 'data-empty': 'deliveries' }, t('supplies.noDeliveries'))
        : h('ul', { class: 'trail' }, ...deliveries.map((d) => deliveryLine(ctx, d, name(d.warehouse), () => { void draw(); changed(); }))));
    };
    await draw();
    return h('section', { class: 'card', 'data-work': 'deliveries', 'data-org': String(clinic.id) },
      h('h3', {}, icon('referral'), h('span', {}, t('supplies.deliveriesTitle', { clinic: clinic.name }))), slot);
  }));
}

function arrivalCard(ctx: AppContext, trace: DonationTraceView, warehouse: OrganisationView, orgs: readonly OrganisationView[], redraw: () => void): HTMLElement {
  const unit = unitText(trace.item.unit ?? 'Piece');
  const name = (id: number): string => orgs.find((o) => o.id === id)?.name ?? t('check.unknownOrg', { id });
  const header = h('p', {}, icon('emergency'), h('strong', {}, t('supplies.arrivalHead', { id: trace.id.toString(), n: trace.pledged, unit, item: trace.item.code ?? '', emergency: trace.emergency.name ?? '' })));
  if (trace.warehouse !== null && trace.warehouse.org !== warehouse.id) {
    return h('div', { class: 'entry', 'data-arrival': trace.id.toString() }, header, h('p', { class: 'note warn', 'data-problem': 'OtherWarehouse' }, icon('warning'), h('span', {}, t('supplies.otherWarehouse', { warehouse: trace.warehouse.name ?? '' }))));
  }
  if (trace.received === null) {
    const confirm = countForm(ctx, {
      name: 'arrived', value: trace.pledged, label: t('supplies.arrivedCount'), hint: t('supplies.arrivedHint'),
      submit: t('supplies.confirmArrival'), done: t('supplies.arrivalDone'), redraw,
      send: (session, quantity) => receiveDonation(ctx.backend, session, { donation: trace.id, warehouse: warehouse.id, quantity, pledged: trace.pledged }),
    });
    return h('div', { class: 'entry', 'data-arrival': trace.id.toString(), 'data-received': '' }, header, ...confirm);
  }
  const pending = trace.allocations.filter((a) => a.status === 'Pending');
  const result = h('div', { 'aria-live': 'polite' });
  return h('div', { class: 'entry', 'data-arrival': trace.id.toString(), 'data-received': String(trace.received) }, header,
    h('p', {}, h('span', {}, t('supplies.arrivedAlready', { n: trace.received, unallocated: trace.unallocated }))),
    pending.length === 0 ? h('p', { class: 'hint', 'data-empty': 'to-send' }, t('supplies.nothingToSend'))
      : h('ul', { class: 'trail' }, ...pending.map((a) => h('li', { class: 'entry', 'data-send': a.id.toString() },
        h('p', {}, h('strong', {}, t('supplies.toSend', { n: a.quantity, unit, clinic: a.recipient.name ?? name(a.recipient.org) }))),
        button('referral', t('supplies.send'), () => {
          const session = ctx.session;
          if (session === null) return;
          mount(result, h('p', { class: 'hint' }, t('supplies.sending')));
          sendAllocation(ctx.backend, session, a.id).then(() => { ctx.notify('ok', t('supplies.sent')); redraw(); },
            (error: unknown) => { outcome(result, 'error', t('supplies.refused', { reason: explain(error) })); });
        }, { class: 'btn primary', 'data-action': 'send' })))),
    result);
}

/** A warehouse's staff look up a donation by its number: confirm its arrival, then send its allocations. */
/** Most of a donor's donations listed (newest first); older ones are found by their number. */
const DONATIONS_LISTED = 20;

/**
 * The signed-in account's own donations, newest first, each with what became of it and a way
 * to follow it: for a donor who lost the pledge receipt. Nothing when the account pledged none.
 */
export async function donorWork(ctx: AppContext): Promise<HTMLElement[]> {
  const session = ctx.session;
  if (session === null) return [];
  const [mine, list, { orgs }] = await Promise.all([myDonations(ctx.backend, session), emergencyList(ctx.backend), ctx.registry()]);
  if (mine.length === 0) return [];
  const name = (id: number | null): string => (id === null ? '' : orgs.find((o) => o.id === id)?.name ?? t('check.unknownOrg', { id }));
  const rows = mine.slice(0, DONATIONS_LISTED).map((d) => {
    const e = list.find((x) => x.id === d.emergency);
    const item = e?.items[d.item];
    const state = d.received === null ? t('supplies.mineAwaited', { warehouse: name(d.warehouse) })
      : t('supplies.mineReceived', { received: d.received, allocated: d.allocated, warehouse: name(d.warehouse) });
    return h('li', { class: 'entry', 'data-my-donation': d.id.toString(), 'data-received': d.received === null ? '' : String(d.received) },
      h('p', {}, icon('plus'), h('strong', {}, t('supplies.mineLine', { id: d.id.toString(), n: d.pledged, unit: unitText(item?.unit ?? 'Piece'), item: item?.code ?? '', emergency: e?.name ?? String(d.emergency) }))),
      h('p', { class: 'hint' }, state),
      button('search', t('supplies.traceIt'), () => { ctx.pendingTrace = d.id; ctx.navigate('trace'); }, { class: 'btn', 'data-action': 'trace-mine' }));
  });
  return [h('section', { class: 'card', 'data-work': 'donor' }, h('h3', {}, icon('history'), h('span', {}, t('supplies.mineTitle'))),
    h('ol', { class: 'trail' }, ...rows),
    mine.length > DONATIONS_LISTED ? h('p', { class: 'hint' }, t('supplies.mineMore', { count: mine.length - DONATIONS_LISTED })) : null)];
}

export async function warehouseWork(ctx: AppContext): Promise<HTMLElement[]> {
  const { orgs, mine } = await actedFor(ctx);
  return mine.filter((o) => o.kind === 'Warehouse').map((warehouse) => {
    const lookup: NumberLookup = numberLookup({
      name: 'arrival-donation', label: t('trace.numberLabel'), hint: t('supplies.arrivalNumberHint'), submit: t('supplies.lookUp'),
      loading: t('trace.loading'), notANumber: t('trace.problem.NotANumber'), parse: parseDonationId,
      show: async (id) => {
        const trace = await donationTrace(ctx.backend, id);
        return trace === null ? problemNote('NoSuchDonation', t('trace.problem.NoSuchDonation', { id: id.toString() }))
          : arrivalCard(ctx, trace, warehouse, orgs, () => { void lookup.again(); });
      },
    });
    return h('section', { class: 'card', 'data-work': 'warehouse', 'data-org': String(warehouse.id) },
      h('h3', {}, icon('vault'), h('span', {}, t('supplies.warehouseTitle', { warehouse: warehouse.name }))),
      h('p', { class: 'hint' }, t('supplies.warehouseIntro')), lookup.form, lookup.slot);
  });
}
