//! Storage migrations of the registry.
//!
//! - [`v2::MigrateV1ToV2`]: storage version 1 → 2, organisations record the block they were
//!   verified in ([`Organisation::verified_at`]).
//! - [`v3::MigrateV2ToV3`]: storage version 2 → 3, the organisations are counted
//!   ([`OrganisationCount`]), so that [`Config::MaxOrganisations`] can be enforced.
//!
//! Both visit every organisation in one block. That is bounded: from storage version 3 on,
//! `apply_for_organisation` refuses an organisation beyond [`Config::MaxOrganisations`], and
//! the pallet's `integrity_test` checks [`organisations_fit_in_block`] for that many, so a
//! migration over the organisations fits in a block however many were created. A chain still
//! at storage version 1 or 2 had no cap: their `pre_upgrade` checks measure the real count.
//!
//! Each migration is a [`VersionedMigration`]: it runs only when the on-chain storage version is
//! its `FROM` version and then sets it to `TO`, so listing it in a runtime's `Migrations` more
//! than once, or keeping it there for several upgrades, migrates nothing twice.

use crate::*;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	weights::RuntimeDbWeight,
};

/// Whether visiting `organisations` organisations, once to rewrite each (one read and one
/// write, as [`v2`] does) and once more to count them (one read, as [`v3`] does), fits in half
/// of `max_block`. The other half is left for what the database weights do not count (decoding
/// and encoding) and for the other migrations of the same upgrade.
pub fn organisations_fit_in_block(
	db: &RuntimeDbWeight,
	max_block: Weight,
	organisations: u64,
) -> bool {
	v2::migration_weight(db, organisations)
		.saturating_add(v3::migration_weight(db, organisations))
		.saturating_add(db.reads_writes(2, 2))
		.all_lte(sp_runtime::Perbill::from_percent(50) * max_block)
}

/// Storage version 1 → 2: [`Organisation`] gains `verified_at`.
pub mod v2 {
	use super::*;
	use frame_system::pallet_prelude::BlockNumberFor;
	use ruralmed_primitives::{OrganisationId, OrganisationKind, OrganisationStatus, RegionCode};

	/// The layout of storage version 1.
	pub mod v1 {
		use super::*;
		use frame_support::storage_alias;

		/// An organisation as storage version 1 stored it: without `verified_at`.
		#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
		#[scale_info(skip_type_params(MaxName))]
		pub struct Organisation<AccountId, Balance, BlockNumber, MaxName: Get<u32>> {
			/// What kind of organisation it is.
			pub kind: OrganisationKind,
			/// Its name, UTF-8.
			pub name: BoundedVec<u8, MaxName>,
			/// Where it is.
			pub region: RegionCode,
			/// The account that manages its practitioners.
			pub admin: AccountId,
			/// Where it is in its lifecycle.
			pub status: OrganisationStatus,
			/// The deposit held from the applicant while the organisation is not closed.
			pub deposit: Balance,
			/// The account the deposit is held from.
			pub depositor: AccountId,
			/// Number of practitioners affiliated with it.
			pub practitioner_count: u32,
			/// The block it applied in.
			pub applied_at: BlockNumber,
		}

		/// A version 1 organisation of the runtime `T`.
		pub type OrganisationOf<T> = Organisation<
			<T as frame_system::Config>::AccountId,
			BalanceOf<T>,
			BlockNumberFor<T>,
			<T as Config>::MaxNameLength,
		>;

		/// `Organisations` read or written in the version 1 layout.
		#[storage_alias]
		pub type Organisations<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, OrganisationId, OrganisationOf<T>, OptionQuery>;
	}

	/// The version 2 form of a version 1 organisation: every field kept, `verified_at` unknown
	/// (`None`), since version 1 did not record it and the migration does not guess.
	pub fn upgraded<T: Config>(old: v1::OrganisationOf<T>) -> OrganisationOf<T> {
		Organisation {
			kind: old.kind,
			name: old.name,
			region: old.region,
			admin: old.admin,
			status: old.status,
			deposit: old.deposit,
			depositor: old.depositor,
			practitioner_count: old.practitioner_count,
			applied_at: old.applied_at,
			verified_at: None,
		}
	}

	/// The weight of migrating `organisations` organisations: `translate` reads and rewrites
	/// each one and makes one more read to find the end of the map. (The storage version's read
	/// and write are added by [`VersionedMigration`].)
	pub fn migration_weight(db: &RuntimeDbWeight, organisations: u64) -> Weight {
		db.reads_writes(organisations.saturating_add(1), organisations)
	}

