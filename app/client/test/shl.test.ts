// SMART Health Links without a vault: base64url against Node's own, the JWE against WebCrypto
// (an independent AES-GCM), the shlink payload, sealing's refusals, and openHealthLink against a
// real local HTTP server that answers as the vault does. The live path, with the real vault,
// is scripts/js/checks-vault/shl.mjs and vault.integration.test.ts.

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import {
  base64urlDecode, base64urlEncode, decodeShlink, decryptJwe, encodeShlink, encryptJwe, linkFor, needsPasscode,
  openHealthLink, sealHealthLink, ShlError, type ShlErrorCode,
} from '../src/shl.js';

const code = (expected: ShlErrorCode) => (error: unknown): boolean => {
  assert.ok(error instanceof ShlError, `not a ShlError: ${String(error)}`);
  assert.equal(error.code, expected);
  return true;
};

const NOW = 1_800_000_000_000;
const VISIT = { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, reasonCode: [{ text: '咳嗽 cough' }] };

describe('base64url', () => {
  it('matches Node for every length and refuses other alphabets', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const text = base64urlEncode(bytes);
      assert.equal(text, Buffer.from(bytes).toString('base64url'));
      assert.deepEqual(base64urlDecode(text), bytes);
    }
    assert.throws(() => base64urlDecode('ab+/'), code('invalid_link'));
    assert.throws(() => base64urlDecode('abcde'), code('invalid_link'));
  });
});

describe('JWE', () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i);
  const plain = new TextEncoder().encode(JSON.stringify(VISIT));

  it('opens with WebCrypto AES-GCM, the header as AAD', async () => {
    const jwe = encryptJwe(key, plain);
    const [header = '', encryptedKey, iv = '', ciphertext = '', tag = ''] = jwe.split('.');
    assert.equal(encryptedKey, '');
    assert.deepEqual(JSON.parse(Buffer.from(header, 'base64url').toString()), { alg: 'dir', enc: 'A256GCM', cty: 'application/fhir+json' });
    const cryptoKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt']);
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: Buffer.from(iv, 'base64url'), additionalData: new TextEncoder().encode(header) },
      cryptoKey,
      Buffer.concat([Buffer.from(ciphertext, 'base64url'), Buffer.from(tag, 'base64url')]),
    );
    assert.deepEqual(new Uint8Array(opened), plain);
    assert.deepEqual(decryptJwe(key, jwe), plain);
  });

  it('refuses another key, an altered part, and other algorithms', () => {
    const jwe = encryptJwe(key, plain);
    const other = key.map((b) => b ^ 1);
    assert.throws(() => decryptJwe(other, jwe), code('decrypt_failed'));
    const parts = jwe.split('.');
    const flipped = [...parts];
    flipped[3] = base64urlEncode(base64urlDecode(parts[3] ?? '').map((b, i) => (i === 0 ? b ^ 1 : b)));
    assert.throws(() => decryptJwe(key, flipped.join('.')), code('decrypt_failed'));
    const otherHeader = [base64urlEncode(new TextEncoder().encode('{"alg":"RSA-OAEP","enc":"A256GCM"}')), ...parts.slice(1)];
    assert.throws(() => decryptJwe(key, otherHeader.join('.')), code('decrypt_failed'));
    assert.throws(() => decryptJwe(key, 'a.b.c'), code('decrypt_failed'));
    assert.throws(() => encryptJwe(key.subarray(1), plain), code('invalid_argument'));
  });
});

describe('shlink', () => {
  it('round-trips, bare and behind a viewer URL', () => {
    const link = linkFor({ viewerUrl: 'https://clinic.example/viewer.html', manifestUrl: 'https://vault.example/shl/abc', key: new Uint8Array(32), expiresMs: NOW, label: '王芳 visit', passcode: true });
    assert.ok(link.startsWith('https://clinic.example/viewer.html#shlink:/'));
    const payload = decodeShlink(link);
    assert.deepEqual(payload, { url: 'https://vault.example/shl/abc', key: 'A'.repeat(43), exp: NOW / 1000, flag: 'P', label: '王芳 visit', v: 1 });
    assert.ok(needsPasscode(payload));
    assert.deepEqual(decodeShlink(encodeShlink(payload)), payload);
  });

  it('refuses what is not a link', () => {
    assert.throws(() => decodeShlink('https://example.com/'), code('invalid_link'));
    assert.throws(() => decodeShlink('xshlink:/e30'), code('invalid_link'));
    assert.throws(() => decodeShlink('shlink:/!!!'), code('invalid_link'));
    assert.throws(() => decodeShlink(encodeShlink({ url: 'ftp://x', key: 'A'.repeat(43) })), code('invalid_link'));
    assert.throws(() => decodeShlink(encodeShlink({ url: 'https://x', key: 'short' })), code('invalid_link'));
    assert.throws(() => decodeShlink(encodeShlink({ url: 'https://x', key: 'A'.repeat(43), flag: 'Z' })), code('invalid_link'));
  });
});

