// The health council acting as the county's medical authority: what it does (recall a batch,
// verify or suspend an organisation, verify, suspend or revoke a practitioner's licence, declare
// an emergency, resolve an escalated break-glass)
// is a motion of the council (pallet-collective `Council`): a member proposes the call, members
// vote, and once more than half of the seats voted aye anyone closes it and the call runs with
// the council's origin (the runtime's `MedicalAuthority`). Reads come from `Council.Proposals`,
// `ProposalOf` and `Voting` (at most `MaxProposals` open at once: bounded), calls through
// `submit`; a call the runtime would refuse as a motion's content is refused before signing.

import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { Call } from '@polkadot/types/interfaces';
import type { Codec } from '@polkadot/types/types';

import { submit, type TxResult } from './chain.js';
import { account, big, isObject, query, shape, text, txFn } from './decode.js';
import { ChainError } from './errors.js';
import { RECALL_REASONS, isGs1Text, isValidGtin, lotIdOf, type RecallReason } from './medicines.js';
import { txAccount, type Actor } from './records.js';


/** What a motion would do, as the app describes it; `Other` for calls it has no words for. */
export type MotionAction =
  | { readonly kind: 'RecallLot'; readonly lot: bigint; readonly reason: string }
  | { readonly kind: 'VerifyOrganisation' | 'SuspendOrganisation'; readonly org: number }
  | { readonly kind: 'DeclareEmergency'; readonly name: string }
  | { readonly kind: 'ResolveEmergencyAccess'; readonly id: bigint; readonly sanction: boolean }
  | { readonly kind: 'VerifyLicence' | 'SuspendPractitioner' | 'RevokeLicence'; readonly practitioner: string }
  | { readonly kind: 'AddValidator' | 'RemoveValidator'; readonly validator: string }
  | { readonly kind: 'SetSessionLength'; readonly blocks: number }
  | { readonly kind: 'Other'; readonly section: string; readonly method: string };

export interface MotionView {
  readonly hash: string;
  readonly index: number;
  readonly action: MotionAction;
  /** Ayes needed to pass (more than half of the seats when proposed by this library). */
  readonly threshold: number;
  readonly ayes: readonly string[];
  readonly nays: readonly string[];
  /** The block after which it can be closed however the votes stand (absent members count as nay). */
  readonly end: number;
  readonly seats: number;
  /** Enough ayes: anyone may close it now, and the call runs. */
  readonly approved: boolean;
  /** Too many nays for it ever to pass: closing it throws it out. */
  readonly rejected: boolean;
}

const PALLET = 'Council';

/** The council's seats and its prime member. */
export async function councilMembers(api: ApiPromise): Promise<{ members: string[]; prime: string | null }> {
  const [members, prime] = await Promise.all([query(api, 'council', 'members')(), query(api, 'council', 'prime')()]);
  const list = members.toJSON();
  const p = prime.toJSON();
  return { members: Array.isArray(list) ? list.map(String) : [], prime: typeof p === 'string' ? p : null };
}

/** Ayes a motion needs so that its origin is the medical authority: more than half of the seats. */
export function majority(seats: number): number {
  return Math.floor(seats / 2) + 1;
}

/** Ayes a motion needs for the runtime's two-thirds origins (validators, upgrades, seats): at least two thirds of the seats. */
export function twoThirds(seats: number): number {
  return Math.ceil((2 * seats) / 3);
}