	/// Rewrites every organisation in the version 2 layout. Use [`MigrateV1ToV2`], which runs
	/// this only on storage version 1.
	///
	/// The work is one read and one write per organisation, in one block. A county's registry
	/// holds hundreds of organisations, a few milliseconds of the block's two seconds. Storage
	/// version 1 did not cap the organisations, so the `try-runtime` pre-upgrade check refuses a
	/// chain whose organisations would not fit in a block; from version 3 on the cap
	/// [`Config::MaxOrganisations`] bounds them (see [`organisations_fit_in_block`]).
	pub struct VersionUncheckedMigrateV1ToV2<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for VersionUncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut migrated = 0u64;
			Organisations::<T>::translate::<v1::OrganisationOf<T>, _>(|_, old| {
				migrated = migrated.saturating_add(1);
				Some(upgraded::<T>(old))
			});
			migration_weight(&T::DbWeight::get(), migrated)
		}

		/// Checks that every organisation decodes in the version 1 layout and that migrating
		/// them fits in a block; hands the old organisations to `post_upgrade`.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let old: alloc::vec::Vec<(OrganisationId, v1::OrganisationOf<T>)> =
				v1::Organisations::<T>::iter().collect();
			ensure!(
				old.len() == v1::Organisations::<T>::iter_keys().count(),
				"an organisation does not decode in the version 1 layout"
			);
			let weight = migration_weight(&T::DbWeight::get(), old.len() as u64)
				.saturating_add(T::DbWeight::get().reads_writes(1, 1));
			ensure!(
				weight.all_lte(T::BlockWeights::get().max_block),
				"too many organisations to migrate in one block"
			);
			Ok(old.encode())
		}

		/// Checks that exactly the old organisations are there, each unchanged but for
		/// `verified_at: None`.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let old: alloc::vec::Vec<(OrganisationId, v1::OrganisationOf<T>)> =
				Decode::decode(&mut &state[..])
					.map_err(|_| "cannot decode the pre-upgrade organisations")?;
			ensure!(
				Organisations::<T>::iter_keys().count() == old.len(),
				"the number of organisations changed"
			);
			for (id, before) in old {
				// Compared encoded: the bound type parameter of the name need not be `PartialEq`.
				ensure!(
					Organisations::<T>::get(id).map(|o| o.encode())
						== Some(upgraded::<T>(before).encode()),
					"an organisation was not migrated faithfully"
				);
			}
			Ok(())
		}
	}

	/// Storage version 1 → 2 of the registry: organisations gain `verified_at` (`None` for
	/// those migrated). Runs once, on storage version 1.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		VersionUncheckedMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Storage version 2 → 3: [`OrganisationCount`] is set to the number of organisations.
pub mod v3 {
	use super::*;

	/// The weight of counting `organisations` organisations: one read per key and one to find
	/// the end of the map, and the count's write. (The storage version's read and write are
	/// added by [`VersionedMigration`].)
	pub fn migration_weight(db: &RuntimeDbWeight, organisations: u64) -> Weight {
		db.reads_writes(organisations.saturating_add(1), 1)
	}

	/// Counts the organisations into [`OrganisationCount`]. Use [`MigrateV2ToV3`], which runs
	/// this only on storage version 2.
	///
	/// One read per organisation, in one block: see [`organisations_fit_in_block`]. A chain may
	/// hold more than [`Config::MaxOrganisations`] organisations after it (made before the cap);
	/// it then takes no new application until it is below the cap again.
	pub struct VersionUncheckedMigrateV2ToV3<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for VersionUncheckedMigrateV2ToV3<T> {
		fn on_runtime_upgrade() -> Weight {
			let count = Organisations::<T>::iter_keys().count();
			OrganisationCount::<T>::put(u32::try_from(count).unwrap_or(u32::MAX));
			migration_weight(&T::DbWeight::get(), count as u64)
		}

		/// Checks that counting fits in a block; hands the count to `post_upgrade`.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let count = Organisations::<T>::iter_keys().count() as u32;
			let weight = migration_weight(&T::DbWeight::get(), count.into())
				.saturating_add(T::DbWeight::get().reads_writes(1, 1));
			ensure!(
				weight.all_lte(T::BlockWeights::get().max_block),
				"too many organisations to count in one block"
			);
			Ok(count.encode())
		}

		/// Checks that the count is the number of organisations, which did not change.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before: u32 = Decode::decode(&mut &state[..])
				.map_err(|_| "cannot decode the pre-upgrade count")?;
			ensure!(
				Organisations::<T>::iter_keys().count() as u32 == before,
				"the number of organisations changed"
			);
			ensure!(OrganisationCount::<T>::get() == before, "OrganisationCount is not the count");
			Ok(())
		}
	}

	/// Storage version 2 → 3 of the registry: [`OrganisationCount`] counts the organisations.
	/// Runs once, on storage version 2; list it after [`v2::MigrateV1ToV2`].
	pub type MigrateV2ToV3<T> = VersionedMigration<
		2,
		3,
		VersionUncheckedMigrateV2ToV3<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

