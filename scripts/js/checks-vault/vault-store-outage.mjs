// The records vault while part of its store is down (run by scripts/vault-s3-checks.sh, which
// stops one node of a three-node Garage cluster between the two steps).
//
// usage: node vault-store-outage.mjs WS_URL VAULT_URL BLOB_STORE prepare|verify STATE_DIR
//
// prepare: Eve uploads ciphertexts of her own readings (self-reported Observations) of 1 KB,
//   100 KB and 3 MB (two full 1 MiB Garage blocks and a partial one) and anchors them in one
//   finalized batch; the records and the bytes go to STATE_DIR.
// verify: Eve reads each back byte for byte through her own signed log_access; then she uploads
//   a new 2 MB ciphertext, it is in the store, she anchors it and reads it back.
// Self-reported records need no grant, so this does not depend on what checks ran before.
// The vault must accept bodies of 3 MB (--max-body-bytes).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { u8aEq } from '@polkadot/util';
import { assert, connect, sendAndFinalize } from '../lib.mjs';
import { openBlobStore } from './blob-store.mjs';
import { Vault, contentHash, randomBytes, signedLogAccess } from './vault-client.mjs';

const [wsUrl, vaultUrl, storeArg, mode, stateDir] = process.argv.slice(2);
if (!stateDir || !['prepare', 'verify'].includes(mode)) {
  console.error('usage: node vault-store-outage.mjs WS_URL VAULT_URL BLOB_STORE prepare|verify STATE_DIR');
  process.exit(2);
}
const vault = new Vault(vaultUrl);
const store = openBlobStore(storeArg);
const COUNTY_HOSPITAL = 0; // runs the vault
const stateFile = join(stateDir, 'records.json');

const { api, keyring } = await connect(wsUrl);
const eve = keyring.addFromUri('//Eve');
let passed = 0;
const ok = (what) => {
  passed += 1;
  console.log(`  ok ${what}`);
};

/// `patientRecords.anchorSelfReportedRecord` of `bytes` by Eve, its arguments by name from the
/// metadata (as anchorArgs in vault-client.mjs does for anchorRecord).
function anchorOwnReading(bytes) {
  const call = api.tx.patientRecords.anchorSelfReportedRecord;
  const byName = {
    patient: eve.address, category: 'Observation', contentHash: contentHash(bytes), vault: COUNTY_HOSPITAL,
    sizeBytes: bytes.length, amends: null,
  };
  return call(...call.meta.args.map(({ name }) => {
    const key = name.toString().replace(/_([a-z])/g, (_, c) => c.toUpperCase());
    if (!(key in byName)) throw new Error(`anchorSelfReportedRecord has an argument this check does not know: ${key}`);
    return byName[key];
  }));
}

/// Uploads each ciphertext as Eve's own reading, anchors them all in one finalized batch, marks
/// them anchored, and returns their record ids.
async function uploadAndAnchor(ciphertexts) {
  for (const bytes of ciphertexts) {
    const up = await vault.upload(eve, bytes, { patient: eve.address, category: 'Observation' });
    assert(up.status === 201 && up.json.stored === 'new', `upload of ${bytes.length} bytes: ${up.status} ${JSON.stringify(up.json)}`);
    assert(await store.exists(up.json.hash), `${up.json.hash} is not in ${store.describe()}`);
    ok(`Eve uploads ${bytes.length} bytes; the blob is in ${store.describe()}`);
  }
  const { events } = await sendAndFinalize(api, api.tx.utility.batchAll(ciphertexts.map(anchorOwnReading)), eve);
  const records = events
    .filter(({ event }) => event.section === 'patientRecords' && event.method === 'RecordAnchored')
    .map(({ event }) => event.data.record.toNumber());
  assert(records.length === ciphertexts.length, `${records.length} RecordAnchored events for ${ciphertexts.length} anchors`);
  for (const [i, record] of records.entries()) {
    const marked = await vault.anchored(eve, contentHash(ciphertexts[i]), record);
    assert(marked.status === 200, `marking record ${record}: ${marked.status} ${JSON.stringify(marked.json)}`);
  }
  ok(`records ${records.join(', ')} anchored (finalized) and marked anchored`);
  return records;
}

/// Eve reads `record` back through `extrinsic`, her own signed log_access (by default a new
/// one); the bytes must be `bytes`.
async function eveReads(record, bytes, extrinsic) {
  const t = Date.now();
  const res = await vault.read(eve, contentHash(bytes), extrinsic ?? await signedLogAccess(api, eve, record));
  assert(res.status === 200, `Eve's read of record ${record}: ${res.status} ${JSON.stringify(res.json)}`);
  assert(u8aEq(res.bytes, bytes), `Eve's read of record ${record}: other bytes than were uploaded`);
  ok(`Eve reads record ${record} (${bytes.length} bytes) byte for byte in ${Date.now() - t} ms`);
}

try {
  if (mode === 'prepare') {
    const ciphertexts = [1_000, 100_000, 3_000_000].map((n) => randomBytes(n));
    const records = await uploadAndAnchor(ciphertexts);
    mkdirSync(stateDir, { recursive: true });
    const saved = records.map((record, i) => {
      const file = join(stateDir, `record-${record}.bin`);
      writeFileSync(file, ciphertexts[i]);
      return { record, file };
    });
    writeFileSync(stateFile, JSON.stringify(saved));
    console.log(`vault store outage, prepare: ${passed} checks passed`);
  } else {
    const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
    assert(saved.length > 0, `no records in ${stateFile}`);
    // All at once, with explicit nonces, so the access logs share blocks.
    const first = (await api.rpc.system.accountNextIndex(eve.address)).toNumber();
    const extrinsics = [];
    for (const [i, { record }] of saved.entries()) {
      extrinsics.push(await signedLogAccess(api, eve, record, 'Treatment', first + i));
    }
    await Promise.all(saved.map(({ record, file }, i) =>
      eveReads(record, new Uint8Array(readFileSync(file)), extrinsics[i])));
    const fresh = randomBytes(2_000_000);
    const [record] = await uploadAndAnchor([fresh]);
    await eveReads(record, fresh);
    console.log(`vault store outage, verify: ${passed} checks passed`);
  }
} finally {
  await api.disconnect();
}
