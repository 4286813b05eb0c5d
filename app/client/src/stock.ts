// An organisation's medicine stock, for its staff: what it holds, lot by lot, with each lot's
// standing (recalled, quarantined, cold chain broken, expired, flagged as suspect here); its
// shipments, sent and received; and, for a recalled lot, the dispensations it made of it, so
// that the pharmacy can find the patients in its own books (the chain never names them).
//
// Reads are storage reads and the drug provenance runtime API (no account, no fee). The stock
// list reads the holdings of every lot (`DrugProvenance.Holdings`, page by page, at most
// `MAX_HOLDINGS_SCANNED`) and keeps the organisation's: the chain keeps no index of holdings by
// holder, and a county's chain holds a few thousand (docs/app.md, "Stock").
//
// Every action checks first, from chain state, what the chain would refuse (a typed
// `ChainError` with the pallet's error name, nothing signed), then signs and waits for the
// block; a refusal by the chain is its `ChainError` as well.

import type { ApiPromise } from '@polkadot/api';
import type { EventRecord } from '@polkadot/types/interfaces';
import { stringToHex } from '@polkadot/util';

import { submit, type TxResult } from './chain.js';
import { big, isObject, list, query, runtimeCall, scanEntries, shape, text, txFn, variant } from './decode.js';
import { ChainError } from './errors.js';
import { chainToday, DAY_MS, getDispensation, getLot, isGs1Text, isValidGtin, lotIdOf, MAX_PACKS_PER_DISPENSE, type DispensationView, type LotView, type RecallReason, type SuspectReason } from './medicines.js';
import { PackCodeError, parsePackCode } from './packs.js';
import { txAccount, type Actor } from './records.js';

const PALLET = 'DrugProvenance';
/** Holdings read per storage page. */
const HOLDINGS_PAGE = 500;
/** Most holdings `stockOf` reads (all holders of all lots) before it stops: `TooManyHoldings`. */
export const MAX_HOLDINGS_SCANNED = 20_000;
/** Packs of one lot read per storage page. */
const PACKS_PAGE = 500;
/** Most packs of one lot `packsHeld` reads (a serialised lot's packs, all holders). */
export const MAX_PACKS_READ = 10_000;
/** Most serials one call may list (the pallet's `MAX_PACKS_PER_CALL`). */
export const MAX_SERIALS_PER_CALL = MAX_PACKS_PER_DISPENSE;
/** Dispensations read per runtime call (the runtime caps pages at 100). */
const REACH_PAGE = 100;
/** Most dispensations of one lot `dispensationsOf` reads. */
export const MAX_DISPENSATIONS_READ = 10_000;

/** A product (`DrugProvenance.Products`). */
export interface ProductView {
  readonly gtin: string;
  readonly manufacturer: number;
  readonly name: string;
  readonly strength: string;
  readonly form: string;
  readonly coldChain: boolean;
  /** The cold chain's range in 0.1 °C, or null for ambient storage. */
  readonly range: { readonly minDecicelsius: number; readonly maxDecicelsius: number } | null;
}

/** One lot an organisation holds. */
export interface StockLine {
  readonly lot: LotView;
  readonly product: ProductView | null;
  /** Packs held. */
  readonly held: number;
  /** Why this organisation's stock of the lot is flagged as suspect, or null. */
  readonly suspect: SuspectReason | null;
  /** The lot's expiry day has come (chain time): it may not be shipped or dispensed. */
  readonly expired: boolean;
  /** May be shipped or dispensed: active, cold chain not broken, not expired, not flagged here. */
  readonly usable: boolean;
}

/** A shipment (`DrugProvenance.Shipments`). */
export interface ShipmentView {
  readonly id: bigint;
  readonly lot: bigint;
  readonly from: number;
  readonly to: number;
  readonly quantity: number;
  readonly serials: readonly string[];
  readonly kind: 'Transfer' | 'Return';
  readonly shippedAt: number;
  readonly status: 'InTransit' | 'Received' | 'Cancelled';
  /** Packs that arrived, once received. */
  readonly received: number | null;
  /** Packs missing on arrival, once received. */
  readonly missing: number | null;
}

/** Product `gtin`, or null. */
export async function getProduct(api: ApiPromise, gtin: string): Promise<ProductView | null> {
  const raw = (await query(api, 'drugProvenance', 'products')(stringToHex(gtin))).toJSON();
  return raw === null ? null : productView(gtin, raw);
}

/** A product as `DrugProvenance.Products` stores it (JSON). */
function productView(gtin: string, raw: unknown): ProductView {
  if (!isObject(raw)) throw shape('a product');
  const [form] = variant(raw.form, 'a dosage form');
  const [storage, range] = variant(raw.storage, 'a storage condition');
  return {
    gtin,
    manufacturer: Number(big(raw.manufacturer, 'a manufacturer')),
    name: text(raw.name, 'a product name'),
    strength: text(raw.strength, 'a strength'),
    form,
    coldChain: storage === 'ColdChain',
    range: storage === 'ColdChain' && isObject(range)
      ? { minDecicelsius: Number(big(range.minDecicelsius, 'a temperature')), maxDecicelsius: Number(big(range.maxDecicelsius, 'a temperature')) }
      : null,
  };
}

