// The record envelope, version 1 (docs/encryption.md §3): an 18-byte header, then the payload
// in fixed-size chunks, each sealed with ChaCha20-Poly1305 under the record's data key.
//
// Each chunk's nonce is prefix ‖ counter ‖ last-flag (the STREAM construction of age and
// Tink), and the whole header is every chunk's associated data. So a reader detects a changed
// header, reordered or removed chunks (counter), and a ciphertext cut short at a chunk boundary
// (no chunk carries the last flag), without any length field that could lie.

import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { blake2b } from '@noble/hashes/blake2.js';

import { ascii, concatBytes, equalBytes, randomBytes, readU32be, u32be } from './bytes.js';
import { EnvelopeError } from './errors.js';
import { categoryFromIndex, categoryIndex, type RecordCategory } from './fhir.js';

/** "RMEV": RuralMed EnVelope. */
export const MAGIC = ascii('RMEV');
export const ENVELOPE_VERSION = 1;
/** Content type 1: one FHIR R4 resource, JSON, UTF-8 (`application/fhir+json; fhirVersion=4.0`). */
export const CONTENT_TYPE_FHIR_R4_JSON = 1;
export const HEADER_LENGTH = 18;
export const NONCE_PREFIX_LENGTH = 7;
export const DATA_KEY_LENGTH = 32;
export const TAG_LENGTH = 16;
/** 64 KiB: large enough that the 16-byte tags cost 0.02 %, small enough to stream on a phone. */
export const DEFAULT_CHUNK_SIZE = 65_536;
export const MIN_CHUNK_SIZE = 16;
export const MAX_CHUNK_SIZE = 1 << 24;
const MAX_CHUNKS = 0x1_0000_0000; // the counter is a u32

export interface EnvelopeHeader {
  readonly version: number;
  readonly contentType: number;
  readonly category: RecordCategory;
  /** Plaintext bytes per chunk; every chunk but the last holds exactly this many. */
  readonly chunkSize: number;
  readonly noncePrefix: Uint8Array;
}

export interface SealOptions {
  readonly category: RecordCategory;
  readonly chunkSize?: number;
  /** Only for test vectors: the nonce prefix is random otherwise. */
  readonly noncePrefix?: Uint8Array;
}

/** A fresh random 256-bit data key. Never reuse one across records. */
export function generateDataKey(): Uint8Array {
  return randomBytes(DATA_KEY_LENGTH);
}

/** blake2-256 of the whole ciphertext (header and chunks): what `anchor_record` anchors. */
export function contentHash(ciphertext: Uint8Array): Uint8Array {
  return blake2b(ciphertext, { dkLen: 32 });
}

/** The same hash, fed piece by piece while streaming. */
export function contentHasher(): { update(piece: Uint8Array): void; digest(): Uint8Array } {
  const h = blake2b.create({ dkLen: 32 });
  return { update: (piece) => h.update(piece), digest: () => h.digest() };
}

export function encodeHeader(header: Omit<EnvelopeHeader, 'version' | 'contentType'>): Uint8Array {
  checkChunkSize(header.chunkSize, 'InvalidKey');
  if (header.noncePrefix.length !== NONCE_PREFIX_LENGTH) {
    throw new EnvelopeError('InvalidKey', `the nonce prefix must be ${NONCE_PREFIX_LENGTH} bytes`);
  }
  return concatBytes(
    MAGIC,
    Uint8Array.of(ENVELOPE_VERSION, CONTENT_TYPE_FHIR_R4_JSON, categoryIndex(header.category)),
    u32be(header.chunkSize),
    header.noncePrefix,
  );
}

export function parseHeader(bytes: Uint8Array): EnvelopeHeader {
  if (bytes.length < HEADER_LENGTH) throw new EnvelopeError('BadHeader', 'the envelope is shorter than its header');
  if (!equalBytes(bytes.subarray(0, 4), MAGIC)) throw new EnvelopeError('BadHeader', 'not a RuralMed envelope (magic)');
  const version = bytes[4] ?? 0;
  const contentType = bytes[5] ?? 0;
  if (version !== ENVELOPE_VERSION) throw new EnvelopeError('UnsupportedVersion', `envelope version ${version} is not supported`);
  if (contentType !== CONTENT_TYPE_FHIR_R4_JSON) {
    throw new EnvelopeError('UnsupportedVersion', `content type ${contentType} is not supported`);
  }
  const category = categoryFromIndex(bytes[6] ?? 0xff);
  if (category === undefined) throw new EnvelopeError('BadHeader', `unknown record category ${bytes[6]}`);
  const chunkSize = readU32be(bytes, 7);
  checkChunkSize(chunkSize, 'BadHeader');
  return { version, contentType, category, chunkSize, noncePrefix: bytes.slice(11, HEADER_LENGTH) };
}

function checkChunkSize(size: number, kind: 'BadHeader' | 'InvalidKey'): void {
  if (!Number.isInteger(size) || size < MIN_CHUNK_SIZE || size > MAX_CHUNK_SIZE) {
    throw new EnvelopeError(kind, `chunk size ${size} is outside ${MIN_CHUNK_SIZE}..${MAX_CHUNK_SIZE}`);
  }
}

