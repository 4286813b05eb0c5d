// The full path of an encrypted record against a real node and a real vault
// (RURALMED_WS=ws://…, RURALMED_VAULT_URL=http://…; scripts/vault-checks.sh sets both).
// DaveStash, village doctor at the Shanzhuang clinic (org 2), writes an Encounter for Ferdie
// (guardian: FerdieStash): encrypted, uploaded, anchored, key shared with Ferdie, his guardian
// and Dave. Ferdie reads it back byte for byte; Bob (county hospital, no consent) is refused
// by the vault and nothing changes; with Ferdie's consent Bob reads it and the access is in
// Ferdie's trail; after the revocation Bob is refused again. Ferdie disputes and withdraws,
// then erases the record on chain and in the vault: nobody can fetch it and the key shares are
// gone. Only the vault's HTTP API is used, never its storage, so any store kind will do.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

import {
  accessLogOf, attachKeyShares, ChainError, disputeOf, disputeRecord, EncryptionKeyring, encodeResource, eraseRecord, erasureOf, extensionSigner,
  getRecord, keypairSigner, openEnvelope, patientInfo, publishEncryptionKey, readDataKey, readKeyShare, readRecord,
  shareWithReader, signedLogAccess, submit, VaultClient, VaultError, withdrawDispute, writeRecord,
  SHARE_LENGTH, type AccessEntryView,
} from '../src/index.js';

const WS = process.env.RURALMED_WS;
const VAULT_URL = process.env.RURALMED_VAULT_URL;
const COUNTY_HOSPITAL = 0; // runs the vault
const SHANZHUANG_CLINIC = 2;

const encounter = {
  resourceType: 'Encounter',
  id: 'enc-shanzhuang-vault-it',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH', display: 'home health' },
  subject: { reference: 'Patient/ferdie' },
  period: { start: '2026-12-02T10:30:00+08:00', end: '2026-12-02T10:50:00+08:00' },
  reasonCode: [{ text: 'blood pressure check at home' }],
};

const skip = WS === undefined || VAULT_URL === undefined;
if (skip) {
  console.log('# vault integration tests skipped: set RURALMED_WS (a dev node) and RURALMED_VAULT_URL (a vault beside it), as scripts/vault-checks.sh does');
}

