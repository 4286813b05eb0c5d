// Why each need got what it got (`needOutcomes`), from the figures of an allocated round.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { needOutcomes, regionContains, type NeedView, type Priority } from '../src/index.js';

function need(priority: Priority, requested: number, stockOnHand: number, allocated: number): Omit<NeedView, 'outcome'> {
  return {
    id: 0n, org: 1, location: { county: 1001, township: 1, village: 1 }, requested, stockOnHand,
    unmet: Math.max(0, requested - stockOnHand), peopleServed: 10, priority, requestedPriority: priority,
    reason: 'CaseSurge', filedBy: '5x', allocated,
  };
}

describe('needOutcomes', () => {
  it('a round not allocated says so for every need', () => {
    assert.deepEqual(needOutcomes([need('Urgent', 10, 0, 0), need('Routine', 5, 5, 0)], false), ['NotAllocated', 'NotAllocated']);
  });

  it('covered by stock, met in full, shared, and nothing after higher tiers', () => {
    const needs = [need('Urgent', 10, 0, 10), need('Routine', 8, 0, 3), need('Routine', 4, 0, 1), need('Routine', 3, 3, 0)];
    assert.deepEqual(needOutcomes(needs, true), ['Full', 'Shared', 'Shared', 'Covered']);
    assert.deepEqual(needOutcomes([need('Critical', 10, 0, 10), need('Routine', 4, 0, 0)], true), ['Full', 'HigherTiers']);
  });

  it('nothing for anyone: no stock', () => {
    assert.deepEqual(needOutcomes([need('Urgent', 10, 0, 0), need('Routine', 4, 1, 0)], true), ['NoStock', 'NoStock']);
  });
});

describe('regionContains', () => {
  it('a county holds its townships and villages, a township its villages, a region itself, nothing else', () => {
    const county = { county: 1001, township: 0, village: 0 };
    const township = { county: 1001, township: 1, village: 0 };
    const village = { county: 1001, township: 1, village: 1 };
    assert.ok(regionContains(county, village) && regionContains(county, township) && regionContains(township, village));
    assert.ok(regionContains(village, village));
    assert.ok(!regionContains(village, township) && !regionContains(township, county));
    assert.ok(!regionContains(township, { county: 1001, township: 2, village: 1 }) && !regionContains(county, { county: 2001, township: 0, village: 0 }));
  });
});
