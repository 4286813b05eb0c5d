// Reading chain values that polkadot.js returns as JSON (`Codec.toJSON()`), for the modules that
// read pallet storage and runtime APIs directly (medicines, packs, donations). Internal: not
// exported from the package. A value of the wrong shape is a `ChainError UnexpectedShape`, and a
// storage item, call or runtime API the runtime lacks is `UnsupportedRuntime`.

import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import { hexToString, isHex } from '@polkadot/util';

import { ChainError } from './errors.js';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const shape = (what: string): ChainError => new ChainError(undefined, 'UnexpectedShape', `The chain returned ${what} in an unexpected form.`);

/** Storage item `pallet.item`, or `UnsupportedRuntime`. */
export function query(api: ApiPromise, pallet: string, item: string): (...args: unknown[]) => Promise<Codec> {
  const fn = api.query[pallet]?.[item];
  if (fn === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', `The chain has no ${pallet}.${item} storage.`);
  return fn;
}

/** A storage map's entries as polkadot.js pages them. */
interface PagedEntries {
  entriesPaged(options: { args: unknown[]; pageSize: number; startKey?: string }): Promise<[{ args: { toJSON(): unknown }[]; toHex(): string }, { toJSON(): unknown }][]>;
}

/**
 * Reads every entry of storage map `pallet.item` under the key prefix `prefix`, page by page
 * (`pageSize`), calling `each` with its keys and value as JSON; throws `tooMany()` once more
 * than `max` entries were read: a list the chain keeps no index for, past what a phone reads.
 */
export async function scanEntries(
  api: ApiPromise,
  pallet: string,
  item: string,
  prefix: unknown[],
  limits: { readonly pageSize: number; readonly max: number; readonly tooMany: () => ChainError },
  each: (keys: unknown[], value: unknown) => void,
): Promise<void> {
  const map = query(api, pallet, item) as unknown as PagedEntries;
  let startKey: string | undefined;
  for (let scanned = 0; ;) {
    const page = await map.entriesPaged({ args: prefix, pageSize: limits.pageSize, startKey });
    for (const [key, value] of page) each(key.args.map((a) => a.toJSON()), value.toJSON());
    scanned += page.length;
    if (page.length < limits.pageSize) return;
    if (scanned >= limits.max) throw limits.tooMany();
    startKey = page[page.length - 1]?.[0].toHex();
  }
}

/** Call `pallet.call`, or `UnsupportedRuntime`. */
export function txFn(api: ApiPromise, pallet: string, call: string): (...args: unknown[]) => SubmittableExtrinsic<'promise'> {
  const fn = api.tx[pallet]?.[call];
  if (fn === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', `The chain has no ${pallet}.${call} call.`);
  return fn;
}

/** Runtime API method `api.method` (camelCase, as polkadot.js names them), or `UnsupportedRuntime`. */
export function runtimeCall(api: ApiPromise, apiName: string, method: string): (...args: unknown[]) => Promise<Codec> {
  const fn = (api.call as Record<string, Record<string, ((...args: unknown[]) => Promise<Codec>) | undefined> | undefined>)[apiName]?.[method];
  if (fn === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', `The chain has no ${apiName}.${method} runtime API.`);
  return fn;
}

/** An integer (number, bigint, decimal or hex text), or `UnexpectedShape`. */
export function big(value: unknown, what: string): bigint {
  if (typeof value === 'number' || typeof value === 'bigint') return BigInt(value);
  if (typeof value === 'string' && /^(0x[0-9a-fA-F]+|\d+)$/.test(value)) return BigInt(value);
  throw shape(what);
}

/** An account as polkadot.js gives it in JSON (SS58 text), or `UnexpectedShape`. */
export function account(value: unknown, what: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw shape(what);
}

/** UTF-8 text from its hex bytes (a `BoundedVec<u8>` as JSON), or `UnexpectedShape`. */
export function text(value: unknown, what: string): string {
  if (typeof value === 'string' && isHex(value)) return hexToString(value);
  throw shape(what);
}

/** A polkadot.js enum as JSON: `"Intact"`, or `{ recalled: { … } }` → [`Recalled`, { … }]. */
export function variant(raw: unknown, what: string): [string, unknown] {
  if (typeof raw === 'string') return [raw, null];
  const [entry] = isObject(raw) ? Object.entries(raw) : [];
  if (entry === undefined) throw shape(what);
  return [`${entry[0].charAt(0).toUpperCase()}${entry[0].slice(1)}`, entry[1]];
}
