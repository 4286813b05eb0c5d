// Emergency supplies through polkadot.js: the authority declares a flood emergency over the two
// townships of the demo county; the Hekou and Shanzhuang clinics file needs, and the authority
// grants Hekou's the Critical tier it asked for; a donor pledges masks (some targeted to
// Shanzhuang), naming a newly verified warehouse, which confirms their arrival;
// the round is queued once its window closes and the chain allocates it; the warehouse dispatches, the clinics confirm
// (one with a shortfall); the donor traces the donation to the clinics, the dashboard adds up,
// and two refusals: a need outside the affected regions, and a double confirmation.
import { assert, send, expectFailure, findEvent, freshAccount, bestNumber, waitForBlock } from '../lib.mjs';

const COUNTY_HOSPITAL = 0; // at county level (1001, 0, 0): outside the emergency's townships
const HEKOU_CLINIC = 1; // (1001, 1, 1); Charlie is its village doctor
const SHANZHUANG_CLINIC = 2; // (1001, 2, 1); DaveStash is its village doctor
const MASK = 0;
const ROUND_LENGTH = 10;

/// The emergency authority's origin: Root through sudo until the council exists. Switching to
/// the council changes only this function (and who signs it).
function authority(api, call) {
  return api.tx.sudo.sudo(call);
}

