//! Test defaults of [`Config`](crate::Config): the grant deposit, limits and periods this pallet's
//! tests are written against. A mock derives them with `#[derive_impl]` and sets the currency, the
//! directories of practitioners and patients, and the authority.

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
	type GrantDeposit = ConstUint<5>;
	type MaxGrantsPerGrantee = ConstU32<2>;
	type MaxGrantsPerPatient = ConstU32<3>;
	type MaxReferralsPerSpecialist = ConstU32<1>;
	type MaxReferralDuration = ConstUint<50>;
	type MaxEmergencyDuration = ConstUint<10>;
	type EmergencyReviewPeriod = ConstUint<20>;
	type EmergencyRateWindow = ConstUint<100>;
	type MaxEmergenciesPerWindow = ConstU32<2>;
	type Statistics = ();
	type WeightInfo = ();
}
