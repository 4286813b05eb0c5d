// Who is using the app: a demo-county development account, or an account kept on this device
// whose mnemonic is encrypted under a PIN (WebCrypto PBKDF2-SHA-256 → AES-256-GCM) in
// localStorage. The mnemonic is the account: the sr25519 signing key and, derived from it as
// docs/encryption.md §6 says, the X25519 encryption keys.
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate, mnemonicValidate } from '@polkadot/util-crypto';
import { EncryptionKeyring, type Actor } from '@ruralmed/client';

/** The demo county of the dev chain spec (runtime/src/genesis_config_presets.rs). */
export type DemoRole = 'patient' | 'guardian' | 'villageDoctor' | 'countyDoctor' | 'pharmacist' | 'maker' | 'warehouse' | 'donor';
export interface DemoAccount {
  readonly name: string;
  readonly suri: string;
  readonly role: DemoRole;
  /** i18n key of the organisation the account belongs to. */
  readonly placeKey: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { name: 'Eve', suri: '//Eve', role: 'patient', placeKey: 'demo.hekou' },
  { name: 'Ferdie', suri: '//Ferdie', role: 'patient', placeKey: 'demo.shanzhuang' },
  { name: 'FerdieStash', suri: '//Ferdie//stash', role: 'guardian', placeKey: 'demo.guardianOfFerdie' },
  { name: 'Charlie', suri: '//Charlie', role: 'villageDoctor', placeKey: 'demo.hekou' },
  { name: 'DaveStash', suri: '//Dave//stash', role: 'villageDoctor', placeKey: 'demo.shanzhuang' },
  { name: 'Bob', suri: '//Bob', role: 'countyDoctor', placeKey: 'demo.county' },
  { name: 'EveStash', suri: '//Eve//stash', role: 'warehouse', placeKey: 'demo.reserve' },
  { name: 'Two', suri: '//Two', role: 'donor', placeKey: 'demo.distributor' },
  { name: 'Dave', suri: '//Dave', role: 'pharmacist', placeKey: 'demo.pharmacy' },
  { name: 'CharlieStash', suri: '//Charlie//stash', role: 'pharmacist', placeKey: 'demo.pharmacy' },
  { name: 'One', suri: '//One', role: 'maker', placeKey: 'demo.maker' },
];

export interface Session {
  /** A name to show: the demo name, the wallet's name for the account, or the start of the address. */
  readonly name: string;
  readonly kind: 'demo' | 'device' | 'extension';
  readonly address: string;
  /** How it signs: a key pair on this device, or a wallet extension (extension.ts). */
  readonly actor: Actor;
  readonly encryption: EncryptionKeyring;
}

async function sessionFromSuri(suri: string, name: string | null, kind: Session['kind']): Promise<Session> {
  await cryptoWaitReady();
  const pair = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(suri);
  const encryption = await EncryptionKeyring.fromSuri(suri);
  return { name: name ?? shortAddress(pair.address), kind, address: pair.address, actor: pair, encryption };
}

export const shortAddress = (address: string): string => `${address.slice(0, 6)}…${address.slice(-4)}`;

export function demoSession(account: DemoAccount): Promise<Session> {
  return sessionFromSuri(account.suri, account.name, 'demo');
}

/** Why an account on the device could not be used; each has a message in the locales. */
export type AccountErrorCode = 'WrongPin' | 'InvalidPin' | 'PinMismatch' | 'InvalidMnemonic' | 'NoStoredAccount' | 'CorruptStore' | 'WalletRefused' | 'WalletCannotSign';
export class AccountError extends Error {
  override readonly name = 'AccountError';
  constructor(readonly code: AccountErrorCode) {
    super(code);
  }
}

const STORE_KEY = 'ruralmed.account.v1';
// OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about a second on a cheap phone, once per unlock.
const PBKDF2_ITERATIONS = 310_000;
const PIN_PATTERN = /^\d{6,12}$/;

