// The committed vectors (test-vectors/envelope-v1.json): reproduced byte for byte, checked with
// independent primitives, and every negative vector refused with its named error. Also the HPKE
// suite against RFC 9180 Appendix A.2.1.

import assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { describe, it } from 'node:test';

import { CipherSuite } from '@hpke/core';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/dhkem-x25519';
import { blake2AsU8a } from '@polkadot/util-crypto';

import { bytesToHex, hexToBytes, u32be } from '../src/bytes.js';
import { contentHash, HEADER_LENGTH, openEnvelope, openStream, parseHeader, sealEnvelope, sealStream, TAG_LENGTH } from '../src/envelope.js';
import { EncryptionKeyring } from '../src/keys.js';
import { hpkeSuite, parseShare, SHARE_LENGTH, shareInfo, unwrapDataKey, wrapDataKey } from '../src/shares.js';
import { collect, envelopeVector, rejectsKind, throwsKind, vectors } from './helpers.js';

const h = hexToBytes;
const hex = bytesToHex;

describe('envelope vectors', () => {
  for (const v of vectors.envelopes) {
    it(`${v.name}: seals to the expected ciphertext and hash`, () => {
      const ct = sealEnvelope(h(v.plaintext), h(v.dataKey), { category: v.category, chunkSize: v.chunkSize, noncePrefix: h(v.noncePrefix) });
      assert.equal(hex(ct), v.ciphertext);
      assert.equal(hex(ct.subarray(0, HEADER_LENGTH)), v.header);
      assert.equal(hex(contentHash(ct)), v.contentHash);
      assert.equal(new TextDecoder().decode(h(v.plaintext)), v.plaintextUtf8);
    });

    it(`${v.name}: opens, one-shot and streamed in odd pieces`, async () => {
      const { plaintext, header } = openEnvelope(h(v.ciphertext), h(v.dataKey), { expectedHash: h(v.contentHash), expectedCategory: v.category });
      assert.equal(hex(plaintext), v.plaintext);
      assert.equal(header.chunkSize, v.chunkSize);
      const ct = h(v.ciphertext);
      const pieces = function* () {
        for (let i = 0; i < ct.length; i += 7) yield ct.subarray(i, i + 7);
      };
      assert.equal(hex(await collect(openStream(pieces(), h(v.dataKey), { expectedHash: h(v.contentHash) }))), v.plaintext);
      const pt = h(v.plaintext);
      const ptPieces = function* () {
        for (let i = 0; i < pt.length; i += 5) yield pt.subarray(i, i + 5);
      };
      assert.equal(hex(await collect(sealStream(ptPieces(), h(v.dataKey), { category: v.category, chunkSize: v.chunkSize, noncePrefix: h(v.noncePrefix) }))), v.ciphertext);
    });

    it(`${v.name}: matches independent primitives (node:crypto ChaCha20-Poly1305, polkadot blake2)`, () => {
      const ct = h(v.ciphertext);
      assert.equal(hex(blake2AsU8a(ct, 256)), v.contentHash);
      const header = ct.subarray(0, HEADER_LENGTH);
      const { noncePrefix } = parseHeader(header);
      const seg = v.chunkSize + TAG_LENGTH;
      const body = ct.subarray(HEADER_LENGTH);
      let plain = '';
      for (let i = 0; i < v.chunks; i++) {
        const chunk = body.subarray(i * seg, Math.min((i + 1) * seg, body.length));
        const nonce = Buffer.concat([noncePrefix, u32be(i), Uint8Array.of(i === v.chunks - 1 ? 1 : 0)]);
        const d = createDecipheriv('chacha20-poly1305', h(v.dataKey), nonce, { authTagLength: 16 });
        d.setAAD(header, { plaintextLength: chunk.length - 16 });
        d.setAuthTag(chunk.subarray(chunk.length - 16));
        plain += Buffer.concat([d.update(chunk.subarray(0, chunk.length - 16)), d.final()]).toString('hex');
      }
      assert.equal(plain, v.plaintext);
    });
  }
});

describe('negative envelope vectors', () => {
  for (const n of vectors.negative.envelopes) {
    const base = envelopeVector(n.from);
    it(`${n.name} is refused: ${n.expectedError}`, async () => {
      throwsKind(() => openEnvelope(h(n.ciphertext), h(base.dataKey)), n.expectedError);
      await rejectsKind(() => collect(openStream([h(n.ciphertext)], h(base.dataKey))), n.expectedError);
    });
  }
  it('a ciphertext that does not hash to the anchored hash is refused: HashMismatch', async () => {
    const m = vectors.negative.hashMismatch;
    const base = envelopeVector(m.from);
    throwsKind(() => openEnvelope(h(m.ciphertext), h(base.dataKey), { expectedHash: h(m.anchoredHash) }), m.expectedError);
    await rejectsKind(() => collect(openStream([h(m.ciphertext)], h(base.dataKey), { expectedHash: h(m.anchoredHash) })), m.expectedError);
  });
});

describe('key vectors', () => {
  for (const k of vectors.keys) {
    it(`${k.name}: the X25519 keys of versions 0 and 1 derive from ${k.suri}`, async () => {
      const keyring = await EncryptionKeyring.fromSuri(k.suri);
      assert.equal(hex(keyring.account), k.accountId);
      for (const v of k.versions) {
        assert.equal(hex(keyring.keyAt(v.version).secretKey), v.x25519SecretKey);
        assert.equal(hex(keyring.keyAt(v.version).publicKey), v.x25519PublicKey);
      }
    });
  }
});

const keyringOf = async (name: string): Promise<EncryptionKeyring> => {
  const k = vectors.keys.find((x) => x.name === name);
  assert.ok(k);
  return EncryptionKeyring.fromSuri(k.suri);
};

