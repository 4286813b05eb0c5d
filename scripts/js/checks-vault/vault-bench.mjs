// Throughput and latency of the records vault on one blob store (run by scripts/vault-bench.sh,
// once per store). Not a test: it prints numbers.
//
// usage: node vault-bench.mjs WS_URL VAULT_URL BLOB_STORE
//
// BLOB_STORE names the vault's store as blob-store.mjs reads it (`local:<dir>` or
// `s3:<endpoint>/<bucket>`). For 1 KB, 100 KB and 10 MB ciphertexts:
// - uploads one at a time (latency) and eight at a time (throughput), as Charlie for Eve;
// - authorised fetches by Eve, each through her own signed log_access that the vault submits
//   and waits to see finalized: one at a time (latency, mostly the chain's finality) and a batch
//   at once (throughput: the batch shares blocks). For each fetch, "after finality" is the time
//   from the moment this client saw the block holding the access log finalized (a finalized
//   heads subscription to the same node) to the last byte of the answer: the vault's own
//   part of a fetch once the chain has done its part (noticing finality, which it polls every
//   500 ms, reading the block and its events, reading the blob from the store, checking its
//   hash, sending it);
// - plain reads of the same blob straight from the store (no vault, no chain): the blob
//   transfer alone.
import { u8aEq } from '@polkadot/util';
import { assert, connect, sendAndFinalize, findEvent } from '../lib.mjs';
import { openBlobStore } from './blob-store.mjs';
import { Vault, anchorArgs, contentHash, randomBytes, signedLogAccess } from './vault-client.mjs';

const [wsUrl, vaultUrl, storeArg] = process.argv.slice(2);
if (!storeArg) {
  console.error('usage: node vault-bench.mjs WS_URL VAULT_URL BLOB_STORE');
  process.exit(2);
}
const vault = new Vault(vaultUrl);
const store = openBlobStore(storeArg);
const HEKOU_CLINIC = 1;

const sizes = [
  { label: '1 KB', bytes: 1_000, uploads: 200, sequentialReads: 3, batchReads: 10, storeReads: 50 },
  { label: '100 KB', bytes: 100_000, uploads: 100, sequentialReads: 3, batchReads: 10, storeReads: 50 },
  { label: '10 MB', bytes: 10_000_000, uploads: 10, sequentialReads: 2, batchReads: 5, storeReads: 10 },
];

const now = () => process.hrtime.bigint();
const ms = (t0, t1 = now()) => Number(t1 - t0) / 1e6;
function stats(latencies) {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}
const mbps = (bytes, millis) => (bytes / 1e6) / (millis / 1000);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

async function pool(items, width, fn) {
  const out = [];
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }));
  return out;
}

const { api, keyring } = await connect(wsUrl);
const charlie = keyring.addFromUri('//Charlie');
const eve = keyring.addFromUri('//Eve');

// When this client first saw each finalized head.
const finalizedSeen = [];
const unsubscribe = await api.rpc.chain.subscribeFinalizedHeads((header) => {
  finalizedSeen.push({ number: header.number.toNumber(), at: now() });
});

/// Milliseconds from the moment a finalized head at or above the access log's block was seen
/// to `end`, the last byte of the read's answer.
async function afterFinality(res, end) {
  const block = res.headers.get('x-ruralmed-access-block');
  const number = (await api.rpc.chain.getHeader(block)).number.toNumber();
  const seen = finalizedSeen.find((f) => f.number >= number);
  assert(seen, `block ${number} (${block}) was never seen finalized by the benchmark`);
  return ms(seen.at, end);
}

/// One authorised fetch by Eve of `blob` through `extrinsic`: its latency and after-finality time.
async function fetchOnce(hash, blob, extrinsic) {
  const t = now();
  const res = await vault.read(eve, hash, extrinsic);
  const end = now();
  assert(res.status === 200 && u8aEq(res.bytes, blob), `read: ${res.status} ${JSON.stringify(res.json)}`);
  return { latency: ms(t, end), tail: await afterFinality(res, end) };
}

