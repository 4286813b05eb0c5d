// Round trips at the sizes where chunking goes wrong, and every EnvelopeError kind triggered at
// least once (checked at the end, so a new kind without a test fails the suite).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { chacha20poly1305 } from '@noble/ciphers/chacha.js';

import { concatBytes, hexToBytes, randomBytes, u32be } from '../src/bytes.js';
import {
  ChunkSealer, contentHash, DEFAULT_CHUNK_SIZE, encodeHeader, generateDataKey, HEADER_LENGTH, MAX_CHUNK_SIZE, MIN_CHUNK_SIZE,
  openEnvelope, openStream, sealEnvelope, sealStream, TAG_LENGTH,
} from '../src/envelope.js';
import type { EnvelopeErrorKind } from '../src/errors.js';
import { encodeResource, sealRecord, openRecord, validateResource } from '../src/index.js';
import { EncryptionKeyring, x25519FromSr25519 } from '../src/keys.js';
import { parseShare, unwrapDataKey, wrapDataKey } from '../src/shares.js';
import { collect, envelopeVector, rejectsKind, seenKinds, throwsKind } from './helpers.js';

const pieces = function* (bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
};

describe('round trips', () => {
  const chunkSize = 64;
  const sizes: [string, number][] = [
    ['0 B', 0],
    ['1 B', 1],
    ['one chunk exactly', chunkSize],
    ['one chunk + 1', chunkSize + 1],
    ['three chunks exactly', 3 * chunkSize],
    ['multi-chunk (5.5 chunks)', 5 * chunkSize + 32],
  ];
  for (const [label, size] of sizes) {
    it(`${label}: one-shot and streamed, same bytes both ways`, async () => {
      const key = generateDataKey();
      const pt = randomBytes(size);
      const prefix = randomBytes(7);
      const ct = sealEnvelope(pt, key, { category: 'Observation', chunkSize, noncePrefix: prefix });
      const chunks = Math.max(1, Math.ceil(size / chunkSize));
      assert.equal(ct.length, HEADER_LENGTH + size + chunks * TAG_LENGTH, 'ciphertext length');
      assert.deepEqual(openEnvelope(ct, key, { expectedHash: contentHash(ct), expectedCategory: 'Observation' }).plaintext, pt);
      const streamed = await collect(sealStream(pieces(pt, 13), key, { category: 'Observation', chunkSize, noncePrefix: prefix }));
      assert.deepEqual(streamed, ct);
      assert.deepEqual(await collect(openStream(pieces(ct, 29), key, { expectedHash: contentHash(ct) })), pt);
    });
  }
  it('the default chunk size: a 200 KiB payload in 4 chunks', () => {
    const key = generateDataKey();
    const pt = new Uint8Array(200 * 1024).map((_, i) => (i * 7) & 0xff);
    const ct = sealEnvelope(pt, key, { category: 'Document' });
    assert.equal(ct.length, HEADER_LENGTH + pt.length + 4 * TAG_LENGTH);
    assert.deepEqual(openEnvelope(ct, key).plaintext, pt);
    assert.equal(DEFAULT_CHUNK_SIZE, 65536);
  });
  it('a FHIR record: sealRecord → openRecord against its anchor', () => {
    const resource = { resourceType: 'Observation', status: 'final', code: { text: 'blood pressure' }, valueString: '150/95 mmHg' };
    const sealed = sealRecord(resource, 'Observation');
    assert.equal(sealed.sizeBytes, sealed.ciphertext.length);
    assert.deepEqual(openRecord(sealed.ciphertext, sealed.dataKey, { contentHash: sealed.contentHash, category: 'Observation' }), resource);
  });
  it('fresh data keys and nonce prefixes: the same payload never seals to the same bytes', () => {
    const pt = encodeResource({ resourceType: 'Condition', subject: { reference: 'Patient/eve' } }, 'Condition');
    const a = sealRecord(JSON.parse(new TextDecoder().decode(pt)), 'Condition');
    const b = sealRecord(JSON.parse(new TextDecoder().decode(pt)), 'Condition');
    assert.notDeepEqual(a.dataKey, b.dataKey);
    assert.notDeepEqual(a.ciphertext.subarray(11, 18), b.ciphertext.subarray(11, 18));
  });
});

