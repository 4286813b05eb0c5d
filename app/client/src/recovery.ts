// A patient who loses their phone (docs/rural-operation.md, "recovery friends"), with the SDK's
// pallet-recovery: the patient names friends while they still have the phone; after losing it,
// enough friends agree, a delay passes (the patient, if the phone turns up, cancels), and the
// friend the patient named inherits control of the account. That inheritor makes the patient's
// new phone an `Any` proxy of the old account, and renews the patient's key shares of the records
// it can open for the key the new phone publishes. The new phone then acts as the patient: its
// calls are the patient's free calls, its reads are logged as the patient's.

import type { ApiPromise } from '@polkadot/api';
import type { AddressOrPair, SubmittableExtrinsic } from '@polkadot/api/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

import { equalBytes } from './bytes.js';
import { getEncryptionKey, readKeyShare, recordsOf, type PurposeOfUse, type TxOptions, type TxResult, submit } from './chain.js';
import { account, isObject, list, query, shape, txFn } from './decode.js';
import { ChainError } from './errors.js';
import type { EncryptionKeyring } from './keys.js';
import { erasureOf } from './records.js';
import { accountId, parseShare, unwrapDataKey, wrapDataKey, type AccountLike } from './shares.js';

/** At most this many friends in a group (the runtime's `MaxFriendsPerConfig`). */
export const MAX_FRIENDS = 9;

/** A group of friends who together recover an account, as the chain keeps it. */
export interface FriendGroupView {
  /** Sorted, as the chain keeps them. */
  readonly friends: string[];
  /** How many of them must agree (the one who starts an attempt counts). */
  readonly friendsNeeded: number;
  /** Who controls the account once it is recovered. */
  readonly inheritor: string;
  /** Blocks an attempt waits, after it starts, before it can be finished. */
  readonly inheritanceDelay: number;
  /** Blocks after the last approval before the one who started an attempt may cancel it. */
  readonly cancelDelay: number;
}

/** What the patient chooses for a group. */
export interface FriendGroupInput {
  readonly friends: readonly AccountLike[];
  readonly friendsNeeded: number;
  readonly inheritor: AccountLike;
  readonly inheritanceDelay: number;
  readonly cancelDelay: number;
}

/** An attempt under way to recover `lost` through group `group`. */
export interface AttemptView {
  readonly lost: string;
  readonly group: number;
  readonly initiator: string;
  readonly startedAt: number;
  readonly lastApprovalAt: number;
  /** The friends who agreed so far (the initiator among them). */
  readonly approvals: string[];
}

const invalid = (message: string): ChainError => new ChainError(undefined, 'InvalidFriendGroup', message);

/**
 * The group as the chain wants it (friends sorted, no duplicates), or an `InvalidFriendGroup`
 * refusal naming what is wrong: no friends, too many, the patient among them, a count needed of
 * 0 or above the friends, an inheritor who is not one of them, a delay that is not a whole
 * number of blocks above 0.
 */
export function checkFriendGroup(lost: AccountLike, group: FriendGroupInput): FriendGroupView {
  const ids = group.friends.map((f) => encodeAddress(accountId(f)));
  const friends = [...new Set(ids)].sort((a, b) => compareIds(accountId(a), accountId(b)));
  if (friends.length !== ids.length) throw invalid('A friend is named twice.');
  if (friends.length === 0) throw invalid('Name at least one friend.');
  if (friends.length > MAX_FRIENDS) throw invalid(`At most ${MAX_FRIENDS} friends.`);
  const self = encodeAddress(accountId(lost));
  if (friends.includes(self)) throw invalid('You cannot be your own recovery friend.');
  if (!Number.isSafeInteger(group.friendsNeeded) || group.friendsNeeded < 1 || group.friendsNeeded > friends.length) {
    throw invalid(`The friends needed must be between 1 and ${friends.length}.`);
  }
  const inheritor = encodeAddress(accountId(group.inheritor));
  if (!friends.includes(inheritor)) throw invalid('Who takes over the account must be one of the friends.');
  for (const delay of [group.inheritanceDelay, group.cancelDelay]) {
    if (!Number.isSafeInteger(delay) || delay < 1 || delay > 0xffff_ffff) throw invalid('A delay is a whole number of blocks, at least 1.');
  }
  return { friends, friendsNeeded: group.friendsNeeded, inheritor, inheritanceDelay: group.inheritanceDelay, cancelDelay: group.cancelDelay };
}

