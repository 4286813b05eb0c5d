// "Is this medicine genuine?", for anyone, without an account: the pack's GS1 code, as a phone
// reads it from the DataMatrix or GS1-128 barcode or as a person types the text printed under it,
// is parsed with gs1-barcode-parser-mod (AI 01 GTIN, 10 lot, 17 expiry, 21 serial); then the
// chain's counterfeit check (`DrugProvenanceApi.verify`, a read: no account, no fee) answers in
// one word, with the maker, the expiry and the lot's custody path, organisations named.
//
// Parsing refuses, with a typed `PackCodeError`, anything that is not a medicine pack's code:
// nothing is asked of the chain for it.

import type { ApiPromise } from '@polkadot/api';
import { stringToHex } from '@polkadot/util';
import { parseBarcode, type ParsedElement } from 'gs1-barcode-parser-mod';

import { big, isObject, list, query, runtimeCall, shape, text, variant } from './decode.js';
import { dayToIsoDate, getLot, isGs1Text, isValidGtin, type RecallReason } from './medicines.js';

/** Why a text is not a pack code this app can check. */
export type PackCodeErrorKind =
  /** Nothing was typed or scanned. */
  | 'Empty'
  /** Longer than any pack's code (`MAX_PACK_CODE_LENGTH`). */
  | 'TooLong'
  /** Not a GS1 element string: not a medicine pack's code (a shop barcode, a web address…). */
  | 'NotPackCode'
  /** A GS1 code without a GTIN (AI 01). */
  | 'NoGtin'
  /** The GTIN's check digit is wrong: mistyped, or not a real product number. */
  | 'BadGtin'
  /** No batch (lot) number (AI 10): the chain checks packs by product and batch. */
  | 'NoLot'
  /** A batch number or serial with characters or a length GS1 does not allow. */
  | 'BadLot'
  | 'BadSerial'
  /** The expiry (AI 17) is not a date: month 13, 31 February… */
  | 'BadExpiry';

export class PackCodeError extends Error {
  override readonly name = 'PackCodeError';
  constructor(readonly kind: PackCodeErrorKind, message: string) {
    super(message);
  }
}

/** Longest text accepted: a pack's DataMatrix holds about 60 characters; this bounds the parser's work. */
export const MAX_PACK_CODE_LENGTH = 200;

/** What a pack's code says. */
export interface PackCode {
  /** 14 digits, check digit valid. */
  readonly gtin: string;
  readonly lotNumber: string;
  readonly serial?: string;
  /** The printed expiry (AI 17), YYYY-MM-DD. */
  readonly expiry?: string;
}

const GS = '\u001d';

/**
 * Reads a pack's GS1 code: a scanned element string (with or without a symbology identifier such
 * as `]d2`, FNC1 as the GS character) or the printed form `(01)06901234567892(17)280901(10)AMX1`.
 * Spaces are ignored (GS1 data has none). Throws `PackCodeError`.
 */
