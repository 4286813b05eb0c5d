// Transaction throughput of the node, per kind of transaction (run by scripts/bench-tps.sh). A
// benchmark, not a test: it prints numbers, and fails only if a transaction it sent was refused,
// failed in dispatch, or was not finalized.
//
// usage: node bench-tps.mjs WS_URL
//   TPS_N         transactions per kind (default 4000)
//   TPS_OUT       also write the results as JSON to this file
//   TPS_INFLIGHT  submissions in flight at once (default 128)
//   TPS_STALL_S   give up on a kind when none of its transactions was finalized for this long
//                 (default 120)
//   TPS_COMMIT    the commit measured, copied into the JSON
//
// Set-up, not timed: 64 staff accounts (//bench/staff/i) funded by Alice and registered as
// doctors of the demo county hospital (Alice is its admin; their licences verified through
// sudo), and at least 64 patients (//bench/patient/j), each registered and granting the
// hospital treatment access with the right to write.
//
// Then for each kind in turn (transfers, record anchors, consent grants, key shares, access
// logs): N transactions spread round-robin over the kind's signers, pre-signed with explicit
// consecutive nonces and an immortal era (no mortality to outlive), submitted as raw
// `author_submitExtrinsic` calls with TPS_INFLIGHT in flight (a refusal because the pool is full
// is retried after a pause and counted), and followed to finality: every finalized block's body
// is read, its extrinsics matched by hash (blake2-256 of their bytes), and each one's outcome
// read from the block's events; the block's `system.blockWeight` gives its fill. The record
// anchors' records are the ones the key shares and access logs then use.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { WsProvider } from '@polkadot/api';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';

import { CheckError, connect, describeError, findEvent, rawRpc, send } from './lib.mjs';

const url = process.argv[2];
if (!url) {
  console.error('usage: node bench-tps.mjs WS_URL   (env: TPS_N, TPS_OUT, TPS_INFLIGHT, TPS_STALL_S)');
  process.exit(2);
}
const N = positiveInt('TPS_N', 4000);
const IN_FLIGHT = positiveInt('TPS_INFLIGHT', 128);
const STALL_MS = positiveInt('TPS_STALL_S', 120) * 1000;

const UNIT = 10n ** 12n; // the runtime's UNIT (12 decimals)
const COUNTY_HOSPITAL = 0; // demo county: Alice is its admin; it runs the county records vault
const STAFF = 64; // signers of transfers, anchors, key shares and access logs
const MIN_PATIENTS = 64; // signers of consent grants (more if N needs them, see patientCount)
const TRANSFER = UNIT / 100n;
const FEE_ALLOWANCE = UNIT; // per transaction, far above the fees the runtime charges
const GRANT_LENGTH = 1_000_000; // blocks: no grant lapses during a run
const POOL_FULL_PAUSE_MS = 250;

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new CheckError(`${name} must be a positive integer, not ${raw}`);
  return n;
}

const sleep = (ms) => new Promise((r) => { setTimeout(r, ms); });
const seconds = (ms) => ms / 1000;
const range = (n) => Array.from({ length: n }, (_, i) => i);

