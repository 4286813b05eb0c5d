// @ruralmed/client: encrypted FHIR records for the RuralMed chain. See docs/encryption.md.

export * from './errors.js';
export * from './fhir.js';
export * from './envelope.js';
export * from './keys.js';
export * from './shares.js';
export * from './record.js';
export * from './chain.js';
export * from './vault.js';
export * from './records.js';
export * from './shl.js';
export * from './medicines.js';
export * from './packs.js';
export * from './donations.js';
export * from './emergencies.js';
export * from './council.js';
export * from './stock.js';
export * from './statistics.js';
export * from './offline.js';
export * from './recovery.js';