interface StoredAccount {
  readonly v: 1;
  readonly address: string;
  readonly iterations: number;
  readonly salt: string;
  readonly iv: string;
  readonly ciphertext: string;
}

const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function pinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A secret sealed under a PIN, as kept in localStorage. */
export interface PinSealed {
  readonly iterations: number;
  readonly salt: string;
  readonly iv: string;
  readonly ciphertext: string;
}

/** Seals `secret` under `pin` (PBKDF2 → AES-256-GCM), bound to `context` (e.g. the address). */
export async function sealUnderPin(secret: Uint8Array, pin: string, context: string): Promise<PinSealed> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await pinKey(pin, salt, PBKDF2_ITERATIONS);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) }, key, Uint8Array.from(secret)));
  return { iterations: PBKDF2_ITERATIONS, salt: b64(salt), iv: b64(iv), ciphertext: b64(ciphertext) };
}

/** Opens what `sealUnderPin` sealed; a wrong PIN (or another context) throws `WrongPin`. */
export async function openUnderPin(sealed: PinSealed, pin: string, context: string): Promise<Uint8Array> {
  if (!PIN_PATTERN.test(pin)) throw new AccountError('WrongPin');
  const key = await pinKey(pin, unb64(sealed.salt), sealed.iterations);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(sealed.iv), additionalData: new TextEncoder().encode(context) }, key, unb64(sealed.ciphertext)));
  } catch {
    // AES-GCM authenticates: a wrong PIN gives a wrong key, and decryption fails.
    throw new AccountError('WrongPin');
  }
}

export function checkPin(pin: string, repeat?: string): void {
  if (!PIN_PATTERN.test(pin)) throw new AccountError('InvalidPin');
  if (repeat !== undefined && pin !== repeat) throw new AccountError('PinMismatch');
}

export function newMnemonic(): string {
  return mnemonicGenerate(12);
}

/** The stored account's address, or null when this device keeps none. */
export function storedAddress(): string | null {
  const raw = localStorage.getItem(STORE_KEY);
  if (raw === null) return null;
  try {
    return (JSON.parse(raw) as StoredAccount).address;
  } catch {
    return null;
  }
}

/**
 * Encrypts `mnemonic` under `pin` and keeps it on the device (replacing any account kept
 * before), then opens it. Checks everything before writing, so a bad input changes nothing.
 */
export async function saveDeviceAccount(mnemonic: string, pin: string, repeat: string): Promise<Session> {
  const words = mnemonic.trim().split(/\s+/).join(' ');
  await cryptoWaitReady();
  if (!mnemonicValidate(words)) throw new AccountError('InvalidMnemonic');
  checkPin(pin, repeat);
  const session = await sessionFromSuri(words, null, 'device');
  const stored: StoredAccount = { v: 1, address: session.address, ...(await sealUnderPin(new TextEncoder().encode(words), pin, session.address)) };
  localStorage.setItem(STORE_KEY, JSON.stringify(stored));
  return session;
}

/** Opens the device's account with its PIN; a wrong PIN throws `WrongPin` and changes nothing. */
export async function unlockDeviceAccount(pin: string): Promise<Session> {
  const raw = localStorage.getItem(STORE_KEY);
  if (raw === null) throw new AccountError('NoStoredAccount');
  let stored: StoredAccount;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredAccount> | null;
    if (parsed?.v !== 1 || typeof parsed.address !== 'string' || typeof parsed.ciphertext !== 'string') throw new Error('unknown format');
    stored = parsed as StoredAccount;
  } catch {
    throw new AccountError('CorruptStore');
  }
  const plain = await openUnderPin(stored, pin, stored.address);
  const session = await sessionFromSuri(new TextDecoder().decode(plain), null, 'device');
  if (session.address !== stored.address) throw new AccountError('CorruptStore');
  return session;
}

export function forgetDeviceAccount(): void {
  localStorage.removeItem(STORE_KEY);
}
