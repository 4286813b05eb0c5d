// End-to-end checks of the records vault against a real dev node (run by scripts/vault-checks.sh).
//
// usage: node vault-e2e.mjs WS_URL VAULT_URL DOWN_VAULT_URL VAULT_DATA_DIR MAX_BODY_BYTES [BLOB_STORE]
//
// BLOB_STORE is where the vault keeps blobs, named as blob-store.mjs reads it: `local:<dir>`
// (the default, `local:VAULT_DATA_DIR`) or `s3:<endpoint>/<bucket>` (scripts/vault-s3-checks.sh,
// a Garage cluster); the checks look into it to see that refused uploads left nothing. The
// pending index is always local, under VAULT_DATA_DIR.
//
// First, requests the vault must refuse before it asks the chain anything (unsigned, expired,
// forged, replayed, oversized, mismatched, malformed) and a vault whose node is down. Then the
// flow: Charlie (village doctor, Hekou clinic, org 1) uploads a ciphertext for Eve and anchors
// it on chain; Eve reads it back byte for byte through her own signed log_access; readers
// without consent are refused with 403 and no bytes; Charlie reads through the Hekou grant until
// Eve revokes it. Last, erasure: the blob stays through erases that are unsigned, early (the
// record not erased on chain), by the author, for another hash or an unknown record, through a
// stranger's own erased record anchoring Eve's hash, or while another record of Eve's anchors
// it; it goes once all Eve's records anchoring it are erased, and a second erase is a no-op.
// Every refusal leaves nothing behind.
//
// The vault decodes chain data with the runtime it was built from, so the flow needs a node
// built from the same tree. Against an older node (no PatientRecordsApi_may_write) the checks
// stop after the first part with exit status 3, never claiming the flow passed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { u8aEq } from '@polkadot/util';
import { assert, connect, freshAccount, sendAndFinalize, findEvent } from '../lib.mjs';
import { openBlobStore } from './blob-store.mjs';
import { Vault, anchorArgs, contentHash, randomBytes, signedHeaders, signedLogAccess } from './vault-client.mjs';

const [wsUrl, vaultUrl, downUrl, dataDir, maxBodyArg, storeArg] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: node vault-e2e.mjs WS_URL VAULT_URL DOWN_VAULT_URL VAULT_DATA_DIR MAX_BODY_BYTES [BLOB_STORE]');
  process.exit(2);
}
const store = openBlobStore(storeArg ?? `local:${dataDir}`);
const maxBody = Number(maxBodyArg ?? 65536);
const HEKOU_CLINIC = 1;
const COUNTY_HOSPITAL = 0;
const PHARMACY = 3;

const vault = new Vault(vaultUrl);
const down = new Vault(downUrl);
let passed = 0;

function expect(res, status, code, what) {
  const got = res.json?.error ? `${res.status} ${res.json.error}: ${res.json.message}` : `${res.status}`;
  assert(res.status === status, `${what}: expected ${status} ${code ?? ''}, got ${got}`);
  if (code) assert(res.json?.error === code, `${what}: expected error ${code}, got ${got}`);
  if (status >= 400) {
    assert(res.json, `${what}: the refusal has no JSON body`);
    if (code) assert(typeof res.json.message === 'string', `${what}: the refusal has no message`);
    assert(!(res.headers.get('content-type') ?? '').includes('octet-stream'), `${what}: bytes in a refusal`);
  }
  passed += 1;
  console.log(`  ok ${what}: ${got}`);
}

const pendingFile = (hash) => join(dataDir, 'pending', hash.replace(/^0x/, ''));
const notStored = async (bytes, what) => assert(!(await store.exists(contentHash(bytes))),
  `${what} was stored in ${store.describe()}`);