function describe(call: Call): MotionAction {
  const args = call.args.map((a) => a.toJSON());
  const [first, second] = args;
  switch (`${call.section}.${call.method}`) {
    case 'drugProvenance.recallLot':
      return { kind: 'RecallLot', lot: big(first, 'a lot id'), reason: typeof second === 'string' ? second.charAt(0).toUpperCase() + second.slice(1) : 'Other' };
    case 'registry.verifyOrganisation':
      return { kind: 'VerifyOrganisation', org: Number(big(first, 'an organisation id')) };
    case 'registry.suspendOrganisation':
      return { kind: 'SuspendOrganisation', org: Number(big(first, 'an organisation id')) };
    case 'emergencySupply.declareEmergency':
      return { kind: 'DeclareEmergency', name: typeof first === 'string' ? text(first, 'an emergency name') : '' };
    case 'consent.resolveEmergencyAccess':
      return { kind: 'ResolveEmergencyAccess', id: big(first, 'an emergency access id'), sanction: second === true };
    case 'registry.verifyLicence':
      return { kind: 'VerifyLicence', practitioner: account(first, 'a practitioner') };
    case 'registry.suspendPractitioner':
      return { kind: 'SuspendPractitioner', practitioner: account(first, 'a practitioner') };
    case 'registry.revokeLicence':
      return { kind: 'RevokeLicence', practitioner: account(first, 'a practitioner') };
    case 'validatorSet.addValidator':
      return { kind: 'AddValidator', validator: account(first, 'a validator') };
    case 'validatorSet.removeValidator':
      return { kind: 'RemoveValidator', validator: account(first, 'a validator') };
    case 'validatorSet.setSessionLength':
      return { kind: 'SetSessionLength', blocks: Number(big(first, 'a session length')) };
    default:
      return { kind: 'Other', section: call.section, method: call.method };
  }
}

/** The council's open motions, oldest first, with their votes and what each would do. */
export async function openMotions(api: ApiPromise): Promise<MotionView[]> {
  const [hashes, { members }] = await Promise.all([query(api, 'council', 'proposals')(), councilMembers(api)]);
  const list = hashes.toJSON();
  if (!Array.isArray(list)) throw shape('the council proposals');
  const motions = await Promise.all(list.map(async (hash): Promise<MotionView | null> => {
    if (typeof hash !== 'string') throw shape('a motion hash');
    const [call, voting] = await Promise.all([query(api, 'council', 'proposalOf')(hash), query(api, 'council', 'voting')(hash)]);
    const votes = voting.toJSON();
    if ((call as unknown as { isNone: boolean }).isNone || !isObject(votes)) return null; // closed meanwhile
    const ayes = Array.isArray(votes.ayes) ? votes.ayes.map(String) : [];
    const nays = Array.isArray(votes.nays) ? votes.nays.map(String) : [];
    const threshold = Number(big(votes.threshold, 'a threshold'));
    return {
      hash,
      index: Number(big(votes.index, 'a motion index')),
      action: describe((call as unknown as { unwrap: () => Call }).unwrap()),
      threshold, ayes, nays,
      end: Number(big(votes.end, 'a block number')),
      seats: members.length,
      approved: ayes.length >= threshold,
      rejected: nays.length > members.length - threshold,
    };
  }));
  return motions.filter((m): m is MotionView => m !== null).sort((a, b) => a.index - b.index);
}

// ---- The authority's calls, as motion content ---------------------------------------------------

/** Recall lot `lotNumber` of product `gtin` for `reason`. Refuses an unknown lot (`DrugProvenance.UnknownLot`) before signing. */
export async function recallCall(api: ApiPromise, gtin: string, lotNumber: string, reason: RecallReason): Promise<SubmittableExtrinsic<'promise'>> {
  if (!isValidGtin(gtin)) throw ChainError.refusal('DrugProvenance', 'InvalidGtin');
  if (!isGs1Text(lotNumber)) throw ChainError.refusal('DrugProvenance', 'InvalidLotNumber');
  if (!RECALL_REASONS.includes(reason)) throw new ChainError(undefined, 'InvalidArgument', `Not a recall reason: ${reason}.`);
  const lot = await lotIdOf(api, gtin, lotNumber);
  if (lot === null) throw ChainError.refusal('DrugProvenance', 'UnknownLot');
  return txFn(api, 'drugProvenance', 'recallLot')(lot, reason);
}

