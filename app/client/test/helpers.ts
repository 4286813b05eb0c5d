// Shared by the tests: the committed vectors, and an assertion on EnvelopeError kinds.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { ChainError, EnvelopeError, type EnvelopeErrorKind } from '../src/errors.js';

// dist/test/helpers.js → package root.
const root = new URL('../../', import.meta.url);

export interface Vectors {
  envelopes: { name: string; category: 'Encounter'; chunkSize: number; dataKey: string; noncePrefix: string; plaintext: string; plaintextUtf8: string; chunks: number; header: string; ciphertext: string; contentHash: string }[];
  keys: { name: string; suri: string; account: string; accountId: string; sr25519SecretKey: string; versions: { version: number; x25519SecretKey: string; x25519PublicKey: string }[] }[];
  shares: { name: string; recordId: string; reader: string; readerAccountId: string; readerKeyVersion: number; readerPublicKey: string; dataKey: string; ephemeralIkm: string; info: string; aad: string; share: string; length: number }[];
  negative: {
    envelopes: { name: string; from: string; expectedError: EnvelopeErrorKind; ciphertext: string }[];
    hashMismatch: { from: string; ciphertext: string; anchoredHash: string; expectedError: EnvelopeErrorKind };
    shares: { name: string; share: string; recordId: string; reader: string; openWith: string; expectedError: EnvelopeErrorKind }[];
  };
}

export const vectors = JSON.parse(readFileSync(fileURLToPath(new URL('test-vectors/envelope-v1.json', root)), 'utf8')) as Vectors;

export function envelopeVector(name: string): Vectors['envelopes'][number] {
  const v = vectors.envelopes.find((e) => e.name === name);
  assert.ok(v, `vector ${name}`);
  return v;
}

/** Every kind some test has seen thrown, so one test can check none is left untested. */
export const seenKinds = new Set<EnvelopeErrorKind>();

function check(kind: EnvelopeErrorKind): (e: unknown) => true {
  return (e: unknown) => {
    assert.ok(e instanceof EnvelopeError, `expected EnvelopeError(${kind}), got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    seenKinds.add(kind);
    return true;
  };
}

export function throwsKind(fn: () => unknown, kind: EnvelopeErrorKind): void {
  assert.throws(fn, check(kind));
}

export async function rejectsKind(fn: () => Promise<unknown>, kind: EnvelopeErrorKind): Promise<void> {
  await assert.rejects(fn, check(kind));
}

export async function collect(gen: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of gen) parts.push(p);
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

/** `action` is refused with the `ChainError` `code`, and `unchanged` reads the same before and after. */
export async function refused(code: string, action: () => Promise<unknown>, unchanged: () => Promise<unknown>): Promise<void> {
  const json = (v: unknown): string => JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  const before = json(await unchanged());
  await assert.rejects(action, (e: unknown) => {
    assert.ok(e instanceof ChainError, `expected ChainError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return true;
  });
  assert.equal(json(await unchanged()), before, `${code} changed nothing`);
}
