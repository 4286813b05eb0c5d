// Work done without a connection (a village clinic offline for days), kept on the device and
// sent, in the order it was done, when the node and the vault can be reached again.
//
// Every chain action is signed when it is done, as an immortal transaction (era 0): a mortal
// one cannot outlive `BlockHashCount` blocks (about 4 hours), and no era covers a week. An
// immortal transaction stays valid until its nonce is used, so each one takes the nonce after
// the signer's last known one and those of its queued items; a transaction can be replayed
// only if its account's nonce went back to 0, which needs the account reaped, and registered
// patients and practitioners hold a provider reference or a deposit (docs/rural-operation.md).
//
// A record keeps its ciphertext and its data key, wrapped (HPKE) to the author's own
// encryption key, until it is uploaded, anchored and its key shares attached; the shares
// need the record id the chain gives, so they are signed when it is known.
//
// `sendOutbox` sends the waiting items oldest first. One that can no longer apply (the patient
// stopped the clinic's access meanwhile, the chain refuses it) is set aside with the reason and
// its data, and the rest go on: a nonce left unused by it, or taken by the account's work
// elsewhere, is mended by signing the next item again with the chain's nonce (an item signed by
// another account than the one sending is set aside instead, for its signer to redo).

import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';

import { anchorCall, anchoredId, attachCareShares, patientInfo, recordsOf, submitSigned, type PurposeOfUse, type TxResult } from './chain.js';
import { ChainError } from './errors.js';
import type { FhirResource, RecordCategory } from './fhir.js';
import type { EncryptionKeyring } from './keys.js';
import { openRecord } from './record.js';
import { sealWriteArgs, txAccount, vaultSignerOf, type Actor, type WriteRecordArgs } from './records.js';
import { unwrapDataKey, wrapDataKey, type ShareContext } from './shares.js';
import { blobHash, VaultError, type VaultClient } from './vault.js';

/** `waiting` to be sent; `setAside` refused, kept with its reason for the user; `sent` landed. */
export type OutboxState = 'waiting' | 'setAside' | 'sent';

/** A record written offline: what it takes to upload, anchor and share it, and how far it got. */
export interface QueuedRecord {
  readonly patient: string;
  /** The organisation it is written for (absent: self-reported). */
  readonly org?: number;
  readonly category: RecordCategory;
  readonly ciphertext: Uint8Array;
  readonly contentHash: `0x${string}`;
  readonly sizeBytes: number;
  /** The data key wrapped to the author's own encryption key (version 0), for the shares. */
  readonly keyForAuthor: Uint8Array;
  /** Whether the vault has taken it (it is uploaded again before anchoring all the same). */
  readonly uploaded: boolean;
  /** The chain's id once anchored (decimal). */
  readonly recordId?: string;
}

export interface OutboxItem {
  /** Sortable: the order the work was done in. */
  readonly id: string;
  /** What it is, for the app's words: `record`, `consent`, or another action. */
  readonly kind: string;
  /** Who it is about or for (the patient's or grantee's account), for the app to name. */
  readonly subject: string;
  readonly createdAt: number;
  /** The account that signed `signed`. */
  readonly signer: string;
  readonly nonce: number;
  /** The signed extrinsic (immortal), 0x hex. */
  readonly signed: `0x${string}`;
  /** Its call, to sign again with another nonce. */
  readonly call: `0x${string}`;
  readonly record?: QueuedRecord;
  /** After a consent to one practitioner lands: give them the keys of the patient's records. */
  readonly shareWith?: { readonly patient: string; readonly reader: string; readonly purpose: PurposeOfUse };
  readonly state: OutboxState;
  /** Why it was set aside (a `ChainError`/`VaultError` code and its words). */
  readonly reason?: { readonly code: string; readonly message: string };
  readonly sentAt?: number;
  readonly blockHash?: string;
}

/** Where the outbox is kept: IndexedDB in the web app, memory in tests. */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
  getMeta(key: string): Promise<number | null>;
  setMeta(key: string, value: number): Promise<void>;
}