function compareIds(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** `lost`'s friend groups, in order (an attempt names its group by index). */
export async function friendGroupsOf(api: ApiPromise, lost: AccountLike): Promise<FriendGroupView[]> {
  const raw = (await query(api, 'recovery', 'friendGroups')(encodeAddress(accountId(lost)))).toJSON();
  if (raw === null) return [];
  const groups = Array.isArray(raw) ? raw[0] : undefined;
  if (!Array.isArray(groups)) throw shape('friend groups');
  return groups.map((g) => {
    if (!isObject(g)) throw shape('a friend group');
    return {
      friends: list(g.friends).map((f) => account(f, 'a friend')),
      friendsNeeded: Number(g.friendsNeeded),
      inheritor: account(g.inheritor, 'an inheritor'),
      inheritanceDelay: Number(g.inheritanceDelay),
      cancelDelay: Number(g.cancelDelay),
    };
  });
}

/**
 * The signer (the patient, while they have the phone) names its friend groups, replacing any it
 * had; refused by the chain while an attempt is under way (`Recovery.HasOngoingAttempts`). Free
 * to a patient, and holds nothing from them.
 */
export async function setFriendGroups(api: ApiPromise, signer: AddressOrPair, lost: AccountLike, groups: readonly FriendGroupInput[], options: TxOptions = {}): Promise<TxResult> {
  const checked = groups.map((g) => checkFriendGroup(lost, g));
  const value = checked.map((g, i) => ({
    friends: g.friends, friendsNeeded: g.friendsNeeded, inheritor: g.inheritor,
    inheritanceDelay: g.inheritanceDelay, inheritancePriority: i, cancelDelay: g.cancelDelay,
  }));
  return submit(api, txFn(api, 'recovery', 'setFriendGroups')(value), signer, options);
}

/** The attempts under way to recover `lost`, one per group at most. */
export async function attemptsOf(api: ApiPromise, lost: AccountLike): Promise<AttemptView[]> {
  const address = encodeAddress(accountId(lost));
  const groups = await friendGroupsOf(api, address);
  const found = await Promise.all(groups.map(async (group, index) => {
    const raw = (await query(api, 'recovery', 'attempt')(address, index)).toJSON();
    if (raw === null) return null;
    const attempt = Array.isArray(raw) ? raw[0] : undefined;
    if (!isObject(attempt)) throw shape('a recovery attempt');
    const words = list(isObject(attempt.approvals) ? undefined : attempt.approvals);
    const approvals = group.friends.filter((_, i) => ((Number(words[Math.floor(i / 16)] ?? 0) >> (i % 16)) & 1) === 1);
    return {
      lost: address, group: index, initiator: account(attempt.initiator, 'an initiator'),
      startedAt: Number(attempt.initBlock), lastApprovalAt: Number(attempt.lastApprovalBlock), approvals,
    };
  }));
  return found.filter((a): a is AttemptView => a !== null);
}

/** Who controls `lost` after a recovery, if anyone. */
export async function inheritorOf(api: ApiPromise, lost: AccountLike): Promise<string | null> {
  const raw = (await query(api, 'recovery', 'inheritor')(encodeAddress(accountId(lost)))).toJSON();
  if (raw === null) return null;
  if (!Array.isArray(raw)) throw shape('an inheritor');
  return account(raw[1], 'an inheritor');
}

/** A friend starts an attempt to recover `lost` through group `group` (holding a security deposit; it counts as their approval). */
export function startRecovery(api: ApiPromise, friend: AddressOrPair, lost: AccountLike, group: number, options: TxOptions = {}): Promise<TxResult> {
  return submit(api, txFn(api, 'recovery', 'initiateAttempt')(encodeAddress(accountId(lost)), group), friend, options);
}

/** Another friend of the group agrees. */
export function approveRecovery(api: ApiPromise, friend: AddressOrPair, lost: AccountLike, group: number, options: TxOptions = {}): Promise<TxResult> {
  return submit(api, txFn(api, 'recovery', 'approveAttempt')(encodeAddress(accountId(lost)), group), friend, options);
}

/** Anyone finishes an attempt enough friends approved, once its delay has passed: the group's inheritor takes control. */
export function finishRecovery(api: ApiPromise, signer: AddressOrPair, lost: AccountLike, group: number, options: TxOptions = {}): Promise<TxResult> {
  return submit(api, txFn(api, 'recovery', 'finishAttempt')(encodeAddress(accountId(lost)), group), signer, options);
}

/** The patient (free) stops an attempt at once; its initiator may after the cancel delay. */
export function cancelRecovery(api: ApiPromise, signer: AddressOrPair, lost: AccountLike, group: number, options: TxOptions = {}): Promise<TxResult> {
  return submit(api, txFn(api, 'recovery', 'cancelAttempt')(encodeAddress(accountId(lost)), group), signer, options);
}

/**
 * The patient (free) ends an attempt on her account she did not ask for, and its starter's
 * security deposit is burnt (`recovery.slashAttempt`): for a friend who started without cause.
 * `NotAttempt` if none is open for that group.
 */
export function slashRecovery(api: ApiPromise, lost: AddressOrPair, group: number, options: TxOptions = {}): Promise<TxResult> {
  return submit(api, txFn(api, 'recovery', 'slashAttempt')(group), lost, options);
}

/**
 * Submits `call` as `lost` through `recovery.controlInheritedAccount`; the chain reports the
 * inner call's outcome in an event rather than failing the extrinsic, so its error rejects here
 * as if the call had been signed directly.
 */
async function asInherited(api: ApiPromise, inheritor: AddressOrPair, lost: string, call: SubmittableExtrinsic<'promise'>, options: TxOptions): Promise<TxResult> {
  const result = await submit(api, txFn(api, 'recovery', 'controlInheritedAccount')(lost, call), inheritor, options);
  failedInner(api, result.events);
  return result;
}

function failedInner(api: ApiPromise, events: readonly EventRecord[]): void {
  const controlled = events.find(({ event }) => event.section === 'recovery' && event.method === 'RecoveredAccountControlled');
  if (controlled === undefined) throw new ChainError(undefined, 'MissingEvent', 'The chain did not report recovery.RecoveredAccountControlled.');
  const result = controlled.event.data[3] as unknown as { isErr: boolean; asErr: Parameters<typeof ChainError.fromDispatchError>[1] };
  if (result.isErr) throw ChainError.fromDispatchError(api.registry, result.asErr);
}

/**
 * The inheritor of `lost` makes `newPhone` act for it (an `Any` proxy, no delay), in one
 * transaction: it gives `lost` what the proxy deposit holds and `newPhone` the existential
 * deposit (a new phone holds nothing, and an account must exist to sign), then adds the proxy
 * as `lost`. Refused with `Recovery.NotInheritor` / `NoInheritor` as the chain says.
 */
export async function giveControlToNewPhone(api: ApiPromise, inheritor: AddressOrPair, args: { readonly lost: AccountLike; readonly newPhone: AccountLike }, options: TxOptions = {}): Promise<TxResult> {
  const lost = encodeAddress(accountId(args.lost));
  const phone = encodeAddress(accountId(args.newPhone));
  if (phone === lost) throw new ChainError(undefined, 'InvalidArgument', 'The new phone needs its own account, not the lost one.');
  // Checked first: the transfers would go through even if the proxy could not be added.
  const holder = await inheritorOf(api, lost);
  if (holder === null) throw ChainError.refusal('Recovery', 'NoInheritor');
  if (holder !== encodeAddress(accountId(signerAddress(inheritor)))) throw ChainError.refusal('Recovery', 'NotInheritor');
  if (await actsFor(api, phone, lost)) throw new ChainError(undefined, 'AlreadyActing', 'This phone already acts for the account.');
  const base = BigInt(api.consts.proxy?.proxyDepositBase?.toString() ?? '0');
  const factor = BigInt(api.consts.proxy?.proxyDepositFactor?.toString() ?? '0');
  const existential = BigInt(api.consts.balances?.existentialDeposit?.toString() ?? '0');
  const add = txFn(api, 'proxy', 'addProxy')(phone, 'Any', 0);
  const calls = [
    txFn(api, 'balances', 'transferKeepAlive')(lost, base + factor),
    txFn(api, 'balances', 'transferKeepAlive')(phone, existential),
    txFn(api, 'recovery', 'controlInheritedAccount')(lost, add),
  ];
  const result = await submit(api, txFn(api, 'utility', 'batchAll')(calls), inheritor, options);
  failedInner(api, result.events);
  return result;
}

function signerAddress(signer: AddressOrPair): string {
  return typeof signer === 'string' ? signer : 'address' in signer ? signer.address : signer.toString();
}

/** Whether `phone` acts for `lost` (an `Any` proxy with no delay): what a new phone checks before using the old account. */
export async function actsFor(api: ApiPromise, phone: AccountLike, lost: AccountLike): Promise<boolean> {
  const raw = (await query(api, 'proxy', 'proxies')(encodeAddress(accountId(lost)))).toJSON();
  const definitions = Array.isArray(raw) ? list(raw[0]) : [];
  const me = encodeAddress(accountId(phone));
  // The proxy type is an enum with a struct variant: polkadot.js shows `Any` as `{ any: null }`.
  const isAny = (type: unknown): boolean => type === 'Any' || (isObject(type) && 'any' in type);
  return definitions.some((d) => isObject(d) && d.delegate === me && isAny(d.proxyType) && Number(d.delay) === 0);
}

/**
 * The new phone publishes its key for `lost` (`keyring` is `EncryptionKeyring.actingFor(lost)`)
 * as `lost`'s next version, unless it already did: free, as the patient's own call. Answers the
 * version the phone's key is published under.
 */
export async function publishKeyForRecovered(api: ApiPromise, phone: AddressOrPair, keyring: EncryptionKeyring, options: TxOptions = {}): Promise<number> {
  if (keyring.delegate === undefined) throw new ChainError(undefined, 'InvalidArgument', 'This keyring acts for nobody: use publishEncryptionKey.');
  const lost = encodeAddress(keyring.account);
  const current = await getEncryptionKey(api, keyring.account);
  if (current !== null && equalBytes(current.key, keyring.keyAt(current.version).publicKey)) return current.version;
  const version = current === null ? 0 : current.version + 1;
  await submit(api, txFn(api, 'registry', 'publishEncryptionKey')(keyring.keyAt(version).publicKey), phone, { ...options, asProxyFor: lost });
  const published = await getEncryptionKey(api, keyring.account);
  if (published === null || !equalBytes(published.key, keyring.keyAt(published.version).publicKey)) {
    throw new ChainError(undefined, 'KeyVersionRace', 'Another key was published for this account meanwhile; try again.');
  }
  return published.version;
}

/** How far renewing a recovered patient's key shares got. */
export interface RenewReport {
  /** Records whose patient share now opens with the patient's current key. */
  readonly renewed: bigint[];
  /** Already renewed (the share names the current key version). */
  readonly current: bigint[];
  /**
   * Records the inheritor cannot open (no share of its own): the patient's guardian may renew
   * them, or the inheritor once someone who can open them shares them with it.
   */
  readonly unreadable: bigint[];
}

/**
 * The inheritor renews the patient's shares of `lost`'s records (`count` of them from the
 * `from`th, oldest first; erased ones are skipped) for the key
 * the new phone published: each data key the inheritor can open (`keyring`, its own keys) is
 * wrapped again for `lost`'s current key and attached as `lost` (replacing the share only the
 * lost phone could open), all in one `controlInheritedAccount(batchAll(…))`. Refused with
 * `NoEncryptionKey` before the new phone has published its key.
 */
export async function renewPatientShares(
  api: ApiPromise, inheritor: AddressOrPair, keyring: EncryptionKeyring, lost: AccountLike,
  page: { readonly from?: number; readonly count?: number } = {}, purpose: PurposeOfUse = 'Treatment', options: TxOptions = {},
): Promise<RenewReport> {
  const patient = encodeAddress(accountId(lost));
  if ((await inheritorOf(api, patient)) !== encodeAddress(keyring.account)) throw ChainError.refusal('Recovery', 'NotInheritor');
  const key = await getEncryptionKey(api, patient);
  if (key === null) throw new ChainError(undefined, 'NoEncryptionKey', 'The new phone has not published its key for this account yet.');
  const renewed: bigint[] = [];
  const current: bigint[] = [];
  const unreadable: bigint[] = [];
  const calls: SubmittableExtrinsic<'promise'>[] = [];
  for (const anchor of await recordsOf(api, patient, page.from ?? 0, page.count ?? 100)) {
    if ((await erasureOf(api, anchor.id)) !== null) continue;
    const theirs = await readKeyShare(api, anchor.id, patient);
    if (theirs !== null && parseShare(theirs).keyVersion === key.version) { current.push(anchor.id); continue; }
    const mine = await readKeyShare(api, anchor.id, keyring.account);
    if (mine === null) { unreadable.push(anchor.id); continue; }
    const dataKey = await unwrapDataKey(mine, { recordId: anchor.id, reader: keyring.account }, keyring);
    const fresh = await wrapDataKey(dataKey, { recordId: anchor.id, reader: patient, publicKey: key.key, keyVersion: key.version });
    calls.push(txFn(api, 'patientRecords', 'attachKeyShare')(anchor.id, patient, purpose, u8aToHex(fresh)));
    renewed.push(anchor.id);
  }
  if (calls.length > 0) await asInherited(api, inheritor, patient, txFn(api, 'utility', 'batchAll')(calls), options);
  return { renewed, current, unreadable };
}
