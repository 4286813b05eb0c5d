// "Where did my donation go?", for anyone, without an account: a donation to an emergency, the
// warehouse that confirmed its arrival, and every allocation it fed: which clinic, how much,
// whether it is waiting in the warehouse, on its way, or confirmed by the clinic (and how much
// arrived). From `EmergencySupplyApi.donation_trace` (reads: no account, no fee), page by page,
// with organisations and the emergency's item named.

import type { ApiPromise } from '@polkadot/api';
import { u8aEq } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';

import { big, isObject, list, query, runtimeCall, scanEntries, shape, text, variant } from './decode.js';
import { ChainError } from './errors.js';

/** A donation id as typed: 1 to 20 digits, at most u64. Throws `ChainError InvalidArgument`. */
export function parseDonationId(input: string): bigint {
  const digits = input.trim().replace(/^#/, '');
  if (!/^\d{1,20}$/.test(digits) || BigInt(digits) > 0xffff_ffff_ffff_ffffn) {
    throw new ChainError(undefined, 'InvalidArgument', 'A donation number is a whole number, as the pledge receipt shows it.');
  }
  return BigInt(digits);
}

/** Allocations read per runtime call (the runtime caps pages at 100). */
const PAGE = 100;
/** Most allocations one trace shows: a donation's allocations are bounded by its units, this bounds the reads. */
export const MAX_TRACED_ALLOCATIONS = 1000;

type Named = { readonly org: number; readonly name: string | null };

/** One allocation a donation fed. */
export interface TracedAllocation {
  readonly id: bigint;
  readonly recipient: Named;
  readonly round: number;
  readonly quantity: number;
  /** Waiting in the warehouse, on its way since `dispatchedAt`, or confirmed at `confirmedAt` with `received` units. */
  readonly status: 'Pending' | 'Dispatched' | 'Delivered';
  readonly dispatchedAt: number | null;
  readonly confirmedAt: number | null;
  /** Units the clinic confirmed (null until confirmed); `quantity - received` went missing. */
  readonly received: number | null;
}

/** Where a donation went. */
export interface DonationTraceView {
  readonly id: bigint;
  readonly emergency: { readonly id: number; readonly name: string | null };
  /** The item's code in the emergency's catalogue (e.g. `MASK-N95`) and its unit. */
  readonly item: { readonly index: number; readonly code: string | null; readonly unit: string | null };
  readonly donor: string;
  readonly donorOrg: Named | null;
  /** Where the donor asked it to go. */
  readonly target: { readonly kind: 'Anywhere' } | { readonly kind: 'Region'; readonly county: number; readonly township: number; readonly village: number } | { readonly kind: 'Organisation' } & Named;
  readonly pledged: number;
  readonly pledgedAt: number;
  /** The warehouse the donor ships to. */
  readonly warehouse: Named | null;
  /** Units the warehouse confirmed as arrived, and when; null until then. */
  readonly received: number | null;
  readonly receivedAt: number | null;
  /** Received units not allocated yet. */
  readonly unallocated: number;
  /** Sums over the allocations. */
  readonly totals: { readonly allocated: number; readonly waiting: number; readonly inTransit: number; readonly delivered: number; readonly missing: number };
  /** Allocations, oldest first (at most `MAX_TRACED_ALLOCATIONS`). */
  readonly allocations: readonly TracedAllocation[];
  /** Allocations the chain has beyond those listed. */
  readonly notShown: number;
}

async function organisationName(api: ApiPromise, org: number, cache: Map<number, Promise<string | null>>): Promise<string | null> {
  let name = cache.get(org);
  if (name === undefined) {
    name = query(api, 'registry', 'organisations')(org).then((c) => {
      const raw = c.toJSON();
      return isObject(raw) ? text(raw.name, 'an organisation name') : null;
    });
    cache.set(org, name);
  }
  return name;
}

function allocation(raw: unknown): Omit<TracedAllocation, 'recipient'> & { recipient: number } {
  if (!isObject(raw) || !isObject(raw.allocation)) throw shape('an allocation');
  const a = raw.allocation;
  const [status, data] = variant(a.status, 'an allocation status');
  const field = (key: string): number | null => (isObject(data) && data[key] !== undefined ? Number(big(data[key], 'a block number')) : null);
  if (status !== 'Pending' && status !== 'Dispatched' && status !== 'Delivered') throw shape('an allocation status');
  return {
    id: big(raw.id, 'an allocation id'),
    recipient: Number(big(a.recipient, 'an organisation id')),
    round: Number(big(a.round, 'a round')),
    quantity: Number(big(a.quantity, 'a quantity')),
    status,
    dispatchedAt: status === 'Dispatched' ? field('at') : field('dispatchedAt'),
    confirmedAt: field('confirmedAt'),
    received: status === 'Delivered' ? field('received') : null,
  };
}

/**
 * Where donation `id` went, or `null` if there is no such donation. Reads the trace in pages of
 * 100 up to `MAX_TRACED_ALLOCATIONS`; throws `ChainError` (`UnsupportedRuntime`,
 * `UnexpectedShape`) or polkadot.js's error if the node cannot be reached.
 */
export async function traceDonation(api: ApiPromise, id: bigint | number): Promise<DonationTraceView | null> {
  const trace = runtimeCall(api, 'emergencySupplyApi', 'donationTrace');
  const first = (await trace(id, 0, PAGE)).toJSON();
  if (first === null) return null;
  if (!isObject(first) || !isObject(first.donation)) throw shape('a donation trace');
  const d = first.donation;
  if (typeof d.donor !== 'string') throw shape('a donor');
  const total = Number(big(d.allocations, 'a count'));
  const rows = list(first.allocations).map(allocation);
  while (rows.length < Math.min(total, MAX_TRACED_ALLOCATIONS)) {
    const page = (await trace(id, rows.length, PAGE)).toJSON();
    const more = isObject(page) ? list(page.allocations).map(allocation) : [];
    if (more.length === 0) break;
    rows.push(...more);
  }
  const shown = rows.slice(0, MAX_TRACED_ALLOCATIONS);

  const names = new Map<number, Promise<string | null>>();
  const named = async (org: number): Promise<Named> => ({ org, name: await organisationName(api, org, names) });
  const emergencyId = Number(big(d.emergency, 'an emergency id'));
  const itemIndex = Number(big(d.item, 'an item'));
  const emergency = (await query(api, 'emergencySupply', 'emergencies')(emergencyId)).toJSON();
  const items = isObject(emergency) ? list(emergency.items) : [];
  const item = items[itemIndex];
  const [targetKind, targetData] = variant(d.target, 'a donation target');
  let target: DonationTraceView['target'];
  if (targetKind === 'Anywhere') target = { kind: 'Anywhere' };
  else if (targetKind === 'Region' && isObject(targetData)) {
    target = { kind: 'Region', county: Number(big(targetData.county, 'a region')), township: Number(big(targetData.township, 'a region')), village: Number(big(targetData.village, 'a region')) };
  } else if (targetKind === 'Organisation') target = { kind: 'Organisation', ...(await named(Number(big(targetData, 'an organisation id')))) };
  else throw shape('a donation target');
  const receipt = isObject(d.receipt) ? d.receipt : null;
  const warehouseId = receipt !== null ? Number(big(receipt.warehouse, 'a warehouse')) : d.warehouse === null ? null : Number(big(d.warehouse, 'a warehouse'));
  const allocations = await Promise.all(shown.map(async (a) => ({ ...a, recipient: await named(a.recipient) })));
  const sum = (f: (a: TracedAllocation) => number): number => allocations.reduce((s, a) => s + f(a), 0);
  return {
    id: BigInt(id),
    emergency: { id: emergencyId, name: isObject(emergency) ? text(emergency.name, 'an emergency name') : null },
    item: {
      index: itemIndex,
      code: isObject(item) ? text(item.code, 'an item code') : null,
      unit: isObject(item) ? variant(item.unit, 'a unit')[0] : null,
    },
    donor: d.donor,
    donorOrg: d.donorOrg === null ? null : await named(Number(big(d.donorOrg, 'an organisation id'))),
    target,
    pledged: Number(big(d.pledged, 'a quantity')),
    pledgedAt: Number(big(d.pledgedAt, 'a block number')),
    warehouse: warehouseId === null ? null : await named(warehouseId),
    received: receipt === null ? null : Number(big(receipt.quantity, 'a quantity')),
    receivedAt: receipt === null ? null : Number(big(receipt.at, 'a block number')),
    unallocated: Number(big(first.unallocated, 'a quantity')),
    totals: {
      allocated: sum((a) => a.quantity),
      waiting: sum((a) => (a.status === 'Pending' ? a.quantity : 0)),
      inTransit: sum((a) => (a.status === 'Dispatched' ? a.quantity : 0)),
      delivered: sum((a) => a.received ?? 0),
      missing: sum((a) => (a.status === 'Delivered' ? a.quantity - (a.received ?? 0) : 0)),
    },
    allocations,
    notShown: Math.max(0, total - allocations.length),
  };
}

/** Donations read per storage page. */
const DONATIONS_PAGE = 500;
/** Most donations `donationsBy` reads (all of the chain's: it keeps no index by donor). */
export const MAX_DONATIONS_SCANNED = 20_000;

/** A donation in its donor's own list. */
export interface OwnDonation {
  readonly id: bigint;
  readonly emergency: number;
  /** The item's index in the emergency's catalogue. */
  readonly item: number;
  readonly pledged: number;
  readonly pledgedAt: number;
  /** The warehouse the donor ships to (null for pledges older than the chain's storage version 2). */
  readonly warehouse: number | null;
  /** Units the warehouse confirmed as arrived; null while it is awaited. */
  readonly received: number | null;
  readonly allocated: number;
}

/**
 * The donations account `donor` (any SS58 form) pledged and has not cancelled, newest first:
 * every donation on chain (`EmergencySupply.Donations`) read page by page, the donor's kept.
 * For a donor who lost a pledge receipt. Throws `ChainError`: `InvalidArgument` (not an
 * account), `TooManyDonations` (past `MAX_DONATIONS_SCANNED`: an indexer is needed).
 */
export async function donationsBy(api: ApiPromise, donor: string): Promise<OwnDonation[]> {
  let me: Uint8Array;
  try {
    me = decodeAddress(donor);
  } catch {
    throw new ChainError(undefined, 'InvalidArgument', `${JSON.stringify(donor)} is not an account.`);
  }
  const mine: OwnDonation[] = [];
  const tooMany = (): ChainError => new ChainError(undefined, 'TooManyDonations', `More than ${MAX_DONATIONS_SCANNED} donations on chain: the list needs an indexer.`);
  await scanEntries(api, 'emergencySupply', 'donations', [], { pageSize: DONATIONS_PAGE, max: MAX_DONATIONS_SCANNED, tooMany }, ([id], raw) => {
    if (!isObject(raw) || typeof raw.donor !== 'string') throw shape('a donation');
    if (!u8aEq(decodeAddress(raw.donor), me)) return;
    const receipt = isObject(raw.receipt) ? raw.receipt : null;
    mine.push({
      id: big(id, 'a donation id'),
      emergency: Number(big(raw.emergency, 'an emergency id')),
      item: Number(big(raw.item, 'an item index')),
      pledged: Number(big(raw.pledged, 'a quantity')),
      pledgedAt: Number(big(raw.pledgedAt, 'a block number')),
      warehouse: raw.warehouse === null || raw.warehouse === undefined ? null : Number(big(raw.warehouse, 'an organisation id')),
      received: receipt === null ? null : Number(big(receipt.quantity, 'a quantity')),
      allocated: Number(big(raw.allocated, 'a quantity')),
    });
  });
  return mine.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