#[cfg(test)]
mod tests {
	use super::v2::{self, v1, MigrateV1ToV2};
	use super::v3::{self as v3m, MigrateV2ToV3};
	use crate::{mock::*, *};
	use codec::Encode;
	use frame_support::{
		assert_ok,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		weights::RuntimeDbWeight,
	};
	use ruralmed_primitives::{OrganisationKind, OrganisationStatus, RegionCode};

	fn apply(admin: u64, name: &[u8]) -> u32 {
		assert_ok!(Registry::apply_for_organisation(
			RuntimeOrigin::signed(admin),
			OrganisationKind::VillageClinic,
			name.to_vec(),
			RegionCode::new(5, 3, 1)
		));
		NextOrganisationId::<Test>::get() - 1
	}

	/// A registry at storage version 1, written in the version 1 layout: a pending, an active,
	/// a suspended and a closed organisation (made through the calls, so that deposits are
	/// really held), rewritten without `verified_at`. Returns them as written.
	fn version_1_registry() -> alloc::vec::Vec<(u32, v1::OrganisationOf<Test>)> {
		System::set_block_number(3);
		apply(ADMIN, b"Pending Clinic");
		let active = apply(ADMIN, b"Active Clinic");
		let suspended = apply(ADMIN2, b"Suspended Clinic");
		let closed = apply(ADMIN2, b"Closed Clinic");
		System::set_block_number(7);
		for org in [active, suspended, closed] {
			assert_ok!(Registry::verify_organisation(RuntimeOrigin::root(), org));
		}
		assert_ok!(Registry::suspend_organisation(RuntimeOrigin::root(), suspended));
		assert_ok!(Registry::close_organisation(RuntimeOrigin::root(), closed));
		let mut old: alloc::vec::Vec<_> = Organisations::<Test>::iter()
			.map(|(id, o)| {
				let old = v1::Organisation {
					kind: o.kind,
					name: o.name,
					region: o.region,
					admin: o.admin,
					status: o.status,
					deposit: o.deposit,
					depositor: o.depositor,
					practitioner_count: o.practitioner_count,
					applied_at: o.applied_at,
				};
				(id, old)
			})
			.collect();
		old.sort_by_key(|(id, _)| *id);
		for (id, o) in &old {
			v1::Organisations::<Test>::insert(id, o);
		}
		StorageVersion::new(1).put::<Pallet<Test>>();
		// The version 1 bytes are one byte shorter: they do not decode as version 2.
		assert!(old.iter().all(|(id, _)| Organisations::<Test>::try_get(id).is_err()));
		old
	}

