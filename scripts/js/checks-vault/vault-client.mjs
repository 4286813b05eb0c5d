// A minimal client of the RuralMed records vault: signed requests (sr25519, see vault/src/auth.rs)
// and the calls the end-to-end checks and the benchmark make (upload, anchored, read, erase).
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { blake2AsHex, blake2AsU8a } from '@polkadot/util-crypto';
import { stringToU8a, u8aToHex } from '@polkadot/util';

/// The headers that sign `method path` with `body` (a Uint8Array) for keyring pair `pair`.
export function signedHeaders(pair, method, path, body, timestamp = Date.now()) {
  const bodyHash = u8aToHex(blake2AsU8a(body, 256), -1, false);
  const message = `ruralmed-vault/v1\n${method}\n${path}\n${bodyHash}\n${timestamp}`;
  return {
    'x-ruralmed-account': pair.address,
    'x-ruralmed-timestamp': String(timestamp),
    'x-ruralmed-signature': u8aToHex(pair.sign(stringToU8a(message))),
  };
}

/// The answer of a vault request: status, headers, raw bytes, and the JSON if it is JSON.
async function answer(res) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  let json;
  if ((res.headers.get('content-type') ?? '').includes('application/json')) {
    json = JSON.parse(new TextDecoder().decode(bytes));
  }
  return { status: res.status, headers: res.headers, bytes, json };
}

export class Vault {
  constructor(url) {
    this.url = url.replace(/\/$/, '');
  }

  /// Sends `method path` with `body`; `headers` are sent as given (signed or not).
  async raw(method, path, body, headers = {}) {
    const res = await fetch(`${this.url}${path}`, { method, body: body ?? undefined, headers });
    return answer(res);
  }

  /// Sends `method path` with `body`, signed by `pair`; `extra` headers are added unsigned.
  signed(pair, method, path, body, extra = {}, timestamp = Date.now()) {
    const bytes = body ?? new Uint8Array();
    return this.raw(method, path, bytes, { ...signedHeaders(pair, method, path, bytes, timestamp), ...extra });
  }

  health() {
    return this.raw('GET', '/health');
  }

  /// Uploads `ciphertext` for `patient` (address), as `pair` acting for `org` (null: self-report).
  upload(pair, ciphertext, { patient, org = null, category = 'Encounter', contentHash, timestamp } = {}) {
    const extra = { 'x-ruralmed-patient': patient, 'x-ruralmed-category': category,
      'content-type': 'application/octet-stream' };
    if (org !== null) extra['x-ruralmed-organisation'] = String(org);
    if (contentHash !== undefined) extra['x-ruralmed-content-hash'] = contentHash;
    return this.signed(pair, 'POST', '/v1/blobs', ciphertext, extra, timestamp);
  }

  anchored(pair, hash, record) {
    const body = stringToU8a(JSON.stringify({ record }));
    return this.signed(pair, 'POST', `/v1/blobs/${hash}/anchored`, body, { 'content-type': 'application/json' });
  }

  /// Deletes blob `hash` through `record`, erased on chain (the patient or guardian signs).
  erase(pair, hash, record) {
    const body = stringToU8a(JSON.stringify({ record }));
    return this.signed(pair, 'DELETE', `/v1/blobs/${hash}`, body, { 'content-type': 'application/json' });
  }

  /// Reads blob `hash` with `extrinsicHex`, the reader's signed log_access.
  read(pair, hash, extrinsicHex) {
    const body = stringToU8a(JSON.stringify({ extrinsic: extrinsicHex }));
    return this.signed(pair, 'POST', `/v1/blobs/${hash}/read`, body, { 'content-type': 'application/json' });
  }
}

/// `reader`'s signed `patientRecords.logAccess(record, purpose)`, as hex (not submitted).
export async function signedLogAccess(api, reader, record, purpose = 'Treatment', nonce = -1) {
  const tx = api.tx.patientRecords.logAccess(record, purpose);
  await tx.signAsync(reader, { nonce });
  return tx.toHex();
}

/// The arguments of `patientRecords.anchorRecord`, by name from the metadata, so the check
/// follows the call as the runtime defines it (a locator, or the vault's organisation).
export function anchorArgs(api, { patient, org, category, contentHash, size, vaultOrg, locator }) {
  const byName = {
    patient, org, category, contentHash, sizeBytes: size, amends: null, vault: vaultOrg, locator,
  };
  return api.tx.patientRecords.anchorRecord.meta.args.map(({ name }) => {
    // polkadot.js names arguments in camelCase.
    const key = name.toString().replace(/_([a-z])/g, (_, c) => c.toUpperCase());
    if (!(key in byName)) throw new Error(`anchorRecord has an argument the checks do not know: ${key}`);
    return byName[key];
  });
}

export const contentHash = (bytes) => blake2AsHex(bytes, 256);

/// `n` random bytes (any size: WebCrypto, behind randomAsU8a, stops at 64 KiB).
export const randomBytes = (n) => new Uint8Array(nodeRandomBytes(n));