/**
 * Every holding on chain with packs in it, `[lot, organisation, packs]`, read page by page (the
 * chain keeps no index of holdings by holder or by standing). Throws `ChainError TooManyHoldings`
 * past `MAX_HOLDINGS_SCANNED` holdings.
 */
async function allHoldings(api: ApiPromise): Promise<[bigint, number, number][]> {
  const held: [bigint, number, number][] = [];
  const tooMany = (): ChainError => new ChainError(undefined, 'TooManyHoldings', `More than ${MAX_HOLDINGS_SCANNED} holdings on chain: the stock list needs an indexer.`);
  await scanEntries(api, 'drugProvenance', 'holdings', [], { pageSize: HOLDINGS_PAGE, max: MAX_HOLDINGS_SCANNED, tooMany }, ([lot, holder], value) => {
    const packs = Number(big(value, 'a holding'));
    if (packs > 0) held.push([big(lot, 'a lot id'), Number(big(holder, 'an organisation id')), packs]);
  });
  return held;
}

/** A recalled lot and who still holds packs of it. */
export interface RecalledStock {
  readonly lot: LotView;
  readonly product: ProductView | null;
  /** Organisations holding packs of it, most packs first. */
  readonly holders: readonly { readonly org: number; readonly packs: number }[];
}

/**
 * Where recalled stock still sits: every recalled lot of which some organisation still holds
 * packs, with the holders (the health authority's view; a pharmacy's own is `stockOf`). Lots
 * most held first. Throws `ChainError TooManyHoldings` as `stockOf` does.
 */
export async function recalledStock(api: ApiPromise): Promise<RecalledStock[]> {
  const byLot = new Map<bigint, { org: number; packs: number }[]>();
  for (const [lot, org, packs] of await allHoldings(api)) {
    const holders = byLot.get(lot) ?? [];
    holders.push({ org, packs });
    byLot.set(lot, holders);
  }
  const products = new Map<string, Promise<ProductView | null>>();
  const found = await Promise.all([...byLot.entries()].map(async ([id, holders]): Promise<RecalledStock | null> => {
    const lot = await getLot(api, id);
    if (lot === null || lot.status.kind !== 'Recalled') return null;
    if (!products.has(lot.gtin)) products.set(lot.gtin, getProduct(api, lot.gtin));
    return { lot, product: (await products.get(lot.gtin)) ?? null, holders: holders.sort((a, b) => b.packs - a.packs || a.org - b.org) };
  }));
  const total = (r: RecalledStock): number => r.holders.reduce((sum, h) => sum + h.packs, 0);
  return found.filter((r): r is RecalledStock => r !== null).sort((a, b) => total(b) - total(a) || Number(a.lot.id - b.lot.id));
}

/**
 * Every lot organisation `org` holds packs of, recalled and unusable lots first, then by
 * expiry (soonest first). Throws `ChainError TooManyHoldings` past `MAX_HOLDINGS_SCANNED`
 * holdings on the whole chain.
 */
export async function stockOf(api: ApiPromise, org: number): Promise<StockLine[]> {
  const held = (await allHoldings(api)).filter(([, holder]) => holder === org).map(([lot, , packs]): [bigint, number] => [lot, packs]);
  const today = await chainToday(api);
  const products = new Map<string, Promise<ProductView | null>>();
  const lines = await Promise.all(held.map(async ([id, packs]): Promise<StockLine | null> => {
    const lot = await getLot(api, id);
    if (lot === null) return null;
    if (!products.has(lot.gtin)) products.set(lot.gtin, getProduct(api, lot.gtin));
    const [product, suspectRaw] = await Promise.all([products.get(lot.gtin), query(api, 'drugProvenance', 'suspectHoldings')(id, org)]);
    const suspectJson = suspectRaw.toJSON();
    const suspect = suspectJson === null ? null : (variant(suspectJson, 'a suspect reason')[0] as SuspectReason);
    const expired = today >= lot.expiresOn;
    return {
      lot, product: product ?? null, held: packs, suspect, expired,
      usable: lot.status.kind === 'Active' && lot.coldChain !== 'Breached' && !expired && suspect === null,
    };
  }));
  const rank = (l: StockLine): number => (l.lot.status.kind === 'Recalled' ? 0 : l.usable ? 2 : 1);
  return lines.filter((l): l is StockLine => l !== null)
    .sort((a, b) => rank(a) - rank(b) || a.lot.expiresOn - b.lot.expiresOn || Number(a.lot.id - b.lot.id));
}