/** An `OutboxStore` in memory (one process's life). */
export class MemoryOutboxStore implements OutboxStore {
  readonly #items = new Map<string, OutboxItem>();
  readonly #meta = new Map<string, number>();
  all(): Promise<OutboxItem[]> { return Promise.resolve([...this.#items.values()]); }
  put(item: OutboxItem): Promise<void> { this.#items.set(item.id, item); return Promise.resolve(); }
  remove(id: string): Promise<void> { this.#items.delete(id); return Promise.resolve(); }
  getMeta(key: string): Promise<number | null> { return Promise.resolve(this.#meta.get(key) ?? null); }
  setMeta(key: string, value: number): Promise<void> { this.#meta.set(key, value); return Promise.resolve(); }
}

/** The items in the order they were done. */
export async function outboxItems(store: OutboxStore): Promise<OutboxItem[]> {
  return (await store.all()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** "3 unsent, 1 set aside, last sent at …". */
export interface OutboxSummary {
  readonly waiting: number;
  readonly setAside: number;
  readonly sent: number;
  /** When the outbox last reached the chain (ms), or null. */
  readonly lastSync: number | null;
}

export async function outboxSummary(store: OutboxStore): Promise<OutboxSummary> {
  const items = await store.all();
  const count = (state: OutboxState): number => items.filter((i) => i.state === state).length;
  return { waiting: count('waiting'), setAside: count('setAside'), sent: count('sent'), lastSync: await store.getMeta(LAST_SYNC) };
}

const LAST_SYNC = 'lastSync';
const nonceKey = (address: string): string => `nonce:${address}`;

/**
 * Notes the account's next nonce as the chain gave it (call it while online), so work signed
 * offline later takes the nonces after it.
 */
export async function noteChainNonce(store: OutboxStore, address: string, nonce: number): Promise<void> {
  await store.setMeta(nonceKey(address), nonce);
}

// Items signed in this process are numbered one at a time, so two never take one nonce.
let signing: Promise<unknown> = Promise.resolve();
let counter = 0;

async function nextNonce(store: OutboxStore, address: string): Promise<number> {
  const known = (await store.getMeta(nonceKey(address))) ?? 0;
  const queued = (await store.all()).filter((i) => i.signer === address && i.state === 'waiting').map((i) => i.nonce + 1);
  return Math.max(known, ...queued);
}

/** Signs `tx` immortal with `nonce`: nothing is asked of the node. */
async function signImmortal(api: ApiPromise, tx: SubmittableExtrinsic<'promise'>, actor: Actor, nonce: number): Promise<`0x${string}`> {
  const { account, options } = txAccount(actor);
  await tx.signAsync(account, { nonce, era: 0, ...(options.signer === undefined ? {} : { signer: options.signer }) });
  return tx.toHex();
}

function newId(): string {
  counter = (counter + 1) % 1000;
  return `${Date.now().toString().padStart(15, '0')}-${counter.toString().padStart(3, '0')}`;
}

/**
 * Signs `tx` now (immortal, the signer's next nonce) and keeps it to send later. `kind` and
 * `subject` are for the app to describe it; `shareWith` is done after it lands.
 */
export function queueCall(
  api: ApiPromise,
  store: OutboxStore,
  actor: Actor,
  tx: SubmittableExtrinsic<'promise'>,
  what: { readonly kind: string; readonly subject: string; readonly shareWith?: OutboxItem['shareWith']; readonly record?: QueuedRecord },
): Promise<OutboxItem> {
  const work = signing.then(async () => {
    const call = tx.method.toHex();
    const nonce = await nextNonce(store, actor.address);
    const signed = await signImmortal(api, tx, actor, nonce);
    const item: OutboxItem = {
      id: newId(), kind: what.kind, subject: what.subject, createdAt: Date.now(), signer: actor.address, nonce, signed, call, state: 'waiting',
      ...(what.shareWith === undefined ? {} : { shareWith: what.shareWith }),
      ...(what.record === undefined ? {} : { record: what.record }),
    };
    await store.put(item);
    return item;
  });
  signing = work.catch(() => undefined);
  return work;
}

/** The share context of a data key kept for its author before the record has an id. */
const keptKeyContext = (author: string): ShareContext => ({ recordId: 0xffff_ffff_ffff_ffffn, reader: author });

/**
 * Encrypts a record and keeps it, with its anchor signed, to upload, anchor and share when
 * online (as `writeRecord` does then). Nothing is asked of the node or the vault. The checks
 * that need the chain (the patient is registered, every reader has a key) are made when it is
 * sent; a failure then sets it aside.
 */
export async function queueRecord(api: ApiPromise, store: OutboxStore, author: Actor, keyring: EncryptionKeyring, args: WriteRecordArgs): Promise<OutboxItem> {
  const sealed = sealWriteArgs(args);
  const own = keyring.keyAt(0);
  const keyForAuthor = await wrapDataKey(sealed.dataKey, { ...keptKeyContext(author.address), publicKey: own.publicKey, keyVersion: own.version });
  const hash = u8aToHex(sealed.contentHash);
  const tx = anchorCall(api, {
    patient: args.patient, category: args.category, contentHash: sealed.contentHash, sizeBytes: sealed.sizeBytes,
    vault: args.vaultOrg, locator: `vault:${hash}`, ...(args.amends === undefined ? {} : { amends: args.amends }),
  }, args.org ?? null);
  return queueCall(api, store, author, tx, {
    kind: 'record', subject: args.patient,
    record: {
      patient: args.patient, category: args.category, ciphertext: sealed.ciphertext, contentHash: hash, sizeBytes: sealed.sizeBytes, keyForAuthor, uploaded: false,
      ...(args.org === undefined ? {} : { org: args.org }),
    },
  });
}

/** Opens a kept record for its author (to read it again, or to redo it when it was set aside). */
export async function openQueuedRecord(record: QueuedRecord, author: string, keyring: EncryptionKeyring): Promise<FhirResource> {
  const dataKey = await unwrapDataKey(record.keyForAuthor, keptKeyContext(author), keyring);
  return openRecord(record.ciphertext, dataKey, { contentHash: hexToU8a(record.contentHash), category: record.category });
}

export interface SendReport {
  readonly sent: number;
  readonly setAside: number;
  /** Still waiting: the connection dropped, or they need their signer signed in. */
  readonly waiting: number;
}

export interface SendOptions {
  /** After an item lands (e.g. share record keys with the practitioner a consent names). */
  readonly afterSent?: (item: OutboxItem) => Promise<void>;
  /** Told of every change of an item, for the screen. */
  readonly onChange?: (item: OutboxItem) => void;
}

/**
 * Sends the waiting items oldest first, as `actor` (who signs vault requests, key shares and
 * any item signed again). Returns what happened; stops early, leaving the rest waiting, when the
 * node or the vault cannot be reached.
 */
export async function sendOutbox(api: ApiPromise, vault: VaultClient, store: OutboxStore, actor: Actor, keyring: EncryptionKeyring, options: SendOptions = {}): Promise<SendReport> {
  let sent = 0;
  let setAside = 0;
  for (let item of await outboxItems(store)) {
    if (item.state !== 'waiting') continue;
    // A record's upload and shares are signed by its author, so it waits for them.
    if (item.signer !== actor.address && (item.record !== undefined || item.shareWith !== undefined)) continue;
    // How far it got, kept with the reason if it is set aside.
    let latest = item;
    const save = async (next: OutboxItem): Promise<OutboxItem> => {
      await store.put(next);
      options.onChange?.(next);
      latest = next;
      return next;
    };
    try {
      item = await sendItem(api, vault, actor, keyring, item, save);
      if (options.afterSent !== undefined) await options.afterSent(item);
      await save({ ...item, state: 'sent', sentAt: Date.now() });
      await store.setMeta(LAST_SYNC, Date.now());
      sent += 1;
    } catch (error) {
      if (isConnectionLoss(error)) break;
      const code = error instanceof ChainError ? error.code : error instanceof VaultError ? `vault.${error.code}` : 'Failed';
      const message = error instanceof Error ? error.message : String(error);
      await save({ ...latest, state: 'setAside', reason: { code, message } });
      setAside += 1;
    }
  }
  // Known for the next offline work; without an answer, the last noted one stands.
  await accountNonce(api, actor.address).then((nonce) => noteChainNonce(store, actor.address, nonce), () => undefined);
  const waiting = (await store.all()).filter((i) => i.state === 'waiting').length;
  return { sent, setAside, waiting };
}

/** The node or the vault did not answer: the item stays waiting. */
function isConnectionLoss(error: unknown): boolean {
  if (error instanceof VaultError) return error.status >= 500 || ['vault_unreachable', 'timeout'].includes(error.code);
  if (error instanceof ChainError) return error.error === 'NoAnswer';
  // polkadot.js rejects RPC calls on a closed socket with a plain Error.
  return error instanceof Error && /disconnected|not connected|WebSocket is not connected|No response received/i.test(error.message);
}

async function sendItem(
  api: ApiPromise,
  vault: VaultClient,
  actor: Actor,
  keyring: EncryptionKeyring,
  start: OutboxItem,
  save: (item: OutboxItem) => Promise<OutboxItem>,
): Promise<OutboxItem> {
  let item = start;
  const record = item.record;
  // Uploaded again right before anchoring, even if it was before (the vault answers "existing"):
  // an upload left unanchored for days may have been swept, and an anchor is never sent
  // without the vault holding its ciphertext.
  if (record !== undefined && record.recordId === undefined) {
    const uploaded = await vault.upload(vaultSignerOf(actor), {
      ciphertext: record.ciphertext, patient: record.patient, category: record.category, ...(record.org === undefined ? {} : { organisation: record.org }),
    });
    if (blobHash(uploaded.hash) !== record.contentHash) {
      throw new VaultError(201, 'bad_response', `The vault named the upload ${uploaded.hash}, not its blake2-256 ${record.contentHash}.`);
    }
    item = await save({ ...item, record: { ...record, uploaded: true } });
  }
  if (item.record?.recordId === undefined) {
    const landed = await sendSigned(api, actor, item, save);
    item = await save({
      ...landed.item,
      ...(landed.blockHash === null ? {} : { blockHash: landed.blockHash }),
      ...(landed.item.record === undefined || landed.recordId === null ? {} : { record: { ...landed.item.record, recordId: landed.recordId.toString() } }),
    });
  }
  const kept = item.record;
  if (kept?.recordId !== undefined) {
    const recordId = BigInt(kept.recordId);
    await vault.markAnchored(vaultSignerOf(actor), kept.contentHash, recordId);
    const dataKey = await unwrapDataKey(kept.keyForAuthor, keptKeyContext(item.signer), keyring);
    const { account, options } = txAccount(actor);
    await attachCareShares(api, account, { recordId, dataKey, patient: kept.patient, author: item.signer }, options);
  }
  return item;
}

/**
 * Sends the item's signed extrinsic. When its nonce is no longer the account's next one (an
 * earlier item was set aside, or the account sent other work meanwhile) or the chain no
 * longer accepts its signature (a runtime upgrade), `actor` signs its call again if it is the
 * signer; otherwise it is set aside for its signer to redo.
 */
async function sendSigned(
  api: ApiPromise,
  actor: Actor,
  start: OutboxItem,
  save: (item: OutboxItem) => Promise<OutboxItem>,
): Promise<{ item: OutboxItem; blockHash: string | null; recordId: bigint | null }> {
  let item = start;
  const isRecord = item.record !== undefined;
  const landed = (result: TxResult): { item: OutboxItem; blockHash: string; recordId: bigint | null } => (
    { item, blockHash: result.blockHash, recordId: isRecord ? anchoredId(result.events) : null });
  const chainNonce = await accountNonce(api, item.signer);
  if (item.nonce !== chainNonce) {
    // An earlier try may have landed without its answer reaching us: never anchor twice.
    const earlier = item.record === undefined ? null : await anchoredEarlier(api, item.record);
    if (earlier !== null) return { item, blockHash: null, recordId: earlier };
    item = await signAgain(api, actor, item, chainNonce, save);
  }
  // A record's anchor waits for finality: the vault checks it before marking the blob anchored.
  try {
    return landed(await withTimeout(submitSigned(api, item.signed, { finalized: isRecord }), SEND_TIMEOUT_MS));
  } catch (error) {
    if (!(error instanceof ChainError) || !['BadSignature', 'NonceUsed'].includes(error.error)) throw error;
    item = await signAgain(api, actor, item, await accountNonce(api, item.signer), save);
    return landed(await withTimeout(submitSigned(api, item.signed, { finalized: isRecord }), SEND_TIMEOUT_MS));
  }
}

const accountNonce = async (api: ApiPromise, address: string): Promise<number> => Number((await api.rpc.system.accountNextIndex(address)).toString());

/** How long a sent item may take to land (finality included) before it counts as unanswered. */
const SEND_TIMEOUT_MS = 180_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { reject(new ChainError(undefined, 'NoAnswer', `The node did not say within ${ms / 1000} s whether it was included.`)); }, ms);
  });
  return Promise.race([work, late]).finally(() => { clearTimeout(timer); });
}

/** The id of this record's anchor if the chain already has it (among the patient's latest 50). */
async function anchoredEarlier(api: ApiPromise, record: QueuedRecord): Promise<bigint | null> {
  const info = await patientInfo(api, record.patient);
  if (info === null) return null;
  const count = Number(info.recordCount);
  const recent = await recordsOf(api, record.patient, Math.max(0, count - 50), Math.min(count, 50));
  return recent.find((anchor) => u8aToHex(anchor.contentHash) === record.contentHash)?.id ?? null;
}

async function signAgain(api: ApiPromise, actor: Actor, item: OutboxItem, nonce: number, save: (item: OutboxItem) => Promise<OutboxItem>): Promise<OutboxItem> {
  if (actor.address !== item.signer) {
    throw new ChainError(undefined, 'SignerAbsent', `It was signed by ${item.signer} with a transaction number the chain has passed; they must do it again.`);
  }
  const tx = api.tx(api.createType('Call', item.call));
  const signed = await signImmortal(api, tx, actor, nonce);
  return save({ ...item, nonce, signed });
}

/**
 * Puts a set-aside item back in line (after the reason was dealt with, e.g. the patient gave
 * the clinic access again): `actor`, its signer, signs it again when it is sent.
 */
export async function retryOutboxItem(store: OutboxStore, actor: Actor, id: string): Promise<OutboxItem> {
  const item = (await store.all()).find((i) => i.id === id);
  if (item === undefined) throw new ChainError(undefined, 'UnknownItem', 'There is no such kept work on this device.');
  if (item.state !== 'setAside') throw new ChainError(undefined, 'NotSetAside', 'Only work that was set aside can be tried again.');
  if (item.signer !== actor.address) throw new ChainError(undefined, 'SignerAbsent', `Only ${item.signer}, who signed it, can try it again.`);
  const next: OutboxItem = { ...item, state: 'waiting', nonce: -1 };
  delete (next as { reason?: unknown }).reason;
  await store.put(next);
  return next;
}

/**
 * Deletes kept work: only an item that was sent, or one set aside (its data is lost with it),
 * never one still waiting, so nothing unsent goes by accident.
 */
export async function removeOutboxItem(store: OutboxStore, id: string): Promise<void> {
  const item = (await store.all()).find((i) => i.id === id);
  if (item === undefined) throw new ChainError(undefined, 'UnknownItem', 'There is no such kept work on this device.');
  if (item.state === 'waiting') throw new ChainError(undefined, 'StillWaiting', 'Work that is still waiting to be sent cannot be deleted.');
  await store.remove(id);
}
