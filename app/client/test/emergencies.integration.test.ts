// Emergency supplies against a real node (RURALMED_WS=ws://…; set by scripts/live-checks.sh).
// Its own emergency (sudo, the dev chain's root), rounds of 6 blocks, over the Hekou township:
// the Hekou clinic's admin (AliceStash) files a need, a donor (//Two) pledges, the county
// reserve's admin (EveStash) confirms the receipt; once the round closes anyone allocates it;
// the reserve dispatches, the clinic confirms what arrived. Every refusal, the client's before
// signing and the chain's, is checked to change nothing.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { encodeAddress } from '@polkadot/util-crypto';

import {
  allocateRound,
  queueRound,
  cancelPledge,
  confirmDelivery,
  confirmReceipt,
  deliveriesTo,
  dispatchAllocation,
  donationsBy,
  ChainError,
  emergencyDashboard,
  fileNeed,
  getEmergency,
  listEmergencies,
  pledge,
  recentRounds,
  roundView,
  submit,
  traceDonation,
  type SupplyEmergencyView,
} from '../src/index.js';
import { refused } from './helpers.js';

const WS = process.env.RURALMED_WS;
const HEKOU_CLINIC = 1;
const WAREHOUSE = 6;
const ROUND = 6;

async function best(api: ApiPromise): Promise<number> {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

async function untilBlock(api: ApiPromise, n: number): Promise<void> {
  while ((await best(api)) < n) await new Promise((r) => setTimeout(r, 500));
}

describe('emergency supplies (dev node)', { skip: WS === undefined ? 'RURALMED_WS is not set' : false }, () => {
  let api: ApiPromise;
  let clinic: KeyringPair, keeper: KeyringPair, donor: KeyringPair;
  let emergency: SupplyEmergencyView;
  let donation: bigint;
  let round: number;
  const nonce = async (who: KeyringPair): Promise<string> => (await api.rpc.system.accountNextIndex(who.address)).toString();
  const nextDonation = async (): Promise<string> => (await api.query.emergencySupply?.nextDonationId?.())?.toString() ?? '';

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    [clinic, keeper, donor] = ['//Alice//stash', '//Eve//stash', '//Two'].map((s) => keyring.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair];
    const startsAt = (await best(api)) + 2;
    const declare = api.tx.emergencySupply?.declareEmergency?.(`Client test ${Date.now()}`, [{ county: 1001, township: 1, village: 0 }],
      [{ code: 'MASK-N95', unit: 'Piece', gtin: null }, { code: 'ORS', unit: 'Box', gtin: null }], startsAt, startsAt + 10_000, ROUND);
    assert.ok(declare && api.tx.sudo?.sudo, 'the runtime has emergencySupply.declareEmergency and sudo');
    const done = await submit(api, api.tx.sudo.sudo(declare), alice);
    const declared = done.events.find(({ event }) => event.section === 'emergencySupply' && event.method === 'EmergencyDeclared');
    assert.ok(declared, 'declared');
    await untilBlock(api, startsAt);
    const found = await getEmergency(api, Number(declared.event.data[0]?.toString()));
    assert.ok(found, 'the emergency reads back');
    emergency = found;
  });
  after(async () => { await api.disconnect(); });

  it('lists the emergency, open, newest first, with its catalogue and current round', async () => {
    const [newest] = await listEmergencies(api, 5);
    assert.equal(newest?.id, emergency.id);
    assert.equal(emergency.open, true);
    assert.equal(emergency.status, 'Active');
    assert.deepEqual(emergency.items.map((i) => [i.code, i.unit]), [['MASK-N95', 'Piece'], ['ORS', 'Box']]);
    assert.deepEqual(emergency.regions, [{ county: 1001, township: 1, village: 0 }]);
    assert.equal(emergency.roundLength, ROUND);
    assert.ok(emergency.currentRound !== null && emergency.roundClosesAt === emergency.startsAt + (emergency.currentRound + 1) * ROUND);
    assert.equal(await getEmergency(api, 4_000_000), null);
    assert.deepEqual(recentRounds({ ...emergency, currentRound: 1 }, 3), [1, 0]);
  });

  it('refuses bad needs and pledges before signing, and sends nothing', async () => {
    const state = async (): Promise<unknown> => [await nonce(clinic), await nonce(donor), await nextDonation()];
    const need = { emergency, item: 0, org: HEKOU_CLINIC, requested: 10, stockOnHand: 0, peopleServed: 20, priority: 'Urgent' as const, reason: 'CaseSurge' as const };
    await refused('EmergencySupply.NothingNeeded', () => fileNeed(api, clinic, { ...need, stockOnHand: 10 }), state);
    await refused('EmergencySupply.ZeroQuantity', () => fileNeed(api, clinic, { ...need, requested: 0 }), state);
    await refused('EmergencySupply.NeedTooLarge', () => fileNeed(api, clinic, { ...need, requested: 1_000_000, peopleServed: 1 }), state);
    await refused('EmergencySupply.ItemNotCovered', () => fileNeed(api, clinic, { ...need, item: 7 }), state);
    await refused('NotAWholeNumber', () => fileNeed(api, clinic, { ...need, requested: 2.5 }), state);
    const gift = { emergency, item: 0, quantity: 12, target: { kind: 'Anywhere' } as const, warehouse: WAREHOUSE };
    await refused('EmergencySupply.ZeroQuantity', () => pledge(api, donor, { ...gift, quantity: 0 }), state);
    await refused('EmergencySupply.PledgeTooLarge', () => pledge(api, donor, { ...gift, quantity: 1e12 }), state);
    await refused('EmergencySupply.EmergencyNotOpen', () => pledge(api, donor, { ...gift, emergency: { ...emergency, open: false } }), state);
  });

  it('a pledge and its receipt; the chain refuses another warehouse and changes nothing', async () => {
    const gift = await pledge(api, donor, { emergency, item: 0, quantity: 12, target: { kind: 'Anywhere' }, warehouse: WAREHOUSE });
    donation = gift.donation;
    assert.ok(gift.deposit > 0n, 'a deposit is held');
    const trace = async (): Promise<unknown> => traceDonation(api, donation);
    // The clinic's admin does not act for the warehouse.
    await refused('EmergencySupply.NotActingForOrganisation', () => confirmReceipt(api, clinic, { donation, warehouse: WAREHOUSE, quantity: 12, pledged: 12 }), trace);
    await refused('EmergencySupply.ReceiptExceedsPledge', () => confirmReceipt(api, keeper, { donation, warehouse: WAREHOUSE, quantity: 13, pledged: 12 }), trace);
    await confirmReceipt(api, keeper, { donation, warehouse: WAREHOUSE, quantity: 12, pledged: 12 });
    await refused('EmergencySupply.AlreadyReceived', () => confirmReceipt(api, keeper, { donation, warehouse: WAREHOUSE, quantity: 12, pledged: 12 }), trace);
    assert.equal((await traceDonation(api, donation))?.received, 12);
    // The donor's own list has it, received, whatever the address's SS58 form; another account's has not.
    const mine = await donationsBy(api, donor.address);
    assert.deepEqual(mine.find((d) => d.id === donation), {
      id: donation, emergency: emergency.id, item: 0, pledged: 12, pledgedAt: (await traceDonation(api, donation))?.pledgedAt, warehouse: WAREHOUSE, received: 12, allocated: 0,
    });
    assert.ok(mine.every((d, i) => i === 0 || (mine[i - 1]?.id ?? 0n) > d.id), 'newest first');
    assert.deepEqual((await donationsBy(api, encodeAddress(donor.publicKey, 0))).map((d) => d.id), mine.map((d) => d.id));
    assert.ok(!(await donationsBy(api, keeper.address)).some((d) => d.id === donation), 'not the warehouse keeper\'s');
    await assert.rejects(donationsBy(api, 'not-an-account'), (e: unknown) => e instanceof ChainError && e.code === 'InvalidArgument');
  });

  it('the round, once closed, is allocated by anyone; each need says why it got what it got', async () => {
    // Filed last, so that its round is still the latest closed one when allocated.
    const filed = await fileNeed(api, clinic, { emergency, item: 0, org: HEKOU_CLINIC, requested: 10, stockOnHand: 2, peopleServed: 20, priority: 'Critical', reason: 'CaseSurge' });
    assert.equal(filed.updated, false);
    round = filed.round;
    // What the chain holds of the round (whether it can be allocated changes with the block).
    const roundState = async (): Promise<unknown> => { const v = await roundView(api, emergency, 0, round); return [v.needs, v.allocatedAt]; };
    const future = await roundView(api, emergency, 0, round + 5);
    assert.deepEqual([future.allocatable, future.allocatedAt, future.needs.length], [false, null, 0]);
    const open = await roundView(api, emergency, 0, round);
    const [filedNeed] = open.needs;
    assert.ok(filedNeed, 'the need is in its round');
    assert.equal(filedNeed.outcome, 'NotAllocated');
    assert.equal(filedNeed.priority, 'Urgent', 'asking Critical gives Urgent');
    assert.equal(filedNeed.requestedPriority, 'Critical');
    const later = { emergency: emergency.id, item: 0, round: round + 5 };
    await refused('EmergencySupply.RoundNotClosed', () => allocateRound(api, donor, later), roundState);
    await refused('EmergencySupply.RoundNotClosed', () => queueRound(api, donor, { emergency: emergency.id, round: round + 5 }), roundState);
    assert.equal((await roundView(api, emergency, 0, round + 5)).queued, false, 'a refused round is not queued');
    await untilBlock(api, open.closesAt);
    const closed = await roundView(api, emergency, 0, round);
    assert.equal(closed.allocatable, true);
    assert.equal(await allocateRound(api, donor, { emergency: emergency.id, item: 0, round }), 1);
    const done = await roundView(api, emergency, 0, round);
    assert.equal(done.allocatable, false);
    assert.ok(done.allocatedAt !== null);
    assert.deepEqual(done.needs.map((n) => [n.org, n.unmet, n.allocated, n.outcome]), [[HEKOU_CLINIC, 8, 8, 'Full']]);
    await refused('EmergencySupply.RoundAlreadyAllocated', () => allocateRound(api, donor, { emergency: emergency.id, item: 0, round }), roundState);
    const [mask] = (await emergencyDashboard(api, emergency.id)) ?? [];
    assert.ok(mask, 'the dashboard has the item');
    assert.deepEqual(mask.totals, { pledged: 12, received: 12, allocated: 8, dispatched: 0, delivered: 0, shortfall: 0 });
    assert.equal(mask.unallocated, 4);
    assert.equal(await emergencyDashboard(api, 4_000_000), null);
  });

  it('the warehouse dispatches, the clinic confirms what arrived; others are refused', async () => {
    const mine = async (): Promise<unknown> => (await deliveriesTo(api, HEKOU_CLINIC)).filter((d) => d.donation === donation);
    const [pending] = (await deliveriesTo(api, HEKOU_CLINIC)).filter((d) => d.donation === donation);
    assert.ok(pending, 'the clinic sees the allocation');
    assert.deepEqual([pending.status, pending.quantity, pending.warehouse, pending.donor], ['Pending', 8, WAREHOUSE, donor.address]);
    await refused('EmergencySupply.NotDispatched', () => confirmDelivery(api, clinic, { allocation: pending.id, received: 8, dispatched: 8 }), mine);
    await refused('EmergencySupply.NotAllocationWarehouse', () => dispatchAllocation(api, clinic, pending.id), mine);
    await dispatchAllocation(api, keeper, pending.id);
    await refused('EmergencySupply.AlreadyDispatched', () => dispatchAllocation(api, keeper, pending.id), mine);
    await refused('EmergencySupply.ReceivedExceedsDispatched', () => confirmDelivery(api, clinic, { allocation: pending.id, received: 9, dispatched: 8 }), mine);
    await refused('EmergencySupply.NotRecipient', () => confirmDelivery(api, keeper, { allocation: pending.id, received: 8, dispatched: 8 }), mine);
    await confirmDelivery(api, clinic, { allocation: pending.id, received: 7, dispatched: 8 });
    await refused('EmergencySupply.AlreadyConfirmed', () => confirmDelivery(api, clinic, { allocation: pending.id, received: 7, dispatched: 8 }), mine);
    const [delivered] = (await deliveriesTo(api, HEKOU_CLINIC)).filter((d) => d.donation === donation);
    assert.deepEqual([delivered?.status, delivered?.received], ['Delivered', 7]);
    const [mask] = (await emergencyDashboard(api, emergency.id)) ?? [];
    assert.deepEqual(mask?.totals, { pledged: 12, received: 12, allocated: 8, dispatched: 8, delivered: 7, shortfall: 1 });
  });

  it('a pledge not received: only the donor cancels it', async () => {
    const gift = await pledge(api, donor, { emergency, item: 1, quantity: 3, target: { kind: 'Organisation', org: HEKOU_CLINIC }, warehouse: WAREHOUSE });
    const trace = async (): Promise<unknown> => traceDonation(api, gift.donation);
    await refused('EmergencySupply.NotDonor', () => cancelPledge(api, keeper, gift.donation), trace);
    await cancelPledge(api, donor, gift.donation);
    assert.equal(await traceDonation(api, gift.donation), null);
    assert.ok(!(await donationsBy(api, donor.address)).some((d) => d.id === gift.donation), 'a cancelled pledge is not listed');
  });
});
