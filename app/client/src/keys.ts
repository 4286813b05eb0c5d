// Encryption keys derived from the account's own sr25519 secret (docs/encryption.md §5), so a
// person who can sign can always decrypt: there is no second secret to back up or lose, and
// every past key version can be re-derived from the same SURI or mnemonic.

import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { DEV_PHRASE } from '@polkadot/keyring';
import { hexToU8a, isHex } from '@polkadot/util';
import {
  cryptoWaitReady,
  keyExtractSuri,
  keyFromPath,
  mnemonicToMiniSecret,
  mnemonicValidate,
  sr25519PairFromSeed,
} from '@polkadot/util-crypto';

import { ascii, concatBytes, u32be } from './bytes.js';
import { EnvelopeError } from './errors.js';

export const X25519_SALT = ascii('ruralmed/x25519');
export const X25519_INFO_PREFIX = ascii('key-version:');
export const ACTING_FOR_SALT = ascii('ruralmed/acting-for');

/** An X25519 key pair and the registry version it is (or will be) published as. */
export interface X25519KeyPair {
  readonly version: number;
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** The account's sr25519 key pair as polkadot.js derives it from a SURI. */
export interface Sr25519Secret {
  /** The account id (sr25519 public key), 32 bytes. */
  readonly publicKey: Uint8Array;
  /** schnorrkel's 64-byte "ed25519 form": key scalar × 8 (LE) ‖ nonce. */
  readonly secretKey: Uint8Array;
}

/**
 * Resolves a SURI (`<mnemonic or 0x seed>[//hard/soft][///password]`, or `//Alice`-style dev
 * URIs on the dev phrase) to the sr25519 key pair exactly as `Keyring.addFromUri` does for
 * sr25519 accounts, so the X25519 key belongs to the same account the keyring signs for.
 */
export async function sr25519FromSuri(suri: string): Promise<Sr25519Secret> {
  await cryptoWaitReady();
  const { phrase, path, password } = keyExtractSuri(suri.startsWith('//') ? `${DEV_PHRASE}${suri}` : suri);
  let seed: Uint8Array;
  if (isHex(phrase, 256)) {
    seed = hexToU8a(phrase);
  } else if (mnemonicValidate(phrase)) {
    seed = mnemonicToMiniSecret(phrase, password);
  } else {
    throw new EnvelopeError('InvalidKey', 'the SURI is neither a valid mnemonic nor a 32-byte hex seed');
  }
  const pair = keyFromPath(sr25519PairFromSeed(seed), path, 'sr25519');
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}

/**
 * X25519 secret = HKDF-SHA256(ikm = 64-byte sr25519 secret, salt = "ruralmed/x25519",
 * info = "key-version:" ‖ u32 BE version, 32 bytes). One-way: the X25519 key reveals nothing
 * of the signing key, and versions are independent of one another.
 */
export function x25519FromSr25519(sr25519SecretKey: Uint8Array, version: number): X25519KeyPair {
  if (sr25519SecretKey.length !== 64) throw new EnvelopeError('InvalidKey', 'an sr25519 secret key is 64 bytes');
  const secretKey = hkdf(sha256, sr25519SecretKey, X25519_SALT, concatBytes(X25519_INFO_PREFIX, u32be(version)), 32);
  return { version, secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

/** An account's encryption keys, every version re-derivable on demand. */
export const X25519_SEED_SALT = ascii('ruralmed/x25519-seed');

/**
 * For an account whose signing key stays in a wallet extension (docs/encryption.md §6.4):
 * X25519 secret = HKDF-SHA256(ikm = the 32-byte encryption seed kept with the app, salt =
 * "ruralmed/x25519-seed", info = "key-version:" ‖ u32 BE version, 32 bytes).
 */
export function x25519FromSeed(seed: Uint8Array, version: number): X25519KeyPair {
  if (seed.length !== 32) throw new EnvelopeError('InvalidKey', 'an encryption seed is 32 bytes');
  const secretKey = hkdf(sha256, seed, X25519_SEED_SALT, concatBytes(X25519_INFO_PREFIX, u32be(version)), 32);
  return { version, secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

/** An account's encryption keys, every version re-derivable on demand. */
export class EncryptionKeyring {
  readonly #derive: (version: number) => X25519KeyPair;
  readonly #cache = new Map<number, X25519KeyPair>();

  private constructor(
    /** The account id (sr25519 public key) whose keys these are. */
    readonly account: Uint8Array,
    derive: (version: number) => X25519KeyPair,
    /**
     * The account that signs for `account` through a proxy (a recovered patient's new phone,
     * `actingFor`); absent when `account` signs for itself.
     */
    readonly delegate?: Uint8Array,
  ) {
    this.#derive = derive;
  }

  /**
   * The keys this account's device holds for `lost`, an account it acts for through an `Any`
   * proxy after a recovery (docs/encryption.md §6.5): derived from this keyring's version-0
   * secret and `lost`'s id, so the same phrase gives them again; the device publishes them as
   * `lost`'s next key versions. Versions `lost` published before (on the lost phone) are not
   * among them: those shares are renewed for the new key by a friend.
   */
  actingFor(lost: Uint8Array): EncryptionKeyring {
    if (lost.length !== 32) throw new EnvelopeError('InvalidKey', 'an account id is 32 bytes');
    if (this.delegate !== undefined) throw new EnvelopeError('InvalidKey', 'a keyring acting for another account cannot act for a third');
    const seed = hkdf(sha256, this.keyAt(0).secretKey, ACTING_FOR_SALT, lost, 32);
    return new EncryptionKeyring(Uint8Array.from(lost), (version) => x25519FromSeed(seed, version), Uint8Array.from(this.account));
  }

  static async fromSuri(suri: string): Promise<EncryptionKeyring> {
    const { publicKey, secretKey } = await sr25519FromSuri(suri);
    return new EncryptionKeyring(publicKey, (version) => x25519FromSr25519(secretKey, version));
  }

  /**
   * The keys of an account whose signing key the app cannot see (a wallet extension): derived
   * from a separate 32-byte encryption seed that the person backs up (§6.4).
   */
  static fromEncryptionSeed(account: Uint8Array, seed: Uint8Array): EncryptionKeyring {
    if (account.length !== 32) throw new EnvelopeError('InvalidKey', 'an account id is 32 bytes');
    x25519FromSeed(seed, 0); // refuses a seed of the wrong length now, not at first use
    const copy = Uint8Array.from(seed);
    return new EncryptionKeyring(Uint8Array.from(account), (version) => x25519FromSeed(copy, version));
  }

  /** The key pair of `version` (0 is the first key the registry records, +1 per rotation). */
  keyAt(version: number): X25519KeyPair {
    let pair = this.#cache.get(version);
    if (pair === undefined) {
      pair = this.#derive(version);
      this.#cache.set(version, pair);
    }
    return pair;
  }
}