describe('sealHealthLink', () => {
  const base = { patient: '5Eve', records: [{ recordId: 7n, resource: VISIT }], label: 'visit', expiresMs: NOW + 3_600_000, passcode: '1234', nowMs: NOW };

  it('seals one Bundle naming each record', () => {
    const { request, key } = sealHealthLink(base);
    assert.equal(request.id.length, 43);
    assert.deepEqual(request.records, [7n]);
    assert.equal(request.files.length, 1);
    const bundle = JSON.parse(new TextDecoder().decode(decryptJwe(key, request.files[0] ?? ''))) as { resourceType: string; entry: unknown };
    assert.equal(bundle.resourceType, 'Bundle');
    assert.deepEqual(bundle.entry, [{ fullUrl: 'urn:ruralmed:record:7', resource: VISIT }]);
  });

  it('refuses bad inputs before anything is sent', () => {
    assert.throws(() => sealHealthLink({ ...base, records: [] }), code('invalid_argument'));
    assert.throws(() => sealHealthLink({ ...base, records: [...base.records, ...base.records] }), code('invalid_argument'));
    assert.throws(() => sealHealthLink({ ...base, label: 'x'.repeat(81) }), code('invalid_argument'));
    assert.throws(() => sealHealthLink({ ...base, expiresMs: NOW }), code('invalid_argument'));
    assert.throws(() => sealHealthLink({ ...base, expiresMs: NOW + 367 * 86_400_000 }), code('invalid_argument'));
    assert.throws(() => sealHealthLink({ ...base, passcode: '123' }), code('invalid_argument'));
    // 80 characters of Chinese is 240 bytes and still a valid label.
    assert.doesNotThrow(() => sealHealthLink({ ...base, label: '病'.repeat(80) }));
  });
});

describe('openHealthLink against a server answering as the vault does', () => {
  let server: Server;
  let url = '';
  const key = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
  const seen: unknown[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: {} };

  before(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => { text += c.toString(); });
      req.on('end', () => {
        seen.push(JSON.parse(text));
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/shl/x`;
  });
  after(() => { server.close(); });

  const link = (exp = NOW / 1000 + 60) => encodeShlink({ url, key: base64urlEncode(key), exp, flag: 'P' });

  it('decrypts the embedded bundle and sends recipient and passcode', async () => {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:ruralmed:record:12', resource: VISIT }] };
    answer = { status: 200, body: { files: [{ contentType: 'application/fhir+json;fhirVersion=4.0.1', embedded: encryptJwe(key, new TextEncoder().encode(JSON.stringify(bundle))) }] } };
    const opened = await openHealthLink(link(), { recipient: ' Dr Li, Kunming ', passcode: '1234', nowMs: NOW });
    assert.deepEqual(opened, [{ recordId: 12n, resource: VISIT }]);
    assert.deepEqual(seen.at(-1), { recipient: 'Dr Li, Kunming', passcode: '1234' });
  });

  it('maps the vault refusals and bad answers to their codes', async () => {
    answer = { status: 401, body: { error: 'shl_passcode', message: 'wrong passcode', remainingAttempts: 3 } };
    await assert.rejects(openHealthLink(link(), { recipient: 'Dr Li', passcode: 'x', nowMs: NOW }), (e: unknown) => code('shl_passcode')(e) && (e as ShlError).remainingAttempts === 3);
    for (const error of ['shl_revoked', 'shl_expired', 'shl_locked', 'shl_not_found', 'shl_record_erased'] as const) {
      answer = { status: 404, body: { error, message: error } };
      await assert.rejects(openHealthLink(link(), { recipient: 'Dr Li', nowMs: NOW }), code(error));
    }
    answer = { status: 500, body: { error: 'something_else', message: 'no' } };
    await assert.rejects(openHealthLink(link(), { recipient: 'Dr Li', nowMs: NOW }), code('bad_response'));
    answer = { status: 200, body: { files: [{ contentType: 'application/fhir+json', embedded: encryptJwe(key.map((b) => b ^ 1), new TextEncoder().encode('{}')) }] } };
    await assert.rejects(openHealthLink(link(), { recipient: 'Dr Li', nowMs: NOW }), code('decrypt_failed'));
    answer = { status: 200, body: { files: [{ contentType: 'application/fhir+json', embedded: encryptJwe(key, new TextEncoder().encode('{"no":"type"}')) }] } };
    await assert.rejects(openHealthLink(link(), { recipient: 'Dr Li', nowMs: NOW }), code('bad_content'));
    answer = { status: 200, body: { nothing: true } };
    await assert.rejects(openHealthLink(link(), { recipient: 'Dr Li', nowMs: NOW }), code('bad_response'));
  });

  it('refuses an expired link and an empty recipient without asking', async () => {
    const before = seen.length;
    await assert.rejects(openHealthLink(link(NOW / 1000 - 1), { recipient: 'Dr Li', nowMs: NOW }), code('link_expired'));
    await assert.rejects(openHealthLink(link(), { recipient: '  ', nowMs: NOW }), code('invalid_argument'));
    assert.equal(seen.length, before);
  });

  it('reports a closed port as unreachable', async () => {
    const closed = encodeShlink({ url: 'http://127.0.0.1:9/shl/x', key: base64urlEncode(key) });
    await assert.rejects(openHealthLink(closed, { recipient: 'Dr Li' }), code('unreachable'));
  });
});
