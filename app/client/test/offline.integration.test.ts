// Work kept while offline and sent later, against a real node and a real vault
// (RURALMED_WS=ws://…, RURALMED_VAULT_URL=http://…; scripts/vault-checks.sh sets both).
// DaveStash, village doctor at the Shanzhuang clinic (org 2), enrols a new patient who lets the
// clinic write. Then, with nothing asked of the node or the vault, Dave writes three records and
// the patient, on the clinic's device, lets the county hospital read; all is signed immortal.
// Sent later: everything lands in the order it was done, the records readable by the patient.
// Then the bad cases: the patient stops the clinic's access before the next record is sent (it
// is set aside with the chain's reason, its data kept, and the work behind it still lands);
// Dave's known nonce is stale (signed again); the patient's own kept consent has a used nonce
// and Dave cannot sign for her (set aside); a set-aside record is tried again after consent is
// back; waiting work cannot be deleted.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { mnemonicGenerate } from '@polkadot/util-crypto';

import {
  ChainError, EncryptionKeyring, getRecord, MemoryOutboxStore, noteChainNonce, openQueuedRecord, outboxItems, outboxSummary, patientInfo,
  publishEncryptionKey, queueCall, queueRecord, readRecord, registerPatientFor, removeOutboxItem, retryOutboxItem, sendOutbox, submit, VaultClient,
  type OutboxItem,
} from '../src/index.js';

const WS = process.env.RURALMED_WS;
const VAULT_URL = process.env.RURALMED_VAULT_URL;
const COUNTY_HOSPITAL = 0; // runs the vault
const SHANZHUANG_CLINIC = 2;

const visit = (n: number): Record<string, unknown> => ({
  resourceType: 'Encounter', id: `offline-${n}`, status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
  subject: { reference: 'Patient/p' }, period: { start: '2026-12-04T09:00:00+08:00' }, reasonCode: [{ text: `offline visit ${n}` }],
});

