// Against a live dev node (RURALMED_WS=ws://…): Charlie, village doctor at the Hekou clinic
// (org 1), encrypts an Encounter for Eve, anchors it, attaches shares for Eve and himself; Eve
// reads her share and decrypts byte for byte. Then the error path, a share to a newly
// consented reader, and a key rotation with re-wrap. Skipped without RURALMED_WS.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { decodeAddress } from '@polkadot/util-crypto';

import { bytesToHex } from '../src/bytes.js';
import {
  anchorRecord, anchorSelfReportedRecord, attachCareShares, ChainError, EncryptionKeyring, encodeResource, getEncryptionKey, getRecord,
  openEnvelope, openRecord, parseShare, publishEncryptionKey, readDataKey, readKeyShare, recordsOf, rewrapOwnShares,
  rotateEncryptionKey, sealRecord, shareWithReader, submit, SHARE_LENGTH,
} from '../src/index.js';

const WS = process.env.RURALMED_WS;
const HEKOU_CLINIC = 1;

const encounter = {
  resourceType: 'Encounter',
  id: 'enc-hekou-it',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  subject: { reference: 'Patient/eve' },
  period: { start: '2026-12-01T09:00:00+08:00' },
  reasonCode: [{ text: 'follow-up, cough resolved' }],
};

if (WS === undefined) console.log('# chain integration tests skipped: set RURALMED_WS=ws://127.0.0.1:9944 (a dev node) to run them');

describe('chain integration (dev node)', { skip: WS === undefined ? 'RURALMED_WS is not set' : false }, () => {
  let api: ApiPromise;
  let charlie: KeyringPair, eve: KeyringPair, bob: KeyringPair, ferdie: KeyringPair;
  let charlieKeys: EncryptionKeyring, eveKeys: EncryptionKeyring, bobKeys: EncryptionKeyring;
  let recordId: bigint;
  let sealed: ReturnType<typeof sealRecord>;

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    [charlie, eve, bob, ferdie] = ['//Charlie', '//Eve', '//Bob', '//Ferdie'].map((s) => keyring.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair, KeyringPair];
    [charlieKeys, eveKeys, bobKeys] = await Promise.all(['//Charlie', '//Eve', '//Bob'].map((s) => EncryptionKeyring.fromSuri(s))) as [EncryptionKeyring, EncryptionKeyring, EncryptionKeyring];
  });
  after(async () => {
    await api.disconnect();
  });

  it('Charlie, Eve and Bob publish their encryption keys (idempotent)', async () => {
    for (const [pair, keys] of [[charlie, charlieKeys], [eve, eveKeys], [bob, bobKeys]] as const) {
      const { version } = await publishEncryptionKey(api, pair, keys);
      const onChain = await getEncryptionKey(api, pair.address);
      assert.ok(onChain);
      assert.equal(bytesToHex(onChain.key), bytesToHex(keys.keyAt(version).publicKey));
    }
  });

  it('Charlie encrypts an Encounter for Eve, anchors it for the Hekou clinic and attaches shares for Eve and himself', async () => {
    sealed = sealRecord(encounter, 'Encounter');
    recordId = await anchorRecord(api, charlie, {
      patient: eve.address, org: HEKOU_CLINIC, category: 'Encounter', contentHash: sealed.contentHash,
      // The built runtime takes a locator; the one in review takes the vault organisation.
      locator: `vault://it/${bytesToHex(sealed.contentHash)}`, vault: HEKOU_CLINIC, sizeBytes: sealed.sizeBytes,
    });
    await attachCareShares(api, charlie, { recordId, dataKey: sealed.dataKey, patient: eve.address, author: charlie.address });
    for (const who of [eve, charlie]) {
      const share = await readKeyShare(api, recordId, who.address);
      assert.ok(share);
      assert.equal(share.length, SHARE_LENGTH);
    }
  });

  it('Eve finds the record in her history, reads her share and decrypts byte for byte', async () => {
    const page = await recordsOf(api, eve.address, 0, 100);
    const anchor = page.find((r) => r.id === recordId);
    assert.ok(anchor, 'the record is in recordsOf');
    assert.equal(anchor.category, 'Encounter');
    assert.equal(anchor.organisation, HEKOU_CLINIC);
    assert.equal(bytesToHex(anchor.contentHash), bytesToHex(sealed.contentHash));
    assert.equal(anchor.sizeBytes, BigInt(sealed.sizeBytes));
    const dataKey = await readDataKey(api, recordId, eveKeys);
    const { plaintext } = openEnvelope(sealed.ciphertext, dataKey, { expectedHash: anchor.contentHash, expectedCategory: anchor.category });
    assert.deepEqual(plaintext, encodeResource(encounter, 'Encounter'));
    assert.deepEqual(openRecord(sealed.ciphertext, dataKey, anchor), encounter);
    // Charlie, the author, can read it too.
    assert.deepEqual(await readDataKey(api, recordId, charlieKeys), sealed.dataKey);
  });

  it('a refused call comes back as Pallet.Error with a plain message', async () => {
    assert.equal(typeof recordId, 'bigint', 'needs the record anchored above');
    await assert.rejects(
      () => anchorSelfReportedRecord(api, eve, { patient: ferdie.address, category: 'Observation', contentHash: sealed.contentHash, locator: 'x', vault: HEKOU_CLINIC, sizeBytes: 1 }),
      (e: unknown) => e instanceof ChainError && e.code === 'PatientRecords.NotPatientOrGuardian' && /patient or their guardian/.test(e.message),
    );
    // Bob (county hospital) has no access to Eve's records yet.
    await assert.rejects(
      () => shareWithReader(api, eve, eveKeys, { recordId, reader: bob.address, purpose: 'Treatment' }),
      (e: unknown) => e instanceof ChainError && e.code === 'PatientRecords.ReaderNotPermitted',
    );
  });

  it('Eve consents to Bob for this record and shares it with him; Bob decrypts', async () => {
    assert.equal(typeof recordId, 'bigint', 'needs the record anchored above');
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const grant = api.tx.consent?.grantConsent;
    assert.ok(grant);
    await submit(api, grant(eve.address, { Practitioner: bob.address }, ['Treatment'], { Records: [recordId] }, now, now + 1000, false, false), eve);
    await shareWithReader(api, eve, eveKeys, { recordId, reader: bob.address, purpose: 'Treatment' });
    assert.deepEqual(await readDataKey(api, recordId, bobKeys), sealed.dataKey);
  });

  it('Eve rotates her key: her old share still opens (old version re-derived), then is re-wrapped to the new version', async () => {
    const before = await getEncryptionKey(api, eve.address);
    assert.ok(before);
    const { version } = await rotateEncryptionKey(api, eve, eveKeys);
    assert.equal(version, before.version + 1);
    const old = await readKeyShare(api, recordId, eve.address);
    assert.ok(old);
    assert.equal(parseShare(old).keyVersion, before.version);
    assert.deepEqual(await readDataKey(api, recordId, eveKeys), sealed.dataKey);
    assert.deepEqual(await rewrapOwnShares(api, eve, eveKeys, [recordId]), [recordId]);
    const fresh = await readKeyShare(api, recordId, eve.address);
    assert.ok(fresh);
    assert.equal(parseShare(fresh).keyVersion, version);
    assert.deepEqual(await readDataKey(api, recordId, eveKeys), sealed.dataKey);
    const anchor = await getRecord(api, recordId);
    assert.ok(anchor);
    assert.equal(bytesToHex(decodeAddress(anchor.author)), bytesToHex(charlie.publicKey));
  });
});
