// The regional statistics on a live dev node (RURALMED_WS): a record written at Hekou clinic
// counts in its village, township and county for this month, and every question the chain
// would refuse is refused, here and by the chain, under the same code.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';

import {
  ChainError, maxMonthsPerQuery, monthOf, productDispensations, regionalStatistics, submit, type MonthFigures, type RegionCode,
} from '../src/index.js';
import { refused } from './helpers.js';

const WS = process.env.RURALMED_WS;
const HEKOU_CLINIC = 1;
const HEKOU: RegionCode = { county: 1001, township: 1, village: 1 };

describe('regional statistics (dev node)', { skip: WS === undefined ? 'RURALMED_WS is not set' : false }, () => {
  let api: ApiPromise;
  let month: number;
  const figures = (region: RegionCode): Promise<MonthFigures[]> => regionalStatistics(api, region, month, 1);
  before(async () => {
    api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
    month = monthOf(new Date(Number((await api.query.timestamp?.now?.())?.toString())));
  });
  after(async () => { await api.disconnect(); });

  it('a record written at Hekou counts in its village, township and county this month', async () => {
    const keyring = new Keyring({ type: 'sr25519' });
    const charlie = keyring.addFromUri('//Charlie');
    const eve = keyring.addFromUri('//Eve');
    const regions: RegionCode[] = [HEKOU, { ...HEKOU, village: 0 }, { county: 1001, township: 0, village: 0 }];
    const before = await Promise.all(regions.map(figures));
    const otherVillage = { ...HEKOU, village: 2 };
    const otherBefore = await figures(otherVillage);
    const anchor = api.tx.patientRecords?.anchorRecord;
    assert.ok(anchor);
    await submit(api, anchor(eve.address, HEKOU_CLINIC, 'Encounter', blake2AsHex(`statistics ${Date.now()}`), HEKOU_CLINIC, 100, null), charlie);
    const after = await Promise.all(regions.map(figures));
    for (const [i, region] of regions.entries()) {
      const [was] = before[i] as MonthFigures[];
      const [now] = after[i] as MonthFigures[];
      assert.ok(was && now);
      assert.equal(now.month, month);
      assert.equal(now.recordsWritten, was.recordsWritten + 1, JSON.stringify(region));
      assert.ok(now.activePatients >= 1 && now.activeClinicians >= 1);
    }
    // Another village of the township counts nothing of it.
    assert.deepEqual(await figures(otherVillage), otherBefore);
    const products = await productDispensations(api, HEKOU, month - 1, 2, ['06901234567892']);
    assert.equal(products.length, 1);
    assert.equal(products[0]?.perMonth.length, 2);
  });

  it('refuses, before asking and when asked anyway, under the chain’s codes', async () => {
    const unchanged = (): Promise<unknown> => figures(HEKOU);
    await refused('Statistics.InvalidRegion', () => regionalStatistics(api, { county: 0, township: 0, village: 0 }, month, 1), unchanged);
    await refused('Statistics.InvalidRegion', () => regionalStatistics(api, { county: 1001, township: 0, village: 3 }, month, 1), unchanged);
    await refused('Statistics.NoMonths', () => regionalStatistics(api, HEKOU, month, 0), unchanged);
    await refused('Statistics.TooManyMonths', () => regionalStatistics(api, HEKOU, month, maxMonthsPerQuery(api) + 1), unchanged);
    await refused('Statistics.MonthOutOfRange', () => regionalStatistics(api, HEKOU, 0xffff_ffff, 1), unchanged);
    await refused('NotAWholeNumber', () => regionalStatistics(api, HEKOU, 1.5, 1), unchanged);
    await refused('InvalidArgument', () => productDispensations(api, HEKOU, month, 1, ['123']), unchanged);
    await refused('Statistics.TooManyProducts', () => productDispensations(api, HEKOU, month, 1, Array(65).fill('06901234567892')), unchanged);
    // The chain itself refuses the same questions with the same codes.
    for (const [args, code] of [
      [[{ county: 0, township: 0, village: 0 }, month, 1], 'Statistics.InvalidRegion'],
      [[HEKOU, month, 0], 'Statistics.NoMonths'],
      [[HEKOU, month, 25], 'Statistics.TooManyMonths'],
      [[HEKOU, 0xffff_ffff, 1], 'Statistics.MonthOutOfRange'],
    ] as const) {
      const ask = api.call.statisticsApi?.regionalStatistics;
      assert.ok(ask);
      const result = await ask(...args) as unknown as { isErr: boolean; asErr: Parameters<typeof ChainError.fromDispatchError>[1] };
      assert.ok(result.isErr, code);
      assert.equal(ChainError.fromDispatchError(api.registry, result.asErr).code, code);
    }
  });
});
