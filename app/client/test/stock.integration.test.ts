// Medicine stock against a real node (RURALMED_WS=ws://…; set by scripts/live-checks.sh): the
// demo maker (//One, organisation 4) registers a fresh cold-chain product and makes a batch of
// it; ships packs to the demo distributor (//Two, organisation 5), which receives them by the
// shipment's number, reports an excursion, flags its stock as suspect and sends it back; the
// maker receives the return and recalls the batch. A serialised batch: the maker numbers its
// packs, ships three by serial, the distributor receives two (one lost) and sends one back.
// Every refusal, the client's before signing and the chain's, is checked to change nothing.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { stringToHex } from '@polkadot/util';

import {
  ChainError,
  commissionLot,
  commissionSerials,
  dispensationsOf,
  flagSuspectStock,
  getLot,
  getProduct,
  getPack,
  getShipment,
  lotsAwaitingSerials,
  packsHeld,
  parseShipmentId,
  productsOf,
  recallOwnLot,
  recalledStock,
  receiveStock,
  registerProduct,
  reportExcursion,
  returnToMaker,
  serialRange,
  shipStock,
  stockOf,
  type ProductView,
  type StockLine,
} from '../src/index.js';
import { refused } from './helpers.js';

const WS = process.env.RURALMED_WS;
const MAKER = 4;
const DISTRIBUTOR = 5;
const HEKOU_CLINIC = 1;
const AMOXICILLIN = '06901234567892';
const DAY_MS = 86_400_000;

/** A GTIN-14 with its GS1 check digit. */
function withCheckDigit(digits13: string): string {
  const sum = Array.from(digits13, Number).reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
  return `${digits13}${(10 - (sum % 10)) % 10}`;
}

const iso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

