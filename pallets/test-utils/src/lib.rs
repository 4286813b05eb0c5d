//! Test set-up shared by the RuralMed pallets' unit tests; a dev-dependency only.
//!
//! Each pallet's `mock.rs` builds the same kind of test runtime (frame-system and balances with
//! their test defaults, often the timestamp and the registry as well) and the same kind of demo
//! county at genesis (funded accounts, organisations, practitioners, patients), then runs every
//! test followed by the invariant checks of each project pallet in the runtime. This crate holds
//! that common part:
//!
//! - [`test_runtime!`]: the runtime `Test` and the `Config` impls every mock repeated;
//! - [`DemoCounty`], [`organisation`] and [`practitioner`]: the genesis, from the rows and the
//!   genesis configs the mock gives;
//! - [`run_checked`]: a test, then each pallet's `do_try_state`;
//! - [`storage_access`]: a call's storage reads and writes counted, to check its weight.
//!
//! Each mock keeps what is particular to its pallet: the pallet's `Config`, the accounts and
//! organisations its tests are written against, and which invariants to check.
//!
//! The crate names none of the project's pallets. A pallet's own unit tests compile that pallet
//! as the crate under test, which is not the crate a helper depending on the pallet would see:
//! the two `Config` traits would differ. So the runtime is declared by a macro that expands
//! inside the mock, where `pallet_registry` and the pallet under test are the mock's own, and
//! the genesis is assembled from genesis configs the mock builds.

pub mod storage_access;

use frame_system::pallet_prelude::BlockNumberFor;
use ruralmed_primitives::{
	ContentHash, OrganisationId, OrganisationKind, PractitionerRole, RegionCode,
};
use sp_io::TestExternalities;
use sp_runtime::{traits::One, BuildStorage, Storage, TryRuntimeError};

/// Declares a pallet mock's test runtime `Test` and the `Config` impls every mock shares.
///
/// ```ignore
/// ruralmed_test_utils::test_runtime! {
///     // Optional: frame-system `Config` items over its test defaults.
///     system: { type DbWeight = ParityDbWeight; },
///     // Optional: pallet-timestamp, as `Timestamp` at this index, with its test defaults.
///     timestamp: 2,
///     // Optional: the registry, as `Registry` at this index, with its test defaults,
///     // `Balances` for its deposits and root as the health council.
///     registry: 3,
///     // The other pallets, `index => Name = crate`: the one under test (`use crate as
///     // pallet_x;`) and any it needs, each with its own `Config` impl in the mock.
///     pallets: { 4 => PatientRecords = pallet_patient_records },
/// }
/// ```
///
/// Expands, in the calling module, to `type Block`, a `#[frame_support::runtime]` module with
/// `System` at index 0, `Balances` at 1 and the pallets named, and the `Config` impls of
/// frame-system (its test defaults, `u64` accounts, balances' account data), pallet-balances
/// (its test defaults, `u64` balances) and, when asked for, pallet-timestamp and the registry.
/// The caller depends on `frame-support`, `frame-system`, `pallet-balances` and, when it asks
/// for them, `pallet-timestamp` and `pallet-registry`.
#[macro_export]
macro_rules! test_runtime {
	(@timestamp $index:tt) => {
		#[frame_support::derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
		impl pallet_timestamp::Config for Test {}
	};
	(@registry $index:tt) => {
		#[frame_support::derive_impl(pallet_registry::config_preludes::TestDefaultConfig)]
		impl pallet_registry::Config for Test {
			type Currency = Balances;
			type AuthorityOrigin = frame_system::EnsureRoot<u64>;
		}
	};
	(
		$(system: { $($system:tt)* },)?
		$(timestamp: $timestamp:tt,)?
		$(registry: $registry:tt,)?
		pallets: { $($index:tt => $name:ident = $pallet:ident),* $(,)? } $(,)?
	) => {
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
			$(
				#[runtime::pallet_index($timestamp)]
				pub type Timestamp = pallet_timestamp;
			)?
			$(
				#[runtime::pallet_index($registry)]
				pub type Registry = pallet_registry;
			)?
			$(
				#[runtime::pallet_index($index)]
				pub type $name = $pallet;
			)*
		}

		#[frame_support::derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for Test {
			type Block = Block;
			type AccountData = pallet_balances::AccountData<u64>;
			$($($system)*)?
		}

		#[frame_support::derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for Test {
			type AccountStore = System;
			type RuntimeHoldReason = RuntimeHoldReason;
		}

		$($crate::test_runtime!(@timestamp $timestamp);)?
		$($crate::test_runtime!(@registry $registry);)?
	};
}