const rows = [];
try {
  for (const size of sizes) {
    // Uploads, one at a time.
    const blobs = Array.from({ length: size.uploads }, () => randomBytes(size.bytes));
    const latencies = [];
    let t0 = now();
    for (const blob of blobs) {
      const t = now();
      const res = await vault.upload(charlie, blob, { patient: eve.address, org: HEKOU_CLINIC });
      assert(res.status === 201 && res.json.stored === 'new', `upload: ${res.status} ${JSON.stringify(res.json)}`);
      latencies.push(ms(t));
    }
    const sequentialMs = ms(t0);
    // Uploads, eight at a time (fresh blobs, so each is a real write).
    const more = Array.from({ length: size.uploads }, () => randomBytes(size.bytes));
    t0 = now();
    await pool(more, 8, async (blob) => {
      const res = await vault.upload(charlie, blob, { patient: eve.address, org: HEKOU_CLINIC });
      assert(res.status === 201 && res.json.stored === 'new', `upload: ${res.status} ${JSON.stringify(res.json)}`);
    });
    const concurrentMs = ms(t0);
    const up = stats(latencies);
    rows.push({
      size: size.label, op: 'upload x1', n: up.n, p50: up.p50, p95: up.p95,
      reqs: up.n / (sequentialMs / 1000), mbs: mbps(size.bytes * up.n, sequentialMs),
    });
    rows.push({
      size: size.label, op: 'upload x8', n: more.length,
      reqs: more.length / (concurrentMs / 1000), mbs: mbps(size.bytes * more.length, concurrentMs),
    });

    // Anchor one blob and read it.
    const blob = blobs[0];
    const hash = contentHash(blob);
    const anchored = await sendAndFinalize(api, api.tx.patientRecords.anchorRecord(...anchorArgs(api, {
      patient: eve.address, org: HEKOU_CLINIC, category: 'Encounter', contentHash: hash, size: blob.length,
      vaultOrg: 0, locator: `vault:${hash}`,
    })), charlie);
    const record = findEvent(anchored.events, 'patientRecords', 'RecordAnchored').data.record.toNumber();
    const reads = [];
    for (let i = 0; i < size.sequentialReads; i += 1) {
      reads.push(await fetchOnce(hash, blob, await signedLogAccess(api, eve, record)));
    }
    const r = stats(reads.map((x) => x.latency));
    const readMs = sum(reads.map((x) => x.latency));
    rows.push({
      size: size.label, op: 'fetch x1', n: r.n, p50: r.p50, p95: r.p95,
      reqs: r.n / (readMs / 1000), mbs: mbps(size.bytes * r.n, readMs),
      tail: stats(reads.map((x) => x.tail)).p50,
    });
    // A batch at once: explicit nonces, so the log_access extrinsics can share blocks.
    const first = (await api.rpc.system.accountNextIndex(eve.address)).toNumber();
    const extrinsics = [];
    for (let i = 0; i < size.batchReads; i += 1) {
      extrinsics.push(await signedLogAccess(api, eve, record, 'Treatment', first + i));
    }
    t0 = now();
    const batch = await Promise.all(extrinsics.map((x) => fetchOnce(hash, blob, x)));
    const batchMs = ms(t0);
    const b = stats(batch.map((x) => x.latency));
    rows.push({
      size: size.label, op: `fetch x${size.batchReads} at once`, n: b.n, p50: b.p50, p95: b.p95,
      reqs: b.n / (batchMs / 1000), mbs: mbps(size.bytes * b.n, batchMs),
      tail: stats(batch.map((x) => x.tail)).p50,
    });

    // The same blob straight from the store, one read at a time.
    const storeReads = [];
    for (let i = 0; i < size.storeReads; i += 1) {
      const t = now();
      const bytes = await store.get(hash);
      storeReads.push(ms(t));
      assert(u8aEq(bytes, blob), `the store holds other bytes under ${hash}`);
    }
    const s = stats(storeReads);
    rows.push({
      size: size.label, op: 'store GET, no vault', n: s.n, p50: s.p50, p95: s.p95,
      reqs: s.n / (sum(storeReads) / 1000), mbs: mbps(size.bytes * s.n, sum(storeReads)),
    });
    console.log(`  ${size.label} done`);
  }
} finally {
  unsubscribe();
  await api.disconnect();
}

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
console.log(`\nstore: ${store.describe()}`);
console.log('size    | operation           |   n |   p50 ms |   p95 ms |   req/s |   MB/s | after finality p50 ms');
console.log('--------|---------------------|-----|----------|----------|---------|--------|----------------------');
for (const row of rows) {
  console.log(`${row.size.padEnd(7)} | ${row.op.padEnd(19)} | ${String(row.n).padStart(3)} | `
    + `${fmt(row.p50).padStart(8)} | ${fmt(row.p95).padStart(8)} | ${fmt(row.reqs, 2).padStart(7)} | `
    + `${fmt(row.mbs, 2).padStart(6)} | ${fmt(row.tail).padStart(8)}`);
}
