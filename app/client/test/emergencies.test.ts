// Why each need got what it got (`needOutcomes`), from the figures of an allocated round.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { needOutcomes, type NeedView, type Priority } from '../src/index.js';

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
