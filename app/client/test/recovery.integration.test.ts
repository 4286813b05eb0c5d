// A patient who loses their phone, against a real node and a real vault (RURALMED_WS=ws://…,
// RURALMED_VAULT_URL=http://…; scripts/vault-checks.sh sets both). A new patient with no tokens,
// enrolled by DaveStash (village doctor, Shanzhuang clinic), has two records and names two
// friends: Dave (who takes over) and FerdieStash (family), both needed, with a short delay a
// test can wait for (the app offers days). Bad groups are refused before anything is sent; an
// attempt the patient still holding the phone cancels changes nothing. Then the phone is lost:
// Dave starts, Ferdie agrees, the delay passes, Dave takes over and makes the new phone act for
// the account; the new phone publishes its key, cannot open the records until Dave renews the
// shares, then reads both through the vault (logged as the patient's reads) and stops a grant
// the old phone gave. Everything the patient side does is free; a stranger's proxied read is
// refused by the chain through the vault.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { mnemonicGenerate } from '@polkadot/util-crypto';

import {
  accessLogOf, actsFor, approveRecovery, attemptsOf, cancelRecovery, ChainError, checkFriendGroup, EncryptionKeyring, EnvelopeError, finishRecovery,
  friendGroupsOf, getRecord, giveControlToNewPhone, inheritorOf, publishEncryptionKey, publishKeyForRecovered, readRecord, readRecords,
  registerPatientFor, renewPatientShares, setFriendGroups, keypairSigner, signedLogAccess, startRecovery, submit, VaultClient, VaultError, writeRecord,
} from '../src/index.js';

const WS = process.env.RURALMED_WS;
const VAULT_URL = process.env.RURALMED_VAULT_URL;
const COUNTY_HOSPITAL = 0; // runs the vault
const SHANZHUANG_CLINIC = 2;
/** Blocks an attempt waits: a minute of 6-second blocks. */
const DELAY = 10;

const visit = (n: number): Record<string, unknown> => ({
  resourceType: 'Encounter', id: `before-the-loss-${n}`, status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
  subject: { reference: 'Patient/p' }, period: { start: '2026-12-04T09:00:00+08:00' }, reasonCode: [{ text: `visit ${n}` }],
});

async function rejectsCode(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    const got = e instanceof ChainError ? e.code : e instanceof EnvelopeError ? e.kind : e instanceof VaultError ? `vault.${e.code}` : String(e);
    assert.equal(got, code, String(e));
    return true;
  });
}

