// The health council as the medical authority, against a real node (RURALMED_WS=ws://…; set by
// scripts/live-checks.sh): the demo council is Alice, Bob and Charlie, so a motion needs 2 ayes.
// Bob proposes the recall of a fresh lot of the demo maker's (//One); closing early is refused and
// changes nothing; Charlie's aye approves it and closing it recalls the lot. A second recall of
// the same lot runs with the call's own error; a motion voted down is thrown out and changes
// nothing. A new doctor's licence is verified by motion; the doctor breaks the glass on Eve, who
// disputes it, and a motion sanctions the doctor (the licence is then suspended). The validators
// are read, and validator changes the chain would refuse are refused. Refusals found before
// signing send nothing.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { stringToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import {
  ChainError,
  closeMotion,
  councilMembers,
  escalatedAccesses,
  getLot,
  licenceCall,
  licences,
  majority,
  openMotions,
  organisationCall,
  proposeMotion,
  recallCall,
  resolveAccessCall,
  submit,
  twoThirds,
  validatorCall,
  validatorSet,
  voteMotion,
  type MotionView,
} from '../src/index.js';

const WS = process.env.RURALMED_WS;
const AMOXICILLIN = '06901234567892';
const DISTRIBUTOR = 5;
const COUNTY_HOSPITAL = 0;
const UNIT = 1_000_000_000_000n;

