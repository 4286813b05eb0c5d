// Shares open only for their reader and record; rotation never strands a reader.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { generateDataKey } from '../src/envelope.js';
import { EncryptionKeyring } from '../src/keys.js';
import { parseShare, rewrapShare, SHARE_LENGTH, unwrapDataKey, wrapDataKey } from '../src/shares.js';
import { rejectsKind } from './helpers.js';

// runtime/src/configs.rs: PatientRecords MaxKeyShareLength.
const CHAIN_MAX_KEY_SHARE_LENGTH: number = 256;

describe('key shares', () => {
  it(`are ${SHARE_LENGTH} bytes, within the chain's MaxKeyShareLength of 256`, async () => {
    const eve = await EncryptionKeyring.fromSuri('//Eve');
    const share = await wrapDataKey(generateDataKey(), { recordId: 1n, reader: eve.account, publicKey: eve.keyAt(0).publicKey, keyVersion: 0 });
    assert.equal(share.length, SHARE_LENGTH);
    assert.ok(SHARE_LENGTH <= CHAIN_MAX_KEY_SHARE_LENGTH);
  });
  it('refuse the wrong reader, even one holding the share bytes', async () => {
    const [eve, charlie] = await Promise.all([EncryptionKeyring.fromSuri('//Eve'), EncryptionKeyring.fromSuri('//Charlie')]);
    const key = generateDataKey();
    const share = await wrapDataKey(key, { recordId: 5n, reader: eve.account, publicKey: eve.keyAt(0).publicKey, keyVersion: 0 });
    await rejectsKind(() => unwrapDataKey(share, { recordId: 5n, reader: eve.account }, charlie), 'ShareUnwrapFailed');
    await rejectsKind(() => unwrapDataKey(share, { recordId: 5n, reader: charlie.account }, charlie), 'ShareUnwrapFailed');
    await rejectsKind(() => unwrapDataKey(share, { recordId: 6n, reader: eve.account }, eve), 'ShareUnwrapFailed');
    assert.deepEqual(await unwrapDataKey(share, { recordId: 5n, reader: eve.account }, eve), key);
  });
  it('name their key version, so after a rotation the old version re-derives and re-wraps to the new', async () => {
    const eve = await EncryptionKeyring.fromSuri('//Eve');
    const key = generateDataKey();
    const ctx = { recordId: 9n, reader: eve.account };
    const old = await wrapDataKey(key, { ...ctx, publicKey: eve.keyAt(0).publicKey, keyVersion: 0 });
    // Rotation: version 1 is current; the holder still opens version-0 shares by re-deriving.
    const fresh = await rewrapShare(old, ctx, eve, { ...ctx, publicKey: eve.keyAt(1).publicKey, keyVersion: 1 });
    assert.equal(parseShare(old).keyVersion, 0);
    assert.equal(parseShare(fresh).keyVersion, 1);
    assert.deepEqual(await unwrapDataKey(fresh, ctx, eve.keyAt(1)), key);
    await rejectsKind(() => unwrapDataKey(fresh, ctx, eve.keyAt(0)), 'KeyVersionMismatch');
  });
  it('accept SS58 addresses for readers', async () => {
    const eve = await EncryptionKeyring.fromSuri('//Eve');
    const key = generateDataKey();
    const address = '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw'; // //Eve
    const share = await wrapDataKey(key, { recordId: 1, reader: address, publicKey: eve.keyAt(0).publicKey, keyVersion: 0 });
    assert.deepEqual(await unwrapDataKey(share, { recordId: 1n, reader: eve.account }, eve), key);
  });
});