/// The kinds of transaction measured, in the order they run. `signers` names the accounts that
/// sign them; `call(ctx, i)` is the i-th transaction's call (signed by signer `signerOf(ctx, i)`).
const KINDS = [
  {
    key: 'transfers',
    label: 'transfers',
    signers: 'staff',
    signerOf: (ctx, i) => i % STAFF,
    call: ({ api, staff }, i) => api.tx.balances.transferKeepAlive(staff[(i + 1) % STAFF].address, TRANSFER),
  },
  {
    key: 'recordAnchors',
    label: 'record anchors',
    signers: 'staff',
    signerOf: (ctx, i) => i % STAFF,
    // Each doctor writes for a different patient every round, so that patients' records
    // interleave; the content hash is unique per record, as a ciphertext's would be.
    call: ({ api, patients, runTag }, i) => api.tx.patientRecords.anchorRecord(
      patients[(i + Math.floor(i / STAFF)) % patients.length].address, COUNTY_HOSPITAL, 'Encounter',
      blake2AsHex(`${runTag}/record/${i}`), COUNTY_HOSPITAL, 2048, null),
  },
  {
    key: 'consentGrants',
    label: 'consent grants',
    signers: 'patients',
    signerOf: (ctx, i) => i % ctx.patients.length,
    // A patient's m-th grant goes to the m-th doctor after its own index, so that no patient
    // grants one doctor twice (the runtime keeps at most a few grants per patient and grantee).
    call: ({ api, staff, patients, now }, i) => {
      const patient = i % patients.length;
      const round = Math.floor(i / patients.length);
      return api.tx.consent.grantConsent(patients[patient].address,
        { Practitioner: staff[(patient + round) % STAFF].address }, ['Treatment'], 'AllRecords',
        now, now + GRANT_LENGTH, false, false);
    },
  },
  {
    key: 'keyShares',
    label: 'key shares',
    signers: 'staff',
    // The author of each anchored record wraps its key for a colleague (one new share per record).
    signerOf: ({ records }, i) => records[i % records.length].author,
    call: ({ api, staff, records }, i) => {
      const r = records[i % records.length];
      return api.tx.patientRecords.attachKeyShare(r.id, staff[(r.author + 1) % STAFF].address, 'Treatment',
        u8aToHex(randomAsU8a(80)));
    },
  },
  {
    key: 'accessLogs',
    label: 'access logs',
    signers: 'staff',
    // The colleague who got the key reads the record, on the patient's grant to the hospital.
    signerOf: ({ records }, i) => (records[i % records.length].author + 1) % STAFF,
    call: ({ api, records }, i) => api.tx.patientRecords.logAccess(records[i % records.length].id, 'Treatment'),
  },
];

async function main() {
  const started = performance.now();
  const { api, keyring } = await connect(url);
  // Submissions go over a connection of their own, so that thousands of them in flight never
  // delay the finalized heads and block reads the measurement depends on.
  const submitter = new WsProvider(url, 1000, {}, 60_000);
  await submitter.isReady;
  const limits = chainLimits(api);
  const runTag = `${Date.now()}`;

  const storedRecords = Number((await api.query.patientRecords.nextRecordId()).toString());
  console.log(`records stored before the run: ${storedRecords}`);
  const t0 = performance.now();
  const { staff, patients } = await setUp(api, keyring);
  console.log(`set-up (not timed): ${STAFF} staff, ${patients.length} patients in ${seconds(performance.now() - t0).toFixed(1)} s`);

  const follower = new FinalityFollower(api);
  await follower.start();
  const ctx = { api, staff, patients, records: [], runTag, now: 0 };
  const results = [];
  try {
    for (const kind of KINDS) {
      const result = await measureKind(ctx, kind, submitter, follower);
      results.push(result);
      if (kind.key === 'recordAnchors') ctx.records = anchoredRecords(result.txs);
    }
  } finally {
    follower.stop();
  }

  const report = buildReport(results, limits, patients.length, storedRecords, blockBuildTimes(process.env.TPS_NODE_LOG));
  printReport(report);
  if (process.env.TPS_OUT) {
    writeFileSync(process.env.TPS_OUT, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`results written to ${process.env.TPS_OUT}`);
  }
  console.log(`bench-tps finished in ${seconds(performance.now() - started).toFixed(1)} s`);
  await submitter.disconnect();
  await api.disconnect();
}

/// What the runtime allows a block and charges per extrinsic, for the fill and the predictions.
function chainLimits(api) {
  const { perClass } = api.consts.system.blockWeights;
  const normal = perClass.normal;
  const maxNormal = normal.maxTotal.isSome ? normal.maxTotal.unwrap() : api.consts.system.blockWeights.maxBlock;
  return {
    maxNormalRefTime: maxNormal.refTime.toBigInt(),
    baseExtrinsicRefTime: normal.baseExtrinsic.refTime.toBigInt(),
    blockTimeMs: api.consts.timestamp.minimumPeriod.toNumber() * 2,
  };
}

// ------------------------------------------------------------------------------------------
// Set-up