export function parsePackCode(input: string): PackCode {
  const compact = input.replace(/[ \t\r\n\u00a0\u3000]+/g, '');
  if (compact === '') throw new PackCodeError('Empty', 'Type or scan the code printed on the pack.');
  if (compact.length > MAX_PACK_CODE_LENGTH) throw new PackCodeError('TooLong', `A pack code is at most ${MAX_PACK_CODE_LENGTH} characters.`);
  // A bare 13- or 14-digit number is a product number without its batch.
  if (/^\d{13,14}$/.test(compact)) {
    const gtin = compact.padStart(14, '0');
    if (!isValidGtin(gtin)) throw new PackCodeError('BadGtin', `${compact} is not a valid product number (GTIN): its check digit is wrong.`);
    throw new PackCodeError('NoLot', 'This is only the product number: the batch (lot) number is needed too.');
  }
  let elements: readonly ParsedElement[];
  try {
    elements = parseBarcode(compact).parsedCodeItems;
  } catch (reason) {
    throw new PackCodeError('NotPackCode', `This is not a medicine pack's code (${typeof reason === 'string' ? reason : 'unreadable'}).`);
  }
  const value = (ai: string): string | undefined => {
    const found = elements.find((e) => e.ai === ai);
    return found === undefined ? undefined : found.raw.split(GS).join('');
  };
  const gtin = value('01');
  if (gtin === undefined) throw new PackCodeError('NoGtin', 'This GS1 code names no product (no GTIN): it is not a medicine pack\'s code.');
  if (!isValidGtin(gtin)) throw new PackCodeError('BadGtin', `${gtin} is not a valid product number (GTIN): its check digit is wrong.`);
  const lotNumber = value('10');
  if (lotNumber === undefined) throw new PackCodeError('NoLot', 'The code has no batch (lot) number.');
  if (!isGs1Text(lotNumber)) throw new PackCodeError('BadLot', 'The batch (lot) number is too long or has characters GS1 does not allow.');
  const serial = value('21');
  if (serial !== undefined && !isGs1Text(serial)) throw new PackCodeError('BadSerial', 'The serial number is too long or has characters GS1 does not allow.');
  const expiryElement = elements.find((e) => e.ai === '17');
  const expiry = expiryElement === undefined ? undefined : expiryDate(expiryElement);
  return { gtin, lotNumber, ...(serial === undefined ? {} : { serial }), ...(expiry === undefined || expiry === '' ? {} : { expiry }) };
}

/**
 * The YYYY-MM-DD of an AI 17 element, checked: the parser rolls an impossible date over (month
 * 13 becomes January), so the month and day it read must be the ones printed (day 00 is the
 * month's last day, as GS1 allows).
 */
function expiryDate(element: ParsedElement): string {
  const raw = element.raw;
  const month = Number(raw.slice(2, 4));
  const day = Number(raw.slice(4, 6));
  const iso = element.isoDate;
  const ok = /^\d{6}$/.test(raw) && /^\d{4}-\d{2}-\d{2}$/.test(iso) && month >= 1 && month <= 12
    && Number(iso.slice(5, 7)) === month && (day === 0 || Number(iso.slice(8, 10)) === day);
  if (!ok) throw new PackCodeError('BadExpiry', `The expiry date (17) ${raw} is not a date.`);
  return iso;
}

/** The printed form of a pack code: `(01)…(17)…(10)…(21)…`. */
export function packCodeText(code: PackCode): string {
  const expiry = code.expiry === undefined ? '' : `(17)${code.expiry.slice(2, 4)}${code.expiry.slice(5, 7)}${code.expiry.slice(8, 10)}`;
  return `(01)${code.gtin}${expiry}(10)${code.lotNumber}${code.serial === undefined ? '' : `(21)${code.serial}`}`;
}

// ---------------------------------------------------------------------------------------------
// The chain's answer

/**
 * `Verdict` of the drug provenance pallet: Genuine; Unknown (no such product, lot or pack: likely
 * counterfeit); Expired; Recalled; Suspect (quarantined); Illegitimate (confirmed not genuine);
 * AlreadyDecommissioned (this serial was dispensed, destroyed or lost: a second pack with it is a
 * copy); ColdChainBreached; StuckInTransit (the pack should still be in a shipment).
 */
export type PackVerdict = 'Genuine' | 'Unknown' | 'Expired' | 'Recalled' | 'Suspect' | 'Illegitimate'
  | 'AlreadyDecommissioned' | 'ColdChainBreached' | 'StuckInTransit';
const VERDICTS: readonly PackVerdict[] = ['Genuine', 'Unknown', 'Expired', 'Recalled', 'Suspect', 'Illegitimate', 'AlreadyDecommissioned', 'ColdChainBreached', 'StuckInTransit'];

/** CBV business steps of a custody event, as the pallet names them. */
export type CustodyStepKind = 'Commissioning' | 'Shipping' | 'Receiving' | 'Dispensing' | 'SensorReporting' | 'Holding'
  | 'Inspecting' | 'Recalling' | 'Decommissioning' | 'Destroying' | 'Returning';
