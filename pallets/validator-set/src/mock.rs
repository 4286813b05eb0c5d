//! A test runtime with the validator set and `pallet-session` (one test key type), so that the
//! tests see the set reach the session's authorities.

use crate as pallet_validator_set;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use ruralmed_test_utils::{run_checked, DemoCounty};
use sp_runtime::{impl_opaque_keys, testing::UintAuthorityId, traits::OpaqueKeys, BuildStorage};

ruralmed_test_utils::test_runtime! {
	// A weight says how many reads and writes it charges (`tests::weights_cover_storage`).
	system: { type DbWeight = ruralmed_test_utils::storage_access::ProbeDbWeight; },
	// The validator set before the session: the session's genesis asks it for the first set.
	pallets: { 2 => ValidatorSet = pallet_validator_set, 3 => Session = pallet_session },
}

impl_opaque_keys! {
	/// One test key per validator: `UintAuthorityId(n)`.
	pub struct MockSessionKeys {
		pub dummy: UintAuthorityId,
	}
}

/// The key of test validator `n`, and its proof of possession for owner `who`.
pub fn keys(n: u64) -> MockSessionKeys {
	MockSessionKeys { dummy: UintAuthorityId(n) }
}

pub fn proof(n: u64, who: u64) -> Vec<u8> {
	use codec::Encode;
	sp_runtime::testing::TestSignature(n, who.encode()).encode()
}

/// Records nothing: the tests read the authorities from `pallet_session::Validators`.
pub struct TestSessionHandler;

impl pallet_session::SessionHandler<u64> for TestSessionHandler {
	const KEY_TYPE_IDS: &'static [sp_runtime::KeyTypeId] =
		&[<UintAuthorityId as sp_runtime::RuntimeAppPublic>::ID];
	fn on_genesis_session<K: OpaqueKeys>(_validators: &[(u64, K)]) {}
	fn on_new_session<K: OpaqueKeys>(_: bool, _: &[(u64, K)], _: &[(u64, K)]) {}
	fn on_disabled(_validator_index: u32) {}
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = TestSessionHandler;
	type Keys = MockSessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<KEY_DEPOSIT>;
}

/// Registers session keys for the benchmarks, as `set_keys` would store them.
#[cfg(feature = "runtime-benchmarks")]
pub struct KeysInSession;

impl pallet_validator_set::Config for Test {
	type ManagerOrigin = EnsureRoot<u64>;
	type KeysRegistered = Session;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type DefaultSessionLength = ConstU64<SESSION_LENGTH>;
	type MinSessionLength = ConstU64<2>;
	type MaxSessionLength = ConstU64<100>;
	type WeightInfo = crate::weights::SubstrateWeight<Test>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = KeysInSession;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for KeysInSession {
	fn register_keys(who: &u64) {
		pallet_session::NextKeys::<Test>::insert(who, keys(*who));
	}
}

/// Small bounds, so that tests reach them.
pub const MIN_VALIDATORS: u32 = 2;
pub const MAX_VALIDATORS: u32 = 4;
pub const SESSION_LENGTH: u64 = 5;
pub const KEY_DEPOSIT: u64 = 10;

/// Validators 1, 2 and 3 from genesis; 4 and 5 hold funds and no keys; 6 is unfunded.
pub const GENESIS: [u64; 3] = [1, 2, 3];
pub const HOSPITAL: u64 = 4;
pub const CLINIC: u64 = 5;
pub const NOBODY: u64 = 6;

pub fn new_test_ext() -> sp_io::TestExternalities {
	DemoCounty::<Test>::funded([(1, 100), (2, 100), (3, 100), (HOSPITAL, 100), (CLINIC, 100)])
		.with(pallet_validator_set::GenesisConfig::<Test> {
			validators: GENESIS.to_vec(),
			session_length: None,
		})
		.with(pallet_session::GenesisConfig::<Test> {
			keys: GENESIS.iter().map(|&v| (v, v, keys(v))).collect(),
			non_authority_keys: vec![],
		})
		.build()
}

/// Runs a test and then checks the pallet's invariants.
pub fn test(f: impl FnOnce()) {
	run_checked(new_test_ext(), f, &[("validator-set", crate::Pallet::<Test>::do_try_state)]);
}

/// Runs blocks up to and including `n`, each with the session's `on_initialize` (which rotates
/// at session boundaries).
pub fn run_to_block(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}

/// Runs to the first block of the session after the current one.
pub fn next_session() {
	let now = System::block_number();
	let length = crate::SessionLength::<Test>::get();
	run_to_block((now / length + 1) * length);
}

/// Builds a genesis from `validators` (for the genesis tests).
pub fn genesis_of(validators: Vec<u64>) -> sp_runtime::Storage {
	RuntimeGenesisConfig {
		validator_set: pallet_validator_set::GenesisConfig { validators, session_length: None },
		..Default::default()
	}
	.build_storage()
	.expect("genesis builds")
}
