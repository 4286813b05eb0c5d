// Key shares (docs/encryption.md §4): the record's data key sealed to one reader's X25519 key
// with HPKE base mode. The record id, the reader's account id and the reader's key version are
// the HPKE `info`, so a share opens only for the record and reader it was made for, and the
// version travels in the clear so the reader knows which of its keys to re-derive.

import { CipherSuite } from '@hpke/core';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/dhkem-x25519';
import { decodeAddress } from '@polkadot/util-crypto';

import { ascii, concatBytes, readU32be, u32be, u64be } from './bytes.js';
import { DATA_KEY_LENGTH } from './envelope.js';
import { EnvelopeError } from './errors.js';
import type { X25519KeyPair } from './keys.js';

export const SHARE_VERSION = 1;
/** version (1) ‖ key version (4) ‖ enc (32) ‖ sealed data key (32 + 16). */
export const SHARE_LENGTH = 85;
const HEADER = 5;
const ENC = 32;
export const SHARE_INFO_LABEL = ascii('ruralmed/key-share/v1');

/** RFC 9180 base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305. */
export function hpkeSuite(): CipherSuite {
  return new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
}

/** An account as an SS58 address or its 32-byte id. */
export type AccountLike = string | Uint8Array;

export function accountId(account: AccountLike): Uint8Array {
  const id = typeof account === 'string' ? decodeAddress(account) : account;
  if (id.length !== 32) throw new EnvelopeError('InvalidKey', 'an account id is 32 bytes');
  return id;
}

/** Which record and reader a share belongs to. */
export interface ShareContext {
  readonly recordId: bigint | number;
  readonly reader: AccountLike;
}

/** HPKE info: label ‖ u64 BE record id ‖ 32-byte reader account id ‖ u32 BE key version. */
export function shareInfo(context: ShareContext, keyVersion: number): Uint8Array {
  return concatBytes(SHARE_INFO_LABEL, u64be(context.recordId), accountId(context.reader), u32be(keyVersion));
}

export interface ParsedShare {
  readonly version: number;
  readonly keyVersion: number;
  readonly enc: Uint8Array;
  readonly sealedKey: Uint8Array;
}

export function parseShare(share: Uint8Array): ParsedShare {
  if (share.length !== SHARE_LENGTH) throw new EnvelopeError('ShareMalformed', `a key share is ${SHARE_LENGTH} bytes, not ${share.length}`);
  if (share[0] !== SHARE_VERSION) throw new EnvelopeError('UnsupportedVersion', `key share version ${share[0]} is not supported`);
  return {
    version: SHARE_VERSION,
    keyVersion: readU32be(share, 1),
    enc: share.slice(HEADER, HEADER + ENC),
    sealedKey: share.slice(HEADER + ENC),
  };
}

export interface WrapTarget extends ShareContext {
  /** The reader's published X25519 public key… */
  readonly publicKey: Uint8Array;
  /** …and the registry version it was published as. */
  readonly keyVersion: number;
}

const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

/**
 * Wraps a data key for one reader. `ephemeralIkm` fixes HPKE's ephemeral key (via
 * DeriveKeyPair) and exists only for test vectors; leave it out otherwise.
 */
export async function wrapDataKey(dataKey: Uint8Array, target: WrapTarget, ephemeralIkm?: Uint8Array): Promise<Uint8Array> {
  if (dataKey.length !== DATA_KEY_LENGTH) throw new EnvelopeError('InvalidKey', 'a data key is 32 bytes');
  if (target.publicKey.length !== 32) throw new EnvelopeError('InvalidKey', 'an X25519 public key is 32 bytes');
  const suite = hpkeSuite();
  let recipientPublicKey: CryptoKey;
  try {
    recipientPublicKey = await suite.kem.importKey('raw', buf(target.publicKey), true);
  } catch (cause) {
    throw new EnvelopeError('InvalidKey', 'the reader public key is not a usable X25519 key', { cause });
  }
  const header = concatBytes(Uint8Array.of(SHARE_VERSION), u32be(target.keyVersion));
  try {
    const sealed = await suite.seal(
      {
        recipientPublicKey,
        info: buf(shareInfo(target, target.keyVersion)),
        ...(ephemeralIkm === undefined ? {} : { ekm: buf(ephemeralIkm) }),
      },
      buf(dataKey),
      buf(header),
    );
    return concatBytes(header, new Uint8Array(sealed.enc), new Uint8Array(sealed.ct));
  } catch (cause) {
    // HPKE refuses low-order public keys (an all-zero shared secret).
    throw new EnvelopeError('InvalidKey', 'the data key could not be wrapped for this public key', { cause });
  }
}

/** A reader's key of one version, or a way to re-derive any version. */
export type ReaderKeys = X25519KeyPair | { keyAt(version: number): X25519KeyPair };

/** Opens a share with the reader's key of the version the share names. */
export async function unwrapDataKey(share: Uint8Array, context: ShareContext, keys: ReaderKeys): Promise<Uint8Array> {
  const parsed = parseShare(share);
  const key = 'keyAt' in keys ? keys.keyAt(parsed.keyVersion) : keys;
  if (key.version !== parsed.keyVersion) {
    throw new EnvelopeError('KeyVersionMismatch', `the share is wrapped to key version ${parsed.keyVersion}, not ${key.version}`);
  }
  const suite = hpkeSuite();
  try {
    const recipientKey = await suite.kem.importKey('raw', buf(key.secretKey), false);
    const dataKey = await suite.open(
      { recipientKey, enc: buf(parsed.enc), info: buf(shareInfo(context, parsed.keyVersion)) },
      buf(parsed.sealedKey),
      buf(share.subarray(0, HEADER)),
    );
    return new Uint8Array(dataKey);
  } catch (cause) {
    throw new EnvelopeError('ShareUnwrapFailed', 'the key share does not open for this reader and record', { cause });
  }
}

/** Re-wraps a data key the reader holds, e.g. to its own new key after a rotation. */
export async function rewrapShare(share: Uint8Array, context: ShareContext, keys: ReaderKeys, target: WrapTarget): Promise<Uint8Array> {
  return wrapDataKey(await unwrapDataKey(share, context, keys), target);
}
