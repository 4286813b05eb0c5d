// Months as the chain keys them, and the figures as CSV.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { FIGURES, monthLabel, monthOf, statisticsCsv, type MonthFigures } from '../src/index.js';

describe('months', () => {
  it('are year × 12 + month − 1, in UTC', () => {
    assert.equal(monthOf(new Date('2026-12-15T12:00:00Z')), 24_323);
    assert.equal(monthOf(new Date('2026-12-31T23:59:59.999Z')), 24_323);
    assert.equal(monthOf(new Date('2027-01-01T00:00:00Z')), 24_324);
    assert.equal(monthLabel(24_323), '2026-12');
    assert.equal(monthLabel(24_324), '2027-01');
  });
});

describe('statisticsCsv', () => {
  const row = (month: number, recordsWritten: number): MonthFigures =>
    ({ month, ...Object.fromEntries(FIGURES.map((f) => [f, 0])), recordsWritten }) as MonthFigures;

  it('has a header and a row per month, each figure in its column', () => {
    const csv = statisticsCsv({ county: 1001, township: 1, village: 0 }, [row(24_323, 3), row(24_324, 0)]);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines.length, 3);
    const [header = '', first = ''] = lines;
    assert.deepEqual(header.split(','), ['region', 'month', ...FIGURES]);
    assert.deepEqual(first.split(',').slice(0, 3), ['1001-1-0', '2026-12', '3']);
    assert.equal(first.split(',').length, FIGURES.length + 2);
  });

  it('quotes translated headings that hold commas or quotes', () => {
    const csv = statisticsCsv({ county: 1, township: 0, village: 0 }, [], { recordsWritten: 'records, "written"', month: '月份' });
    assert.match(csv, /^region,月份,"records, ""written""",/);
  });
});