describe('medicine stock (dev node)', { skip: WS === undefined ? 'RURALMED_WS is not set' : false }, () => {
  let api: ApiPromise;
  let maker: KeyringPair, distributor: KeyringPair, clinic: KeyringPair;
  let today: number;
  let gtin: string;
  let product: ProductView;
  let lot: bigint;
  const lotNumber = `STK-${Date.now().toString(36).toUpperCase()}`;
  const line = async (org: number, id: bigint): Promise<StockLine> => {
    const found = (await stockOf(api, org)).find((l) => l.lot.id === id);
    assert.ok(found, `organisation ${org} holds lot ${id}`);
    return found;
  };
  const held = async (org: number, id: bigint): Promise<number> => Number((await api.query.drugProvenance?.holdings?.(id, org))?.toString());
  const nextShipment = async (): Promise<string> => (await api.query.drugProvenance?.nextShipmentId?.())?.toString() ?? '';
  const nextLot = async (): Promise<string> => (await api.query.drugProvenance?.nextLotId?.())?.toString() ?? '';

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    [maker, distributor, clinic] = ['//One', '//Two', '//Alice//stash'].map((s) => keyring.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair];
    today = Math.floor(Number((await api.query.timestamp?.now?.())?.toString()) / DAY_MS);
    // A product number under the demo maker's GS1 company prefix (0 690123456 …) not yet taken.
    for (let item = Date.now() % 900; ; item += 1) {
      gtin = withCheckDigit(`0690123456${String(100 + (item % 900)).padStart(3, '0')}`);
      if ((await getProduct(api, gtin)) === null) break;
    }
  });

  after(async () => { await api.disconnect(); });

  it('a maker registers a product: a bad number, name or range, or a taken number, is refused first; a GTIN outside its prefix by the chain', async () => {
    const base = { org: MAKER, gtin, name: 'Test vaccine', form: 'Vaccine' as const, strength: '1 dose', coldChain: { minCelsius: 2, maxCelsius: 8 } };
    const none = (): Promise<unknown> => getProduct(api, gtin);
    await refused('DrugProvenance.InvalidGtin', () => registerProduct(api, maker, { ...base, gtin: '06901234567891' }), none);
    await refused('DrugProvenance.InvalidName', () => registerProduct(api, maker, { ...base, name: '  ' }), none);
    await refused('DrugProvenance.InvalidName', () => registerProduct(api, maker, { ...base, name: 'x'.repeat(65) }), none);
    await refused('DrugProvenance.InvalidName', () => registerProduct(api, maker, { ...base, strength: '药'.repeat(11) }), none);
    await refused('DrugProvenance.InvalidTemperatureRange', () => registerProduct(api, maker, { ...base, coldChain: { minCelsius: 8, maxCelsius: 2 } }), none);
    await refused('DrugProvenance.InvalidTemperatureRange', () => registerProduct(api, maker, { ...base, coldChain: { minCelsius: Number.NaN, maxCelsius: 8 } }), none);
    await refused('DrugProvenance.ProductExists', () => registerProduct(api, maker, { ...base, gtin: AMOXICILLIN }), () => getProduct(api, AMOXICILLIN));
    const foreign = withCheckDigit('0123456789012');
    await refused('DrugProvenance.GtinNotInCompanyPrefix', () => registerProduct(api, maker, { ...base, gtin: foreign }), () => getProduct(api, foreign));

    await registerProduct(api, maker, base);
    const registered = await getProduct(api, gtin);
    assert.ok(registered);
    product = registered;
    assert.deepEqual({ ...product }, { gtin, manufacturer: MAKER, name: 'Test vaccine', strength: '1 dose', form: 'Vaccine', coldChain: true, range: { minDecicelsius: 20, maxDecicelsius: 80 } });
    assert.ok((await productsOf(api, MAKER)).some((p) => p.gtin === gtin), 'listed among the maker\'s products');
    assert.ok(!(await productsOf(api, DISTRIBUTOR)).some((p) => p.gtin === gtin), 'not the distributor\'s');
  });

  it('the maker makes a batch: another organisation, bad numbers and dates are refused first; the batch is then in its stock', async () => {
    const args = { product, lotNumber, manufacturedOn: iso(today - 3), expiresOn: iso(today + 400), quantity: 100, actsFor: [MAKER] };
    const unchanged = async (): Promise<unknown> => [await nextLot(), (await api.query.drugProvenance?.lotIds?.(stringToHex(gtin), stringToHex(lotNumber)))?.toString()];
    await refused('DrugProvenance.NotManufacturer', () => commissionLot(api, distributor, { ...args, actsFor: [DISTRIBUTOR] }), unchanged);
    await refused('DrugProvenance.InvalidLotNumber', () => commissionLot(api, maker, { ...args, lotNumber: 'lot with spaces' }), unchanged);
    await refused('DrugProvenance.InvalidLotNumber', () => commissionLot(api, maker, { ...args, lotNumber: 'L'.repeat(21) }), unchanged);
    await refused('InvalidDate', () => commissionLot(api, maker, { ...args, expiresOn: '' }), unchanged);
    await refused('InvalidDate', () => commissionLot(api, maker, { ...args, manufacturedOn: '2026-13-45' }), unchanged);
    await refused('DrugProvenance.ExpiryNotAfterManufacture', () => commissionLot(api, maker, { ...args, expiresOn: iso(today - 3) }), unchanged);
    await refused('DrugProvenance.ManufacturedInFuture', () => commissionLot(api, maker, { ...args, manufacturedOn: iso(today + 5) }), unchanged);
    await refused('DrugProvenance.StockExpired', () => commissionLot(api, maker, { ...args, manufacturedOn: iso(today - 30), expiresOn: iso(today) }), unchanged);
    await refused('DrugProvenance.InvalidQuantity', () => commissionLot(api, maker, { ...args, quantity: 0 }), unchanged);
    await refused('DrugProvenance.InvalidQuantity', () => commissionLot(api, maker, { ...args, quantity: 10_000_001 }), unchanged);
    await refused('NotAWholeNumber', () => commissionLot(api, maker, { ...args, quantity: 1.5 }), unchanged);

    lot = await commissionLot(api, maker, args);
    const made = await line(MAKER, lot);
    assert.equal(made.held, 100);
    assert.equal(made.lot.lotNumber, lotNumber);
    assert.equal(made.product?.name, 'Test vaccine');
    assert.deepEqual([made.usable, made.expired, made.suspect], [true, false, null]);
    await refused('DrugProvenance.LotExists', () => commissionLot(api, maker, args), unchanged);
  });

  it('ships to the distributor, which receives by the shipment number; refusals first, the chain\'s too, none changes anything', async () => {
    const stock = await line(MAKER, lot);
    const ship = { line: stock, from: MAKER, to: DISTRIBUTOR, quantity: 30 };
    const unchanged = async (): Promise<unknown> => [await nextShipment(), await held(MAKER, lot)];
    await refused('DrugProvenance.InvalidQuantity', () => shipStock(api, maker, { ...ship, quantity: 0 }), unchanged);
    await refused('NotAWholeNumber', () => shipStock(api, maker, { ...ship, quantity: Number.NaN }), unchanged);
    await refused('DrugProvenance.SameOrganisation', () => shipStock(api, maker, { ...ship, to: MAKER }), unchanged);
    await refused('DrugProvenance.InsufficientStock', () => shipStock(api, maker, { ...ship, quantity: 101 }), unchanged);
    // Someone who does not act for the maker: the chain refuses.
    await refused('DrugProvenance.NotActingForOrganisation', () => shipStock(api, distributor, ship), unchanged);

    const shipment = await shipStock(api, maker, ship);
    assert.equal((await line(MAKER, lot)).held, 70);
    const view = await getShipment(api, shipment);
    assert.ok(view);
    assert.deepEqual([view.lot, view.from, view.to, view.quantity, view.kind, view.status, view.received], [lot, MAKER, DISTRIBUTOR, 30, 'Transfer', 'InTransit', null]);

    assert.equal(parseShipmentId(` #${shipment} `), shipment);
    assert.throws(() => parseShipmentId('twelve'), (e: unknown) => e instanceof ChainError && e.code === 'InvalidArgument');
    assert.throws(() => parseShipmentId('18446744073709551616'), (e: unknown) => e instanceof ChainError && e.code === 'InvalidArgument');
    assert.equal(await getShipment(api, 999_999_999n), null);

    const receive = { shipment: view, received: 29, actsFor: [DISTRIBUTOR] };
    const still = async (): Promise<unknown> => [(await getShipment(api, shipment))?.status, await held(DISTRIBUTOR, lot)];
    await refused('DrugProvenance.NotRecipient', () => receiveStock(api, clinic, { ...receive, actsFor: [HEKOU_CLINIC] }), still);
    await refused('DrugProvenance.InvalidReceipt', () => receiveStock(api, distributor, { ...receive, received: 31 }), still);
    await refused('NotAWholeNumber', () => receiveStock(api, distributor, { ...receive, received: -1 }), still);
    // The Hekou clinic's admin claiming to act for the distributor: the chain refuses.
    await refused('DrugProvenance.NotRecipient', () => receiveStock(api, clinic, receive), still);

    await receiveStock(api, distributor, receive);
    const received = await getShipment(api, shipment);
    assert.deepEqual([received?.status, received?.received, received?.missing], ['Received', 29, 1]);
    assert.equal((await line(DISTRIBUTOR, lot)).held, 29);
    await refused('DrugProvenance.ShipmentNotInTransit', () => receiveStock(api, distributor, { ...receive, shipment: received ?? view }), still);
  });

  it('the distributor reports an excursion, flags its stock, sends it back; the maker recalls the batch', async () => {
    const stock = await line(DISTRIBUTOR, lot);
    const events = async (): Promise<unknown> => (await api.query.drugProvenance?.lots?.(lot))?.toJSON();
    const excursion = { line: stock, org: DISTRIBUTOR, minCelsius: 3, maxCelsius: 7, minutes: 10 };
    await refused('DrugProvenance.InvalidExcursion', () => reportExcursion(api, distributor, excursion), events);
    await refused('DrugProvenance.InvalidExcursion', () => reportExcursion(api, distributor, { ...excursion, minCelsius: 9, maxCelsius: 4 }), events);
    await refused('DrugProvenance.InvalidExcursion', () => reportExcursion(api, distributor, { ...excursion, maxCelsius: 9.5, minutes: 0 }), events);
    const amoxicillin = (await stockOf(api, MAKER)).find((l) => l.lot.gtin === AMOXICILLIN);
    assert.ok(amoxicillin, 'the maker holds amoxicillin');
    await refused('DrugProvenance.NotColdChainProduct', () => reportExcursion(api, maker, { ...excursion, line: amoxicillin, org: MAKER, maxCelsius: 40 }), events);
    assert.deepEqual(await reportExcursion(api, distributor, { ...excursion, maxCelsius: 9.5 }), { breached: false });
    assert.equal((await getLot(api, lot))?.coldChain, 'Intact');

    await flagSuspectStock(api, distributor, { line: stock, org: DISTRIBUTOR, reason: 'PackagingDamaged' });
    const flagged = await line(DISTRIBUTOR, lot);
    assert.deepEqual([flagged.suspect, flagged.usable], ['PackagingDamaged', false]);
    const unchanged = async (): Promise<unknown> => [await nextShipment(), await held(DISTRIBUTOR, lot)];
    await refused('DrugProvenance.AlreadySuspect', () => flagSuspectStock(api, distributor, { line: flagged, org: DISTRIBUTOR, reason: 'Other' }), unchanged);
    await refused('DrugProvenance.HoldingQuarantined', () => shipStock(api, distributor, { line: flagged, from: DISTRIBUTOR, to: HEKOU_CLINIC, quantity: 1 }), unchanged);

    const back = { line: flagged, from: DISTRIBUTOR, quantity: 29 };
    await refused('DrugProvenance.InvalidQuantity', () => returnToMaker(api, distributor, { ...back, quantity: 0 }), unchanged);
    await refused('DrugProvenance.InsufficientStock', () => returnToMaker(api, distributor, { ...back, quantity: 30 }), unchanged);
    await refused('DrugProvenance.SameOrganisation', () => returnToMaker(api, maker, { ...back, from: MAKER }), unchanged);
    const shipment = await returnToMaker(api, distributor, back);
    assert.equal(await held(DISTRIBUTOR, lot), 0);
    const view = await getShipment(api, shipment);
    assert.ok(view);
    assert.equal(view.kind, 'Return');
    await receiveStock(api, maker, { shipment: view, received: 29, actsFor: [MAKER] });
    assert.equal((await line(MAKER, lot)).held, 99);

    const made = (await getLot(api, lot)) ?? assert.fail('no lot');
    const status = async (): Promise<unknown> => (await getLot(api, lot))?.status;
    await refused('DrugProvenance.NotManufacturer', () => recallOwnLot(api, distributor, { lot: made, reason: 'QualityDefect', actsFor: [DISTRIBUTOR] }), status);
    await recallOwnLot(api, maker, { lot: made, reason: 'QualityDefect', actsFor: [MAKER] });
    const recalled = (await getLot(api, lot)) ?? assert.fail('no lot');
    assert.deepEqual(recalled.status, { kind: 'Recalled', reason: 'QualityDefect', byAuthority: false });
    await refused('DrugProvenance.AlreadyRecalled', () => recallOwnLot(api, maker, { lot: recalled, reason: 'Other', actsFor: [MAKER] }), status);
    const after = await line(MAKER, lot);
    assert.equal(after.usable, false);
    // Recalled lots come first in the stock list.
    assert.equal((await stockOf(api, MAKER))[0]?.lot.status.kind, 'Recalled');
    // The authority's view: the batch is among the recalled stock, held where the chain says.
    const sits = (await recalledStock(api)).find((r) => r.lot.id === lot) ?? assert.fail('the recalled batch is not listed');
    assert.equal(sits.product?.gtin, gtin);
    const holders = await Promise.all(sits.holders.map(async (h) => [h.org, h.packs, await held(h.org, lot)]));
    assert.ok(holders.every(([, packs, onChain]) => packs === onChain), JSON.stringify(holders));
    assert.deepEqual(sits.holders.find((h) => h.org === MAKER)?.packs, 99);
    assert.ok((await recalledStock(api)).every((r) => r.lot.status.kind === 'Recalled' && r.holders.every((h) => h.packs > 0)));
    await refused('DrugProvenance.LotRecalled', () => shipStock(api, maker, { line: after, from: MAKER, to: DISTRIBUTOR, quantity: 1 }), unchanged);
    await refused('DrugProvenance.LotRecalled', () => flagSuspectStock(api, maker, { line: after, org: MAKER, reason: 'Other' }), unchanged);
    // Never dispensed: nobody to call.
    assert.deepEqual(await dispensationsOf(api, lot, MAKER), []);
  });

  it('a serialised batch moves pack by pack: numbered by its maker, shipped by serial, received with one missing, one sent back; refusals first', async () => {
    const number = `${lotNumber}-S`;
    const serialised = await commissionLot(api, maker, { product, lotNumber: number, manufacturedOn: iso(today - 1), expiresOn: iso(today + 300), quantity: 5, serialised: true, actsFor: [MAKER] });
    const made = (await getLot(api, serialised)) ?? assert.fail('no lot');
    assert.deepEqual([made.serialised, made.quantity, made.commissioned, await held(MAKER, serialised)], [true, 5, 0, 0]);
    assert.ok((await lotsAwaitingSerials(api, MAKER)).some((l) => l.id === serialised), 'awaiting its serials');
    assert.ok(!(await lotsAwaitingSerials(api, MAKER)).some((l) => l.id === lot), 'the unserialised batch awaits none');

    // Numbering: refusals first, then three of the five, then the rest.
    const counted = async (): Promise<unknown> => [(await getLot(api, serialised))?.commissioned, await held(MAKER, serialised)];
    const plain = (await getLot(api, lot)) ?? assert.fail('no lot');
    await refused('DrugProvenance.NotManufacturer', () => commissionSerials(api, distributor, { lot: made, serials: ['S-01'], actsFor: [DISTRIBUTOR] }), counted);
    await refused('DrugProvenance.NotSerialised', () => commissionSerials(api, maker, { lot: plain, serials: ['S-01'], actsFor: [MAKER] }), counted);
    await refused('DrugProvenance.InvalidQuantity', () => commissionSerials(api, maker, { lot: made, serials: [], actsFor: [MAKER] }), counted);
    await refused('DrugProvenance.InvalidSerial', () => commissionSerials(api, maker, { lot: made, serials: ['S 01'], actsFor: [MAKER] }), counted);
    await refused('DrugProvenance.DuplicateSerial', () => commissionSerials(api, maker, { lot: made, serials: ['S-01', 'S-01'], actsFor: [MAKER] }), counted);
    await refused('DrugProvenance.TooManySerials', () => commissionSerials(api, maker, { lot: made, serials: serialRange('S-01', 6), actsFor: [MAKER] }), counted);
    await commissionSerials(api, maker, { lot: made, serials: serialRange('S-01', 3), actsFor: [MAKER] });
    assert.deepEqual(await counted(), [3, 3]);
    await refused('DrugProvenance.DuplicateSerial', () => commissionSerials(api, maker, { lot: made, serials: ['S-03'], actsFor: [MAKER] }), counted);
    await refused('DrugProvenance.TooManySerials', () => commissionSerials(api, maker, { lot: made, serials: serialRange('S-04', 3), actsFor: [MAKER] }), counted);
    await commissionSerials(api, maker, { lot: made, serials: serialRange('S-04', 2), actsFor: [MAKER] });
    assert.deepEqual(await counted(), [5, 5]);
    assert.ok(!(await lotsAwaitingSerials(api, MAKER)).some((l) => l.id === serialised), 'all numbered');
    assert.deepEqual((await packsHeld(api, serialised, MAKER)).map((p) => [p.serial, p.custody, p.status]),
      ['S-01', 'S-02', 'S-03', 'S-04', 'S-05'].map((serial) => [serial, { kind: 'Held', org: MAKER }, 'Active']));
    assert.equal(await getPack(api, serialised, 'S-09'), null);

    // Shipping by serial.
    const stock = await line(MAKER, serialised);
    const ship = { line: stock, from: MAKER, to: DISTRIBUTOR, quantity: 0, serials: ['S-01', 'S-02', 'S-03'] };
    const unchanged = async (): Promise<unknown> => [await nextShipment(), await held(MAKER, serialised)];
    await refused('DrugProvenance.SerialsRequired', () => shipStock(api, maker, { ...ship, serials: [] }), unchanged);
    await refused('DrugProvenance.UnknownPack', () => shipStock(api, maker, { ...ship, serials: ['S-01', 'S-09'] }), unchanged);
    await refused('DrugProvenance.DuplicateSerial', () => shipStock(api, maker, { ...ship, serials: ['S-01', 'S-01'] }), unchanged);
    await refused('DrugProvenance.InvalidSerial', () => shipStock(api, maker, { ...ship, serials: ['S 01'] }), unchanged);
    const plainStock = await line(MAKER, lot);
    await refused('DrugProvenance.NotSerialised', () => shipStock(api, maker, { ...ship, line: plainStock, quantity: 1 }), unchanged);
    const shipment = await shipStock(api, maker, ship);
    assert.equal(await held(MAKER, serialised), 2);
    assert.deepEqual((await getPack(api, serialised, 'S-02'))?.custody, { kind: 'InTransit', shipment });
    await refused('DrugProvenance.PackNotHeld', () => shipStock(api, maker, { ...ship, serials: ['S-01'] }), unchanged);
    const view = (await getShipment(api, shipment)) ?? assert.fail('no shipment');
    assert.deepEqual([view.quantity, view.serials], [3, ['S-01', 'S-02', 'S-03']]);

    // Receipt, S-02 missing: refusals first.
    const receive = { shipment: view, received: 0, missing: ['S-02'], actsFor: [DISTRIBUTOR] };
    const still = async (): Promise<unknown> => [(await getShipment(api, shipment))?.status, await held(DISTRIBUTOR, serialised)];
    await refused('DrugProvenance.InvalidReceipt', () => receiveStock(api, distributor, { ...receive, missing: ['S-04'] }), still);
    await refused('DrugProvenance.InvalidReceipt', () => receiveStock(api, distributor, { ...receive, missing: ['S-02', 'S-02'] }), still);
    await refused('DrugProvenance.NotSerialised', () => receiveStock(api, distributor, { ...receive, shipment: { ...view, serials: [] } }), still);
    await receiveStock(api, distributor, receive);
    const received = await getShipment(api, shipment);
    assert.deepEqual([received?.status, received?.received, received?.missing], ['Received', 2, 1]);
    assert.deepEqual((await packsHeld(api, serialised, DISTRIBUTOR)).map((p) => p.serial), ['S-01', 'S-03']);
    assert.deepEqual((await getPack(api, serialised, 'S-02'))?.custody, { kind: 'Lost' });

    // One pack back to the maker by serial; a lost one cannot go.
    const distStock = await line(DISTRIBUTOR, serialised);
    const back = async (): Promise<unknown> => [await nextShipment(), await held(DISTRIBUTOR, serialised)];
    await refused('DrugProvenance.PackNotHeld', () => returnToMaker(api, distributor, { line: distStock, from: DISTRIBUTOR, quantity: 0, serials: ['S-02'] }), back);
    await refused('DrugProvenance.SerialsRequired', () => returnToMaker(api, distributor, { line: distStock, from: DISTRIBUTOR, quantity: 1 }), back);
    const returned = await returnToMaker(api, distributor, { line: distStock, from: DISTRIBUTOR, quantity: 0, serials: ['S-03'] });
    assert.deepEqual((await getShipment(api, returned))?.serials, ['S-03']);
    assert.equal(await held(DISTRIBUTOR, serialised), 1);
  });
});
