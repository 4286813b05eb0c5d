// The chain side of encrypted records, over a polkadot.js ApiPromise. Storage and runtime-API
// results are read through `toJSON()` rather than generated type augmentation, so this module
// works against the node's metadata as it is, and each reader below states the shape it expects.
//
// Calls used (pallet indices from docs/architecture.md):
//   Registry.publish_encryption_key(key: [u8; 32])
//   PatientRecords.anchor_record(patient, org: u32, category, content_hash: H256, locator: Vec<u8>, size_bytes: u64, amends: Option<u64>)
//     (the runtime in review replaces `locator: Vec<u8>` by `vault: u32`; see storageArg)
//   PatientRecords.anchor_self_reported_record(patient, category, content_hash, locator, size_bytes, amends)
//   PatientRecords.attach_key_share(record: u64, reader, purpose, wrapped_key: Vec<u8>)
//   PatientRecords.log_access(record: u64, purpose)
//   Utility.batch_all(calls) to attach several shares atomically
// Storage: Registry.EncryptionKeys(account) → {key, version, publishedAt};
//   PatientRecords.KeyShares(record, reader) → Vec<u8> (in review: { wrapped_key, attached_by, deposit }).
// Runtime API: PatientRecordsApi.records_of(patient, from, count), record(id), patient(account).

import type { ApiPromise } from '@polkadot/api';
import type { AddressOrPair, SubmittableExtrinsic } from '@polkadot/api/types';
import type { DispatchError, EventRecord } from '@polkadot/types/interfaces';
import type { Codec, ISubmittableResult, Signer } from '@polkadot/types/types';
import { hexToU8a, isHex, u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

import { equalBytes } from './bytes.js';
import { ChainError } from './errors.js';
import { isRecordCategory, type RecordCategory } from './fhir.js';
import type { EncryptionKeyring } from './keys.js';
import { accountId, parseShare, unwrapDataKey, wrapDataKey, type AccountLike } from './shares.js';

/** `PurposeOfUse` of `pallets/primitives`. */
export type PurposeOfUse = 'Treatment' | 'Referral' | 'Research' | 'PublicHealth' | 'Emergency';

export interface TxOptions {
  /** An injected signer (browser extension) when `account` is an address. */
  readonly signer?: Signer;
  /** Wait for finality rather than inclusion. */
  readonly finalized?: boolean;
  /**
   * Act for this account through a staff proxy (`proxy.proxy`): the signer is a nurse the
   * account made its `ClinicalStaff`. The inner call's failure rejects as if signed directly
   * (`System.CallFiltered` when the proxy does not cover it or has ended).
   */
  readonly asProxyFor?: string;
}

export interface TxResult {
  readonly blockHash: string;
  readonly events: EventRecord[];
}

/**
 * Signs, sends and waits for inclusion (or finality). A failed dispatch rejects with a
 * `ChainError` decoded from the metadata; a dropped or invalid transaction with
 * `ChainError('TransactionFailed')`.
 */
export async function submit(api: ApiPromise, tx: SubmittableExtrinsic<'promise'>, account: AddressOrPair, options: TxOptions = {}): Promise<TxResult> {
  // The nonce comes from the same lease as concurrent reads' access logs (`readRecords`), so a
  // transaction sent while they are on their way to the vault never takes one of their nonces.
  const address = typeof account === 'string' ? account : 'address' in account ? account.address : account.toString();
  const sent = options.asProxyFor === undefined ? tx : txFn(api, 'proxy', 'proxy')(options.asProxyFor, null, tx);
  const lease = await leaseNonces(api, address, 1);
  try {
    return await watch(api, options, (cb) => sent.signAndSend(account, { nonce: lease.first, ...(options.signer === undefined ? {} : { signer: options.signer }) }, cb));
  } finally {
    lease.release();
  }
}

/**
 * Sends an extrinsic signed earlier (0x hex: an offline clinic's queued work, `offline.ts`)
 * and waits as `submit` does, with the same errors.
 */
export function submitSigned(api: ApiPromise, signedHex: string, options: Pick<TxOptions, 'finalized'> = {}): Promise<TxResult> {
  let tx: SubmittableExtrinsic<'promise'>;
  try {
    tx = api.tx(signedHex);
  } catch (cause) {
    return Promise.reject(new ChainError(undefined, 'UndecodableExtrinsic', `The kept transaction cannot be read by this chain: ${String(cause)}`));
  }
  return watch(api, options, (cb) => tx.send(cb));
}

/** Follows a sent extrinsic to inclusion (or finality): the result, its dispatch error, or its refusal. */
function watch(
  api: ApiPromise,
  options: Pick<TxOptions, 'finalized' | 'asProxyFor'>,
  send: (callback: (result: ISubmittableResult) => void) => Promise<() => void>,
): Promise<TxResult> {
  return new Promise<TxResult>((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      unsubscribe?.();
      action();
    };
    send((result) => {
      const proxied = options.asProxyFor === undefined ? undefined : proxiedError(result.events);
      if (result.dispatchError !== undefined) {
        const error = ChainError.fromDispatchError(api.registry, result.dispatchError);
        settle(() => { reject(error); });
      } else if (proxied !== undefined && (result.status.isInBlock || result.status.isFinalized)) {
        settle(() => { reject(ChainError.fromDispatchError(api.registry, proxied)); });
      } else if (options.finalized === true ? result.status.isFinalized : result.status.isInBlock) {
        const blockHash = (options.finalized === true ? result.status.asFinalized : result.status.asInBlock).toHex();
        settle(() => { resolve({ blockHash, events: result.events }); });
      } else if (result.isError) {
        settle(() => { reject(new ChainError(undefined, 'TransactionFailed', `The transaction was not included: ${result.status.type}.`)); });
      }
    }).then(
      (unsub) => {
        if (settled) unsub();
        else unsubscribe = unsub;
      },
      (cause: unknown) => {
        settle(() => { reject(poolRefusal(cause)); });
      },
    );
  });
}

