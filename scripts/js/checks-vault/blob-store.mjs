// Looks into the records vault's blob store from outside the vault, for the checks and the
// benchmark: whether a blob is kept (a refused upload must leave nothing), whether any named
// object is (the SMART Health Links under `shl/`), and how long a plain read from the store
// takes (no chain, no vault).
//
// A store is named like the vault's own: `local:<dir>` (blobs under `<dir>/blobs/`) or
// `s3:<endpoint>/<bucket>` (path-style; credentials and region from the vault's variables
// RURALMED_VAULT_S3_ACCESS_KEY_ID, RURALMED_VAULT_S3_SECRET_ACCESS_KEY and
// RURALMED_VAULT_S3_REGION, default `garage`). Requests to S3 are signed with AWS Signature
// Version 4 here, so the checks need no AWS SDK.
import { createHash, createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/// The name a blob is kept under, in either store (vault/src/store.rs).
const blobKey = (hash) => `blobs/${hash.replace(/^0x/, '')}`;

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

/// An S3 bucket, path-style, requests signed with SigV4.
class S3Bucket {
  constructor(endpoint, bucket, { accessKeyId, secretAccessKey, region }) {
    this.endpoint = endpoint.replace(/\/$/, '');
    this.bucket = bucket;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.region = region;
  }

  describe() {
    return `s3:${this.endpoint}/${this.bucket} (${this.region})`;
  }

  /// Sends a signed `method` for `key` (no body, no query) and returns the fetch response.
  async request(method, key) {
    const url = new URL(`${this.endpoint}/${this.bucket}/${key}`);
    const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const payloadHash = sha256Hex('');
    const signedHeaders = 'host;x-amz-content-sha256;x-amz-date';
    const canonical = [method, url.pathname, '', `host:${url.host}`, `x-amz-content-sha256:${payloadHash}`,
      `x-amz-date:${amzDate}`, '', signedHeaders, payloadHash].join('\n');
    const scope = `${day}/${this.region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
    let signingKey = hmac(`AWS4${this.secretAccessKey}`, day);
    for (const part of [this.region, 's3', 'aws4_request']) signingKey = hmac(signingKey, part);
    const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
    return fetch(url, {
      method,
      headers: {
        'x-amz-content-sha256': payloadHash,
        'x-amz-date': amzDate,
        authorization: `AWS4-HMAC-SHA256 Credential=${this.accessKeyId}/${scope}, `
          + `SignedHeaders=${signedHeaders}, Signature=${signature}`,
      },
    });
  }

  async exists(hash) {
    return this.hasObject(blobKey(hash));
  }

  /// Whether any object is kept under `key` (a blob's, or a SMART Health Link's under `shl/`).
  async hasObject(key) {
    const res = await this.request('HEAD', key);
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw new Error(`HEAD ${key} in ${this.describe()}: HTTP ${res.status}`);
  }

  /// The bytes kept under `key`, or null if there are none.
  async getObject(key) {
    const res = await this.request('GET', key);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (res.status === 404) return null;
    if (res.status !== 200) throw new Error(`GET ${key} in ${this.describe()}: HTTP ${res.status}`);
    return bytes;
  }

  async get(hash) {
    const res = await this.request('GET', blobKey(hash));
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (res.status !== 200) {
      throw new Error(`GET ${blobKey(hash)} in ${this.describe()}: HTTP ${res.status} `
        + `${new TextDecoder().decode(bytes).slice(0, 300)}`);
    }
    return bytes;
  }
}

/// A local directory, as the vault's `local:<dir>` store.
class LocalDir {
  constructor(dir) {
    this.dir = dir;
  }

  describe() {
    return `local:${this.dir}`;
  }

  async exists(hash) {
    return this.hasObject(blobKey(hash));
  }

  async hasObject(key) {
    return existsSync(join(this.dir, key));
  }

  async getObject(key) {
    const path = join(this.dir, key);
    return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
  }

  async get(hash) {
    return new Uint8Array(readFileSync(join(this.dir, blobKey(hash))));
  }
}

/// The store `spec` names (`local:<dir>` or `s3:<endpoint>/<bucket>`).
export function openBlobStore(spec) {
  if (spec.startsWith('local:') && spec.length > 'local:'.length) return new LocalDir(spec.slice('local:'.length));
  if (spec.startsWith('s3:')) {
    const url = spec.slice('s3:'.length);
    const cut = url.lastIndexOf('/');
    const accessKeyId = process.env.RURALMED_VAULT_S3_ACCESS_KEY_ID;
    const secretAccessKey = process.env.RURALMED_VAULT_S3_SECRET_ACCESS_KEY;
    if (cut <= 'http://'.length || cut === url.length - 1) {
      throw new Error(`blob store ${spec}: expected s3:<endpoint>/<bucket>`);
    }
    if (!accessKeyId || !secretAccessKey) {
      throw new Error(`blob store ${spec}: set RURALMED_VAULT_S3_ACCESS_KEY_ID and RURALMED_VAULT_S3_SECRET_ACCESS_KEY`);
    }
    return new S3Bucket(url.slice(0, cut), url.slice(cut + 1), {
      accessKeyId, secretAccessKey, region: process.env.RURALMED_VAULT_S3_REGION || 'garage',
    });
  }
  throw new Error(`unknown blob store ${JSON.stringify(spec)}: expected local:<dir> or s3:<endpoint>/<bucket>`);
}
