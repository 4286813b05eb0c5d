// Signing with a wallet extension (polkadot{.js} or one following its injected API,
// window.injectedWeb3): the extension keeps the signing key and signs extrinsics and vault
// requests; the app never sees it. Encryption needs an X25519 key the extension cannot give, so
// such an account gets an encryption seed of its own (docs/encryption.md §6.4): 32 random bytes
// shown once as 24 backup words, kept on this device under a PIN like a device account.
import type { Signer } from '@polkadot/types/types';
import { cryptoWaitReady, decodeAddress, mnemonicGenerate, mnemonicToEntropy, mnemonicValidate } from '@polkadot/util-crypto';
import { EncryptionKeyring, extensionSigner, type SignRaw } from '@ruralmed/client';

import { parseAddress } from './chain';
import { AccountError, checkPin, openUnderPin, sealUnderPin, shortAddress, type PinSealed, type Session } from './accounts';

/** What an extension gives once enabled (the part of @polkadot/extension-inject's Injected used here). */
interface Injected {
  readonly accounts: { get(): Promise<readonly { address: string; name?: string; type?: string }[]> };
  readonly signer: Signer & { signRaw?: SignRaw };
}
interface InjectedWindowProvider {
  enable(origin: string): Promise<Injected>;
  version?: string;
}
declare global {
  interface Window {
    injectedWeb3?: Record<string, InjectedWindowProvider>;
  }
}

export interface WalletAccount {
  readonly source: string;
  readonly address: string;
  readonly name: string;
}

/** The wallet extensions present (their names, e.g. `polkadot-js`). */
export function walletsPresent(): string[] {
  return Object.keys(window.injectedWeb3 ?? {});
}

const enabled = new Map<string, Injected>();
const APP_NAME = 'RuralMed';

/** Asks each wallet for its sr25519 accounts (the wallet may ask the person first). */
export async function walletAccounts(): Promise<WalletAccount[]> {
  const out: WalletAccount[] = [];
  for (const [source, provider] of Object.entries(window.injectedWeb3 ?? {})) {
    let injected: Injected;
    try {
      injected = enabled.get(source) ?? (await provider.enable(APP_NAME));
    } catch {
      throw new AccountError('WalletRefused');
    }
    enabled.set(source, injected);
    for (const account of await injected.accounts.get()) {
      // Encryption keys and the vault's signatures are sr25519; ed25519 / ecdsa accounts cannot be used.
      if (account.type !== undefined && account.type !== 'sr25519') continue;
      // A wallet may show its accounts in another network's format (Polkadot's, say): the app
      // and the chain name accounts in the generic Substrate format (prefix 42).
      let address: string;
      try {
        address = parseAddress(account.address);
      } catch {
        continue;
      }
      out.push({ source, address, name: account.name ?? shortAddress(address) });
    }
  }
  return out;
}

const seedKey = (address: string): string => `ruralmed.encryption-seed.v1.${address}`;

export function hasEncryptionSeed(address: string): boolean {
  return localStorage.getItem(seedKey(address)) !== null;
}

/** New backup words for an encryption seed: 24 words, 256 bits. */
export function newSeedWords(): string {
  return mnemonicGenerate(24);
}

function session(account: WalletAccount, seed: Uint8Array): Session {
  const injected = enabled.get(account.source);
  if (injected === undefined) throw new AccountError('WalletRefused');
  const signRaw = injected.signer.signRaw;
  if (signRaw === undefined) throw new AccountError('WalletCannotSign');
  return {
    name: account.name,
    kind: 'extension',
    address: account.address,
    actor: { address: account.address, signer: injected.signer, vaultSigner: extensionSigner(account.address, signRaw.bind(injected.signer)) },
    encryption: EncryptionKeyring.fromEncryptionSeed(decodeAddress(account.address), seed),
  };
}

/**
 * Keeps the encryption seed of `words` for the wallet account under `pin` (replacing one kept
 * before) and opens a session. Checks everything first: bad words or PINs change nothing.
 */
export async function saveEncryptionSeed(account: WalletAccount, words: string, pin: string, repeat: string): Promise<Session> {
  await cryptoWaitReady();
  const phrase = words.trim().split(/\s+/).join(' ');
  if (phrase.split(' ').length !== 24 || !mnemonicValidate(phrase)) throw new AccountError('InvalidMnemonic');
  checkPin(pin, repeat);
  const seed = mnemonicToEntropy(phrase);
  const opened = session(account, seed);
  const sealed = await sealUnderPin(seed, pin, account.address);
  localStorage.setItem(seedKey(account.address), JSON.stringify(sealed));
  return opened;
}

/** Opens the wallet account's session with the PIN of its encryption seed on this device. */
export async function unlockWalletAccount(account: WalletAccount, pin: string): Promise<Session> {
  const raw = localStorage.getItem(seedKey(account.address));
  if (raw === null) throw new AccountError('NoStoredAccount');
  let sealed: PinSealed;
  try {
    sealed = JSON.parse(raw) as PinSealed;
    if (typeof sealed.ciphertext !== 'string') throw new Error('format');
  } catch {
    throw new AccountError('CorruptStore');
  }
  return session(account, await openUnderPin(sealed, pin, account.address));
}
