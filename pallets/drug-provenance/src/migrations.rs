//! Storage migrations of the drug provenance pallet.
//!
//! - [`v1::MigrateV0ToV1`]: storage version 0 → 1, dispensations no longer name the patient:
//!   the `(patient account, record id)` link is dropped and replaced by an empty commitment.
//!
//! Each migration is a [`VersionedMigration`]: it runs only when the on-chain storage version
//! is its `FROM` version and then sets it to `TO`, so listing it more than once migrates
//! nothing twice.
//!
//! Other layout changes of version 1 need no rewrite: a lot's `cold_chain` is encoded as the
//! `bool` it replaces (`true` → `Breached`, so a lot its maker cleared itself after a breach
//! stays blocked until the authority clears it); `ShipmentStatus::Cancelled`,
//! `EventDetail::{HoldingSuspect, HoldingCleared, ShipmentCancelled}` and
//! `BusinessStep::VoidShipping` are new variants at the end; `CompanyPrefixes`,
//! `PrefixOwners`, `RetiredProducts` and `SuspectHoldings` are new, empty maps. Products
//! registered before company prefixes existed keep their manufacturer; the authority assigns
//! the prefixes (and reassigns or retires squatted products) after the upgrade.

use crate::*;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	weights::RuntimeDbWeight,
};

/// Storage version 0 → 1: dispensations drop the patient link.
pub mod v1 {
	use super::*;
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The layout of storage version 0.
	pub mod v0 {
		use super::*;
		use frame_support::storage_alias;
		use ruralmed_primitives::{OrganisationId, RecordId};

		/// A dispensation as storage version 0 stored it: with the patient's account and
		/// record id in plaintext.
		#[derive(
			Clone,
			PartialEq,
			Eq,
			Encode,
			Decode,
			DecodeWithMemTracking,
			MaxEncodedLen,
			TypeInfo,
			Debug,
		)]
		pub struct Dispensation<AccountId, BlockNumber> {
			/// The lot.
			pub lot: LotId,
			/// The dispensing organisation.
			pub org: OrganisationId,
			/// Packs handed out.
			pub quantity: u32,
			/// Their serials (serialised lots only).
			pub serials: SerialList,
			/// The patient and their medication-dispense record.
			pub record: Option<(AccountId, RecordId)>,
			/// Block of dispensing.
			pub at: BlockNumber,
		}

		/// A version 0 dispensation of the runtime `T`.
		pub type DispensationOf<T> =
			Dispensation<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

		/// `Dispensations` read or written in the version 0 layout.
		#[storage_alias]
		pub type Dispensations<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, DispensationId, DispensationOf<T>, OptionQuery>;
	}

	/// The version 1 form of a version 0 dispensation: every field kept but the patient link,
	/// which is dropped. No commitment is derived from it: one computed on chain from the
	/// stored patient and record with a salt everyone can read would hide nothing.
	pub fn upgraded<T: Config>(old: v0::DispensationOf<T>) -> DispensationOf<T> {
		Dispensation {
			lot: old.lot,
			org: old.org,
			quantity: old.quantity,
			serials: old.serials,
			commitment: None,
			at: old.at,
		}
	}

	/// The weight of migrating `dispensations` dispensations: `translate` reads and rewrites
	/// each one and makes one more read to find the end of the map. (The storage version's read
	/// and write are added by [`VersionedMigration`].)
	pub fn migration_weight(db: &RuntimeDbWeight, dispensations: u64) -> Weight {
		db.reads_writes(dispensations.saturating_add(1), dispensations)
	}

	/// Rewrites every dispensation in the version 1 layout. Use [`MigrateV0ToV1`], which runs
	/// this only on storage version 0.
	///
	/// One read and one write per dispensation, in one block; the `try-runtime` pre-upgrade
	/// check refuses a chain whose dispensations would not fit in a block.
	pub struct VersionUncheckedMigrateV0ToV1<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for VersionUncheckedMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut migrated = 0u64;
			Dispensations::<T>::translate::<v0::DispensationOf<T>, _>(|_, old| {
				migrated = migrated.saturating_add(1);
				Some(upgraded::<T>(old))
			});
			migration_weight(&T::DbWeight::get(), migrated)
		}

		/// Checks that every dispensation decodes in the version 0 layout and that migrating
		/// them fits in a block; hands the old dispensations to `post_upgrade`.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let old: alloc::vec::Vec<(DispensationId, v0::DispensationOf<T>)> =
				v0::Dispensations::<T>::iter().collect();
			ensure!(
				old.len() == v0::Dispensations::<T>::iter_keys().count(),
				"a dispensation does not decode in the version 0 layout"
			);
			let weight = migration_weight(&T::DbWeight::get(), old.len() as u64)
				.saturating_add(T::DbWeight::get().reads_writes(1, 1));
			ensure!(
				weight.all_lte(T::BlockWeights::get().max_block),
				"too many dispensations to migrate in one block"
			);
			Ok(old.encode())
		}

		/// Checks that exactly the old dispensations are there, each unchanged but for the
		/// patient link, now gone.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let old: alloc::vec::Vec<(DispensationId, v0::DispensationOf<T>)> =
				Decode::decode(&mut &state[..])
					.map_err(|_| "cannot decode the pre-upgrade dispensations")?;
			ensure!(
				Dispensations::<T>::iter_keys().count() == old.len(),
				"the number of dispensations changed"
			);
			for (id, before) in old {
				ensure!(
					Dispensations::<T>::get(id) == Some(upgraded::<T>(before)),
					"a dispensation was not migrated faithfully"
				);
			}
			Ok(())
		}
	}

	/// Storage version 0 → 1 of drug provenance: dispensations drop the patient link. Runs
	/// once, on storage version 0.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		VersionUncheckedMigrateV0ToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

