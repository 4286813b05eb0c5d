// Emergency supplies for the people who move them: the open emergencies and their dashboards,
// each round's allocation with why every clinic got what it got, and the calls of donors
// (pledge, cancel), warehouses (confirm a receipt, dispatch), clinics (file a need, confirm a
// delivery) and anyone (run a closed round's allocation). Reads come from pallet storage and
// `EmergencySupplyApi` (dashboard, round_needs, suppliers_of); calls go through `submit`. Every
// input is checked against the runtime's own limits before anything is signed, so a bad one is
// a `ChainError` under the code the chain would give and nothing is sent.

import type { ApiPromise } from '@polkadot/api';
import type { EventRecord } from '@polkadot/types/interfaces';

import { submit, type TxResult } from './chain.js';
import { big, isObject, list, query, runtimeCall, shape, text, txFn, variant } from './decode.js';
import { ChainError } from './errors.js';
import { txAccount, type Actor } from './records.js';

export type SupplyUnit = 'Piece' | 'Box' | 'Dose' | 'Kit' | 'Device' | 'Litre' | 'Kilogram';
export type Priority = 'Critical' | 'Urgent' | 'Routine';
export const PRIORITIES: readonly Priority[] = ['Critical', 'Urgent', 'Routine'];
export type NeedReason = 'CaseSurge' | 'StockOut' | 'StockLost' | 'Campaign' | 'Other';
export const NEED_REASONS: readonly NeedReason[] = ['CaseSurge', 'StockOut', 'StockLost', 'Campaign', 'Other'];

/** A region code of the registry: county, township (0: all), village (0: all). */
export interface RegionCode { readonly county: number; readonly township: number; readonly village: number }

/** Whether `inner` lies within `outer` (a region contains itself), as the chain's `RegionCode::contains` decides. */
export function regionContains(outer: RegionCode, inner: RegionCode): boolean {
  return outer.county === inner.county
    && (outer.township === 0 || outer.township === inner.township)
    && (outer.village === 0 || outer.village === inner.village);
}

export interface SupplyItemView {
  readonly index: number;
  readonly code: string;
  readonly unit: SupplyUnit;
  readonly gtin: string | null;
}

export interface SupplyEmergencyView {
  readonly id: number;
  readonly name: string;
  readonly regions: readonly RegionCode[];
  readonly items: readonly SupplyItemView[];
  readonly startsAt: number;
  readonly sunset: number;
  readonly roundLength: number;
  readonly status: 'Active' | 'Closed';
  /** Active, started and before its sunset at block `now`: needs, pledges and receipts are taken. */
  readonly open: boolean;
  /** The round block `now` is in (null before the start), and the block it closes at. */
  readonly currentRound: number | null;
  readonly roundClosesAt: number | null;
}

export interface SupplyTotals {
  readonly pledged: number;
  readonly received: number;
  readonly allocated: number;
  readonly dispatched: number;
  readonly delivered: number;
  readonly shortfall: number;
}

export interface ItemDashboardView {
  readonly index: number;
  readonly code: string;
  readonly totals: SupplyTotals;
  /** Received units not allocated yet (in the pools). */
  readonly unallocated: number;
  readonly regions: readonly { readonly region: RegionCode; readonly totals: SupplyTotals }[];
}

/**
 * Why a need got what it got in its round's allocation:
 * - `Covered`: its stock on hand covered what it asked for; nothing was needed;
 * - `Full`: it got all of its unmet need;
 * - `Shared`: stock ran short in its tier, so the tier shared what was left in proportion to
 *   unmet need (largest remainders), and no need took more than the runtime's share cap
 *   while others were unmet;
 * - `HigherTiers`: nothing: needs of a higher tier took all the stock;
 * - `NoStock`: nothing: no received stock was left for its tier (nor for higher tiers);
 * - `NotAllocated`: the round has not been allocated (yet, or ever: a skipped round).
 */
export type NeedOutcome = 'Covered' | 'Full' | 'Shared' | 'HigherTiers' | 'NoStock' | 'NotAllocated';