/// Makes and funds the staff and patients, registers the staff as active doctors of the county
/// hospital and the patients as patients who grant it treatment access with writing.
async function setUp(api, keyring) {
  const alice = keyring.addFromUri('//Alice');
  const staff = range(STAFF).map((i) => keyring.addFromUri(`//bench/staff/${i}`));
  const patients = range(patientCount(api)).map((j) => keyring.addFromUri(`//bench/patient/${j}`));
  const c = api.consts;
  const perStaff = BigInt(Math.ceil(N / STAFF));
  const staffFunds = 10n * UNIT + perStaff * (TRANSFER + c.patientRecords.recordDeposit.toBigInt()
    + c.patientRecords.keyShareDeposit.toBigInt() + 4n * FEE_ALLOWANCE);
  const perPatient = BigInt(Math.ceil(N / patients.length));
  const patientFunds = 10n * UNIT + c.patientRecords.patientDeposit.toBigInt()
    + (perPatient + 1n) * (c.consent.grantDeposit.toBigInt() + FEE_ALLOWANCE);

  await send(api, api.tx.utility.batchAll([
    ...staff.map((p) => api.tx.balances.transferKeepAlive(p.address, staffFunds)),
    ...patients.map((p) => api.tx.balances.transferKeepAlive(p.address, patientFunds)),
    ...staff.map((p, i) => api.tx.registry.addPractitioner(COUNTY_HOSPITAL, p.address, 'Doctor',
      blake2AsHex(`BENCH-DOCTOR-${i}`))),
  ]), alice);
  // A licence is active only once the authority verifies it: Root, through sudo on dev.
  const verified = await send(api, api.tx.sudo.sudo(api.tx.utility.batchAll(
    staff.map((p) => api.tx.registry.verifyLicence(p.address)))), alice);
  const sudid = findEvent(verified.events, 'sudo', 'Sudid').data.sudoResult;
  if (sudid.isErr) throw new CheckError(`verifying the licences failed: ${describeError(api, sudid.asErr)}`);

  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  await Promise.all(patients.map((p) => send(api, api.tx.utility.batchAll([
    api.tx.patientRecords.registerPatient(),
    api.tx.consent.grantConsent(p.address, { Organisation: { org: COUNTY_HOSPITAL, roles: [] } },
      ['Treatment'], 'AllRecords', now, now + GRANT_LENGTH, true, false),
  ]), p, { timeoutMs: 180_000 })));
  return { staff, patients };
}

/// Enough patients that N consent grants fit: each has one grant from the set-up and may hold
/// `maxGrantsPerPatient`; and no patient grants one doctor twice.
function patientCount(api) {
  const perPatient = Math.min(api.consts.consent.maxGrantsPerPatient.toNumber() - 1, STAFF);
  return Math.max(MIN_PATIENTS, Math.ceil(N / perPatient));
}

/// The records the anchors made, in the order of the anchor transactions: id and author (index
/// into the staff).
function anchoredRecords(txs) {
  return txs.map((tx) => {
    const anchored = tx.events.find((e) => e.section === 'patientRecords' && e.method === 'RecordAnchored');
    if (!anchored) throw new CheckError(`record anchor ${tx.i} has no RecordAnchored event`);
    return { id: anchored.data.record.toNumber(), author: tx.signer };
  });
}

// ------------------------------------------------------------------------------------------
// One kind: pre-sign, submit, follow to finality

async function measureKind(ctx, kind, submitter, follower) {
  const { api } = ctx;
  console.log(`\n${kind.label}: pre-signing ${N}`);
  let t0 = performance.now();
  ctx.now = (await api.rpc.chain.getHeader()).number.toNumber();
  const txs = await presign(ctx, kind);
  const signMs = performance.now() - t0;
  const charged = await chargedWeight(api, txs[0]);
  console.log(`  signed in ${seconds(signMs).toFixed(1)} s; charged weight ${charged.refTime} ref_time, `
    + `fee ${formatUnits(charged.fee)} UNIT`);

  follower.track(kind.key, txs);
  t0 = performance.now();
  const submission = submitAll(submitter, txs);
  const submitStats = await waitUntilFinalized(kind, txs, submission, follower);
  const failed = txs.filter((tx) => tx.error);
  if (failed.length > 0) {
    throw new CheckError(`${kind.label}: ${failed.length} of ${N} failed in dispatch, e.g. `
      + failed.slice(0, 3).map((tx) => `#${tx.i}: ${tx.error}`).join('; '));
  }
  console.log(`  all ${N} finalized and succeeded, ${seconds(performance.now() - t0).toFixed(1)} s after the first submit`);
  return { kind, txs, blocks: follower.blocksOf(kind.key), charged, submitStats, signMs };
}