describe('recovery: friends give a lost phone\'s account to a new phone (dev node + vault)', { skip: WS === undefined || VAULT_URL === undefined ? 'RURALMED_WS or RURALMED_VAULT_URL is not set' : false }, () => {
  let api: ApiPromise;
  let vault: VaultClient;
  let dave: KeyringPair, ferdie: KeyringPair, eve: KeyringPair, patient: KeyringPair, phone: KeyringPair;
  let daveKeys: EncryptionKeyring, phoneKeys: EncryptionKeyring;
  const records: bigint[] = [];

  const free = async (who: string): Promise<bigint> => BigInt(((await api.query.system?.account?.(who))?.toJSON() as { data: { free: string | number } }).data.free);
  const used = async (): Promise<number> => ((await api.query.patientRecords?.freeCallsUsed?.(patient.address))?.toJSON() as { used?: number } | null)?.used ?? 0;
  const tx = (pallet: string, call: string): ((...args: unknown[]) => Parameters<typeof submit>[1]) => {
    const fn = api.tx[pallet]?.[call];
    assert.ok(fn, `the runtime has ${pallet}.${call}`);
    return fn;
  };
  const head = async (): Promise<number> => (await api.rpc.chain.getHeader()).number.toNumber();
  const group = { friendsNeeded: 2, inheritanceDelay: DELAY, cancelDelay: 1 };

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    vault = new VaultClient(VAULT_URL ?? '');
    const keyring = new Keyring({ type: 'sr25519' });
    const patientSuri = mnemonicGenerate(12);
    const phoneSuri = mnemonicGenerate(12);
    dave = keyring.addFromUri('//Dave//stash');
    ferdie = keyring.addFromUri('//Ferdie//stash');
    eve = keyring.addFromUri('//Eve');
    patient = keyring.addFromUri(patientSuri);
    phone = keyring.addFromUri(phoneSuri);
    const patientKeys = await EncryptionKeyring.fromSuri(patientSuri);
    [daveKeys, phoneKeys] = await Promise.all([EncryptionKeyring.fromSuri('//Dave//stash'), EncryptionKeyring.fromSuri(phoneSuri)]);
    await publishEncryptionKey(api, dave, daveKeys);
    await registerPatientFor(api, dave, { patient: patient.address, org: SHANZHUANG_CLINIC });
    await publishEncryptionKey(api, patient, patientKeys);
    const block = await head();
    await submit(api, tx('consent', 'grantConsent')(patient.address, { Organisation: { org: SHANZHUANG_CLINIC, roles: [] } }, ['Treatment'], { AllRecords: null }, block, block + 10_000, true, false), patient, { finalized: true });
    for (const n of [1, 2]) {
      const { recordId } = await writeRecord(api, vault, dave, { patient: patient.address, org: SHANZHUANG_CLINIC, category: 'Encounter', resource: visit(n), vaultOrg: COUNTY_HOSPITAL });
      records.push(recordId);
    }
    // The patient reads them on the phone she still has.
    assert.deepEqual((await readRecord(api, vault, patient, patientKeys, records[0] ?? 0n, 'Treatment')).resource, visit(1));
  });
  after(async () => {
    await api.disconnect();
  });

  it('bad friend groups are refused before anything is sent', async () => {
    const friends = [dave.address, ferdie.address];
    const refused = (g: Parameters<typeof checkFriendGroup>[1]): void => {
      assert.throws(() => checkFriendGroup(patient.address, g), (e: unknown) => e instanceof ChainError && e.code === 'InvalidFriendGroup');
    };
    refused({ ...group, friends: [], inheritor: dave.address });
    refused({ ...group, friends, inheritor: eve.address });
    refused({ ...group, friends: [dave.address, dave.address], inheritor: dave.address });
    refused({ ...group, friends: [...friends, patient.address], inheritor: dave.address });
    refused({ ...group, friends, inheritor: dave.address, friendsNeeded: 3 });
    refused({ ...group, friends, inheritor: dave.address, friendsNeeded: 0 });
    refused({ ...group, friends, inheritor: dave.address, inheritanceDelay: 0 });
    refused({ ...group, friends, inheritor: dave.address, cancelDelay: 1.5 });
    await rejectsCode(setFriendGroups(api, patient, patient.address, [{ ...group, friends, inheritor: eve.address }]), 'InvalidFriendGroup');
    assert.deepEqual(await friendGroupsOf(api, patient.address), []);
  });

  it('the patient names Dave and Ferdie, for free; an attempt she cancels changes nothing', async () => {
    const before = await used();
    await setFriendGroups(api, patient, patient.address, [{ ...group, friends: [ferdie.address, dave.address], inheritor: dave.address }], { finalized: true });
    const [named] = await friendGroupsOf(api, patient.address);
    assert.ok(named);
    assert.deepEqual(named.friends.slice().sort(), [dave.address, ferdie.address].sort());
    assert.equal(named.inheritor, dave.address);
    assert.equal(await free(patient.address), 0n, 'the patient holds nothing');
    assert.equal(await used(), before + 1, 'one free call');

    await rejectsCode(startRecovery(api, eve, patient.address, 0), 'Recovery.NotFriend');
    await rejectsCode(startRecovery(api, ferdie, patient.address, 1), 'Recovery.NotFriendGroup');
    await startRecovery(api, ferdie, patient.address, 0);
    assert.deepEqual((await attemptsOf(api, patient.address)).map((a) => [a.initiator, a.approvals]), [[ferdie.address, [ferdie.address]]]);
    await rejectsCode(cancelRecovery(api, eve, patient.address, 0), 'Recovery.NotCanceller');
    // She still has the phone: she stops it at once, for free.
    await cancelRecovery(api, patient, patient.address, 0);
    assert.deepEqual(await attemptsOf(api, patient.address), []);
    assert.equal(await inheritorOf(api, patient.address), null);
    assert.equal(await free(patient.address), 0n);
  });

  it('the phone is lost: both friends agree, the delay passes and Dave takes over', async () => {
    await startRecovery(api, dave, patient.address, 0);
    await rejectsCode(finishRecovery(api, dave, patient.address, 0), 'Recovery.NotApproved');
    await rejectsCode(approveRecovery(api, dave, patient.address, 0), 'Recovery.AlreadyVoted');
    await approveRecovery(api, ferdie, patient.address, 0);
    const [attempt] = await attemptsOf(api, patient.address);
    assert.ok(attempt);
    assert.deepEqual(attempt.approvals.slice().sort(), [dave.address, ferdie.address].sort());
    if ((await head()) < attempt.startedAt + DELAY - 1) await rejectsCode(finishRecovery(api, dave, patient.address, 0), 'Recovery.NotYetInheritable');
    while ((await head()) < attempt.startedAt + DELAY) await new Promise((r) => setTimeout(r, 3000));
    await finishRecovery(api, dave, patient.address, 0, { finalized: true });
    assert.equal(await inheritorOf(api, patient.address), dave.address);
    assert.deepEqual(await attemptsOf(api, patient.address), []);
  });

  it('Dave makes the new phone act for the account; only he can, and only once', async () => {
    const acting = phoneKeys.actingFor(patient.publicKey);
    // Before: the new phone holds nothing and acts for nobody; its key cannot be published.
    assert.equal(await actsFor(api, phone.address, patient.address), false);
    await assert.rejects(publishKeyForRecovered(api, phone, acting));
    await rejectsCode(giveControlToNewPhone(api, eve, { lost: patient.address, newPhone: phone.address }), 'Recovery.NotInheritor');
    await rejectsCode(giveControlToNewPhone(api, dave, { lost: patient.address, newPhone: patient.address }), 'InvalidArgument');
    assert.equal(await free(phone.address), 0n, 'nothing changed');
    await giveControlToNewPhone(api, dave, { lost: patient.address, newPhone: phone.address }, { finalized: true });
    assert.equal(await actsFor(api, phone.address, patient.address), true);
    await rejectsCode(giveControlToNewPhone(api, dave, { lost: patient.address, newPhone: phone.address }), 'AlreadyActing');
  });

  it('the new phone publishes its key (free); it opens nothing until Dave renews the shares, then reads both records as the patient', async () => {
    const acting = phoneKeys.actingFor(patient.publicKey);
    const balance = await free(phone.address);
    const calls = await used();
    const version = await publishKeyForRecovered(api, phone, acting, { finalized: true });
    assert.equal(version, 1, 'the lost phone published version 0');
    assert.equal(await publishKeyForRecovered(api, phone, acting), 1, 'published once');
    // The patient's shares still open only with the lost phone's key: refused before any read is logged.
    const first = records[0] ?? 0n;
    await rejectsCode(readRecord(api, vault, phone, acting, first, 'Treatment'), 'ShareUnwrapFailed');
    await rejectsCode(renewPatientShares(api, ferdie, await EncryptionKeyring.fromSuri('//Ferdie//stash'), patient.address), 'Recovery.NotInheritor');
    const report = await renewPatientShares(api, dave, daveKeys, patient.address, {}, 'Treatment', { finalized: true });
    assert.deepEqual(report, { renewed: records, current: [], unreadable: [] });
    assert.deepEqual(await renewPatientShares(api, dave, daveKeys, patient.address), { renewed: [], current: records, unreadable: [] }, 'renewed once');
    const read = await readRecords(api, vault, phone, acting, records, 'Treatment');
    assert.deepEqual(read.map((r) => (r.status === 'fulfilled' ? r.value.resource : (r.reason as unknown))), [visit(1), visit(2)]);
    assert.equal(u8aToHex(read[0]?.status === 'fulfilled' ? read[0].value.anchor.contentHash : undefined), u8aToHex((await getRecord(api, first))?.contentHash));
    // The reads are in the patient's trail as the patient's own.
    const trail = await accessLogOf(api, patient.address, 0, 100);
    assert.deepEqual(trail.filter((e) => e.reader === patient.address && records.includes(e.record)).length, 3, 'her own read before, and two from the new phone');
    // Free: a key and two logs on the patient's account; the phone paid nothing.
    assert.equal(await free(phone.address), balance);
    assert.ok((await used()) >= calls + 3);
  });

  it('the grant the old phone gave carries over: the new phone stops it, and Dave can no longer write', async () => {
    const grantsOf = api.call.consentApi?.grantsOf;
    assert.ok(grantsOf);
    const grants = (await grantsOf(patient.address)).toJSON() as { id: number; canWrite: boolean }[];
    const clinic = grants.find((g) => g.canWrite);
    assert.ok(clinic, JSON.stringify(grants));
    await submit(api, tx('consent', 'revokeConsent')(clinic.id), phone, { asProxyFor: patient.address, finalized: true });
    await rejectsCode(
      writeRecord(api, vault, dave, { patient: patient.address, org: SHANZHUANG_CLINIC, category: 'Encounter', resource: visit(3), vaultOrg: COUNTY_HOSPITAL }),
      'vault.not_permitted',
    );
  });

  it('a stranger\'s read for the patient through a proxy is refused by the chain, through the vault', async () => {
    const first = records[0] ?? 0n;
    const anchor = await getRecord(api, first);
    const extrinsic = await signedLogAccess(api, eve, first, 'Treatment', -1, patient.address);
    await rejectsCode(vault.read(keypairSigner(eve), u8aToHex(anchor?.contentHash), extrinsic), 'vault.access_refused');
  });
});