describe('share vectors', () => {
  for (const s of vectors.shares) {
    it(`${s.name}: wraps to the expected ${SHARE_LENGTH}-byte share and opens`, async () => {
      const keyring = await keyringOf(s.reader);
      const ctx = { recordId: BigInt(s.recordId), reader: h(s.readerAccountId) };
      assert.equal(hex(shareInfo(ctx, s.readerKeyVersion)), s.info);
      const share = await wrapDataKey(h(s.dataKey), { ...ctx, publicKey: h(s.readerPublicKey), keyVersion: s.readerKeyVersion }, h(s.ephemeralIkm));
      assert.equal(hex(share), s.share);
      assert.equal(share.length, s.length);
      assert.equal(parseShare(share).keyVersion, s.readerKeyVersion);
      assert.equal(hex(await unwrapDataKey(share, ctx, keyring)), s.dataKey);
    });
    it(`${s.name}: opens with plain HPKE given the documented info and aad`, async () => {
      const keyring = await keyringOf(s.reader);
      const suite = hpkeSuite();
      const share = h(s.share);
      const pt = await suite.open(
        { recipientKey: await suite.kem.importKey('raw', keyring.keyAt(s.readerKeyVersion).secretKey.slice().buffer, false), enc: share.slice(5, 37).buffer, info: h(s.info).buffer },
        share.slice(37).buffer,
        h(s.aad).buffer,
      );
      assert.equal(hex(new Uint8Array(pt)), s.dataKey);
    });
  }
});

describe('negative share vectors', () => {
  for (const n of vectors.negative.shares) {
    it(`${n.name} is refused: ${n.expectedError}`, async () => {
      const opener = await keyringOf(n.openWith);
      const reader = await keyringOf(n.reader);
      await rejectsKind(() => unwrapDataKey(h(n.share), { recordId: BigInt(n.recordId), reader: reader.account }, opener), n.expectedError);
    });
  }
});

// RFC 9180 Appendix A.2.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305, base mode.
const A21 = {
  info: '4f6465206f6e2061204772656369616e2055726e',
  ikmE: '909a9b35d3dc4713a5e72a4da274b55d3d3821a37e5d099e74a647db583a904b',
  pkEm: '1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a',
  skEm: 'f4ec9b33b792c372c1d2c2063507b684ef925b8c75a42dbcbf57d63ccd381600',
  ikmR: '1ac01f181fdf9f352797655161c58b75c656a6cc2716dcb66372da835542e1df',
  pkRm: '4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a',
  skRm: '8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb',
  enc: '1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a',
  exporterSecretExport0: '4bbd6243b8bb54cec311fac9df81841b6fd61f56538a775e7c80a9f40160606e',
  pt: '4265617574792069732074727574682c20747275746820626561757479',
  encryptions: [
    { seq: 0, aad: '436f756e742d30', ct: '1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28' },
    { seq: 1, aad: '436f756e742d31', ct: '6b53c051e4199c518de79594e1c4ab18b96f081549d45ce015be002090bb119e85285337cc95ba5f59992dc98c' },
  ],
};

describe('RFC 9180 A.2.1', () => {
  const buf = (s: string): ArrayBuffer => h(s).buffer;
  it('the suite hpkeSuite() builds is DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / ChaCha20Poly1305', () => {
    const suite = hpkeSuite();
    assert.deepEqual([suite.kem.id, suite.kdf.id, suite.aead.id], [0x0020, 0x0001, 0x0003]);
  });
  it('derives the RFC key pairs, encapsulates to the RFC enc and seals the RFC ciphertexts', async () => {
    const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
    const e = await suite.kem.deriveKeyPair(buf(A21.ikmE));
    assert.equal(hex(new Uint8Array(await suite.kem.serializePrivateKey(e.privateKey))), A21.skEm);
    assert.equal(hex(new Uint8Array(await suite.kem.serializePublicKey(e.publicKey))), A21.pkEm);
    const r = await suite.kem.deriveKeyPair(buf(A21.ikmR));
    assert.equal(hex(new Uint8Array(await suite.kem.serializePrivateKey(r.privateKey))), A21.skRm);
    assert.equal(hex(new Uint8Array(await suite.kem.serializePublicKey(r.publicKey))), A21.pkRm);

    const sender = await suite.createSenderContext({ recipientPublicKey: r.publicKey, info: buf(A21.info), ekm: buf(A21.ikmE) });
    assert.equal(hex(new Uint8Array(sender.enc)), A21.enc);
    for (const x of A21.encryptions) assert.equal(hex(new Uint8Array(await sender.seal(buf(A21.pt), buf(x.aad)))), x.ct, `seq ${x.seq}`);

    const recipient = await suite.createRecipientContext({ recipientKey: await suite.kem.importKey('raw', buf(A21.skRm), false), enc: buf(A21.enc), info: buf(A21.info) });
    for (const x of A21.encryptions) assert.equal(hex(new Uint8Array(await recipient.open(buf(x.ct), buf(x.aad)))), A21.pt);
    assert.equal(hex(new Uint8Array(await recipient.export(new ArrayBuffer(0), 32))), A21.exporterSecretExport0);
  });
  it('single-shot seal with the RFC ephemeral IKM, as wrapDataKey uses it', async () => {
    const suite = hpkeSuite();
    const pk = await suite.kem.importKey('raw', buf(A21.pkRm), true);
    const first = A21.encryptions[0];
    assert.ok(first);
    const { ct, enc } = await suite.seal({ recipientPublicKey: pk, info: buf(A21.info), ekm: buf(A21.ikmE) }, buf(A21.pt), buf(first.aad));
    assert.equal(hex(new Uint8Array(enc)), A21.enc);
    assert.equal(hex(new Uint8Array(ct)), first.ct);
  });
});