/** A shipment number as typed (the delivery note's): 1 to 20 digits. Throws `ChainError InvalidArgument`. */
export function parseShipmentId(input: string): bigint {
  const digits = input.trim().replace(/^#/, '');
  if (!/^\d{1,20}$/.test(digits) || BigInt(digits) > 0xffff_ffff_ffff_ffffn) {
    throw new ChainError(undefined, 'InvalidArgument', 'A shipment number is a whole number, as the delivery note shows it.');
  }
  return BigInt(digits);
}

/** Shipment `id`, or null. */
export async function getShipment(api: ApiPromise, id: bigint | number): Promise<ShipmentView | null> {
  const raw = (await query(api, 'drugProvenance', 'shipments')(id)).toJSON();
  if (raw === null) return null;
  if (!isObject(raw) || !Array.isArray(raw.serials)) throw shape('a shipment');
  const [status, data] = variant(raw.status, 'a shipment status');
  const [kind] = variant(raw.kind, 'a shipment kind');
  if ((status !== 'InTransit' && status !== 'Received' && status !== 'Cancelled') || (kind !== 'Transfer' && kind !== 'Return')) throw shape('a shipment');
  const received = status === 'Received' && isObject(data);
  return {
    id: BigInt(id),
    lot: big(raw.lot, 'a lot id'),
    from: Number(big(raw.from, 'an organisation id')),
    to: Number(big(raw.to, 'an organisation id')),
    quantity: Number(big(raw.quantity, 'a quantity')),
    serials: raw.serials.map((s: unknown) => text(s, 'a serial')),
    kind,
    shippedAt: Number(big(raw.shippedAt, 'a block number')),
    status,
    received: received ? Number(big(data.received, 'a quantity')) : null,
    missing: received ? Number(big(data.missing, 'a quantity')) : null,
  };
}

/**
 * The dispensations organisation `org` made of lot `lot` (`DrugProvenanceApi.recall_reach`,
 * page by page), oldest first: for a recalled lot, whom to call. Each carries the salted
 * commitment the dispenser's books can open.
 */
export async function dispensationsOf(api: ApiPromise, lot: bigint, org: number): Promise<DispensationView[]> {
  const page = runtimeCall(api, 'drugProvenanceApi', 'recallReach');
  const out: DispensationView[] = [];
  for (let from = 0; from < MAX_DISPENSATIONS_READ; from += REACH_PAGE) {
    const rows = list((await page(lot, from, REACH_PAGE)).toJSON());
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== 2 || !isObject(row[1])) throw shape('a dispensation');
      if (Number(big(row[1].org, 'an organisation id')) !== org) continue;
      const view = await getDispensation(api, big(row[0], 'a dispensation id'));
      if (view !== null) out.push(view);
    }
    if (rows.length < REACH_PAGE) break;
  }
  return out;
}

// ---- Actions -------------------------------------------------------------------------------

function packs(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new ChainError(undefined, 'NotAWholeNumber', 'A number of packs is a whole number, 0 or more.');
  return value;
}

/** What the pallet refuses for a lot that may not move down the chain or be dispensed. */
function requireUsable(line: StockLine): void {
  const { status, coldChain } = line.lot;
  if (status.kind === 'Recalled') throw ChainError.refusal(PALLET, 'LotRecalled');
  if (status.kind === 'Quarantined') throw ChainError.refusal(PALLET, 'LotQuarantined');
  if (status.kind === 'Illegitimate') throw ChainError.refusal(PALLET, 'LotIllegitimate');
  if (coldChain === 'Breached') throw ChainError.refusal(PALLET, 'ColdChainBreached');
  if (line.expired) throw ChainError.refusal(PALLET, 'StockExpired');
  if (line.suspect !== null) throw ChainError.refusal(PALLET, 'HoldingQuarantined');
}

/**
 * The packs an action on `line` moves: `quantity` of an unserialised lot, as many as `serials`
 * of a serialised one. Refuses `NotSerialised`, `SerialsRequired`, `NotAWholeNumber`,
 * `InvalidQuantity` (none).
 */
function packsMoved(line: StockLine, quantity: number, serials: readonly string[]): number {
  if (!line.lot.serialised && serials.length > 0) throw ChainError.refusal(PALLET, 'NotSerialised');
  if (line.lot.serialised && serials.length === 0) throw ChainError.refusal(PALLET, 'SerialsRequired');
  const moved = line.lot.serialised ? serials.length : packs(quantity);
  if (moved === 0) throw ChainError.refusal(PALLET, 'InvalidQuantity');
  return moved;
}

/** A list of serials one call may carry: `InvalidQuantity` (none or too many), `InvalidSerial`, `DuplicateSerial`. */
function checkSerialList(serials: readonly string[]): void {
  if (serials.length === 0 || serials.length > MAX_SERIALS_PER_CALL) throw ChainError.refusal(PALLET, 'InvalidQuantity', `List 1 to ${MAX_SERIALS_PER_CALL} serials.`);
  for (const [i, serial] of serials.entries()) {
    if (!isGs1Text(serial)) throw ChainError.refusal(PALLET, 'InvalidSerial', JSON.stringify(serial));
    if (serials.indexOf(serial) !== i) throw ChainError.refusal(PALLET, 'DuplicateSerial', JSON.stringify(serial));
  }
}

function eventField(result: TxResult, method: string, index: number): unknown {
  const found = result.events.find(({ event }: EventRecord) => event.section === 'drugProvenance' && event.method === method);
  if (found === undefined) throw new ChainError(undefined, 'MissingEvent', `The chain did not report drugProvenance.${method}.`);
  return found.event.data[index]?.toJSON();
}

async function send(api: ApiPromise, actor: Actor, call: string, args: unknown[]): Promise<TxResult> {
  const { account, options } = txAccount(actor);
  return submit(api, txFn(api, 'drugProvenance', call)(...args), account, options);
}

export interface ShipArgs {
  /** The lot as the sender's stock list shows it. */
  readonly line: StockLine;
  readonly from: number;
  readonly to: number;
  /** Packs of an unserialised lot (ignored for a serialised one: as many as `serials`). */
  readonly quantity: number;
  /** A serialised lot's packs, by serial (`parseSerials`). */
  readonly serials?: readonly string[];
}

