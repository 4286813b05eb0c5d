// The app's one door to the chain and the vault: the connection and its status, the registry
// (names of clinics and doctors), consent grants, and the record flows of @ruralmed/client.
// Screens call these functions and never build extrinsics or parse chain data themselves.
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { hexToString, isHex, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import {
  ChainError,
  VaultClient,
  accessLogOf,
  readRecord,
  actsFor,
  approveRecovery,
  attemptsOf,
  cancelRecovery,
  finishRecovery,
  friendGroupsOf,
  giveControlToNewPhone,
  inheritorOf,
  publishKeyForRecovered,
  renewPatientShares,
  setFriendGroups,
  slashRecovery,
  startRecovery,
  type AttemptView,
  type FriendGroupView,
  type RenewReport,
  checkPack,
  traceDonation,
  donationsBy,
  type OwnDonation,
  closeMotion,
  councilMembers,
  declareEmergencyCall,
  escalatedAccesses,
  getLot,
  getShipment,
  dispensationsOf,
  receiveStock,
  shipStock,
  stockOf,
  commissionSerials,
  lotsAwaitingSerials,
  packsHeld,
  type PackView,
  commissionLot,
  flagSuspectStock,
  productsOf,
  recallOwnLot,
  registerProduct,
  reportExcursion,
  returnToMaker,
  licenceCall,
  twoThirds,
  validatorCall,
  validatorSet,
  licences,
  openMotions,
  resolveAccessCall,
  organisationCall,
  proposeMotion,
  recallCall,
  voteMotion,
  queueRound,
  cancelPledge,
  confirmDelivery,
  confirmReceipt,
  deliveriesTo,
  dispatchAllocation,
  emergencyDashboard,
  fileNeed,
  getEmergency,
  listEmergencies,
  pledge,
  roundView,
  disputeOf,
  dispenseToPatient,
  DispenseNotRecordedError,
  lotIdOf,
  disputeRecord,
  eraseRecord,
  erasureOf,
  getRecord,
  txAccount,
  vaultSignerOf,
  patientInfo,
  readKeyShare,
  publishEncryptionKey,
  freeCallAllowance,
  getEncryptionKey,
  addStaffProxy,
  employersOf,
  removeStaffProxy,
  staffOf,
  type StaffProxyView,
  registerPatientFor,
  type FreeCallAllowance,
  medicinesOf,
  readRecords,
  recordsOf,
  shareByLink,
  shareWithReader,
  submit,
  writeRecord,
  openQueuedRecord,
  outboxItems,
  outboxSummary,
  queueCall,
  queueRecord,
  removeOutboxItem,
  retryOutboxItem,
  sendOutbox,
  noteChainNonce,
  type OutboxItem,
  type OutboxSummary,
  type SendReport,
  type WriteRecordArgs,
  type AccessEntryView,
  type DisputeReason,
  type DisputeView,
  type DonationTraceView,
  type DeclareArgs,
  type EscalatedAccess,
  type LicenceAction,
  type LicenceView,
  type ValidatorAction,
  type ValidatorSetView,
  type LotView,
  type DispensationView,
  type ShipmentView,
  type StockLine,
  type CommissionArgs,
  type ExcursionArgs,
  type ProductArgs,
  type ProductView,
  type SuspectReason,
  type MotionOutcome,
  type MotionView,
  type RecallReason,
  type DeliveryView,
  type SupplyEmergencyView,
  type ItemDashboardView,
  type NeedArgs,
  type PledgeArgs,
  type RoundView,
  type EncryptionKeyring,
  type ErasureView,
  type FhirResource,
  type HealthLinkView,
  type Medicine,
  type PackCheck,
  type PackCode,
  type TxOptions,
  type TxResult,
  type PatientView,
  type PurposeOfUse,
  type RecordAnchorView,
  type RecordCategory,
  type RecordFile,
  maxProductsPerQuery,
  monthOf,
  productDispensations,
  regionalStatistics,
  type Month,
  type MonthFigures,
  type RegionCode,
  recalledStock,
  type RecalledStock,
  regionContains,
} from '@ruralmed/client';

import type { Session } from './accounts';
import type { AppConfig } from './config';
import { addToBook, entryFor, readBook, type BookEntry } from './dispensing-book';
import { IndexedDbOutboxStore } from './outbox';

export type LinkState = 'connecting' | 'ok' | 'down';

/** An app-level failure with a message in the locales (`errors.<code>`). */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(readonly code: 'NodeDown' | 'VaultDown' | 'NotPatient' | 'BadAddress' | 'PastDate' | 'NoReadAccess' | 'NoReferableGrant' | 'VaultEraseFailed' | 'InvalidDays' | 'NeverConnected' | 'HandOverOffline') {
    super(code);
  }
}

/**
 * An account in the chain's generic format (prefix 42), whatever format it was typed or a
 * wallet shows it in; `BadAddress` if it is not an account.
 */