describe('council motions (dev node)', { skip: WS === undefined ? 'RURALMED_WS is not set' : false }, () => {
  let api: ApiPromise;
  let alice: KeyringPair, bob: KeyringPair, charlie: KeyringPair, dave: KeyringPair, eve: KeyringPair;
  let lot: bigint;
  const lotNumber = `CNL-${Date.now() % 1_000_000}`;
  const nonce = async (who: KeyringPair): Promise<string> => (await api.rpc.system.accountNextIndex(who.address)).toString();
  const motion = async (hash: string): Promise<MotionView | undefined> => (await openMotions(api)).find((m) => m.hash === hash);
  const lotStatus = async (): Promise<string> => (await getLot(api, lot))?.status.kind ?? 'none';

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    [alice, bob, charlie, dave, eve] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'].map((s) => keyring.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair, KeyringPair, KeyringPair];
    const maker = keyring.addFromUri('//One');
    const today = Math.floor(Date.now() / 86_400_000);
    const commission = api.tx.drugProvenance?.commissionLot;
    assert.ok(commission, 'the runtime has drugProvenance.commissionLot');
    const made = await submit(api, commission(stringToHex(AMOXICILLIN), stringToHex(lotNumber), today - 1, today + 400, 10, false), maker);
    const event = made.events.find(({ event: e }) => e.method === 'LotCommissioned');
    lot = BigInt(event?.event.data[0]?.toString() ?? 'x');
  });
  after(async () => { await api.disconnect(); });

  it('reads the council: three seats, so a motion needs two ayes', async () => {
    const { members, prime } = await councilMembers(api);
    assert.deepEqual([...members].sort(), [alice.address, bob.address, charlie.address].sort());
    assert.equal(prime, alice.address);
    assert.equal(majority(members.length), 2);
    assert.deepEqual([majority(1), majority(4), majority(5)], [1, 3, 3]);
  });

  it('reads the validators (Alice alone on a dev chain); a validator change the chain would refuse is refused before signing', async () => {
    const view = await validatorSet(api);
    assert.deepEqual(view.validators, [alice.address]);
    assert.deepEqual(view.active, [alice.address]);
    assert.equal(view.sessionLength, 600);
    assert.deepEqual([view.min, view.max], [3, 32]);
    assert.deepEqual([twoThirds(3), twoThirds(4), twoThirds(5), twoThirds(7)], [2, 3, 4, 5]);
    const before = [await nonce(alice), (await openMotions(api)).length];
    const refused = (code: string) => (e: unknown) => e instanceof ChainError && e.code === code;
    await assert.rejects(validatorCall(api, 'remove', alice.address), refused('ValidatorSet.TooFewValidators'));
    await assert.rejects(validatorCall(api, 'add', alice.address), refused('ValidatorSet.AlreadyValidator'));
    await assert.rejects(validatorCall(api, 'add', eve.address), refused('ValidatorSet.NoSessionKeys'));
    await assert.rejects(validatorCall(api, 'remove', eve.address), refused('ValidatorSet.NotValidator'));
    await assert.rejects(validatorCall(api, 'add', 'not an account'), (e: unknown) => e instanceof ChainError && e.error === 'BadAddress');
    assert.deepEqual([await nonce(alice), (await openMotions(api)).length], before);
    assert.deepEqual((await validatorSet(api)).validators, [alice.address]);
  });

  it('refuses before signing: a non-member, an unknown or malformed lot', async () => {
    const before = await nonce(dave);
    const call = await recallCall(api, AMOXICILLIN, lotNumber, 'Contamination');
    await assert.rejects(proposeMotion(api, dave, dave.address, call), (e: unknown) => e instanceof ChainError && e.code === 'Council.NotMember');
    await assert.rejects(recallCall(api, AMOXICILLIN, 'NO-SUCH-LOT', 'Contamination'), (e: unknown) => e instanceof ChainError && e.code === 'DrugProvenance.UnknownLot');
    await assert.rejects(recallCall(api, '06901234567891', lotNumber, 'Contamination'), (e: unknown) => e instanceof ChainError && e.code === 'DrugProvenance.InvalidGtin');
    assert.equal(await nonce(dave), before);
    assert.equal(await lotStatus(), 'Active');
  });

  it('a recall motion: proposed, refused early, approved, closed: the lot is recalled', async () => {
    const { hash, index } = await proposeMotion(api, bob, bob.address, await recallCall(api, AMOXICILLIN, lotNumber, 'Contamination'));
    const open = await motion(hash);
    assert.ok(open, 'the motion is open');
    assert.deepEqual(open.action, { kind: 'RecallLot', lot, reason: 'Contamination' });
    assert.deepEqual([open.index, open.threshold, open.ayes, open.nays, open.approved, open.rejected, open.seats], [index, 2, [bob.address], [], false, false, 3]);
    await assert.rejects(closeMotion(api, charlie, hash), (e: unknown) => e instanceof ChainError && e.code === 'Council.TooEarly');
    await assert.rejects(voteMotion(api, bob, bob.address, open, true), (e: unknown) => e instanceof ChainError && e.code === 'Council.DuplicateVote');
    assert.equal(await lotStatus(), 'Active', 'nothing ran');
    await voteMotion(api, charlie, charlie.address, open, true);
    assert.equal((await motion(hash))?.approved, true);
    assert.deepEqual(await closeMotion(api, charlie, hash), { kind: 'Executed', error: null });
    assert.deepEqual((await getLot(api, lot))?.status, { kind: 'Recalled', reason: 'Contamination', byAuthority: true });
    assert.equal(await motion(hash), undefined, 'closed motions are gone');
    await assert.rejects(closeMotion(api, charlie, hash), (e: unknown) => e instanceof ChainError && e.code === 'Council.ProposalMissing');
  });

  it('a motion whose call fails runs with the call\'s error; one voted down is thrown out and changes nothing', async () => {
    const again = await proposeMotion(api, alice, alice.address, await recallCall(api, AMOXICILLIN, lotNumber, 'Other'));
    await voteMotion(api, charlie, charlie.address, { ...again, ayes: [], nays: [] }, true);
    const outcome = await closeMotion(api, alice, again.hash);
    assert.ok(outcome.kind === 'Executed', 'the approved motion ran');
    assert.equal(outcome.error?.code, 'DrugProvenance.AlreadyRecalled');

    const orgBefore = JSON.stringify((await api.query.registry?.organisations?.(DISTRIBUTOR))?.toJSON());
    const down = await proposeMotion(api, bob, bob.address, organisationCall(api, 'suspend', DISTRIBUTOR));
    await voteMotion(api, alice, alice.address, { ...down, ayes: [], nays: [] }, false);
    await voteMotion(api, charlie, charlie.address, { ...down, ayes: [], nays: [] }, false);
    assert.equal((await motion(down.hash))?.rejected, true);
    assert.deepEqual(await closeMotion(api, alice, down.hash), { kind: 'Disapproved' });
    assert.equal(JSON.stringify((await api.query.registry?.organisations?.(DISTRIBUTOR))?.toJSON()), orgBefore, 'the organisation is unchanged');
  });
  it('a licence verified by motion; the doctor\'s disputed break-glass sanctioned by motion', async () => {
    const doctor = new Keyring({ type: 'sr25519' }).addFromUri(`//CouncilTestDoctor/${Date.now()}`);
    const tx = (pallet: string, call: string) => { const fn = api.tx[pallet]?.[call]; assert.ok(fn, `the runtime has ${pallet}.${call}`); return fn; };
    await submit(api, tx('balances', 'transferKeepAlive')(doctor.address, 10n * UNIT), alice);
    await submit(api, tx('registry', 'addPractitioner')(COUNTY_HOSPITAL, doctor.address, 'Doctor', blake2AsHex(`ADC-TEST-${Date.now()}`)), alice);
    const standing = async (who: string): Promise<string | undefined> => (await licences(api)).find((l) => l.practitioner === who)?.status;
    const listed = await licences(api);
    assert.deepEqual(listed.find((l) => l.practitioner === doctor.address), { practitioner: doctor.address, role: 'Doctor', status: 'Unverified', affiliations: [COUNTY_HOSPITAL] });
    assert.equal(listed[0]?.status, 'Unverified', 'licences awaiting the authority come first');

    const bobNonce = await nonce(bob);
    await assert.rejects(licenceCall(api, 'verify', eve.address), (e: unknown) => e instanceof ChainError && e.code === 'Registry.UnknownPractitioner');
    await assert.rejects(licenceCall(api, 'verify', bob.address), (e: unknown) => e instanceof ChainError && e.code === 'Registry.InvalidLicenceStatus');
    assert.equal(await nonce(bob), bobNonce, 'nothing was signed');

    const verify = await proposeMotion(api, bob, bob.address, await licenceCall(api, 'verify', doctor.address));
    assert.deepEqual((await motion(verify.hash))?.action, { kind: 'VerifyLicence', practitioner: doctor.address });
    assert.equal(await standing(doctor.address), 'Unverified', 'nothing runs before the motion passes');
    await voteMotion(api, charlie, charlie.address, { ...verify, ayes: [], nays: [] }, true);
    assert.deepEqual(await closeMotion(api, charlie, verify.hash), { kind: 'Executed', error: null });
    assert.equal(await standing(doctor.address), 'Active');

    const opened = await submit(api, tx('consent', 'openEmergencyAccess')(eve.address, COUNTY_HOSPITAL, blake2AsHex('unconscious after a fall'), 100), doctor);
    const event = opened.events.find(({ event: e }) => e.section === 'consent' && e.method === 'EmergencyAccessOpened');
    const id = BigInt(event?.event.data[0]?.toString() ?? 'x');
    const aliceNonce = await nonce(alice);
    await assert.rejects(resolveAccessCall(api, id, true), (e: unknown) => e instanceof ChainError && e.code === 'Consent.NotEscalated');
    await assert.rejects(resolveAccessCall(api, 1_000_000_000n, true), (e: unknown) => e instanceof ChainError && e.code === 'Consent.UnknownEmergency');
    assert.equal(await nonce(alice), aliceNonce, 'nothing was signed');
    assert.equal((await escalatedAccesses(api)).find((a) => a.id === id), undefined, 'an open access is not escalated');

    await submit(api, tx('consent', 'reviewEmergencyAccess')(id, false), eve);
    const escalated = (await escalatedAccesses(api)).find((a) => a.id === id);
    assert.ok(escalated, 'the disputed access awaits the council');
    assert.deepEqual({ ...escalated, openedAt: 0 }, { id, patient: eve.address, practitioner: doctor.address, org: COUNTY_HOSPITAL, openedAt: 0, disputed: true });

    const sanction = await proposeMotion(api, alice, alice.address, await resolveAccessCall(api, id, true));
    assert.deepEqual((await motion(sanction.hash))?.action, { kind: 'ResolveEmergencyAccess', id, sanction: true });
    await voteMotion(api, bob, bob.address, { ...sanction, ayes: [], nays: [] }, true);
    assert.deepEqual(await closeMotion(api, bob, sanction.hash), { kind: 'Executed', error: null });
    const resolved = (await api.query.consent?.emergencyAccesses?.(id))?.toJSON() as { status?: string } | null | undefined;
    assert.equal(resolved?.status, 'Sanctioned');
    assert.equal((await escalatedAccesses(api)).find((a) => a.id === id), undefined, 'resolved: no longer awaiting the council');
    assert.equal(await standing(doctor.address), 'Suspended', 'the sanction suspends the licence');
    await assert.rejects(licenceCall(api, 'suspend', doctor.address), (e: unknown) => e instanceof ChainError && e.code === 'Registry.InvalidLicenceStatus');
    await assert.rejects(resolveAccessCall(api, id, false), (e: unknown) => e instanceof ChainError && e.code === 'Consent.NotEscalated');
  });
});