/** The inner call's error of a `proxy.proxy` that ran it, if it failed. */
function proxiedError(events: readonly EventRecord[]): DispatchError | undefined {
  const executed = events.find(({ event }) => event.section === 'proxy' && event.method === 'ProxyExecuted');
  const result = executed?.event.data[0] as unknown as { isErr: boolean; asErr: DispatchError } | undefined;
  return result?.isErr === true ? result.asErr : undefined;
}

/**
 * The `InvalidTransaction::Custom` code of a patient's free call over the daily limit
 * (`pallet_patient_records::FREE_CALLS_EXHAUSTED`).
 */
export const FREE_CALLS_EXHAUSTED = 1;

/**
 * A transaction the node refused before it reached a block, as a typed error:
 * `FreeCallsExhausted` (a patient's free calls for the period are used up), `CannotPayFees`
 * (the account cannot pay, e.g. it holds no tokens and is not a patient), or
 * `TransactionFailed` with the node's words.
 */
export function poolRefusal(cause: unknown): ChainError {
  const text = cause instanceof Error ? cause.message : String(cause);
  if (new RegExp(`Invalid Transaction: Custom error: ${FREE_CALLS_EXHAUSTED}\\b`).test(text)) {
    return new ChainError(undefined, 'FreeCallsExhausted', "This patient's free actions for today are used up; nothing was sent.");
  }
  if (/Inability to pay some fees/.test(text)) {
    return new ChainError(undefined, 'CannotPayFees', 'The account cannot pay the fees (it holds too little); nothing was sent.');
  }
  if (/Transaction is outdated|Priority is too low/.test(text)) {
    return new ChainError(undefined, 'NonceUsed', 'The account has sent another transaction with this number since this one was signed; nothing was sent.');
  }
  if (/Transaction has a bad signature/.test(text)) {
    return new ChainError(undefined, 'BadSignature', 'The signature does not match (the chain was upgraded since it was signed, or it was signed for another chain); nothing was sent.');
  }
  return new ChainError(undefined, 'TransactionFailed', `The transaction was refused: ${text}`);
}