describe('offline work kept and sent later (dev node + vault)', { skip: WS === undefined || VAULT_URL === undefined ? 'RURALMED_WS or RURALMED_VAULT_URL is not set' : false }, () => {
  let api: ApiPromise;
  let vault: VaultClient;
  let dave: KeyringPair, patient: KeyringPair;
  let daveKeys: EncryptionKeyring, patientKeys: EncryptionKeyring;
  const store = new MemoryOutboxStore();

  const tx = (pallet: string, call: string): ((...args: unknown[]) => Parameters<typeof submit>[1]) => {
    const fn = api.tx[pallet]?.[call];
    assert.ok(fn, `the runtime has ${pallet}.${call}`);
    return fn;
  };
  const nonceOf = async (who: string): Promise<number> => Number((await api.rpc.system.accountNextIndex(who)).toString());
  const recordCount = async (): Promise<bigint> => (await patientInfo(api, patient.address))?.recordCount ?? -1n;
  const grants = async (): Promise<{ id: number; grantee: Record<string, unknown>; canWrite: boolean }[]> => {
    const call = api.call.consentApi?.grantsOf;
    assert.ok(call);
    return (await call(patient.address)).toJSON() as { id: number; grantee: Record<string, unknown>; canWrite: boolean }[];
  };
  const grantCall = async (org: number, canWrite: boolean): Promise<Parameters<typeof submit>[1]> => {
    const block = (await api.rpc.chain.getHeader()).number.toNumber();
    return tx('consent', 'grantConsent')(patient.address, { Organisation: { org, roles: [] } }, ['Treatment'], { AllRecords: null }, block, block + 10_000, canWrite, false);
  };
  const reasons = async (): Promise<string> => JSON.stringify((await outboxItems(store)).filter((i) => i.state === 'setAside').map((i) => i.reason));
  const byId = async (id: string): Promise<OutboxItem> => {
    const item = (await outboxItems(store)).find((i) => i.id === id);
    assert.ok(item);
    return item;
  };

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    vault = new VaultClient(VAULT_URL ?? '');
    const keyring = new Keyring({ type: 'sr25519' });
    const patientSuri = mnemonicGenerate(12);
    dave = keyring.addFromUri('//Dave//stash');
    patient = keyring.addFromUri(patientSuri);
    [daveKeys, patientKeys] = await Promise.all([EncryptionKeyring.fromSuri('//Dave//stash'), EncryptionKeyring.fromSuri(patientSuri)]);
    await publishEncryptionKey(api, dave, daveKeys);
    await registerPatientFor(api, dave, { patient: patient.address, org: SHANZHUANG_CLINIC });
    await publishEncryptionKey(api, patient, patientKeys);
    await submit(api, await grantCall(SHANZHUANG_CLINIC, true), patient, { finalized: true }); // the vault checks finalized state
    // What the app notes while online, for the nonces of later offline work.
    await noteChainNonce(store, dave.address, await nonceOf(dave.address));
    await noteChainNonce(store, patient.address, await nonceOf(patient.address));
  });
  after(async () => {
    await api.disconnect();
  });

  it('offline: Dave writes three records and the patient lets the county hospital read; each is kept signed, nothing sent', async () => {
    const before = await recordCount();
    const daveNonce = await nonceOf(dave.address);
    for (const n of [1, 2, 3]) {
      await queueRecord(api, store, dave, daveKeys, { patient: patient.address, org: SHANZHUANG_CLINIC, category: 'Encounter', resource: visit(n), vaultOrg: COUNTY_HOSPITAL });
    }
    await queueCall(api, store, patient, await grantCall(COUNTY_HOSPITAL, false), { kind: 'consent', subject: patient.address });
    const items = await outboxItems(store);
    assert.deepEqual(items.map((i) => [i.kind, i.signer, i.nonce]), [
      ['record', dave.address, daveNonce], ['record', dave.address, daveNonce + 1], ['record', dave.address, daveNonce + 2], ['consent', patient.address, await nonceOf(patient.address)],
    ]);
    // Immortal: the era is one zero byte right after the signature.
    for (const item of items) assert.equal(api.createType('Extrinsic', item.signed).era.isImmortalEra, true);
    assert.deepEqual(await outboxSummary(store), { waiting: 4, setAside: 0, sent: 0, lastSync: null });
    assert.equal(await recordCount(), before, 'nothing reached the chain');
    assert.deepEqual(await openQueuedRecord((items[1]?.record ?? assert.fail()), dave.address, daveKeys), visit(2), 'the author can open what is kept');
  });

  it('back online: everything lands in the order it was done, and the patient reads each record', async () => {
    const report = await sendOutbox(api, vault, store, dave, daveKeys);
    assert.deepEqual(report, { sent: 4, setAside: 0, waiting: 0 }, await reasons());
    const items = await outboxItems(store);
    const ids = items.filter((i) => i.kind === 'record').map((i) => BigInt(i.record?.recordId ?? -1));
    assert.deepEqual([...ids].sort((a, b) => (a < b ? -1 : 1)), ids, 'record ids follow the order of writing');
    for (const [n, id] of ids.entries()) {
      assert.equal(u8aToHex((await getRecord(api, id))?.contentHash), items[n]?.record?.contentHash);
      assert.deepEqual((await readRecord(api, vault, patient, patientKeys, id, 'Treatment')).resource, visit(n + 1));
    }
    assert.ok((await grants()).some((g) => JSON.stringify(g.grantee).includes(`"org":${COUNTY_HOSPITAL}`)), 'the county hospital may read');
    const summary = await outboxSummary(store);
    assert.equal(summary.waiting, 0);
    assert.ok(summary.lastSync !== null && Date.now() - summary.lastSync < 600_000);
  });

  it('the patient stops the clinic meanwhile: that record is set aside with the reason and kept; the work behind it lands', async () => {
    const clinic = (await grants()).find((g) => g.canWrite && JSON.stringify(g.grantee).includes(`"org":${SHANZHUANG_CLINIC}`));
    assert.ok(clinic);
    const refused = await queueRecord(api, store, dave, daveKeys, { patient: patient.address, org: SHANZHUANG_CLINIC, category: 'Encounter', resource: visit(4), vaultOrg: COUNTY_HOSPITAL });
    await submit(api, tx('consent', 'revokeConsent')(clinic.id), patient, { finalized: true });
    // Kept after it: the patient gives the clinic read access back, signed on the device.
    await noteChainNonce(store, patient.address, await nonceOf(patient.address));
    const later = await queueCall(api, store, patient, await grantCall(SHANZHUANG_CLINIC, false), { kind: 'consent', subject: patient.address });
    const before = await recordCount();
    const report = await sendOutbox(api, vault, store, dave, daveKeys);
    assert.deepEqual(report, { sent: 1, setAside: 1, waiting: 0 }, await reasons());
    const setAside = await byId(refused.id);
    assert.equal(setAside.state, 'setAside');
    assert.match(setAside.reason?.code ?? '', /^vault\.not_permitted$/, JSON.stringify(setAside.reason));
    assert.equal(await recordCount(), before, 'no anchor');
    assert.deepEqual(await openQueuedRecord(setAside.record ?? assert.fail(), dave.address, daveKeys), visit(4), 'its data is kept to redo');
    assert.equal((await byId(later.id)).state, 'sent');
  });

  it('waiting or set-aside work is not deleted by accident; unknown items are refused', async () => {
    const waiting = await queueRecord(api, store, dave, daveKeys, { patient: patient.address, org: SHANZHUANG_CLINIC, category: 'Encounter', resource: visit(5), vaultOrg: COUNTY_HOSPITAL });
    const count = (await store.all()).length;
    await assert.rejects(removeOutboxItem(store, waiting.id), (e: unknown) => e instanceof ChainError && e.error === 'StillWaiting');
    await assert.rejects(removeOutboxItem(store, 'no-such-item'), (e: unknown) => e instanceof ChainError && e.error === 'UnknownItem');
    await assert.rejects(retryOutboxItem(store, dave, waiting.id), (e: unknown) => e instanceof ChainError && e.error === 'NotSetAside');
    await assert.rejects(retryOutboxItem(store, dave, 'no-such-item'), (e: unknown) => e instanceof ChainError && e.error === 'UnknownItem');
    assert.equal((await store.all()).length, count);
    assert.equal((await byId(waiting.id)).state, 'waiting');
  });

  it('consent is back: the set-aside record is tried again by Dave, with Dave\'s known nonce stale, and lands once', async () => {
    await submit(api, await grantCall(SHANZHUANG_CLINIC, true), patient, { finalized: true }); // the vault checks finalized state
    // Dave worked online elsewhere meanwhile: the nonces his kept work was signed with are used.
    await submit(api, tx('system', 'remark')('0x00'), dave);
    const setAside = (await outboxItems(store)).find((i) => i.state === 'setAside' && i.kind === 'record');
    assert.ok(setAside);
    await assert.rejects(retryOutboxItem(store, patient, setAside.id), (e: unknown) => e instanceof ChainError && e.error === 'SignerAbsent');
    await retryOutboxItem(store, dave, setAside.id);
    const before = await recordCount();
    const report = await sendOutbox(api, vault, store, dave, daveKeys);
    assert.deepEqual(report, { sent: 2, setAside: 0, waiting: 0 }, await reasons());
    assert.equal(await recordCount(), before + 2n);
    const retried = await byId(setAside.id);
    assert.equal(retried.state, 'sent');
    assert.deepEqual((await readRecord(api, vault, patient, patientKeys, BigInt(retried.record?.recordId ?? -1), 'Treatment')).resource, visit(4));
    // Sent work may be cleared away.
    await removeOutboxItem(store, retried.id);
    assert.equal((await store.all()).some((i) => i.id === retried.id), false);
  });

  it("the patient's kept consent whose nonce she used meanwhile: Dave cannot sign for her, so it is set aside for her", async () => {
    await noteChainNonce(store, patient.address, await nonceOf(patient.address));
    const kept = await queueCall(api, store, patient, await grantCall(COUNTY_HOSPITAL, true), { kind: 'consent', subject: patient.address });
    await submit(api, tx('patientRecords', 'addCareOrganisation')(patient.address, COUNTY_HOSPITAL), patient);
    const report = await sendOutbox(api, vault, store, dave, daveKeys);
    assert.deepEqual(report, { sent: 0, setAside: 1, waiting: 0 }, await reasons());
    const item = await byId(kept.id);
    assert.equal(item.reason?.code, 'SignerAbsent');
    // She signs it again herself, and it lands.
    await retryOutboxItem(store, patient, kept.id);
    assert.deepEqual(await sendOutbox(api, vault, store, patient, patientKeys), { sent: 1, setAside: 0, waiting: 0 });
  });
});
