//! Test defaults of [`Config`](crate::Config): the deposit and limits of the registry in the other
//! pallets' mocks (the registry's own mock lowers the limits). A mock derives them with
//! `#[derive_impl]` and sets the currency and the authority.

use crate::DefaultConfig;
use frame_support::{
	derive_impl,
	pallet_prelude::inject_runtime_type,
	traits::{ConstU32, ConstUint},
};

/// Default prelude sensible to be used in a testing environment.
pub struct TestDefaultConfig;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
impl frame_system::DefaultConfig for TestDefaultConfig {}

#[frame_support::register_default_impl(TestDefaultConfig)]
impl DefaultConfig for TestDefaultConfig {
	#[inject_runtime_type]
	type RuntimeHoldReason = ();
	type OrganisationDeposit = ConstUint<10>;
	type MaxNameLength = ConstU32<32>;
	type MaxAffiliations = ConstU32<4>;
	type MaxOrganisations = ConstU32<1_000>;
	type MaxRetiredKeys = ConstU32<4>;
	type WeightInfo = ();
}