/// The kind's N transactions, signed with consecutive nonces per signer from the signer's next
/// nonce (everything earlier is finalized by now), immortal.
async function presign(ctx, kind) {
  const { api } = ctx;
  const signers = kind.signers === 'staff' ? ctx.staff : ctx.patients;
  const nonces = await Promise.all(signers.map((p) => api.rpc.system.accountNextIndex(p.address)
    .then((n) => n.toNumber())));
  const options = {
    blockHash: api.genesisHash,
    genesisHash: api.genesisHash,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions,
    version: api.extrinsicType,
  };
  return range(N).map((i) => {
    const signer = kind.signerOf(ctx, i);
    const extrinsic = kind.call(ctx, i).sign(signers[signer], { ...options, nonce: nonces[signer]++ });
    const bytes = extrinsic.toU8a();
    return { i, signer, hex: u8aToHex(bytes), hash: blake2AsHex(bytes), length: bytes.length };
  });
}

/// What the runtime charges for one transaction of the kind (`TransactionPaymentApi::query_info`).
async function chargedWeight(api, tx) {
  // As bytes: polkadot.js encodes the extrinsic argument from a Uint8Array as is (from hex or a
  // Submittable it would not be what the runtime decodes).
  const info = await api.call.transactionPaymentApi.queryInfo(hexToU8a(tx.hex), tx.length);
  return { refTime: info.weight.refTime.toBigInt(), proofSize: info.weight.proofSize.toBigInt(),
    fee: info.partialFee.toBigInt(), length: tx.length };
}

/// Whether a submission was refused only because the pool is full for now (so worth retrying).
function poolIsFull(error) {
  return /Immediately Dropped|limit|Priority is too low|1016|1014/i.test(error.message ?? `${error}`);
}

/// Submits every transaction, IN_FLIGHT at a time in nonce order, as fast as the pool takes
/// them. Resolves with the submission figures; rejects on the first refusal that is not the
/// pool being full.
async function submitAll(provider, txs) {
  const stats = { retries: 0, firstAt: performance.now(), lastAcceptedAt: 0 };
  let next = 0;
  const submitOne = async (tx) => {
    tx.submittedAt = performance.now();
    for (;;) {
      try {
        await provider.send('author_submitExtrinsic', [tx.hex]);
        break;
      } catch (error) {
        // A retry of one the pool took after all (an answer lost to a timeout) is no failure.
        if (/Already Imported|1013/i.test(error.message)) break;
        if (!poolIsFull(error)) throw new CheckError(`transaction #${tx.i} refused: ${error.message}`);
        stats.retries += 1;
        await sleep(POOL_FULL_PAUSE_MS);
      }
    }
    tx.acceptedAt = performance.now();
    stats.lastAcceptedAt = Math.max(stats.lastAcceptedAt, tx.acceptedAt);
  };
  await Promise.all(range(Math.min(IN_FLIGHT, txs.length)).map(async () => {
    while (next < txs.length) await submitOne(txs[next++]);
  }));
  return stats;
}

/// Resolves with the submission figures once every transaction is in a finalized block;
/// rejects if the submission fails, the follower fails, or nothing is finalized for STALL_MS
/// (then it says how many are still in the pool and how many it lost).
async function waitUntilFinalized(kind, txs, submission, follower) {
  let submitStats;
  let submitError;
  submission.then((s) => { submitStats = s; }, (e) => { submitError = e; });
  let done = 0;
  let lastProgress = performance.now();
  let lastLog = performance.now();
  for (;;) {
    if (submitError) throw submitError;
    if (follower.error) throw follower.error;
    const nowDone = txs.reduce((n, tx) => n + (tx.block === undefined ? 0 : 1), 0);
    if (nowDone > done) {
      done = nowDone;
      lastProgress = performance.now();
    }
    if (done === txs.length && submitStats) return submitStats;
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      console.log(`  ${done} of ${txs.length} finalized`);
    }
    if (performance.now() - lastProgress > STALL_MS) {
      const inPool = await countInPool(follower.api, txs);
      throw new CheckError(`${kind.label}: nothing finalized for ${STALL_MS / 1000} s; ${done} of ${txs.length} `
        + `finalized, ${inPool} still in the pool, ${txs.length - done - inPool} dropped or lost`
        + `${submitStats ? '' : ' (still submitting)'}`);
    }
    await sleep(200);
  }
}

