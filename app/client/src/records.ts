// Encrypted records end to end: the chain (chain.ts), the envelope (record.ts) and the vault
// (vault.ts) put together in the order that leaves nothing half done.
//
//   writeRecord: validate + encrypt -> upload -> anchor (finalized) -> mark anchored ->
//                attach key shares for the patient, the guardian and the author
//   readRecord:  anchor + own key share -> signed log_access (not sent) -> vault read (the
//                vault sends it and waits for finality) -> hash check -> unwrap -> decrypt
//   eraseRecord (chain, finalized) then VaultClient.erase; disputeRecord / withdrawDispute;
//   accessLogOf, erasureOf, disputeOf (runtime API PatientRecordsApi v3).
//
// An upload never anchored is deleted by the vault's sweeper, and an anchor is only made after
// the vault holds the ciphertext, so a failure at any step leaves no anchor without its data.

import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { AddressOrPair, SubmittableExtrinsic } from '@polkadot/api/types';
import type { Codec, Signer } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

import { equalBytes } from './bytes.js';
import {
  anchorRecord, anchorSelfReportedRecord, attachCareShares, getRecord, leaseNonces, patientInfo, readKeyShare, readersWithoutKeys, submit,
  type PurposeOfUse, type RecordAnchorView, type TxOptions, type TxResult,
} from './chain.js';
import { ChainError, EnvelopeError } from './errors.js';
import { unwrapFile, wrapFile, type FhirResource, type RecordCategory } from './fhir.js';
import type { EncryptionKeyring } from './keys.js';
import { openRecord, sealRecord, type SealedRecord } from './record.js';
import { linkFor, sealHealthLink, type SharedRecord } from './shl.js';
import { accountId, unwrapDataKey, type AccountLike } from './shares.js';
import { blobHash, keypairSigner, VaultError, type VaultClient, type VaultSigner } from './vault.js';

/**
 * Who acts: a keypair (it signs extrinsics and vault requests), or a browser account whose
 * extrinsics an extension's `Signer` signs and whose vault requests `vaultSigner` signs
 * (`extensionSigner(address, injector.signer.signRaw)`).
 */
export type Actor = KeyringPair | { readonly address: string; readonly signer: Signer; readonly vaultSigner: VaultSigner };

const isPair = (actor: Actor): actor is KeyringPair => !('vaultSigner' in actor);

/** How `actor` signs an extrinsic: the account (or address) for `submit`, and its extension signer if any. */
export function txAccount(actor: Actor): { account: AddressOrPair; options: TxOptions } {
  return isPair(actor) ? { account: actor, options: {} } : { account: actor.address, options: { signer: actor.signer } };
}

/** How `actor` signs vault requests. */
export function vaultSignerOf(actor: Actor): VaultSigner {
  return isPair(actor) ? keypairSigner(actor) : actor.vaultSigner;
}

/** A file to keep as a `Document` record (wrapped as a FHIR DocumentReference). */
export interface RecordFile {
  readonly bytes: Uint8Array;
  /** MIME type, e.g. `application/pdf`. */
  readonly contentType: string;
  readonly title?: string;
  /** A FHIR reference to the patient (`Patient/…`), never a name. */
  readonly subject?: string;
  readonly date?: string;
}

export interface WriteRecordArgs {
  readonly patient: string;
  /** The organisation the author writes for; leave out for self-reported data (the patient or guardian writes). */
  readonly org?: number;
  readonly category: RecordCategory;
  /** The FHIR R4 resource: give this or `file`. */
  readonly resource?: unknown;
  /** A file for a `Document` record: give this or `resource`. */
  readonly file?: RecordFile;
  /** The organisation running the vault (the anchor names it). */
  readonly vaultOrg: number;
  /** The record this one amends. */
  readonly amends?: bigint;
  /** The purpose the key shares are attached for (default `Treatment`). */
  readonly purpose?: PurposeOfUse;
}

