// What the runtime upgrade from spec_version 100 to 101 must do to storage: the registry's
// storage version 1 -> 2 migration gives every organisation a `verifiedAt` field (null for
// organisations written before it, which did not record it), keeps every other field, and runs
// exactly once. A later upgrade replaces this file with its own migration's checks.
import { assert } from './lib.mjs';

export const MIGRATED_PALLET = 'Registry';
/// Storage items of the migrated pallet that the migration rewrites.
export const MIGRATED_ITEMS = ['Organisations'];

const FROM_VERSION = 1;
const TO_VERSION = 2;

/// Reads the registry at block `before` (on the old runtime); `verify(after)` then checks it at a
/// block on the new runtime.
export async function migrationChecks(api, before) {
  const old = await api.at(before);
  const version = (await old.query.registry.palletVersion()).toNumber();
  assert(version === FROM_VERSION, `registry storage version ${version} before the upgrade, expected ${FROM_VERSION}`);
  const organisations = new Map((await old.query.registry.organisations.entries())
    .map(([key, value]) => [key.args[0].toNumber(), value.unwrap().toJSON()]));
  assert(organisations.size > 0, 'no organisations to migrate');
  let checked = 0;
  return {
    async verify(after) {
      const now = await api.at(after);
      const migrated = (await now.query.registry.palletVersion()).toNumber();
      assert(migrated === TO_VERSION, `registry storage version ${migrated} after the upgrade, expected ${TO_VERSION}`);
      const entries = await now.query.registry.organisations.entries();
      assert(entries.length === organisations.size,
        `${entries.length} organisations after the upgrade, ${organisations.size} before`);
      for (const [key, value] of entries) {
        const id = key.args[0].toNumber();
        const { verifiedAt, ...rest } = value.unwrap().toJSON();
        assert(verifiedAt === null, `organisation ${id}: verifiedAt ${verifiedAt}, expected null`);
        assert(JSON.stringify(rest) === JSON.stringify(organisations.get(id)),
          `organisation ${id} changed: ${JSON.stringify(rest)} vs ${JSON.stringify(organisations.get(id))}`);
        checked += 1;
      }
    },
    summary() {
      return `${MIGRATED_PALLET} migrated from storage version ${FROM_VERSION} to ${TO_VERSION}: ${checked} organisations kept, each with verifiedAt null`;
    },
  };
}