/// How many of `txs` not yet finalized the node's pool still holds.
async function countInPool(api, txs) {
  const pending = new Set((await rawRpc(api, 'author_pendingExtrinsics', []))
    .map((x) => blake2AsHex(hexToU8a(x))));
  return txs.filter((tx) => tx.block === undefined && pending.has(tx.hash)).length;
}

// ------------------------------------------------------------------------------------------
// Following finality

/// Follows finalized heads and reads every finalized block, in order (a notification may skip
/// blocks: GRANDPA finalizes several at once). For each tracked extrinsic found in a block it
/// records the block, when the benchmark saw it finalized, and the extrinsic's events and
/// outcome; for each block with tracked extrinsics, their number and the block's normal weight.
class FinalityFollower {
  constructor(api) {
    this.api = api;
    this.tracked = new Map(); // extrinsic hash -> { tx, kind }
    this.blocks = [];
    this.error = undefined;
    this.queue = Promise.resolve();
    const events = api.query.system.events;
    const weight = api.query.system.blockWeight;
    this.eventsKey = events.key();
    this.eventsType = api.registry.createLookupType(events.creator.meta.type.asPlain);
    this.weightKey = weight.key();
    this.weightType = api.registry.createLookupType(weight.creator.meta.type.asPlain);
  }

  async start() {
    const head = await rawRpc(this.api, 'chain_getHeader', [await rawRpc(this.api, 'chain_getFinalizedHead', [])]);
    this.lastNumber = parseInt(head.number, 16);
    this.unsubscribe = await this.api.rpc.chain.subscribeFinalizedHeads((header) => {
      const seenAt = performance.now();
      const number = header.number.toNumber();
      this.queue = this.queue.then(() => this.catchUp(number, seenAt)).catch((e) => {
        this.error ??= new CheckError(`reading finalized blocks failed: ${e.message}`);
      });
    });
  }

  stop() {
    this.unsubscribe?.();
  }

  track(kind, txs) {
    for (const tx of txs) this.tracked.set(tx.hash, { tx, kind });
  }

  blocksOf(kind) {
    return this.blocks.filter((b) => b.kind === kind);
  }

  async catchUp(number, seenAt) {
    for (let n = this.lastNumber + 1; n <= number; n += 1) {
      await this.readBlock(n, await rawRpc(this.api, 'chain_getBlockHash', [n]), seenAt);
      this.lastNumber = n;
    }
  }

  async readBlock(number, hash, seenAt) {
    const { block } = await rawRpc(this.api, 'chain_getBlock', [hash]);
    const hits = [];
    block.extrinsics.forEach((x, index) => {
      const found = this.tracked.get(blake2AsHex(hexToU8a(x)));
      if (found) hits.push({ ...found, index });
    });
    if (hits.length === 0) return;
    const [rawEvents, rawWeight] = await Promise.all([
      rawRpc(this.api, 'state_getStorage', [this.eventsKey, hash]),
      rawRpc(this.api, 'state_getStorage', [this.weightKey, hash]),
    ]);
    const records = this.api.registry.createType(this.eventsType, hexToU8a(rawEvents));
    const weight = this.api.registry.createType(this.weightType, hexToU8a(rawWeight));
    for (const { tx, index } of hits) {
      const events = records.filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.eqn(index))
        .map(({ event }) => event);
      tx.block = number;
      tx.finalizedAt = seenAt;
      tx.events = events;
      const failed = events.find((e) => e.section === 'system' && e.method === 'ExtrinsicFailed');
      if (failed) tx.error = describeError(this.api, failed.data[0]);
      else if (!events.some((e) => e.section === 'system' && e.method === 'ExtrinsicSuccess')) {
        tx.error = 'no ExtrinsicSuccess event';
      }
      this.tracked.delete(tx.hash);
    }
    this.blocks.push({
      number,
      kind: hits[0].kind,
      count: hits.length,
      extrinsics: block.extrinsics.length,
      normalRefTime: weight.normal.refTime.toBigInt(),
    });
  }
}