const STEPS: readonly CustodyStepKind[] = ['Commissioning', 'Shipping', 'Receiving', 'Dispensing', 'SensorReporting', 'Holding', 'Inspecting', 'Recalling', 'Decommissioning', 'Destroying', 'Returning'];

/** One step of a lot's custody path, with the organisations named. */
export interface CustodyStep {
  readonly step: CustodyStepKind;
  /** The organisation that acted, and its name (`null` if the registry no longer has it). */
  readonly org: number;
  readonly orgName: string | null;
  readonly quantity: number;
  readonly block: number;
  /** Unix time in ms; `null` for lots set up at genesis. */
  readonly time: number | null;
  /** For a shipment: the receiver. */
  readonly to?: { readonly org: number; readonly name: string | null };
  /** For a receipt: packs missing. */
  readonly missing?: number;
}

/** Where a serialised pack is now. */
export type PackCustody =
  | { readonly kind: 'Held'; readonly org: number; readonly name: string | null }
  | { readonly kind: 'InTransit' }
  | { readonly kind: 'Dispensed' }
  | { readonly kind: 'Destroyed' }
  | { readonly kind: 'Lost' };

/** The chain's answer about one pack. */
export interface PackCheck {
  readonly code: PackCode;
  readonly verdict: PackVerdict;
  /** The product's name ('' if unknown). */
  readonly productName: string;
  readonly maker: { readonly org: number; readonly name: string | null } | null;
  /** The lot's expiry day on chain (YYYY-MM-DD: it may not be dispensed on or after it), if known. */
  readonly expiresOn: string | null;
  /**
   * Whether the printed expiry (AI 17) agrees with the chain's: equal to its expiry day or the
   * day before (GS1 prints the last day of use, the pallet keeps the first day of no use).
   * `null` when the code prints none or the lot is unknown. A mismatch is a warning sign.
   */
  readonly printedExpiryMatches: boolean | null;
  readonly recalled: boolean;
  readonly recallReason: RecallReason | null;
  readonly suspect: boolean;
  readonly illegitimate: boolean;
  readonly coldChainBreached: boolean;
  /** Packs of the lot dispensed so far (for a serial: 1 if this pack was). */
  readonly dispensed: number;
  /** For a serialised pack, where it is now. */
  readonly custody: PackCustody | null;
  /** Custody events of the lot in all. */
  readonly pathLength: number;
  /** The latest custody events (at most 16), oldest first. */
  readonly path: readonly CustodyStep[];
}

/** Organisation names, one storage read each, asked once per id. */
async function organisationNames(api: ApiPromise, ids: readonly number[]): Promise<Map<number, string | null>> {
  const unique = [...new Set(ids)];
  const names = await Promise.all(unique.map(async (id) => {
    const raw = (await query(api, 'registry', 'organisations')(id)).toJSON();
    return isObject(raw) ? text(raw.name, 'an organisation name') : null;
  }));
  return new Map(unique.map((id, i) => [id, names[i] ?? null]));
}

interface RawStep { step: CustodyStepKind; org: number; quantity: number; block: number; time: number | null; to?: number; missing?: number }

function custodyStep(raw: unknown): RawStep {
  if (!isObject(raw)) throw shape('a custody event');
  const [step] = variant(raw.step, 'a business step');
  const kind = STEPS.find((s) => s === step);
  if (kind === undefined) throw shape('a business step');
  const seconds = Number(big(raw.atTime, 'a time'));
  const out: RawStep = {
    step: kind,
    org: Number(big(raw.org, 'an organisation id')),
    quantity: Number(big(raw.quantity, 'a quantity')),
    block: Number(big(raw.atBlock, 'a block number')),
    time: seconds === 0 ? null : seconds * 1000,
  };
  const [detail, data] = variant(raw.detail, 'an event detail');
  if (detail === 'Shipment' && isObject(data)) out.to = Number(big(data.to, 'an organisation id'));
  if (detail === 'Receipt' && isObject(data)) out.missing = Number(big(data.missing, 'a quantity'));
  return out;
}

