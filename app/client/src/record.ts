// One FHIR resource in, one anchored-ready envelope out, and back: the glue between fhir.ts and
// envelope.ts that an app calls before uploading and after downloading.

import { contentHash, generateDataKey, openEnvelope, sealEnvelope, type SealOptions } from './envelope.js';
import { decodeResource, encodeResource, type FhirResource, type RecordCategory } from './fhir.js';

export interface SealedRecord {
  /** The fresh data key: wrap it for each reader, then forget it. */
  readonly dataKey: Uint8Array;
  /** Upload these bytes to the vault; the vault's locator goes into the anchor. */
  readonly ciphertext: Uint8Array;
  /** blake2-256 of `ciphertext`, for `anchor_record`. */
  readonly contentHash: Uint8Array;
  /** `ciphertext.length`, for `anchor_record`'s `size_bytes`. */
  readonly sizeBytes: number;
  readonly category: RecordCategory;
}

/** Validates a resource against its category and encrypts it under a fresh data key. */
export function sealRecord(resource: unknown, category: RecordCategory, options: Omit<SealOptions, 'category'> = {}): SealedRecord {
  const dataKey = generateDataKey();
  const ciphertext = sealEnvelope(encodeResource(resource, category), dataKey, { ...options, category });
  return { dataKey, ciphertext, contentHash: contentHash(ciphertext), sizeBytes: ciphertext.length, category };
}

/**
 * Checks a downloaded ciphertext against its anchor (hash, category), decrypts it and parses
 * the resource.
 */
export function openRecord(
  ciphertext: Uint8Array,
  dataKey: Uint8Array,
  anchor: { readonly contentHash: Uint8Array; readonly category: RecordCategory },
): FhirResource {
  const { plaintext } = openEnvelope(ciphertext, dataKey, { expectedHash: anchor.contentHash, expectedCategory: anchor.category });
  return decodeResource(plaintext, anchor.category);
}
