// A digest of a pallet's whole storage at a block: the number of entries and a BLAKE2 hash over
// every key and value under the pallet's prefix. Equal digests mean equal data.
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { u8aConcat, hexToU8a } from '@polkadot/util';

/// The pallets whose storage is medical data.
export const MEDICAL_PALLETS = ['Registry', 'PatientRecords', 'Consent', 'DrugProvenance', 'EmergencySupply'];

const PAGE = 1000;

/// `{ entries, hash, keys }` of `pallet`'s storage at block `at`. `without` lists storage items
/// to leave out, e.g. ':__STORAGE_VERSION__:' (the pallet's storage version, which a migration
/// bumps) or the name of a map a migration rewrites.
export async function palletDigest(api, pallet, at, without = []) {
  const prefix = xxhashAsHex(pallet, 128);
  const skipped = without.map((item) => prefix + xxhashAsHex(item, 128).slice(2));
  let keys = [];
  for (let start = null; ;) {
    const page = await api.rpc.state.getKeysPaged(prefix, PAGE, start ?? prefix, at);
    keys.push(...page.map((k) => k.toHex()));
    if (page.length < PAGE) break;
    start = page[page.length - 1].toHex();
  }
  keys = keys.filter((k) => !skipped.some((s) => k.startsWith(s)));
  keys.sort();
  const parts = [];
  for (let i = 0; i < keys.length; i += PAGE) {
    const chunk = keys.slice(i, i + PAGE);
    const values = await api.rpc.state.queryStorageAt(chunk, at);
    chunk.forEach((k, j) => parts.push(hexToU8a(k),
      values[j].isSome ? values[j].unwrap().toU8a(true) : new Uint8Array()));
  }
  return { entries: keys.length, hash: blake2AsHex(u8aConcat(...parts), 256), keys };
}