/**
 * Asks the chain about the pack `code` (from `parsePackCode`): `DrugProvenanceApi.verify`, the
 * lot's recall reason if recalled, and the names of the organisations on its path. Reads only;
 * throws `ChainError` (`UnsupportedRuntime`, `UnexpectedShape`) or polkadot.js's error if the
 * node cannot be reached.
 */
export async function checkPack(api: ApiPromise, code: PackCode): Promise<PackCheck> {
  const raw = (await runtimeCall(api, 'drugProvenanceApi', 'verify')(
    stringToHex(code.gtin), stringToHex(code.lotNumber), code.serial === undefined ? null : stringToHex(code.serial))).toJSON();
  if (!isObject(raw)) throw shape('a verification');
  const [verdictName] = variant(raw.verdict, 'a verdict');
  const verdict = VERDICTS.find((v) => v === verdictName);
  if (verdict === undefined) throw shape('a verdict');
  const steps = list(raw.path).map(custodyStep);
  const maker = raw.manufacturer === null ? null : Number(big(raw.manufacturer, 'a manufacturer'));
  let custodyKind: PackCustody['kind'] | null = null;
  let heldBy = 0;
  if (raw.custody !== null && raw.custody !== undefined) {
    const [kind, data] = variant(raw.custody, 'a pack custody');
    if (kind !== 'Held' && kind !== 'InTransit' && kind !== 'Dispensed' && kind !== 'Destroyed' && kind !== 'Lost') throw shape('a pack custody');
    custodyKind = kind;
    if (kind === 'Held') heldBy = Number(big(data, 'an organisation id'));
  }
  const names = await organisationNames(api, [
    ...(maker === null ? [] : [maker]), ...steps.flatMap((s) => (s.to === undefined ? [s.org] : [s.org, s.to])),
    ...(custodyKind === 'Held' ? [heldBy] : []),
  ]);
  const name = (org: number): string | null => names.get(org) ?? null;
  const lotId = raw.lot === null ? null : big(raw.lot, 'a lot id');
  const recalled = raw.recalled === true;
  let recallReason: RecallReason | null = null;
  if (recalled && lotId !== null) {
    const lot = await getLot(api, lotId);
    if (lot?.status.kind === 'Recalled') recallReason = lot.status.reason;
  }
  const expiryDay = Number(big(raw.expiresOn, 'an expiry day'));
  const expiresOn = lotId === null || expiryDay === 0 ? null : dayToIsoDate(expiryDay);
  const printedExpiryMatches = code.expiry === undefined || expiresOn === null
    ? null
    : code.expiry === expiresOn || code.expiry === dayToIsoDate(expiryDay - 1);
  return {
    code,
    verdict,
    productName: typeof raw.productName === 'string' ? text(raw.productName, 'a product name') : '',
    maker: maker === null ? null : { org: maker, name: name(maker) },
    expiresOn,
    printedExpiryMatches,
    recalled,
    recallReason,
    suspect: raw.suspect === true,
    illegitimate: raw.illegitimate === true,
    coldChainBreached: raw.coldChainBreached === true,
    dispensed: Number(big(raw.dispensed, 'a count')),
    custody: custodyKind === null ? null : custodyKind === 'Held' ? { kind: 'Held', org: heldBy, name: name(heldBy) } : { kind: custodyKind },
    pathLength: Number(big(raw.pathLength, 'a count')),
    path: steps.map((s) => ({
      step: s.step, org: s.org, orgName: name(s.org), quantity: s.quantity, block: s.block, time: s.time,
      ...(s.to === undefined ? {} : { to: { org: s.to, name: name(s.to) } }),
      ...(s.missing === undefined ? {} : { missing: s.missing }),
    })),
  };
}