/**
 * Encrypts a record, uploads it, anchors it (waiting for finality, which the vault checks),
 * marks it anchored, and attaches key shares for the patient, the patient's guardian and the
 * author. Refuses before uploading if any of them has published no encryption key
 * (`ChainError NoEncryptionKey`), so no record is anchored that nobody could open.
 */
export async function writeRecord(api: ApiPromise, vault: VaultClient, author: Actor, args: WriteRecordArgs): Promise<{ recordId: bigint; hash: string }> {
  const sealed = sealWriteArgs(args);

  const info = await patientInfo(api, args.patient);
  if (info === null) throw new ChainError('PatientRecords', 'UnknownPatient', 'This account is not registered as a patient.');
  const readers = [args.patient, ...(info.guardian === undefined ? [] : [info.guardian]), author.address];
  const missing = await readersWithoutKeys(api, readers);
  if (missing.length > 0) {
    throw new ChainError(undefined, 'NoEncryptionKey', `These accounts have published no encryption key, so they could not open the record: ${missing.join(', ')}.`);
  }

  const signer = vaultSignerOf(author);
  const uploaded = await vault.upload(signer, {
    ciphertext: sealed.ciphertext, patient: args.patient, category: args.category,
    ...(args.org === undefined ? {} : { organisation: args.org }),
  });
  const hash = u8aToHex(sealed.contentHash);
  if (blobHash(uploaded.hash) !== hash) {
    throw new VaultError(201, 'bad_response', `The vault named the upload ${uploaded.hash}, not its blake2-256 ${hash}.`);
  }

  const { account, options } = txAccount(author);
  const anchorArgs = {
    patient: args.patient, category: args.category, contentHash: sealed.contentHash, sizeBytes: sealed.sizeBytes,
    vault: args.vaultOrg, locator: `vault:${hash}`, ...(args.amends === undefined ? {} : { amends: args.amends }),
  };
  const finalized = { ...options, finalized: true };
  const recordId = args.org === undefined
    ? await anchorSelfReportedRecord(api, account, anchorArgs, finalized)
    : await anchorRecord(api, account, { ...anchorArgs, org: args.org }, finalized);
  await vault.markAnchored(signer, hash, recordId);
  await attachCareShares(api, account, {
    recordId, dataKey: sealed.dataKey, patient: args.patient, author: author.address, ...(args.purpose === undefined ? {} : { purpose: args.purpose }),
  }, options);
  return { recordId, hash };
}

/** Checks the record of `args` (a FHIR resource, or a file as a Document) and encrypts it under a fresh data key. */
export function sealWriteArgs(args: WriteRecordArgs): SealedRecord {
  if ((args.resource === undefined) === (args.file === undefined)) {
    throw new EnvelopeError('InvalidFhir', 'Give a FHIR resource or a file, not both and not neither.');
  }
  if (args.file !== undefined && args.category !== 'Document') {
    throw new EnvelopeError('CategoryMismatch', `A file is kept as a Document record, not as ${args.category}.`);
  }
  const resource = args.file === undefined ? args.resource : wrapFile(args.file.bytes, args.file);
  return sealRecord(resource, args.category);
}

/**
 * `reader`'s signed `patientRecords.logAccess(record, purpose)` as 0x hex, not sent: what a vault
 * read takes. With `actingFor`, the log is `proxy.proxy(actingFor, logAccess)`: the access of
 * the account `reader` acts for (a recovered patient's new phone reading as the patient).
 */
