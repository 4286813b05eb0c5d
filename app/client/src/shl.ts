// SMART Health Links (HL7 SMART Health Links, https://docs.smarthealthit.org/smart-health-links/):
// how a patient shows records to a doctor outside RuralMed, who has no account and no chain.
//
// The patient's device decrypts the records itself, puts their FHIR resources in one Bundle and
// encrypts it as a compact JWE (alg "dir", enc "A256GCM") under a fresh 32-byte key. The vault
// keeps the JWE; the key travels only in the link's fragment (`#shlink:/…`), which browsers do
// not send to servers, so the vault can serve the link but never read it. The viewer POSTs to
// the manifest URL with a recipient name (and the passcode, if the link has one), gets the JWE
// back, and decrypts it with the key.
//
// This module needs no chain and no polkadot.js (only @noble), so a viewer page stays small; it
// is exported on its own as `@ruralmed/client/shl`. Creating, listing and revoking links are
// signed vault requests: `VaultClient.createHealthLink` and friends, and `shareRecordsByLink`.

import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/hashes/utils.js';

import type { FhirResource } from './fhir.js';

// Not fhir.ts's helpers: they load polkadot.js, which a viewer page does not need.
const isFhirResource = (value: unknown): value is FhirResource =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { resourceType?: unknown }).resourceType === 'string';

/** Why a link could not be made, read or opened. Each code is documented where it is thrown. */
export type ShlErrorCode =
  | 'invalid_link' // the text is not a `shlink:/` link (or a viewer URL carrying one)
  | 'invalid_argument' // a label, passcode, expiry or record list outside its limits
  | 'link_expired' // the link's own `exp` is past (checked before asking the server)
  | 'decrypt_failed' // the JWE does not open with the link's key: altered, or another link's
  | 'bad_content' // it opened but is not a FHIR resource
  | 'unreachable' // the manifest URL could not be reached
  | 'bad_response' // the server's answer is not a SHL manifest
  | 'shl_passcode' // wrong or missing passcode; `remainingAttempts` says how many are left
  | 'shl_not_found' // no such link (or the vault forgot it)
  | 'shl_revoked' // the patient revoked it
  | 'shl_expired' // the vault says it expired
  | 'shl_locked' // too many wrong passcodes: the link is disabled for good
  | 'shl_record_erased'; // a record it carries was erased by the patient

export class ShlError extends Error {
  override readonly name = 'ShlError';
  constructor(
    readonly code: ShlErrorCode,
    message: string,
    /** For `shl_passcode`: wrong passcodes the link still accepts before it locks. */
    readonly remainingAttempts?: number,
  ) {
    super(message);
  }
}

/** The JSON a `shlink:/` link carries (SHL §"Construct a SMART Health Link Payload"). */
export interface ShlinkPayload {
  /** The manifest URL (the vault's `/shl/{id}`). */
  readonly url: string;
  /** The 32-byte key, base64url without padding (43 characters). */
  readonly key: string;
  /** Expiry, seconds since 1970 (optional in the spec; RuralMed links always have one). */
  readonly exp?: number;
  /** Flags: `P` a passcode is needed (`L` long-term and `U` direct file are not used here). */
  readonly flag?: string;
  /** Up to 80 characters shown before opening. */
  readonly label?: string;
  readonly v?: number;
}

export const SHL_PREFIX = 'shlink:/';
export const FHIR_CONTENT_TYPE = 'application/fhir+json;fhirVersion=4.0.1';
export const MAX_LABEL = 80;
export const MAX_RECIPIENT = 80;
/** The vault keeps links for at most this long (vault/README.md). */
export const MAX_LINK_LIFETIME_MS = 366 * 24 * 3600 * 1000;

// ---- base64url -------------------------------------------------------------------------------

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    const chars = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((x) => B64URL[x]).join('');
    out += chars.slice(0, bytes.length - i >= 3 ? 4 : bytes.length - i + 1);
  }
  return out;
}

