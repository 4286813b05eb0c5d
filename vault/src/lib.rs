//! # RuralMed records vault
//!
//! The service each county hospital runs beside its node: the gatekeeper between readers and
//! record ciphertext. It keeps blobs under their blake2-256 hash (the `content_hash` the chain
//! anchors), accepts an upload only from someone the chain lets write for the patient, and
//! releases a blob only after the reader's own signed `PatientRecords::log_access` for the
//! record anchoring it is in a finalized block, so no ciphertext leaves without an audit entry
//! the reader signed, and a revoked or expired grant stops the next read on chain.
//!
//! Modules, one concern each: [`config`] (flags and environment), [`error`] (the one error type
//! and its HTTP answers), [`auth`] (signed requests), [`chain`] (the node's JSON-RPC),
//! [`extrinsic`] (the reader's `log_access`), [`store`] (blobs, write-once, and whom each was
//! uploaded for), [`pending`] (uploads not yet anchored, and the sweeper), [`erase`] (deleting
//! a blob once its record is erased on chain), [`shl`] (SMART Health Links: records a patient
//! shares with someone outside RuralMed), [`http`] (routes, CORS).

pub mod auth;
pub mod chain;
pub mod config;
pub mod erase;
pub mod error;
pub mod extrinsic;
pub mod http;
pub mod pending;
pub mod shl;
pub mod store;

/// blake2-256, the hash the chain anchors and requests are signed over.
pub fn blake2_256(bytes: &[u8]) -> [u8; 32] {
	use sp_runtime::traits::{BlakeTwo256, Hash};
	BlakeTwo256::hash(bytes).0
}
