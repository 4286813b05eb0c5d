// Stock for the demo county's Hekou village clinic (organisation 1): the demo maker (//One,
// organisation 4) ships packs of its genesis amoxicillin lot AMX-2026-001 to the clinic, whose
// admin (//Alice//stash) confirms receipt. Then the clinic's village doctor can hand medicines
// over at a visit and the patient's "My medicines" traces them. Nothing is done when the clinic
// already holds packs of that lot. Used by scripts/run-dev.sh and the web app's browser checks.
//
//   node scripts/js/demo-stock.mjs ws://127.0.0.1:9944 [PACKS]
//
// `stockHekouClinic({ api, keyring, send })` takes the caller's polkadot.js, so it can be used
// from any package that has one.

export const HEKOU_CLINIC = 1;
export const MAKER = 4;
export const AMOXICILLIN = '06901234567892';
export const AMOXICILLIN_LOT = 'AMX-2026-001';

/** Ships `packs` to the Hekou clinic unless it holds some already; answers the packs it holds. */
export async function stockHekouClinic({ api, keyring, send, packs = 100 }) {
  const lotId = (await api.query.drugProvenance.lotIds(AMOXICILLIN, AMOXICILLIN_LOT)).unwrapOr(null);
  if (lotId === null) throw new Error(`the demo lot ${AMOXICILLIN_LOT} is not on chain (not a demo-county chain?)`);
  const held = (await api.query.drugProvenance.holdings(lotId, HEKOU_CLINIC)).toNumber();
  if (held > 0) return held;
  const shipped = await send(api, api.tx.drugProvenance.ship(lotId, MAKER, HEKOU_CLINIC, packs, []), keyring.addFromUri('//One'));
  const event = shipped.events.find(({ event: e }) => e.section === 'drugProvenance' && e.method === 'Shipped');
  if (event === undefined) throw new Error('the chain did not report the shipment');
  const shipment = event.event.data[0];
  await send(api, api.tx.drugProvenance.receiveShipment(shipment, packs, []), keyring.addFromUri('//Alice//stash'));
  return (await api.query.drugProvenance.holdings(lotId, HEKOU_CLINIC)).toNumber();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { connect, send } = await import('./lib.mjs');
  const [url = 'ws://127.0.0.1:9944', packs = '100'] = process.argv.slice(2);
  const { api, keyring } = await connect(url);
  try {
    const held = await stockHekouClinic({ api, keyring, send, packs: Number(packs) });
    console.log(`Hekou village clinic holds ${held} packs of amoxicillin lot ${AMOXICILLIN_LOT}`);
  } finally {
    await api.disconnect();
  }
}