export interface NeedView {
  readonly id: bigint;
  readonly org: number;
  readonly location: RegionCode;
  readonly requested: number;
  readonly stockOnHand: number;
  /** `requested − stockOnHand` (not below 0): what allocation tries to cover. */
  readonly unmet: number;
  readonly peopleServed: number;
  /** The tier it was served in, and the one the filer asked for (only the authority grants Critical). */
  readonly priority: Priority;
  readonly requestedPriority: Priority;
  readonly reason: NeedReason;
  readonly filedBy: string;
  readonly allocated: number;
  readonly outcome: NeedOutcome;
}

export interface RoundView {
  readonly emergency: number;
  readonly item: number;
  readonly round: number;
  /** Blocks `[opensAt, closesAt)` are the round's window for filing needs. */
  readonly opensAt: number;
  readonly closesAt: number;
  /** The block it was allocated in, or null. */
  readonly allocatedAt: number | null;
  /**
   * Whether `allocateRound` or `queueRound` can run it at block `now`: closed, the latest closed
   * round, not yet allocated or skipped, not queued, with needs, of an emergency not closed.
   */
  readonly allocatable: boolean;
  /**
   * Whether the chain is still allocating this item of the round, queued by `queueRound`: the
   * round waits in the queue, or this item is planned (`allocatedAt` set) and its shipments are
   * being stored (`AllocationInProgress`). The round's shipments are all there once it is false.
   */
  readonly queued: boolean;
  readonly needs: readonly NeedView[];
}

/** One allocation a clinic received (`suppliers_of`). */
export interface DeliveryView {
  readonly id: bigint;
  readonly emergency: number;
  readonly item: number;
  readonly round: number;
  readonly recipient: number;
  readonly donation: bigint;
  readonly donor: string;
  readonly warehouse: number;
  readonly quantity: number;
  readonly status: 'Pending' | 'Dispatched' | 'Delivered';
  readonly dispatchedAt: number | null;
  readonly received: number | null;
}

export type DonationTargetArg = { readonly kind: 'Anywhere' } | { readonly kind: 'Region'; readonly region: RegionCode } | { readonly kind: 'Organisation'; readonly org: number };

const PALLET = 'EmergencySupply';