/**
 * Ships packs from `from`'s stock to organisation `to`: `quantity` packs of an unserialised
 * lot, or the packs `serials` of a serialised one; answers the shipment's number (for the
 * delivery note: the receiver confirms by it). Refuses before signing: `NotAWholeNumber`,
 * `InvalidQuantity` (0, or more serials than one call carries), `SameOrganisation`,
 * `InsufficientStock`, `SerialsRequired` (a serialised lot without serials), `NotSerialised`
 * (serials for an unserialised lot), the packs' own refusals (`InvalidSerial`,
 * `DuplicateSerial`, `UnknownPack`, `PackNotHeld`, `PackQuarantined`), and a lot that may not
 * move (`LotRecalled`, `LotQuarantined`, `LotIllegitimate`, `ColdChainBreached`,
 * `StockExpired`, `HoldingQuarantined`). The chain refuses the rest (`RecipientNotVerified`,
 * `NotActingForOrganisation`).
 */
export async function shipStock(api: ApiPromise, sender: Actor, args: ShipArgs): Promise<bigint> {
  const quantity = packsMoved(args.line, args.quantity, args.serials ?? []);
  if (args.from === args.to) throw ChainError.refusal(PALLET, 'SameOrganisation');
  requireUsable(args.line);
  if (quantity > args.line.held) throw ChainError.refusal(PALLET, 'InsufficientStock', `It holds ${args.line.held}.`);
  const serials = args.line.lot.serialised ? await requirePacksHeld(api, args.line.lot.id, args.from, args.serials ?? [], true) : [];
  const result = await send(api, sender, 'ship', [args.line.lot.id, args.from, args.to, quantity, serials.map((x) => stringToHex(x))]);
  return big(eventField(result, 'Shipped', 0), 'a shipment id');
}

/**
 * The receiver confirms shipment `shipment`: of an unserialised lot, `received` packs arrived
 * and the rest is recorded as lost; of a serialised one, the packs `missing` (by serial, from
 * the shipment's list) did not arrive and the rest did (`received` is then ignored). Refuses
 * before signing: `NotAWholeNumber`, `ShipmentNotInTransit`, `NotRecipient` (given the
 * organisations the account acts for), `InvalidReceipt` (more than was shipped, or a missing
 * serial the shipment does not list, or listed twice), `NotSerialised` (missing serials for an
 * unserialised lot).
 */
export async function receiveStock(
  api: ApiPromise,
  receiver: Actor,
  args: { shipment: ShipmentView; received: number; missing?: readonly string[]; actsFor: readonly number[] },
): Promise<void> {
  const s = args.shipment;
  const missing = args.missing ?? [];
  const serialised = s.serials.length > 0;
  if (!serialised) packs(args.received);
  if (s.status !== 'InTransit') throw ChainError.refusal(PALLET, 'ShipmentNotInTransit');
  if (!args.actsFor.includes(s.to)) throw ChainError.refusal(PALLET, 'NotRecipient');
  if (!serialised && missing.length > 0) throw ChainError.refusal(PALLET, 'NotSerialised');
  if (serialised && (new Set(missing).size !== missing.length || missing.some((m) => !s.serials.includes(m)))) {
    throw ChainError.refusal(PALLET, 'InvalidReceipt', 'Only packs the shipment lists can be missing, each once.');
  }
  const received = serialised ? s.quantity - missing.length : args.received;
  if (received > s.quantity) throw ChainError.refusal(PALLET, 'InvalidReceipt', `At most the ${s.quantity} shipped.`);
  await send(api, receiver, 'receiveShipment', [s.id, received, missing.map((m) => stringToHex(m))]);
}

// ---- Serialised packs ------------------------------------------------------------------------

/** Whether a line of text is a scanned or printed pack code rather than a bare serial. */
const looksLikePackCode = (line: string): boolean => line.startsWith('(') || line.startsWith(']') || line.includes('\u001d');

/**
 * The serials in `input` as typed or scanned: one per line (a scanner types a pack's code and
 * Enter), each a bare serial or a pack's whole GS1 code (`(01)…(10)…(21)…`, its serial taken,
 * and it must be a pack of `lot` when given); blank lines skipped. Throws `ChainError`:
 * `InvalidSerial` (characters or a length GS1 does not allow, or a pack code without a serial
 * or unreadable), `PackOfAnotherLot`, `DuplicateSerial`, `InvalidQuantity` (none, or more than
 * `MAX_SERIALS_PER_CALL`).
 */
export function parseSerials(input: string, lot?: Pick<LotView, 'gtin' | 'lotNumber'>): string[] {
  const serials: string[] = [];
  for (const raw of input.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    let serial = line;
    if (looksLikePackCode(line)) {
      let code;
      try {
        code = parsePackCode(line);
      } catch (error) {
        if (error instanceof PackCodeError) throw ChainError.refusal(PALLET, 'InvalidSerial', `${JSON.stringify(line)}: ${error.message}`);
        throw error;
      }
      if (code.serial === undefined) throw ChainError.refusal(PALLET, 'InvalidSerial', `${JSON.stringify(line)} has no serial number (21).`);
      if (lot !== undefined && (code.gtin !== lot.gtin || code.lotNumber !== lot.lotNumber)) {
        throw new ChainError(undefined, 'PackOfAnotherLot', `The pack ${code.serial} is of batch ${code.lotNumber}, not ${lot.lotNumber}.`);
      }
      serial = code.serial;
    }
    if (!isGs1Text(serial)) throw ChainError.refusal(PALLET, 'InvalidSerial', JSON.stringify(serial));
    if (serials.includes(serial)) throw ChainError.refusal(PALLET, 'DuplicateSerial', JSON.stringify(serial));
    serials.push(serial);
  }
  if (serials.length === 0 || serials.length > MAX_SERIALS_PER_CALL) {
    throw ChainError.refusal(PALLET, 'InvalidQuantity', `List 1 to ${MAX_SERIALS_PER_CALL} serials, one per line.`);
  }
  return serials;
}

