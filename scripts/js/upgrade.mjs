// The runtime upgrade, end to end, on a chain started from the previous release: a snapshot of
// every medical pallet's storage; refusals (a non-member's proposal, code whose hash was not
// authorised, an authorised upgrade that does not raise spec_version); the health council
// authorises the new code by a two-thirds motion and a plain account submits it; then the new
// spec_version is live, blocks are still produced and finalized, the storage migration ran once,
// and every record, grant, lot and allocation written before the upgrade is still there.
//
// usage: node upgrade.mjs ws://127.0.0.1:9944 new-runtime.wasm old-runtime.wasm
import { readFileSync } from 'node:fs';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { connect, assert, send, expectFailure, findEvent, councilMotion, describeError, extrinsicEvents } from './lib.mjs';
import { palletDigest, MEDICAL_PALLETS } from './storage-digest.mjs';
import { MIGRATIONS } from './migration-checks.mjs';

const [url, newWasmPath, oldWasmPath] = process.argv.slice(2);
const newCode = readFileSync(newWasmPath);
const oldCode = readFileSync(oldWasmPath);
const { api, keyring } = await connect(url);
const alice = keyring.addFromUri('//Alice');
const bob = keyring.addFromUri('//Bob');
const charlie = keyring.addFromUri('//Charlie');
const dave = keyring.addFromUri('//Dave');

async function finalizedAt(min) {
  for (let i = 0; i < 120; i += 1) {
    const head = await api.rpc.chain.getFinalizedHead();
    const n = (await api.rpc.chain.getHeader(head)).number.toNumber();
    if (n >= min) return { head: head.toHex(), number: n };
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`finalized head did not reach #${min} in 120 s`);
}

async function snapshot(at) {
  const out = {};
  for (const pallet of MEDICAL_PALLETS) {
    const migrated = MIGRATIONS.find((m) => m.pallet === pallet);
    out[pallet] = await palletDigest(api, pallet, at,
      migrated ? [':__STORAGE_VERSION__:', ...migrated.items] : []);
  }
  return out;
}