// ------------------------------------------------------------------------------------------
// Report

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/// The node's own time to build each block it authored, from its log (`TPS_NODE_LOG`): block
/// number -> { ms, extrinsics }. Empty without a log.
function blockBuildTimes(logPath) {
  const built = new Map();
  if (!logPath) return built;
  const pattern = /Prepared block for proposing at (\d+) \((\d+) ms\).*extrinsics_count: (\d+)/;
  for (const line of readFileSync(logPath, 'utf8').split('\n')) {
    const m = pattern.exec(line);
    if (m) built.set(Number(m[1]), { ms: Number(m[2]), extrinsics: Number(m[3]) });
  }
  return built;
}

/// Per transaction, the node's time to build the blocks holding the kind (block build time over
/// the transactions in it, whole blocks only: each block holds one kind, as the kinds run one
/// after the other), in µs; null without the node's log.
function buildMicrosPerTx(blocks, built) {
  const found = blocks.map((b) => ({ b, t: built.get(b.number) })).filter(({ t }) => t !== undefined);
  if (found.length === 0) return null;
  const ms = found.reduce((a, { t }) => a + t.ms, 0);
  const txs = found.reduce((a, { b }) => a + b.count, 0);
  return (ms * 1000) / txs;
}

function summarise({ kind, txs, blocks, charged, submitStats, signMs }, limits, built) {
  const firstSubmit = Math.min(...txs.map((tx) => tx.submittedAt));
  const lastFinalized = Math.max(...txs.map((tx) => tx.finalizedAt));
  const wallS = seconds(lastFinalized - firstSubmit);
  const latencies = txs.map((tx) => seconds(tx.finalizedAt - tx.submittedAt)).sort((a, b) => a - b);
  const fills = blocks.map((b) => Number((b.normalRefTime * 1_000_000n) / limits.maxNormalRefTime) / 10_000);
  const perBlock = blocks.map((b) => b.count);
  const firstBlock = Math.min(...blocks.map((b) => b.number));
  const lastBlock = Math.max(...blocks.map((b) => b.number));
  // What the weights predict: blocks filled to the normal class's limit with this kind alone.
  const perTx = charged.refTime + limits.baseExtrinsicRefTime;
  const weightBoundPerBlock = Number(limits.maxNormalRefTime / perTx);
  return {
    kind: kind.key,
    label: kind.label,
    count: txs.length,
    signS: seconds(signMs),
    submitS: seconds(submitStats.lastAcceptedAt - submitStats.firstAt),
    submitRate: txs.length / seconds(submitStats.lastAcceptedAt - submitStats.firstAt),
    poolRetries: submitStats.retries,
    wallS,
    tps: txs.length / wallS,
    blocks: blocks.length,
    firstBlock,
    lastBlock,
    // The rate of the blocks alone, without the wait for the first block and for finality.
    tpsOverBlocks: txs.length / (((lastBlock - firstBlock + 1) * limits.blockTimeMs) / 1000),
    txPerBlockMean: mean(perBlock),
    txPerBlockMax: Math.max(...perBlock),
    fillMeanPct: mean(fills),
    fillMaxPct: Math.max(...fills),
    latencyMedianS: quantile(latencies, 0.5),
    latencyP95S: quantile(latencies, 0.95),
    latencyMaxS: latencies[latencies.length - 1],
    chargedRefTime: Number(charged.refTime),
    chargedProofSize: Number(charged.proofSize),
    feeUnits: Number(charged.fee) / Number(UNIT),
    lengthBytes: charged.length,
    weightBoundTxPerBlock: weightBoundPerBlock,
    weightBoundTps: weightBoundPerBlock / seconds(limits.blockTimeMs),
    buildMicrosPerTx: buildMicrosPerTx(blocks, built),
    perBlock: blocks.map((b) => ({ number: b.number, txs: b.count, normalRefTime: Number(b.normalRefTime) })),
  };
}

