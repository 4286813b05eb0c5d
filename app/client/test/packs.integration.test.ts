// "Check a medicine" and "trace a donation" against a real node (RURALMED_WS=ws://…; set by
// scripts/vault-checks.sh). The demo maker (//One, org 4) commissions a fresh serialised lot of
// the demo amoxicillin and ships two of its three packs to the Hekou clinic (org 1), where
// Charlie receives them. checkPack then says: Genuine, with the maker and the path named; the
// pack still at the maker held there; an unknown serial, lot or product Unknown (likely
// counterfeit); a printed expiry that is not the maker's flagged; after the maker's recall,
// Recalled with the reason. A fresh lot, so reruns and the other tests on the node are not
// affected. traceDonation answers null for a donation that does not exist (the full trace is
// checked through the web app in app/web/tests/browser.mjs).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import { stringToHex } from '@polkadot/util';

import { checkPack, dayToIsoDate, parsePackCode, submit, traceDonation } from '../src/index.js';

const WS = process.env.RURALMED_WS;
const HEKOU_CLINIC = 1;
const MAKER = 4;
const AMOXICILLIN = '06901234567892';

function eventOf(events: readonly EventRecord[], section: string, method: string): EventRecord {
  const found = events.find(({ event }) => event.section === section && event.method === method);
  assert.ok(found, `no ${section}.${method} event`);
  return found;
}

describe('checking packs and tracing donations (dev node)', { skip: WS === undefined ? 'RURALMED_WS is not set' : false }, () => {
  let api: ApiPromise;
  let charlie: KeyringPair, maker: KeyringPair;
  const stamp = Date.now() % 1_000_000;
  const lotNumber = `CHK-${stamp}`;
  const serials = [`P1-${stamp}`, `P2-${stamp}`, `P3-${stamp}`] as const;
  const today = Math.floor(Date.now() / 86_400_000);
  const expiresOn = today + 500;
  let lotId: bigint;
  let hekou: string, makerName: string;

  const tx = (section: string, method: string, ...args: unknown[]): SubmittableExtrinsic<'promise'> => {
    const fn = api.tx[section]?.[method];
    assert.ok(fn, `the runtime has ${section}.${method}`);
    return fn(...args);
  };
  const orgName = async (id: number): Promise<string> => {
    const raw = (await api.query.registry?.organisations?.(id))?.toHuman() as { name?: string } | null;
    assert.ok(raw?.name, `organisation ${id} has a name`);
    return raw.name;
  };

  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    [charlie, maker] = ['//Charlie', '//One'].map((s) => keyring.addFromUri(s)) as [KeyringPair, KeyringPair];
    [hekou, makerName] = [await orgName(HEKOU_CLINIC), await orgName(MAKER)];
    const made = await submit(api, tx('drugProvenance', 'commissionLot', stringToHex(AMOXICILLIN), stringToHex(lotNumber), today - 10, expiresOn, 3, true), maker);
    lotId = BigInt(eventOf(made.events, 'drugProvenance', 'LotCommissioned').event.data[0]?.toString() ?? 'x');
    await submit(api, tx('drugProvenance', 'commissionSerials', lotId, serials.map(stringToHex)), maker);
    const shipped = await submit(api, tx('drugProvenance', 'ship', lotId, MAKER, HEKOU_CLINIC, 2, serials.slice(0, 2).map(stringToHex)), maker);
    await submit(api, tx('drugProvenance', 'receiveShipment', eventOf(shipped.events, 'drugProvenance', 'Shipped').event.data[0]?.toString(), 2, []), charlie);
  });
  after(async () => { await api.disconnect(); });

  it('a pack at the clinic is Genuine, with the maker, the expiry and the path named', async () => {
    const check = await checkPack(api, parsePackCode(`(01)${AMOXICILLIN}(10)${lotNumber}(21)${serials[0]}`));
    assert.equal(check.verdict, 'Genuine');
    assert.deepEqual(check.maker, { org: MAKER, name: makerName });
    assert.equal(check.expiresOn, dayToIsoDate(expiresOn));
    assert.ok(check.productName.length > 0, 'the product is named');
    assert.deepEqual(check.custody, { kind: 'Held', org: HEKOU_CLINIC, name: hekou });
    assert.equal(check.printedExpiryMatches, null);
    assert.equal(check.pathLength, check.path.length);
    assert.deepEqual(check.path.map((s) => s.step), ['Commissioning', 'Shipping', 'Receiving']);
    const [made, sent, received] = check.path;
    assert.ok(made && sent && received, 'three steps');
    assert.equal(made.orgName, makerName);
    assert.deepEqual(sent.to, { org: HEKOU_CLINIC, name: hekou });
    assert.equal(sent.quantity, 2);
    assert.equal(received.orgName, hekou);
    assert.equal(received.missing, 0);
    assert.ok(check.path.every((s) => s.time !== null && s.time > 0), 'steps after genesis carry their time');
  });

  it('the pack still at the maker is held by the maker', async () => {
    const check = await checkPack(api, parsePackCode(`(01)${AMOXICILLIN}(10)${lotNumber}(21)${serials[2]}`));
    assert.equal(check.verdict, 'Genuine');
    assert.deepEqual(check.custody, { kind: 'Held', org: MAKER, name: makerName });
  });

  it('an unknown serial, lot or product is Unknown: likely counterfeit', async () => {
    const serial = await checkPack(api, parsePackCode(`(01)${AMOXICILLIN}(10)${lotNumber}(21)FAKE-${stamp}`));
    assert.equal(serial.verdict, 'Unknown');
    const lot = await checkPack(api, parsePackCode(`(01)${AMOXICILLIN}(10)NOPE-${stamp}`));
    assert.equal(lot.verdict, 'Unknown');
    assert.equal(lot.maker?.org, MAKER, 'the product is known, so its maker is named');
    assert.equal(lot.expiresOn, null);
    assert.deepEqual(lot.path, []);
    // A GTIN with a valid check digit that no maker registered.
    const product = await checkPack(api, parsePackCode('(01)00000000000017(10)A1'));
    assert.equal(product.verdict, 'Unknown');
    assert.equal(product.maker, null);
    assert.equal(product.productName, '');
  });

  it('a printed expiry that is not the maker\'s is flagged; the maker\'s (or the day before) is not', async () => {
    const yymmdd = (day: number): string => dayToIsoDate(day).slice(2).replaceAll('-', '');
    const code = (day: number): string => `(01)${AMOXICILLIN}(17)${yymmdd(day)}(10)${lotNumber}(21)${serials[0]}`;
    assert.equal((await checkPack(api, parsePackCode(code(expiresOn)))).printedExpiryMatches, true);
    assert.equal((await checkPack(api, parsePackCode(code(expiresOn - 1)))).printedExpiryMatches, true);
    assert.equal((await checkPack(api, parsePackCode(code(expiresOn + 30)))).printedExpiryMatches, false);
  });

  it('after the maker recalls the lot, its packs are Recalled, with the reason', async () => {
    await submit(api, tx('drugProvenance', 'recallLot', lotId, 'Contamination'), maker);
    const check = await checkPack(api, parsePackCode(`(01)${AMOXICILLIN}(10)${lotNumber}(21)${serials[1]}`));
    assert.equal(check.verdict, 'Recalled');
    assert.equal(check.recalled, true);
    assert.equal(check.recallReason, 'Contamination');
    assert.equal(check.path.at(-1)?.step, 'Recalling');
  });

  it('a donation that does not exist traces to null', async () => {
    assert.equal(await traceDonation(api, 2n ** 64n - 1n), null);
  });
});
