//! Test defaults of [`Config`](crate::Config): the deposits and limits this pallet's tests are
//! written against. A mock derives them with `#[derive_impl]` and sets the currency, the directory,
//! the access rules, the authority and the clock.

use crate::DefaultConfig;
use frame_support::{
	derive_impl,
	pallet_prelude::inject_runtime_type,
	traits::{ConstU32, ConstUint, Everything},
};

/// Default prelude sensible to be used in a testing environment.
pub struct TestDefaultConfig;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
impl frame_system::DefaultConfig for TestDefaultConfig {}

#[frame_support::register_default_impl(TestDefaultConfig)]
impl DefaultConfig for TestDefaultConfig {
	#[inject_runtime_type]
	type RuntimeHoldReason = ();
	type PatientDeposit = ConstUint<50>;
	type RecordDeposit = ConstUint<20>;
	type KeyShareDeposit = ConstUint<5>;
	type GuardianshipProposalPeriod = ConstUint<10>;
	type MaxKeyShareLength = ConstU32<128>;
	type MaxKeySharesPerRecord = ConstU32<3>;
	type MaxCareOrganisations = ConstU32<3>;
	type MaxPageSize = ConstU32<5>;
	type Statistics = ();
	type FreeCalls = Everything;
	type FreeCallsPerPeriod = ConstU32<3>;
	type FreeCallPeriod = ConstUint<10>;
	type WeightInfo = ();
}