	#[test]
	fn migrates_every_organisation_once_and_keeps_every_field() {
		test(|| {
			let old = version_1_registry();
			assert_eq!(old.len(), 4);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			assert_eq!(Organisations::<Test>::iter().count(), 4);
			for (id, before) in &old {
				let after = Organisations::<Test>::get(id).expect("still there");
				assert_eq!(after.encode(), v2::upgraded::<Test>(before.clone()).encode());
				assert_eq!(after.verified_at, None);
				assert_eq!((after.applied_at, after.status), (3, before.status));
			}
			let statuses: alloc::vec::Vec<_> = old.iter().map(|(_, o)| o.status).collect();
			assert_eq!(
				statuses,
				[
					OrganisationStatus::Pending,
					OrganisationStatus::Active,
					OrganisationStatus::Suspended,
					OrganisationStatus::Closed
				]
			);
			// A second run finds version 2 and changes nothing.
			let migrated = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), migrated);
			// Migrated organisations keep working: a suspended one is reinstated.
			assert_ok!(Registry::verify_organisation(RuntimeOrigin::root(), 2));
			assert_eq!(Organisations::<Test>::get(2).unwrap().verified_at, Some(7));
		});
	}

	#[test]
	fn does_nothing_unless_at_version_1() {
		test(|| {
			version_1_registry();
			StorageVersion::new(2).put::<Pallet<Test>>();
			let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before);
			// Put the state back in the current layout so the invariants can be checked.
			StorageVersion::new(1).put::<Pallet<Test>>();
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
		});
	}

	/// A registry at storage version 2: three organisations, not counted.
	fn version_2_registry() {
		apply(ADMIN, b"Pending Clinic");
		apply(ADMIN2, b"Other Clinic");
		let rejected = apply(ADMIN, b"Rejected Clinic");
		assert_ok!(Registry::reject_application(RuntimeOrigin::root(), rejected));
		apply(ADMIN2, b"Third Clinic");
		OrganisationCount::<Test>::kill();
		StorageVersion::new(2).put::<Pallet<Test>>();
	}

	#[test]
	fn v3_counts_the_organisations_once() {
		test(|| {
			version_2_registry();
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
			assert_eq!(OrganisationCount::<Test>::get(), 3);
			let migrated = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), migrated);
		});
	}

	#[test]
	fn v3_does_nothing_unless_at_version_2() {
		test(|| {
			version_2_registry();
			StorageVersion::new(3).put::<Pallet<Test>>();
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_eq!(OrganisationCount::<Test>::get(), 0);
			// Put the state back in the current layout so the invariants can be checked.
			StorageVersion::new(2).put::<Pallet<Test>>();
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_eq!(OrganisationCount::<Test>::get(), 3);
		});
	}

	/// The runtime lists both migrations; a version 1 chain goes through both in one upgrade.
	#[test]
	fn a_version_1_registry_migrates_to_version_3() {
		test(|| {
			let old = version_1_registry();
			OrganisationCount::<Test>::kill();
			<(MigrateV1ToV2<Test>, MigrateV2ToV3<Test>) as OnRuntimeUpgrade>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
			assert_eq!(OrganisationCount::<Test>::get(), old.len() as u32);
			for (id, before) in &old {
				let after = Organisations::<Test>::get(id).expect("still there");
				assert_eq!(after.encode(), v2::upgraded::<Test>(before.clone()).encode());
			}
		});
	}

	#[test]
	fn v3_weight_counts_one_read_per_organisation() {
		let db = RuntimeDbWeight { read: 1_000, write: 10_000 };
		assert_eq!(v3m::migration_weight(&db, 0).ref_time(), 1_000 + 10_000);
		assert_eq!(v3m::migration_weight(&db, 4).ref_time(), 5 * 1_000 + 10_000);
		assert_eq!(v3m::migration_weight(&db, u64::MAX).ref_time(), u64::MAX);
	}

	/// The proof behind `MaxOrganisations`: with the runtime's ParityDB weights and two-second
	/// blocks, migrating and counting 10 000 organisations (the runtime's cap) takes about
	/// 0.66 s of the 1 s allowed; about 15 000 is the most that fits.
	#[test]
	fn the_runtime_cap_migrates_within_half_a_block() {
		use frame_support::weights::{
			constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
			Weight,
		};
		let db = ParityDbWeight::get();
		let block = Weight::from_parts(2 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);
		assert!(super::organisations_fit_in_block(&db, block, 10_000));
		assert!(super::organisations_fit_in_block(&db, block, 15_000));
		assert!(!super::organisations_fit_in_block(&db, block, 15_200));
		assert!(!super::organisations_fit_in_block(&db, block, u64::MAX));
	}

	#[test]
	fn weight_counts_one_read_and_write_per_organisation() {
		let db = RuntimeDbWeight { read: 1_000, write: 10_000 };
		assert_eq!(v2::migration_weight(&db, 0).ref_time(), 1_000);
		assert_eq!(v2::migration_weight(&db, 4).ref_time(), 5 * 1_000 + 4 * 10_000);
		assert_eq!(v2::migration_weight(&db, u64::MAX).ref_time(), u64::MAX);
	}

	#[cfg(feature = "try-runtime")]
	#[test]
	fn pre_and_post_upgrade_checks_pass_and_catch_a_bad_migration() {
		test(|| {
			version_1_registry();
			let state = MigrateV1ToV2::<Test>::pre_upgrade().expect("pre-upgrade check passes");
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_ok!(MigrateV1ToV2::<Test>::post_upgrade(state.clone()));
			// Had the migration changed a field, the post-upgrade check would have said so.
			Organisations::<Test>::mutate(1, |o| o.as_mut().unwrap().practitioner_count = 9);
			assert!(MigrateV1ToV2::<Test>::post_upgrade(state).is_err());
			Organisations::<Test>::mutate(1, |o| o.as_mut().unwrap().practitioner_count = 0);
		});
	}

	#[cfg(feature = "try-runtime")]
	#[test]
	fn v3_pre_and_post_upgrade_checks_pass_and_catch_a_wrong_count() {
		test(|| {
			version_2_registry();
			let state = MigrateV2ToV3::<Test>::pre_upgrade().expect("pre-upgrade check passes");
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_ok!(MigrateV2ToV3::<Test>::post_upgrade(state.clone()));
			OrganisationCount::<Test>::put(2);
			assert!(MigrateV2ToV3::<Test>::post_upgrade(state).is_err());
			OrganisationCount::<Test>::put(3);
		});
	}
}