/**
 * `count` serials from `first` on, counting up its trailing digits and keeping their width:
 * `serialRange('MR-0098', 3)` is MR-0098, MR-0099, MR-0100. Throws `ChainError`: `InvalidSerial`
 * (`first` is not a serial or does not end in digits, or the count would need more digits
 * than it has), `InvalidQuantity` (not 1 to `MAX_SERIALS_PER_CALL`).
 */
export function serialRange(first: string, count: number): string[] {
  const start = first.trim();
  const match = /^(.*?)(\d+)$/.exec(start);
  if (!isGs1Text(start) || match === null) throw ChainError.refusal(PALLET, 'InvalidSerial', `${JSON.stringify(start)} does not end in digits to count from.`);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SERIALS_PER_CALL) {
    throw ChainError.refusal(PALLET, 'InvalidQuantity', `1 to ${MAX_SERIALS_PER_CALL} serials at a time.`);
  }
  const [, prefix = '', digits = ''] = match;
  const from = BigInt(digits);
  const last = (from + BigInt(count - 1)).toString().padStart(digits.length, '0');
  if (last.length > digits.length) throw ChainError.refusal(PALLET, 'InvalidSerial', `${count} serials from ${start} need more than ${digits.length} digits.`);
  return Array.from({ length: count }, (_, i) => `${prefix}${(from + BigInt(i)).toString().padStart(digits.length, '0')}`);
}

/** A serialised pack (`DrugProvenance.Packs`). */
export interface PackView {
  readonly serial: string;
  readonly custody:
    | { readonly kind: 'Held'; readonly org: number }
    | { readonly kind: 'InTransit'; readonly shipment: bigint }
    | { readonly kind: 'Dispensed'; readonly dispensation: bigint }
    | { readonly kind: 'Destroyed' }
    | { readonly kind: 'Lost' };
  /** Active, or flagged suspect (quarantined), or confirmed illegitimate. */
  readonly status: 'Active' | 'Suspect' | 'Illegitimate';
}

function packView(serial: string, raw: unknown): PackView {
  if (!isObject(raw)) throw shape('a pack');
  const [where, data] = variant(raw.custody, 'a pack custody');
  const [status] = variant(raw.status, 'a pack status');
  if (status !== 'Active' && status !== 'Suspect' && status !== 'Illegitimate') throw shape('a pack status');
  const custody: PackView['custody'] = where === 'Held' ? { kind: 'Held', org: Number(big(data, 'an organisation id')) }
    : where === 'InTransit' ? { kind: 'InTransit', shipment: big(data, 'a shipment id') }
      : where === 'Dispensed' ? { kind: 'Dispensed', dispensation: big(data, 'a dispensation id') }
        : where === 'Destroyed' || where === 'Lost' ? { kind: where } : (() => { throw shape('a pack custody'); })();
  return { serial, custody, status };
}

/** Pack `serial` of lot `lot`, or null (never commissioned). */
export async function getPack(api: ApiPromise, lot: bigint, serial: string): Promise<PackView | null> {
  const raw = (await query(api, 'drugProvenance', 'packs')(lot, stringToHex(serial))).toJSON();
  return raw === null ? null : packView(serial, raw);
}

/**
 * The packs of serialised lot `lot` organisation `org` holds, by serial (sorted), with their
 * status: read page by page from the lot's packs. Throws `ChainError TooManyPacks` past
 * `MAX_PACKS_READ` packs in the lot.
 */
export async function packsHeld(api: ApiPromise, lot: bigint, org: number): Promise<PackView[]> {
  const out: PackView[] = [];
  const tooMany = (): ChainError => new ChainError(undefined, 'TooManyPacks', `More than ${MAX_PACKS_READ} packs in the batch: list the serials by hand.`);
  await scanEntries(api, 'drugProvenance', 'packs', [lot], { pageSize: PACKS_PAGE, max: MAX_PACKS_READ, tooMany }, (keys, value) => {
    const pack = packView(text(keys[1], 'a serial'), value);
    if (pack.custody.kind === 'Held' && pack.custody.org === org) out.push(pack);
  });
  return out.sort((a, b) => a.serial.localeCompare(b.serial, 'en', { numeric: true }));
}

/**
 * Checks that `from` holds each pack `serials` of lot `lot` (and, with `active`, that none is
 * quarantined), as the pallet will: `InvalidSerial`, `DuplicateSerial`, `UnknownPack`,
 * `PackNotHeld`, `PackQuarantined`, `InvalidQuantity` (more than one call carries). Answers the
 * serials.
 */