export async function run({ api, keyring }) {
  const alice = keyring.addFromUri('//Alice'); // sudo; admin of the county hospital
  const charlie = keyring.addFromUri('//Charlie');
  const daveStash = keyring.addFromUri('//Dave//stash');
  const donor = await freshAccount(api, keyring, 'EmergencyDonor', alice);
  const keeper = await freshAccount(api, keyring, 'WarehouseKeeper', alice);

  // A warehouse organisation, verified by the authority.
  const applied = await send(api, api.tx.registry.applyForOrganisation('Warehouse',
    'Anding Relief Warehouse', { county: 1001, township: 0, village: 0 }), keeper);
  const warehouse = findEvent(applied.events, 'registry', 'OrganisationApplied').data.org.toNumber();
  await send(api, authority(api, api.tx.registry.verifyOrganisation(warehouse)), alice);

  // The authority declares the emergency, opening a few blocks from now.
  const startsAt = (await bestNumber(api)) + 4;
  const declared = await send(api, authority(api, api.tx.emergencySupply.declareEmergency(
    `Anding flood ${Date.now()}`,
    [{ county: 1001, township: 1, village: 0 }, { county: 1001, township: 2, village: 0 }],
    [{ code: 'MASK-N95', unit: 'Piece', gtin: null },
      { code: 'O2-CONC', unit: 'Device', gtin: null }],
    startsAt, startsAt + 10_000, ROUND_LENGTH)), alice);
  const emergency = findEvent(declared.events, 'emergencySupply', 'EmergencyDeclared')
    .data.emergency.toNumber();
  console.log(`  emergency ${emergency} declared, open from block ${startsAt}; warehouse org ${warehouse}`);
  await waitForBlock(api, startsAt);

  // Needs: Hekou critical (100 requested, 20 on hand), Shanzhuang urgent (30).
  const needs = [];
  for (const [who, org, requested, stock, priority] of [
    [charlie, HEKOU_CLINIC, 100, 20, 'Critical'],
    [daveStash, SHANZHUANG_CLINIC, 30, 0, 'Urgent'],
  ]) {
    const filed = await send(api, api.tx.emergencySupply.fileNeed(emergency, MASK, org,
      requested, stock, 250, priority, 'CaseSurge'), who);
    const e = findEvent(filed.events, 'emergencySupply', 'NeedFiled').data;
    // Only the authority grants Critical: the filer gets Urgent until then.
    assert(e.priority.isUrgent, `need filed as ${e.priority}, expected Urgent until reviewed`);
    needs.push({ org, round: e.round.toNumber(), unmet: requested - stock, priority });
  }
  for (const n of needs.filter((x) => x.priority === 'Critical')) {
    const set = await send(api, authority(api, api.tx.emergencySupply.setNeedPriority(emergency, MASK,
      n.round, n.org, 'Critical')), alice);
    findEvent(set.events, 'emergencySupply', 'NeedPrioritySet');
  }
  // Refusal: the county hospital lies outside the affected townships.
  await expectFailure(api, api.tx.emergencySupply.fileNeed(emergency, MASK, COUNTY_HOSPITAL,
    10, 0, 10, 'Urgent', 'StockOut'), alice, 'emergencySupply.RegionNotAffected');
  console.log(`  needs filed in round(s) ${[...new Set(needs.map((n) => n.round))]}; hospital outside refused`);

  // Donations: 70 masks to anywhere, 10 to Shanzhuang; the warehouse confirms both arrived.
  const donations = [];
  for (const [quantity, target] of [[70, 'Anywhere'], [10, { Organisation: SHANZHUANG_CLINIC }]]) {
    const pledged = await send(api, api.tx.emergencySupply.pledge(emergency, MASK, quantity, target,
      warehouse, null), donor);
    const id = findEvent(pledged.events, 'emergencySupply', 'Pledged').data.donation.toNumber();
    await send(api, api.tx.emergencySupply.confirmReceipt(id, warehouse, quantity), keeper);
    donations.push(id);
  }

  // Queue every round a need went into for allocation, once its window has closed (rounds run
  // in order; each must be queued before the next one closes): one `allocateRound` per round for
  // all its items, which the chain allocates at the start of the next blocks.
  const rounds = [...new Set(needs.map((n) => n.round))].sort((a, b) => a - b);
  for (const round of rounds) {
    await waitForBlock(api, startsAt + (round + 1) * ROUND_LENGTH);
    const queued = await send(api, api.tx.emergencySupply.allocateRound(emergency, round), donor);
    const items = findEvent(queued.events, 'emergencySupply', 'RoundQueued').data.items.toNumber();
    assert(items >= 1, `round ${round} queued with ${items} items`);
  }
  const queuedAt = await bestNumber(api);
  while ((await api.query.emergencySupply.roundQueue()).length > 0) {
    assert((await bestNumber(api)) < queuedAt + 20, 'the allocation queue did not drain in 20 blocks');
    await new Promise((r) => setTimeout(r, 1000));
  }
  const allocations = (await api.query.emergencySupply.allocations.entries())
    .map(([key, value]) => ({ id: key.args[0].toNumber(), a: value.unwrap() }))
    .filter(({ a }) => a.emergency.toNumber() === emergency)
    .map(({ id, a }) => ({ id, recipient: a.recipient.toNumber(), quantity: a.quantity.toNumber(),
      donation: a.donation.toNumber() }))
    .sort((x, y) => x.id - y.id);
  console.log(`  round(s) ${rounds} queued and allocated by the chain within ${(await bestNumber(api)) - queuedAt} blocks`);
  const total = allocations.reduce((s, a) => s + a.quantity, 0);
  assert(total === 80, `80 received masks should all be allocated, got ${total}`);
  for (const n of needs) {
    const got = allocations.filter((a) => a.recipient === n.org).reduce((s, a) => s + a.quantity, 0);
    assert(got <= n.unmet, `org ${n.org} got ${got} over its unmet need ${n.unmet}`);
  }
  assert(allocations.some((a) => a.donation === donations[1] && a.recipient === SHANZHUANG_CLINIC),
    'the targeted donation did not go to Shanzhuang');
  console.log(`  ${allocations.length} allocations: ${allocations.map((a) => `${a.quantity}→org ${a.recipient}`).join(', ')}`);

  // Dispatch and delivery; the first delivery is two masks short.
  const recipients = { [HEKOU_CLINIC]: charlie, [SHANZHUANG_CLINIC]: daveStash };
  let shortfall = 0;
  for (const [i, a] of allocations.entries()) {
    await send(api, api.tx.emergencySupply.dispatch(a.id), keeper);
    const received = i === 0 ? a.quantity - 2 : a.quantity;
    shortfall += a.quantity - received;
    const confirmed = await send(api, api.tx.emergencySupply.confirmDelivery(a.id, received), recipients[a.recipient]);
    findEvent(confirmed.events, 'emergencySupply', 'DeliveryConfirmed');
  }
  // Refusal: a second confirmation of the same delivery.
  const first = allocations[0];
  await expectFailure(api, api.tx.emergencySupply.confirmDelivery(first.id, first.quantity),
    recipients[first.recipient], 'emergencySupply.AlreadyConfirmed');
  console.log(`  all dispatched and confirmed (shortfall ${shortfall}); double confirmation refused`);

  // The donor's trace: where did the general donation go?
  const trace = await api.call.emergencySupplyApi.donationTrace(donations[0], 0, 50);
  assert(trace.isSome, 'no trace for the donation');
  const t = trace.unwrap();
  const traced = t.allocations.reduce((s, v) => s + v.allocation.quantity.toNumber(), 0);
  assert(traced === 70 && t.unallocated.toNumber() === 0, `trace accounts for ${traced} of 70`);
  assert(t.allocations.every((v) => v.allocation.status.isDelivered && v.donor.toString() === donor.address),
    'trace shows undelivered allocations or another donor');
  // Who supplied Shanzhuang: the last page of its supplies names our donor and warehouse.
  const count = (await api.query.emergencySupply.recipientAllocationCount(SHANZHUANG_CLINIC)).toNumber();
  const supplies = await api.call.emergencySupplyApi.suppliersOf(SHANZHUANG_CLINIC, Math.max(0, count - 10), 10);
  assert(supplies.some((s) => s.donor.toString() === donor.address && s.allocation.warehouse.toNumber() === warehouse
    && s.allocation.emergency.toNumber() === emergency), 'Shanzhuang does not show our donor');
  // The dashboard's counters add up.
  const dash = (await api.call.emergencySupplyApi.dashboard(emergency)).unwrap();
  const masks = dash.items[MASK].totals;
  const n = (x) => x.toNumber();
  assert(n(masks.pledged) === 80 && n(masks.received) === 80 && n(masks.allocated) === 80
    && n(masks.dispatched) === 80 && n(masks.delivered) === 80 - shortfall && n(masks.shortfall) === shortfall,
  `dashboard totals ${masks}`);
  const overdue = await api.call.emergencySupplyApi.overdueDispatches(emergency, null, 10);
  assert(overdue.length === 0, 'confirmed dispatches reported overdue');
  console.log(`  donation ${donations[0]} traced to ${t.allocations.length} deliveries; dashboard ${masks}`);
}