const { api, keyring } = await connect(wsUrl);
try {
  const alice = keyring.addFromUri('//Alice');
  const charlie = keyring.addFromUri('//Charlie');
  const dave = keyring.addFromUri('//Dave');
  const eve = keyring.addFromUri('//Eve');
  const stranger = await freshAccount(api, keyring, 'VaultStranger', alice);
  const forHekou = { patient: eve.address, org: HEKOU_CLINIC };

  console.log('refused before the chain is asked');
  const health = await vault.health();
  expect(health, 200, null, 'health of a vault beside a live node');
  assert(health.json.store.reachable === true && health.json.store.store.startsWith(store.describe().split(' ')[0]),
    `the vault reports store ${JSON.stringify(health.json.store)}, the checks look into ${store.describe()}`);
  const healthDown = await down.health();
  expect(healthDown, 503, null, 'health of a vault whose node is down');
  assert(healthDown.json.node.error === 'node_unavailable' && healthDown.json.store.reachable === true,
    `health without a node: ${JSON.stringify(healthDown.json)}`);

  const small = randomBytes(64);
  expect(await vault.raw('POST', '/v1/blobs', small, { 'x-ruralmed-patient': eve.address,
    'x-ruralmed-category': 'Encounter' }), 401, 'unauthenticated', 'an unsigned upload');
  expect(await vault.upload(charlie, small, { ...forHekou, timestamp: Date.now() - 10 * 60_000 }), 401,
    'request_expired', 'an upload signed ten minutes ago');
  expect(await vault.upload(charlie, small, { ...forHekou, timestamp: Date.now() + 10 * 60_000 }), 401,
    'request_expired', 'an upload signed ten minutes ahead');
  const forged = signedHeaders(charlie, 'POST', '/v1/blobs', small);
  forged['x-ruralmed-account'] = eve.address;
  expect(await vault.raw('POST', '/v1/blobs', small, { ...forged, 'x-ruralmed-patient': eve.address,
    'x-ruralmed-category': 'Encounter' }), 401, 'bad_signature', "Charlie's signature claimed as Eve's");
  // A request refused after its signature was checked (an unknown category), sent twice.
  const replayHeaders = { ...signedHeaders(charlie, 'POST', '/v1/blobs', small),
    'x-ruralmed-patient': eve.address, 'x-ruralmed-category': 'Gossip' };
  expect(await vault.raw('POST', '/v1/blobs', small, replayHeaders), 400, 'bad_request', 'an unknown category');
  expect(await vault.raw('POST', '/v1/blobs', small, replayHeaders), 401, 'request_replayed',
    'the same signed request replayed');
  await notStored(small, 'a refused upload');
  const oversized = randomBytes(maxBody + 1);
  expect(await vault.upload(charlie, oversized, forHekou), 413, 'payload_too_large',
    `a body of ${maxBody + 1} bytes`);
  await notStored(oversized, 'an oversized upload');
  const other = randomBytes(128);
  expect(await vault.upload(charlie, other, { ...forHekou, contentHash: contentHash(randomBytes(128)) }), 422,
    'hash_mismatch', 'a wrong x-ruralmed-content-hash');
  await notStored(other, 'a mismatched upload');
  expect(await vault.anchored(charlie, 'nothex', 0), 400, 'bad_request', 'a malformed hash');
  const someHash = contentHash(small);
  expect(await vault.read(eve, someHash, '0x1234'), 400, 'bad_extrinsic', 'a read with bad SCALE');
  expect(await vault.read(eve, someHash, 'zz'), 400, 'bad_extrinsic', 'a read with bad hex');
  const remark = api.tx.system.remark('0x01');
  await remark.signAsync(eve, { nonce: -1 });
  expect(await vault.read(eve, someHash, remark.toHex()), 400, 'bad_extrinsic', 'a read with another call');
  expect(await vault.read(charlie, someHash, await signedLogAccess(api, eve, 0)), 403, 'signer_mismatch',
    "Charlie presents Eve's log_access");
  expect(await vault.raw('GET', '/v1/nothing'), 404, 'unknown_route', 'an unknown route');
  expect(await down.upload(charlie, small, forHekou), 503, 'node_unavailable',
    'an upload to a vault whose node is down');
  expect(await down.read(eve, someHash, await signedLogAccess(api, eve, 0)), 503, 'node_unavailable',
    'a read from a vault whose node is down');

  console.log('the flow through the chain');
  const ciphertext = randomBytes(4096);
  const hash = contentHash(ciphertext);
  const up = await vault.upload(charlie, ciphertext, { ...forHekou, contentHash: hash });
  if (up.status === 502 && up.json?.message?.includes('PatientRecordsApi_may_write is not found')) {
    console.log(`vault end-to-end: ${passed} checks passed; STOPPED: the node's runtime has no `
      + 'PatientRecordsApi_may_write, so it predates this vault (rebuild the node from this tree)');
    process.exitCode = 3;
  } else {
    expect(up, 201, null, 'Charlie uploads a ciphertext for Eve');
    assert(up.json.hash === hash && up.json.stored === 'new', `upload answer ${JSON.stringify(up.json)}`);
    assert(await store.exists(hash), `the blob is not in ${store.describe()}`);
    assert(existsSync(pendingFile(hash)), 'the blob is not pending');
    const again = await vault.upload(charlie, ciphertext, forHekou);
    expect(again, 201, null, 'the same upload again (write-once)');
    assert(again.json.stored === 'existing', `a second upload: ${JSON.stringify(again.json)}`);

    const daveBlob = randomBytes(256);
    expect(await vault.upload(dave, daveBlob, { patient: eve.address, org: PHARMACY }), 403, 'not_permitted',
      'Dave uploads for Eve without a write basis');
    expect(await vault.upload(stranger, daveBlob, { patient: eve.address }), 403, 'not_permitted',
      'a stranger uploads as if self-reporting for Eve');
    await notStored(daveBlob, 'a refused upload');
    expect(await vault.upload(eve, randomBytes(300), { patient: eve.address, category: 'Observation' }), 201,
      null, 'Eve uploads self-reported data');

    const anchored = await sendAndFinalize(api, api.tx.patientRecords.anchorRecord(...anchorArgs(api, {
      patient: eve.address, org: HEKOU_CLINIC, category: 'Encounter', contentHash: hash,
      size: ciphertext.length, vaultOrg: COUNTY_HOSPITAL, locator: `vault:${hash}`,
    })), charlie);
    const record = findEvent(anchored.events, 'patientRecords', 'RecordAnchored').data.record.toNumber();
    console.log(`  Charlie anchored record ${record} (finalized)`);
    expect(await vault.anchored(charlie, hash, record), 200, null, 'the blob is marked anchored');
    assert(!existsSync(pendingFile(hash)), 'an anchored blob is still pending');
    expect(await vault.anchored(charlie, hash, record), 200, null, 'marking it again (idempotent)');
    expect(await vault.anchored(charlie, hash, 999_999), 404, 'unknown_record', 'marking an unknown record');
    expect(await vault.anchored(charlie, `0x${'ab'.repeat(32)}`, record), 404, 'unknown_blob', 'an unknown blob');
    const second = randomBytes(512);
    const secondUp = await vault.upload(charlie, second, forHekou);
    expect(secondUp, 201, null, 'a second upload, never anchored');
    expect(await vault.anchored(charlie, secondUp.json.hash, record), 409, 'record_mismatch',
      'marking it with a record that anchors another hash');
    assert(existsSync(pendingFile(secondUp.json.hash)), 'a refused mark changed the pending index');

    // Eve reads her record back.
    const eveRead = await vault.read(eve, hash, await signedLogAccess(api, eve, record));
    expect(eveRead, 200, null, 'Eve reads her record through her signed log_access');
    assert(u8aEq(eveRead.bytes, ciphertext), 'Eve got other bytes than were uploaded');
    assert(eveRead.headers.get('content-type') === 'application/octet-stream', 'not octet-stream');
    console.log(`  Eve got ${eveRead.bytes.length} bytes, byte for byte; access logged in block `
      + `${eveRead.headers.get('x-ruralmed-access-block')}`);
    expect(await vault.read(eve, hash, await signedLogAccess(api, eve, 999_999)), 404, 'unknown_record',
      'reading through an unknown record');
    expect(await vault.read(eve, secondUp.json.hash, await signedLogAccess(api, eve, record)), 409,
      'record_mismatch', 'reading a blob through a record that anchors another hash');

    // Readers without consent: the chain refuses, no bytes, nothing counted.
    const accesses = async () => (await api.call.patientRecordsApi.patient(eve.address)).unwrap()
      .accessCount.toNumber();
    const before = await accesses();
    for (const [name, who] of [['a fresh account', stranger], ['Dave the pharmacist', dave]]) {
      const res = await vault.read(who, hash, await signedLogAccess(api, who, record));
      expect(res, 403, 'access_refused', `${name} is refused`);
      assert(res.json.message === 'patientRecords.NoReadAccess', `${name}: ${res.json.message}`);
    }
    const after = await accesses();
    assert(after === before, `refused reads were counted: ${before} -> ${after}`);

    // Charlie reads through the Hekou grant.
    const charlieRead = await vault.read(charlie, hash, await signedLogAccess(api, charlie, record));
    expect(charlieRead, 200, null, 'Charlie reads through the Hekou grant');
    assert(u8aEq(charlieRead.bytes, ciphertext), 'Charlie got other bytes');

    // Eve revokes the Hekou grant: Charlie's next read fails on chain.
    const grants = await api.call.consentApi.grantsOf(eve.address);
    const hekou = grants.find((g) => {
      const org = g.grantee.toJSON().organisation;
      return org === HEKOU_CLINIC || org?.org === HEKOU_CLINIC;
    });
    assert(hekou, `Eve has no grant to the Hekou clinic: ${JSON.stringify(grants.toJSON())}`);
    await sendAndFinalize(api, api.tx.consent.revokeConsent(hekou.id), eve);
    console.log(`  Eve revoked grant ${hekou.id.toString()} (finalized)`);
    const revoked = await vault.read(charlie, hash, await signedLogAccess(api, charlie, record));
    expect(revoked, 403, 'access_refused', `Charlie after the revocation (${revoked.json?.message})`);
    expect(await vault.read(eve, hash, await signedLogAccess(api, eve, record)), 200, null,
      'Eve still reads her own record');
    // An extrinsic is good for one read: the same one again is stale.
    const once = await signedLogAccess(api, eve, record);
    expect(await vault.read(eve, hash, once), 200, null, 'a read');
    expect(await vault.read(eve, hash, once), 422, 'extrinsic_rejected', 'the same log_access again');

    // Erasure: the blob stays until its record is erased on chain (finalized), and then goes
    // only for the record's patient or guardian, and only if it is the patient's own blob.
    console.log('erasure');
    const stillKept = async (what) => assert(await store.exists(hash), `${what} deleted the blob`);
    const erasePath = `/v1/blobs/${hash}`;
    const eraseBody = new TextEncoder().encode(JSON.stringify({ record }));
    expect(await vault.raw('DELETE', erasePath, eraseBody, { 'content-type': 'application/json' }), 401,
      'unauthenticated', 'an unsigned erase');
    expect(await vault.erase(eve, hash, record), 409, 'not_erased', 'Eve erases the blob before the record');
    expect(await vault.erase(charlie, hash, record), 403, 'not_patient_or_guardian', 'Charlie (the author) erases it');
    expect(await vault.erase(eve, secondUp.json.hash, record), 409, 'record_mismatch',
      'Eve erases another blob through her record');
    expect(await vault.erase(eve, hash, 999_999), 404, 'unknown_record', 'an erase through an unknown record');
    await stillKept('a refused erase');

    // A stranger anchors Eve's hash in a record of their own and erases that: Eve's blob stays.
    await sendAndFinalize(api, api.tx.patientRecords.registerPatient(), stranger);
    const selfReport = (patient, who) => sendAndFinalize(api, api.tx.patientRecords.anchorSelfReportedRecord(
      patient.address, 'Observation', hash, COUNTY_HOSPITAL, ciphertext.length, null), who);
    const strangers = findEvent((await selfReport(stranger, stranger)).events, 'patientRecords', 'RecordAnchored')
      .data.record.toNumber();
    await sendAndFinalize(api, api.tx.patientRecords.eraseRecord(strangers), stranger);
    expect(await vault.erase(stranger, hash, strangers), 409, 'foreign_blob',
      `a stranger erases Eve's blob through their own erased record ${strangers}`);
    await stillKept("the stranger's erase");

    // Eve anchors the same ciphertext twice; erasing one record leaves the blob to the other.
    const twin = findEvent((await selfReport(eve, eve)).events, 'patientRecords', 'RecordAnchored').data.record.toNumber();
    await sendAndFinalize(api, api.tx.patientRecords.eraseRecord(record), eve);
    console.log(`  Eve erased record ${record} on chain (finalized); record ${twin} anchors the same blob`);
    expect(await vault.erase(charlie, hash, record), 403, 'not_patient_or_guardian', 'Charlie erases it after the erasure');
    const blocked = await vault.erase(eve, hash, record);
    expect(blocked, 409, 'still_anchored', 'Eve erases it while another record of hers anchors it');
    assert(blocked.json.message.includes(`record ${twin} `), `still_anchored names another record: ${blocked.json.message}`);
    await stillKept('an erase refused for the twin');
    const twinRead = await vault.read(eve, hash, await signedLogAccess(api, eve, twin));
    expect(twinRead, 200, null, 'after every refusal the blob still reads');
    assert(u8aEq(twinRead.bytes, ciphertext), 'the blob changed');

    await sendAndFinalize(api, api.tx.patientRecords.eraseRecord(twin), eve);
    const erased = await vault.erase(eve, hash, record);
    expect(erased, 200, null, 'Eve erases the blob once both records are erased');
    assert(erased.json.deleted === true, `erase answer ${JSON.stringify(erased.json)}`);
    assert(!(await store.exists(hash)), `the blob is still in ${store.describe()}`);
    const erasedAgain = await vault.erase(eve, hash, twin);
    expect(erasedAgain, 200, null, 'the same erase again (idempotent)');
    assert(erasedAgain.json.deleted === false, `a second erase: ${JSON.stringify(erasedAgain.json)}`);
    expect(await vault.read(eve, hash, await signedLogAccess(api, eve, twin)), 404, 'unknown_blob',
      'Eve reads the erased blob');

    console.log(`vault end-to-end: ${passed} checks passed`);
  }
} finally {
  await api.disconnect();
}
