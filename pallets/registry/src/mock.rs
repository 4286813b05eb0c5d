//! A test runtime with the registry and balances.

use crate as pallet_registry;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Registry = pallet_registry;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const OrganisationDeposit: u64 = 100;
}

impl pallet_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AuthorityOrigin = EnsureRoot<u64>;
	type OrganisationDeposit = OrganisationDeposit;
	type MaxNameLength = ConstU32<32>;
	type MaxAffiliations = ConstU32<3>;
	type MaxOrganisations = ConstU32<MAX_ORGANISATIONS>;
	type MaxRetiredKeys = ConstU32<MAX_RETIRED_KEYS>;
	type WeightInfo = ();
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
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ADMIN, 1_000), (ADMIN2, 1_000), (DOC, 1_000), (NURSE, 1_000), (BROKE, 1)],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test and then checks the pallet's invariants.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		crate::Pallet::<Test>::do_try_state().expect("registry invariants hold");
	});
}
