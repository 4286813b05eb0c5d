// Writes test-vectors/envelope-v1.json from fixed inputs. Run with `npm run vectors` only when
// the format changes on purpose: the tests check the library reproduces the committed file
// byte for byte, and check the envelope with independent primitives (node:crypto's
// ChaCha20-Poly1305, polkadot's blake2) so the file is not merely self-consistent.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { encodeAddress } from '@polkadot/util-crypto';

import { bytesToHex, concatBytes, hexToBytes } from '../src/bytes.js';
import { contentHash, HEADER_LENGTH, openEnvelope, sealEnvelope, TAG_LENGTH } from '../src/envelope.js';
import { EnvelopeError } from '../src/errors.js';
import { EncryptionKeyring, sr25519FromSuri } from '../src/keys.js';
import { shareInfo, unwrapDataKey, wrapDataKey } from '../src/shares.js';

const hex = (b: Uint8Array): string => bytesToHex(b);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const DATA_KEY = hexToBytes('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const NONCE_PREFIX = hexToBytes('a0a1a2a3a4a5a6');
const RECORD_ID = 7n;

const ENCOUNTER = JSON.stringify({
  resourceType: 'Encounter',
  id: 'enc-hekou-0001',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
  subject: { reference: 'Patient/eve' },
  participant: [{ individual: { reference: 'Practitioner/charlie' } }],
  period: { start: '2026-11-30T09:15:00+08:00', end: '2026-11-30T09:40:00+08:00' },
  reasonCode: [{ text: 'fever and cough, 3 days' }],
});

interface EnvelopeVector {
  name: string;
  note: string;
  category: 'Encounter';
  chunkSize: number;
  dataKey: string;
  noncePrefix: string;
  plaintextUtf8: string;
  plaintext: string;
  chunks: number;
  header: string;
  ciphertext: string;
  contentHash: string;
}

function envelopeVector(name: string, note: string, plaintext: string, chunkSize: number): EnvelopeVector {
  const pt = utf8(plaintext);
  const ct = sealEnvelope(pt, DATA_KEY, { category: 'Encounter', chunkSize, noncePrefix: NONCE_PREFIX });
  const chunks = Math.ceil((ct.length - HEADER_LENGTH) / (chunkSize + TAG_LENGTH));
  return {
    name, note, category: 'Encounter', chunkSize, dataKey: hex(DATA_KEY), noncePrefix: hex(NONCE_PREFIX),
    plaintextUtf8: plaintext, plaintext: hex(pt), chunks,
    header: hex(ct.subarray(0, HEADER_LENGTH)), ciphertext: hex(ct), contentHash: hex(contentHash(ct)),
  };
}

const single = envelopeVector('encounter-one-chunk', 'A FHIR Encounter in one chunk of the default size.', ENCOUNTER, 65_536);
const three = envelopeVector('encounter-three-chunks', 'The same Encounter (413 bytes) in 160-byte chunks: two full, one partial last chunk.', ENCOUNTER, 160);
const exact = envelopeVector('exact-two-chunks', 'Envelope-layer vector (not FHIR): 32 bytes in 16-byte chunks, so the last chunk is full and carries the last flag.', '0123456789abcdef0123456789abcdef', 16);
const empty = envelopeVector('empty', 'Envelope-layer vector: an empty payload is one empty last chunk (tag only).', '', 65_536);
if (three.chunks !== 3 || exact.chunks !== 2 || single.chunks !== 1 || empty.chunks !== 1) throw new Error('chunk counts changed');

// Negative envelope vectors, derived from the three-chunk and exact vectors.
const ct3 = hexToBytes(three.ciphertext);
const seg = three.chunkSize + TAG_LENGTH;
const body = ct3.subarray(HEADER_LENGTH);
const c = [body.subarray(0, seg), body.subarray(seg, 2 * seg), body.subarray(2 * seg)] as const;
const head = ct3.subarray(0, HEADER_LENGTH);
const flip = (b: Uint8Array, at: number): Uint8Array => {
  const out = b.slice();
  out[at] = (out[at] ?? 0) ^ 0x01;
  return out;
};
const setByte = (b: Uint8Array, at: number, value: number): Uint8Array => {
  const out = b.slice();
  out[at] = value;
  return out;
};
const ctExact = hexToBytes(exact.ciphertext);

const negativeEnvelopes = [
  { name: 'last-chunk-removed', from: three.name, expectedError: 'Truncated', ciphertext: concatBytes(head, c[0], c[1]) },
  { name: 'cut-inside-last-chunk', from: three.name, expectedError: 'ChunkAuthFailed', ciphertext: ct3.subarray(0, ct3.length - 5) },
  { name: 'cut-inside-tag', from: three.name, expectedError: 'Truncated', ciphertext: concatBytes(head, c[0], c[1], c[2].subarray(0, 10)) },
  { name: 'header-only', from: three.name, expectedError: 'Truncated', ciphertext: head },
  { name: 'chunks-0-1-swapped', from: three.name, expectedError: 'ChunkAuthFailed', ciphertext: concatBytes(head, c[1], c[0], c[2]) },
  { name: 'middle-chunk-removed', from: three.name, expectedError: 'ChunkAuthFailed', ciphertext: concatBytes(head, c[0], c[2]) },
  { name: 'bit-flipped-in-chunk-1', from: three.name, expectedError: 'ChunkAuthFailed', ciphertext: flip(ct3, HEADER_LENGTH + seg + 3) },
  { name: 'bit-flipped-in-tag', from: three.name, expectedError: 'ChunkAuthFailed', ciphertext: flip(ct3, ct3.length - 1) },
  { name: 'bit-flipped-in-nonce-prefix', from: three.name, expectedError: 'ChunkAuthFailed', ciphertext: flip(ct3, 12) },
  { name: 'category-changed-in-header', from: three.name, expectedError: 'ChunkAuthFailed', ciphertext: flip(ct3, 6) },
  { name: 'bad-magic', from: three.name, expectedError: 'BadHeader', ciphertext: flip(ct3, 0) },
  { name: 'version-2', from: three.name, expectedError: 'UnsupportedVersion', ciphertext: setByte(ct3, 4, 2) },
  { name: 'chunk-appended-after-full-last', from: exact.name, expectedError: 'TrailingData', ciphertext: concatBytes(ctExact, ctExact.subarray(HEADER_LENGTH, HEADER_LENGTH + 32)) },
].map((v) => ({ ...v, ciphertext: hex(v.ciphertext) }));

for (const v of negativeEnvelopes) {
  try {
    openEnvelope(hexToBytes(v.ciphertext), DATA_KEY);
    throw new Error(`${v.name} opened`);
  } catch (e) {
    if (!(e instanceof EnvelopeError) || e.kind !== v.expectedError) throw new Error(`${v.name}: ${String(e)}`, { cause: e });
  }
}

// Keys and shares.
const people = [
  { name: 'Eve', suri: '//Eve' },
  { name: 'Charlie', suri: '//Charlie' },
];
const keyrings = new Map<string, EncryptionKeyring>();
const keys = [];
for (const p of people) {
  const sr = await sr25519FromSuri(p.suri);
  const kr = await EncryptionKeyring.fromSuri(p.suri);
  keyrings.set(p.name, kr);
  keys.push({
    name: p.name, suri: p.suri, account: encodeAddress(sr.publicKey, 42), accountId: hex(sr.publicKey),
    sr25519SecretKey: hex(sr.secretKey),
    versions: [0, 1].map((v) => ({ version: v, x25519SecretKey: hex(kr.keyAt(v).secretKey), x25519PublicKey: hex(kr.keyAt(v).publicKey) })),
  });
}
const eve = keyrings.get('Eve');
const charlie = keyrings.get('Charlie');
if (eve === undefined || charlie === undefined) throw new Error('keyrings');

const shareSpecs = [
  { name: 'eve-v0', who: eve, reader: 'Eve', version: 0, ikm: 'e0'.repeat(32) },
  { name: 'charlie-v0', who: charlie, reader: 'Charlie', version: 0, ikm: 'c0'.repeat(32) },
  { name: 'eve-v1-after-rotation', who: eve, reader: 'Eve', version: 1, ikm: 'e1'.repeat(32) },
];
const shares = [];
for (const s of shareSpecs) {
  const key = s.who.keyAt(s.version);
  const share = await wrapDataKey(DATA_KEY, { recordId: RECORD_ID, reader: s.who.account, publicKey: key.publicKey, keyVersion: s.version }, hexToBytes(s.ikm));
  if (hex(await unwrapDataKey(share, { recordId: RECORD_ID, reader: s.who.account }, s.who)) !== hex(DATA_KEY)) throw new Error('share');
  shares.push({
    name: s.name, recordId: RECORD_ID.toString(), reader: s.reader, readerAccountId: hex(s.who.account), readerKeyVersion: s.version,
    readerPublicKey: hex(key.publicKey), dataKey: hex(DATA_KEY), ephemeralIkm: s.ikm,
    info: hex(shareInfo({ recordId: RECORD_ID, reader: s.who.account }, s.version)), aad: hex(share.subarray(0, 5)),
    share: hex(share), length: share.length,
  });
}
const eveShare = shares[0];
if (eveShare === undefined) throw new Error('shares');
const eveShareBytes = hexToBytes(eveShare.share);
const versionBumped = setByte(eveShareBytes, 4, 1);
const negativeShares = [
  { name: 'moved-to-record-8', share: eveShare.share, recordId: '8', reader: 'Eve', openWith: 'Eve', expectedError: 'ShareUnwrapFailed' },
  { name: 'moved-to-reader-charlie', share: eveShare.share, recordId: '7', reader: 'Charlie', openWith: 'Charlie', expectedError: 'ShareUnwrapFailed' },
  { name: 'eve-key-but-charlie-slot', share: eveShare.share, recordId: '7', reader: 'Charlie', openWith: 'Eve', expectedError: 'ShareUnwrapFailed' },
  { name: 'key-version-relabelled-0-to-1', share: hex(versionBumped), recordId: '7', reader: 'Eve', openWith: 'Eve', expectedError: 'ShareUnwrapFailed' },
  { name: 'bit-flipped-in-sealed-key', share: hex(flip(eveShareBytes, 60)), recordId: '7', reader: 'Eve', openWith: 'Eve', expectedError: 'ShareUnwrapFailed' },
  { name: 'truncated', share: hex(eveShareBytes.subarray(0, 84)), recordId: '7', reader: 'Eve', openWith: 'Eve', expectedError: 'ShareMalformed' },
  { name: 'share-version-2', share: hex(setByte(eveShareBytes, 0, 2)), recordId: '7', reader: 'Eve', openWith: 'Eve', expectedError: 'UnsupportedVersion' },
];
for (const n of negativeShares) {
  const opener = keyrings.get(n.openWith);
  const reader = keyrings.get(n.reader);
  if (opener === undefined || reader === undefined) throw new Error('negative share people');
  try {
    await unwrapDataKey(hexToBytes(n.share), { recordId: BigInt(n.recordId), reader: reader.account }, opener);
    throw new Error(`${n.name} opened`);
  } catch (e) {
    if (!(e instanceof EnvelopeError) || e.kind !== n.expectedError) throw new Error(`${n.name}: ${String(e)}`, { cause: e });
  }
}

const out = {
  format: 'RuralMed record envelope v1 and key share v1',
  spec: 'docs/encryption.md',
  notes: [
    'All byte strings are lower-case hex. recordId is a decimal u64 string.',
    'The envelope vectors must be reproduced exactly from dataKey, noncePrefix, category, chunkSize and plaintext.',
    'The share vectors must be reproduced exactly from the reader public key, info and ephemeralIkm (HPKE DeriveKeyPair(ikmE) gives the ephemeral key).',
    'negative.envelopes must fail to open with dataKey and the named error; negative.shares must fail for (recordId, reader) opened with openWith\'s keys.',
  ],
  envelopes: [single, three, exact, empty],
  keys,
  shares,
  negative: {
    envelopes: negativeEnvelopes,
    hashMismatch: { from: single.name, ciphertext: single.ciphertext, anchoredHash: hex(flip(hexToBytes(single.contentHash), 0)), expectedError: 'HashMismatch' },
    shares: negativeShares,
  },
};

const target = fileURLToPath(new URL('../../test-vectors/envelope-v1.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${target}`);
