// Throughput and latency of the records vault on its local store (run by scripts/vault-bench.sh).
// Not a test: it prints numbers.
//
// usage: node vault-bench.mjs WS_URL VAULT_URL
//
// For 1 KB, 100 KB and 10 MB ciphertexts: uploads one at a time (latency) and eight at a time
// (throughput), as Charlie for Eve; then authorised fetches by Eve, each through her own signed
// log_access that the vault submits and waits to see finalized: one at a time (latency, mostly
// the chain's finality) and a batch at once (throughput: the batch shares blocks).
import { u8aEq } from '@polkadot/util';
import { assert, connect, sendAndFinalize, findEvent } from '../lib.mjs';
import { Vault, anchorArgs, contentHash, randomBytes, signedLogAccess } from './vault-client.mjs';

const [wsUrl, vaultUrl] = process.argv.slice(2);
const vault = new Vault(vaultUrl);
const HEKOU_CLINIC = 1;

const sizes = [
  { label: '1 KB', bytes: 1_000, uploads: 200, sequentialReads: 3, batchReads: 10 },
  { label: '100 KB', bytes: 100_000, uploads: 100, sequentialReads: 3, batchReads: 10 },
  { label: '10 MB', bytes: 10_000_000, uploads: 10, sequentialReads: 2, batchReads: 5 },
];

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
function stats(latencies) {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}
const mbps = (bytes, millis) => (bytes / 1e6) / (millis / 1000);

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
const rows = [];
try {
  for (const size of sizes) {
    // Uploads, one at a time.
    const blobs = Array.from({ length: size.uploads }, () => randomBytes(size.bytes));
    const latencies = [];
    let t0 = process.hrtime.bigint();
    for (const blob of blobs) {
      const t = process.hrtime.bigint();
      const res = await vault.upload(charlie, blob, { patient: eve.address, org: HEKOU_CLINIC });
      assert(res.status === 201, `upload: ${res.status} ${JSON.stringify(res.json)}`);
      latencies.push(ms(t));
    }
    const sequentialMs = ms(t0);
    // Uploads, eight at a time (fresh blobs, so each is a real write).
    const more = Array.from({ length: size.uploads }, () => randomBytes(size.bytes));
    t0 = process.hrtime.bigint();
    await pool(more, 8, async (blob) => {
      const res = await vault.upload(charlie, blob, { patient: eve.address, org: HEKOU_CLINIC });
      assert(res.status === 201, `upload: ${res.status} ${JSON.stringify(res.json)}`);
    });
    const concurrentMs = ms(t0);
    const up = stats(latencies);
    rows.push({
      size: size.label, op: 'upload x1', n: up.n, p50: up.p50, p95: up.p95,
      reqs: up.n / (sequentialMs / 1000), mbs: mbps(size.bytes * up.n, sequentialMs),
    });
    rows.push({
      size: size.label, op: 'upload x8', n: more.length, p50: NaN, p95: NaN,
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
      const t = process.hrtime.bigint();
      const res = await vault.read(eve, hash, await signedLogAccess(api, eve, record));
      assert(res.status === 200 && u8aEq(res.bytes, blob), `read: ${res.status} ${JSON.stringify(res.json)}`);
      reads.push(ms(t));
    }
    const r = stats(reads);
    rows.push({
      size: size.label, op: 'fetch x1', n: r.n, p50: r.p50, p95: r.p95,
      reqs: r.n / (reads.reduce((a, b) => a + b, 0) / 1000), mbs: mbps(size.bytes * r.n, reads.reduce((a, b) => a + b, 0)),
    });
    // A batch at once: explicit nonces, so the log_access extrinsics can share blocks.
    const first = (await api.rpc.system.accountNextIndex(eve.address)).toNumber();
    const extrinsics = [];
    for (let i = 0; i < size.batchReads; i += 1) {
      extrinsics.push(await signedLogAccess(api, eve, record, 'Treatment', first + i));
    }
    const batchLatencies = [];
    t0 = process.hrtime.bigint();
    await Promise.all(extrinsics.map(async (x) => {
      const t = process.hrtime.bigint();
      const res = await vault.read(eve, hash, x);
      assert(res.status === 200 && u8aEq(res.bytes, blob), `read: ${res.status} ${JSON.stringify(res.json)}`);
      batchLatencies.push(ms(t));
    }));
    const batchMs = ms(t0);
    const b = stats(batchLatencies);
    rows.push({
      size: size.label, op: `fetch x${size.batchReads} at once`, n: b.n, p50: b.p50, p95: b.p95,
      reqs: b.n / (batchMs / 1000), mbs: mbps(size.bytes * b.n, batchMs),
    });
    console.log(`  ${size.label} done`);
  }
} finally {
  await api.disconnect();
}

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
console.log('\nsize    | operation          |   n | p50 ms   | p95 ms   | req/s   | MB/s');
console.log('--------|--------------------|-----|----------|----------|---------|--------');
for (const row of rows) {
  console.log(`${row.size.padEnd(7)} | ${row.op.padEnd(18)} | ${String(row.n).padStart(3)} | ${fmt(row.p50).padStart(8)} | `
    + `${fmt(row.p95).padStart(8)} | ${fmt(row.reqs, 2).padStart(7)} | ${fmt(row.mbs, 2).padStart(6)}`);
}