export async function signedLogAccess(api: ApiPromise, reader: Actor, recordId: bigint | number, purpose: PurposeOfUse, nonce = -1, actingFor?: string): Promise<string> {
  const call = api.tx.patientRecords?.logAccess;
  if (call === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain has no patientRecords.logAccess call.');
  const log = call(recordId, purpose);
  const proxy = api.tx.proxy?.proxy;
  if (actingFor !== undefined && proxy === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain has no proxy.proxy call.');
  const tx = actingFor === undefined || proxy === undefined ? log : proxy(actingFor, null, log);
  const { account, options } = txAccount(reader);
  // nonce -1: the next nonce counting the reader's transactions already in the pool.
  await tx.signAsync(account, { nonce, ...(options.signer === undefined ? {} : { signer: options.signer }) });
  return tx.toHex();
}

export interface ReadRecordResult {
  readonly anchor: RecordAnchorView;
  /**
   * The record: its FHIR resource, or for a `Document` holding an inline file (as
   * `writeRecord` makes from `file`), the file's bytes (`contentType` says what they are).
   */
  readonly resource: FhirResource | Uint8Array;
  /** The decrypted FHIR resource, whatever the category. */
  readonly fhir: FhirResource;
  /** The file's MIME type when `resource` is a file. */
  readonly contentType?: string;
  /** The ciphertext as the vault served it (its hash is the anchor's). */
  readonly ciphertext: Uint8Array;
}

/**
 * Reads a record through the vault: the vault releases the ciphertext only after the
 * reader's own access log is finalized on chain, so every read is in the patient's access
 * trail. Refused with `ChainError` before anything is logged when the record is unknown or
 * erased or the reader has no key share, and with `EnvelopeError ShareUnwrapFailed` (or
 * `KeyVersionMismatch`) when its share does not open with the reader's keys (a share made for
 * a lost phone's key, not yet renewed); `VaultError access_refused` when the chain refuses
 * the access (no consent, revoked, expired); `EnvelopeError HashMismatch` if the vault served
 * other bytes than the anchor's.
 */
export async function readRecord(
  api: ApiPromise, vault: VaultClient, reader: Actor, keyring: EncryptionKeyring, recordId: bigint | number, purpose: PurposeOfUse,
): Promise<ReadRecordResult> {
  const ready = await prepareRead(api, reader, keyring, recordId);
  const extrinsic = await signedLogAccess(api, reader, recordId, purpose, -1, actingForOf(keyring));
  return finishRead(vault, reader, ready, extrinsic);
}

/** The account a keyring reads for through a proxy (`EncryptionKeyring.actingFor`), if any. */
function actingForOf(keyring: EncryptionKeyring): string | undefined {
  return keyring.delegate === undefined ? undefined : encodeAddress(keyring.account);
}

/** What a read needs before its access log is signed; refuses as `readRecord` documents. */
async function prepareRead(api: ApiPromise, reader: Actor, keyring: EncryptionKeyring, recordId: bigint | number): Promise<{ recordId: bigint | number; anchor: RecordAnchorView; dataKey: Uint8Array }> {
  if (!equalBytes(keyring.delegate ?? keyring.account, accountId(reader.address))) {
    throw new EnvelopeError('InvalidKey', "The encryption keyring is not the reader's.");
  }
  const anchor = await getRecord(api, recordId);
  if (anchor === null) throw new ChainError('PatientRecords', 'UnknownRecord', 'There is no record with this id.');
  if (api.call.patientRecordsApi?.erasure !== undefined && (await erasureOf(api, recordId)) !== null) {
    throw new ChainError('PatientRecords', 'RecordErased', 'This record has been erased.');
  }
  const share = await readKeyShare(api, recordId, keyring.account);
  if (share === null) throw new ChainError(undefined, 'NoKeyShare', `You have no key for record ${recordId}.`);
  // Opened before the access is logged: a share this device cannot open (wrapped for a lost
  // phone's key and not yet renewed) is refused without a read in the patient's trail.
  const dataKey = await unwrapDataKey(share, { recordId, reader: keyring.account }, keyring);
  return { recordId, anchor, dataKey };
}

async function finishRead(
  vault: VaultClient, reader: Actor, ready: { recordId: bigint | number; anchor: RecordAnchorView; dataKey: Uint8Array }, extrinsic: string,
): Promise<ReadRecordResult> {
  const { anchor, dataKey } = ready;
  const ciphertext = await vault.read(vaultSignerOf(reader), u8aToHex(anchor.contentHash), extrinsic);
  const fhir = openRecord(ciphertext, dataKey, anchor); // checks the hash and the category
  const file = inlineFile(fhir, anchor.category);
  return file === undefined
    ? { anchor, resource: fhir, fhir, ciphertext }
    : { anchor, resource: file.bytes, fhir, contentType: file.contentType, ciphertext };
}

/**
 * Reads several records at once: each is checked as `readRecord` checks it, the access logs of
 * those that pass are signed with consecutive nonces (so they need not wait for one another),
 * and all go to the vault together, so a page of records costs about one finality round instead
 * of one per record. Answers one result per id, in order: the record, or the error that
 * `readRecord` would have thrown for it. If a read fails before the vault submits its log, the
 * logs with later nonces wait in the pool and their reads end with the vault's `timeout`.
 */
export async function readRecords(
  api: ApiPromise, vault: VaultClient, reader: Actor, keyring: EncryptionKeyring, recordIds: readonly (bigint | number)[], purpose: PurposeOfUse,
): Promise<PromiseSettledResult<ReadRecordResult>[]> {
  const prepared = await Promise.allSettled(recordIds.map((id) => prepareRead(api, reader, keyring, id)));
  const wanted = prepared.filter((p) => p.status === 'fulfilled').length;
  const lease = await leaseNonces(api, reader.address, wanted);
  try {
    // Signed one after the other (a wallet asks for each in turn); sent all together.
    const signed: ({ extrinsic: string } | { error: unknown } | null)[] = [];
    let nonce = lease.first;
    for (const p of prepared) {
      if (p.status === 'rejected') { signed.push(null); continue; }
      try {
        signed.push({ extrinsic: await signedLogAccess(api, reader, p.value.recordId, purpose, nonce, actingForOf(keyring)) });
        nonce += 1;
      } catch (error) {
        // Nothing was signed with this nonce (the wallet refused, say): the next log takes it.
        signed.push({ error });
      }
    }
    return await Promise.allSettled(prepared.map(async (p, i) => {
      if (p.status === 'rejected') throw p.reason;
      const log = signed[i];
      if (log === undefined || log === null) throw new Error('the access log was not signed');
      if ('error' in log) throw log.error;
      return finishRead(vault, reader, p.value, log.extrinsic);
    }));
  } finally {
    lease.release();
  }
}


function inlineFile(fhir: FhirResource, category: RecordCategory): { bytes: Uint8Array; contentType: string } | undefined {
  if (category !== 'Document') return undefined;
  try {
    return unwrapFile(fhir);
  } catch (e) {
    // A DocumentReference pointing elsewhere (no inline data) is returned as FHIR.
    if (e instanceof EnvelopeError) return undefined;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Erasure and disputes (the patient or guardian)

function txFn(api: ApiPromise, call: string): (...args: unknown[]) => SubmittableExtrinsic<'promise'> {
  const fn = api.tx.patientRecords?.[call];
  if (fn === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', `The chain has no patientRecords.${call} call.`);
  return fn;
}

function eventData(result: TxResult, method: string): Codec[] {
  const found = result.events.find(({ event }) => event.section === 'patientRecords' && event.method === method);
  if (found === undefined) throw new ChainError(undefined, 'MissingEvent', `The chain did not report patientRecords.${method}.`);
  return [...found.event.data];
}

/**
 * Erases a record on chain (the patient or guardian): every key share is removed, the anchor
 * stays as history. Waits for finality by default, since the vault deletes the ciphertext
 * only once the erasure is finalized: call `VaultClient.erase` next.
 */
export async function eraseRecord(api: ApiPromise, account: AddressOrPair, recordId: bigint | number, options: TxOptions = {}): Promise<{ keySharesRemoved: number; blockHash: string }> {
  const result = await submit(api, txFn(api, 'eraseRecord')(recordId), account, { finalized: true, ...options });
  const [, , , removed] = eventData(result, 'RecordErased');
  return { keySharesRemoved: Number(removed?.toString()), blockHash: result.blockHash };
}

/** `DisputeReason` of the patient records pallet. */
export type DisputeReason = 'NotMyRecord' | 'IncorrectDetails' | 'Incomplete' | 'NeverHappened' | 'Other';
export const DISPUTE_REASONS: readonly DisputeReason[] = ['NotMyRecord', 'IncorrectDetails', 'Incomplete', 'NeverHappened', 'Other'];

/**
 * The patient (or guardian) questions a record. `note`: a self-reported record of the same
 * patient holding the patient's own words (the chain keeps no free text).
 */
export async function disputeRecord(
  api: ApiPromise, account: AddressOrPair, recordId: bigint | number, reason: DisputeReason, note?: bigint | number, options: TxOptions = {},
): Promise<TxResult> {
  return submit(api, txFn(api, 'disputeRecord')(recordId, reason, note ?? null), account, options);
}

/** Withdraws the patient's dispute of a record. */
export async function withdrawDispute(api: ApiPromise, account: AddressOrPair, recordId: bigint | number, options: TxOptions = {}): Promise<TxResult> {
  return submit(api, txFn(api, 'withdrawDispute')(recordId), account, options);
}

// ---------------------------------------------------------------------------------------------
// Reads through the runtime API (version 3)

function runtimeCall(api: ApiPromise, method: string): (...args: unknown[]) => Promise<Codec> {
  const fn = api.call.patientRecordsApi?.[method];
  if (fn === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', `The chain has no patientRecordsApi.${method} runtime API.`);
  return fn;
}

const shape = (what: string): ChainError => new ChainError(undefined, 'UnexpectedShape', `The chain returned ${what} in an unexpected form.`);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function big(value: unknown, what: string): bigint {
  if (typeof value === 'number' || typeof value === 'bigint') return BigInt(value);
  if (typeof value === 'string' && /^(0x[0-9a-fA-F]+|\d+)$/.test(value)) return BigInt(value);
  throw shape(what);
}

function text(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  throw shape(what);
}

/** On what basis a reader was let in (`AccessBasis`); `null` in an entry: the patient or guardian. */
export type AccessBasisView =
  | { readonly kind: 'CareTeam' }
  | { readonly kind: 'Grant' | 'Referral' | 'Emergency'; readonly id: bigint };

function basisView(raw: unknown): AccessBasisView | null {
  if (raw === null || raw === undefined) return null;
  // polkadot.js: a unit variant of a non-basic enum is { careTeam: null }, others { grant: 5 }.
  const [entry] = isObject(raw) ? Object.entries(raw) : [];
  if (entry === undefined) throw shape('an access basis');
  const [key, value] = entry;
  const kind = `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  if (kind === 'CareTeam') return { kind };
  if (kind === 'Grant' || kind === 'Referral' || kind === 'Emergency') return { kind, id: big(value, 'an access basis id') };
  throw shape('an access basis');
}

const PURPOSES: readonly PurposeOfUse[] = ['Treatment', 'Referral', 'Research', 'PublicHealth', 'Emergency'];

/** One entry of a patient's access trail. */
export interface AccessEntryView {
  /** Its position in the patient's trail (the patient's access count before it). */
  readonly position: bigint;
  readonly reader: string;
  readonly record: bigint;
  readonly purpose: PurposeOfUse;
  readonly basis: AccessBasisView | null;
  readonly block: number;
  readonly timestampMs: bigint;
}

/**
 * A page of the patient's access trail from position `from`, at most `count` entries (the
 * runtime caps pages). Accesses logged before the runtime kept the trail are only events, so a
 * page may have gaps: `position` says where each entry sits.
 */
export async function accessLogOf(api: ApiPromise, patient: AccountLike, from: bigint | number, count: number): Promise<AccessEntryView[]> {
  const raw = (await runtimeCall(api, 'accessLogOf')(accountId(patient), from, count)).toJSON();
  if (!Array.isArray(raw)) throw shape('an access trail page');
  return raw.map((item: unknown): AccessEntryView => {
    if (!Array.isArray(item) || !isObject(item[1])) throw shape('an access trail entry');
    const entry = item[1];
    const purpose = PURPOSES.find((p) => p === entry.purpose);
    if (purpose === undefined) throw shape('a purpose of use');
    return {
      position: big(item[0], 'a position'),
      reader: encodeAddress(text(entry.reader, 'a reader'), api.registry.chainSS58),
      record: big(entry.record, 'a record id'),
      purpose,
      basis: basisView(entry.basis),
      block: Number(big(entry.block, 'a block number')),
      timestampMs: big(entry.timestampMs, 'a timestamp'),
    };
  });
}

/** A record's erasure on chain. */
export interface ErasureView {
  readonly by: string;
  readonly block: number;
  readonly timestampMs: bigint;
}

/** Who erased the record and when, or `null` if it is not erased. */
export async function erasureOf(api: ApiPromise, recordId: bigint | number): Promise<ErasureView | null> {
  const raw = (await runtimeCall(api, 'erasure')(recordId)).toJSON();
  if (raw === null) return null;
  if (!isObject(raw)) throw shape('an erasure');
  return {
    by: encodeAddress(text(raw.by, 'the eraser'), api.registry.chainSS58),
    block: Number(big(raw.block, 'a block number')),
    timestampMs: big(raw.timestampMs, 'a timestamp'),
  };
}

/** A patient's open dispute of a record. */
export interface DisputeView {
  readonly by: string;
  readonly reason: DisputeReason;
  /** The self-reported record with the patient's own words, if any. */
  readonly note: bigint | null;
  readonly block: number;
}

/** The record's open dispute, or `null`. */
export async function disputeOf(api: ApiPromise, recordId: bigint | number): Promise<DisputeView | null> {
  const raw = (await runtimeCall(api, 'dispute')(recordId)).toJSON();
  if (raw === null) return null;
  if (!isObject(raw)) throw shape('a dispute');
  const reason = DISPUTE_REASONS.find((r) => r === raw.reason);
  if (reason === undefined) throw shape('a dispute reason');
  return {
    by: encodeAddress(text(raw.by, 'the disputer'), api.registry.chainSS58),
    reason,
    note: raw.note === null || raw.note === undefined ? null : big(raw.note, 'a note record id'),
    block: Number(big(raw.block, 'a block number')),
  };
}

/**
 * Shares decrypted records with someone outside RuralMed through a SMART Health Link
 * (`shl.ts`): seals them under a fresh key, keeps the sealed file on `vault` (signed by the
 * patient or guardian `actor`), and answers the link to show as a QR code: `viewerUrl` +
 * `#shlink:/…` with the key in the fragment, which never reaches the vault. Refusals: the
 * `ShlError` `invalid_argument` checks of `sealHealthLink` before anything is sent, then the
 * vault's (`not_patient_or_guardian`, `record_erased`, `shl_limit`, …) with nothing kept.
 */
export async function shareByLink(
  vault: VaultClient,
  actor: Actor,
  args: {
    readonly patient: string;
    readonly records: readonly SharedRecord[];
    readonly label: string;
    readonly expiresMs: number;
    readonly passcode: string | null;
    /** The page that opens links (the app's viewer), e.g. `https://clinic.example/viewer.html`. */
    readonly viewerUrl: string;
  },
): Promise<{ id: string; link: string; expiresMs: number }> {
  const { request, key } = sealHealthLink(args);
  const created = await vault.createHealthLink(vaultSignerOf(actor), request);
  const link = linkFor({
    viewerUrl: args.viewerUrl, manifestUrl: `${vault.baseUrl}${created.manifestPath}`, key,
    expiresMs: request.expiresMs, label: args.label, passcode: args.passcode !== null,
  });
  return { id: created.id, link, expiresMs: request.expiresMs };
}
