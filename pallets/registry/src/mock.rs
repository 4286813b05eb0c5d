//! A test runtime with the registry and balances.

use crate as pallet_registry;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use ruralmed_test_utils::{run_checked, DemoCounty};

ruralmed_test_utils::test_runtime! {
	// A weight says how many reads and writes it charges (`tests::weights_cover_storage`).
	system: { type DbWeight = ruralmed_test_utils::storage_access::ProbeDbWeight; },
	pallets: { 2 => Registry = pallet_registry },
}

/// A higher deposit than the other pallets' tests use, and smaller limits, so that tests reach
/// them; the generated weights, costed with the mock's `DbWeight`.
#[derive_impl(pallet_registry::config_preludes::TestDefaultConfig)]
impl pallet_registry::Config for Test {
	type WeightInfo = crate::weights::SubstrateWeight<Test>;
	type Currency = Balances;
	type AuthorityOrigin = EnsureRoot<u64>;
	type OrganisationDeposit = ConstU64<100>;
	type MaxAffiliations = ConstU32<3>;
	type MaxOrganisations = ConstU32<MAX_ORGANISATIONS>;
	type MaxRetiredKeys = ConstU32<MAX_RETIRED_KEYS>;
}

/// Small limits, so that tests reach them.
pub const MAX_ORGANISATIONS: u32 = 8;
pub const MAX_RETIRED_KEYS: u32 = 3;

/// Accounts: 1 and 2 are organisation admins, 10.. practitioners, 99 is broke.
pub const ADMIN: u64 = 1;
pub const ADMIN2: u64 = 2;
pub const DOC: u64 = 10;
pub const NURSE: u64 = 11;
pub const BROKE: u64 = 99;

pub fn new_test_ext() -> sp_io::TestExternalities {
	DemoCounty::<Test>::funded([
		(ADMIN, 1_000),
		(ADMIN2, 1_000),
		(DOC, 1_000),
		(NURSE, 1_000),
		(BROKE, 1),
	])
	.build()
}

/// Runs a test and then checks the pallet's invariants.
pub fn test(f: impl FnOnce()) {
	run_checked(new_test_ext(), f, &[("registry", crate::Pallet::<Test>::do_try_state)]);
}