async function requirePacksHeld(api: ApiPromise, lot: bigint, from: number, serials: readonly string[], active: boolean): Promise<readonly string[]> {
  checkSerialList(serials);
  const found = await Promise.all(serials.map(async (serial) => getPack(api, lot, serial)));
  for (const [i, pack] of found.entries()) {
    const serial = JSON.stringify(serials[i]);
    if (pack === null) throw ChainError.refusal(PALLET, 'UnknownPack', serial);
    if (pack.custody.kind !== 'Held' || pack.custody.org !== from) throw ChainError.refusal(PALLET, 'PackNotHeld', serial);
    if (active && pack.status !== 'Active') throw ChainError.refusal(PALLET, 'PackQuarantined', serial);
  }
  return serials;
}

/** A lot in a few words: "Amoxicillin 500 mg · AMX-2026-001" (the GTIN when the product is unknown). */
export function lotLabel(line: Pick<StockLine, 'lot' | 'product'>): string {
  return `${line.product?.name ?? line.lot.gtin} ${line.product?.strength ?? ''} · ${line.lot.lotNumber}`.replace(/\s+·/, ' ·');
}

// ---- Quality: a holder's reports, a maker's recall and returns --------------------------------

/** Excursion readings, as typed in °C. */
export interface ExcursionArgs {
  readonly line: StockLine;
  readonly org: number;
  /** Lowest and highest temperature seen, °C (one decimal is kept). */
  readonly minCelsius: number;
  readonly maxCelsius: number;
  /** Minutes outside the product's range. */
  readonly minutes: number;
}

/**
 * Records a temperature excursion of a cold-chain lot `org` holds. Past the runtime's
 * tolerance (`excursionToleranceMinutes`) the lot's cold chain counts as broken and the lot is
 * quarantined for every holder; answers whether that happened. Refuses before signing:
 * `NotColdChainProduct`, `NotHolder`, `InvalidExcursion` (lowest above highest, no minutes,
 * readings within the product's range, or not numbers).
 */
export async function reportExcursion(api: ApiPromise, holder: Actor, args: ExcursionArgs): Promise<{ breached: boolean }> {
  const product = args.line.product;
  if (product === null || !product.coldChain || product.range === null) throw ChainError.refusal(PALLET, 'NotColdChainProduct');
  if (args.line.held === 0) throw ChainError.refusal(PALLET, 'NotHolder');
  const deci = (c: number): number => Math.round(c * 10);
  const [low, high] = [deci(args.minCelsius), deci(args.maxCelsius)];
  packs(args.minutes);
  if (!Number.isFinite(args.minCelsius) || !Number.isFinite(args.maxCelsius) || low < -32768 || high > 32767 || low > high || args.minutes === 0
    || (low >= product.range.minDecicelsius && high <= product.range.maxDecicelsius)) {
    throw ChainError.refusal(PALLET, 'InvalidExcursion', `The product is kept between ${product.range.minDecicelsius / 10} and ${product.range.maxDecicelsius / 10} °C.`);
  }
  const before = args.line.lot.coldChain;
  await send(api, holder, 'recordExcursion', [args.line.lot.id, args.org, low, high, args.minutes]);
  const after = await getLot(api, args.line.lot.id);
  return { breached: before !== 'Breached' && after?.coldChain === 'Breached' };
}

/**
 * Flags `org`'s stock of the lot as suspect (`reason`): it may then only be returned or
 * destroyed until the maker or the authority clears it; a maker flagging its own lot
 * quarantines the whole lot. Refuses before signing: `NotHolder`, `AlreadySuspect`,
 * `LotRecalled`, `LotIllegitimate`.
 */
export async function flagSuspectStock(api: ApiPromise, holder: Actor, args: { line: StockLine; org: number; reason: SuspectReason }): Promise<void> {
  if (args.line.held === 0) throw ChainError.refusal(PALLET, 'NotHolder');
  if (args.line.suspect !== null || args.line.lot.status.kind === 'Quarantined') throw ChainError.refusal(PALLET, 'AlreadySuspect');
  if (args.line.lot.status.kind === 'Recalled') throw ChainError.refusal(PALLET, 'LotRecalled');
  if (args.line.lot.status.kind === 'Illegitimate') throw ChainError.refusal(PALLET, 'LotIllegitimate');
  await send(api, holder, 'flagSuspect', [args.line.lot.id, null, args.org, args.reason]);
}

/**
 * Returns packs from `from` to their maker, whatever their state (recalled, suspect,
 * expired): `quantity` packs of an unserialised lot, or the packs `serials` of a serialised
 * one. The maker confirms receipt by the shipment's number, which is answered. Refuses before
 * signing: `NotAWholeNumber`, `InvalidQuantity`, `InsufficientStock`, `SameOrganisation` (the
 * maker's own stock), `SerialsRequired`, `NotSerialised`, and the packs' refusals
 * (`InvalidSerial`, `DuplicateSerial`, `UnknownPack`, `PackNotHeld`).
 */
export async function returnToMaker(api: ApiPromise, holder: Actor, args: { line: StockLine; from: number; quantity: number; serials?: readonly string[] }): Promise<bigint> {
  const quantity = packsMoved(args.line, args.quantity, args.serials ?? []);
  if (args.from === args.line.lot.manufacturer) throw ChainError.refusal(PALLET, 'SameOrganisation');
  if (quantity > args.line.held) throw ChainError.refusal(PALLET, 'InsufficientStock', `It holds ${args.line.held}.`);
  const serials = args.line.lot.serialised ? await requirePacksHeld(api, args.line.lot.id, args.from, args.serials ?? [], false) : [];
  const result = await send(api, holder, 'returnToManufacturer', [args.line.lot.id, args.from, quantity, serials.map((x) => stringToHex(x))]);
  return big(eventField(result, 'Shipped', 0), 'a shipment id');
}