try {
  const before = await api.rpc.state.getRuntimeVersion();
  const oldSpec = before.specVersion.toNumber();
  console.log(`  running ${before.specName} ${oldSpec}; new code ${newCode.length} bytes, ${blake2AsHex(newCode)}`);

  // Everything the checks wrote, at a finalized block, and the migrated pallet decoded.
  // Wait until everything the checks wrote is finalized, then take the snapshot there.
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const start = await finalizedAt(best);
  const beforeData = await snapshot(start.head);
  const migrations = [];
  for (const m of MIGRATIONS) migrations.push(await m.checks(api, start.head));
  for (const [pallet, d] of Object.entries(beforeData)) console.log(`  before: ${pallet} ${d.entries} entries`);

  // Refusals.
  const authorise = (code) => api.tx.governance.authorizeUpgrade(blake2AsHex(code));
  await expectFailure(api, api.tx.council.propose(2, authorise(newCode).method,
    authorise(newCode).method.encodedLength), dave, 'council.NotMember');
  await expectFailure(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(newCode)), dave,
    'system.NothingAuthorized');
  const same = await councilMotion(api, authorise(oldCode), [alice, bob], 2);
  assert(same.result === 'ok', `authorising the running code: ${same.result}`);
  // Now one hash is authorised: other code is refused.
  await expectFailure(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(newCode)), dave,
    'system.Unauthorized');
  // Authorised code that does not raise spec_version is rejected when applied (an event, since
  // the call itself succeeds in clearing the authorisation).
  const rejected = await send(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(oldCode)), dave,
    { timeoutMs: 180_000 });
  const why = findEvent(rejected.events, 'system', 'RejectedInvalidAuthorizedUpgrade').data.error;
  assert(describeError(api, why) === 'system.SpecVersionNeedsToIncrease', `rejected with ${describeError(api, why)}`);
  assert((await api.query.system.authorizedUpgrade()).isNone, 'authorisation left behind');
  console.log('  refused: a non-member\'s proposal, unauthorised code, code that does not raise spec_version');

  // The council authorises the new code (2 of 3); Dave, no council member, submits it.
  const carried = await councilMotion(api, authorise(newCode), [bob, charlie], 2);
  assert(carried.result === 'ok', `authorising the new code: ${carried.result}`);
  findEvent(carried.events, 'system', 'UpgradeAuthorized');
  const applied = await send(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(newCode)), dave,
    { timeoutMs: 180_000 });
  const updated = findEvent(applied.events, 'system', 'CodeUpdated');
  assert(updated.data[0].toHex() === blake2AsHex(newCode), `CodeUpdated for ${updated.data[0].toHex()}`);
  // The same event read straight from the block with the metadata of the runtime that ran it
  // (the path send() falls back to; polkadot.js itself may decode this block with the new one).
  const direct = await extrinsicEvents(api, applied.blockHash, applied.txHash);
  assert(findEvent(direct.events, 'system', 'CodeUpdated').data[0].toHex() === blake2AsHex(newCode),
    'CodeUpdated read from the block names other code');
  const upgradedAt = (await api.rpc.chain.getHeader(applied.blockHash)).number.toNumber();
  console.log(`  code updated in block #${upgradedAt}`);

  // The new runtime runs from the next block: spec_version up, blocks finalized past it.
  const after = await finalizedAt(upgradedAt + 3);
  const version = await api.rpc.state.getRuntimeVersion(after.head);
  assert(version.specVersion.toNumber() > oldSpec,
    `spec_version ${version.specVersion} after the upgrade, was ${oldSpec}`);
  const last = await api.rpc.state.getStorage(api.query.system.lastRuntimeUpgrade.key(), after.head);
  console.log(`  spec_version ${oldSpec} -> ${version.specVersion}, finalized #${after.number}`);

  // Data: unchanged pallets byte for byte; migrated pallets as their migrations say.
  const afterData = await snapshot(after.head);
  // (For a migrated pallet: everything but the migrated items and its version.)
  for (const pallet of MEDICAL_PALLETS) {
    assert(afterData[pallet].hash === beforeData[pallet].hash,
      `${pallet} changed across the upgrade (${beforeData[pallet].entries} -> ${afterData[pallet].entries} entries)`);
  }
  for (const migration of migrations) await migration.verify(after.head);
  assert(last !== null, 'no lastRuntimeUpgrade');
  const rewritten = MIGRATIONS.map((m) => m.items.map((item) => `${m.pallet}.${item}`)).flat();
  console.log(`  ${MEDICAL_PALLETS.join(', ')} unchanged byte for byte (but ${rewritten.join(', ')})`);
  for (const migration of migrations) console.log(`  ${migration.summary()}`);

  // Validators (spec 106): the chain's genesis authority is now the council's validator with
  // its keys in the session; the council cannot remove it (fewer than three would remain); with
  // the shortest session the council may set, sessions rotate and blocks are still finalized.
  for (let i = 0; i < 30 && !api.query.validatorSet; i += 1) await new Promise((r) => setTimeout(r, 1000));
  assert(api.query.validatorSet, 'the new runtime\'s metadata has no validatorSet');
  const councilSet = (await api.query.validatorSet.validators()).map(String);
  const sessionSet = (await api.query.session.validators()).map(String);
  const aliceAddress = api.createType('AccountId', alice.publicKey).toString();
  assert(JSON.stringify(councilSet) === JSON.stringify([aliceAddress]), `validatorSet.validators ${councilSet}`);
  assert(JSON.stringify(sessionSet) === JSON.stringify([aliceAddress]), `session.validators ${sessionSet}`);
  const aliceKeys = await api.query.session.nextKeys(alice.publicKey);
  assert(aliceKeys.isSome && aliceKeys.unwrap().aura.toHex() === u8aToHex(alice.publicKey),
    'Alice\'s Aura key is not her registered session key');
  const refusedRemoval = await councilMotion(api, api.tx.validatorSet.removeValidator(alice.address), [alice, bob], 2);
  assert(refusedRemoval.result === 'validatorSet.TooFewValidators', `removing the last validator: ${refusedRemoval.result}`);
  const minimum = api.consts.validatorSet.minSessionLength.toNumber();
  const shorter = await councilMotion(api, api.tx.validatorSet.setSessionLength(minimum), [alice, bob], 2);
  assert(shorter.result === 'ok', `setting the session length: ${shorter.result}`);
  const session0 = (await api.query.session.currentIndex()).toNumber();
  const rotationStart = Date.now();
  let session1 = session0;
  while (session1 === session0 && Date.now() - rotationStart < (minimum + 5) * 6_000) {
    await new Promise((r) => setTimeout(r, 2000));
    session1 = (await api.query.session.currentIndex()).toNumber();
  }
  assert(session1 > session0, `no session ended within ${minimum + 5} blocks of ${minimum}-block sessions`);
  const rotatedAt = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalAfter = await finalizedAt(rotatedAt + 2);
  const auraAfter = (await api.query.aura.authorities()).map((k) => k.toHex());
  assert(auraAfter.length === 1 && auraAfter[0] === u8aToHex(alice.publicKey), `Aura's authorities after the session: ${auraAfter}`);
  console.log(`  validators: Alice's genesis authority is the council's validator with her keys in the session; removing it refused (TooFewValidators); session ${session0} -> ${session1} at #${rotatedAt} with ${minimum}-block sessions, finalized #${finalAfter.number}, Aura unchanged`);
} finally {
  await api.disconnect();
}