/// A row of the registry's genesis `organisations`: `(admin, kind, name, region, active)`.
pub type OrganisationRow<AccountId> = (AccountId, OrganisationKind, Vec<u8>, RegionCode, bool);

/// A row of the registry's genesis `practitioners`: `(account, role, licence hash, organisation
/// ids, licence verified)`.
pub type PractitionerRow<AccountId> =
	(AccountId, PractitionerRole, ContentHash, Vec<OrganisationId>, bool);

/// An organisation of the demo county, applied for by `admin` and verified if `active`; the
/// registry gives ids 0, 1, 2… in the order of its genesis rows.
pub fn organisation<AccountId>(
	admin: AccountId,
	kind: OrganisationKind,
	name: &str,
	region: RegionCode,
	active: bool,
) -> OrganisationRow<AccountId> {
	(admin, kind, name.as_bytes().to_vec(), region, active)
}

/// A practitioner of the demo county, affiliated with `organisations`, whose licence hash is the
/// byte `licence` repeated (distinct bytes, distinct licences).
pub fn practitioner<AccountId>(
	account: AccountId,
	role: PractitionerRole,
	licence: u8,
	organisations: &[OrganisationId],
	verified: bool,
) -> PractitionerRow<AccountId> {
	(account, role, ContentHash::repeat_byte(licence), organisations.to_vec(), verified)
}

/// The genesis of a test runtime `T`: frame-system's, the funded accounts, then each genesis
/// config added with [`with`](Self::with), in order. [`build`](Self::build) starts the chain at
/// block 1.
pub struct DemoCounty<T> {
	storage: Storage,
	runtime: core::marker::PhantomData<T>,
}

impl<T: pallet_balances::Config> DemoCounty<T> {
	/// Frame-system's genesis, with `balances` as pallet-balances' genesis accounts.
	pub fn funded(balances: impl IntoIterator<Item = (T::AccountId, T::Balance)>) -> Self {
		let mut storage = frame_system::GenesisConfig::<T>::default()
			.build_storage()
			.expect("frame-system's genesis builds");
		pallet_balances::GenesisConfig::<T> {
			balances: balances.into_iter().collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.expect("the balances' genesis is valid");
		Self { storage, runtime: Default::default() }
	}

	/// Adds a pallet's genesis config (the registry's organisations and practitioners, the
	/// patients, a pallet's own).
	pub fn with(mut self, genesis: impl BuildStorage) -> Self {
		genesis.assimilate_storage(&mut self.storage).expect("the genesis config is valid");
		self
	}

	/// The externalities of a test, at block 1.
	pub fn build(self) -> TestExternalities {
		self.build_then(|| {})
	}

	/// The externalities of a test, at block 1 and after `at_start` (which sets the time, say).
	pub fn build_then(self, at_start: impl FnOnce()) -> TestExternalities {
		let mut ext = TestExternalities::new(self.storage);
		ext.execute_with(|| {
			frame_system::Pallet::<T>::set_block_number(BlockNumberFor::<T>::one());
			at_start();
		});
		ext
	}
}

/// An invariant check run after each test: a pallet's name and its `do_try_state`.
pub type Check = (&'static str, fn() -> Result<(), TryRuntimeError>);

/// Runs the test `f` in `ext`, then each of `checks` in order: a test passes only if every
/// pallet's invariants still hold after it.
pub fn run_checked(mut ext: TestExternalities, f: impl FnOnce(), checks: &[Check]) {
	ext.execute_with(|| {
		f();
		for (pallet, check) in checks {
			check().unwrap_or_else(|e| panic!("{pallet} invariants do not hold: {e:?}"));
		}
	});
}
