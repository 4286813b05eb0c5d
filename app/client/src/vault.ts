// The records vault over HTTP (vault/README.md): signed requests, upload, anchored, read
// through the reader's own signed log_access, and erase after the record is erased on chain.
//
// Every /v1 request is signed with sr25519 over
//   "ruralmed-vault/v1\n<METHOD>\n<path with query>\n<hex blake2-256 of the body>\n<unix ms>"
// (the body hash in lower-case hex without 0x). A polkadot{.js} extension's signRaw signs
// "<Bytes>" + message + "</Bytes>" instead; the vault accepts either.

import type { KeyringPair } from '@polkadot/keyring/types';
import { hexToU8a, isHex, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';

import type { RecordCategory } from './fhir.js';
import type { HealthLinkView, NewLinkRequest } from './shl.js';

/** Signs vault requests: an sr25519 keypair, or a polkadot{.js} extension's account. */
export interface VaultSigner {
  readonly address: string;
  /** The raw sr25519 signature (64 bytes) of `message`, or of it wrapped in `<Bytes>…</Bytes>`. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** A signer holding the account's keypair (scripts, tests, a clinic's service account). */
export function keypairSigner(pair: KeyringPair): VaultSigner {
  return { address: pair.address, sign: (message) => Promise.resolve(pair.sign(message)) };
}

/** What polkadot{.js} extensions (and wallets following them) sign for `signRaw` of bytes. */
export type SignRaw = (payload: { address: string; data: string; type: 'bytes' }) => Promise<{ signature: string }>;

/**
 * A signer backed by an extension's `signRaw` (`injector.signer.signRaw`). The extension wraps
 * the bytes in `<Bytes>…</Bytes>` before signing; the vault accepts that form. Some wallets
 * return a MultiSignature (a type byte, 0x01 for sr25519, then the 64 bytes); that prefix is
 * dropped, and any other length is refused as `bad_signer`.
 */
export function extensionSigner(address: string, signRaw: SignRaw): VaultSigner {
  return {
    address,
    async sign(message) {
      const { signature } = await signRaw({ address, data: u8aToHex(message), type: 'bytes' });
      if (!isHex(signature)) throw new VaultError(0, 'bad_signer', 'The wallet returned a signature that is not hex.');
      const bytes = hexToU8a(signature);
      if (bytes.length === 64) return bytes;
      if (bytes.length === 65 && bytes[0] === 1) return bytes.slice(1);
      throw new VaultError(0, 'bad_signer', `The wallet returned a ${bytes.length}-byte signature, not an sr25519 one.`);
    },
  };
}

/**
 * A refusal or failure of the vault. `code` is the vault's own error code (`access_refused`,
 * `not_erased`, `unknown_blob`… see vault/src/error.rs), or, with `status` 0, a failure on the
 * client's side: `vault_unreachable` (no connection), `timeout`, `bad_response` (an answer
 * that is not what the API promises), `bad_signer` (the signer failed or returned no sr25519
 * signature), `invalid_argument` (a malformed hash or id given to the client).
 */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    /** The HTTP status, or 0 when the vault gave no usable answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** `GET /health`: whether the vault's node is ready and its store reachable. */
export interface VaultHealth {
  /** `ok`, or `unavailable` (then `node.error` or `store.message` says why). */
  readonly status: string;
  readonly node: {
    readonly ready: boolean;
    readonly peers?: number;
    readonly syncing?: boolean;
    readonly finalized?: number;
    readonly finalized_hash?: string;
    readonly error?: string;
    readonly message?: string;
  };
  readonly store: { readonly reachable: boolean; readonly store: string; readonly message?: string };
}

export interface UploadResult {
  /** blake2-256 of the ciphertext, 0x hex: its name in the vault and the anchor's content hash. */
  readonly hash: string;
  readonly size: number;
  /** `existing` when the vault kept these bytes already (nothing was written). */
  readonly stored: 'new' | 'existing';
}

export interface VaultClientOptions {
  /** The fetch to use (default: the global one). */
  readonly fetch?: typeof fetch;
  /**
   * How long one request may take, in ms. A read waits for the reader's log_access to be
   * finalized (about 20 s on a dev chain, the vault gives up after 60 s), so the default is 120 s.
   */
  readonly timeoutMs?: number;
}

export const VAULT_DOMAIN = 'ruralmed-vault/v1';
export const ACCOUNT_HEADER = 'x-ruralmed-account';
export const TIMESTAMP_HEADER = 'x-ruralmed-timestamp';
export const SIGNATURE_HEADER = 'x-ruralmed-signature';
const DEFAULT_TIMEOUT_MS = 120_000;

/** The bytes a vault request is signed over. */
export function signingMessage(method: string, pathAndQuery: string, body: Uint8Array, timestampMs: number): Uint8Array {
  const bodyHash = u8aToHex(blake2AsU8a(body, 256), -1, false);
  return new TextEncoder().encode(`${VAULT_DOMAIN}\n${method}\n${pathAndQuery}\n${bodyHash}\n${timestampMs}`);
}

/** The three signature headers of a request. */
export async function signedHeaders(signer: VaultSigner, method: string, pathAndQuery: string, body: Uint8Array, timestampMs = Date.now()): Promise<Record<string, string>> {
  let signature: Uint8Array;
  try {
    signature = await signer.sign(signingMessage(method, pathAndQuery, body, timestampMs));
  } catch (cause) {
    if (cause instanceof VaultError) throw cause;
    throw new VaultError(0, 'bad_signer', `The request could not be signed: ${String(cause)}`, { cause });
  }
  if (signature.length !== 64) throw new VaultError(0, 'bad_signer', `The signer returned ${signature.length} bytes, not a 64-byte sr25519 signature.`);
  return {
    [ACCOUNT_HEADER]: signer.address,
    [TIMESTAMP_HEADER]: String(timestampMs),
    [SIGNATURE_HEADER]: u8aToHex(signature),
  };
}

/** A blob hash as the vault names it (0x + 64 lower-case hex digits). */
export function blobHash(hash: string | Uint8Array): string {
  if (typeof hash !== 'string') {
    if (hash.length !== 32) throw new VaultError(0, 'invalid_argument', 'A blob hash is 32 bytes.');
    return u8aToHex(hash);
  }
  const digits = hash.startsWith('0x') ? hash.slice(2) : hash;
  if (!/^[0-9a-fA-F]{64}$/.test(digits)) throw new VaultError(0, 'invalid_argument', `${JSON.stringify(hash)} is not a 32-byte hex hash.`);
  return `0x${digits.toLowerCase()}`;
}

function recordIdText(record: bigint | number): string {
  const id = BigInt(record);
  if (id < 0n || id > 0xffff_ffff_ffff_ffffn) throw new VaultError(0, 'invalid_argument', `${id} is not a record id (u64).`);
  // JSON.stringify cannot write a bigint, and a u64 may not fit a double: write the digits.
  return id.toString();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class VaultClient {
  readonly baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  /** Each answer's deadline: it covers reading the body too. */
  readonly #deadline = new WeakMap<Response, AbortSignal>();

  constructor(baseUrl: string, options: VaultClientOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    // Called unbound, `window.fetch` throws "Illegal invocation" in browsers.
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The vault's health; answers (rather than throws) when the vault reports itself unavailable. */
  async health(): Promise<VaultHealth> {
    const res = await this.#send('GET', '/health', undefined, {});
    const json = await this.#json(res, [200, 503]);
    if (!isObject(json) || typeof json.status !== 'string' || !isObject(json.node) || !isObject(json.store)) {
      throw new VaultError(res.status, 'bad_response', 'The vault answered /health in an unexpected form.');
    }
    return json as unknown as VaultHealth;
  }

  /**
   * Uploads a record's ciphertext for `patient`, as the signer acting for `organisation`
   * (absent: self-reported, the signer being the patient or guardian). The vault asks the chain
   * whether the signer may write this category for the patient; the upload is deleted unless
   * it is anchored within the vault's pending time (24 h by default); sending the same
   * ciphertext again while it is pending starts that time over.
   */
  async upload(signer: VaultSigner, args: { ciphertext: Uint8Array; patient: string; category: RecordCategory; organisation?: number }): Promise<UploadResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/octet-stream',
      'x-ruralmed-patient': args.patient,
      'x-ruralmed-category': args.category,
      'x-ruralmed-content-hash': u8aToHex(blake2AsU8a(args.ciphertext, 256)),
    };
    if (args.organisation !== undefined) headers['x-ruralmed-organisation'] = String(args.organisation);
    const json = await this.#json(await this.#signed(signer, 'POST', '/v1/blobs', args.ciphertext, headers), [201]);
    if (!isObject(json) || typeof json.hash !== 'string' || typeof json.size !== 'number' || (json.stored !== 'new' && json.stored !== 'existing')) {
      throw new VaultError(201, 'bad_response', 'The vault answered the upload in an unexpected form.');
    }
    return { hash: json.hash, size: json.size, stored: json.stored };
  }

  /** Tells the vault that `record` anchors blob `hash` on chain (finalized), so it keeps it for good. */
  async markAnchored(signer: VaultSigner, hash: string, record: bigint | number): Promise<void> {
    const body = new TextEncoder().encode(`{"record":${recordIdText(record)}}`);
    const res = await this.#signed(signer, 'POST', `/v1/blobs/${blobHash(hash)}/anchored`, body, { 'content-type': 'application/json' });
    await this.#json(res, [200]);
  }

  /**
   * Reads blob `hash` with the signer's own signed `patientRecords.logAccess` (0x hex, not
   * sent): the vault submits it and answers with the ciphertext once it is in a finalized
   * block. A refusal by the chain is `access_refused` with the `pallet.Error` as message.
   */
  async read(signer: VaultSigner, hash: string, signedLogAccess: string): Promise<Uint8Array> {
    const body = new TextEncoder().encode(JSON.stringify({ extrinsic: signedLogAccess }));
    const res = await this.#signed(signer, 'POST', `/v1/blobs/${blobHash(hash)}/read`, body, { 'content-type': 'application/json' });
    if (res.status !== 200) await this.#json(res, [200]); // throws the vault's refusal
    if (!(res.headers.get('content-type') ?? '').startsWith('application/octet-stream')) {
      throw new VaultError(res.status, 'bad_response', 'The vault answered a read with something other than the ciphertext.');
    }
    return new Uint8Array(await this.#body(res));
  }

  /**
   * Deletes blob `hash` once `record` (which anchors it) is erased on chain at the finalized
   * block; signed by the record's patient or guardian. `deleted: false` when it was gone
   * already, so retrying is safe.
   */
  async erase(signer: VaultSigner, hash: string, record: bigint | number): Promise<{ deleted: boolean }> {
    const body = new TextEncoder().encode(`{"record":${recordIdText(record)}}`);
    const res = await this.#signed(signer, 'DELETE', `/v1/blobs/${blobHash(hash)}`, body, { 'content-type': 'application/json' });
    const json = await this.#json(res, [200]);
    if (!isObject(json) || typeof json.deleted !== 'boolean') {
      throw new VaultError(200, 'bad_response', 'The vault answered the erase in an unexpected form.');
    }
    return { deleted: json.deleted };
  }

  /**
   * Keeps a new SMART Health Link's sealed files (`sealHealthLink`) on the vault, signed by the
   * patient or guardian; the vault checks on chain that every record is the patient's and not
   * erased. Answers the manifest path (`/shl/{id}`) the link points at.
   */
  async createHealthLink(signer: VaultSigner, request: NewLinkRequest): Promise<{ id: string; manifestPath: string }> {
    // Record ids are u64: written as digits, not through JSON.stringify (no bigint there).
    const { records, ...rest } = request;
    const text = `${JSON.stringify(rest).slice(0, -1)},"records":[${records.map((r) => recordIdText(r)).join(',')}]}`;
    const res = await this.#signed(signer, 'POST', '/v1/shl', new TextEncoder().encode(text), { 'content-type': 'application/json' });
    const json = await this.#json(res, [201]);
    if (!isObject(json) || typeof json.id !== 'string' || typeof json.manifestPath !== 'string') {
      throw new VaultError(201, 'bad_response', 'The vault answered the new link in an unexpected form.');
    }
    return { id: json.id, manifestPath: json.manifestPath };
  }

  /** The patient's links, newest first, with who used each and when (signed by the patient or guardian). */
  async listHealthLinks(signer: VaultSigner, patient: string): Promise<HealthLinkView[]> {
    const path = `/v1/shl?patient=${encodeURIComponent(patient)}`;
    const json = await this.#json(await this.#signed(signer, 'GET', path, new Uint8Array(), {}), [200]);
    if (!isObject(json) || !Array.isArray(json.links)) throw new VaultError(200, 'bad_response', 'The vault answered the link list in an unexpected form.');
    return json.links.map((raw: unknown) => {
      if (!isObject(raw) || typeof raw.id !== 'string' || !Array.isArray(raw.records) || !Array.isArray(raw.uses)) {
        throw new VaultError(200, 'bad_response', 'A link in the list is not in the expected form.');
      }
      return { ...(raw as unknown as HealthLinkView), records: (raw.records as unknown[]).map((r) => BigInt(String(r))) };
    });
  }

  /** Revokes link `id`: the vault deletes its files and refuses it from now on; its use log stays. */
  async revokeHealthLink(signer: VaultSigner, id: string): Promise<{ already: boolean }> {
    const res = await this.#signed(signer, 'DELETE', `/v1/shl/${encodeURIComponent(id)}`, new Uint8Array(), {});
    const json = await this.#json(res, [200]);
    if (!isObject(json) || json.revoked !== true) throw new VaultError(200, 'bad_response', 'The vault answered the revocation in an unexpected form.');
    return { already: json.already === true };
  }

  async #signed(signer: VaultSigner, method: string, path: string, body: Uint8Array, extra: Record<string, string>): Promise<Response> {
    const headers = { ...extra, ...(await signedHeaders(signer, method, path, body)) };
    return this.#send(method, path, body, headers);
  }

  async #send(method: string, path: string, body: Uint8Array | undefined, headers: Record<string, string>): Promise<Response> {
    const signal = AbortSignal.timeout(this.#timeoutMs);
    let res: Response;
    try {
      // A copy typed Uint8Array<ArrayBuffer>, which BodyInit takes (a view of a SharedArrayBuffer it does not).
      // A GET carries no body (fetch refuses one); its signature covers the hash of the empty body.
      res = await this.#fetch(`${this.baseUrl}${path}`, { method, headers, signal, ...(body === undefined || method === 'GET' ? {} : { body: new Uint8Array(body) }) });
    } catch (cause) {
      throw this.#transportError(cause, signal, `${method} ${path}`);
    }
    this.#deadline.set(res, signal);
    return res;
  }

  #transportError(cause: unknown, signal: AbortSignal | undefined, what: string): VaultError {
    if (signal?.aborted === true) return new VaultError(0, 'timeout', `The vault did not answer ${what} within ${this.#timeoutMs} ms.`, { cause });
    return new VaultError(0, 'vault_unreachable', `The vault at ${this.baseUrl} cannot be reached (${what}): ${String(cause)}`, { cause });
  }

  async #body(res: Response): Promise<ArrayBuffer> {
    try {
      return await res.arrayBuffer();
    } catch (cause) {
      throw this.#transportError(cause, this.#deadline.get(res), 'reading the answer');
    }
  }

  /**
   * The answer's JSON if its status is one of `ok`; otherwise the vault's refusal as a
   * VaultError (its code and message), or `bad_response` if the refusal is not the vault's JSON.
   */
  async #json(res: Response, ok: readonly number[]): Promise<unknown> {
    const bytes = await this.#body(res);
    let json: unknown;
    try {
      json = (res.headers.get('content-type') ?? '').includes('application/json') ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
    } catch {
      json = undefined;
    }
    if (ok.includes(res.status) && json !== undefined) return json;
    if (isObject(json) && typeof json.error === 'string' && typeof json.message === 'string') {
      throw new VaultError(res.status, json.error, json.message);
    }
    throw new VaultError(res.status, 'bad_response', `The vault answered HTTP ${res.status} without the JSON the API promises.`);
  }
}
