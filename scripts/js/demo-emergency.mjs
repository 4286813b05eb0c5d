// A traceable donation for the demo county: the authority (sudo, the dev chain's root) declares a
// flood over the county's two townships; the Hekou and Shanzhuang clinics (through their admins,
// AliceStash and BobStash) file needs for N95 masks; a donor pledges 50 masks to the county's
// medical reserve (the demo warehouse, admin EveStash), which confirms they arrived; the round is allocated when its window closes; the warehouse dispatches
// both allocations; Hekou confirms its delivery two masks short and Shanzhuang's stays on its
// way. Then "Trace a donation" in the web app has something to show: delivered, short, in
// transit. Used by scripts/run-dev.sh and the web app's browser checks. Nothing is done if the
// demo donor has pledged already (it answers that donation).
//
//   node scripts/js/demo-emergency.mjs ws://127.0.0.1:9944
//
// `seedDemoEmergency({ api, keyring, send })` takes the caller's polkadot.js and a `send(api, tx,
// pair)` that resolves to `{ events }` once the transaction is in a block.

export const DEMO_DONOR = '//DemoDonor';
export const HEKOU_CLINIC = 1; // (1001, 1, 1); admin AliceStash
export const SHANZHUANG_CLINIC = 2; // (1001, 2, 1); admin BobStash
export const WAREHOUSE = 6; // Anding County Medical Reserve; admin EveStash
export const PLEDGED = 50;
export const SHORT_BY = 2;
const ROUND_LENGTH = 10;
const MASK = 0;
const FUNDS = 10_000_000_000_000n;

function eventData(events, method) {
  const found = events.find(({ event }) => event.section === 'emergencySupply' && event.method === method);
  if (found === undefined) throw new Error(`the chain did not report emergencySupply.${method}`);
  return found.event.data;
}

async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

async function waitForBlock(api, n) {
  while ((await bestNumber(api)) < n) await new Promise((r) => setTimeout(r, 1000));
}

/** The demo donor's first donation, if it pledged already (donation ids are few on a demo chain). */
async function existingDonation(api, donor) {
  const next = (await api.query.emergencySupply.nextDonationId()).toNumber();
  for (let id = 0; id < Math.min(next, 1000); id += 1) {
    const d = await api.query.emergencySupply.donations(id);
    if (d.isSome && d.unwrap().donor.toString() === donor) return id;
  }
  return null;
}

/**
 * Seeds the demo emergency and answers `{ donation, emergency, warehouse, allocations }`, the
 * allocations as `{ id, recipient, quantity, received }` (`received` null while on its way).
 * Takes two to three rounds of 10 blocks (about 2 to 3 minutes).
 */
export async function seedDemoEmergency({ api, keyring, send }) {
  const alice = keyring.addFromUri('//Alice'); // sudo on the dev chain
  const donor = keyring.addFromUri(DEMO_DONOR);
  const keeper = keyring.addFromUri('//Eve//stash');
  const already = await existingDonation(api, donor.address);
  if (already !== null) return { donation: already, existing: true };
  const sudo = (call) => send(api, api.tx.sudo.sudo(call), alice);
  await send(api, api.tx.balances.transferKeepAlive(donor.address, FUNDS), alice);
  const warehouse = WAREHOUSE;

  const startsAt = (await bestNumber(api)) + 3;
  const declared = await sudo(api.tx.emergencySupply.declareEmergency('Anding county flood',
    [{ county: 1001, township: 1, village: 0 }, { county: 1001, township: 2, village: 0 }],
    [{ code: 'MASK-N95', unit: 'Piece', gtin: null }], startsAt, startsAt + 100_000, ROUND_LENGTH));
  const emergency = eventData(declared.events, 'EmergencyDeclared').emergency.toNumber();
  await waitForBlock(api, startsAt);

  const needs = [[keyring.addFromUri('//Alice//stash'), HEKOU_CLINIC, 40], [keyring.addFromUri('//Bob//stash'), SHANZHUANG_CLINIC, 30]];
  const rounds = new Set();
  for (const [who, org, requested] of needs) {
    const filed = await send(api, api.tx.emergencySupply.fileNeed(emergency, MASK, org, requested, 0, 300, 'Urgent', 'CaseSurge'), who);
    rounds.add(eventData(filed.events, 'NeedFiled').round.toNumber());
  }
  const pledged = await send(api, api.tx.emergencySupply.pledge(emergency, MASK, PLEDGED, 'Anywhere', warehouse, null), donor);
  const donation = eventData(pledged.events, 'Pledged').donation.toNumber();
  await send(api, api.tx.emergencySupply.confirmReceipt(donation, warehouse, PLEDGED), keeper);

  const allocations = [];
  for (const round of [...rounds].sort((a, b) => a - b)) {
    await waitForBlock(api, startsAt + (round + 1) * ROUND_LENGTH);
    const done = await send(api, api.tx.emergencySupply.allocate(emergency, MASK, round), donor);
    for (const { event } of done.events) {
      if (event.section === 'emergencySupply' && event.method === 'Allocated') {
        allocations.push({ id: event.data.allocation.toNumber(), recipient: event.data.recipient.toNumber(), quantity: event.data.quantity.toNumber(), received: null });
      }
    }
  }
  for (const a of allocations) await send(api, api.tx.emergencySupply.dispatch(a.id), keeper);
  const hekou = allocations.find((a) => a.recipient === HEKOU_CLINIC);
  if (hekou !== undefined) {
    hekou.received = hekou.quantity - SHORT_BY;
    await send(api, api.tx.emergencySupply.confirmDelivery(hekou.id, hekou.received), needs[0][0]);
  }
  return { donation, emergency, warehouse, allocations, existing: false };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { connect, send } = await import('./lib.mjs');
  const [url = 'ws://127.0.0.1:9944'] = process.argv.slice(2);
  const { api, keyring } = await connect(url);
  try {
    const seeded = await seedDemoEmergency({ api, keyring, send });
    console.log(seeded.existing
      ? `demo donation ${seeded.donation} is on chain already: trace it in the web app`
      : `demo donation ${seeded.donation}: ${PLEDGED} masks to the Anding county flood, allocated to ${seeded.allocations.length} clinics; trace it in the web app`);
  } finally {
    await api.disconnect();
  }
}