async function now(api: ApiPromise): Promise<number> {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

function num(value: unknown, what: string): number {
  return Number(big(value, what));
}

function region(raw: unknown): RegionCode {
  if (!isObject(raw)) throw shape('a region code');
  return { county: num(raw.county, 'a county'), township: num(raw.township, 'a township'), village: num(raw.village, 'a village') };
}

function emergencyView(id: number, raw: unknown, at: number): SupplyEmergencyView {
  if (!isObject(raw)) throw shape('an emergency');
  const items = list(raw.items).map((item, index): SupplyItemView => {
    if (!isObject(item)) throw shape('a supply item');
    return { index, code: text(item.code, 'an item code'), unit: variant(item.unit, 'a unit')[0] as SupplyUnit, gtin: item.gtin === null || item.gtin === undefined ? null : text(item.gtin, 'a GTIN') };
  });
  const startsAt = num(raw.startsAt, 'a block number');
  const sunset = num(raw.sunset, 'a block number');
  const roundLength = Math.max(1, num(raw.roundLength, 'a round length'));
  const status = variant(raw.status, 'an emergency status')[0] === 'Closed' ? 'Closed' : 'Active';
  const currentRound = at < startsAt ? null : Math.floor((at - startsAt) / roundLength);
  return {
    id,
    name: text(raw.name, 'an emergency name'),
    regions: list(raw.regions).map(region),
    items,
    startsAt,
    sunset,
    roundLength,
    status,
    open: status === 'Active' && at >= startsAt && at < sunset,
    currentRound,
    roundClosesAt: currentRound === null ? null : startsAt + (currentRound + 1) * roundLength,
  };
}

/** Emergency `id` as of the best block, or null if there is none. */
export async function getEmergency(api: ApiPromise, id: number): Promise<SupplyEmergencyView | null> {
  const [raw, at] = await Promise.all([query(api, 'emergencySupply', 'emergencies')(id), now(api)]);
  const json = raw.toJSON();
  return json === null ? null : emergencyView(id, json, at);
}

/** The newest `limit` emergencies (at most 50), newest first: read by id, never by iterating storage. */
export async function listEmergencies(api: ApiPromise, limit = 20): Promise<SupplyEmergencyView[]> {
  const next = num((await query(api, 'emergencySupply', 'nextEmergencyId')()).toJSON(), 'an emergency id');
  const ids = Array.from({ length: Math.min(next, Math.max(1, Math.min(limit, 50))) }, (_, i) => next - 1 - i);
  const at = await now(api);
  const raws = await Promise.all(ids.map((id) => query(api, 'emergencySupply', 'emergencies')(id)));
  return raws.flatMap((raw, i) => { const json = raw.toJSON(); const id = ids[i]; return json === null || id === undefined ? [] : [emergencyView(id, json, at)]; });
}

function totals(raw: unknown): SupplyTotals {
  if (!isObject(raw)) throw shape('supply totals');
  return {
    pledged: num(raw.pledged, 'a quantity'),
    received: num(raw.received, 'a quantity'),
    allocated: num(raw.allocated, 'a quantity'),
    dispatched: num(raw.dispatched, 'a quantity'),
    delivered: num(raw.delivered, 'a quantity'),
    shortfall: num(raw.shortfall, 'a quantity'),
  };
}

/** Per item, and per item and affected region, the emergency's units pledged … short (`EmergencySupplyApi.dashboard`); null if unknown. */
export async function emergencyDashboard(api: ApiPromise, id: number): Promise<ItemDashboardView[] | null> {
  const raw = (await runtimeCall(api, 'emergencySupplyApi', 'dashboard')(id)).toJSON();
  if (raw === null) return null;
  if (!isObject(raw)) throw shape('a dashboard');
  return list(raw.items).map((item) => {
    if (!isObject(item)) throw shape('an item dashboard');
    return {
      index: num(item.item, 'an item'),
      code: text(item.code, 'an item code'),
      totals: totals(item.totals),
      unallocated: num(item.unallocated, 'a quantity'),
      regions: list(item.regions).map((pair) => {
        if (!Array.isArray(pair) || pair.length !== 2) throw shape('a region total');
        return { region: region(pair[0]), totals: totals(pair[1]) };
      }),
    };
  });
}

const TIER_RANK: Record<Priority, number> = { Critical: 0, Urgent: 1, Routine: 2 };

/** Why each need of an allocated round got what it got (see `NeedOutcome`). */
export function needOutcomes(needs: readonly Omit<NeedView, 'outcome'>[], allocated: boolean): NeedOutcome[] {
  return needs.map((need) => {
    if (!allocated) return 'NotAllocated';
    if (need.unmet === 0) return 'Covered';
    if (need.allocated >= need.unmet) return 'Full';
    if (need.allocated > 0) return 'Shared';
    const higherServed = needs.some((other) => TIER_RANK[other.priority] < TIER_RANK[need.priority] && other.allocated > 0);
    return higherServed ? 'HigherTiers' : 'NoStock';
  });
}

function needView(raw: unknown): Omit<NeedView, 'outcome'> {
  if (!isObject(raw) || typeof raw.filedBy !== 'string') throw shape('a need');
  const requested = num(raw.requested, 'a quantity');
  const stockOnHand = num(raw.stockOnHand, 'a quantity');
  return {
    id: big(raw.id, 'a need id'),
    org: num(raw.org, 'an organisation id'),
    location: region(raw.location),
    requested,
    stockOnHand,
    unmet: Math.max(0, requested - stockOnHand),
    peopleServed: num(raw.peopleServed, 'a count'),
    priority: variant(raw.priority, 'a priority')[0] as Priority,
    requestedPriority: variant(raw.requestedPriority, 'a priority')[0] as Priority,
    reason: variant(raw.reason, 'a reason')[0] as NeedReason,
    filedBy: raw.filedBy,
    allocated: num(raw.allocated, 'a quantity'),
  };
}

/** Round `round` of item `item`: its window, whether it was (or can now be) allocated, and its needs with their outcomes. */
export async function roundView(api: ApiPromise, emergency: SupplyEmergencyView, item: number, round: number): Promise<RoundView> {
  const [needsRaw, allocatedAt, nextRound, queue, inProgress, at] = await Promise.all([
    runtimeCall(api, 'emergencySupplyApi', 'roundNeeds')(emergency.id, item, round),
    query(api, 'emergencySupply', 'allocatedRounds')(emergency.id, item, round),
    query(api, 'emergencySupply', 'nextRoundToAllocate')(emergency.id, item),
    query(api, 'emergencySupply', 'roundQueue')(),
    query(api, 'emergencySupply', 'allocationInProgress')(),
    now(api),
  ]);
  const waiting = list(queue.toJSON()).some((q) => isObject(q) && q.emergency === emergency.id && q.round === round
    && typeof q.nextItem === 'number' && q.nextItem <= item);
  const storing = inProgress.toJSON();
  const queued = waiting || (isObject(storing) && storing.emergency === emergency.id && storing.item === item && storing.round === round);
  const needs = list(needsRaw.toJSON()).map(needView);
  const allocatedJson = allocatedAt.toJSON();
  const allocatedBlock = allocatedJson === null ? null : num(allocatedJson, 'a block number');
  const opensAt = emergency.startsAt + round * emergency.roundLength;
  const closesAt = opensAt + emergency.roundLength;
  const latestClosed = at < emergency.startsAt + emergency.roundLength ? null : Math.floor((at - emergency.startsAt) / emergency.roundLength) - 1;
  const allocatable = emergency.status === 'Active' && allocatedBlock === null && needs.length > 0 && latestClosed === round
    && round >= num(nextRound.toJSON(), 'a round') && !queued;
  const outcomes = needOutcomes(needs, allocatedBlock !== null);
  return { emergency: emergency.id, item, round, opensAt, closesAt, allocatedAt: allocatedBlock, allocatable, queued, needs: needs.map((n, i) => ({ ...n, outcome: outcomes[i] ?? 'NotAllocated' })) };
}

/** The rounds of `item` worth showing at the best block, newest first: the current one and up to `count − 1` before it. */
export function recentRounds(emergency: SupplyEmergencyView, count = 3): number[] {
  if (emergency.currentRound === null) return [];
  const last = emergency.currentRound;
  return Array.from({ length: Math.min(count, last + 1) }, (_, i) => last - i);
}

/** Allocations organisation `org` received (oldest first, at most `limit`), from `EmergencySupplyApi.suppliers_of`. */
export async function deliveriesTo(api: ApiPromise, org: number, limit = 500): Promise<DeliveryView[]> {
  const page = runtimeCall(api, 'emergencySupplyApi', 'suppliersOf');
  const out: DeliveryView[] = [];
  while (out.length < limit) {
    const rows = list((await page(org, out.length, 100)).toJSON());
    for (const row of rows) {
      if (!isObject(row) || !isObject(row.allocation) || typeof row.donor !== 'string') throw shape('an allocation');
      const a = row.allocation;
      const [status, data] = variant(a.status, 'an allocation status');
      if (status !== 'Pending' && status !== 'Dispatched' && status !== 'Delivered') throw shape('an allocation status');
      const field = (key: string): number | null => (isObject(data) && data[key] !== undefined ? num(data[key], 'a number') : null);
      out.push({
        id: big(row.id, 'an allocation id'),
        emergency: num(a.emergency, 'an emergency id'),
        item: num(a.item, 'an item'),
        round: num(a.round, 'a round'),
        recipient: num(a.recipient, 'an organisation id'),
        donation: big(a.donation, 'a donation id'),
        donor: row.donor,
        warehouse: num(a.warehouse, 'an organisation id'),
        quantity: num(a.quantity, 'a quantity'),
        status,
        dispatchedAt: status === 'Dispatched' ? field('at') : field('dispatchedAt'),
        received: status === 'Delivered' ? field('received') : null,
      });
    }
    if (rows.length < 100) break;
  }
  return out.slice(0, limit);
}

// ---- Checks before signing: the runtime's own limits -----------------------------------------

function constant(api: ApiPromise, name: string, fallback: number): number {
  const value = api.consts.emergencySupply?.[name];
  return value === undefined ? fallback : Number(value.toString());
}

/** A whole number (else `NotAWholeNumber`) in `[min, max]` (else the refusal `EmergencySupply.<error>`). */
function quantity(value: number, min: number, max: number, error: string, detail: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new ChainError(undefined, 'NotAWholeNumber', 'A quantity is a whole number, 0 or more.');
  if (value < min || value > max) throw ChainError.refusal(PALLET, error, detail);
  return value;
}

function requireOpen(emergency: SupplyEmergencyView, item: number): void {
  if (emergency.items[item] === undefined) throw ChainError.refusal(PALLET, 'ItemNotCovered');
  if (!emergency.open) throw ChainError.refusal(PALLET, 'EmergencyNotOpen');
}

function eventData(result: TxResult, method: string): Record<string, unknown> {
  const found = result.events.find(({ event }: EventRecord) => event.section === 'emergencySupply' && event.method === method);
  if (found === undefined) throw new ChainError(undefined, 'MissingEvent', `The chain did not report emergencySupply.${method}.`);
  const json = found.event.data.toJSON();
  const names = (found.event.data as unknown as { names?: string[] | null }).names ?? [];
  if (Array.isArray(json)) return Object.fromEntries(names.map((name, i) => [name, json[i]]));
  if (isObject(json)) return json;
  throw shape(`the ${method} event`);
}

function targetArg(target: DonationTargetArg): unknown {
  if (target.kind === 'Anywhere') return 'Anywhere';
  if (target.kind === 'Region') return { Region: target.region };
  return { Organisation: target.org };
}

async function send(api: ApiPromise, actor: Actor, pallet: string, call: string, args: unknown[]): Promise<TxResult> {
  const { account, options } = txAccount(actor);
  return submit(api, txFn(api, pallet, call)(...args), account, options);
}

export interface PledgeArgs {
  readonly emergency: SupplyEmergencyView;
  readonly item: number;
  readonly quantity: number;
  readonly target: DonationTargetArg;
  /** The warehouse the goods are shipped to, which confirms their arrival. */
  readonly warehouse: number;
  readonly donorOrg?: number | null;
}

/**
 * Pledges `quantity` units of an item to an open emergency (holding the runtime's pledge
 * deposit until the warehouse confirms the receipt) and answers the donation's number.
 * Refuses before signing: `ItemNotCovered`, `EmergencyNotOpen`, `ZeroQuantity`,
 * `PledgeTooLarge`.
 */
export async function pledge(api: ApiPromise, donor: Actor, args: PledgeArgs): Promise<{ donation: bigint; deposit: bigint }> {
  requireOpen(args.emergency, args.item);
  quantity(args.quantity, 1, Number.MAX_SAFE_INTEGER, 'ZeroQuantity', '');
  quantity(args.quantity, 1, constant(api, 'maxPledgeQuantity', 1_000_000), 'PledgeTooLarge', `At most ${constant(api, 'maxPledgeQuantity', 1_000_000)} units per pledge.`);
  const result = await send(api, donor, 'emergencySupply', 'pledge', [args.emergency.id, args.item, args.quantity, targetArg(args.target), args.warehouse, args.donorOrg ?? null]);
  const data = eventData(result, 'Pledged');
  return { donation: big(data.donation, 'a donation id'), deposit: big(data.deposit, 'a deposit') };
}

/** The donor cancels pledge `donation` that has not arrived (the deposit comes back). */
export async function cancelPledge(api: ApiPromise, donor: Actor, donation: bigint): Promise<void> {
  await send(api, donor, 'emergencySupply', 'cancelPledge', [donation]);
}

/**
 * Warehouse `warehouse` confirms that `quantity` units (1 up to the pledge) of `donation`
 * arrived. Refuses before signing: `ZeroQuantity`, `ReceiptExceedsPledge` (given `pledged`).
 */
export async function confirmReceipt(api: ApiPromise, keeper: Actor, args: { donation: bigint; warehouse: number; quantity: number; pledged: number }): Promise<void> {
  quantity(args.quantity, 1, Number.MAX_SAFE_INTEGER, 'ZeroQuantity', '');
  quantity(args.quantity, 1, args.pledged, 'ReceiptExceedsPledge', `At most the ${args.pledged} pledged.`);
  await send(api, keeper, 'emergencySupply', 'confirmReceipt', [args.donation, args.warehouse, args.quantity]);
}

/** Runs the allocation of `round` (see `RoundView.allocatable`); answers the number of allocations made. */
export async function allocateRound(api: ApiPromise, anyone: Actor, args: { emergency: number; item: number; round: number }): Promise<number> {
  const result = await send(api, anyone, 'emergencySupply', 'allocate', [args.emergency, args.item, args.round]);
  eventData(result, 'RoundAllocated');
  return result.events.filter(({ event }) => event.section === 'emergencySupply' && event.method === 'Allocated').length;
}

/**
 * Queues round `round` of `emergency` for the allocation of every item (`allocate_round`): the
 * chain allocates it item by item at the start of the next blocks, within a tenth of each
 * block. Answers the number of items queued. Refused by the chain: `RoundNotClosed`,
 * `RoundExpired`, `RoundAlreadyQueued`, `AllocationQueueFull`, `EmergencyNotOpen`.
 */
export async function queueRound(api: ApiPromise, anyone: Actor, args: { emergency: number; round: number }): Promise<number> {
  const result = await send(api, anyone, 'emergencySupply', 'allocateRound', [args.emergency, args.round]);
  return num(eventData(result, 'RoundQueued').items, 'an item count');
}

/** The warehouse holding its donation dispatches allocation `allocation`. */
export async function dispatchAllocation(api: ApiPromise, keeper: Actor, allocation: bigint): Promise<void> {
  await send(api, keeper, 'emergencySupply', 'dispatch', [allocation]);
}

/**
 * The recipient confirms that `received` units (0 up to `dispatched`) of `allocation` arrived;
 * the rest is recorded as missing. Refuses before signing: `ReceivedExceedsDispatched`.
 */
export async function confirmDelivery(api: ApiPromise, recipient: Actor, args: { allocation: bigint; received: number; dispatched: number }): Promise<void> {
  quantity(args.received, 0, args.dispatched, 'ReceivedExceedsDispatched', `At most the ${args.dispatched} sent.`);
  await send(api, recipient, 'emergencySupply', 'confirmDelivery', [args.allocation, args.received]);
}

export interface NeedArgs {
  readonly emergency: SupplyEmergencyView;
  readonly item: number;
  readonly org: number;
  readonly requested: number;
  readonly stockOnHand: number;
  readonly peopleServed: number;
  readonly priority: Priority;
  readonly reason: NeedReason;
}

/**
 * Clinic `org` files (or updates) its need in the current round; answers the need and its
 * round, and whether it replaced an earlier one. Refuses before signing: `ItemNotCovered`,
 * `EmergencyNotOpen`, `ZeroQuantity`, `NeedTooLarge` (more people than the runtime takes, or
 * more units per person), `NothingNeeded` (stock on hand covers it).
 */
export async function fileNeed(api: ApiPromise, filer: Actor, args: NeedArgs): Promise<{ need: bigint; round: number; updated: boolean }> {
  requireOpen(args.emergency, args.item);
  const maxPeople = constant(api, 'maxPeopleServed', 1_000_000);
  const perPerson = constant(api, 'maxUnitsPerPerson', 1_000);
  quantity(args.stockOnHand, 0, Number.MAX_SAFE_INTEGER, 'NothingNeeded', '');
  quantity(args.requested, 1, Number.MAX_SAFE_INTEGER, 'ZeroQuantity', '');
  quantity(args.peopleServed, 0, maxPeople, 'NeedTooLarge', `At most ${maxPeople} people.`);
  quantity(args.requested, 1, args.peopleServed * perPerson, 'NeedTooLarge', `At most ${perPerson} units per person served.`);
  if (args.stockOnHand >= args.requested) throw ChainError.refusal(PALLET, 'NothingNeeded');
  const result = await send(api, filer, 'emergencySupply', 'fileNeed',
    [args.emergency.id, args.item, args.org, args.requested, args.stockOnHand, args.peopleServed, args.priority, args.reason]);
  const updated = result.events.some(({ event }) => event.section === 'emergencySupply' && event.method === 'NeedUpdated');
  const data = eventData(result, updated ? 'NeedUpdated' : 'NeedFiled');
  return { need: big(data.need, 'a need id'), round: num(data.round, 'a round'), updated };
}