function checkDataKey(dataKey: Uint8Array): void {
  if (dataKey.length !== DATA_KEY_LENGTH) throw new EnvelopeError('InvalidKey', 'a data key is 32 bytes');
}

/** prefix (7) ‖ u32 BE counter ‖ 0x01 on the last chunk, 0x00 otherwise: 12 bytes. */
function chunkNonce(prefix: Uint8Array, counter: number, last: boolean): Uint8Array {
  return concatBytes(prefix, u32be(counter), Uint8Array.of(last ? 1 : 0));
}

/** Seals one chunk after another; the streaming building block. */
export class ChunkSealer {
  readonly header: Uint8Array;
  readonly chunkSize: number;
  readonly #key: Uint8Array;
  readonly #prefix: Uint8Array;
  #counter = 0;
  #finished = false;

  constructor(dataKey: Uint8Array, options: SealOptions) {
    checkDataKey(dataKey);
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    this.#prefix = options.noncePrefix ?? randomBytes(NONCE_PREFIX_LENGTH);
    this.header = encodeHeader({ category: options.category, chunkSize: this.chunkSize, noncePrefix: this.#prefix });
    this.#key = dataKey.slice();
  }

  /**
   * Seals the next chunk: exactly `chunkSize` bytes unless `last`; the last chunk holds 1 to
   * `chunkSize` bytes, or 0 only when the whole payload is empty (one ciphertext per payload).
   */
  seal(chunk: Uint8Array, last: boolean): Uint8Array {
    if (this.#finished) throw new EnvelopeError('Malformed', 'the last chunk was sealed already');
    const ok = last ? chunk.length <= this.chunkSize && (chunk.length > 0 || this.#counter === 0) : chunk.length === this.chunkSize;
    if (!ok) throw new EnvelopeError('Malformed', `chunk ${this.#counter} has ${chunk.length} bytes`);
    if (this.#counter >= MAX_CHUNKS) throw new EnvelopeError('Malformed', 'too many chunks');
    const sealed = chacha20poly1305(this.#key, chunkNonce(this.#prefix, this.#counter, last), this.header).encrypt(chunk);
    this.#counter++;
    this.#finished = last;
    return sealed;
  }
}

/** Opens one sealed chunk after another, telling tampering from truncation. */
export class ChunkOpener {
  readonly header: EnvelopeHeader;
  readonly headerBytes: Uint8Array;
  /** Sealed bytes per full chunk: chunkSize + 16. */
  readonly segmentSize: number;
  readonly #key: Uint8Array;
  #counter = 0;
  #finished = false;

  constructor(dataKey: Uint8Array, headerBytes: Uint8Array) {
    checkDataKey(dataKey);
    this.header = parseHeader(headerBytes);
    this.headerBytes = headerBytes.slice(0, HEADER_LENGTH);
    this.segmentSize = this.header.chunkSize + TAG_LENGTH;
    this.#key = dataKey.slice();
  }

  get finished(): boolean {
    return this.#finished;
  }

  #try(segment: Uint8Array, last: boolean): Uint8Array | undefined {
    try {
      return chacha20poly1305(this.#key, chunkNonce(this.header.noncePrefix, this.#counter, last), this.headerBytes).decrypt(segment);
    } catch {
      return undefined;
    }
  }

  /** A full segment that more bytes follow: it must not be the last chunk. */
  openMiddle(segment: Uint8Array): Uint8Array {
    if (this.#finished) throw new EnvelopeError('TrailingData', 'bytes follow the last chunk');
    if (segment.length !== this.segmentSize) throw new EnvelopeError('Malformed', 'a middle chunk must be full');
    if (this.#counter >= MAX_CHUNKS) throw new EnvelopeError('Malformed', 'too many chunks');
    const plain = this.#try(segment, false);
    if (plain === undefined) {
      // It authenticates as the last chunk: someone appended bytes after the end.
      if (this.#try(segment, true) !== undefined) throw new EnvelopeError('TrailingData', 'bytes follow the last chunk');
      throw new EnvelopeError('ChunkAuthFailed', `chunk ${this.#counter} failed authentication`);
    }
    this.#counter++;
    return plain;
  }

  /** The segment the ciphertext ends with: it must be the last chunk. */
  openFinal(segment: Uint8Array): Uint8Array {
    if (this.#finished) throw new EnvelopeError('TrailingData', 'bytes follow the last chunk');
    if (segment.length < TAG_LENGTH) throw new EnvelopeError('Truncated', 'the ciphertext ends inside a chunk');
    if (segment.length > this.segmentSize) throw new EnvelopeError('Malformed', 'the last chunk is too long');
    const plain = this.#try(segment, true);
    if (plain === undefined) {
      // It authenticates as a middle chunk: the chunks after it were cut off.
      if (this.#try(segment, false) !== undefined) throw new EnvelopeError('Truncated', 'the ciphertext ends before its last chunk');
      throw new EnvelopeError('ChunkAuthFailed', `chunk ${this.#counter} failed authentication`);
    }
    if (plain.length === 0 && this.#counter > 0) throw new EnvelopeError('Malformed', 'an empty last chunk may only end an empty payload');
    this.#counter++;
    this.#finished = true;
    return plain;
  }
}

export interface OpenOptions {
  /** The category anchored on chain: the header must name it. */
  readonly expectedCategory?: RecordCategory;
  /** The content hash anchored on chain: the ciphertext must hash to it. */
  readonly expectedHash?: Uint8Array;
}

/** Encrypts a whole payload at once. */
export function sealEnvelope(plaintext: Uint8Array, dataKey: Uint8Array, options: SealOptions): Uint8Array {
  const sealer = new ChunkSealer(dataKey, options);
  const parts = [sealer.header];
  const size = sealer.chunkSize;
  let offset = 0;
  // Full chunks while strictly more than a chunk remains, so a payload of exactly k chunks ends
  // with a full last chunk rather than an empty one.
  while (plaintext.length - offset > size) {
    parts.push(sealer.seal(plaintext.subarray(offset, offset + size), false));
    offset += size;
  }
  parts.push(sealer.seal(plaintext.subarray(offset), true));
  return concatBytes(...parts);
}

function checkExpectations(header: EnvelopeHeader, options: OpenOptions): void {
  if (options.expectedCategory !== undefined && header.category !== options.expectedCategory) {
    throw new EnvelopeError('CategoryMismatch', `the envelope holds a ${header.category}, the anchor says ${options.expectedCategory}`);
  }
}

/** Decrypts a whole ciphertext at once; nothing is returned unless every chunk authenticates. */
export function openEnvelope(ciphertext: Uint8Array, dataKey: Uint8Array, options: OpenOptions = {}): { header: EnvelopeHeader; plaintext: Uint8Array } {
  if (options.expectedHash !== undefined && !equalBytes(contentHash(ciphertext), options.expectedHash)) {
    throw new EnvelopeError('HashMismatch', 'the ciphertext does not hash to the anchored content hash');
  }
  const opener = new ChunkOpener(dataKey, ciphertext);
  checkExpectations(opener.header, options);
  const body = ciphertext.subarray(HEADER_LENGTH);
  const seg = opener.segmentSize;
  const parts: Uint8Array[] = [];
  let offset = 0;
  while (body.length - offset > seg) {
    parts.push(opener.openMiddle(body.subarray(offset, offset + seg)));
    offset += seg;
  }
  parts.push(opener.openFinal(body.subarray(offset)));
  return { header: opener.header, plaintext: concatBytes(...parts) };
}

type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Collects bytes and hands them out in slices of a fixed size. */
class Buffered {
  #parts: Uint8Array[] = [];
  length = 0;
  push(bytes: Uint8Array): void {
    if (bytes.length > 0) {
      this.#parts.push(bytes);
      this.length += bytes.length;
    }
  }
  take(n: number): Uint8Array {
    const all = concatBytes(...this.#parts);
    this.#parts = n < all.length ? [all.subarray(n)] : [];
    this.length = all.length - Math.min(n, all.length);
    return all.subarray(0, n);
  }
}

/**
 * Encrypts a stream of payload pieces of any sizes: yields the header, then each sealed chunk.
 * One chunk is held back until the next bytes (or the end) show whether it is the last.
 */
export async function* sealStream(source: ByteSource, dataKey: Uint8Array, options: SealOptions): AsyncGenerator<Uint8Array> {
  const sealer = new ChunkSealer(dataKey, options);
  yield sealer.header;
  const pending = new Buffered();
  for await (const piece of source) {
    pending.push(piece);
    while (pending.length > sealer.chunkSize) yield sealer.seal(pending.take(sealer.chunkSize), false);
  }
  yield sealer.seal(pending.take(pending.length), true);
}

/**
 * Decrypts a stream of ciphertext pieces: yields each chunk's plaintext once it authenticates.
 * The output is only complete and untruncated if the generator returns without throwing;
 * callers must discard what they received when it throws (`Truncated`, `ChunkAuthFailed`,
 * `HashMismatch`…).
 */
export async function* openStream(source: ByteSource, dataKey: Uint8Array, options: OpenOptions = {}): AsyncGenerator<Uint8Array> {
  const hasher = contentHasher();
  const pending = new Buffered();
  let opener: ChunkOpener | undefined;
  for await (const piece of source) {
    hasher.update(piece);
    pending.push(piece);
    if (opener === undefined) {
      if (pending.length < HEADER_LENGTH) continue;
      opener = new ChunkOpener(dataKey, pending.take(HEADER_LENGTH));
      checkExpectations(opener.header, options);
    }
    while (pending.length > opener.segmentSize) yield opener.openMiddle(pending.take(opener.segmentSize));
  }
  if (opener === undefined) throw new EnvelopeError('BadHeader', 'the envelope is shorter than its header');
  const last = opener.openFinal(pending.take(pending.length));
  if (options.expectedHash !== undefined && !equalBytes(hasher.digest(), options.expectedHash)) {
    throw new EnvelopeError('HashMismatch', 'the ciphertext does not hash to the anchored content hash');
  }
  yield last;
}
