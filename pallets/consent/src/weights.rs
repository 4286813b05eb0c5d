// PROVISIONAL, NOT MEASURED: scripts/benchmark.sh overwrites this file with generated weights.
#![allow(unused_parens, unused_imports, missing_docs)]
use frame_support::{traits::Get, weights::Weight};
use core::marker::PhantomData;

pub trait WeightInfo {
	fn grant_consent() -> Weight;
	fn revoke_consent() -> Weight;
	fn prune_expired_grants(n: u32, ) -> Weight;
	fn refer() -> Weight;
	fn revoke_referral() -> Weight;
	fn prune_referral() -> Weight;
	fn open_emergency_access() -> Weight;
	fn review_emergency_access() -> Weight;
	fn escalate_unreviewed() -> Weight;
	fn resolve_emergency_access() -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn grant_consent() -> Weight { Weight::MAX }
	fn revoke_consent() -> Weight { Weight::MAX }
	fn prune_expired_grants(_n: u32, ) -> Weight { Weight::MAX }
	fn refer() -> Weight { Weight::MAX }
	fn revoke_referral() -> Weight { Weight::MAX }
	fn prune_referral() -> Weight { Weight::MAX }
	fn open_emergency_access() -> Weight { Weight::MAX }
	fn review_emergency_access() -> Weight { Weight::MAX }
	fn escalate_unreviewed() -> Weight { Weight::MAX }
	fn resolve_emergency_access() -> Weight { Weight::MAX }
}
impl WeightInfo for () {
	fn grant_consent() -> Weight { Weight::zero() }
	fn revoke_consent() -> Weight { Weight::zero() }
	fn prune_expired_grants(_n: u32, ) -> Weight { Weight::zero() }
	fn refer() -> Weight { Weight::zero() }
	fn revoke_referral() -> Weight { Weight::zero() }
	fn prune_referral() -> Weight { Weight::zero() }
	fn open_emergency_access() -> Weight { Weight::zero() }
	fn review_emergency_access() -> Weight { Weight::zero() }
	fn escalate_unreviewed() -> Weight { Weight::zero() }
	fn resolve_emergency_access() -> Weight { Weight::zero() }
}
