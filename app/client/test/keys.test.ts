// Encryption keys derive from the same secret the polkadot.js keyring signs with, stably, and
// each version is a different key.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

import { EncryptionKeyring, sr25519FromSuri, x25519FromSr25519 } from '../src/keys.js';
import { vectors } from './helpers.js';

describe('key derivation', () => {
  it('the account is the one Keyring.addFromUri signs for (dev URI, mnemonic with path and password, hex seed)', async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519' });
    const mnemonic = mnemonicGenerate(12);
    for (const suri of ['//Alice', '//Charlie//stash', `${mnemonic}//hard/soft///secret`, mnemonic, `0x${'11'.repeat(32)}//x`]) {
      const pair = keyring.addFromUri(suri);
      const ours = await sr25519FromSuri(suri);
      assert.equal(u8aToHex(ours.publicKey), u8aToHex(pair.publicKey), suri);
    }
  });
  it('is stable: the committed vectors re-derive', async () => {
    for (const k of vectors.keys) {
      const sr = await sr25519FromSuri(k.suri);
      assert.equal(u8aToHex(sr.secretKey, -1, false), k.sr25519SecretKey);
      for (const v of k.versions) assert.equal(u8aToHex(x25519FromSr25519(sr.secretKey, v.version).publicKey, -1, false), v.x25519PublicKey);
    }
  });
  it('every version is a different key; the same version is the same key', async () => {
    const a = await EncryptionKeyring.fromSuri('//Eve');
    const b = await EncryptionKeyring.fromSuri('//Eve');
    const seen = new Set<string>();
    for (let v = 0; v < 5; v++) {
      assert.deepEqual(a.keyAt(v), b.keyAt(v));
      seen.add(u8aToHex(a.keyAt(v).publicKey));
    }
    assert.equal(seen.size, 5);
  });
  it('different accounts get different keys', async () => {
    const eve = await EncryptionKeyring.fromSuri('//Eve');
    const ferdie = await EncryptionKeyring.fromSuri('//Ferdie');
    assert.notDeepEqual(eve.keyAt(0).publicKey, ferdie.keyAt(0).publicKey);
  });
});

describe('encryption seed (wallet-extension accounts, §6.4)', () => {
  it('derives independent versions, differs from the sr25519 path, refuses bad lengths', async () => {
    const { EncryptionKeyring, x25519FromSeed, x25519FromSr25519 } = await import('../src/keys.js');
    const seed = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
    const account = new Uint8Array(32).fill(7);
    const keyring = EncryptionKeyring.fromEncryptionSeed(account, seed);
    const v0 = keyring.keyAt(0);
    const v1 = keyring.keyAt(1);
    assert.notDeepEqual(v0.publicKey, v1.publicKey);
    assert.deepEqual(v0, x25519FromSeed(seed, 0));
    // Not the same as treating the seed as a (64-byte) sr25519 secret would give.
    assert.notDeepEqual(v0.secretKey, x25519FromSr25519(new Uint8Array([...seed, ...seed]), 0).secretKey);
    assert.throws(() => EncryptionKeyring.fromEncryptionSeed(account, seed.subarray(1)), /32 bytes/);
    assert.throws(() => EncryptionKeyring.fromEncryptionSeed(account.subarray(1), seed), /32 bytes/);
  });
});