describe('every EnvelopeError kind', () => {
  const v = envelopeVector('encounter-three-chunks');
  const key = hexToBytes(v.dataKey);
  const ct = hexToBytes(v.ciphertext);

  it('BadHeader: short, wrong magic, unknown category, chunk size out of range', () => {
    throwsKind(() => openEnvelope(ct.subarray(0, 10), key), 'BadHeader');
    const bad = (at: number, value: number): Uint8Array => {
      const out = ct.slice();
      out[at] = value;
      return out;
    };
    throwsKind(() => openEnvelope(bad(0, 0x00), key), 'BadHeader');
    throwsKind(() => openEnvelope(bad(6, 10), key), 'BadHeader');
    throwsKind(() => openEnvelope(concatBytes(ct.subarray(0, 7), u32be(MIN_CHUNK_SIZE - 1), ct.subarray(11)), key), 'BadHeader');
    throwsKind(() => openEnvelope(concatBytes(ct.subarray(0, 7), u32be(MAX_CHUNK_SIZE + 1), ct.subarray(11)), key), 'BadHeader');
  });
  it('BadHeader from a stream shorter than a header', async () => {
    await rejectsKind(() => collect(openStream([ct.subarray(0, 5)], key)), 'BadHeader');
  });
  it('UnsupportedVersion: envelope version and content type', () => {
    const v2 = ct.slice();
    v2[4] = 2;
    throwsKind(() => openEnvelope(v2, key), 'UnsupportedVersion');
    const ct2 = ct.slice();
    ct2[5] = 2;
    throwsKind(() => openEnvelope(ct2, key), 'UnsupportedVersion');
  });
  it('Truncated: cut at a chunk boundary, or inside a tag', () => {
    throwsKind(() => openEnvelope(ct.subarray(0, HEADER_LENGTH + 2 * (v.chunkSize + TAG_LENGTH)), key), 'Truncated');
    throwsKind(() => openEnvelope(ct.subarray(0, HEADER_LENGTH + 2 * (v.chunkSize + TAG_LENGTH) + 3), key), 'Truncated');
  });
  it('TrailingData: bytes after a full last chunk', () => {
    const e = envelopeVector('exact-two-chunks');
    const ect = hexToBytes(e.ciphertext);
    throwsKind(() => openEnvelope(concatBytes(ect, new Uint8Array(20)), hexToBytes(e.dataKey)), 'TrailingData');
  });
  it('ChunkAuthFailed: wrong key, flipped bit, swapped chunks', () => {
    throwsKind(() => openEnvelope(ct, generateDataKey()), 'ChunkAuthFailed');
    const flipped = ct.slice();
    flipped[HEADER_LENGTH] = (flipped[HEADER_LENGTH] ?? 0) ^ 0x80;
    throwsKind(() => openEnvelope(flipped, key), 'ChunkAuthFailed');
  });
  it('Malformed: an empty last chunk after a full one, on sealing and on opening', () => {
    const sealer = new ChunkSealer(key, { category: 'Encounter', chunkSize: 16 });
    sealer.seal(new Uint8Array(16), false);
    throwsKind(() => sealer.seal(new Uint8Array(0), true), 'Malformed');
    throwsKind(() => sealer.seal(new Uint8Array(3), false), 'Malformed');
    // Hand-built: chunk 0 full with flag 0, chunk 1 empty with flag 1. Authentic, but not canonical.
    const prefix = hexToBytes('01020304050607');
    const header = encodeHeader({ category: 'Encounter', chunkSize: 16, noncePrefix: prefix });
    const nonce = (i: number, last: number): Uint8Array => concatBytes(prefix, u32be(i), Uint8Array.of(last));
    const forged = concatBytes(
      header,
      chacha20poly1305(key, nonce(0, 0), header).encrypt(new Uint8Array(16)),
      chacha20poly1305(key, nonce(1, 1), header).encrypt(new Uint8Array(0)),
    );
    throwsKind(() => openEnvelope(forged, key), 'Malformed');
  });
  it('HashMismatch: the anchored hash is not the ciphertext\'s', () => {
    throwsKind(() => openEnvelope(ct, key, { expectedHash: new Uint8Array(32) }), 'HashMismatch');
  });
  it('CategoryMismatch: the anchor says another category, or the resource is of another type', () => {
    throwsKind(() => openEnvelope(ct, key, { expectedCategory: 'Observation' }), 'CategoryMismatch');
    throwsKind(() => validateResource({ resourceType: 'Observation', status: 'final', code: {} }, 'Encounter'), 'CategoryMismatch');
  });
  it('InvalidFhir: not a resource, or missing a mandatory element', () => {
    throwsKind(() => validateResource([1, 2], 'Encounter'), 'InvalidFhir');
    throwsKind(() => validateResource({ resourceType: 'Encounter', status: 'finished' }, 'Encounter'), 'InvalidFhir');
  });
  it('InvalidKey: data key, nonce prefix, chunk size, public key and sr25519 secret of the wrong size', async () => {
    throwsKind(() => sealEnvelope(new Uint8Array(1), new Uint8Array(16), { category: 'Encounter' }), 'InvalidKey');
    throwsKind(() => sealEnvelope(new Uint8Array(1), key, { category: 'Encounter', noncePrefix: new Uint8Array(8) }), 'InvalidKey');
    throwsKind(() => sealEnvelope(new Uint8Array(1), key, { category: 'Encounter', chunkSize: 8 }), 'InvalidKey');
    throwsKind(() => x25519FromSr25519(new Uint8Array(32), 0), 'InvalidKey');
    await rejectsKind(() => wrapDataKey(key, { recordId: 1n, reader: new Uint8Array(32), publicKey: new Uint8Array(31), keyVersion: 0 }), 'InvalidKey');
    // The all-zero point is of low order: HPKE must refuse it (its DH output is all zeroes).
    await rejectsKind(() => wrapDataKey(key, { recordId: 1n, reader: new Uint8Array(32), publicKey: new Uint8Array(32), keyVersion: 0 }), 'InvalidKey');
    await rejectsKind(() => EncryptionKeyring.fromSuri('not a mnemonic at all'), 'InvalidKey');
  });
  it('ShareMalformed, UnsupportedVersion, KeyVersionMismatch, ShareUnwrapFailed on shares', async () => {
    const eve = await EncryptionKeyring.fromSuri('//Eve');
    const ferdie = await EncryptionKeyring.fromSuri('//Ferdie');
    const ctx = { recordId: 3n, reader: eve.account };
    const share = await wrapDataKey(key, { ...ctx, publicKey: eve.keyAt(2).publicKey, keyVersion: 2 });
    throwsKind(() => parseShare(share.subarray(1)), 'ShareMalformed');
    const v9 = share.slice();
    v9[0] = 9;
    throwsKind(() => parseShare(v9), 'UnsupportedVersion');
    await rejectsKind(() => unwrapDataKey(share, ctx, eve.keyAt(1)), 'KeyVersionMismatch');
    await rejectsKind(() => unwrapDataKey(share, ctx, ferdie), 'ShareUnwrapFailed');
    assert.deepEqual(await unwrapDataKey(share, ctx, eve), key);
  });

  // Runs last: tests in a suite run in order.
  it('triggered every kind above', () => {
    const all: EnvelopeErrorKind[] = [
      'BadHeader', 'UnsupportedVersion', 'Truncated', 'TrailingData', 'ChunkAuthFailed', 'Malformed', 'ShareMalformed',
      'ShareUnwrapFailed', 'KeyVersionMismatch', 'HashMismatch', 'InvalidFhir', 'CategoryMismatch', 'InvalidKey',
    ];
    assert.deepEqual(all.filter((k) => !seenKinds.has(k)), [], 'EnvelopeError kinds never triggered');
  });
});
