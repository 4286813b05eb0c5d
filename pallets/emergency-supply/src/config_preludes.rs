//! Test defaults of [`Config`](crate::Config): the deposit and limits this pallet's tests are
//! written against, with no cap on a need's share. A mock derives them with `#[derive_impl]` and
//! sets the directory, the authority and the currency.

use crate::DefaultConfig;
use frame_support::{
	derive_impl,
	pallet_prelude::inject_runtime_type,
	parameter_types,
	traits::{ConstU32, ConstU64, ConstUint},
};
use sp_runtime::Perbill;

/// Default prelude sensible to be used in a testing environment.
pub struct TestDefaultConfig;

parameter_types! {
	/// No cap on a need's share of a pool, so that tests see the plain algorithm.
	pub const NoNeedShareCap: Perbill = Perbill::one();
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
impl frame_system::DefaultConfig for TestDefaultConfig {}

#[frame_support::register_default_impl(TestDefaultConfig)]
impl DefaultConfig for TestDefaultConfig {
	#[inject_runtime_type]
	type RuntimeHoldReason = ();
	type PledgeDeposit = ConstUint<5>;
	type MaxPledgeQuantity = ConstU64<1_000_000>;
	type MaxPledgesPerDonor = ConstU32<6>;
	type MaxPeopleServed = ConstU32<10_000>;
	type MaxUnitsPerPerson = ConstU64<10>;
	type MaxNeedShare = NoNeedShareCap;
	type MaxRegions = ConstU32<4>;
	type MaxItems = ConstU32<3>;
	type MaxNeedsPerRound = ConstU32<4>;
	type MaxPledgesPerEmergency = ConstU32<12>;
	type DeliveryDeadline = ConstUint<20>;
	type MaxPageSize = ConstU32<4>;
	type MaxQueuedRounds = ConstU32<4>;
	type Statistics = ();
	type WeightInfo = ();
}
