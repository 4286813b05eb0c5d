// Security review 2026-12, emergency supply: the H1 and H2 attacks against a fresh emergency,
// each refused with the right error and without changing anything, and real donors still able
// to pledge afterwards.
//
// H1: an attacker pledges u64::MAX units of every item in one `utility.batchAll`: refused
//     (`emergencySupply.PledgeTooLarge`); the largest pledge allowed leaves room for the next.
// H2: the attacker pledges one unit over and over: each pledge holds `PledgeDeposit`, and after
//     `MaxPledgesPerDonor` pledges awaiting receipt the next is refused
//     (`emergencySupply.TooManyDonorPledges`); a real donor still pledges; cancelling returns
//     every slot and deposit.
//
// Everything it creates is its own (fresh accounts, a fresh warehouse and emergency); at the end
// the pledges are cancelled and the emergency closed through sudo.
import { assert, send, expectFailure, findEvent, freshAccount, bestNumber, waitForBlock } from '../lib.mjs';

const U64_MAX = 18_446_744_073_709_551_615n;

function authority(api, call) {
  return api.tx.sudo.sudo(call);
}

/// Everything a refused pledge could have touched, as JSON, to compare before and after.
async function pledgeState(api, emergency, items, who) {
  const totals = [];
  for (let i = 0; i < items; i += 1) {
    totals.push((await api.query.emergencySupply.itemTotals(emergency, i)).toJSON());
  }
  return JSON.stringify({
    next: (await api.query.emergencySupply.nextDonationId()).toJSON(),
    pledges: (await api.query.emergencySupply.emergencies(emergency)).unwrap().pledges.toNumber(),
    open: (await api.query.emergencySupply.donorPledges(emergency, who.address)).toJSON(),
    reserved: (await api.query.system.account(who.address)).data.reserved.toString(),
    totals,
  });
}

function pledgeId(result) {
  return findEvent(result.events, 'emergencySupply', 'Pledged').data.donation.toNumber();
}

export async function run({ api, keyring }) {
  const alice = keyring.addFromUri('//Alice'); // sudo
  const attacker = await freshAccount(api, keyring, 'SupplyAttacker', alice, 100_000_000_000_000n);
  const donor = await freshAccount(api, keyring, 'SupplyDonor', alice);
  const keeper = await freshAccount(api, keyring, 'SupplyKeeper', alice);
  const maxQuantity = api.consts.emergencySupply.maxPledgeQuantity.toBigInt();
  const maxPerDonor = api.consts.emergencySupply.maxPledgesPerDonor.toNumber();
  const deposit = api.consts.emergencySupply.pledgeDeposit.toBigInt();

  const applied = await send(api, api.tx.registry.applyForOrganisation('Warehouse',
    'Security Check Warehouse', { county: 1001, township: 0, village: 0 }), keeper);
  const warehouse = findEvent(applied.events, 'registry', 'OrganisationApplied').data.org.toNumber();
  await send(api, authority(api, api.tx.registry.verifyOrganisation(warehouse)), alice);

  const startsAt = (await bestNumber(api)) + 3;
  const items = [{ code: 'MASK-N95', unit: 'Piece', gtin: null },
    { code: 'O2-CONC', unit: 'Device', gtin: null }];
  const declared = await send(api, authority(api, api.tx.emergencySupply.declareEmergency(
    `Security check ${Date.now()}`, [{ county: 1001, township: 1, village: 0 }], items,
    startsAt, startsAt + 10_000, 10)), alice);
  const emergency = findEvent(declared.events, 'emergencySupply', 'EmergencyDeclared')
    .data.emergency.toNumber();
  await waitForBlock(api, startsAt);
  const pledge = (item, quantity) => api.tx.emergencySupply.pledge(emergency, item, quantity,
    'Anywhere', warehouse, null);

  // H1: one batch of u64::MAX pledges, one per item.
  const beforeH1 = await pledgeState(api, emergency, items.length, attacker);
  await expectFailure(api, api.tx.utility.batchAll(items.map((_, i) => pledge(i, U64_MAX))), attacker,
    'emergencySupply.PledgeTooLarge');
  const afterH1 = await pledgeState(api, emergency, items.length, attacker);
  assert(afterH1 === beforeH1, `the refused H1 batch changed state: ${beforeH1} -> ${afterH1}`);
  // The largest pledge allowed, then a real donor's pledge of every item: all go through.
  const mine = [pledgeId(await send(api, pledge(0, maxQuantity), attacker))];
  const real = [];
  for (let i = 0; i < items.length; i += 1) {
    real.push(pledgeId(await send(api, pledge(i, 1), donor)));
  }
  console.log(`  H1: u64::MAX pledges refused, nothing changed; a ${maxQuantity}-unit pledge leaves room for donors`);

  // H2: one-unit pledges up to the donor bound, each holding a deposit; the next refused.
  for (let chunk = mine.length; chunk < maxPerDonor; chunk += 16) {
    const n = Math.min(16, maxPerDonor - chunk);
    const done = await send(api, api.tx.utility.batchAll(Array.from({ length: n }, () => pledge(0, 1))), attacker);
    for (const { event } of done.events) {
      if (event.section === 'emergencySupply' && event.method === 'Pledged') {
        mine.push(event.data.donation.toNumber());
      }
    }
  }
  assert(mine.length === maxPerDonor, `attacker made ${mine.length} pledges, expected ${maxPerDonor}`);
  const reserved = (await api.query.system.account(attacker.address)).data.reserved.toBigInt();
  assert(reserved >= deposit * BigInt(maxPerDonor), `attacker holds ${reserved}, expected ${maxPerDonor} deposits`);
  const beforeH2 = await pledgeState(api, emergency, items.length, attacker);
  await expectFailure(api, pledge(1, 1), attacker, 'emergencySupply.TooManyDonorPledges');
  await expectFailure(api, api.tx.utility.batchAll([pledge(0, 1), pledge(1, 1)]), attacker,
    'emergencySupply.TooManyDonorPledges');
  const afterH2 = await pledgeState(api, emergency, items.length, attacker);
  assert(afterH2 === beforeH2, `the refused H2 pledges changed state: ${beforeH2} -> ${afterH2}`);
  real.push(pledgeId(await send(api, pledge(1, 500), donor)));
  console.log(`  H2: ${maxPerDonor} pledges hold ${reserved} in deposits; the next refused, nothing changed; a real donor still pledges`);

  // Clean up: cancel every pledge (slots and deposits back) and close the emergency.
  for (let i = 0; i < mine.length; i += 16) {
    await send(api, api.tx.utility.batchAll(mine.slice(i, i + 16)
      .map((d) => api.tx.emergencySupply.cancelPledge(d))), attacker);
  }
  await send(api, api.tx.utility.batchAll(real.map((d) => api.tx.emergencySupply.cancelPledge(d))), donor);
  const left = (await api.query.emergencySupply.emergencies(emergency)).unwrap().pledges.toNumber();
  assert(left === 0, `${left} pledges left after cancelling`);
  const back = (await api.query.system.account(attacker.address)).data.reserved.toBigInt();
  assert(back === 0n, `attacker still holds ${back} after cancelling`);
  await send(api, authority(api, api.tx.emergencySupply.closeEmergency(emergency)), alice);
  console.log(`  cancelled ${mine.length + real.length} pledges: slots and deposits returned; emergency ${emergency} closed`);
}
