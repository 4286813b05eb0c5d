// PROVISIONAL, NOT MEASURED: scripts/benchmark.sh overwrites this file with generated weights.
#![allow(unused_parens, unused_imports, missing_docs)]
use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

pub trait WeightInfo {
	fn register_patient() -> Weight;
	fn register_patient_with_guardian() -> Weight;
	fn set_guardian() -> Weight;
	fn add_care_organisation() -> Weight;
	fn remove_care_organisation() -> Weight;
	fn anchor_record() -> Weight;
	fn anchor_self_reported_record() -> Weight;
	fn attach_key_share() -> Weight;
	fn remove_key_share() -> Weight;
	fn log_access() -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_patient() -> Weight { Weight::MAX }
	fn register_patient_with_guardian() -> Weight { Weight::MAX }
	fn set_guardian() -> Weight { Weight::MAX }
	fn add_care_organisation() -> Weight { Weight::MAX }
	fn remove_care_organisation() -> Weight { Weight::MAX }
	fn anchor_record() -> Weight { Weight::MAX }
	fn anchor_self_reported_record() -> Weight { Weight::MAX }
	fn attach_key_share() -> Weight { Weight::MAX }
	fn remove_key_share() -> Weight { Weight::MAX }
	fn log_access() -> Weight { Weight::MAX }
}
impl WeightInfo for () {
	fn register_patient() -> Weight { Weight::zero() }
	fn register_patient_with_guardian() -> Weight { Weight::zero() }
	fn set_guardian() -> Weight { Weight::zero() }
	fn add_care_organisation() -> Weight { Weight::zero() }
	fn remove_care_organisation() -> Weight { Weight::zero() }
	fn anchor_record() -> Weight { Weight::zero() }
	fn anchor_self_reported_record() -> Weight { Weight::zero() }
	fn attach_key_share() -> Weight { Weight::zero() }
	fn remove_key_share() -> Weight { Weight::zero() }
	fn log_access() -> Weight { Weight::zero() }
}