function buildReport(results, limits, patients, storedRecords, built) {
  const kinds = results.map((r) => summarise(r, limits, built));
  const byKey = Object.fromEntries(kinds.map((k) => [k.kind, k]));
  const ratio = (a, b) => (b ? a / b : null);
  return {
    date: new Date().toISOString(),
    commit: process.env.TPS_COMMIT ?? null,
    n: N,
    inFlight: IN_FLIGHT,
    staff: STAFF,
    patients,
    storedRecords,
    era: 'immortal',
    blockTimeMs: limits.blockTimeMs,
    maxNormalRefTime: Number(limits.maxNormalRefTime),
    baseExtrinsicRefTime: Number(limits.baseExtrinsicRefTime),
    kinds,
    ratios: {
      recordAnchorsPerTransfers: {
        txPerBlock: ratio(byKey.recordAnchors?.txPerBlockMean, byKey.transfers?.txPerBlockMean),
        tps: ratio(byKey.recordAnchors?.tps, byKey.transfers?.tps),
      },
    },
  };
}

function formatUnits(planck) {
  return (Number(planck) / Number(UNIT)).toFixed(6);
}

function printReport(report) {
  const { kinds } = report;
  const f = (digits) => (x) => x.toFixed(digits);
  const rows = [
    ['transactions', (k) => `${k.count}`],
    ['charged ref_time (µs)', (k) => f(1)(k.chargedRefTime / 1e6)],
    ['charged proof_size (B)', (k) => `${k.chargedProofSize}`],
    ['length (B)', (k) => `${k.lengthBytes}`],
    ['fee (UNIT)', (k) => f(6)(k.feeUnits)],
    ['weight-bound tx/block', (k) => `${k.weightBoundTxPerBlock}`],
    ['weight-bound tx/s', (k) => f(1)(k.weightBoundTps)],
    ['submitted in (s)', (k) => f(1)(k.submitS)],
    ['submit rate (tx/s)', (k) => f(1)(k.submitRate)],
    ['pool-full retries', (k) => `${k.poolRetries}`],
    ['first submit→last final (s)', (k) => f(1)(k.wallS)],
    ['tx/s finalized', (k) => f(1)(k.tps)],
    ['blocks used', (k) => `${k.blocks}`],
    ['tx/s over those blocks', (k) => f(1)(k.tpsOverBlocks)],
    ['tx/block mean', (k) => f(1)(k.txPerBlockMean)],
    ['tx/block max', (k) => `${k.txPerBlockMax}`],
    ['block fill % mean', (k) => f(1)(k.fillMeanPct)],
    ['block fill % max', (k) => f(1)(k.fillMaxPct)],
    ['latency median (s)', (k) => f(1)(k.latencyMedianS)],
    ['latency p95 (s)', (k) => f(1)(k.latencyP95S)],
    ['node build time per tx (µs)', (k) => (k.buildMicrosPerTx === null ? 'n/a' : f(1)(k.buildMicrosPerTx))],
  ];
  const widths = kinds.map((k) => Math.max(k.label.length, 10));
  const head = rows.reduce((w, [name]) => Math.max(w, name.length), 0);
  const line = (name, cells) => `${name.padEnd(head)}  ${cells.map((c, i) => c.padStart(widths[i])).join('  ')}`;
  console.log(`\nthroughput, ${report.n} per kind, ${report.storedRecords} records stored before, ${report.inFlight} submissions in flight, `
    + `${report.blockTimeMs / 1000} s blocks, normal class max ${report.maxNormalRefTime / 1e12} s ref_time `
    + '(fill: normal ref_time of the blocks holding the kind)');
  console.log(line('', kinds.map((k) => k.label)));
  for (const [name, cell] of rows) console.log(line(name, kinds.map(cell)));
  const { txPerBlock, tps } = report.ratios.recordAnchorsPerTransfers;
  if (txPerBlock !== null) {
    console.log(`record anchors / transfers: tx per block ${txPerBlock.toFixed(2)}, tx/s ${tps.toFixed(2)}`);
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(`bench-tps failed: ${error.message}`);
  process.exit(1);
});
