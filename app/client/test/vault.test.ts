// The vault client without a vault: the signed message (the same vector vault/src/auth.rs
// checks), keypair and extension signers, and the transport against a real local HTTP server
// started here: what goes over the wire, and how refusals, bad answers, a closed port and a
// silent server come back as VaultError codes. The live path is vault.integration.test.ts.

import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady, decodeAddress, sr25519Verify } from '@polkadot/util-crypto';

import {
  blobHash, extensionSigner, keypairSigner, signedHeaders, signingMessage, VaultClient, VaultError, type SignRaw,
} from '../src/vault.js';

const HASH = `0x${'ab'.repeat(32)}`;

/** Strict sr25519 verification (util-crypto's signatureVerify also tries the <Bytes> forms). */
const verifies = (message: Uint8Array, signature: string | Uint8Array, address: string): boolean =>
  sr25519Verify(message, signature, decodeAddress(address));

function isVaultError(status: number, code: string): (e: unknown) => true {
  return (e: unknown) => {
    assert.ok(e instanceof VaultError, `expected VaultError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.equal(e.status, status, e.message);
    return true;
  };
}

/** What an extension does for signRaw of bytes: sign <Bytes> + data + </Bytes>. */
function extensionLike(pair: KeyringPair): SignRaw {
  return ({ address, data, type }) => {
    assert.equal(address, pair.address);
    assert.equal(type, 'bytes');
    return Promise.resolve({ signature: u8aToHex(pair.sign(u8aWrapBytes(hexToU8a(data)))) });
  };
}

describe('signing vault requests', () => {
  let ferdie: KeyringPair;
  before(async () => {
    await cryptoWaitReady();
    ferdie = new Keyring({ type: 'sr25519' }).addFromUri('//Ferdie');
  });

  it('signs the exact message the vault verifies (shared vector with vault/src/auth.rs)', () => {
    const message = signingMessage('DELETE', `/v1/blobs/${HASH}`, new TextEncoder().encode('{"record":3}'), 1_780_000_000_000);
    assert.equal(
      new TextDecoder().decode(message),
      `ruralmed-vault/v1\nDELETE\n/v1/blobs/${HASH}\n49c728b6a4dc74827de29e424986e81c2b9810bdc4fb54a3d6d333e222c9627a\n1780000000000`,
    );
    // An empty body hashes as blake2-256 of nothing.
    const empty = new TextDecoder().decode(signingMessage('GET', '/x?y=1', new Uint8Array(), 5));
    assert.equal(empty, `ruralmed-vault/v1\nGET\n/x?y=1\n${blake2AsHex(new Uint8Array(), 256).slice(2)}\n5`);
  });

  it('a keypair signs the bare message; an extension signs it wrapped in <Bytes>', async () => {
    const message = signingMessage('POST', '/v1/blobs', new Uint8Array([1, 2, 3]), 42);
    const bare = await keypairSigner(ferdie).sign(message);
    assert.equal(bare.length, 64);
    assert.ok(verifies(message, bare, ferdie.address));
    const wrapped = await extensionSigner(ferdie.address, extensionLike(ferdie)).sign(message);
    assert.equal(wrapped.length, 64);
    assert.ok(verifies(u8aWrapBytes(message), wrapped, ferdie.address));
    assert.ok(!verifies(message, wrapped, ferdie.address), 'the extension form differs from the bare one');
  });

  it('takes a MultiSignature (0x01 + 64 bytes) from a wallet and refuses anything else', async () => {
    const message = signingMessage('POST', '/v1/blobs', new Uint8Array(), 1);
    const prefixed: SignRaw = async (p) => ({ signature: u8aToHex(new Uint8Array([1, ...hexToU8a((await extensionLike(ferdie)(p)).signature)])) });
    const sig = await extensionSigner(ferdie.address, prefixed).sign(message);
    assert.ok(verifies(u8aWrapBytes(message), sig, ferdie.address));
    const ed25519Prefixed: SignRaw = () => Promise.resolve({ signature: u8aToHex(new Uint8Array(65)) });
    await assert.rejects(() => extensionSigner(ferdie.address, ed25519Prefixed).sign(message), isVaultError(0, 'bad_signer'));
    await assert.rejects(() => extensionSigner(ferdie.address, () => Promise.resolve({ signature: 'nothex' })).sign(message), isVaultError(0, 'bad_signer'));
    // A wallet that refuses (the user said no) is a bad_signer too, before anything is sent.
    const refusing: SignRaw = () => Promise.reject(new Error('Cancelled'));
    await assert.rejects(() => signedHeaders(extensionSigner(ferdie.address, refusing), 'POST', '/v1/blobs', new Uint8Array()), isVaultError(0, 'bad_signer'));
  });

  it('names hashes as the vault does and refuses malformed ones', () => {
    assert.equal(blobHash(HASH.toUpperCase().replace('0X', '0x')), HASH);
    assert.equal(blobHash('ab'.repeat(32)), HASH);
    assert.equal(blobHash(new Uint8Array(32).fill(0xab)), HASH);
    for (const bad of ['0x1234', `0x${'zz'.repeat(32)}`, `../${'ab'.repeat(32)}`, '']) {
      assert.throws(() => blobHash(bad), isVaultError(0, 'invalid_argument'));
    }
    assert.throws(() => blobHash(new Uint8Array(31)), isVaultError(0, 'invalid_argument'));
  });
});

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Uint8Array;
}

type Handler = (req: Seen, res: ServerResponse) => void;

describe('the vault client over HTTP (a local server)', () => {
  let server: Server;
  let url: string;
  let handler: Handler = (_req, res) => res.end();
  const seen: Seen[] = [];
  let ferdie: KeyringPair;
  let client: VaultClient;

  before(async () => {
    await cryptoWaitReady();
    ferdie = new Keyring({ type: 'sr25519' }).addFromUri('//Ferdie');
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: new Uint8Array(Buffer.concat(chunks)) };
        seen.push(request);
        handler(request, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = new VaultClient(`${url}/`, { timeoutMs: 500 });
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  });

  const json = (status: number, body: unknown): Handler => (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  /** The last request's signature headers, checked against its method, path and body. */
  function assertSigned(request: Seen, signer: KeyringPair): void {
    const timestamp = Number(request.headers['x-ruralmed-timestamp']);
    assert.ok(Math.abs(Date.now() - timestamp) < 10_000, 'a fresh timestamp');
    assert.equal(request.headers['x-ruralmed-account'], signer.address);
    const message = signingMessage(request.method, request.url, request.body, timestamp);
    assert.ok(verifies(message, String(request.headers['x-ruralmed-signature']), signer.address), 'the signature verifies');
  }

  it('uploads signed, with patient, category, organisation and content hash headers', async () => {
    const ciphertext = new Uint8Array([9, 8, 7, 6]);
    handler = json(201, { hash: blake2AsHex(ciphertext, 256), size: 4, stored: 'new' });
    const answer = await client.upload(keypairSigner(ferdie), { ciphertext, patient: ferdie.address, category: 'Encounter', organisation: 2 });
    assert.deepEqual(answer, { hash: blake2AsHex(ciphertext, 256), size: 4, stored: 'new' });
    const request = seen.at(-1);
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/v1/blobs');
    assert.deepEqual(request.body, ciphertext);
    assert.equal(request.headers['x-ruralmed-patient'], ferdie.address);
    assert.equal(request.headers['x-ruralmed-category'], 'Encounter');
    assert.equal(request.headers['x-ruralmed-organisation'], '2');
    assert.equal(request.headers['x-ruralmed-content-hash'], blake2AsHex(ciphertext, 256));
    assertSigned(request, ferdie);
    // Self-reported: no organisation header.
    await client.upload(keypairSigner(ferdie), { ciphertext, patient: ferdie.address, category: 'Observation' });
    assert.equal(seen.at(-1)?.headers['x-ruralmed-organisation'], undefined);
  });

  it('SMART Health Links: create with exact record digits, list by a body-less signed GET, revoke', async () => {
    handler = json(201, { id: 'L'.repeat(43), manifestPath: `/shl/${'L'.repeat(43)}` });
    const request = { id: 'L'.repeat(43), patient: ferdie.address, label: 'x "records":[] y', expiresMs: 5, passcode: null, records: [2n ** 60n, 3n], files: ['a..b.c.d'] };
    assert.deepEqual(await client.createHealthLink(keypairSigner(ferdie), request), { id: 'L'.repeat(43), manifestPath: `/shl/${'L'.repeat(43)}` });
    let seenRequest = seen.at(-1);
    assert.ok(seenRequest);
    const sent = new TextDecoder().decode(seenRequest.body);
    assert.ok(sent.endsWith(`"records":[${2n ** 60n},3]}`), sent);
    assert.equal((JSON.parse(sent) as { label: string }).label, 'x "records":[] y');
    assertSigned(seenRequest, ferdie);

    handler = json(200, { links: [{ id: 'L'.repeat(43), label: 'x', createdMs: 1, expiresMs: 2, passcode: true, revoked: false, records: [7], remainingAttempts: 10, uses: [{ recipient: 'Dr Li', atMs: 3 }], useCount: 1 }] });
    const links = await client.listHealthLinks(keypairSigner(ferdie), ferdie.address);
    const [first] = links;
    assert.ok(first);
    assert.deepEqual(first.records, [7n]);
    assert.deepEqual(first.uses, [{ recipient: 'Dr Li', atMs: 3 }]);
    seenRequest = seen.at(-1);
    assert.ok(seenRequest);
    assert.equal(`${seenRequest.method} ${seenRequest.url}`, `GET /v1/shl?patient=${ferdie.address}`);
    assert.equal(seenRequest.body.length, 0);
    assertSigned(seenRequest, ferdie);

    handler = json(200, { revoked: true, already: false });
    assert.deepEqual(await client.revokeHealthLink(keypairSigner(ferdie), 'L'.repeat(43)), { already: false });
    assert.equal(`${seen.at(-1)?.method} ${seen.at(-1)?.url}`, `DELETE /v1/shl/${'L'.repeat(43)}`);
    handler = json(403, { error: 'not_patient_or_guardian', message: 'no' });
    await assert.rejects(client.revokeHealthLink(keypairSigner(ferdie), 'L'.repeat(43)), isVaultError(403, 'not_patient_or_guardian'));
    handler = json(200, { links: 'nope' });
    await assert.rejects(client.listHealthLinks(keypairSigner(ferdie), ferdie.address), isVaultError(200, 'bad_response'));
  });

  it('marks anchored and erases with the record id as exact JSON digits, even past 2^53', async () => {
    handler = json(200, { hash: HASH, record: 1, status: 'anchored', was_pending: true });
    await client.markAnchored(keypairSigner(ferdie), HASH, 1n);
    let request = seen.at(-1);
    assert.ok(request);
    assert.equal(`${request.method} ${request.url}`, `POST /v1/blobs/${HASH}/anchored`);
    assert.equal(new TextDecoder().decode(request.body), '{"record":1}');
    assertSigned(request, ferdie);

    handler = json(200, { hash: HASH, record: '18446744073709551615', deleted: true });
    const signer = extensionSigner(ferdie.address, extensionLike(ferdie));
    assert.deepEqual(await client.erase(signer, HASH, 18_446_744_073_709_551_615n), { deleted: true });
    request = seen.at(-1);
    assert.ok(request);
    assert.equal(`${request.method} ${request.url}`, `DELETE /v1/blobs/${HASH}`);
    assert.equal(new TextDecoder().decode(request.body), '{"record":18446744073709551615}');
    const message = signingMessage('DELETE', request.url, request.body, Number(request.headers['x-ruralmed-timestamp']));
    assert.ok(verifies(u8aWrapBytes(message), String(request.headers['x-ruralmed-signature']), ferdie.address));

    const before = seen.length;
    await assert.rejects(() => client.erase(signer, HASH, 2n ** 64n), isVaultError(0, 'invalid_argument'));
    await assert.rejects(() => client.erase(signer, 'nothex', 1n), isVaultError(0, 'invalid_argument'));
    assert.equal(seen.length, before, 'nothing was sent for bad arguments');
  });

  it('reads the ciphertext as bytes and passes the extrinsic as JSON', async () => {
    const bytes = new Uint8Array([1, 2, 3, 255]);
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    assert.deepEqual(await client.read(keypairSigner(ferdie), HASH, '0x1234'), bytes);
    const request = seen.at(-1);
    assert.ok(request);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(request.body)), { extrinsic: '0x1234' });
  });

  it("turns the vault's refusals into VaultError with its status and code", async () => {
    handler = json(403, { error: 'access_refused', message: 'patientRecords.NoReadAccess' });
    await assert.rejects(() => client.read(keypairSigner(ferdie), HASH, '0x00'), (e: unknown) => {
      isVaultError(403, 'access_refused')(e);
      return e instanceof VaultError && e.message === 'patientRecords.NoReadAccess';
    });
    handler = json(409, { error: 'not_erased', message: 'record 3 is not erased at the finalized block' });
    await assert.rejects(() => client.erase(keypairSigner(ferdie), HASH, 3), isVaultError(409, 'not_erased'));
  });

  it('calls answers that break the API bad_response', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy login</html>');
    await assert.rejects(() => client.read(keypairSigner(ferdie), HASH, '0x00'), isVaultError(200, 'bad_response'));
    handler = (_req, res) => res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway');
    await assert.rejects(() => client.erase(keypairSigner(ferdie), HASH, 1), isVaultError(502, 'bad_response'));
    handler = json(200, { deleted: 'yes' });
    await assert.rejects(() => client.erase(keypairSigner(ferdie), HASH, 1), isVaultError(200, 'bad_response'));
    handler = (_req, res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{"hash":');
    await assert.rejects(() => client.upload(keypairSigner(ferdie), { ciphertext: new Uint8Array(1), patient: ferdie.address, category: 'Encounter' }), isVaultError(201, 'bad_response'));
  });

  it('answers health whether the vault is up or reports itself unavailable', async () => {
    const down = { status: 'unavailable', node: { ready: false, error: 'node_unavailable', message: 'down' }, store: { reachable: true, store: 'local:/x' } };
    handler = json(503, down);
    assert.deepEqual(await client.health(), down);
    assert.equal(seen.at(-1)?.headers['x-ruralmed-signature'], undefined, 'health is unsigned');
    handler = json(404, { error: 'unknown_route', message: 'no such route' });
    await assert.rejects(() => client.health(), isVaultError(404, 'unknown_route'));
  });

  it('times out on a silent server, and on an answer whose body never ends', async () => {
    handler = () => { /* never answers */ };
    const started = Date.now();
    await assert.rejects(() => client.markAnchored(keypairSigner(ferdie), HASH, 1), isVaultError(0, 'timeout'));
    assert.ok(Date.now() - started < 5_000, 'gave up near the timeout');
    handler = (_req, res) => { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.write(new Uint8Array([1])); };
    await assert.rejects(() => client.read(keypairSigner(ferdie), HASH, '0x00'), isVaultError(0, 'timeout'));
    server.closeAllConnections();
  });

  it('reports a vault that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => { resolve(); }));
    const nowhere = new VaultClient(`http://127.0.0.1:${port}`, { timeoutMs: 2_000 });
    await assert.rejects(() => nowhere.health(), isVaultError(0, 'vault_unreachable'));
    await assert.rejects(() => nowhere.erase(keypairSigner(ferdie), HASH, 1), isVaultError(0, 'vault_unreachable'));
  });
});