/** Verify (an applicant) or suspend (an active) organisation `org`. */
export function organisationCall(api: ApiPromise, action: 'verify' | 'suspend', org: number): SubmittableExtrinsic<'promise'> {
  if (!Number.isSafeInteger(org) || org < 0) throw new ChainError(undefined, 'InvalidArgument', 'An organisation id is a whole number.');
  return txFn(api, 'registry', action === 'verify' ? 'verifyOrganisation' : 'suspendOrganisation')(org);
}

/** A break-glass access the patient disputed or did not review in time, awaiting the authority. */
export interface EscalatedAccess {
  readonly id: bigint;
  readonly patient: string;
  /** Who broke the glass, and for which organisation. */
  readonly practitioner: string;
  readonly org: number;
  readonly openedAt: number;
  /** The patient disputed it (rather than not reviewing it in time). */
  readonly disputed: boolean;
}

/** Break-glass access `id` and its status (`Open`, `Escalated`, …), or null if there is none. */
async function emergencyAccess(api: ApiPromise, id: bigint): Promise<{ access: EscalatedAccess; status: unknown } | null> {
  const raw = (await query(api, 'consent', 'emergencyAccesses')(id)).toJSON();
  if (raw === null) return null;
  if (!isObject(raw)) throw shape('a break-glass access');
  const access = {
    id,
    patient: account(raw.patient, 'a patient'),
    practitioner: account(raw.practitioner, 'a practitioner'),
    org: Number(big(raw.org, 'an organisation id')),
    openedAt: Number(big(raw.openedAt, 'a block number')),
    disputed: raw.disputed === true,
  };
  return { access, status: raw.status };
}

/**
 * The escalated break-glass accesses, oldest first. `Consent.Escalated` holds only those not yet
 * resolved (the authority's backlog, which resolving empties), so reading all of it stays small.
 */
