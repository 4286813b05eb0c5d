// "My medicines": a clinic or pharmacy dispenses packs of a lot to a patient and keeps an
// encrypted MedicationDispense record of it; the patient sees what they received, whether the
// lot is recalled, and proof that the record and the dispensation on chain belong together.
// The chain never names the patient (docs/privacy.md, "Drug provenance").
//
// The order, and why (dispenseToPatient):
//   1. checks, from chain state, of everything the dispense and the record write would refuse
//      (lot, stock, serials, organisation, patient, prescription, write access, readers' keys,
//      the vault's health): a refusal here changes nothing;
//   2. a fresh 32-byte salt; commitment = blake2_256(SCALE(patient) ‖ SCALE(prescription id: u64) ‖ salt);
//   3. drugProvenance.dispense(lot, org, quantity, serials, Some(commitment)), finalized: the
//      dispensation id D from the Dispensed event;
//   4. writeRecord(MedicationDispense carrying D, the salt, the prescription, GTIN, lot, serials).
// The record comes second because it carries D, which only the chain assigns; the commitment
// names the prescription (a record that exists before) rather than the dispense record. A
// dispenser cannot erase a record (only the patient or guardian can), so "write the record,
// then dispense, erase it if the dispense fails" is not available; dispensing first leaves one
// residual, documented on dispenseToPatient: a dispensation whose record write failed
// (DispenseNotRecordedError, retried with writeDispenseRecord).
//
// medicinesOf reads, per MedicationDispense record, the dispensation D and its lot (two
// storage reads, whatever the size of the chain) and recomputes the commitment.