export function base64urlDecode(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new ShlError('invalid_link', 'not base64url text');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    buffer = (buffer << 6) | B64URL.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** Unicode code points, as the vault counts characters (Rust `chars().count()`). */
function charCount(text: string): number {
  return Array.from(text).length;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const fromUtf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

// ---- JWE (RFC 7516 compact, "dir" + "A256GCM") ---------------------------------------------------

/** Encrypts `plaintext` under the 32-byte `key` as a compact JWE with a fresh 96-bit IV. */
export function encryptJwe(key: Uint8Array, plaintext: Uint8Array, contentType = 'application/fhir+json'): string {
  if (key.length !== 32) throw new ShlError('invalid_argument', 'a link key is 32 bytes');
  const header = base64urlEncode(utf8(JSON.stringify({ alg: 'dir', enc: 'A256GCM', cty: contentType })));
  const iv = randomBytes(12);
  // The AAD is the ASCII of the encoded protected header (RFC 7516 §5.1 step 14).
  const sealed = gcm(key, iv, utf8(header)).encrypt(plaintext);
  const ciphertext = sealed.subarray(0, sealed.length - 16);
  const tag = sealed.subarray(sealed.length - 16);
  return [header, '', base64urlEncode(iv), base64urlEncode(ciphertext), base64urlEncode(tag)].join('.');
}

/** Opens a compact JWE made by `encryptJwe` (or any "dir"/"A256GCM" JWE without compression). */
export function decryptJwe(key: Uint8Array, jwe: string): Uint8Array {
  const parts = jwe.split('.');
  if (parts.length !== 5 || parts[1] !== '') throw new ShlError('decrypt_failed', 'not a compact JWE with direct encryption');
  const [header = '', , iv = '', ciphertext = '', tag = ''] = parts;
  let protectedHeader: unknown;
  try {
    protectedHeader = JSON.parse(fromUtf8(base64urlDecode(header)));
  } catch {
    throw new ShlError('decrypt_failed', 'the JWE header is not JSON');
  }
  const h = protectedHeader as Record<string, unknown>;
  if (h.alg !== 'dir' || h.enc !== 'A256GCM') throw new ShlError('decrypt_failed', `unsupported JWE algorithm ${String(h.alg)}/${String(h.enc)}`);
  if (h.zip !== undefined) throw new ShlError('decrypt_failed', 'compressed JWE content is not supported');
  try {
    const sealed = new Uint8Array([...base64urlDecode(ciphertext), ...base64urlDecode(tag)]);
    return gcm(key, base64urlDecode(iv), utf8(header)).decrypt(sealed);
  } catch {
    throw new ShlError('decrypt_failed', 'the shared records do not open with this link: it was altered or belongs to another link');
  }
}

// ---- the link ---------------------------------------------------------------------------------

/** A fresh link id: 32 random bytes, base64url (43 characters), as the vault expects. */
export function newLinkId(): string {
  return base64urlEncode(randomBytes(32));
}

/** `shlink:/…` for `payload`. */
export function encodeShlink(payload: ShlinkPayload): string {
  return SHL_PREFIX + base64urlEncode(utf8(JSON.stringify(payload)));
}

/**
 * The payload of a `shlink:/…` link, or of a viewer URL carrying one after `#`
 * (`https://viewer.example/#shlink:/…`). Throws `invalid_link` for anything else.
 */
export function decodeShlink(text: string): ShlinkPayload {
  const trimmed = text.trim();
  const at = trimmed.indexOf(SHL_PREFIX);
  if (at < 0 || (at > 0 && trimmed[at - 1] !== '#')) throw new ShlError('invalid_link', 'this is not a SMART Health Link');
  let payload: unknown;
  try {
    payload = JSON.parse(fromUtf8(base64urlDecode(trimmed.slice(at + SHL_PREFIX.length))));
  } catch {
    throw new ShlError('invalid_link', 'the link is damaged: its payload is not readable');
  }
  if (typeof payload !== 'object' || payload === null) throw new ShlError('invalid_link', 'the link is damaged: its payload is not an object');
  const p = payload as Record<string, unknown>;
  if (typeof p.url !== 'string' || typeof p.key !== 'string' || p.key.length !== 43) {
    throw new ShlError('invalid_link', 'the link is damaged: it lacks its address or key');
  }
  if (!/^https?:\/\//.test(p.url)) throw new ShlError('invalid_link', 'the link does not point to a web address');
  if (p.exp !== undefined && typeof p.exp !== 'number') throw new ShlError('invalid_link', 'the link is damaged: bad expiry');
  if (p.flag !== undefined && (typeof p.flag !== 'string' || !/^[LPU]*$/.test(p.flag))) throw new ShlError('invalid_link', 'the link is damaged: bad flags');
  if (p.label !== undefined && (typeof p.label !== 'string' || p.label.length > MAX_LABEL)) throw new ShlError('invalid_link', 'the link is damaged: bad label');
  return p as unknown as ShlinkPayload;
}

/** Whether the link says it needs a passcode. */
export const needsPasscode = (payload: ShlinkPayload): boolean => (payload.flag ?? '').includes('P');

/** What the patient's device uploads to the vault for a new link (the vault's `POST /v1/shl`). */
export interface NewLinkRequest {
  readonly id: string;
  readonly patient: string;
  readonly label: string;
  readonly expiresMs: number;
  readonly passcode: string | null;
  readonly records: readonly bigint[];
  readonly files: readonly string[];
}

/** A link the patient made, as the vault lists it (never its key, files or passcode). */
export interface HealthLinkView {
  readonly id: string;
  readonly label: string;
  readonly createdMs: number;
  readonly expiresMs: number;
  readonly passcode: boolean;
  readonly revoked: boolean;
  readonly records: readonly bigint[];
  readonly remainingAttempts: number;
  readonly uses: readonly { readonly recipient: string; readonly atMs: number }[];
  readonly useCount: number;
}

/** A record to share: its id on chain and its decrypted FHIR resource. */
export interface SharedRecord {
  readonly recordId: bigint;
  readonly resource: FhirResource;
}

/**
 * Checks a new link's inputs and seals the records: one FHIR Bundle (type "collection"), each
 * entry's `fullUrl` naming its record (`urn:ruralmed:record:<id>`), encrypted under a fresh key.
 * Throws `invalid_argument` (nothing is sent) for: no records or more than 64, a label over 80
 * characters, an expiry not in the future or more than 366 days ahead, a passcode outside 4–64
 * characters.
 */
export function sealHealthLink(args: {
  readonly patient: string;
  readonly records: readonly SharedRecord[];
  readonly label: string;
  readonly expiresMs: number;
  readonly passcode: string | null;
  readonly nowMs?: number;
}): { request: NewLinkRequest; key: Uint8Array } {
  const now = args.nowMs ?? Date.now();
  if (args.records.length === 0 || args.records.length > 64) throw new ShlError('invalid_argument', 'a link shares 1 to 64 records');
  if (new Set(args.records.map((r) => r.recordId)).size !== args.records.length) throw new ShlError('invalid_argument', 'a record is listed twice');
  if (charCount(args.label) > MAX_LABEL) throw new ShlError('invalid_argument', `a label has at most ${MAX_LABEL} characters`);
  if (!(args.expiresMs > now) || args.expiresMs > now + MAX_LINK_LIFETIME_MS) throw new ShlError('invalid_argument', 'a link expires after now and within 366 days');
  if (args.passcode !== null && (charCount(args.passcode) < 4 || charCount(args.passcode) > 64)) throw new ShlError('invalid_argument', 'a passcode has 4 to 64 characters');
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: new Date(now).toISOString(),
    entry: args.records.map((r) => ({ fullUrl: `urn:ruralmed:record:${r.recordId}`, resource: r.resource })),
  };
  const key = randomBytes(32);
  return {
    key,
    request: {
      id: newLinkId(),
      patient: args.patient,
      label: args.label,
      expiresMs: Math.floor(args.expiresMs),
      passcode: args.passcode,
      records: args.records.map((r) => r.recordId),
      files: [encryptJwe(key, utf8(JSON.stringify(bundle)))],
    },
  };
}

/**
 * The link a viewer opens: `viewerUrl` + `#shlink:/…` (SHL's "viewer prefix"), with the manifest
 * at `manifestUrl` and the key in the fragment.
 */
export function linkFor(args: { viewerUrl: string; manifestUrl: string; key: Uint8Array; expiresMs: number; label: string; passcode: boolean }): string {
  const payload: ShlinkPayload = {
    url: args.manifestUrl,
    key: base64urlEncode(args.key),
    exp: Math.floor(args.expiresMs / 1000),
    ...(args.passcode ? { flag: 'P' } : {}),
    ...(args.label === '' ? {} : { label: args.label }),
    v: 1,
  };
  return `${args.viewerUrl}#${encodeShlink(payload)}`;
}

/** One shared record as the viewer shows it. */
export interface OpenedRecord {
  /** The RuralMed record id, from the entry's `fullUrl`, when it names one. */
  readonly recordId: bigint | null;
  readonly resource: FhirResource;
}

const SHL_ERRORS: readonly ShlErrorCode[] = ['shl_passcode', 'shl_not_found', 'shl_revoked', 'shl_expired', 'shl_locked', 'shl_record_erased'];

/**
 * Opens a link as a viewer: POSTs `{recipient, passcode}` to its manifest URL, decrypts every
 * embedded file with the link's key, and returns the FHIR resources (a Bundle's entries one by
 * one). Each successful call is a use the patient sees. Throws `link_expired` before asking when
 * the link's own expiry is past; the vault's refusals by their code (`shl_passcode` with
 * `remainingAttempts`, `shl_revoked`, …); `decrypt_failed` or `bad_content` when what came back
 * does not open or is not FHIR.
 */
export async function openHealthLink(
  link: string | ShlinkPayload,
  args: { readonly recipient: string; readonly passcode?: string; readonly fetch?: typeof fetch; readonly nowMs?: number },
): Promise<OpenedRecord[]> {
  const payload = typeof link === 'string' ? decodeShlink(link) : link;
  const recipient = args.recipient.trim();
  if (recipient === '' || charCount(recipient) > MAX_RECIPIENT) throw new ShlError('invalid_argument', `say who you are in 1 to ${MAX_RECIPIENT} characters`);
  if (payload.exp !== undefined && payload.exp * 1000 <= (args.nowMs ?? Date.now())) throw new ShlError('link_expired', 'this link has expired');
  const key = base64urlDecode(payload.key);
  if (key.length !== 32) throw new ShlError('invalid_link', 'the link is damaged: its key is not 32 bytes');
  const doFetch = args.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  let res: Response;
  try {
    res = await doFetch(payload.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recipient, ...(args.passcode === undefined ? {} : { passcode: args.passcode }) }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (cause) {
    throw new ShlError('unreachable', `the link's server cannot be reached: ${String(cause)}`);
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ShlError('bad_response', `the link's server answered HTTP ${res.status} without JSON`);
  }
  const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (res.status !== 200) {
    const code = SHL_ERRORS.find((c) => c === body.error);
    const message = typeof body.message === 'string' ? body.message : `HTTP ${res.status}`;
    if (code === undefined) throw new ShlError('bad_response', `the link's server refused: ${message}`);
    throw new ShlError(code, message, typeof body.remainingAttempts === 'number' ? body.remainingAttempts : undefined);
  }
  if (!Array.isArray(body.files)) throw new ShlError('bad_response', 'the answer is not a SMART Health Link manifest');
  const out: OpenedRecord[] = [];
  for (const file of body.files as unknown[]) {
    const f = (typeof file === 'object' && file !== null ? file : {}) as Record<string, unknown>;
    if (typeof f.embedded !== 'string' || typeof f.contentType !== 'string' || !f.contentType.startsWith('application/fhir+json')) {
      throw new ShlError('bad_response', 'a file of the manifest is not embedded FHIR');
    }
    let resource: unknown;
    try {
      resource = JSON.parse(fromUtf8(decryptJwe(key, f.embedded)));
    } catch (error) {
      if (error instanceof ShlError) throw error;
      throw new ShlError('bad_content', 'a shared file is not JSON');
    }
    if (!isFhirResource(resource)) throw new ShlError('bad_content', 'a shared file is not a FHIR resource');
    const entries: unknown = resource.entry;
    if (resource.resourceType === 'Bundle' && Array.isArray(entries)) {
      for (const entry of entries as unknown[]) {
        const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
        if (!isFhirResource(e.resource)) throw new ShlError('bad_content', 'a shared entry is not a FHIR resource');
        const id = typeof e.fullUrl === 'string' ? /^urn:ruralmed:record:(\d+)$/.exec(e.fullUrl)?.[1] : undefined;
        out.push({ recordId: id === undefined ? null : BigInt(id), resource: e.resource });
      }
    } else {
      out.push({ recordId: null, resource });
    }
  }
  return out;
}
