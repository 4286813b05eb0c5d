// The health council as the medical authority, against a real node (RURALMED_WS=ws://…; set by
// scripts/live-checks.sh): the demo council is Alice, Bob and Charlie, so a motion needs 2 ayes.
// Bob proposes the recall of a fresh lot of the demo maker's (//One); closing early is refused and
// changes nothing; Charlie's aye approves it and closing it recalls the lot. A second recall of
// the same lot runs with the call's own error; a motion voted down is thrown out and changes
// nothing. Refusals found before signing send nothing.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { stringToHex } from '@polkadot/util';

import {
  ChainError,
  closeMotion,
  councilMembers,
  getLot,
  majority,
  openMotions,
  organisationCall,
  proposeMotion,
  recallCall,
  submit,
  voteMotion,
  type MotionView,
} from '../src/index.js';

const WS = process.env.RURALMED_WS;
const AMOXICILLIN = '06901234567892';
const DISTRIBUTOR = 5;

describe('council motions (dev node)', { skip: WS === undefined ? 'RURALMED_WS is not set' : false }, () => {
  let api: ApiPromise;
  let alice: KeyringPair, bob: KeyringPair, charlie: KeyringPair, dave: KeyringPair;
  let lot: bigint;
  const lotNumber = `CNL-${Date.now() % 1_000_000}`;
  const nonce = async (who: KeyringPair): Promise<string> => (await api.rpc.system.accountNextIndex(who.address)).toString();
  const motion = async (hash: string): Promise<MotionView | undefined> => (await openMotions(api)).find((m) => m.hash === hash);
  const lotStatus = async (): Promise<string> => (await getLot(api, lot))?.status.kind ?? 'none';

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair, KeyringPair];
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
});
