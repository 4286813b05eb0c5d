// PROVISIONAL, NOT MEASURED: scripts/benchmark.sh overwrites this file with generated weights.
#![allow(unused_parens, unused_imports, missing_docs)]
use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

pub trait WeightInfo {
	fn apply_for_organisation() -> Weight;
	fn verify_organisation() -> Weight;
	fn suspend_organisation() -> Weight;
	fn close_organisation() -> Weight;
	fn reject_application() -> Weight;
	fn transfer_admin() -> Weight;
	fn add_practitioner() -> Weight;
	fn remove_practitioner() -> Weight;
	fn verify_licence() -> Weight;
	fn suspend_practitioner() -> Weight;
	fn revoke_licence() -> Weight;
	fn publish_encryption_key() -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn apply_for_organisation() -> Weight { Weight::MAX }
	fn verify_organisation() -> Weight { Weight::MAX }
	fn suspend_organisation() -> Weight { Weight::MAX }
	fn close_organisation() -> Weight { Weight::MAX }
	fn reject_application() -> Weight { Weight::MAX }
	fn transfer_admin() -> Weight { Weight::MAX }
	fn add_practitioner() -> Weight { Weight::MAX }
	fn remove_practitioner() -> Weight { Weight::MAX }
	fn verify_licence() -> Weight { Weight::MAX }
	fn suspend_practitioner() -> Weight { Weight::MAX }
	fn revoke_licence() -> Weight { Weight::MAX }
	fn publish_encryption_key() -> Weight { Weight::MAX }
}
impl WeightInfo for () {
	fn apply_for_organisation() -> Weight { Weight::zero() }
	fn verify_organisation() -> Weight { Weight::zero() }
	fn suspend_organisation() -> Weight { Weight::zero() }
	fn close_organisation() -> Weight { Weight::zero() }
	fn reject_application() -> Weight { Weight::zero() }
	fn transfer_admin() -> Weight { Weight::zero() }
	fn add_practitioner() -> Weight { Weight::zero() }
	fn remove_practitioner() -> Weight { Weight::zero() }
	fn verify_licence() -> Weight { Weight::zero() }
	fn suspend_practitioner() -> Weight { Weight::zero() }
	fn revoke_licence() -> Weight { Weight::zero() }
	fn publish_encryption_key() -> Weight { Weight::zero() }
}