/**
 * Nonces handed out to this process's concurrent transactions of one account (`submit`, and
 * the access logs of `readRecords`), so two never get the same one: the next is the chain's
 * next index (pool included) or past the last one handed out, whichever is later. Forgotten
 * once none is in use, so a nonce that never reached the chain does not hold back later ones
 * for good.
 */
const leases = new Map<string, { next: number; users: number }>();

export async function leaseNonces(api: ApiPromise, address: string, count: number): Promise<{ first: number; release: () => void }> {
  const onChain = Number((await api.rpc.system.accountNextIndex(address)).toString());
  const held = leases.get(address) ?? { next: 0, users: 0 };
  const first = Math.max(onChain, held.next);
  held.next = first + count;
  held.users += 1;
  leases.set(address, held);
  let released = false;
  return {
    first,
    release: () => {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users === 0 && leases.get(address) === held) leases.delete(address);
    },
  };
}

// The chain's pallets, calls and runtime APIs come from its metadata at run time; a missing one
// means a runtime this client does not support, reported as such rather than as a TypeError.
function txFn(api: ApiPromise, pallet: string, call: string): (...args: unknown[]) => SubmittableExtrinsic<'promise'> {
  const fn = api.tx[pallet]?.[call];
  if (fn === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', `The chain has no ${pallet}.${call} call.`);
  return fn;
}

function query(api: ApiPromise, pallet: string, item: string): (...args: unknown[]) => Promise<Codec> {
  const fn = api.query[pallet]?.[item];
  if (fn === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', `The chain has no ${pallet}.${item} storage.`);
  return fn;
}

function runtimeCall(api: ApiPromise, section: string, method: string): (...args: unknown[]) => Promise<Codec> {
  const fn = api.call[section]?.[method];
  if (fn === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', `The chain has no ${section}.${method} runtime API.`);
  return fn;
}

function findEvent(events: readonly EventRecord[], section: string, method: string): Codec[] {
  const found = events.find(({ event }) => event.section === section && event.method === method);
  if (found === undefined) throw new ChainError(undefined, 'MissingEvent', `The chain did not report ${section}.${method}.`);
  return [...found.event.data];
}

const asBigInt = (value: unknown): bigint => {
  if (typeof value === 'number' || typeof value === 'bigint') return BigInt(value);
  if (typeof value === 'string') return BigInt(value); // decimal or 0x-hex, as toJSON gives large ints
  throw new ChainError(undefined, 'UnexpectedShape', 'The chain returned a number in an unexpected form.');
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function textField(value: unknown, name: string): string {
  if (typeof value === 'string') return value;
  throw new ChainError(undefined, 'UnexpectedShape', `The chain returned ${name} in an unexpected form.`);
}

function bytesField(value: unknown, name: string): Uint8Array {
  if (typeof value === 'string' && isHex(value)) return hexToU8a(value);
  throw new ChainError(undefined, 'UnexpectedShape', `The chain returned ${name} in an unexpected form.`);
}

// ---------------------------------------------------------------------------------------------
// Encryption keys

export interface PublishedKey {
  readonly key: Uint8Array;
  readonly version: number;
  readonly publishedAt: number;
}

/** The account's current key in `Registry.EncryptionKeys`, or `null` if it never published one. */
export async function getEncryptionKey(api: ApiPromise, account: AccountLike): Promise<PublishedKey | null> {
  const raw = (await query(api, 'registry', 'encryptionKeys')(accountId(account))).toJSON();
  if (raw === null) return null;
  if (!isObject(raw)) throw new ChainError(undefined, 'UnexpectedShape', 'Unexpected encryption key record.');
  return { key: bytesField(raw.key, 'key'), version: Number(raw.version), publishedAt: Number(raw.publishedAt) };
}

/**
 * Publishes the keyring's version-0 key if the account has none. If a key is published
 * already, checks it is this keyring's key of that version (so shares made for it can be
 * opened) and does nothing; a key derived some other way is refused: rotate to replace it.
 */
export async function publishEncryptionKey(api: ApiPromise, account: AddressOrPair, keyring: EncryptionKeyring, options: TxOptions = {}): Promise<{ version: number; published: boolean }> {
  const current = await getEncryptionKey(api, keyring.account);
  if (current !== null) {
    if (equalBytes(current.key, keyring.keyAt(current.version).publicKey)) return { version: current.version, published: false };
    throw new ChainError(undefined, 'ForeignEncryptionKey', 'The published encryption key was not derived from this account; rotate it to replace it.');
  }
  const version = await publishVersion(api, account, keyring, 0, options);
  return { version, published: true };
}

/**
 * Rotates to the next version: the chain retires the current key under its version, and the
 * keyring can still re-derive it to open the shares that name it until they are re-wrapped
 * (`rewrapOwnShares`).
 */
export async function rotateEncryptionKey(api: ApiPromise, account: AddressOrPair, keyring: EncryptionKeyring, options: TxOptions = {}): Promise<{ version: number }> {
  const current = await getEncryptionKey(api, keyring.account);
  const next = current === null ? 0 : current.version + 1;
  return { version: await publishVersion(api, account, keyring, next, options) };
}

async function publishVersion(api: ApiPromise, account: AddressOrPair, keyring: EncryptionKeyring, version: number, options: TxOptions): Promise<number> {
  const { events } = await submit(api, txFn(api, 'registry', 'publishEncryptionKey')(keyring.keyAt(version).publicKey), account, options);
  const published = Number(findEvent(events, 'registry', 'EncryptionKeyPublished')[2]?.toString());
  // The chain numbers versions itself; had another client of this account published in
  // between, the key we derived for `version` would sit under another number and be stranded.
  if (published !== version) {
    throw new ChainError(undefined, 'KeyVersionRace', `The key derived for version ${version} was recorded as version ${published}; rotate again.`);
  }
  return published;
}

// ---------------------------------------------------------------------------------------------
// Anchors

export interface AnchorArgs {
  readonly patient: AccountLike;
  readonly category: RecordCategory;
  /** blake2-256 of the whole ciphertext. */
  readonly contentHash: Uint8Array;
  /**
   * Where the ciphertext is kept. Runtimes up to now take a free-form `locator` (URI or content
   * id, ≤ 256 bytes); the next one (in review) takes the `vault` organisation id instead and
   * addresses the ciphertext by its hash. Give whichever the connected runtime's call has; the
   * call's metadata decides which is sent.
   */
  readonly locator?: string | Uint8Array;
  readonly vault?: number;
  readonly sizeBytes: number | bigint;
  /** The record this one amends. */
  readonly amends?: bigint | number;
}

// `Vec<u8>` arguments go to polkadot.js as hex: a Uint8Array would be taken as already
// SCALE-encoded (length-prefixed) bytes and misread.
const vecU8 = (bytes: Uint8Array): string => u8aToHex(bytes);

/** The storage argument of an anchor call, in the form the runtime's metadata asks for. */
function storageArg(api: ApiPromise, call: string, args: AnchorArgs): string | number {
  const names = api.tx.patientRecords?.[call]?.meta.args.map((a) => a.name.toString()) ?? [];
  if (names.includes('vault')) {
    if (args.vault === undefined) throw new ChainError(undefined, 'MissingArgument', 'This chain stores records by vault: give the vault organisation id.');
    return args.vault;
  }
  if (args.locator === undefined) throw new ChainError(undefined, 'MissingArgument', 'This chain stores records by locator: give the locator.');
  return vecU8(typeof args.locator === 'string' ? new TextEncoder().encode(args.locator) : args.locator);
}

/** The new record's id in the events of an anchor call. */
export function anchoredId(events: readonly EventRecord[]): bigint {
  return BigInt(findEvent(events, 'patientRecords', 'RecordAnchored')[0]?.toString() ?? 'x');
}

/** The anchor call, not signed: `anchorRecord` for organisation `org`'s record, `anchorSelfReportedRecord` when `org` is null. */
export function anchorCall(api: ApiPromise, args: AnchorArgs, org: number | null): SubmittableExtrinsic<'promise'> {
  if (org === null) {
    return txFn(api, 'patientRecords', 'anchorSelfReportedRecord')(
      accountId(args.patient), args.category, args.contentHash, storageArg(api, 'anchorSelfReportedRecord', args), args.sizeBytes, args.amends ?? null,
    );
  }
  return txFn(api, 'patientRecords', 'anchorRecord')(
    accountId(args.patient), org, args.category, args.contentHash, storageArg(api, 'anchorRecord', args), args.sizeBytes, args.amends ?? null,
  );
}

/** A practitioner anchors a record for `org`; returns the new record id. */
export async function anchorRecord(api: ApiPromise, account: AddressOrPair, args: AnchorArgs & { readonly org: number }, options: TxOptions = {}): Promise<bigint> {
  return anchoredId((await submit(api, anchorCall(api, args, args.org), account, options)).events);
}

/** The patient (or guardian) anchors self-reported data; returns the new record id. */
export async function anchorSelfReportedRecord(api: ApiPromise, account: AddressOrPair, args: AnchorArgs, options: TxOptions = {}): Promise<bigint> {
  return anchoredId((await submit(api, anchorCall(api, args, null), account, options)).events);
}

// ---------------------------------------------------------------------------------------------
// Key shares

export interface ShareToAttach {
  readonly reader: AccountLike;
  readonly purpose: PurposeOfUse;
  readonly share: Uint8Array;
}

/** Attaches shares of one record, all in one `utility.batchAll` so none lands without the rest. */
export async function attachKeyShares(api: ApiPromise, account: AddressOrPair, recordId: bigint | number, shares: readonly ShareToAttach[], options: TxOptions = {}): Promise<TxResult> {
  const calls = shares.map((s) => txFn(api, 'patientRecords', 'attachKeyShare')(recordId, accountId(s.reader), s.purpose, vecU8(s.share)));
  const [only] = calls;
  const tx = calls.length === 1 && only !== undefined ? only : txFn(api, 'utility', 'batchAll')(calls);
  return submit(api, tx, account, options);
}

/** Readers (deduplicated) who have published no encryption key: check before anchoring. */
export async function readersWithoutKeys(api: ApiPromise, readers: readonly AccountLike[]): Promise<string[]> {
  const missing: string[] = [];
  for (const reader of dedupe(readers)) if ((await getEncryptionKey(api, reader)) === null) missing.push(encodeAddress(reader));
  return missing;
}

function dedupe(readers: readonly AccountLike[]): Uint8Array[] {
  const seen = new Map<string, Uint8Array>();
  for (const r of readers) {
    const id = accountId(r);
    seen.set(u8aToHex(id), id);
  }
  return [...seen.values()];
}

/** Wraps a record's data key for each reader's current published key. */
export async function wrapForReaders(api: ApiPromise, recordId: bigint | number, dataKey: Uint8Array, readers: readonly AccountLike[], purpose: PurposeOfUse): Promise<ShareToAttach[]> {
  const missing = await readersWithoutKeys(api, readers);
  if (missing.length > 0) {
    throw new ChainError(undefined, 'NoEncryptionKey', `These accounts have published no encryption key: ${missing.join(', ')}.`);
  }
  const out: ShareToAttach[] = [];
  for (const reader of dedupe(readers)) {
    const key = await getEncryptionKey(api, reader);
    if (key === null) continue; // checked above
    out.push({ reader, purpose, share: await wrapDataKey(dataKey, { recordId, reader, publicKey: key.key, keyVersion: key.version }) });
  }
  return out;
}

/**
 * After anchoring: wraps the data key for the patient, the patient's guardian (if any) and
 * the author, and attaches the shares in one transaction.
 */
export async function attachCareShares(
  api: ApiPromise,
  account: AddressOrPair,
  args: { readonly recordId: bigint | number; readonly dataKey: Uint8Array; readonly patient: AccountLike; readonly author: AccountLike; readonly purpose?: PurposeOfUse },
  options: TxOptions = {},
): Promise<TxResult> {
  const info = await patientInfo(api, args.patient);
  const readers = [args.patient, ...(info?.guardian === undefined ? [] : [info.guardian]), args.author];
  const shares = await wrapForReaders(api, args.recordId, args.dataKey, readers, args.purpose ?? 'Treatment');
  return attachKeyShares(api, account, args.recordId, shares, options);
}

/** The share of `recordId` wrapped for `reader`, or `null`. */
export async function readKeyShare(api: ApiPromise, recordId: bigint | number, reader: AccountLike): Promise<Uint8Array | null> {
  const raw = (await query(api, 'patientRecords', 'keyShares')(recordId, accountId(reader))).toJSON();
  if (raw === null) return null;
  // The stored value is the wrapped key itself, or (next runtime) { wrappedKey, attachedBy, deposit }.
  return bytesField(isObject(raw) ? raw.wrappedKey : raw, 'key share');
}

/** Reads and opens the keyring owner's share of a record: the record's data key. */
export async function readDataKey(api: ApiPromise, recordId: bigint | number, keyring: EncryptionKeyring): Promise<Uint8Array> {
  const share = await readKeyShare(api, recordId, keyring.account);
  if (share === null) throw new ChainError(undefined, 'NoKeyShare', `You have no key for record ${recordId}.`);
  return unwrapDataKey(share, { recordId, reader: keyring.account }, keyring);
}

/**
 * Shares a record the caller can open with a reader newly given access (e.g. a consented
 * specialist): the chain checks that the reader may read it for `purpose`.
 */
export async function shareWithReader(
  api: ApiPromise,
  account: AddressOrPair,
  keyring: EncryptionKeyring,
  args: { readonly recordId: bigint | number; readonly reader: AccountLike; readonly purpose: PurposeOfUse },
  options: TxOptions = {},
): Promise<TxResult> {
  const dataKey = await readDataKey(api, args.recordId, keyring);
  const shares = await wrapForReaders(api, args.recordId, dataKey, [args.reader], args.purpose);
  return attachKeyShares(api, account, args.recordId, shares, options);
}

/**
 * After a rotation: re-wraps the caller's own shares of these records that still name an
 * older key version to the current one. Returns the records re-wrapped.
 */
export async function rewrapOwnShares(
  api: ApiPromise,
  account: AddressOrPair,
  keyring: EncryptionKeyring,
  recordIds: readonly (bigint | number)[],
  purpose: PurposeOfUse = 'Treatment',
  options: TxOptions = {},
): Promise<bigint[]> {
  const current = await getEncryptionKey(api, keyring.account);
  if (current === null) throw new ChainError(undefined, 'NoEncryptionKey', 'You have published no encryption key.');
  const calls: SubmittableExtrinsic<'promise'>[] = [];
  const done: bigint[] = [];
  for (const recordId of recordIds) {
    const share = await readKeyShare(api, recordId, keyring.account);
    if (share === null || parseShare(share).keyVersion === current.version) continue;
    const dataKey = await unwrapDataKey(share, { recordId, reader: keyring.account }, keyring);
    const fresh = await wrapDataKey(dataKey, { recordId, reader: keyring.account, publicKey: current.key, keyVersion: current.version });
    calls.push(txFn(api, 'patientRecords', 'attachKeyShare')(recordId, keyring.account, purpose, vecU8(fresh)));
    done.push(BigInt(recordId));
  }
  if (calls.length > 0) await submit(api, txFn(api, 'utility', 'batchAll')(calls), account, options);
  return done;
}

/** Logs an access (every read should be logged; the patient sees it as an event). */
export async function logAccess(api: ApiPromise, account: AddressOrPair, recordId: bigint | number, purpose: PurposeOfUse, options: TxOptions = {}): Promise<TxResult> {
  return submit(api, txFn(api, 'patientRecords', 'logAccess')(recordId, purpose), account, options);
}

// ---------------------------------------------------------------------------------------------
// Reads through the runtime API

export interface RecordAnchorView {
  readonly id: bigint;
  readonly patient: string;
  readonly author: string;
  readonly organisation: number | null;
  readonly category: RecordCategory;
  readonly contentHash: Uint8Array;
  /** The free-form locator (runtimes that store one), else `null`. */
  readonly locator: Uint8Array | null;
  /** The vault organisation (runtimes that store one), else `null`. */
  readonly vault: number | null;
  readonly sizeBytes: bigint;
  readonly timestampMs: bigint;
  readonly block: number;
  readonly amends: bigint | null;
  readonly supersededBy: bigint | null;
  readonly selfReported: boolean;
  readonly index: bigint;
}

function anchorView(id: bigint, raw: unknown): RecordAnchorView {
  if (!isObject(raw) || !isRecordCategory(raw.category)) throw new ChainError(undefined, 'UnexpectedShape', 'Unexpected record anchor.');
  const optBig = (v: unknown): bigint | null => (v === null || v === undefined ? null : asBigInt(v));
  return {
    id,
    patient: textField(raw.patient, 'patient'),
    author: textField(raw.author, 'author'),
    organisation: raw.organisation === null || raw.organisation === undefined ? null : Number(raw.organisation),
    category: raw.category,
    contentHash: bytesField(raw.contentHash, 'content hash'),
    locator: raw.locator === undefined || raw.locator === null ? null : bytesField(raw.locator, 'locator'),
    vault: raw.vault === undefined || raw.vault === null ? null : Number(raw.vault),
    sizeBytes: asBigInt(raw.sizeBytes),
    timestampMs: asBigInt(raw.timestampMs),
    block: Number(raw.block),
    amends: optBig(raw.amends),
    supersededBy: optBig(raw.supersededBy),
    selfReported: raw.selfReported === true,
    index: asBigInt(raw.index),
  };
}

/** A page of the patient's records in time order (`PatientRecordsApi.records_of`). */
export async function recordsOf(api: ApiPromise, patient: AccountLike, from = 0, count = 100): Promise<RecordAnchorView[]> {
  const raw = (await runtimeCall(api, 'patientRecordsApi', 'recordsOf')(accountId(patient), from, count)).toJSON();
  if (!Array.isArray(raw)) throw new ChainError(undefined, 'UnexpectedShape', 'Unexpected records page.');
  return raw.map((entry: unknown) => {
    if (!Array.isArray(entry)) throw new ChainError(undefined, 'UnexpectedShape', 'Unexpected records page entry.');
    const [id, anchor] = entry as [unknown, unknown];
    return anchorView(asBigInt(id), anchor);
  });
}

/** One record by id (`PatientRecordsApi.record`), or `null`. */
export async function getRecord(api: ApiPromise, recordId: bigint | number): Promise<RecordAnchorView | null> {
  const raw = (await runtimeCall(api, 'patientRecordsApi', 'record')(recordId)).toJSON();
  return raw === null ? null : anchorView(BigInt(recordId), raw);
}

export interface PatientView {
  readonly guardian?: string;
  readonly recordCount: bigint;
  readonly accessCount: bigint;
}

/** A patient's registration (`PatientRecordsApi.patient`), or `null`. */
/**
 * A practitioner of care organisation `org` enrols `patient` (an account the patient holds,
 * usually shown as a QR code on their phone) as a patient managing their own records. The
 * practitioner pays the deposit; the patient needs no tokens, now or later: their own calls
 * are free up to a daily limit (`freeCallAllowance`).
 */
export async function registerPatientFor(api: ApiPromise, account: AddressOrPair, args: { readonly patient: AccountLike; readonly org: number }, options: TxOptions = {}): Promise<TxResult> {
  return submit(api, txFn(api, 'patientRecords', 'registerPatientFor')(accountId(args.patient), args.org), account, options);
}

// ---------------------------------------------------------------------------------------------
// Staff proxies (pallet-proxy, the runtime's `ProxyType::ClinicalStaff { until }`)

export interface StaffProxyView {
  /** The staff member's account. */
  readonly staff: string;
  /** The account the staff member acts for. */
  readonly employer: string;
  /** The first block the proxy no longer acts in. */
  readonly until: number;
}

function staffProxies(employer: string, raw: unknown): StaffProxyView[] {
  const list: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : undefined;
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).flatMap((entry) => {
    if (!isObject(entry) || typeof entry.delegate !== 'string' || !isObject(entry.proxyType)) return [];
    const staff = entry.proxyType.clinicalStaff;
    if (!isObject(staff)) return [];
    return [{ staff: entry.delegate, employer, until: Number(staff.until) }];
  });
}

/** The staff `employer` gave a `ClinicalStaff` proxy, ended ones included (compare `until`). */
export async function staffOf(api: ApiPromise, employer: AccountLike): Promise<StaffProxyView[]> {
  const address = encodeAddress(accountId(employer));
  return staffProxies(address, (await query(api, 'proxy', 'proxies')(address)).toJSON());
}

/**
 * The accounts `staff` acts for. The chain indexes proxies by the account acted for, so this
 * reads every account's proxies: fine for a county, as the guardians' `wardsOf` is.
 */
export async function employersOf(api: ApiPromise, staff: AccountLike): Promise<StaffProxyView[]> {
  const address = encodeAddress(accountId(staff));
  const entries = await (api.query.proxy?.proxies?.entries() ?? Promise.resolve([]));
  return entries.flatMap(([key, value]) => staffProxies(key.args[0]?.toString() ?? '', value.toJSON())).filter((p) => p.staff === address);
}

/** The signer makes `staff` its clinical staff until block `until` (it holds the proxy deposit). */
export async function addStaffProxy(api: ApiPromise, account: AddressOrPair, args: { readonly staff: AccountLike; readonly until: number }, options: TxOptions = {}): Promise<TxResult> {
  return submit(api, txFn(api, 'proxy', 'addProxy')(accountId(args.staff), { ClinicalStaff: { until: args.until } }, 0), account, options);
}

/** The signer removes a staff proxy (one call; the deposit comes back). */
export async function removeStaffProxy(api: ApiPromise, account: AddressOrPair, args: { readonly staff: AccountLike; readonly until: number }, options: TxOptions = {}): Promise<TxResult> {
  return submit(api, txFn(api, 'proxy', 'removeProxy')(accountId(args.staff), { ClinicalStaff: { until: args.until } }, 0), account, options);
}

export interface FreeCallAllowance {
  /** Free calls used in the current period. */
  readonly used: number;
  /** Free calls per period. */
  readonly limit: number;
  /** The block a new period can begin from, or `null` if no period is running. */
  readonly renewsAt: number | null;
}

/**
 * How many of a patient's free calls are used in the current period, or `null` if the
 * connected runtime has no free calls. The limit counts calls included in blocks; a call
 * beyond it is refused by the node (`FreeCallsExhausted`).
 */
export async function freeCallAllowance(api: ApiPromise, patient: AccountLike): Promise<FreeCallAllowance | null> {
  const consts = api.consts.patientRecords;
  const used = api.query.patientRecords?.freeCallsUsed;
  if (consts?.freeCallsPerPeriod === undefined || consts.freeCallPeriod === undefined || used === undefined) return null;
  const limit = Number(consts.freeCallsPerPeriod.toString());
  const period = Number(consts.freeCallPeriod.toString());
  const [raw, now] = await Promise.all([used(accountId(patient)), query(api, 'system', 'number')()]);
  const usage = raw.toJSON();
  if (!isObject(usage)) return { used: 0, limit, renewsAt: null };
  const renewsAt = Number(usage.periodStart) + period;
  if (Number(now.toString()) >= renewsAt) return { used: 0, limit, renewsAt: null };
  return { used: Number(usage.used), limit, renewsAt };
}

export async function patientInfo(api: ApiPromise, patient: AccountLike): Promise<PatientView | null> {
  const raw = (await runtimeCall(api, 'patientRecordsApi', 'patient')(accountId(patient))).toJSON();
  if (raw === null) return null;
  if (!isObject(raw)) throw new ChainError(undefined, 'UnexpectedShape', 'Unexpected patient record.');
  const base = { recordCount: asBigInt(raw.recordCount), accessCount: asBigInt(raw.accessCount) };
  return raw.guardian === null || raw.guardian === undefined ? base : { ...base, guardian: textField(raw.guardian, 'guardian') };
}