export function parseAddress(input: string): string {
  try {
    return encodeAddress(decodeAddress(input.trim()), 42);
  } catch {
    throw new AppError('BadAddress');
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' && isHex(v) ? hexToString(v) : typeof v === 'string' ? v : JSON.stringify(v));
// A unit enum variant as polkadot.js's toJSON gives it: its name.
const variant = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Sends `tx` signed as the session's account: by its key pair, or through its wallet extension. */
async function signed(api: ApiPromise, tx: Parameters<typeof submit>[1], session: Session, options: TxOptions = {}): Promise<TxResult> {
  const { account, options: signer } = txAccount(session.actor);
  const result = await submit(api, tx, account, { ...options, ...signer });
  // Work signed offline later starts after this: fewer kept items need signing again.
  void api.rpc.system.accountNextIndex(session.address).then((n) => noteChainNonce(outbox, session.address, Number(n.toString())), () => undefined);
  return result;
}

const METADATA_KEY = 'ruralmed.metadata.v1';

/** `{ "<genesis hash>-<spec version>": "0x…" }` from the last visit, or nothing. */
function cachedMetadata(): Record<string, `0x${string}`> {
  try {
    const saved = JSON.parse(localStorage.getItem(METADATA_KEY) ?? 'null') as { key?: unknown; hex?: unknown } | null;
    if (typeof saved?.key === 'string' && typeof saved.hex === 'string' && saved.hex.startsWith('0x')) return { [saved.key]: saved.hex as `0x${string}` };
  } catch {
    // A damaged entry is only a lost cache: the metadata is fetched again.
  }
  return {};
}

/** Keeps the metadata the API is using (one runtime's only; a runtime upgrade replaces it). */
function rememberMetadata(api: ApiPromise): void {
  const key = `${api.genesisHash.toHex()}-${api.runtimeVersion.specVersion.toString()}`;
  try {
    if (cachedMetadata()[key] === undefined) localStorage.setItem(METADATA_KEY, JSON.stringify({ key, hex: api.runtimeMetadata.toHex() }));
  } catch {
    // Storage full or disabled: the next visit fetches the metadata again.
  }
}

export class Backend {
  api: ApiPromise | null = null;
  node: LinkState = 'connecting';
  vault: LinkState = 'connecting';
  isDevChain = false;
  readonly #listeners = new Set<() => void>();
  #vaultTimer: number | undefined;

  readonly vaultClient: VaultClient;

  constructor(readonly config: AppConfig) {
    this.vaultClient = new VaultClient(config.vaultUrl);
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Connects to the node (retrying every 3 s while it is down) and watches the vault. */
  start(): void {
    const provider = new WsProvider(this.config.nodeUrl, 3000);
    // The runtime's metadata (hundreds of kB over the WebSocket) is kept from the last visit:
    // polkadot.js uses it when the chain's genesis hash and spec version match its key.
    const api = new ApiPromise({ provider, noInitWarn: true, throwOnConnect: false, metadata: cachedMetadata() });
    // A failed first connection rejects isReadyOrError with the socket's error event; the
    // status line reports it, and the provider keeps retrying.
    api.isReadyOrError.catch(() => undefined);
    api.on('connected', () => { if (this.api !== null) this.#setNode('ok'); });
    api.on('disconnected', () => { this.#setNode('down'); });
    api.on('error', () => { this.#setNode('down'); });
    api.on('ready', () => {
      this.api = api;
      rememberMetadata(api);
      void api.rpc.system.chain().then((name) => {
        this.isDevChain = /development|local/i.test(name.toString());
        this.#setNode('ok');
      });
    });
    // A first connection that fails leaves "connecting"; say "down" after a few seconds.
    window.setTimeout(() => { if (this.node === 'connecting') this.#setNode('down'); }, 6000);
    // The phone says when it loses its network: nothing is asked of the node or the vault
    // then (work is kept in the outbox), and both are checked again when it is back.
    window.addEventListener('offline', () => {
      this.#setNode('down');
      this.vault = 'down';
      this.#emit();
    });
    window.addEventListener('online', () => {
      this.#setNode(this.api?.isConnected === true ? 'ok' : 'down');
      void this.checkVault();
    });
    void this.checkVault();
  }

  /** Whether work must be kept for later: no network, or the node or the vault not reachable. */
  get offline(): boolean {
    return !navigator.onLine || this.node !== 'ok' || this.vault !== 'ok';
  }

  /** The API as last connected, to sign work offline; `NeverConnected` before the first connection since the app was opened. */
  signingApi(): ApiPromise {
    if (this.api === null) throw new AppError('NeverConnected');
    return this.api;
  }

  #setNode(state: LinkState): void {
    if (this.node === state) return;
    this.node = state;
    this.#emit();
  }

  /** GET /health of the vault (unsigned); checked again every 10 s (3 s while down). */
  async checkVault(): Promise<void> {
    window.clearTimeout(this.#vaultTimer);
    let state: LinkState;
    try {
      if (!navigator.onLine) throw new Error('offline');
      const res = await fetch(`${this.config.vaultUrl}/health`, { signal: AbortSignal.timeout(5000), cache: 'no-store' });
      state = res.ok ? 'ok' : 'down';
    } catch {
      state = 'down';
    }
    if (state !== this.vault) {
      this.vault = state;
      this.#emit();
    }
    this.#vaultTimer = window.setTimeout(() => { void this.checkVault(); }, state === 'ok' ? 10_000 : 3_000);
  }

  /** The API, or `NodeDown` while the node cannot be reached. */
  requireApi(): ApiPromise {
    if (this.api === null || this.node !== 'ok' || !navigator.onLine) throw new AppError('NodeDown');
    return this.api;
  }
}

// ---------------------------------------------------------------------------------------------
// Who an account is

export interface PractitionerView {
  readonly account: string;
  readonly role: string;
  readonly status: string;
  readonly organisations: number[];
}

export interface OrganisationView {
  readonly id: number;
  readonly name: string;
  readonly kind: string;
  readonly status: string;
  /** The account that administers it. */
  readonly admin: string;
  readonly region: { readonly county: number; readonly township: number; readonly village: number };
}

/** Kinds of organisation that file needs for emergency supplies (the pallet's care providers). */
export const CARE_PROVIDER_KINDS: readonly string[] = ['CountyHospital', 'TownshipHealthCentre', 'VillageClinic'];

/**
 * The active organisations `address` acts for, as the chain decides it: those it administers,
 * and those it is an active practitioner of.
 */
export function organisationsActedFor(address: string, who: Identity | null, orgs: readonly OrganisationView[]): OrganisationView[] {
  const affiliated = who?.practitioner?.status === 'Active' ? who.practitioner.organisations : [];
  return orgs.filter((o) => o.status === 'Active' && (o.admin === address || affiliated.includes(o.id)));
}

export interface Identity {
  readonly patient: PatientView | null;
  readonly practitioner: PractitionerView | null;
  /** The patients this account is the guardian of. */
  readonly wards: string[];
  /** The organisations this account administers (any status). */
  readonly adminOf: number[];
  /** Whether it holds a seat on the health council (the medical authority, by motion). */
  readonly councilMember: boolean;
}

function practitionerView(account: string, raw: unknown): PractitionerView | null {
  if (!isObject(raw)) return null;
  return {
    account,
    role: variant(raw.role),
    status: variant(raw.status),
    organisations: Array.isArray(raw.affiliations) ? raw.affiliations.map(Number) : [],
  };
}

/** The patient `address` is on chain, or null: one runtime call (a clinician's search needs no more). */
export async function patientOf(backend: Backend, address: string): Promise<PatientView | null> {
  return patientInfo(backend.requireApi(), address);
}

export async function identity(backend: Backend, address: string): Promise<Identity> {
  const api = backend.requireApi();
  const [patient, practitioner, wards, orgs, council] = await Promise.all([
    patientInfo(api, address),
    api.query.registry?.practitioners?.(address).then((c) => practitionerView(address, c.toJSON())) ?? Promise.resolve(null),
    wardsOf(backend, address),
    organisations(backend),
    api.query.council === undefined ? Promise.resolve({ members: [] as string[] }) : councilMembers(api),
  ]);
  return { patient, practitioner, wards, adminOf: orgs.filter((o) => o.admin === address).map((o) => o.id), councilMember: council.members.includes(address) };
}

/**
 * The patients whose guardian `guardian` is. The chain keeps no index from guardian to
 * patients, so this reads every patient: fine for a county's demo, not for a province (a
 * runtime API `wards_of` would be).
 */
export async function wardsOf(backend: Backend, guardian: string): Promise<string[]> {
  const api = backend.requireApi();
  const entries = await api.query.patientRecords?.patients?.entries() ?? [];
  return entries
    .filter(([, value]) => { const raw = value.toJSON(); return isObject(raw) && raw.guardian === guardian; })
    .map(([key]) => key.args[0]?.toString() ?? '')
    .filter((a) => a !== '');
}

export async function organisations(backend: Backend): Promise<OrganisationView[]> {
  const api = backend.requireApi();
  const entries = await api.query.registry?.organisations?.entries() ?? [];
  return entries
    .map(([key, value]) => {
      const raw = value.toJSON();
      if (!isObject(raw)) return null;
      const region = isObject(raw.region) ? raw.region : {};
      return {
        id: Number(key.args[0]?.toString()), name: text(raw.name), kind: variant(raw.kind), status: variant(raw.status),
        admin: typeof raw.admin === 'string' ? raw.admin : '',
        region: { county: Number(region.county ?? 0), township: Number(region.township ?? 0), village: Number(region.village ?? 0) },
      };
    })
    .filter((o): o is OrganisationView => o !== null)
    .sort((a, b) => a.id - b.id);
}

export async function practitioners(backend: Backend): Promise<PractitionerView[]> {
  const api = backend.requireApi();
  const entries = await api.query.registry?.practitioners?.entries() ?? [];
  return entries
    .map(([key, value]) => practitionerView(key.args[0]?.toString() ?? '', value.toJSON()))
    .filter((p): p is PractitionerView => p !== null);
}

/**
 * Publishes the account's version-0 X25519 key if it has none (docs/encryption.md §6.2).
 * `waiting` (nothing sent): the account holds no tokens and is not a patient yet, so it could
 * not pay; it publishes, free, once a clinic has enrolled it (the join screen).
 */
export async function ensureEncryptionKey(backend: Backend, session: Session): Promise<{ published: boolean; waiting: boolean }> {
  const api = backend.requireApi();
  const [patient, spendable] = await Promise.all([patientInfo(api, session.address), spendableBalance(backend, session.address)]);
  // An account that cannot pay and is not a patient waits (nothing sent) unless its key is on chain.
  if (patient === null && spendable === 0n && (await getEncryptionKey(api, session.address)) === null) return { published: false, waiting: true };
  // Does nothing if this account's key is published already; refuses a key derived otherwise.
  const { published } = await publishEncryptionKey(api, txAccount(session.actor).account, session.encryption, txAccount(session.actor).options);
  return { published, waiting: false };
}

/** The account's free balance, in the chain's smallest unit. */
export async function spendableBalance(backend: Backend, address: string): Promise<bigint> {
  const raw = (await backend.requireApi().query.system?.account?.(address))?.toJSON();
  if (!isObject(raw) || !isObject(raw.data)) return 0n;
  const free = raw.data.free;
  return typeof free === 'number' || typeof free === 'string' ? BigInt(free) : 0n;
}

/**
 * A practitioner enrols `patient` (the account their phone shows) for care organisation `org`:
 * the practitioner pays the deposit; the patient needs no tokens (docs/rural-operation.md).
 */
export async function enrolPatient(backend: Backend, session: Session, args: { patient: string; org: number }): Promise<void> {
  await registerPatientFor(backend.requireApi(), txAccount(session.actor).account, args, { ...txAccount(session.actor).options, finalized: true });
}

// ---- Staff acting for a clinic (docs/rural-operation.md) ------------------------------------

/** The staff the signed-in practitioner has (ended ones left out), with their end block. */
export async function myStaff(backend: Backend, session: Session): Promise<StaffProxyView[]> {
  const [staff, clock] = await Promise.all([staffOf(backend.requireApi(), session.address), chainClock(backend)]);
  return staff.filter((p) => p.until > clock.block);
}

/** Makes `staff` the signed-in practitioner's clinical staff for `days` days (at least one). */
export async function addStaff(backend: Backend, session: Session, args: { staff: string; days: number }): Promise<void> {
  if (!Number.isInteger(args.days) || args.days < 1 || args.days > 3650) throw new AppError('InvalidDays');
  const clock = await chainClock(backend);
  const until = clock.block + Math.ceil((args.days * 86_400_000) / clock.blockMs);
  await addStaffProxy(backend.requireApi(), txAccount(session.actor).account, { staff: args.staff, until }, { ...txAccount(session.actor).options, finalized: true });
}

/** Removes a staff member (one call; the deposit comes back). */
export async function removeStaff(backend: Backend, session: Session, staff: StaffProxyView): Promise<void> {
  await removeStaffProxy(backend.requireApi(), txAccount(session.actor).account, staff, { ...txAccount(session.actor).options, finalized: true });
}

/** Whom the signed-in account works for as clinical staff, now. */
export async function myEmployers(backend: Backend, session: Session): Promise<StaffProxyView[]> {
  const [employers, clock] = await Promise.all([employersOf(backend.requireApi(), session.address), chainClock(backend)]);
  return employers.filter((p) => p.until > clock.block);
}

/** Staff enrol a patient for their employer (who pays the deposit), signing as themselves. */
export async function enrolPatientAsStaff(backend: Backend, session: Session, args: { employer: string; patient: string; org: number }): Promise<void> {
  await registerPatientFor(backend.requireApi(), txAccount(session.actor).account, { patient: args.patient, org: args.org },
    { ...txAccount(session.actor).options, finalized: true, asProxyFor: args.employer });
}

/** How many of the patient's free actions are used today, or null on a runtime without them. */
export async function freeActions(backend: Backend, patient: string): Promise<FreeCallAllowance | null> {
  return freeCallAllowance(backend.requireApi(), patient);
}

// ---------------------------------------------------------------------------------------------
// Consent grants

export type Grantee = { readonly kind: 'practitioner'; readonly account: string } | { readonly kind: 'organisation'; readonly org: number };
export type GrantScope = { readonly kind: 'all' } | { readonly kind: 'categories'; readonly categories: string[] } | { readonly kind: 'records'; readonly records: string[] };

export interface GrantView {
  readonly id: bigint;
  readonly grantee: Grantee;
  readonly purposes: PurposeOfUse[];
  readonly scope: GrantScope;
  readonly startsAt: number;
  readonly expiresAt: number;
  readonly canWrite: boolean;
  readonly allowReferral: boolean;
}

function grantView(raw: unknown): GrantView | null {
  if (!isObject(raw) || !isObject(raw.grantee) || !isObject(raw.scope)) return null;
  const g = raw.grantee;
  let grantee: Grantee;
  if (typeof g.practitioner === 'string') grantee = { kind: 'practitioner', account: g.practitioner };
  else if (isObject(g.organisation)) grantee = { kind: 'organisation', org: Number(g.organisation.org) };
  else return null;
  const s = raw.scope;
  let scope: GrantScope = { kind: 'all' };
  if (Array.isArray(s.categories)) scope = { kind: 'categories', categories: s.categories.map(String) };
  else if (Array.isArray(s.records)) scope = { kind: 'records', records: s.records.map(String) };
  return {
    id: BigInt(String(raw.id)),
    grantee,
    purposes: Array.isArray(raw.purposes) ? (raw.purposes.map(String) as PurposeOfUse[]) : [],
    scope,
    startsAt: Number(raw.startsAt),
    expiresAt: Number(raw.expiresAt),
    canWrite: raw.canWrite === true,
    allowReferral: raw.allowReferral === true,
  };
}

export async function grantsOf(backend: Backend, patient: string): Promise<GrantView[]> {
  const api = backend.requireApi();
  const call = api.call.consentApi?.grantsOf;
  if (call === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain has no ConsentApi.grants_of.');
  const raw = (await call(patient)).toJSON();
  return (Array.isArray(raw) ? raw : []).map(grantView).filter((g): g is GrantView => g !== null);
}

export interface ChainClock {
  readonly block: number;
  readonly nowMs: number;
  readonly blockMs: number;
}

export async function chainClock(backend: Backend): Promise<ChainClock> {
  const api = backend.requireApi();
  const header = await api.rpc.chain.getHeader();
  const minimumPeriod = api.consts.timestamp?.minimumPeriod;
  // Aura: one slot is twice the timestamp pallet's minimum period.
  const blockMs = minimumPeriod === undefined ? 6000 : Number(minimumPeriod.toString()) * 2;
  const clock = { block: header.number.toNumber(), nowMs: Date.now(), blockMs };
  try {
    localStorage.setItem(CLOCK_KEY, JSON.stringify(clock));
  } catch {
    // Without storage an offline grant cannot be dated; it says so then.
  }
  return clock;
}

const CLOCK_KEY = 'ruralmed.clock.v1';

/** The chain's clock as last seen, carried forward to now (for work signed offline). */
function lastClock(): ChainClock {
  try {
    const saved = JSON.parse(localStorage.getItem(CLOCK_KEY) ?? 'null') as Partial<ChainClock> | null;
    if (typeof saved?.block === 'number' && typeof saved.nowMs === 'number' && typeof saved.blockMs === 'number' && saved.blockMs > 0) {
      const now = Date.now();
      return { block: saved.block + Math.floor((now - saved.nowMs) / saved.blockMs), nowMs: now, blockMs: saved.blockMs };
    }
  } catch {
    // Damaged: as if never seen.
  }
  throw new AppError('NeverConnected');
}

/** The time a block number is expected at (for "until" dates). */
export function blockTime(clock: ChainClock, block: number): number {
  return clock.nowMs + (block - clock.block) * clock.blockMs;
}

export interface GrantRequest {
  readonly patient: string;
  readonly grantee: Grantee;
  readonly purpose: Exclude<PurposeOfUse, 'Emergency'>;
  readonly untilMs: number;
  readonly canWrite: boolean;
}

/**
 * `consent.grantConsent` over all records from now until the block expected at `untilMs`; a
 * clinic the patient lets write is also made one of their care organisations in the same batch.
 */
function grantCall(api: ApiPromise, clock: ChainClock, request: GrantRequest, isCareOrg: boolean): SubmittableExtrinsic<'promise'> {
  const expiresAt = clock.block + Math.ceil((request.untilMs - clock.nowMs) / clock.blockMs);
  if (expiresAt <= clock.block + 1) throw new AppError('PastDate');
  const grantee = request.grantee.kind === 'practitioner'
    ? { Practitioner: request.grantee.account }
    : { Organisation: { org: request.grantee.org, roles: [] } };
  const tx = api.tx.consent?.grantConsent;
  if (tx === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain has no consent.grantConsent call.');
  const writes = request.canWrite && request.purpose === 'Treatment';
  const grant = tx(request.patient, grantee, [request.purpose], { AllRecords: null }, clock.block, expiresAt, writes, false);
  const careOrg = careOrgOf(request);
  const add = api.tx.patientRecords?.addCareOrganisation;
  // Offline, whether it is one already is not known: force_batch lets that part fail alone.
  const batch = isCareOrg ? undefined : api.tx.utility?.forceBatch;
  if (careOrg === null || add === undefined || batch === undefined) return grant;
  return batch([grant, add(request.patient, careOrg)]);
}

/** The clinic a grant lets write for treatment, which becomes one of the patient's care organisations. */
function careOrgOf(request: GrantRequest): number | null {
  return request.grantee.kind === 'organisation' && request.canWrite && request.purpose === 'Treatment' ? request.grantee.org : null;
}

export async function grantAccess(backend: Backend, session: Session, request: GrantRequest): Promise<void> {
  const api = backend.requireApi();
  const clock = await chainClock(backend);
  const careOrg = careOrgOf(request);
  const isCareOrg = careOrg === null || (await api.query.patientRecords?.careOrganisations?.(request.patient, careOrg))?.isEmpty === false;
  await signed(api, grantCall(api, clock, request, isCareOrg), session);
}

/**
 * The patient gives access offline: signed now on this phone and kept in the outbox; the
 * keys of their records go to a practitioner once it is sent.
 */
export async function keepGrant(backend: Backend, session: Session, request: GrantRequest): Promise<OutboxItem> {
  const api = backend.signingApi();
  const tx = grantCall(api, lastClock(), request, false);
  const subject = request.grantee.kind === 'practitioner' ? request.grantee.account : String(request.grantee.org);
  return queueCall(api, outbox, session.actor, tx, {
    kind: request.grantee.kind === 'practitioner' ? 'grantPractitioner' : 'grantOrganisation', subject,
    ...(request.grantee.kind === 'practitioner' ? { shareWith: { patient: request.patient, reader: request.grantee.account, purpose: request.purpose } } : {}),
  });
}

/** Stops a grant; `options.asProxyFor` stops one of the account this phone acts for. */
export async function revokeAccess(backend: Backend, session: Session, grantId: bigint, options: TxOptions = {}): Promise<void> {
  const api = backend.requireApi();
  const tx = api.tx.consent?.revokeConsent;
  if (tx === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain has no consent.revokeConsent call.');
  await signed(api, tx(grantId), session, options);
}

// ---------------------------------------------------------------------------------------------
// Records

export interface RecordPage {
  readonly anchors: RecordAnchorView[];
  /** Index of the oldest record on this page; 0 when there are no older ones. */
  readonly from: number;
}

/** A page of the patient's records, newest first, ending before index `before` (all if null). */
export async function recordPage(backend: Backend, patient: string, before: number | null, size = 10): Promise<RecordPage> {
  const api = backend.requireApi();
  const info = await patientInfo(api, patient);
  if (info === null) throw new AppError('NotPatient');
  const end = before ?? Number(info.recordCount);
  const from = Math.max(0, end - size);
  const anchors = end === 0 ? [] : await recordsOf(api, patient, from, end - from);
  return { anchors: anchors.reverse(), from };
}

export interface RecordFlags {
  readonly dispute: DisputeView | null;
  readonly erasure: ErasureView | null;
}

/** Whether a record is questioned or erased (runtimes without these calls: neither). */
export async function recordFlags(backend: Backend, recordId: bigint): Promise<RecordFlags> {
  const api = backend.requireApi();
  if (api.call.patientRecordsApi?.dispute === undefined) return { dispute: null, erasure: null };
  const [dispute, erasure] = await Promise.all([disputeOf(api, recordId), erasureOf(api, recordId)]);
  return { dispute, erasure };
}

/**
 * Opens records through the vault: each reader's access is logged on chain (finalized) before
 * the vault hands out the ciphertext, which is checked against the anchor and decrypted here.
 * The logs of all of them are signed with consecutive nonces and sent together
 * (`readRecords`). One result per id, in order.
 */
export async function openRecords(backend: Backend, session: Session, recordIds: readonly bigint[], purpose: PurposeOfUse, patientSide: boolean): Promise<PromiseSettledResult<FhirResource>[]> {
  const key = (id: bigint): string => `${session.address}:${purpose}:${id}`;
  // A record this reader is already opening (another screen, a re-render) is not read again:
  // that would sign a second access log for nothing.
  const fresh = [...new Set(recordIds)].filter((id) => !inflight.has(key(id)));
  if (fresh.length > 0) {
    const batch = readBatch(backend, session, fresh, purpose, patientSide);
    fresh.forEach((id, i) => {
      const one = batch.then((results) => {
        const result = results[i];
        if (result === undefined) throw new Error('no result');
        if (result.status === 'rejected') throw result.reason;
        return result.value;
      });
      inflight.set(key(id), one);
      void one.catch(() => undefined).finally(() => { inflight.delete(key(id)); });
    });
  }
  return Promise.allSettled(recordIds.map((id) => inflight.get(key(id)) ?? Promise.reject(new Error('not read'))));
}

/**
 * The key under which a screen keeps a record it decrypted this session (`AppContext.opened`):
 * by reader, patient, purpose and record, so another purpose or reader reads (and logs) anew.
 */
export function openedKey(reader: string, patient: string, purpose: PurposeOfUse, id: bigint): string {
  return `${reader}:${patient}:${purpose}:${id}`;
}

/** Reads in progress, by reader, purpose and record. */
const inflight = new Map<string, Promise<FhirResource>>();

async function readBatch(backend: Backend, session: Session, recordIds: readonly bigint[], purpose: PurposeOfUse, patientSide: boolean): Promise<PromiseSettledResult<FhirResource>[]> {
  const api = backend.requireApi();
  if (backend.vault === 'down') throw new AppError('VaultDown');
  // Ask the chain first (ConsentApi.read_access): without consent there is nothing to read,
  // and no access-log transaction is signed just to be refused. The vault still enforces it.
  const readAccess = api.call.consentApi?.readAccess;
  const allowed = patientSide || readAccess === undefined
    ? recordIds.map(() => true)
    : await Promise.all(recordIds.map(async (id) => !(await readAccess(session.address, id, purpose)).isEmpty));
  const toRead = recordIds.filter((_, i) => allowed[i] === true);
  const read = toRead.length === 0 ? [] : await readRecords(api, backend.vaultClient, session.actor, session.encryption, toRead, purpose);
  let next = 0;
  return recordIds.map((_, i): PromiseSettledResult<FhirResource> => {
    if (allowed[i] !== true) return { status: 'rejected', reason: new AppError('NoReadAccess') };
    const result = read[next++];
    if (result === undefined) return { status: 'rejected', reason: new Error('no result') };
    return result.status === 'fulfilled' ? { status: 'fulfilled', value: result.value.fhir } : result;
  });
}

export async function questionRecord(backend: Backend, session: Session, recordId: bigint, reason: DisputeReason): Promise<void> {
  const { account, options } = txAccount(session.actor);
  await disputeRecord(backend.requireApi(), account, recordId, reason, undefined, options);
}

export type RecordContent = { readonly category: Exclude<RecordCategory, 'Document'>; readonly resource: FhirResource } | { readonly category: 'Document'; readonly file: RecordFile };

/**
 * Encrypts, stores, anchors and shares a record written by a practitioner for `org` (a FHIR
 * resource, or a file kept inline in a DocumentReference); `amends` names the record it corrects.
 */
export async function saveRecord(backend: Backend, session: Session, args: { patient: string; org: number; content: RecordContent; amends?: bigint }): Promise<bigint> {
  const api = backend.requireApi();
  if (backend.vault === 'down') throw new AppError('VaultDown');
  const { recordId } = await writeRecord(api, backend.vaultClient, session.actor, writeArgs(backend, args));
  return recordId;
}

/** What a clinician's form gives, as `writeRecord`'s (and `queueRecord`'s) arguments. */
function writeArgs(backend: Backend, args: { patient: string; org: number; content: RecordContent; amends?: bigint }): WriteRecordArgs {
  const { content } = args;
  return {
    patient: args.patient, org: args.org, category: content.category, vaultOrg: backend.config.vaultOrg,
    ...(content.category === 'Document' ? { file: content.file } : { resource: content.resource }),
    ...(args.amends === undefined ? {} : { amends: args.amends }),
  };
}

// ---------------------------------------------------------------------------------------------
// Work kept while offline (the outbox)

/** The outbox of this device (IndexedDB). */
export const outbox = new IndexedDbOutboxStore();

/** A clinician writes a record offline: encrypted now, kept with its signed anchor, sent later. */
export async function keepRecord(backend: Backend, session: Session, args: { patient: string; org: number; content: RecordContent; amends?: bigint }): Promise<OutboxItem> {
  return queueRecord(backend.signingApi(), outbox, session.actor, session.encryption, writeArgs(backend, args));
}

/** Whether new work must wait in the outbox: offline, or older work of this account still waits (order is kept). */
export async function mustKeep(backend: Backend, session: Session): Promise<boolean> {
  if (backend.offline) return true;
  return (await outbox.all()).some((i) => i.state === 'waiting' && i.signer === session.address);
}

export const keptWork = (): Promise<OutboxItem[]> => outboxItems(outbox);
export const keptSummary = (): Promise<OutboxSummary> => outboxSummary(outbox);

let sending: Promise<SendReport> | null = null;

/** Sends the waiting work (once at a time); notes the account's nonce for later offline work. */
export function sendKept(backend: Backend, session: Session, onChange?: (item: OutboxItem) => void): Promise<SendReport> {
  sending ??= (async () => {
    const api = backend.requireApi();
    if (backend.vault !== 'ok') throw new AppError('VaultDown');
    return sendOutbox(api, backend.vaultClient, outbox, session.actor, session.encryption, {
      afterSent: async (item) => {
        if (item.shareWith !== undefined) await shareRecordsWith(backend, session, item.shareWith.patient, item.shareWith.reader, item.shareWith.purpose);
      },
      ...(onChange === undefined ? {} : { onChange }),
    });
  })().finally(() => { sending = null; });
  return sending;
}

/** Notes the account's next nonce while online, for the work it may sign offline later. */
export async function noteNonce(backend: Backend, session: Session): Promise<void> {
  const api = backend.requireApi();
  await noteChainNonce(outbox, session.address, Number((await api.rpc.system.accountNextIndex(session.address)).toString()));
}

export const retryKept = (session: Session, id: string): Promise<OutboxItem> => retryOutboxItem(outbox, session.actor, id);
export const removeKept = (id: string): Promise<void> => removeOutboxItem(outbox, id);
export const openKept = (session: Session, item: OutboxItem): Promise<FhirResource> =>
  openQueuedRecord(item.record ?? unreachableRecord(), item.signer, session.encryption);

function unreachableRecord(): never {
  throw new ChainError(undefined, 'UnknownItem', 'This kept work is not a record.');
}

/** The earlier versions of a record (the one it amends, the one that amends, …), newest first. */
export async function earlierVersions(backend: Backend, anchor: RecordAnchorView): Promise<RecordAnchorView[]> {
  const api = backend.requireApi();
  const out: RecordAnchorView[] = [];
  let next = anchor.amends;
  // An amendment chain is short; the bound only guards against a malformed loop.
  while (next !== null && out.length < 100) {
    const older = await getRecord(api, next);
    if (older === null) break;
    out.push(older);
    next = older.amends;
  }
  return out;
}

/**
 * The patient (or guardian) erases a record: `eraseRecord` on chain, finalized (every key
 * share is removed, the anchor stays as history), then the vault deletes the ciphertext. The
 * chain's erasure cannot be undone; if the vault cannot be reached then, `VaultEraseFailed`
 * says so and `deleteStoredCopy` finishes the job (it is safe to repeat).
 */
export async function eraseMyRecord(backend: Backend, session: Session, anchor: RecordAnchorView): Promise<void> {
  const api = backend.requireApi();
  if (backend.vault === 'down') throw new AppError('VaultDown');
  await eraseRecord(api, txAccount(session.actor).account, anchor.id, txAccount(session.actor).options);
  await deleteStoredCopy(backend, session, anchor);
}

export async function deleteStoredCopy(backend: Backend, session: Session, anchor: RecordAnchorView): Promise<void> {
  try {
    await backend.vaultClient.erase(vaultSignerOf(session.actor), u8aToHex(anchor.contentHash), anchor.id);
  } catch {
    throw new AppError('VaultEraseFailed');
  }
}

/** After a grant to one practitioner: hands them the keys of the patient's records. */
export async function shareRecordsWith(backend: Backend, session: Session, patient: string, reader: string, purpose: PurposeOfUse): Promise<number> {
  const api = backend.requireApi();
  const info = await patientInfo(api, patient);
  const anchors = info === null || info.recordCount === 0n ? [] : await recordsOf(api, patient, 0, Number(info.recordCount));
  let shared = 0;
  for (const anchor of anchors) {
    const flags = await recordFlags(backend, anchor.id);
    if (flags.erasure !== null) continue;
    await shareWithReader(api, txAccount(session.actor).account, session.encryption, { recordId: anchor.id, reader, purpose }, txAccount(session.actor).options);
    shared += 1;
  }
  return shared;
}

export interface TrailPage {
  readonly entries: AccessEntryView[];
  /** Position of the oldest entry asked for; 0 when there are no older ones. */
  readonly from: number;
}

/** A page of the patient's access trail, newest first, ending before position `before`. */
export async function accessTrail(backend: Backend, patient: string, before: number | null, size = 20): Promise<TrailPage> {
  const api = backend.requireApi();
  const info = await patientInfo(api, patient);
  if (info === null) throw new AppError('NotPatient');
  const end = before ?? Number(info.accessCount);
  const from = Math.max(0, end - size);
  const entries = end === 0 ? [] : await accessLogOf(api, patient, from, end - from);
  return { entries: entries.reverse(), from };
}

// ---------------------------------------------------------------------------------------------
// Referrals and break-glass (consent pallet)

export interface ReferralRequest {
  readonly patient: string;
  /** The organisation the referring clinician acts for. */
  readonly referrerOrg: number;
  readonly specialist: string;
  readonly specialistOrg: number;
  readonly days: number;
}

/**
 * Refers the patient to a specialist for teleconsultation (`consent.refer`) on the patient's
 * grant that covers the referrer (a treatment grant that allows referrals, to the referrer or
 * to `referrerOrg`), then hands the specialist the keys of the records the referrer holds.
 * Returns the number of records shared.
 */
export async function referPatient(backend: Backend, session: Session, request: ReferralRequest): Promise<number> {
  const api = backend.requireApi();
  const tx = api.tx.consent?.refer;
  if (tx === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain has no consent.refer call.');
  const [grants, clock] = await Promise.all([grantsOf(backend, request.patient), chainClock(backend)]);
  const me = session.address;
  const grant = grants.find((g) => g.allowReferral && g.purposes.includes('Treatment') && g.scope.kind === 'all'
    && g.startsAt <= clock.block && clock.block < g.expiresAt
    && (g.grantee.kind === 'organisation' ? g.grantee.org === request.referrerOrg : g.grantee.account === me));
  if (grant === undefined) throw new AppError('NoReferableGrant');
  const maxDuration = Number(api.consts.consent?.maxReferralDuration?.toString() ?? '0');
  let expiresAt = Math.min(clock.block + Math.ceil((request.days * 86_400_000) / clock.blockMs), grant.expiresAt);
  if (maxDuration > 0) expiresAt = Math.min(expiresAt, clock.block + maxDuration - 1);
  await signed(api, tx(grant.id, request.referrerOrg, request.specialist, request.specialistOrg, { AllRecords: null }, expiresAt, false), session, { finalized: true });
  return shareHeldRecords(backend, session, request.patient, request.specialist, 'Referral');
}

/** Shares with `reader` every live record of `patient` this clinician holds a key to. */
async function shareHeldRecords(backend: Backend, session: Session, patient: string, reader: string, purpose: PurposeOfUse): Promise<number> {
  const api = backend.requireApi();
  const info = await patientInfo(api, patient);
  const anchors = info === null || info.recordCount === 0n ? [] : await recordsOf(api, patient, 0, Number(info.recordCount));
  let shared = 0;
  for (const anchor of anchors) {
    if ((await recordFlags(backend, anchor.id)).erasure !== null) continue;
    if ((await readKeyShare(api, anchor.id, session.encryption.account)) === null) continue;
    if ((await readKeyShare(api, anchor.id, reader)) !== null) continue;
    await shareWithReader(api, txAccount(session.actor).account, session.encryption, { recordId: anchor.id, reader, purpose }, txAccount(session.actor).options);
    shared += 1;
  }
  return shared;
}

/** `EmergencyReason` of the consent pallet, in declaration order (the SCALE index). */
export const EMERGENCY_REASONS = ['PatientUnresponsive', 'LifeThreatening', 'GuardianUnreachable', 'MassCasualty', 'Other'] as const;
export type EmergencyReason = (typeof EMERGENCY_REASONS)[number];

/**
 * The commitment the chain stores instead of the reason (docs/privacy.md):
 * `blake2_256(SCALE(reason) ‖ blake2_256(justification))`, as the pallet's `emergency_commitment`.
 */
export function emergencyCommitment(reason: EmergencyReason, justification: string): Uint8Array {
  const index = EMERGENCY_REASONS.indexOf(reason);
  return blake2AsU8a(u8aConcat(new Uint8Array([index]), blake2AsU8a(stringToU8a(justification), 256)), 256);
}

export interface BreakGlassRequest {
  readonly patient: string;
  readonly org: number;
  readonly reason: EmergencyReason;
  readonly justification: string;
  readonly hours: number;
}

export interface BreakGlassReceipt {
  readonly commitment: string;
  readonly untilMs: number;
  readonly reviewByMs: number | null;
}

/** Breaks the glass (`consent.openEmergencyAccess`); only the commitment goes on chain. */
export async function openBreakGlass(backend: Backend, session: Session, request: BreakGlassRequest): Promise<BreakGlassReceipt> {
  const api = backend.requireApi();
  const tx = api.tx.consent?.openEmergencyAccess;
  if (tx === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain has no consent.openEmergencyAccess call.');
  const clock = await chainClock(backend);
  const maxDuration = Number(api.consts.consent?.maxEmergencyDuration?.toString() ?? '0');
  let duration = Math.ceil((request.hours * 3_600_000) / clock.blockMs);
  if (maxDuration > 0) duration = Math.min(duration, maxDuration);
  const commitment = emergencyCommitment(request.reason, request.justification);
  await signed(api, tx(request.patient, request.org, commitment, duration), session, { finalized: true });
  const review = Number(api.consts.consent?.emergencyReviewPeriod?.toString() ?? '0');
  return {
    commitment: u8aToHex(commitment),
    untilMs: blockTime(clock, clock.block + duration),
    reviewByMs: review > 0 ? blockTime(clock, clock.block + review) : null,
  };
}

export type EmergencyStatus = 'Open' | 'Accepted' | 'Escalated' | 'Cleared' | 'Sanctioned';

export interface EmergencyView {
  readonly id: bigint;
  readonly practitioner: string;
  readonly org: number;
  readonly openedAt: number;
  readonly expiresAt: number;
  readonly reviewBy: number;
  readonly status: EmergencyStatus;
  readonly disputed: boolean;
}

const EMERGENCY_STATUSES: readonly EmergencyStatus[] = ['Open', 'Accepted', 'Escalated', 'Cleared', 'Sanctioned'];

function emergencyView(entry: unknown): EmergencyView | null {
  if (!Array.isArray(entry)) return null;
  const [id, raw] = entry as [unknown, unknown];
  if (!isObject(raw)) return null;
  const status = EMERGENCY_STATUSES.find((s) => s.toLowerCase() === variant(raw.status).toLowerCase());
  if (status === undefined) return null;
  return {
    id: BigInt(String(id)),
    practitioner: String(raw.practitioner),
    org: Number(raw.org),
    openedAt: Number(raw.openedAt),
    expiresAt: Number(raw.expiresAt),
    reviewBy: Number(raw.reviewBy),
    status,
    disputed: raw.disputed === true,
  };
}

/** The patient's break-glass accesses (`ConsentApi.emergencies_of`), newest first. */
export async function emergenciesOf(backend: Backend, patient: string): Promise<EmergencyView[]> {
  const api = backend.requireApi();
  const call = api.call.consentApi?.emergenciesOf;
  if (call === undefined) return [];
  const out: EmergencyView[] = [];
  // Pages of at most 100 (the runtime's cap), oldest first.
  for (let from = 0; ; from += 100) {
    const raw = (await call(patient, from, 100)).toJSON();
    const page = (Array.isArray(raw) ? raw : []).map(emergencyView).filter((e): e is EmergencyView => e !== null);
    out.push(...page);
    if (page.length < 100) break;
  }
  return out.reverse();
}

/** The patient (or guardian) accepts or disputes a break-glass access. */
export async function reviewBreakGlass(backend: Backend, session: Session, id: bigint, accept: boolean): Promise<void> {
  const api = backend.requireApi();
  const tx = api.tx.consent?.reviewEmergencyAccess;
  if (tx === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain has no consent.reviewEmergencyAccess call.');
  await signed(api, tx(id, accept), session);
}

// ---- SMART Health Links (app/client shl.ts; vault/README.md "SMART Health Links") ----------

/** The page that opens links: viewer.html beside the app. */
export function viewerUrl(): string {
  return new URL('viewer.html', window.location.href).href.replace(/[?#].*$/, '');
}

/**
 * Makes a link to `records` (already decrypted on this phone) for someone outside RuralMed:
 * the vault keeps them sealed under a key that only the link carries.
 */
export async function makeHealthLink(
  backend: Backend,
  session: Session,
  args: { patient: string; records: readonly { recordId: bigint; resource: FhirResource }[]; label: string; days: number; passcode: string | null },
): Promise<{ id: string; link: string; expiresMs: number }> {
  return shareByLink(backend.vaultClient, session.actor, {
    patient: args.patient, records: args.records, label: args.label, passcode: args.passcode,
    expiresMs: Date.now() + args.days * 86_400_000, viewerUrl: viewerUrl(),
  });
}

/** The patient's links with their uses, newest first. */
export function healthLinks(backend: Backend, session: Session, patient: string): Promise<HealthLinkView[]> {
  return backend.vaultClient.listHealthLinks(vaultSignerOf(session.actor), patient);
}

export async function revokeHealthLink(backend: Backend, session: Session, id: string): Promise<void> {
  await backend.vaultClient.revokeHealthLink(vaultSignerOf(session.actor), id);
}

// ---- Medicines (app/client medicines.ts) ------------------------------------------------------

/**
 * Hands packs over from `org`'s stock for prescription record `prescription` (already saved):
 * checks everything first, dispenses on chain with only a salted commitment to the patient,
 * then writes the encrypted MedicationDispense record (`dispenseToPatient`).
 */
export async function handOverMedicine(
  backend: Backend,
  session: Session,
  args: { patient: string; org: number; prescription: bigint; gtin: string; lotNumber: string; quantity: number; serials?: readonly string[]; display: string; dosageText: string },
): Promise<{ recordId: bigint; dispensationId: bigint }> {
  const api = backend.requireApi();
  if (backend.vault === 'down') throw new AppError('VaultDown');
  let done;
  try {
    done = await dispenseToPatient(api, backend.vaultClient, session.actor, {
      org: args.org, gtin: args.gtin, lotNumber: args.lotNumber, quantity: args.quantity, serials: args.serials ?? [], patient: args.patient,
      prescription: args.prescription, vaultOrg: backend.config.vaultOrg, medication: { display: args.display }, dosageText: args.dosageText,
    });
  } catch (error) {
    // Handed over on chain, but the record was not written: the book still says whom it was for.
    if (error instanceof DispenseNotRecordedError) {
      const lot = await lotIdOf(api, args.gtin, args.lotNumber);
      await addToBook(session, {
        dispensation: error.dispensationId.toString(), lot: String(lot ?? ''), org: args.org, patient: args.patient,
        prescription: args.prescription.toString(), record: '', salt: u8aToHex(error.salt), at: Date.now(),
      });
    }
    throw error;
  }
  // The pharmacy's own books: whom this dispensation names, for a recall (dispensing-book.ts).
  await addToBook(session, {
    dispensation: done.dispensationId.toString(), lot: done.lotId.toString(), org: args.org, patient: args.patient,
    prescription: args.prescription.toString(), record: done.recordId.toString(), salt: u8aToHex(done.salt), at: Date.now(),
  });
  return { recordId: done.recordId, dispensationId: done.dispensationId };
}

/** The patient's records of one category, newest first (all pages; a person's history is short). */
async function anchorsOf(api: ApiPromise, patient: string, category: RecordCategory): Promise<RecordAnchorView[]> {
  const info = await patientInfo(api, patient);
  if (info === null) throw new AppError('NotPatient');
  const total = Number(info.recordCount);
  const out: RecordAnchorView[] = [];
  for (let from = 0; from < total; from += 100) {
    out.push(...(await recordsOf(api, patient, from, Math.min(100, total - from))).filter((a) => a.category === category && a.supersededBy === null));
  }
  return out.reverse();
}

/**
 * The medicines handed to `patient`: their MedicationDispense records opened (as the patient
 * or guardian, each read logged) and each lot's status on chain, so a recalled lot is flagged.
 * Records already opened this session are not read again.
 */
export async function medicinesFor(
  backend: Backend,
  session: Session,
  patient: string,
  opened: Map<string, unknown>,
): Promise<{ medicines: Medicine[]; unreadable: number }> {
  const api = backend.requireApi();
  const anchors = (await anchorsOf(api, patient, 'MedicationDispense')).filter((a) => a.contentHash.length > 0);
  const live = await Promise.all(anchors.map(async (a) => ((await recordFlags(backend, a.id)).erasure === null ? a : null)));
  const toShow = live.filter((a): a is RecordAnchorView => a !== null);
  const key = (id: bigint): string => openedKey(session.address, patient, 'Treatment', id);
  const missing = toShow.filter((a) => !opened.has(key(a.id)));
  const results = missing.length === 0 ? [] : await openRecords(backend, session, missing.map((a) => a.id), 'Treatment', true);
  results.forEach((r, i) => { const a = missing[i]; if (r.status === 'fulfilled' && a !== undefined) opened.set(key(a.id), r.value); });
  const entries = toShow.flatMap((a) => {
    const resource = opened.get(key(a.id)) as FhirResource | undefined;
    return resource === undefined ? [] : [{ recordId: a.id, patient, resource }];
  });
  return { medicines: await medicinesOf(api, entries), unreadable: toShow.length - entries.length };
}

// ---- Registration: a patient on their own, or through a guardian ------------------------------

/** Registers the signed-in account as a patient managing their own records (holds the deposit). */
export async function registerSelf(backend: Backend, session: Session): Promise<void> {
  const api = backend.requireApi();
  const tx = api.tx.patientRecords?.registerPatient;
  if (tx === undefined) throw new AppError('NodeDown');
  await signed(api, tx(), session, { finalized: true });
}

/**
 * A practitioner proposes to register `ward` (who cannot manage keys) with `guardian`, for care
 * organisation `org`; nothing is registered until the guardian accepts.
 */
export async function proposeGuardianship(backend: Backend, session: Session, args: { ward: string; guardian: string; org: number }): Promise<void> {
  const api = backend.requireApi();
  const tx = api.tx.patientRecords?.registerPatientWithGuardian;
  if (tx === undefined) throw new AppError('NodeDown');
  await signed(api, tx(args.ward, args.guardian, args.org), session, { finalized: true });
}

export interface GuardianshipProposalView {
  readonly ward: string;
  readonly guardian: string;
  readonly org: number;
  readonly proposedBy: string;
  readonly expiresAt: number;
}

/** The pending proposal to register `ward`, or null. */
export async function guardianshipProposal(backend: Backend, ward: string): Promise<GuardianshipProposalView | null> {
  const api = backend.requireApi();
  const raw = (await api.query.patientRecords?.guardianshipProposals?.(ward))?.toJSON();
  if (!isObject(raw) || typeof raw.guardian !== 'string' || typeof raw.proposedBy !== 'string') return null;
  return { ward, guardian: raw.guardian, org: Number(raw.org), proposedBy: raw.proposedBy, expiresAt: Number(raw.expiresAt) };
}

/** The proposed guardian accepts: `ward` is registered with them as guardian. */
export async function acceptGuardianship(backend: Backend, session: Session, ward: string): Promise<void> {
  const api = backend.requireApi();
  const tx = api.tx.patientRecords?.acceptGuardianship;
  if (tx === undefined) throw new AppError('NodeDown');
  await signed(api, tx(ward), session, { finalized: true });
}

// ---- Referrals on the patient's grants --------------------------------------------------------

export interface ReferralView {
  readonly id: bigint;
  readonly referrer: string;
  readonly referrerOrg: number;
  readonly specialist: string;
  readonly specialistOrg: number;
  readonly expiresAt: number;
}

/** The patient's referrals on record (first 100 specialists; a person has a few). */
export async function referralsOf(backend: Backend, patient: string): Promise<ReferralView[]> {
  const api = backend.requireApi();
  const call = api.call.consentApi?.referralsOf;
  if (call === undefined) return [];
  const raw = (await call(patient, null, 100)).toJSON();
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    if (!Array.isArray(entry) || !isObject(entry[1])) return [];
    const [id, r] = entry as [unknown, Record<string, unknown>];
    if ((typeof id !== 'number' && typeof id !== 'string') || typeof r.referrer !== 'string' || typeof r.specialist !== 'string') return [];
    return [{ id: BigInt(id), referrer: r.referrer, referrerOrg: Number(r.referrerOrg), specialist: r.specialist, specialistOrg: Number(r.specialistOrg), expiresAt: Number(r.expiresAt) }];
  });
}

export async function revokeReferral(backend: Backend, session: Session, referral: bigint): Promise<void> {
  const api = backend.requireApi();
  const tx = api.tx.consent?.revokeReferral;
  if (tx === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain has no consent.revokeReferral call.');
  await signed(api, tx(referral), session);
}

// ---------------------------------------------------------------------------------------------
// Anyone, without an account: a medicine pack checked, a donation traced (reads only)

/** The chain's answer about the pack `code` (parsed with the client's `parsePackCode`). */
export function checkPackCode(backend: Backend, code: PackCode): Promise<PackCheck> {
  return checkPack(backend.requireApi(), code);
}

/** Where donation `id` went, or `null` if the chain has no such donation. */
export function donationTrace(backend: Backend, id: bigint): Promise<DonationTraceView | null> {
  return traceDonation(backend.requireApi(), id);
}

/** The signed-in donor's own donations, newest first. */
export function myDonations(backend: Backend, session: Session): Promise<OwnDonation[]> {
  return donationsBy(backend.requireApi(), session.address);
}

// ---------------------------------------------------------------------------------------------
// Emergency supplies (app/client emergencies.ts): anyone reads; donors, warehouses and clinics act

/** The newest emergencies, newest first. */
export function emergencyList(backend: Backend): Promise<SupplyEmergencyView[]> {
  return listEmergencies(backend.requireApi(), 20);
}

/** One emergency with its per-item dashboard, or null if there is none. */
export async function emergencyDetail(backend: Backend, id: number): Promise<{ emergency: SupplyEmergencyView; items: ItemDashboardView[] } | null> {
  const api = backend.requireApi();
  const [emergency, items] = await Promise.all([getEmergency(api, id), emergencyDashboard(api, id)]);
  return emergency === null ? null : { emergency, items: items ?? [] };
}

export function supplyRound(backend: Backend, emergency: SupplyEmergencyView, item: number, round: number): Promise<RoundView> {
  return roundView(backend.requireApi(), emergency, item, round);
}

/** The allocations clinic `org` received, newest first. */
export async function clinicDeliveries(backend: Backend, org: number): Promise<DeliveryView[]> {
  return (await deliveriesTo(backend.requireApi(), org)).reverse();
}

export function pledgeSupplies(backend: Backend, session: Session, args: PledgeArgs): Promise<{ donation: bigint; deposit: bigint }> {
  return pledge(backend.requireApi(), session.actor, args);
}

export function cancelSupplyPledge(backend: Backend, session: Session, donation: bigint): Promise<void> {
  return cancelPledge(backend.requireApi(), session.actor, donation);
}

export function receiveDonation(backend: Backend, session: Session, args: { donation: bigint; warehouse: number; quantity: number; pledged: number }): Promise<void> {
  return confirmReceipt(backend.requireApi(), session.actor, args);
}


/** Queues every item of round `round` for the chain to allocate in the next blocks; answers the number of items. */
export function queueAllocation(backend: Backend, session: Session, args: { emergency: number; round: number }): Promise<number> {
  return queueRound(backend.requireApi(), session.actor, args);
}

export function sendAllocation(backend: Backend, session: Session, allocation: bigint): Promise<void> {
  return dispatchAllocation(backend.requireApi(), session.actor, allocation);
}

export function fileSupplyNeed(backend: Backend, session: Session, args: NeedArgs): Promise<{ need: bigint; round: number; updated: boolean }> {
  return fileNeed(backend.requireApi(), session.actor, args);
}

export function confirmSupplyDelivery(backend: Backend, session: Session, args: { allocation: bigint; received: number; dispatched: number }): Promise<void> {
  return confirmDelivery(backend.requireApi(), session.actor, args);
}

// ---------------------------------------------------------------------------------------------
// The health council as the medical authority: motions (app/client council.ts)

/** What a motion is about, with the lot read for a recall (to name its batch). */
export interface MotionDetail { readonly motion: MotionView; readonly lot: LotView | null }

export async function councilState(backend: Backend): Promise<{ members: string[]; motions: MotionDetail[] }> {
  const api = backend.requireApi();
  const [{ members }, motions] = await Promise.all([councilMembers(api), openMotions(api)]);
  const details = await Promise.all(motions.map(async (motion) => ({ motion, lot: motion.action.kind === 'RecallLot' ? await getLot(api, motion.action.lot) : null })));
  return { members, motions: details };
}

export async function proposeRecall(backend: Backend, session: Session, args: { gtin: string; lotNumber: string; reason: RecallReason }): Promise<{ hash: string; index: number }> {
  const api = backend.requireApi();
  return proposeMotion(api, session.actor, session.address, await recallCall(api, args.gtin, args.lotNumber, args.reason));
}

export function proposeOrganisationAction(backend: Backend, session: Session, action: 'verify' | 'suspend', org: number): Promise<{ hash: string; index: number }> {
  const api = backend.requireApi();
  return proposeMotion(api, session.actor, session.address, organisationCall(api, action, org));
}

export async function proposeEmergency(backend: Backend, session: Session, args: DeclareArgs): Promise<{ hash: string; index: number }> {
  const api = backend.requireApi();
  return proposeMotion(api, session.actor, session.address, await declareEmergencyCall(api, args));
}

export function escalatedBreakGlass(backend: Backend): Promise<EscalatedAccess[]> {
  return escalatedAccesses(backend.requireApi());
}

export async function proposeResolveAccess(backend: Backend, session: Session, id: bigint, sanction: boolean): Promise<{ hash: string; index: number }> {
  const api = backend.requireApi();
  return proposeMotion(api, session.actor, session.address, await resolveAccessCall(api, id, sanction));
}

export function licenceStandings(backend: Backend): Promise<LicenceView[]> {
  return licences(backend.requireApi());
}

export async function proposeLicenceAction(backend: Backend, session: Session, action: LicenceAction, practitioner: string): Promise<{ hash: string; index: number }> {
  const api = backend.requireApi();
  return proposeMotion(api, session.actor, session.address, await licenceCall(api, action, practitioner));
}

/** The hospitals' validators: the council's set, who validates in this session, the session clock. */
export function validatorStanding(backend: Backend): Promise<ValidatorSetView> {
  return validatorSet(backend.requireApi());
}

/** A member proposes adding or removing a validator (two thirds of the seats must agree). */
export async function proposeValidatorAction(backend: Backend, session: Session, action: ValidatorAction, validator: string): Promise<{ hash: string; index: number }> {
  const api = backend.requireApi();
  return proposeMotion(api, session.actor, session.address, await validatorCall(api, action, validator), twoThirds);
}

export function voteOnMotion(backend: Backend, session: Session, motion: MotionView, aye: boolean): Promise<void> {
  return voteMotion(backend.requireApi(), session.actor, session.address, motion, aye);
}

export function closeCouncilMotion(backend: Backend, session: Session, hash: string): Promise<MotionOutcome> {
  return closeMotion(backend.requireApi(), session.actor, hash);
}

// ---------------------------------------------------------------------------------------------
// Medicine stock of the organisations an account acts for (app/client stock.ts)

/** The lots organisation `org` holds, recalled and unusable first. */
export function stockLines(backend: Backend, org: number): Promise<StockLine[]> {
  return stockOf(backend.requireApi(), org);
}

/** A dispensation of a recalled lot, with the patient when the signed-in account's book names them. */
export interface RecallContact { readonly dispensation: DispensationView; readonly entry: BookEntry | null }

/** The dispensations `org` made of `lot`, each with the book's patient if this account's book opens its commitment. */
export async function recallContacts(backend: Backend, session: Session, lot: bigint, org: number): Promise<RecallContact[]> {
  const [dispensations, book] = await Promise.all([dispensationsOf(backend.requireApi(), lot, org), readBook(session)]);
  return dispensations.map((d) => ({ dispensation: d, entry: entryFor(book, d.id, d.commitment) }));
}

export function lotById(backend: Backend, id: bigint): Promise<LotView | null> {
  return getLot(backend.requireApi(), id);
}

export function shipmentById(backend: Backend, id: bigint): Promise<ShipmentView | null> {
  return getShipment(backend.requireApi(), id);
}

export function shipFromStock(backend: Backend, session: Session, args: { line: StockLine; from: number; to: number; quantity: number; serials?: readonly string[] }): Promise<bigint> {
  return shipStock(backend.requireApi(), session.actor, args);
}

export function receiveIntoStock(backend: Backend, session: Session, args: { shipment: ShipmentView; received: number; missing?: readonly string[]; actsFor: readonly number[] }): Promise<void> {
  return receiveStock(backend.requireApi(), session.actor, args);
}

export function reportExcursionFor(backend: Backend, session: Session, args: ExcursionArgs): Promise<{ breached: boolean }> {
  return reportExcursion(backend.requireApi(), session.actor, args);
}

export function flagStockSuspect(backend: Backend, session: Session, args: { line: StockLine; org: number; reason: SuspectReason }): Promise<void> {
  return flagSuspectStock(backend.requireApi(), session.actor, args);
}

export function returnStockToMaker(backend: Backend, session: Session, args: { line: StockLine; from: number; quantity: number; serials?: readonly string[] }): Promise<bigint> {
  return returnToMaker(backend.requireApi(), session.actor, args);
}

export function recallBatch(backend: Backend, session: Session, args: { lot: LotView; reason: RecallReason; actsFor: readonly number[] }): Promise<void> {
  return recallOwnLot(backend.requireApi(), session.actor, args);
}

export function makerProducts(backend: Backend, org: number): Promise<ProductView[]> {
  return productsOf(backend.requireApi(), org);
}

export function registerMakerProduct(backend: Backend, session: Session, args: ProductArgs): Promise<void> {
  return registerProduct(backend.requireApi(), session.actor, args);
}

export function commissionMakerLot(backend: Backend, session: Session, args: CommissionArgs): Promise<bigint> {
  return commissionLot(backend.requireApi(), session.actor, args);
}

/** The maker's serialised batches with packs still to number. */
export function batchesAwaitingSerials(backend: Backend, org: number): Promise<LotView[]> {
  return lotsAwaitingSerials(backend.requireApi(), org);
}

export function commissionBatchSerials(backend: Backend, session: Session, args: { lot: LotView; serials: readonly string[]; actsFor: readonly number[] }): Promise<void> {
  return commissionSerials(backend.requireApi(), session.actor, args);
}

/** The packs of a serialised batch `org` holds, by serial. */
export function packsHeldBy(backend: Backend, lot: bigint, org: number): Promise<PackView[]> {
  return packsHeld(backend.requireApi(), lot, org);
}

// ---------------------------------------------------------------------------------------------
// Regional statistics (app/client statistics.ts): anyone reads the health authority's figures

/** The month the chain's latest block is in (its timestamp, UTC). */
export async function chainMonth(backend: Backend): Promise<Month> {
  const now = await backend.requireApi().query.timestamp?.now?.();
  return monthOf(new Date(now === undefined ? Date.now() : Number(now.toString())));
}

/** `region`'s figures for `months` months from `first`. */
export function regionFigures(backend: Backend, region: RegionCode, first: Month, months: number): Promise<MonthFigures[]> {
  return regionalStatistics(backend.requireApi(), region, first, months);
}

/** `region`'s handovers of each product registered by a maker, month by month. */
export async function productFigures(backend: Backend, region: RegionCode, first: Month, months: number, orgs: readonly OrganisationView[]): Promise<{ product: ProductView; perMonth: readonly number[] }[]> {
  const api = backend.requireApi();
  const makers = orgs.filter((o) => o.kind === 'Manufacturer');
  const products = (await Promise.all(makers.map((o) => productsOf(api, o.id)))).flat().slice(0, maxProductsPerQuery(api));
  if (products.length === 0) return [];
  const counted = await productDispensations(api, region, first, months, products.map((p) => p.gtin));
  return products.map((product, i) => ({ product, perMonth: counted[i]?.perMonth ?? [] }));
}

/** Where recalled stock still sits within `region`: each recalled lot with its holders there. */
export async function recalledStockIn(backend: Backend, region: RegionCode, orgs: readonly OrganisationView[]): Promise<RecalledStock[]> {
  const within = (org: number): boolean => {
    const at = orgs.find((o) => o.id === org)?.region;
    return at !== undefined && regionContains(region, at);
  };
  return (await recalledStock(backend.requireApi()))
    .map((r) => ({ ...r, holders: r.holders.filter((h) => within(h.org)) }))
    .filter((r) => r.holders.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Recovery: a patient who loses their phone (client recovery.ts, docs/rural-operation.md)

/** Waiting times a patient chooses from, in blocks at the chain's pace; a minute only on a development chain, to try it out. */
export async function recoveryDelays(backend: Backend): Promise<{ name: 'minute' | 'day' | 'threeDays' | 'week'; blocks: number }[]> {
  const clock = await chainClock(backend);
  const perDay = Math.round(86_400_000 / clock.blockMs);
  return [
    ...(backend.isDevChain ? [{ name: 'minute' as const, blocks: Math.round(60_000 / clock.blockMs) }] : []),
    { name: 'day', blocks: perDay }, { name: 'threeDays', blocks: 3 * perDay }, { name: 'week', blocks: 7 * perDay },
  ];
}

export function friendGroups(backend: Backend, lost: string): Promise<FriendGroupView[]> {
  return friendGroupsOf(backend.requireApi(), lost);
}

/** The patient names friends (replacing any): `needed` of them recover the account after `delayBlocks`, and `inheritor` takes over. Free. */
export async function nameFriends(backend: Backend, session: Session, args: { friends: string[]; needed: number; inheritor: string; delayBlocks: number }): Promise<void> {
  const { account, options } = txAccount(session.actor);
  // The friend who started an attempt may stop it a day after the last agreement (a tenth of a
  // short test delay): the patient keeps that long to slash a false attempt.
  const cancelDelay = Math.max(1, Math.min(args.delayBlocks, Math.round(args.delayBlocks / 7)));
  await setFriendGroups(backend.requireApi(), account, session.address,
    [{ friends: args.friends, friendsNeeded: args.needed, inheritor: args.inheritor, inheritanceDelay: args.delayBlocks, cancelDelay }],
    { ...options, finalized: true });
}

export function recoveryAttempts(backend: Backend, lost: string): Promise<AttemptView[]> {
  return attemptsOf(backend.requireApi(), lost);
}

export function recoveredBy(backend: Backend, lost: string): Promise<string | null> {
  return inheritorOf(backend.requireApi(), lost);
}

/** A friend's step in an attempt: start it, agree, or finish it once enough agreed and the wait is over; the patient (or, later, its starter) stops it. */
export async function recoveryStep(backend: Backend, session: Session, step: 'start' | 'agree' | 'finish' | 'stop', lost: string, group: number): Promise<void> {
  const api = backend.requireApi();
  const { account, options } = txAccount(session.actor);
  const run = { start: startRecovery, agree: approveRecovery, finish: finishRecovery, stop: cancelRecovery }[step];
  await run(api, account, lost, group, { ...options, finalized: true });
}

/** The patient ends an attempt on her account she did not ask for; its starter's deposit is burnt. */
export async function slashRecoveryAttempt(backend: Backend, session: Session, group: number): Promise<void> {
  const { account, options } = txAccount(session.actor);
  await slashRecovery(backend.requireApi(), account, group, { ...options, finalized: true });
}

/** The friend who took over makes the patient's new phone act for the account. */
export async function giveToNewPhone(backend: Backend, session: Session, lost: string, phone: string): Promise<void> {
  const { account, options } = txAccount(session.actor);
  await giveControlToNewPhone(backend.requireApi(), account, { lost, newPhone: phone }, { ...options, finalized: true });
}

/** The friend who took over renews the patient's keys of the records it can open, for the new phone's key. */
export async function renewKeysFor(backend: Backend, session: Session, lost: string): Promise<RenewReport> {
  const { account, options } = txAccount(session.actor);
  return renewPatientShares(backend.requireApi(), account, session.encryption, lost, {}, 'Treatment', { ...options, finalized: true });
}

/** Whether this phone acts for `lost` after a recovery. */
export function phoneActsFor(backend: Backend, session: Session, lost: string): Promise<boolean> {
  return actsFor(backend.requireApi(), session.address, lost);
}

function recoveredKeys(session: Session, lost: string): EncryptionKeyring {
  return session.encryption.actingFor(decodeAddress(lost));
}

/** The new phone publishes its key as `lost`'s (free, once): the friend who took over can then renew the record keys. */
export async function useRecoveredAccount(backend: Backend, session: Session, lost: string): Promise<number> {
  const { account, options } = txAccount(session.actor);
  return publishKeyForRecovered(backend.requireApi(), account, recoveredKeys(session, lost), { ...options, finalized: true });
}

/** The new phone opens one of `lost`'s records: the read is logged as `lost`'s own. */
export async function openRecoveredRecord(backend: Backend, session: Session, lost: string, record: bigint): Promise<FhirResource> {
  const result = await readRecord(backend.requireApi(), backend.vaultClient, session.actor, recoveredKeys(session, lost), record, 'Treatment');
  return result.fhir;
}

/** The new phone stops a grant the lost phone gave (free, as the patient's own call). */
export function stopRecoveredGrant(backend: Backend, session: Session, lost: string, grant: bigint): Promise<void> {
  return revokeAccess(backend, session, grant, { asProxyFor: lost, finalized: true });
}