/**
 * The maker recalls its lot (`reason`): nobody may ship or dispense it any more, a pack check
 * says Recalled, and its dispensers see whom to call. Refuses before signing:
 * `NotManufacturer` (given the organisations the account acts for), `AlreadyRecalled`,
 * `LotIllegitimate`.
 */
export async function recallOwnLot(api: ApiPromise, maker: Actor, args: { lot: LotView; reason: RecallReason; actsFor: readonly number[] }): Promise<void> {
  if (!args.actsFor.includes(args.lot.manufacturer)) throw ChainError.refusal(PALLET, 'NotManufacturer');
  if (args.lot.status.kind === 'Recalled') throw ChainError.refusal(PALLET, 'AlreadyRecalled');
  if (args.lot.status.kind === 'Illegitimate') throw ChainError.refusal(PALLET, 'LotIllegitimate');
  await send(api, maker, 'recallLot', [args.lot.id, args.reason]);
}

// ---- A maker's products and lots ------------------------------------------------------------

/** `DosageForm` of the drug provenance pallet. */
export type DosageForm = 'Tablet' | 'Capsule' | 'Syrup' | 'Injection' | 'Vaccine' | 'Powder' | 'Ointment' | 'Drops' | 'Inhaler' | 'Other';
export const DOSAGE_FORMS: readonly DosageForm[] = ['Tablet', 'Capsule', 'Syrup', 'Injection', 'Vaccine', 'Powder', 'Ointment', 'Drops', 'Inhaler', 'Other'];
/** Longest product name and strength the runtime stores, in UTF-8 bytes. */
export const MAX_PRODUCT_NAME_BYTES = 64;
export const MAX_STRENGTH_BYTES = 32;

export interface ProductArgs {
  readonly org: number;
  readonly gtin: string;
  readonly name: string;
  readonly form: DosageForm;
  readonly strength: string;
  /** Kept cold between these temperatures (°C), or null for ambient storage. */
  readonly coldChain: { readonly minCelsius: number; readonly maxCelsius: number } | null;
}

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/**
 * Maker `org` registers a product under GTIN `gtin` (which must lie under a GS1 company prefix
 * the authority assigned to it). Refuses before signing: `InvalidGtin`, `ProductExists`,
 * `InvalidName` (empty or too long name or strength), `InvalidTemperatureRange`. The chain
 * refuses the rest (`GtinNotInCompanyPrefix`, `NotManufacturer`).
 */
export async function registerProduct(api: ApiPromise, maker: Actor, args: ProductArgs): Promise<void> {
  if (!isValidGtin(args.gtin)) throw ChainError.refusal(PALLET, 'InvalidGtin');
  const [name, strength] = [args.name.trim(), args.strength.trim()];
  if (name === '' || utf8Length(name) > MAX_PRODUCT_NAME_BYTES || utf8Length(strength) > MAX_STRENGTH_BYTES) {
    throw ChainError.refusal(PALLET, 'InvalidName', `At most ${MAX_PRODUCT_NAME_BYTES} bytes of name and ${MAX_STRENGTH_BYTES} of strength.`);
  }
  let storage: unknown = 'Ambient';
  if (args.coldChain !== null) {
    const [low, high] = [Math.round(args.coldChain.minCelsius * 10), Math.round(args.coldChain.maxCelsius * 10)];
    if (!Number.isFinite(low) || !Number.isFinite(high) || low >= high || low < -32768 || high > 32767) throw ChainError.refusal(PALLET, 'InvalidTemperatureRange');
    storage = { ColdChain: { minDecicelsius: low, maxDecicelsius: high } };
  }
  if ((await getProduct(api, args.gtin)) !== null) throw ChainError.refusal(PALLET, 'ProductExists');
  await send(api, maker, 'registerProduct', [args.org, stringToHex(args.gtin), stringToHex(name), args.form, stringToHex(strength), storage]);
}

export interface CommissionArgs {
  readonly product: ProductView;
  readonly lotNumber: string;
  /** ISO dates (YYYY-MM-DD). */
  readonly manufacturedOn: string;
  readonly expiresOn: string;
  readonly quantity: number;
  /**
   * Each pack carries its own serial (AI 21): the lot holds no pack until the maker
   * commissions them by serial (`commissionSerials`), up to `quantity`.
   */
  readonly serialised?: boolean;
  /** The organisations the account acts for. */
  readonly actsFor: readonly number[];
}

/** An ISO date (YYYY-MM-DD) as days since 1970-01-01, or NaN. */
function isoDay(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Number.NaN;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? Number.NaN : ms / DAY_MS;
}

/**
 * The maker commissions lot `lotNumber` of its product: unserialised, all `quantity` packs are
 * in its stock at once; serialised, none until their serials are commissioned. Answers the
 * lot's id. Refuses before signing: `NotManufacturer`,
 * `InvalidLotNumber`, `LotExists`, `InvalidDate` (not a date), `ExpiryNotAfterManufacture`,
 * `ManufacturedInFuture`, `StockExpired`, `NotAWholeNumber`, `InvalidQuantity` (0 or more than
 * the runtime's `maxLotQuantity`).
 */