import type { ApiPromise } from '@polkadot/api';
import type { EventRecord } from '@polkadot/types/interfaces';
import type { Codec } from '@polkadot/types/types';
import { hexToU8a, isHex, stringToHex, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';

import { equalBytes, randomBytes } from './bytes.js';
import { big, isObject, list, query, shape, str, text, txFn, variant } from './decode.js';
import { getRecord, patientInfo, readersWithoutKeys, submit } from './chain.js';
import { ChainError, EnvelopeError } from './errors.js';
import { validateResource, type FhirResource } from './fhir.js';
import { erasureOf, txAccount, writeRecord, type Actor, type ReadRecordResult } from './records.js';
import { accountId, type AccountLike } from './shares.js';
import { VaultError, type VaultClient } from './vault.js';

// ---------------------------------------------------------------------------------------------
// Conventions of the MedicationDispense record

/** `Coding.system` of a GS1 GTIN (the contained Medication's code). */
export const GTIN_SYSTEM = 'https://www.gs1.org/gtin';
/** `Identifier.system` of a pack's GS1 serial number (AI 21), on the contained Medication. */
export const SERIAL_SYSTEM = 'https://www.gs1.org/serial';
/** `Identifier.system` of the on-chain dispensation id (decimal). */
export const DISPENSATION_SYSTEM = 'https://ruralmed.org/fhir/dispensation';
/** `Identifier.system` of the commitment's salt (0x + 64 hex digits). */
export const DISPENSATION_SALT_SYSTEM = 'https://ruralmed.org/fhir/dispensation-salt';
/** `Identifier.system` of a RuralMed organisation id (decimal), the dispenser in `performer`. */
export const ORGANISATION_SYSTEM = 'https://ruralmed.org/fhir/organisation';
/** A RuralMed record as a FHIR reference: `ruralmed:record/<id>` (as the printed QR codes name records). */
export const RECORD_REFERENCE_PREFIX = 'ruralmed:record/';
/** Bytes of a commitment's salt. */
export const SALT_LENGTH = 32;
/** Most serials one dispense may list (the pallet's `MAX_PACKS_PER_CALL`). */
export const MAX_PACKS_PER_DISPENSE = 100;

const UCUM = 'http://unitsofmeasure.org';
const MEDICATION_ID = 'med';
/** Milliseconds in a day: the pallet counts expiry in days since 1970-01-01. */
export const DAY_MS = 86_400_000;

/** `ruralmed:record/<id>`. */
export function recordReference(recordId: bigint | number): string {
  return `${RECORD_REFERENCE_PREFIX}${BigInt(recordId).toString()}`;
}

/** The record id of a `ruralmed:record/<id>` reference, or `undefined`. */
export function parseRecordReference(reference: string): bigint | undefined {
  if (!reference.startsWith(RECORD_REFERENCE_PREFIX)) return undefined;
  const digits = reference.slice(RECORD_REFERENCE_PREFIX.length);
  return /^\d{1,20}$/.test(digits) && BigInt(digits) <= U64_MAX ? BigInt(digits) : undefined;
}

const U64_MAX = 0xffff_ffff_ffff_ffffn;

/** Whether `gtin` is 14 digits with a valid GS1 mod-10 check digit (as the pallet checks). */
export function isValidGtin(gtin: string): boolean {
  if (!/^\d{14}$/.test(gtin)) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(gtin[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(gtin[13]);
}

/** Whether `text` is a GS1 lot or serial: 1 to 20 characters of the set the pallet accepts. */
export function isGs1Text(text: string): boolean {
  return /^[A-Za-z0-9!%&()*+,\-./:;<=>?_]{1,20}$/.test(text);
}

/** SCALE(u64): 8 bytes, little-endian. */
function u64le(value: bigint | number): Uint8Array {
  const v = BigInt(value);
  if (v < 0n || v > U64_MAX) throw new ChainError(undefined, 'InvalidArgument', `${v} is not a record id (u64).`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, v, true);
  return out;
}

/**
 * The dispensation's commitment to the patient: `blake2_256(SCALE(patient) ‖ SCALE(record id)
 * ‖ salt)`, SCALE(AccountId32) being the 32 raw bytes and SCALE(u64) 8 bytes little-endian
 * (the convention of `Dispensation::commitment` in pallets/drug-provenance). Here the record
 * is the prescription the dispense fills. Throws `ChainError InvalidArgument` unless the salt
 * is 32 bytes.
 */
export function dispensationCommitment(patient: AccountLike, recordId: bigint | number, salt: Uint8Array): Uint8Array {
  if (salt.length !== SALT_LENGTH) throw new ChainError(undefined, 'InvalidArgument', `A salt is ${SALT_LENGTH} bytes, not ${salt.length}.`);
  return blake2AsU8a(u8aConcat(accountId(patient), u64le(recordId), salt), 256);
}

/** What a MedicationDispense record says, as `buildDispenseResource` writes it. */
export interface DispenseRecordContent {
  /** The dispensing organisation. */
  readonly org: number;
  /** The on-chain dispensation. */
  readonly dispensationId: bigint;
  /** The commitment's 32-byte salt. */
  readonly salt: Uint8Array;
  /** The MedicationRequest record this dispense fills. */
  readonly prescription: bigint;
  /** 14 digits. */
  readonly gtin: string;
  readonly lotNumber: string;
  /** Packs handed over. */
  readonly quantity: number;
  readonly serials?: readonly string[];
  readonly medication: { readonly display: string };
  /** How to take it, in words (FHIR Dosage.text). */
  readonly dosageText?: string;
  /** When the packs were handed over, ISO 8601. */
  readonly handedOver: string;
  /** The lot's expiry day, ISO date (YYYY-MM-DD), if known. */
  readonly expiresOn?: string;
}

/**
 * The FHIR R4 MedicationDispense of a dispense: status `completed`; a contained Medication
 * `#med` coded by GTIN (`GTIN_SYSTEM`) with `batch.lotNumber` (and `expirationDate`) and one
 * identifier per serial (`SERIAL_SYSTEM`); `medicationReference` `#med`; the dispensing
 * organisation as `performer` (`ORGANISATION_SYSTEM`); `authorizingPrescription` the
 * prescription record (`ruralmed:record/<id>`); `quantity` in packs; `whenHandedOver`;
 * `dosageInstruction[0].text`; identifiers for the dispensation id (`DISPENSATION_SYSTEM`) and
 * the salt (`DISPENSATION_SALT_SYSTEM`). No patient name or account: the anchor names the
 * patient. Throws `EnvelopeError InvalidFhir` if the result is not a valid MedicationDispense.
 */
export function buildDispenseResource(content: DispenseRecordContent): FhirResource {
  if (content.salt.length !== SALT_LENGTH) throw new ChainError(undefined, 'InvalidArgument', `A salt is ${SALT_LENGTH} bytes.`);
  const display = content.medication.display.trim();
  if (display === '') throw new EnvelopeError('InvalidFhir', 'a dispensed medication needs a name');
  const serials = content.serials ?? [];
  const medication: Record<string, unknown> = {
    resourceType: 'Medication',
    id: MEDICATION_ID,
    code: { coding: [{ system: GTIN_SYSTEM, code: content.gtin, display }], text: display },
    batch: { lotNumber: content.lotNumber, ...(content.expiresOn === undefined ? {} : { expirationDate: content.expiresOn }) },
    ...(serials.length === 0 ? {} : { identifier: serials.map((value) => ({ system: SERIAL_SYSTEM, value })) }),
  };
  const resource: Record<string, unknown> = {
    resourceType: 'MedicationDispense',
    identifier: [
      { system: DISPENSATION_SYSTEM, value: content.dispensationId.toString() },
      { system: DISPENSATION_SALT_SYSTEM, value: u8aToHex(content.salt) },
    ],
    status: 'completed',
    contained: [medication],
    medicationReference: { reference: `#${MEDICATION_ID}`, display },
    performer: [{ actor: { identifier: { system: ORGANISATION_SYSTEM, value: String(content.org) } } }],
    authorizingPrescription: [{ reference: recordReference(content.prescription) }],
    quantity: { value: content.quantity, unit: 'pack', system: UCUM, code: '{pack}' },
    whenHandedOver: content.handedOver,
    ...(content.dosageText === undefined || content.dosageText.trim() === '' ? {} : { dosageInstruction: [{ text: content.dosageText.trim() }] }),
  };
  return validateResource(resource, 'MedicationDispense');
}

/** What `parseDispenseResource` finds in a MedicationDispense; absent what the record does not say. */
export interface DispenseRecordFields {
  /** The medicine's name as written ('' if none). */
  readonly display: string;
  readonly gtin?: string;
  readonly lotNumber?: string;
  readonly serials: readonly string[];
  readonly quantity?: number;
  readonly handedOver?: string;
  readonly dosageText?: string;
  readonly prescription?: bigint;
  readonly dispensationId?: bigint;
  /** Absent unless 0x + 64 hex digits. */
  readonly salt?: Uint8Array;
  readonly org?: number;
  readonly expiresOn?: string;
}


function identifierValue(identifiers: unknown, system: string): string | undefined {
  const found = list(identifiers).find((i) => isObject(i) && i.system === system);
  return isObject(found) ? str(found.value) : undefined;
}

function decimal(text: string | undefined, max: bigint): bigint | undefined {
  return text !== undefined && /^\d{1,20}$/.test(text) && BigInt(text) <= max ? BigInt(text) : undefined;
}

/**
 * Reads a MedicationDispense as `buildDispenseResource` writes it, leniently: a dispense
 * written some other way (e.g. a medicine by name only) gives what it has. Throws
 * `EnvelopeError CategoryMismatch` for another resource type, `InvalidFhir` for no resource.
 */
export function parseDispenseResource(resource: FhirResource): DispenseRecordFields {
  const r = validateResource(resource, 'MedicationDispense');
  const ref = isObject(r.medicationReference) ? r.medicationReference : undefined;
  const refId = str(ref?.reference);
  const contained = refId?.startsWith('#') === true
    ? list(r.contained).find((c) => isObject(c) && c.resourceType === 'Medication' && c.id === refId.slice(1))
    : undefined;
  const med = isObject(contained) ? contained : undefined;
  const code = isObject(med?.code) ? med.code : isObject(r.medicationCodeableConcept) ? r.medicationCodeableConcept : undefined;
  const codings = list(code?.coding).filter(isObject);
  const gtinCoding = codings.find((c) => c.system === GTIN_SYSTEM);
  const display = str(ref?.display) ?? str(code?.text) ?? str(gtinCoding?.display) ?? str(codings[0]?.display) ?? '';
  const batch = isObject(med?.batch) ? med.batch : undefined;
  const serials = list(med?.identifier).filter((i): i is Record<string, unknown> => isObject(i) && i.system === SERIAL_SYSTEM)
    .map((i) => str(i.value)).filter((v): v is string => v !== undefined);
  const quantity = isObject(r.quantity) && typeof r.quantity.value === 'number' && Number.isInteger(r.quantity.value) ? r.quantity.value : undefined;
  const dosageText = list(r.dosageInstruction).map((d) => (isObject(d) ? str(d.text) : undefined)).filter((t): t is string => t !== undefined).join('; ');
  const prescriptionRef = list(r.authorizingPrescription).map((p) => (isObject(p) ? str(p.reference) : undefined)).find((p) => p !== undefined);
  const saltHex = identifierValue(r.identifier, DISPENSATION_SALT_SYSTEM);
  const performer = list(r.performer).map((p) => (isObject(p) && isObject(p.actor) ? p.actor.identifier : undefined))
    .find((i) => isObject(i) && i.system === ORGANISATION_SYSTEM);
  const org = decimal(isObject(performer) ? str(performer.value) : undefined, 0xffff_ffffn);
  const fields: Record<string, unknown> = { display, serials };
  const set = (key: keyof DispenseRecordFields, value: unknown): void => {
    if (value !== undefined) fields[key] = value;
  };
  set('gtin', str(gtinCoding?.code));
  set('lotNumber', str(batch?.lotNumber));
  set('expiresOn', str(batch?.expirationDate));
  set('quantity', quantity);
  set('handedOver', str(r.whenHandedOver));
  set('dosageText', dosageText === '' ? undefined : dosageText);
  set('prescription', prescriptionRef === undefined ? undefined : parseRecordReference(prescriptionRef));
  set('dispensationId', decimal(identifierValue(r.identifier, DISPENSATION_SYSTEM), U64_MAX));
  set('salt', saltHex !== undefined && /^0x[0-9a-fA-F]{64}$/.test(saltHex) ? hexToU8a(saltHex) : undefined);
  set('org', org === undefined ? undefined : Number(org));
  return fields as unknown as DispenseRecordFields;
}

// ---------------------------------------------------------------------------------------------
// The chain's view: lots and dispensations

/** `RecallReason` of the drug provenance pallet. */
export type RecallReason = 'SafetyRisk' | 'QualityDefect' | 'Contamination' | 'Labelling' | 'Counterfeit' | 'Regulatory' | 'Other';
/** `SuspectReason` of the drug provenance pallet. */
export type SuspectReason = 'PackagingDamaged' | 'LabelMismatch' | 'SuspectedCounterfeit' | 'TemperatureExcursion' | 'AdverseEvent' | 'Other';
export const RECALL_REASONS: readonly RecallReason[] = ['SafetyRisk', 'QualityDefect', 'Contamination', 'Labelling', 'Counterfeit', 'Regulatory', 'Other'];
export const SUSPECT_REASONS: readonly SuspectReason[] = ['PackagingDamaged', 'LabelMismatch', 'SuspectedCounterfeit', 'TemperatureExcursion', 'AdverseEvent', 'Other'];

/** `LotStatus` of the drug provenance pallet. */
export type LotStatusView =
  | { readonly kind: 'Active' }
  | { readonly kind: 'Quarantined'; readonly by: number; readonly reason: SuspectReason }
  | { readonly kind: 'Recalled'; readonly reason: RecallReason; readonly byAuthority: boolean }
  | { readonly kind: 'Illegitimate' };

export interface LotView {
  readonly id: bigint;
  readonly gtin: string;
  readonly lotNumber: string;
  readonly manufacturer: number;
  /** Days since 1970-01-01: the lot may not be dispensed on or after it. */
  readonly expiresOn: number;
  readonly serialised: boolean;
  /** Packs the lot is declared to hold. */
  readonly quantity: number;
  /** Packs commissioned so far: all of `quantity` for an unserialised lot, serial by serial otherwise. */
  readonly commissioned: number;
  readonly status: LotStatusView;
  readonly coldChain: 'Intact' | 'Breached' | 'ClearedByAuthority';
}

export interface DispensationView {
  readonly id: bigint;
  readonly lot: bigint;
  readonly org: number;
  readonly quantity: number;
  readonly serials: readonly string[];
  readonly commitment: Uint8Array | null;
  readonly block: number;
}

function lotStatus(raw: unknown): LotStatusView {
  const [kind, data] = variant(raw, 'a lot status');
  if (kind === 'Active' || kind === 'Illegitimate') return { kind };
  if (kind === 'Recalled' && isObject(data)) {
    const reason = RECALL_REASONS.find((r) => r === data.reason);
    if (reason === undefined) throw shape('a recall reason');
    return { kind, reason, byAuthority: data.byAuthority === true };
  }
  if (kind === 'Quarantined' && isObject(data)) {
    const reason = SUSPECT_REASONS.find((r) => r === data.reason);
    if (reason === undefined) throw shape('a suspect reason');
    return { kind, by: Number(big(data.by, 'an organisation id')), reason };
  }
  throw shape('a lot status');
}

/** Storage arguments: the GTIN's 14 ASCII digits and a lot number or serial as bytes (hex). */
const ascii = (s: string): string => stringToHex(s);

/** The id of lot `lotNumber` of product `gtin` (`DrugProvenance.LotIds`), or `null`. */
export async function lotIdOf(api: ApiPromise, gtin: string, lotNumber: string): Promise<bigint | null> {
  if (!isValidGtin(gtin) || !isGs1Text(lotNumber)) return null;
  const raw = (await query(api, 'drugProvenance', 'lotIds')(ascii(gtin), ascii(lotNumber))).toJSON();
  return raw === null ? null : big(raw, 'a lot id');
}

/** Lot `id` (`DrugProvenance.Lots`), or `null`. */
export async function getLot(api: ApiPromise, id: bigint | number): Promise<LotView | null> {
  const raw = (await query(api, 'drugProvenance', 'lots')(id)).toJSON();
  if (raw === null) return null;
  if (!isObject(raw)) throw shape('a lot');
  const [coldChain] = variant(raw.coldChain, 'a cold chain state');
  if (coldChain !== 'Intact' && coldChain !== 'Breached' && coldChain !== 'ClearedByAuthority') throw shape('a cold chain state');
  return {
    id: BigInt(id),
    gtin: text(raw.gtin, 'a GTIN'),
    lotNumber: text(raw.number, 'a lot number'),
    manufacturer: Number(big(raw.manufacturer, 'a manufacturer')),
    expiresOn: Number(big(raw.expiresOn, 'an expiry day')),
    serialised: raw.serialised === true,
    quantity: Number(big(raw.quantity, 'a quantity')),
    commissioned: Number(big(raw.commissioned, 'a quantity')),
    status: lotStatus(raw.status),
    coldChain,
  };
}

/** Dispensation `id` (`DrugProvenance.Dispensations`), or `null`. */
export async function getDispensation(api: ApiPromise, id: bigint | number): Promise<DispensationView | null> {
  const raw = (await query(api, 'drugProvenance', 'dispensations')(id)).toJSON();
  if (raw === null) return null;
  if (!isObject(raw) || !Array.isArray(raw.serials)) throw shape('a dispensation');
  const commitment = raw.commitment;
  if (commitment !== null && !(typeof commitment === 'string' && isHex(commitment, 256))) throw shape('a commitment');
  return {
    id: BigInt(id),
    lot: big(raw.lot, 'a lot id'),
    org: Number(big(raw.org, 'an organisation id')),
    quantity: Number(big(raw.quantity, 'a quantity')),
    serials: raw.serials.map((s: unknown) => text(s, 'a serial')),
    commitment: commitment === null ? null : hexToU8a(commitment),
    block: Number(big(raw.at, 'a block number')),
  };
}

/** Today on chain (the timestamp pallet's time), in days since 1970-01-01, as the pallet counts expiry. */
export async function chainToday(api: ApiPromise): Promise<number> {
  const now = (await query(api, 'timestamp', 'now')()).toJSON();
  return Math.floor(Number(big(now, 'the time')) / DAY_MS);
}

/** A day count as an ISO date. */
export function dayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Dispensing

/** Organisation kinds the pallet lets dispense to patients. */
/** Kinds of organisation that hand medicines to patients (the pallet's dispensers). */
export const DISPENSER_KINDS: readonly string[] = ['Pharmacy', 'VillageClinic', 'TownshipHealthCentre', 'CountyHospital'];

export interface DispenseArgs {
  /** The dispensing organisation: a pharmacy, clinic or hospital the dispenser works for. */
  readonly org: number;
  /** The product's GTIN, 14 digits. */
  readonly gtin: string;
  /** The lot (batch) number printed on the packs. */
  readonly lotNumber: string;
  /** Packs handed over. */
  readonly quantity: number;
  /** For a serialised lot, the serial of every pack handed over (as many as `quantity`). */
  readonly serials?: readonly string[];
  /** The patient's account. */
  readonly patient: string;
  /**
   * The patient's MedicationRequest record this dispense fills. Required: the commitment on
   * chain is made over it (the dispense record does not exist yet when the chain is asked).
   */
  readonly prescription: bigint;
  /** The organisation running the vault that keeps the record. */
  readonly vaultOrg: number;
  /** The medicine's name as the patient should read it, e.g. "Amoxicillin 500 mg capsules". */
  readonly medication: { readonly display: string };
  /** How to take it, in words. */
  readonly dosageText?: string;
  /** When the packs were handed over (default: now). */
  readonly handedOver?: Date;
}

/** What `checkDispense` found: the lot to dispense from. */
export interface DispenseCheck {
  readonly lot: LotView;
  /** Today on chain, in days since 1970-01-01. */
  readonly today: number;
}

/**
 * Everything `dispenseToPatient` checks before it writes anything, read from chain state (and
 * the vault's health): the arguments (`DrugProvenance.InvalidGtin`, `InvalidLotNumber`,
 * `InvalidQuantity`, `InvalidSerial`, `DuplicateSerial`); the dispensing organisation
 * (`DrugProvenance.NotDispenser`: unknown, inactive or not a pharmacy, clinic or hospital);
 * the lot (`DrugProvenance.UnknownLot`, `LotRecalled`, `LotQuarantined`, `LotIllegitimate`,
 * `ColdChainBreached`, `StockExpired`); the organisation's stock (`HoldingQuarantined`,
 * `NotSerialised`, `SerialsRequired`, `UnknownPack`, `PackNotHeld`, `PackQuarantined`,
 * `InsufficientStock`); the patient (`PatientRecords.UnknownPatient`); the prescription
 * (`PatientRecords.UnknownRecord`, `NotAPrescription`); the dispenser's right to write the
 * record (`PatientRecords.NoWriteAccess`); the readers' keys (`NoEncryptionKey`); the vault
 * (`VaultError`, or `unavailable` when it reports itself so); the patient's address, the
 * prescription id and the hand-over time (`InvalidArgument`) and the record itself (`EnvelopeError InvalidFhir`, e.g. a
 * medicine without a name). A refusal the chain would also make carries the chain's code.
 * Reads only.
 */
export async function checkDispense(api: ApiPromise, vault: VaultClient, dispenser: Actor, args: DispenseArgs): Promise<DispenseCheck> {
  const serials = args.serials ?? [];
  if (!isValidGtin(args.gtin)) throw ChainError.refusal('DrugProvenance', 'InvalidGtin', JSON.stringify(args.gtin));
  if (!isGs1Text(args.lotNumber)) throw ChainError.refusal('DrugProvenance', 'InvalidLotNumber', JSON.stringify(args.lotNumber));
  if (!Number.isInteger(args.quantity) || args.quantity < 1 || args.quantity > 0xffff_ffff || serials.length > MAX_PACKS_PER_DISPENSE) {
    throw ChainError.refusal('DrugProvenance', 'InvalidQuantity');
  }
  for (const serial of serials) if (!isGs1Text(serial)) throw ChainError.refusal('DrugProvenance', 'InvalidSerial', JSON.stringify(serial));
  if (new Set(serials).size !== serials.length) throw ChainError.refusal('DrugProvenance', 'DuplicateSerial');
  let patient: Uint8Array;
  try {
    patient = accountId(args.patient);
  } catch {
    throw new ChainError(undefined, 'InvalidArgument', `${JSON.stringify(args.patient)} is not an account.`);
  }
  if (args.prescription < 0n || args.prescription > U64_MAX) {
    throw new ChainError(undefined, 'InvalidArgument', `${args.prescription} is not a record id (u64).`);
  }
  if (args.handedOver !== undefined && Number.isNaN(args.handedOver.getTime())) {
    throw new ChainError(undefined, 'InvalidArgument', 'The hand-over time is not a valid date.');
  }
  // The record as it will be written (EnvelopeError InvalidFhir, e.g. a medicine without a
  // name), so that it cannot fail to build once the dispense is on chain.
  buildDispenseResource(recordContent(args, 0n, new Uint8Array(SALT_LENGTH), undefined));

  // The organisation: the chain's NotActingForOrganisation is covered by may_write below (an
  // active practitioner of the organisation with a write basis), which the record needs anyway.
  const org = (await query(api, 'registry', 'organisations')(args.org)).toJSON();
  if (!isObject(org) || org.status !== 'Active' || typeof org.kind !== 'string' || !DISPENSER_KINDS.includes(org.kind)) {
    throw ChainError.refusal('DrugProvenance', 'NotDispenser', `(organisation ${args.org})`);
  }

  // The lot and the stock, in the pallet's order (ensure_sellable, then check_take).
  const lotId = await lotIdOf(api, args.gtin, args.lotNumber);
  const lot = lotId === null ? null : await getLot(api, lotId);
  if (lot === null) throw ChainError.refusal('DrugProvenance', 'UnknownLot', `(GTIN ${args.gtin}, lot ${args.lotNumber})`);
  if (lot.status.kind === 'Quarantined') throw ChainError.refusal('DrugProvenance', 'LotQuarantined');
  if (lot.status.kind === 'Recalled') throw ChainError.refusal('DrugProvenance', 'LotRecalled');
  if (lot.status.kind === 'Illegitimate') throw ChainError.refusal('DrugProvenance', 'LotIllegitimate');
  if (lot.coldChain === 'Breached') throw ChainError.refusal('DrugProvenance', 'ColdChainBreached');
  const today = await chainToday(api);
  if (lot.expiresOn <= today) throw ChainError.refusal('DrugProvenance', 'StockExpired', `(expired ${dayToIsoDate(lot.expiresOn)})`);
  if ((await query(api, 'drugProvenance', 'suspectHoldings')(lot.id, args.org)).toJSON() !== null) {
    throw ChainError.refusal('DrugProvenance', 'HoldingQuarantined');
  }
  if (lot.serialised) {
    if (serials.length !== args.quantity) throw ChainError.refusal('DrugProvenance', 'SerialsRequired');
    for (const serial of serials) {
      const pack = (await query(api, 'drugProvenance', 'packs')(lot.id, ascii(serial))).toJSON();
      if (!isObject(pack)) throw ChainError.refusal('DrugProvenance', 'UnknownPack', JSON.stringify(serial));
      const [custody, holder] = variant(pack.custody, 'a pack custody');
      if (custody !== 'Held' || Number(holder) !== args.org) throw ChainError.refusal('DrugProvenance', 'PackNotHeld', JSON.stringify(serial));
      if (variant(pack.status, 'a pack status')[0] !== 'Active') throw ChainError.refusal('DrugProvenance', 'PackQuarantined', JSON.stringify(serial));
    }
  } else if (serials.length > 0) {
    throw ChainError.refusal('DrugProvenance', 'NotSerialised');
  }
  const held = Number(big((await query(api, 'drugProvenance', 'holdings')(lot.id, args.org)).toJSON(), 'a holding'));
  if (held < args.quantity) throw ChainError.refusal('DrugProvenance', 'InsufficientStock', `(${held} held, ${args.quantity} asked)`);

  // The record that will follow: the patient, the prescription, the right to write, the keys.
  const info = await patientInfo(api, patient);
  if (info === null) throw ChainError.refusal('PatientRecords', 'UnknownPatient');
  await checkPrescription(api, patient, args.prescription);
  const mayWrite = api.call.patientRecordsApi?.mayWrite;
  if (mayWrite === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain has no patientRecordsApi.mayWrite runtime API.');
  if ((await mayWrite(accountId(dispenser.address), patient, args.org, 'MedicationDispense')).toJSON() !== true) {
    throw ChainError.refusal('PatientRecords', 'NoWriteAccess');
  }
  const missing = await readersWithoutKeys(api, [patient, ...(info.guardian === undefined ? [] : [info.guardian]), dispenser.address]);
  if (missing.length > 0) {
    throw new ChainError(undefined, 'NoEncryptionKey', `These accounts have published no encryption key, so they could not open the record: ${missing.join(', ')}.`);
  }
  const health = await vault.health();
  if (health.status !== 'ok') throw new VaultError(503, 'unavailable', `The vault is not ready: ${JSON.stringify(health)}`);
  return { lot, today };
}

/** The record's content for a dispense with these arguments. */
function recordContent(args: DispenseArgs, dispensationId: bigint, salt: Uint8Array, expiresOn: string | undefined): DispenseRecordContent {
  return {
    org: args.org, dispensationId, salt, prescription: args.prescription, gtin: args.gtin, lotNumber: args.lotNumber,
    quantity: args.quantity, serials: [...(args.serials ?? [])], medication: { display: args.medication.display },
    handedOver: (args.handedOver ?? new Date()).toISOString(),
    ...(expiresOn === undefined ? {} : { expiresOn }),
    ...(args.dosageText === undefined ? {} : { dosageText: args.dosageText }),
  };
}

/** The prescription must be a MedicationRequest record of the patient, not erased. */
async function checkPrescription(api: ApiPromise, patient: Uint8Array, prescription: bigint): Promise<void> {
  const record = await getRecord(api, prescription);
  if (record === null) throw ChainError.refusal('PatientRecords', 'UnknownRecord', `(prescription ${prescription})`);
  if (record.category !== 'MedicationRequest' || !equalBytes(accountId(record.patient), patient)) {
    throw new ChainError(undefined, 'NotAPrescription', `Record ${prescription} is not a prescription (MedicationRequest) of this patient.`);
  }
  if (api.call.patientRecordsApi?.erasure !== undefined && (await erasureOf(api, prescription)) !== null) {
    throw new ChainError(undefined, 'NotAPrescription', `Prescription ${prescription} has been erased.`);
  }
}

/** Arguments of `writeDispenseRecord`: the record's content, its patient and its vault. */
export interface DispenseRecordArgs extends DispenseRecordContent {
  readonly patient: string;
  readonly vaultOrg: number;
}

/**
 * Writes the MedicationDispense record of dispensation `dispensationId` (`writeRecord`: the
 * patient, guardian and dispenser get the key). First checks that the dispensation on chain is
 * the one described: its lot is `gtin`/`lotNumber`, its organisation, quantity and serials
 * match, and its commitment is `dispensationCommitment(patient, prescription, salt)`; else
 * `ChainError DispensationMismatch` (`PatientRecords`/`NoEncryptionKey`/vault errors as
 * `writeRecord`). This is the retry step after `DispenseNotRecordedError`: pass its `record`.
 * Writing twice makes two records of one dispensation: retry only after a failure.
 */
export async function writeDispenseRecord(api: ApiPromise, vault: VaultClient, dispenser: Actor, args: DispenseRecordArgs): Promise<{ recordId: bigint; hash: string }> {
  const resource = buildDispenseResource(args);
  const dispensation = await getDispensation(api, args.dispensationId);
  const lot = dispensation === null ? null : await getLot(api, dispensation.lot);
  const problems = dispensation === null || lot === null ? ['unknown-dispensation'] : compare(dispensation, lot, {
    ...args, serials: args.serials ?? [], commitment: dispensationCommitment(args.patient, args.prescription, args.salt),
  });
  if (problems.length > 0) {
    throw new ChainError(undefined, 'DispensationMismatch', `Dispensation ${args.dispensationId} on chain is not the one described (${problems.join(', ')}).`);
  }
  return writeRecord(api, vault, dispenser, {
    patient: args.patient, org: args.org, category: 'MedicationDispense', resource, vaultOrg: args.vaultOrg,
  });
}

/** Why a record and a dispensation do not belong together (empty: they do). */
function compare(
  dispensation: DispensationView,
  lot: LotView,
  record: { gtin?: string; lotNumber?: string; org?: number; quantity?: number; serials: readonly string[]; commitment?: Uint8Array },
): MismatchReason[] {
  const out: MismatchReason[] = [];
  if (lot.gtin !== record.gtin || lot.lotNumber !== record.lotNumber) out.push('lot');
  if (record.org !== undefined && dispensation.org !== record.org) out.push('organisation');
  if (dispensation.quantity !== record.quantity) out.push('quantity');
  if (dispensation.serials.length !== record.serials.length || dispensation.serials.some((s) => !record.serials.includes(s))) out.push('serials');
  if (record.commitment !== undefined && (dispensation.commitment === null || !equalBytes(dispensation.commitment, record.commitment))) out.push('commitment');
  return out;
}

/**
 * The dispense happened on chain but its record could not be written (vault or node failure,
 * a key published meanwhile…). The packs are out of the organisation's stock, as they are in
 * reality; the dispensation's commitment opens only with `salt`. Keep the error: retry with
 * `writeDispenseRecord(api, vault, dispenser, error.record)`.
 */
export class DispenseNotRecordedError extends Error {
  override readonly name = 'DispenseNotRecordedError';
  readonly code = 'DispenseNotRecorded';
  constructor(
    /** Everything the record needs, dispensation id and salt included. */
    readonly record: DispenseRecordArgs,
    options?: { cause?: unknown },
  ) {
    super(`Dispensation ${record.dispensationId} is on chain but its record was not written: retry with writeDispenseRecord. Cause: ${String(options?.cause)}`, options);
  }

  get dispensationId(): bigint {
    return this.record.dispensationId;
  }

  get salt(): Uint8Array {
    return this.record.salt;
  }
}

export interface DispenseResult {
  /** The MedicationDispense record. */
  readonly recordId: bigint;
  /** Its content hash. */
  readonly hash: string;
  readonly dispensationId: bigint;
  readonly lotId: bigint;
  /** The salt, also kept in the record (for the patient) — the pharmacy may keep it too. */
  readonly salt: Uint8Array;
  /** What the chain stores instead of the patient. */
  readonly commitment: Uint8Array;
}

function eventData(events: readonly EventRecord[], method: string): Codec[] {
  const found = events.find(({ event }) => event.section === 'drugProvenance' && event.method === method);
  if (found === undefined) throw new ChainError(undefined, 'MissingEvent', `The chain did not report drugProvenance.${method}.`);
  return [...found.event.data];
}

/**
 * Dispenses `quantity` packs of lot `gtin`/`lotNumber` from `org`'s stock to `patient` for
 * prescription `prescription`, and writes the encrypted MedicationDispense record.
 *
 * 1. `checkDispense`: everything the dispense and the record write would refuse, read from the
 *    chain (and the vault's health). A refusal throws its typed error and changes nothing.
 * 2. A fresh 32-byte salt; the commitment `blake2_256(SCALE(patient) ‖ SCALE(prescription id
 *    as u64) ‖ salt)`.
 * 3. `drugProvenance.dispense(lot, org, quantity, serials, Some(commitment))`, waiting for
 *    finality; the dispensation id from `Dispensed`. If the chain refuses (state changed
 *    since step 1: stock taken, lot recalled meanwhile), its `ChainError` is thrown and
 *    nothing was written.
 * 4. `writeDispenseRecord`: the MedicationDispense (`buildDispenseResource`) with the
 *    dispensation id, the salt and the prescription reference, shared with the patient, the
 *    guardian and the dispenser.
 *
 * Public on chain: the lot, the organisation, the quantity, the serials, the commitment and
 * the block — never the patient, the prescription or the record. The salt is only in the
 * encrypted record (and the result), so only its readers can open the commitment.
 *
 * Residual: if step 4 fails, the dispensation is on chain without a record and
 * `DispenseNotRecordedError` is thrown, carrying the dispensation id, the salt and the whole
 * record: retry with `writeDispenseRecord(…, error.record)`. If that error is lost, nobody can
 * tell whom the dispensation names (the pharmacy's own books still can). Should the dispense
 * transaction's fate be unknown (`ChainError TransactionFailed` after it was sent, e.g. a
 * finality timeout), compare `DrugProvenance.NextDispensationId` and the lot's dispensations
 * (`recall_reach`) with the commitment before dispensing again.
 */
export async function dispenseToPatient(api: ApiPromise, vault: VaultClient, dispenser: Actor, args: DispenseArgs): Promise<DispenseResult> {
  const { lot } = await checkDispense(api, vault, dispenser, args);
  const serials = [...(args.serials ?? [])];
  const salt = randomBytes(SALT_LENGTH);
  const commitment = dispensationCommitment(args.patient, args.prescription, salt);
  const tx = txFn(api, 'drugProvenance', 'dispense')(lot.id, args.org, args.quantity, serials.map(ascii), u8aToHex(commitment));
  const { account, options: signing } = txAccount(dispenser);
  const { events } = await submit(api, tx, account, { ...signing, finalized: true });
  const dispensationId = big(eventData(events, 'Dispensed')[0]?.toJSON(), 'a dispensation id');

  const record: DispenseRecordArgs = {
    ...recordContent(args, dispensationId, salt, dayToIsoDate(lot.expiresOn)), patient: args.patient, vaultOrg: args.vaultOrg,
  };
  try {
    const { recordId, hash } = await writeDispenseRecord(api, vault, dispenser, record);
    return { recordId, hash, dispensationId, lotId: lot.id, salt, commitment };
  } catch (cause) {
    throw new DispenseNotRecordedError(record, { cause });
  }
}

// ---------------------------------------------------------------------------------------------
// My medicines

/** Why a dispense record is not proven to belong to a dispensation on chain. */
export type MismatchReason =
  /** The record names no dispensation (e.g. written by hand, not by `dispenseToPatient`). */
  | 'no-dispensation'
  /** The dispensation the record names is not on chain. */
  | 'unknown-dispensation'
  /** The record has no (well-formed) salt. */
  | 'no-salt'
  /** The record names no prescription record. */
  | 'no-prescription'
  /** The dispensation's lot is not the GTIN and lot number the record names. */
  | 'lot'
  | 'organisation'
  | 'quantity'
  | 'serials'
  /** The dispensation's commitment is not the one recomputed from the record's patient, prescription and salt. */
  | 'commitment';

/** A decrypted record: an id, its patient and its resource, or `readRecord`'s result as it is. */
export type MedicineSource =
  | { readonly recordId: bigint; readonly patient: string; readonly resource: FhirResource | Uint8Array }
  | Pick<ReadRecordResult, 'anchor' | 'fhir'>;

/**
 * One medicine the patient received: what its record says (the name as the dispenser wrote it,
 * batch, packs, when handed over, the prescription it filled, the dispensation it names), and
 * what the chain says of it.
 */
export interface Medicine extends Pick<DispenseRecordFields,
  'display' | 'gtin' | 'lotNumber' | 'serials' | 'quantity' | 'handedOver' | 'dosageText' | 'prescription' | 'dispensationId'> {
  /** The MedicationDispense record. */
  readonly recordId: bigint;
  readonly lotId?: bigint;
  /** The lot's expiry (from the chain), ISO date. */
  readonly expiresOn?: string;
  /** Whether the lot has expired by the chain's clock. */
  readonly expired: boolean;
  /**
   * The lot's status on chain; `UnknownLot`: the chain has no lot with this GTIN and number
   * (treat as counterfeit); `NotTraced`: the record names no GTIN and lot.
   */
  readonly lotStatus: LotStatusView | { readonly kind: 'UnknownLot' } | { readonly kind: 'NotTraced' };
  /** The warning: the lot is recalled. */
  readonly recalled: boolean;
  readonly recallReason?: RecallReason;
  /**
   * The dispensation on chain is proven to be this one: same lot, organisation, quantity and
   * serials, and its commitment opens with the record's patient, prescription and salt.
   */
  readonly linked: boolean;
  /** Why `linked` is false (empty when it is true). */
  readonly mismatch: readonly MismatchReason[];
}

function sourceOf(entry: MedicineSource): { recordId: bigint; patient: string; resource: FhirResource | Uint8Array } {
  return 'anchor' in entry ? { recordId: entry.anchor.id, patient: entry.anchor.patient, resource: entry.fhir } : entry;
}

/**
 * The medicines among decrypted records the app already holds (`readRecord`'s results, or
 * `{ recordId, patient, resource }` with the anchor's patient), in the order given; other
 * records are skipped. For each MedicationDispense: what it says (`parseDispenseResource`),
 * the lot's status on chain (recalled, with the reason; quarantined; illegitimate; unknown),
 * and whether the dispensation it names is proven to be this one (`linked`, else `mismatch`).
 * Bounded: per medicine one dispensation read and one lot read (one more to find the lot by
 * GTIN and number when the record names no dispensation or another lot), lots shared between
 * medicines read once, and one read of the chain's clock. Throws only `ChainError`s of the
 * reads (`UnexpectedShape`, `UnsupportedRuntime`, transport failures).
 */
export async function medicinesOf(api: ApiPromise, entries: readonly MedicineSource[]): Promise<Medicine[]> {
  const lots = new Map<string, Promise<LotView | null>>();
  const lot = (id: bigint): Promise<LotView | null> => {
    const key = id.toString();
    let found = lots.get(key);
    if (found === undefined) {
      found = getLot(api, id);
      lots.set(key, found);
    }
    return found;
  };
  const dispenses = entries.map(sourceOf).filter((e) => !(e.resource instanceof Uint8Array) && e.resource.resourceType === 'MedicationDispense');
  const today = dispenses.length === 0 ? 0 : await chainToday(api);
  return Promise.all(dispenses.map(async ({ recordId, patient, resource }): Promise<Medicine> => {
    const fields = parseDispenseResource(resource as FhirResource);
    const mismatch: MismatchReason[] = [];
    const dispensation = fields.dispensationId === undefined ? null : await getDispensation(api, fields.dispensationId);
    if (fields.dispensationId === undefined) mismatch.push('no-dispensation');
    else if (dispensation === null) mismatch.push('unknown-dispensation');
    if (fields.salt === undefined) mismatch.push('no-salt');
    if (fields.prescription === undefined) mismatch.push('no-prescription');

    // The lot the record names: the dispensation's when it is that one, else by GTIN and number.
    let held = dispensation === null ? null : await lot(dispensation.lot);
    if (held !== null && dispensation !== null) {
      const commitment = fields.salt === undefined || fields.prescription === undefined
        ? undefined
        : dispensationCommitment(patient, fields.prescription, fields.salt);
      // Without a salt or a prescription ('no-salt', 'no-prescription') there is nothing to recompute.
      mismatch.push(...compare(dispensation, held, { ...fields, ...(commitment === undefined ? {} : { commitment }) }));
    }
    if (held === null || held.gtin !== fields.gtin || held.lotNumber !== fields.lotNumber) {
      const id = fields.gtin === undefined || fields.lotNumber === undefined ? null : await lotIdOf(api, fields.gtin, fields.lotNumber);
      held = id === null ? null : await lot(id);
    }

    const traced = fields.gtin !== undefined && fields.lotNumber !== undefined;
    const lotStatus: Medicine['lotStatus'] = held !== null ? held.status : traced ? { kind: 'UnknownLot' } : { kind: 'NotTraced' };
    const out: Record<string, unknown> = {
      recordId, display: fields.display, serials: fields.serials,
      expired: held !== null && held.expiresOn <= today,
      lotStatus, recalled: lotStatus.kind === 'Recalled', linked: mismatch.length === 0, mismatch,
    };
    const optional: Partial<Record<keyof Medicine, unknown>> = {
      gtin: fields.gtin, lotNumber: fields.lotNumber, quantity: fields.quantity, handedOver: fields.handedOver, dosageText: fields.dosageText,
      prescription: fields.prescription, dispensationId: fields.dispensationId, lotId: held?.id,
      expiresOn: held === null ? fields.expiresOn : dayToIsoDate(held.expiresOn),
      recallReason: lotStatus.kind === 'Recalled' ? lotStatus.reason : undefined,
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) out[key] = value;
    return out as unknown as Medicine;
  }));
}