#[cfg(test)]
mod tests {
	use super::v1::{self, v0, MigrateV0ToV1};
	use crate::{mock::*, tests::*, *};
	use codec::Encode;
	use frame_support::{
		assert_ok,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion, UncheckedOnRuntimeUpgrade},
	};

	/// Two dispensations as storage version 0 wrote them, one linked to the patient's record,
	/// one not, at storage version 0. Returns them.
	fn version_0_dispensations() -> alloc::vec::Vec<(DispensationId, v0::DispensationOf<Test>)> {
		let lot = stocked_pharmacy();
		for _ in 0..2 {
			assert_ok!(DrugProvenance::dispense(
				RuntimeOrigin::signed(PHARMACIST),
				lot,
				PHARMACY,
				1,
				no_serials(),
				None
			));
		}
		let old = alloc::vec![
			(
				0,
				v0::Dispensation {
					lot,
					org: PHARMACY,
					quantity: 1,
					serials: no_serials(),
					record: Some((PATIENT, 7)),
					at: 1,
				}
			),
			(
				1,
				v0::Dispensation {
					lot,
					org: PHARMACY,
					quantity: 1,
					serials: no_serials(),
					record: None,
					at: 1,
				}
			),
		];
		for (id, d) in &old {
			v0::Dispensations::<Test>::insert(id, d);
		}
		StorageVersion::new(0).put::<Pallet<Test>>();
		old
	}

	#[test]
	fn migration_drops_the_patient_link_and_keeps_the_rest() {
		test(|| {
			let old = version_0_dispensations();
			let raw = || sp_io::storage::get(&Dispensations::<Test>::hashed_key_for(0)).unwrap();
			let names_patient = |raw: &[u8]| raw.windows(8).any(|w| w == PATIENT.encode());
			assert!(names_patient(&raw()));
			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
			assert_eq!(Dispensations::<Test>::iter().count(), 2);
			for (id, before) in &old {
				let after = Dispensations::<Test>::get(id).expect("still there");
				assert_eq!(after, v1::upgraded::<Test>(before.clone()));
				assert_eq!(after.commitment, None);
				assert_eq!((after.lot, after.org, after.quantity, after.at), (0, PHARMACY, 1, 1));
			}
			// The patient's account is nowhere in the stored bytes any more.
			assert!(!names_patient(&raw()));
			// A second run finds version 1 and changes nothing.
			let migrated = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), migrated);
		});
	}

	#[test]
	fn migration_does_nothing_unless_at_version_0() {
		test(|| {
			let _ = version_0_dispensations();
			StorageVersion::new(1).put::<Pallet<Test>>();
			let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before);
			// Put the current layout back so that the invariants hold at the end of the test.
			v1::VersionUncheckedMigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
		});
	}
}