function vaultRefusal(code: string, message?: string): (e: unknown) => true {
  return (e: unknown) => {
    assert.ok(e instanceof VaultError, `expected VaultError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, `${e.status} ${e.code}: ${e.message}`);
    if (message !== undefined) assert.equal(e.message, message);
    return true;
  };
}

function chainRefusal(code: string): (e: unknown) => true {
  return (e: unknown) => {
    assert.ok(e instanceof ChainError, `expected ChainError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return true;
  };
}

describe('encrypted records end to end (dev node + vault)', { skip: skip ? 'RURALMED_WS or RURALMED_VAULT_URL is not set' : false }, () => {
  let api: ApiPromise;
  let vault: VaultClient;
  let dave: KeyringPair, ferdie: KeyringPair, guardian: KeyringPair, bob: KeyringPair;
  let daveKeys: EncryptionKeyring, ferdieKeys: EncryptionKeyring, guardianKeys: EncryptionKeyring, bobKeys: EncryptionKeyring;
  let recordId: bigint;
  let hash: string;
  let grantId: bigint;

  // Ferdie's vault requests go through what an extension's signRaw does: sign <Bytes>…</Bytes>.
  const ferdieInBrowser = () => extensionSigner(ferdie.address, ({ data }) =>
    Promise.resolve({ signature: u8aToHex(ferdie.sign(u8aWrapBytes(hexToU8a(data)))) }));
  const accesses = async (): Promise<bigint> => (await patientInfo(api, ferdie.address))?.accessCount ?? -1n;
  const trail = async (): Promise<AccessEntryView[]> => {
    const count = await accesses();
    return accessLogOf(api, ferdie.address, count > 50n ? count - 50n : 0n, 50);
  };
  const address = (pair: KeyringPair): string => encodeAddress(pair.publicKey, api.registry.chainSS58);

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    vault = new VaultClient(VAULT_URL ?? '');
    const keyring = new Keyring({ type: 'sr25519' });
    const suris = ['//Dave//stash', '//Ferdie', '//Ferdie//stash', '//Bob'];
    [dave, ferdie, guardian, bob] = suris.map((s) => keyring.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair, KeyringPair];
    [daveKeys, ferdieKeys, guardianKeys, bobKeys] = await Promise.all(suris.map((s) => EncryptionKeyring.fromSuri(s))) as [EncryptionKeyring, EncryptionKeyring, EncryptionKeyring, EncryptionKeyring];
  });
  after(async () => {
    await api.disconnect();
  });

  it('the vault is up beside the node', async () => {
    const health = await vault.health();
    assert.equal(health.status, 'ok', JSON.stringify(health));
    assert.equal(health.node.ready, true);
    assert.equal(health.store.reachable, true);
  });

  it('Dave, Ferdie, his guardian and Bob have encryption keys on chain', async () => {
    // Different accounts: their transactions can share blocks.
    await Promise.all(([[dave, daveKeys], [ferdie, ferdieKeys], [guardian, guardianKeys], [bob, bobKeys]] as const)
      .map(([pair, keys]) => publishEncryptionKey(api, pair, keys)));
    const info = await patientInfo(api, ferdie.address);
    assert.equal(info?.guardian, address(guardian), "FerdieStash is Ferdie's guardian in the dev preset");
  });

  it('Dave encrypts an Encounter, uploads it, anchors it and shares the key with Ferdie, his guardian and himself', async () => {
    ({ recordId, hash } = await writeRecord(api, vault, dave, {
      patient: ferdie.address, org: SHANZHUANG_CLINIC, category: 'Encounter', resource: encounter, vaultOrg: COUNTY_HOSPITAL,
    }));
    const anchor = await getRecord(api, recordId);
    assert.ok(anchor);
    assert.equal(u8aToHex(anchor.contentHash), hash);
    assert.equal(anchor.patient, address(ferdie));
    assert.equal(anchor.author, address(dave));
    assert.equal(anchor.organisation, SHANZHUANG_CLINIC);
    assert.equal(anchor.vault, COUNTY_HOSPITAL);
    for (const who of [ferdie, guardian, dave]) assert.equal((await readKeyShare(api, recordId, who.address))?.length, SHARE_LENGTH);
    assert.equal(await readKeyShare(api, recordId, bob.address), null);
    // Anchored means kept: marking again is accepted.
    await vault.markAnchored(keypairSigner(dave), hash, recordId);
  });

  it('Ferdie fetches it through his own access log and decrypts it byte for byte', async () => {
    const before = await accesses();
    const read = await readRecord(api, vault, ferdie, ferdieKeys, recordId, 'Treatment');
    assert.deepEqual(read.resource, encounter);
    assert.equal(u8aToHex(read.anchor.contentHash), hash);
    const dataKey = await readDataKey(api, recordId, ferdieKeys);
    const { plaintext } = openEnvelope(read.ciphertext, dataKey, { expectedHash: hexToU8a(hash), expectedCategory: 'Encounter' });
    assert.deepEqual(plaintext, encodeResource(encounter, 'Encounter'));
    assert.equal(await accesses(), before + 1n);
    const mine = (await trail()).find((e) => e.position === before);
    assert.ok(mine, 'the access is in the trail at the position the count had');
    assert.deepEqual({ ...mine, block: 0, timestampMs: 0n }, {
      position: before, reader: address(ferdie), record: recordId, purpose: 'Treatment', basis: null, block: 0, timestampMs: 0n,
    });
  });

  it('Bob, without consent, is refused by the vault and nothing changes', async () => {
    const before = await accesses();
    const anchor = await getRecord(api, recordId);
    const refused = vault.read(keypairSigner(bob), hash, await signedLogAccess(api, bob, recordId, 'Treatment'));
    await assert.rejects(refused, vaultRefusal('access_refused', 'patientRecords.NoReadAccess'));
    assert.equal(await accesses(), before, 'a refused read is no access');
    assert.ok(!(await trail()).some((e) => e.reader === address(bob)), 'Bob is not in the trail');
    assert.deepEqual(await getRecord(api, recordId), anchor);
    assert.equal(await readKeyShare(api, recordId, bob.address), null);
    // readRecord stops before logging anything: Bob holds no key.
    await assert.rejects(() => readRecord(api, vault, bob, bobKeys, recordId, 'Treatment'), chainRefusal('NoKeyShare'));
  });

  it('with Ferdie\u2019s consent Bob reads it, and the access is in Ferdie\u2019s trail', async () => {
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const grant = api.tx.consent?.grantConsent;
    assert.ok(grant, 'the runtime has consent.grantConsent');
    const granted = await submit(api, grant(ferdie.address, { Practitioner: bob.address }, ['Treatment'], { Records: [recordId] }, now, now + 1000, false, false), ferdie);
    const event = granted.events.find(({ event }) => event.section === 'consent' && event.method === 'ConsentGranted');
    assert.ok(event);
    grantId = BigInt(event.event.data[0]?.toString() ?? 'x');
    await shareWithReader(api, ferdie, ferdieKeys, { recordId, reader: bob.address, purpose: 'Treatment' });

    const before = await accesses();
    const read = await readRecord(api, vault, bob, bobKeys, recordId, 'Treatment');
    assert.deepEqual(read.resource, encounter);
    assert.equal(await accesses(), before + 1n);
    const entry = (await trail()).find((e) => e.position === before);
    assert.ok(entry);
    assert.equal(entry.reader, address(bob));
    assert.equal(entry.record, recordId);
    assert.equal(entry.purpose, 'Treatment');
    assert.deepEqual(entry.basis, { kind: 'Grant', id: grantId });
    assert.ok(entry.block > 0 && entry.timestampMs > 0n);
  });

  it('after Ferdie revokes the grant, Bob is refused again', async () => {
    const revoke = api.tx.consent?.revokeConsent;
    assert.ok(revoke);
    await submit(api, revoke(grantId), ferdie);
    const before = await accesses();
    await assert.rejects(() => readRecord(api, vault, bob, bobKeys, recordId, 'Treatment'), vaultRefusal('access_refused', 'patientRecords.NoReadAccess'));
    assert.equal(await accesses(), before);
  });

  it('Ferdie disputes the record and withdraws the dispute', async () => {
    await disputeRecord(api, ferdie, recordId, 'IncorrectDetails');
    const dispute = await disputeOf(api, recordId);
    assert.ok(dispute);
    assert.deepEqual({ ...dispute, block: 0 }, { by: address(ferdie), reason: 'IncorrectDetails', note: null, block: 0 });
    await assert.rejects(() => disputeRecord(api, ferdie, recordId, 'Other'), chainRefusal('PatientRecords.AlreadyDisputed'));
    await assert.rejects(() => disputeRecord(api, dave, recordId, 'Other'), chainRefusal('PatientRecords.NotPatientOrGuardian'));
    await withdrawDispute(api, ferdie, recordId);
    assert.equal(await disputeOf(api, recordId), null);
  });

  it('the vault keeps the blob until the record is erased on chain, and only for Ferdie or his guardian', async () => {
    await assert.rejects(() => vault.erase(ferdieInBrowser(), hash, recordId), vaultRefusal('not_erased'));
    assert.equal(await erasureOf(api, recordId), null);
    // Only the patient or guardian may erase on chain.
    await assert.rejects(() => eraseRecord(api, dave, recordId), chainRefusal('PatientRecords.NotPatientOrGuardian'));

    const { keySharesRemoved } = await eraseRecord(api, ferdie, recordId);
    assert.equal(keySharesRemoved, 4, 'Ferdie, his guardian, Dave and Bob held shares');
    const erasure = await erasureOf(api, recordId);
    assert.ok(erasure);
    assert.equal(erasure.by, address(ferdie));
    await assert.rejects(() => eraseRecord(api, ferdie, recordId), chainRefusal('PatientRecords.RecordErased'));

    await assert.rejects(() => vault.erase(keypairSigner(dave), hash, recordId), vaultRefusal('not_patient_or_guardian'));
    await assert.rejects(() => vault.erase(keypairSigner(bob), hash, recordId), vaultRefusal('not_patient_or_guardian'));
    await assert.rejects(() => vault.erase(ferdieInBrowser(), `0x${'00'.repeat(32)}`, recordId), vaultRefusal('record_mismatch'));
    assert.deepEqual(await vault.erase(ferdieInBrowser(), hash, recordId), { deleted: true });
    // Again, by the guardian: nothing left, and safe to retry.
    assert.deepEqual(await vault.erase(keypairSigner(guardian), hash, recordId), { deleted: false });
  });

  it('afterwards nobody, Ferdie included, can fetch it, and every key share is gone', async () => {
    for (const who of [ferdie, guardian, dave, bob]) assert.equal(await readKeyShare(api, recordId, who.address), null);
    await assert.rejects(() => readRecord(api, vault, ferdie, ferdieKeys, recordId, 'Treatment'), chainRefusal('PatientRecords.RecordErased'));
    for (const who of [ferdie, dave]) {
      const refused = vault.read(keypairSigner(who), hash, await signedLogAccess(api, who, recordId, 'Treatment'));
      await assert.rejects(refused, vaultRefusal('unknown_blob'));
    }
    // The anchor stays as history.
    const anchor = await getRecord(api, recordId);
    assert.ok(anchor);
    assert.equal(u8aToHex(anchor.contentHash), hash);
    // No key comes back: none is on chain, and the chain takes no new share for an erased record.
    await assert.rejects(() => readDataKey(api, recordId, ferdieKeys), chainRefusal('NoKeyShare'));
    const share = { reader: ferdie.address, purpose: 'Treatment' as const, share: new Uint8Array(SHARE_LENGTH).fill(1) };
    await assert.rejects(() => attachKeyShares(api, ferdie, recordId, [share]), chainRefusal('PatientRecords.RecordErased'));
  });
});
