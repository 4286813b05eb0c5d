// Stock for the demo county's Hekou village clinic (organisation 1): the demo maker (//One,
// organisation 4) ships packs of its genesis amoxicillin lot AMX-2026-001 to the clinic, whose
// admin (//Alice//stash) confirms receipt. Then the clinic's village doctor can hand medicines
// over at a visit and the patient's "My medicines" traces them. Nothing is done when the clinic
// already holds packs of that lot. Used by scripts/run-dev.sh and the web app's browser checks.
// Run as a command (scripts/run-dev.sh), it also stocks the Anding township pharmacy
// (organisation 3, admin //Charlie//stash) with 40 packs, for its Stock screen.
//
//   node scripts/js/demo-stock.mjs ws://127.0.0.1:9944 [PACKS]
//
// `stockHekouClinic({ api, keyring, send })` takes the caller's polkadot.js, so it can be used
// from any package that has one.

export const HEKOU_CLINIC = 1;
export const PHARMACY = 3;
export const MAKER = 4;
export const AMOXICILLIN = '06901234567892';
export const AMOXICILLIN_LOT = 'AMX-2026-001';

/** Ships `packs` to the Hekou clinic unless it holds some already; answers the packs it holds. */
export async function stockHekouClinic({ api, keyring, send, packs = 100 }) {
  return stockOrganisation({ api, keyring, send, packs, org: HEKOU_CLINIC, receiver: '//Alice//stash' });
}

/** Ships `packs` to organisation `org` unless it holds some already; `receiver` (its admin) confirms. */
async function stockOrganisation({ api, keyring, send, packs, org, receiver }) {
  const lotId = (await api.query.drugProvenance.lotIds(AMOXICILLIN, AMOXICILLIN_LOT)).unwrapOr(null);
  if (lotId === null) throw new Error(`the demo lot ${AMOXICILLIN_LOT} is not on chain (not a demo-county chain?)`);
  const held = (await api.query.drugProvenance.holdings(lotId, org)).toNumber();
  if (held > 0) return held;
  const shipped = await send(api, api.tx.drugProvenance.ship(lotId, MAKER, org, packs, []), keyring.addFromUri('//One'));
  const event = shipped.events.find(({ event: e }) => e.section === 'drugProvenance' && e.method === 'Shipped');
  if (event === undefined) throw new Error('the chain did not report the shipment');
  const shipment = event.event.data[0];
  await send(api, api.tx.drugProvenance.receiveShipment(shipment, packs, []), keyring.addFromUri(receiver));
  return (await api.query.drugProvenance.holdings(lotId, org)).toNumber();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { connect, send } = await import('./lib.mjs');
  const [url = 'ws://127.0.0.1:9944', packs = '100'] = process.argv.slice(2);
  const { api, keyring } = await connect(url);
  try {
    const held = await stockHekouClinic({ api, keyring, send, packs: Number(packs) });
    console.log(`Hekou village clinic holds ${held} packs of amoxicillin lot ${AMOXICILLIN_LOT}`);
    const pharmacy = await stockOrganisation({ api, keyring, send, packs: 40, org: PHARMACY, receiver: '//Charlie//stash' });
    console.log(`Anding township pharmacy holds ${pharmacy} packs of amoxicillin lot ${AMOXICILLIN_LOT}`);
  } finally {
    await api.disconnect();
  }
}