export async function escalatedAccesses(api: ApiPromise): Promise<EscalatedAccess[]> {
  const escalated = query(api, 'consent', 'escalated') as unknown as { keys: () => Promise<{ args: Codec[] }[]> };
  const ids = (await escalated.keys()).map((k) => big(k.args[0]?.toJSON(), 'an emergency access id'));
  const accesses = await Promise.all(ids.map((id) => emergencyAccess(api, id)));
  return accesses.flatMap((found) => (found === null ? [] : [found.access])).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Resolve escalated break-glass access `id`: clear the practitioner, or sanction them (which
 * suspends their licence). Refuses an unknown access (`Consent.UnknownEmergency`) and one that is
 * not escalated (`Consent.NotEscalated`) before signing.
 */
export async function resolveAccessCall(api: ApiPromise, id: bigint, sanction: boolean): Promise<SubmittableExtrinsic<'promise'>> {
  const found = id < 0n ? null : await emergencyAccess(api, id);
  if (found === null) throw ChainError.refusal('Consent', 'UnknownEmergency');
  if (found.status !== 'Escalated') throw ChainError.refusal('Consent', 'NotEscalated');
  return txFn(api, 'consent', 'resolveEmergencyAccess')(id, sanction);
}

export type LicenceStatus = 'Unverified' | 'Active' | 'Suspended' | 'Revoked';

/** A practitioner's licence standing, as the authority sees it (the licence number itself is never on chain). */
export interface LicenceView {
  readonly practitioner: string;
  readonly role: string;
  readonly status: LicenceStatus;
  readonly affiliations: readonly number[];
}

const LICENCE_STATUSES: readonly LicenceStatus[] = ['Unverified', 'Active', 'Suspended', 'Revoked'];

function licenceOf(practitioner: string, raw: unknown): LicenceView {
  if (!isObject(raw)) throw shape('a practitioner');
  const status = String(raw.status);
  if (!(LICENCE_STATUSES as readonly string[]).includes(status)) throw shape('a licence status');
  return {
    practitioner,
    role: String(raw.role),
    status: status as LicenceStatus,
    affiliations: Array.isArray(raw.affiliations) ? raw.affiliations.map((o) => Number(big(o, 'an organisation id'))) : [],
  };
}

/**
 * Every registered practitioner's licence standing, those awaiting the authority first
 * (unverified, then suspended). Reads the whole registry of practitioners, as the organisation
 * list does: a county's worth.
 */
export async function licences(api: ApiPromise): Promise<LicenceView[]> {
  const practitioners = query(api, 'registry', 'practitioners') as unknown as { entries: () => Promise<[{ args: Codec[] }, Codec][]> };
  const all = (await practitioners.entries()).map(([key, value]) => licenceOf(String(key.args[0]?.toString()), value.toJSON()));
  const order = (s: LicenceStatus): number => ['Unverified', 'Suspended', 'Active', 'Revoked'].indexOf(s);
  return all.sort((a, b) => order(a.status) - order(b.status) || a.practitioner.localeCompare(b.practitioner));
}

export type LicenceAction = 'verify' | 'suspend' | 'revoke';

/**
 * Verify a practitioner's licence (or reinstate a suspended one), suspend it, or revoke it for
 * good. Refuses an unknown practitioner (`Registry.UnknownPractitioner`) and an action their
 * standing does not allow (`Registry.InvalidLicenceStatus`: verify needs unverified or
 * suspended, suspend needs unverified or active, nothing after revoked) before signing.
 */
export async function licenceCall(api: ApiPromise, action: LicenceAction, practitioner: string): Promise<SubmittableExtrinsic<'promise'>> {
  const raw = (await query(api, 'registry', 'practitioners')(practitioner)).toJSON();
  if (raw === null) throw ChainError.refusal('Registry', 'UnknownPractitioner');
  const { status } = licenceOf(practitioner, raw);
  const allowed: Record<LicenceAction, readonly LicenceStatus[]> = {
    verify: ['Unverified', 'Suspended'], suspend: ['Unverified', 'Active'], revoke: ['Unverified', 'Active', 'Suspended'],
  };
  if (!allowed[action].includes(status)) throw ChainError.refusal('Registry', 'InvalidLicenceStatus');
  const call = action === 'verify' ? 'verifyLicence' : action === 'suspend' ? 'suspendPractitioner' : 'revokeLicence';
  return txFn(api, 'registry', call)(practitioner);
}

export interface DeclareArgs {
  readonly name: string;
  readonly regions: readonly { county: number; township: number; village: number }[];
  readonly items: readonly { code: string; unit: string; gtin?: string | null }[];
  /**
   * Opens `startsIn` blocks from now (the motion must pass before then: the chain refuses a
   * start in the past) for `blocks` blocks, with rounds of `roundLength` blocks.
   */
  readonly startsIn: number;
  readonly blocks: number;
  readonly roundLength: number;
}

/** Declare an emergency. Refuses an empty name, no region or item, or a bad period before signing. */
export async function declareEmergencyCall(api: ApiPromise, args: DeclareArgs): Promise<SubmittableExtrinsic<'promise'>> {
  if (args.name.trim() === '') throw ChainError.refusal('EmergencySupply', 'InvalidName');
  if (args.regions.length === 0) throw ChainError.refusal('EmergencySupply', 'InvalidRegions');
  if (args.items.length === 0 || args.items.some((i) => !/^[\x21-\x7e]{1,32}$/.test(i.code))) throw ChainError.refusal('EmergencySupply', 'InvalidItems');
  const whole = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
  if (!whole(args.blocks) || !whole(args.roundLength) || !whole(args.startsIn) || args.roundLength < 1 || args.blocks < args.roundLength) throw ChainError.refusal('EmergencySupply', 'InvalidPeriod');
  const startsAt = (await api.rpc.chain.getHeader()).number.toNumber() + args.startsIn;
  return txFn(api, 'emergencySupply', 'declareEmergency')(args.name.trim(), args.regions, args.items.map((i) => ({ code: i.code, unit: i.unit, gtin: i.gtin ?? null })), startsAt, startsAt + args.blocks, args.roundLength);
}

// ---- The hospitals' validators -------------------------------------------------------------------

/** Who validates: the council's set, who authors and votes in this session, and the session clock. */
export interface ValidatorSetView {
  /** The council's set (`ValidatorSet.Validators`): a change reaches the chain one to two sessions later. */
  readonly validators: readonly string[];
  /** Authoring blocks and voting on finality in this session (`Session.Validators`). */
  readonly active: readonly string[];
  readonly session: number;
  /** Blocks per session. */
  readonly sessionLength: number;
  /** The fewest and most validators the chain allows. */
  readonly min: number;
  readonly max: number;
}

export async function validatorSet(api: ApiPromise): Promise<ValidatorSetView> {
  const [set, active, length, index] = await Promise.all([
    query(api, 'validatorSet', 'validators')(), query(api, 'session', 'validators')(),
    query(api, 'validatorSet', 'sessionLength')(), query(api, 'session', 'currentIndex')(),
  ]);
  const list = (codec: Codec, what: string): string[] => {
    const json = codec.toJSON();
    if (!Array.isArray(json)) throw shape(what);
    return json.map((a) => account(a, 'a validator'));
  };
  const consts: Record<string, Codec> | undefined = api.consts['validatorSet'];
  const constant = (name: string): number => Number(big(consts?.[name]?.toJSON(), `validatorSet.${name}`));
  return {
    validators: list(set, 'the validator set'),
    active: list(active, 'the session\'s validators'),
    session: Number(big(index.toJSON(), 'a session index')),
    sessionLength: Number(big(length.toJSON(), 'a session length')),
    min: constant('minValidators'),
    max: constant('maxValidators'),
  };
}

export type ValidatorAction = 'add' | 'remove';

/**
 * Add a hospital's validator (its account registered session keys with `session.setKeys`) or
 * remove one. Refuses before signing what the chain would refuse: an address that is not one
 * (`BadAddress`), adding a validator already in the set (`ValidatorSet.AlreadyValidator`),
 * one without session keys (`ValidatorSet.NoSessionKeys`) or beyond the most allowed
 * (`ValidatorSet.TooManyValidators`); removing an account not in the set
 * (`ValidatorSet.NotValidator`) or below the fewest allowed (`ValidatorSet.TooFewValidators`).
 * Propose it with the two-thirds threshold (`proposeMotion(…, twoThirds)`).
 */
export async function validatorCall(api: ApiPromise, action: ValidatorAction, validator: string): Promise<SubmittableExtrinsic<'promise'>> {
  let who: string;
  try {
    who = api.createType('AccountId', validator.trim()).toString();
  } catch {
    throw new ChainError(undefined, 'BadAddress', `Not an account address: ${validator}.`);
  }
  const view = await validatorSet(api);
  const listed = view.validators.includes(who);
  if (action === 'add') {
    if (listed) throw ChainError.refusal('ValidatorSet', 'AlreadyValidator');
    const keys = await query(api, 'session', 'nextKeys')(who);
    if ((keys as unknown as { isNone: boolean }).isNone) throw ChainError.refusal('ValidatorSet', 'NoSessionKeys');
    if (view.validators.length >= view.max) throw ChainError.refusal('ValidatorSet', 'TooManyValidators');
    return txFn(api, 'validatorSet', 'addValidator')(who);
  }
  if (!listed) throw ChainError.refusal('ValidatorSet', 'NotValidator');
  if (view.validators.length <= view.min) throw ChainError.refusal('ValidatorSet', 'TooFewValidators');
  return txFn(api, 'validatorSet', 'removeValidator')(who);
}

// ---- Propose, vote, close -----------------------------------------------------------------------

async function send(api: ApiPromise, actor: Actor, tx: SubmittableExtrinsic<'promise'>): Promise<TxResult> {
  const { account, options } = txAccount(actor);
  return submit(api, tx, account, options);
}

function eventOf(result: TxResult, method: string): unknown[] | null {
  const found = result.events.find(({ event }) => event.section === 'council' && event.method === method);
  return found === undefined ? null : (found.event.data.toJSON() as unknown[]);
}

/**
 * A member proposes `call` as a motion needing `threshold(seats)` ayes (by default more than half
 * of the seats: the medical authority; `twoThirds` for validator changes), and votes aye on it
 * (two transactions: the collective does not count a proposer's vote). Answers the motion's hash
 * and index. Refuses a non-member before signing
 * (`Council.NotMember`).
 */
export async function proposeMotion(api: ApiPromise, member: Actor, address: string, call: SubmittableExtrinsic<'promise'>, threshold: (seats: number) => number = majority): Promise<{ hash: string; index: number }> {
  const { members } = await councilMembers(api);
  if (!members.includes(address)) throw ChainError.refusal(PALLET, 'NotMember');
  const inner = call.method;
  const result = await send(api, member, txFn(api, 'council', 'propose')(threshold(members.length), inner, inner.encodedLength));
  const proposed = eventOf(result, 'Proposed');
  if (proposed === null) {
    // A council of one: the motion ran at once.
    if (eventOf(result, 'Executed') !== null) return { hash: inner.hash.toHex(), index: -1 };
    throw new ChainError(undefined, 'MissingEvent', 'The chain did not report council.Proposed.');
  }
  const motion = { hash: String(proposed[2]), index: Number(big(proposed[1], 'a motion index')) };
  // The collective does not count the proposer's vote: cast it, as the proposer means it.
  await send(api, member, txFn(api, 'council', 'vote')(motion.hash, motion.index, true));
  return motion;
}

/** A member votes on motion `hash` (index `index`). Refuses a vote the member already cast before signing (`Council.DuplicateVote`). */
export async function voteMotion(api: ApiPromise, member: Actor, address: string, motion: Pick<MotionView, 'hash' | 'index' | 'ayes' | 'nays'>, aye: boolean): Promise<void> {
  if ((aye ? motion.ayes : motion.nays).includes(address)) throw ChainError.refusal(PALLET, 'DuplicateVote');
  await send(api, member, txFn(api, 'council', 'vote')(motion.hash, motion.index, aye));
}

export type MotionOutcome = { readonly kind: 'Executed'; readonly error: ChainError | null } | { readonly kind: 'Disapproved' };

/**
 * Closes motion `hash`: with enough ayes its call runs (`Executed`, with the call's own error if
 * it failed: the motion is then spent), with too many nays or after its end it is thrown out.
 * Anyone may close; the chain refuses one still undecided before its end (`Council.TooEarly`).
 */
export async function closeMotion(api: ApiPromise, anyone: Actor, hash: string): Promise<MotionOutcome> {
  const [callRaw, votingRaw] = await Promise.all([query(api, 'council', 'proposalOf')(hash), query(api, 'council', 'voting')(hash)]);
  const voting = votingRaw.toJSON();
  if ((callRaw as unknown as { isNone: boolean }).isNone || !isObject(voting)) throw ChainError.refusal(PALLET, 'ProposalMissing');
  const call = (callRaw as unknown as { unwrap: () => Call }).unwrap();
  const info = await (api.call as unknown as { transactionPaymentCallApi: { queryCallInfo: (c: Call, len: number) => Promise<{ weight: unknown }> } })
    .transactionPaymentCallApi.queryCallInfo(call, call.encodedLength);
  const result = await send(api, anyone, txFn(api, 'council', 'close')(hash, voting.index, info.weight, call.encodedLength));
  // The Executed event carries the call's own result: read it from the event record, not its JSON.
  const executed = result.events.find(({ event }) => event.section === 'council' && event.method === 'Executed');
  if (executed !== undefined) {
    const outcome = executed.event.data[1] as unknown as { isErr: boolean; asErr: Parameters<typeof ChainError.fromDispatchError>[1] };
    return { kind: 'Executed', error: outcome.isErr ? ChainError.fromDispatchError(api.registry, outcome.asErr) : null };
  }
  if (eventOf(result, 'Disapproved') !== null) return { kind: 'Disapproved' };
  throw new ChainError(undefined, 'MissingEvent', 'The chain reported neither council.Executed nor council.Disapproved.');
}