export async function commissionLot(api: ApiPromise, maker: Actor, args: CommissionArgs): Promise<bigint> {
  if (!args.actsFor.includes(args.product.manufacturer)) throw ChainError.refusal(PALLET, 'NotManufacturer');
  const number = args.lotNumber.trim();
  if (!isGs1Text(number)) throw ChainError.refusal(PALLET, 'InvalidLotNumber');
  const [made, expires] = [isoDay(args.manufacturedOn), isoDay(args.expiresOn)];
  if (Number.isNaN(made) || Number.isNaN(expires)) throw new ChainError(undefined, 'InvalidDate', 'Dates are written YYYY-MM-DD.');
  if (expires <= made) throw ChainError.refusal(PALLET, 'ExpiryNotAfterManufacture');
  const today = await chainToday(api);
  if (made > today + 1) throw ChainError.refusal(PALLET, 'ManufacturedInFuture');
  if (expires <= today) throw ChainError.refusal(PALLET, 'StockExpired');
  const maxLot = Number(api.consts.drugProvenance?.maxLotQuantity?.toString() ?? 10_000_000);
  if (packs(args.quantity) === 0 || args.quantity > maxLot) throw ChainError.refusal(PALLET, 'InvalidQuantity', `1 to ${maxLot} packs.`);
  if ((await lotIdOf(api, args.product.gtin, number)) !== null) throw ChainError.refusal(PALLET, 'LotExists');
  const result = await send(api, maker, 'commissionLot', [stringToHex(args.product.gtin), stringToHex(number), made, expires, args.quantity, args.serialised === true]);
  return big(eventField(result, 'LotCommissioned', 0), 'a lot id');
}

/**
 * The maker commissions the packs `serials` of its serialised lot `lot` (printed on the
 * packs): they enter its stock, and each checks Genuine by its code. Refuses before signing:
 * `NotManufacturer` (given the organisations the account acts for), `NotSerialised`,
 * `LotRecalled`, `LotQuarantined`, `LotIllegitimate`, `InvalidQuantity` (none, or more than
 * one call carries), `InvalidSerial`, `DuplicateSerial` (listed twice or commissioned
 * before), `TooManySerials` (more than the lot's declared size).
 */
export async function commissionSerials(api: ApiPromise, maker: Actor, args: { lot: LotView; serials: readonly string[]; actsFor: readonly number[] }): Promise<void> {
  const { lot, serials } = args;
  if (!args.actsFor.includes(lot.manufacturer)) throw ChainError.refusal(PALLET, 'NotManufacturer');
  if (!lot.serialised) throw ChainError.refusal(PALLET, 'NotSerialised');
  if (lot.status.kind !== 'Active') throw ChainError.refusal(PALLET, lot.status.kind === 'Recalled' ? 'LotRecalled' : lot.status.kind === 'Quarantined' ? 'LotQuarantined' : 'LotIllegitimate');
  checkSerialList(serials);
  const fresh = await getLot(api, lot.id);
  if (fresh === null) throw ChainError.refusal(PALLET, 'UnknownLot');
  if (fresh.commissioned + serials.length > fresh.quantity) {
    throw ChainError.refusal(PALLET, 'TooManySerials', `${fresh.quantity - fresh.commissioned} of the ${fresh.quantity} packs are left to commission.`);
  }
  const existing = await Promise.all(serials.map(async (serial) => getPack(api, lot.id, serial)));
  const taken = existing.findIndex((p) => p !== null);
  if (taken >= 0) throw ChainError.refusal(PALLET, 'DuplicateSerial', `${JSON.stringify(serials[taken])} is already commissioned.`);
  await send(api, maker, 'commissionSerials', [lot.id, serials.map((x) => stringToHex(x))]);
}

/**
 * The maker `org`'s active serialised lots with packs still to commission, newest first:
 * read through its products' lots (`DrugProvenance.LotIds`).
 */
export async function lotsAwaitingSerials(api: ApiPromise, org: number): Promise<LotView[]> {
  const lotIds = query(api, 'drugProvenance', 'lotIds') as unknown as { entries(gtin: string): Promise<[unknown, { toJSON(): unknown }][]> };
  const lots: LotView[] = [];
  for (const product of await productsOf(api, org)) {
    for (const [, id] of await lotIds.entries(stringToHex(product.gtin))) {
      const lot = await getLot(api, big(id.toJSON(), 'a lot id'));
      if (lot !== null && lot.serialised && lot.commissioned < lot.quantity && lot.manufacturer === org
        && lot.status.kind === 'Active') lots.push(lot);
    }
  }
  return lots.sort((a, b) => Number(b.id - a.id));
}

/** The products maker `org` registered (`DrugProvenance.Products`, read whole: a county registers tens). */
export async function productsOf(api: ApiPromise, org: number): Promise<ProductView[]> {
  const products = query(api, 'drugProvenance', 'products') as unknown as { entries(): Promise<[{ args: { toJSON(): unknown }[] }, { toJSON(): unknown }][]> };
  return (await products.entries())
    .map(([key, value]) => productView(text(key.args[0]?.toJSON(), 'a GTIN'), value.toJSON()))
    .filter((p) => p.manufacturer === org)
    .sort((a, b) => a.name.localeCompare(b.name));
}
