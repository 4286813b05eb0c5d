// The dispensing book: what this account handed over, to whom, kept on this device only. The
// chain records a dispensation with a salted commitment, never the patient; when a lot is
// recalled, the pharmacy or clinic finds in its own book whom to call (the Stock screen).
//
// Each entry names a patient, so the book is encrypted at rest: AES-256-GCM under a key derived
// (HKDF-SHA-256) from the account's first encryption secret, with the account as associated
// data. Only the same account, signed in on this device, reads it. An entry is matched to a
// dispensation on chain only when its commitment opens with the salt it keeps.
import { hexToU8a, stringToU8a, u8aToHex } from '@polkadot/util';
import { dispensationCommitment } from '@ruralmed/client';

import type { Session } from './accounts';

export interface BookEntry {
  readonly dispensation: string;
  readonly lot: string;
  readonly org: number;
  readonly patient: string;
  /** The prescription record the commitment names. */
  readonly prescription: string;
  /** The MedicationDispense record; empty if it could not be written after the handover. */
  readonly record: string;
  /** Hex of the 32-byte salt. */
  readonly salt: string;
  /** When it was handed over (ms since 1970, this device's clock). */
  readonly at: number;
}

/** A copy WebCrypto accepts (its own ArrayBuffer). */
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => Uint8Array.from(bytes);

const STORAGE_PREFIX = 'ruralmed.dispensing-book.';
/** Most entries kept: the oldest go first (a village clinic hands over a few a day). */
export const MAX_BOOK_ENTRIES = 5000;

async function bookKey(session: Session): Promise<CryptoKey> {
  const secret = session.encryption.keyAt(0).secretKey;
  const base = await crypto.subtle.importKey('raw', own(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: own(stringToU8a('ruralmed/dispensing-book')), info: own(stringToU8a(session.address)) },
    base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'],
  );
}

/** The entries of the signed-in account's book; empty if it has none or it cannot be read. */
export async function readBook(session: Session): Promise<BookEntry[]> {
  const stored = localStorage.getItem(STORAGE_PREFIX + session.address);
  if (stored === null) return [];
  try {
    const { iv, data } = JSON.parse(stored) as { iv: string; data: string };
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: own(hexToU8a(iv)), additionalData: own(stringToU8a(session.address)) }, await bookKey(session), own(hexToU8a(data)));
    const entries = JSON.parse(new TextDecoder().decode(plain)) as unknown;
    return Array.isArray(entries) ? (entries as BookEntry[]) : [];
  } catch {
    // Written by another account's key or damaged: unreadable, so nothing to match.
    return [];
  }
}

/** Adds an entry to the signed-in account's book. */
export async function addToBook(session: Session, entry: BookEntry): Promise<void> {
  const entries = [...(await readBook(session)), entry].slice(-MAX_BOOK_ENTRIES);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: own(stringToU8a(session.address)) }, await bookKey(session),
    new TextEncoder().encode(JSON.stringify(entries)));
  localStorage.setItem(STORAGE_PREFIX + session.address, JSON.stringify({ iv: u8aToHex(iv), data: u8aToHex(new Uint8Array(data)) }));
}

/**
 * The book's entry for dispensation `id` whose commitment on chain opens with the entry's
 * patient, prescription and salt; null if the book has none (another device, another account).
 */
export function entryFor(book: readonly BookEntry[], id: bigint, commitment: Uint8Array | null): BookEntry | null {
  if (commitment === null) return null;
  const entry = book.find((e) => e.dispensation === id.toString());
  if (entry === undefined) return null;
  const opened = dispensationCommitment(entry.patient, BigInt(entry.prescription), hexToU8a(entry.salt));
  return u8aToHex(opened) === u8aToHex(commitment) ? entry : null;
}
