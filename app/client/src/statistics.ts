// The health authority's figures: per region (county, township or village) and per calendar
// month, what the chain counted as it happened (`StatisticsApi`, pallet-statistics): records
// written, active patients and clinicians, consents, break-glass accesses and reviews,
// handovers of medicine (in all and by product), recalls, and emergency supplies needed,
// pledged, received, delivered and short. No figure names a patient.
//
// A month is a number, `year × 12 + (month − 1)` (December 2026 is 24,323), as the chain keys
// its counters. Questions the chain would refuse are refused here first, under the chain's own
// codes (`Statistics.InvalidRegion`, …), so the caller branches the same way either way.
import type { ApiPromise } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import { ChainError, type DispatchErrorLike } from './errors.js';
import { isObject, list, runtimeCall, shape } from './decode.js';
import type { RegionCode } from './emergencies.js';

/** A calendar month (UTC) as `year × 12 + (month − 1)`. */
export type Month = number;

/** The month `date` falls in (UTC). */
export function monthOf(date: Date): Month {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** `2026-12` for December 2026. */
export function monthLabel(month: Month): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** What the chain counts per region and month; see `docs/statistics.md` for each. */
export const FIGURES = [
  'recordsWritten',
  'activePatients',
  'activeClinicians',
  'consentGrants',
  'breakGlassAccesses',
  'breakGlassReviews',
  'dispensations',
  'lotsRecalled',
  'suppliesNeeded',
  'suppliesPledged',
  'suppliesReceived',
  'suppliesDelivered',
  'suppliesShort',
] as const;

export type Figure = (typeof FIGURES)[number];

/** A region's figures in one month. */
export type MonthFigures = { readonly month: Month } & { readonly [F in Figure]: number };

/** A product's handovers to patients in a region, one count per month asked for. */
export interface ProductFigures {
  /** GTIN-14. */
  readonly product: string;
  readonly perMonth: readonly number[];
}

const whole = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

/** The chain's limit on months per question (`Statistics.MaxMonthsPerQuery`). */
export function maxMonthsPerQuery(api: ApiPromise): number {
  return constant(api, 'maxMonthsPerQuery');
}

/** The chain's limit on products per question (`Statistics.MaxProductsPerQuery`). */
export function maxProductsPerQuery(api: ApiPromise): number {
  return constant(api, 'maxProductsPerQuery');
}

function constant(api: ApiPromise, name: string): number {
  const value = (api.consts as Record<string, Record<string, Codec | undefined> | undefined>).statistics?.[name];
  if (value === undefined) throw new ChainError(undefined, 'UnsupportedRuntime', 'The chain keeps no regional statistics.');
  return Number(value.toString());
}

function checkQuestion(api: ApiPromise, region: RegionCode, first: Month, months: number): void {
  const { county, township, village } = region;
  if (![county, township, village].every(whole) || county === 0 || county > 0xffff_ffff
    || township > 0xffff || village > 0xffff || (township === 0 && village !== 0)) {
    throw ChainError.refusal('Statistics', 'InvalidRegion');
  }
  if (!whole(first) || !whole(months)) throw new ChainError(undefined, 'NotAWholeNumber', 'A month and a number of months are whole numbers.');
  if (months === 0) throw ChainError.refusal('Statistics', 'NoMonths');
  if (months > maxMonthsPerQuery(api)) throw ChainError.refusal('Statistics', 'TooManyMonths', `At most ${maxMonthsPerQuery(api)}.`);
  if (first + months > 0xffff_ffff) throw ChainError.refusal('Statistics', 'MonthOutOfRange');
}

/** The `Ok` value of a runtime API's `Result`, or its `DispatchError` as a `ChainError`. */
function okOrThrow(api: ApiPromise, result: Codec): unknown {
  const r = result as Codec & { isErr?: boolean; asErr?: DispatchErrorLike; asOk?: Codec };
  if (typeof r.isErr !== 'boolean') throw shape('a result');
  if (r.isErr) throw ChainError.fromDispatchError(api.registry, r.asErr as DispatchErrorLike);
  return (r.asOk as Codec).toJSON();
}

const count = (value: unknown, what: string): number => {
  if (typeof value === 'number' && whole(value)) return value;
  if (typeof value === 'string' && /^(0x[0-9a-fA-F]+|\d+)$/.test(value)) return Number(BigInt(value));
  throw shape(what);
};

/**
 * `region`'s figures for `months` months from `first`, the first month first. A region counts
 * what happened in it and in the regions it holds (a county its townships and villages).
 *
 * Refusals (`ChainError`): `Statistics.InvalidRegion`, `Statistics.NoMonths`,
 * `Statistics.TooManyMonths`, `Statistics.MonthOutOfRange`, `NotAWholeNumber`;
 * `UnsupportedRuntime` on a chain without statistics.
 */
export async function regionalStatistics(api: ApiPromise, region: RegionCode, first: Month, months: number): Promise<MonthFigures[]> {
  checkQuestion(api, region, first, months);
  const raw = okOrThrow(api, await runtimeCall(api, 'statisticsApi', 'regionalStatistics')(region, first, months));
  return list(raw).map((row) => {
    if (!isObject(row)) throw shape('a month of figures');
    const figures = Object.fromEntries(FIGURES.map((figure) => [figure, count(row[figure], `the ${figure} figure`)]));
    return { month: count(row.month, 'a month'), ...figures } as MonthFigures;
  });
}

/**
 * `region`'s handovers to patients of each of `products` (GTIN-14 digits) for `months` months
 * from `first`. Refusals as `regionalStatistics`, and `Statistics.TooManyProducts`,
 * `InvalidArgument` (a product that is not 14 digits).
 */
export async function productDispensations(
  api: ApiPromise,
  region: RegionCode,
  first: Month,
  months: number,
  products: readonly string[],
): Promise<ProductFigures[]> {
  checkQuestion(api, region, first, months);
  if (products.length > maxProductsPerQuery(api)) throw ChainError.refusal('Statistics', 'TooManyProducts', `At most ${maxProductsPerQuery(api)}.`);
  const bad = products.find((gtin) => !/^\d{14}$/.test(gtin));
  if (bad !== undefined) throw new ChainError(undefined, 'InvalidArgument', `${bad} is not a GTIN-14 (14 digits).`);
  const gtins = products.map((gtin) => Array.from(gtin, (digit) => digit.charCodeAt(0)));
  const raw = okOrThrow(api, await runtimeCall(api, 'statisticsApi', 'productDispensations')(region, first, months, gtins));
  return list(raw).map((row, i) => {
    if (!isObject(row)) throw shape('a product’s figures');
    return { product: products[i] ?? '', perMonth: list(row.perMonth).map((n) => count(n, 'a handover count')) };
  });
}

const csvCell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The figures as CSV (RFC 4180): a header of `region`, `month` and the figures' names, then a
 * row per month; `headings` renames the columns (for a translated file).
 */
export function statisticsCsv(
  region: RegionCode,
  rows: readonly MonthFigures[],
  headings: Partial<Record<'region' | 'month' | Figure, string>> = {},
): string {
  const name = `${region.county}-${region.township}-${region.village}`;
  const header = ['region', 'month', ...FIGURES].map((column) => csvCell(headings[column as Figure] ?? column));
  const lines = rows.map((row) => [name, monthLabel(row.month), ...FIGURES.map((figure) => String(row[figure]))].map(csvCell).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
