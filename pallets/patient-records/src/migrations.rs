//! Storage migrations of the patient records.
//!
//! - [`v2::MigrateV1ToV2`]: storage version 1 → 2: record anchors name a vault organisation
//!   instead of a free-form locator; patients, records and key shares record their deposits;
//!   key shares record who attached them; `KeyShareCount` counts each record's shares.
//!
//! Each migration is a [`VersionedMigration`]: it runs only when the on-chain storage version is
//! its `FROM` version and then sets it to `TO`, so listing it in a runtime's `Migrations` more
//! than once, or keeping it there for several upgrades, migrates nothing twice.

use crate::*;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	weights::RuntimeDbWeight,
};

/// Storage version 1 → 2.
pub mod v2 {
	use super::*;
	use frame_system::pallet_prelude::BlockNumberFor;
	use ruralmed_primitives::{ContentHash, OrganisationId, RecordCategory, RecordId};
	use sp_runtime::traits::Zero;

	/// The layout of storage version 1.
	pub mod v1 {
		use super::*;
		use frame_support::storage_alias;

		/// A patient as storage version 1 stored it: without its deposit.
		#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
		pub struct Patient<AccountId, BlockNumber> {
			/// The guardian.
			pub guardian: Option<AccountId>,
			/// The block the patient was registered in.
			pub registered_at: BlockNumber,
			/// The number of records anchored.
			pub record_count: u64,
			/// The number of logged accesses.
			pub access_count: u64,
			/// The number of care organisations.
			pub care_organisations: u32,
		}

		/// A record anchor as storage version 1 stored it: with a free-form locator (at most
		/// `MaxLocatorLength` bytes, decoded here without its bound) and no deposit.
		#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
		pub struct RecordAnchor<AccountId, BlockNumber> {
			/// Whose record it is.
			pub patient: AccountId,
			/// Who anchored it.
			pub author: AccountId,
			/// The organisation the author acted for.
			pub organisation: Option<OrganisationId>,
			/// The FHIR resource type.
			pub category: RecordCategory,
			/// blake2-256 of the ciphertext.
			pub content_hash: ContentHash,
			/// Where the ciphertext was said to be: a URI or a content id.
			pub locator: alloc::vec::Vec<u8>,
			/// Size of the ciphertext in bytes.
			pub size_bytes: u64,
			/// When it was anchored.
			pub timestamp_ms: u64,
			/// The block it was anchored in.
			pub block: BlockNumber,
			/// The record it amends.
			pub amends: Option<RecordId>,
			/// The record that amends it.
			pub superseded_by: Option<RecordId>,
			/// Whether it is self-reported.
			pub self_reported: bool,
			/// Its position in the patient's index.
			pub index: u64,
		}

		/// A version 1 patient of the runtime `T`.
		pub type PatientOf<T> = Patient<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
		/// A version 1 record of the runtime `T`.
		pub type RecordAnchorOf<T> =
			RecordAnchor<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
		/// A version 1 key share: the wrapped key alone.
		pub type KeyShareOf<T> = BoundedVec<u8, <T as Config>::MaxKeyShareLength>;

		/// `Patients` in the version 1 layout.
		#[storage_alias]
		pub type Patients<T: Config> = StorageMap<
			Pallet<T>,
			Blake2_128Concat,
			<T as frame_system::Config>::AccountId,
			PatientOf<T>,
			OptionQuery,
		>;

		/// `Records` in the version 1 layout.
		#[storage_alias]
		pub type Records<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, RecordId, RecordAnchorOf<T>, OptionQuery>;

		/// `KeyShares` in the version 1 layout.
		#[storage_alias]
		pub type KeyShares<T: Config> = StorageDoubleMap<
			Pallet<T>,
			Twox64Concat,
			RecordId,
			Blake2_128Concat,
			<T as frame_system::Config>::AccountId,
			KeyShareOf<T>,
			OptionQuery,
		>;
	}

	/// A version 1 patient in the version 2 layout: no deposit was held, so the deposit is
	/// zero and its depositor the patient.
	pub fn upgraded_patient<T: Config>(
		patient: &T::AccountId,
		old: v1::PatientOf<T>,
	) -> PatientOf<T> {
		Patient {
			guardian: old.guardian,
			registered_at: old.registered_at,
			record_count: old.record_count,
			access_count: old.access_count,
			care_organisations: old.care_organisations,
			depositor: patient.clone(),
			deposit: Zero::zero(),
		}
	}

	/// A version 1 record in the version 2 layout: the locator is dropped; the vault is the
	/// record's organisation (clinics keep their records in their own county vault), for a
	/// self-reported record the patient's first care organisation, or else unknown (`None`).
	/// No deposit was held.
	pub fn upgraded_record<T: Config>(old: v1::RecordAnchorOf<T>) -> RecordAnchorOf<T> {
		let vault = old
			.organisation
			.or_else(|| CareOrganisations::<T>::iter_key_prefix(&old.patient).next());
		RecordAnchor {
			patient: old.patient,
			author: old.author,
			organisation: old.organisation,
			category: old.category,
			content_hash: old.content_hash,
			vault,
			size_bytes: old.size_bytes,
			timestamp_ms: old.timestamp_ms,
			block: old.block,
			amends: old.amends,
			superseded_by: old.superseded_by,
			self_reported: old.self_reported,
			index: old.index,
			deposit: Zero::zero(),
		}
	}

	/// A version 1 key share in the version 2 layout. Who attached it was not stored, so it
	/// counts as attached by its reader: only the reader and the patient side may replace it,
	/// the safe choice. No deposit was held.
	pub fn upgraded_share<T: Config>(
		reader: &T::AccountId,
		old: v1::KeyShareOf<T>,
	) -> KeyShareOf<T> {
		KeyShare { wrapped_key: old, attached_by: reader.clone(), deposit: Zero::zero() }
	}

	/// The weight of migrating `patients` patients, `records` records and `shares` key shares:
	/// `translate` reads and rewrites each entry (plus one read per map to find its end); a
	/// record without organisation reads one care organisation; each share also reads and
	/// writes its record's count. (The storage version's read and write are added by
	/// [`VersionedMigration`].)
	pub fn migration_weight(
		db: &RuntimeDbWeight,
		patients: u64,
		records: u64,
		shares: u64,
	) -> Weight {
		db.reads_writes(
			patients
				.saturating_add(records.saturating_mul(2))
				.saturating_add(shares.saturating_mul(2))
				.saturating_add(3),
			patients.saturating_add(records).saturating_add(shares.saturating_mul(2)),
		)
	}

	/// Rewrites every patient, record and key share in the version 2 layout and counts each
	/// record's key shares. Use [`MigrateV1ToV2`], which runs this only on storage version 1.
	///
	/// The work is about two reads and writes per entry, in one block; the `try-runtime`
	/// pre-upgrade check refuses a chain whose entries would not fit in a block.
	pub struct VersionUncheckedMigrateV1ToV2<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for VersionUncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut patients, mut records, mut shares) = (0u64, 0u64, 0u64);
			Patients::<T>::translate::<v1::PatientOf<T>, _>(|who, old| {
				patients = patients.saturating_add(1);
				Some(upgraded_patient::<T>(&who, old))
			});
			Records::<T>::translate::<v1::RecordAnchorOf<T>, _>(|_, old| {
				records = records.saturating_add(1);
				Some(upgraded_record::<T>(old))
			});
			KeyShares::<T>::translate::<v1::KeyShareOf<T>, _>(|record, reader, old| {
				shares = shares.saturating_add(1);
				KeyShareCount::<T>::mutate(record, |c| *c = c.saturating_add(1));
				Some(upgraded_share::<T>(&reader, old))
			});
			migration_weight(&T::DbWeight::get(), patients, records, shares)
		}

		/// Checks that every entry decodes in the version 1 layout and that migrating them fits
		/// in a block; hands the old entries to `post_upgrade`.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let patients: alloc::vec::Vec<(T::AccountId, v1::PatientOf<T>)> =
				v1::Patients::<T>::iter().collect();
			ensure!(
				patients.len() == v1::Patients::<T>::iter_keys().count(),
				"a patient does not decode in the version 1 layout"
			);
			let records: alloc::vec::Vec<(RecordId, v1::RecordAnchorOf<T>)> =
				v1::Records::<T>::iter().collect();
			ensure!(
				records.len() == v1::Records::<T>::iter_keys().count(),
				"a record does not decode in the version 1 layout"
			);
			let shares: alloc::vec::Vec<(RecordId, T::AccountId, v1::KeyShareOf<T>)> =
				v1::KeyShares::<T>::iter().collect();
			ensure!(
				shares.len() == v1::KeyShares::<T>::iter_keys().count(),
				"a key share does not decode in the version 1 layout"
			);
			ensure!(KeyShareCount::<T>::iter().next().is_none(), "KeyShareCount is not empty");
			let weight = migration_weight(
				&T::DbWeight::get(),
				patients.len() as u64,
				records.len() as u64,
				shares.len() as u64,
			)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1));
			ensure!(
				weight.all_lte(T::BlockWeights::get().max_block),
				"too many patient-records entries to migrate in one block"
			);
			// Each record's expected form, computed before the migration (its vault may read
			// care organisations, which the migration does not change).
			let records: alloc::vec::Vec<(RecordId, RecordAnchorOf<T>)> =
				records.into_iter().map(|(id, r)| (id, upgraded_record::<T>(r))).collect();
			Ok((patients, records, shares).encode())
		}

		/// Checks that exactly the old entries are there, each migrated as described, and
		/// that the per-record share counts are right.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			#[allow(clippy::type_complexity)]
			let (patients, records, shares): (
				alloc::vec::Vec<(T::AccountId, v1::PatientOf<T>)>,
				alloc::vec::Vec<(RecordId, RecordAnchorOf<T>)>,
				alloc::vec::Vec<(RecordId, T::AccountId, v1::KeyShareOf<T>)>,
			) = Decode::decode(&mut &state[..])
				.map_err(|_| "cannot decode the pre-upgrade patient records")?;
			ensure!(Patients::<T>::iter().count() == patients.len(), "patients changed");
			for (who, before) in patients {
				ensure!(
					Patients::<T>::get(&who) == Some(upgraded_patient::<T>(&who, before)),
					"a patient was not migrated faithfully"
				);
			}
			ensure!(Records::<T>::iter().count() == records.len(), "records changed");
			for (id, expected) in records {
				ensure!(
					Records::<T>::get(id) == Some(expected),
					"a record was not migrated faithfully"
				);
			}
			ensure!(KeyShares::<T>::iter().count() == shares.len(), "key shares changed");
			let mut counts = alloc::collections::BTreeMap::<RecordId, u32>::new();
			for (record, reader, before) in shares {
				*counts.entry(record).or_default() += 1;
				ensure!(
					KeyShares::<T>::get(record, &reader).map(|s| s.encode())
						== Some(upgraded_share::<T>(&reader, before).encode()),
					"a key share was not migrated faithfully"
				);
			}
			ensure!(KeyShareCount::<T>::iter().count() == counts.len(), "stray share counts");
			for (record, n) in counts {
				ensure!(KeyShareCount::<T>::get(record) == n, "a share count is wrong");
			}
			Ok(())
		}
	}

	/// Storage version 1 → 2 of the patient records. Runs once, on storage version 1.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		VersionUncheckedMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

#[cfg(test)]
mod tests {
	use super::v2::{self, v1, MigrateV1ToV2};
	use crate::{mock::*, *};
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	use ruralmed_primitives::RecordCategory;
	use sp_core::H256;

	fn old_record(
		patient: u64,
		author: u64,
		organisation: Option<u32>,
	) -> v1::RecordAnchorOf<Test> {
		v1::RecordAnchor {
			patient,
			author,
			organisation,
			category: RecordCategory::Encounter,
			content_hash: H256::repeat_byte(1),
			locator: b"https://clinic/pat/ZhangSan/hiv.pdf".to_vec(),
			size_bytes: 10,
			timestamp_ms: 5,
			block: 1,
			amends: None,
			superseded_by: None,
			self_reported: organisation.is_none(),
			index: 0,
		}
	}

	/// Rewrites the genesis patients in the version 1 layout and adds version 1 records of
	/// PATIENT (a clinical one, a self-reported one) and WARD (self-reported, no care
	/// organisation) with key shares, at storage version 1.
	fn version_1_records() {
		for (who, p) in Patients::<Test>::iter().collect::<Vec<_>>() {
			v1::Patients::<Test>::insert(
				who,
				v1::Patient {
					guardian: p.guardian,
					registered_at: p.registered_at,
					record_count: p.record_count,
					access_count: p.access_count,
					care_organisations: p.care_organisations,
				},
			);
		}
		let mut r0 = old_record(PATIENT, VILLAGE_DOC, Some(CLINIC));
		r0.index = 0;
		let mut r1 = old_record(PATIENT, PATIENT, None);
		r1.index = 1;
		let r2 = old_record(WARD, GUARDIAN, None);
		v1::Records::<Test>::insert(0, r0);
		v1::Records::<Test>::insert(1, r1);
		v1::Records::<Test>::insert(2, r2);
		PatientRecordIndex::<Test>::insert(PATIENT, 0, 0);
		PatientRecordIndex::<Test>::insert(PATIENT, 1, 1);
		PatientRecordIndex::<Test>::insert(WARD, 0, 2);
		v1::Patients::<Test>::mutate(PATIENT, |p| p.as_mut().unwrap().record_count = 2);
		v1::Patients::<Test>::mutate(WARD, |p| p.as_mut().unwrap().record_count = 1);
		NextRecordId::<Test>::put(3);
		let key = v1::KeyShareOf::<Test>::truncate_from(vec![9; 80]);
		v1::KeyShares::<Test>::insert(0, PATIENT, key.clone());
		v1::KeyShares::<Test>::insert(0, VILLAGE_DOC, key.clone());
		v1::KeyShares::<Test>::insert(2, GUARDIAN, key);
		StorageVersion::new(1).put::<Pallet<Test>>();
		// The version 1 bytes do not decode in the version 2 layout.
		assert!(Records::<Test>::try_get(0).is_err());
		assert!(Patients::<Test>::try_get(PATIENT).is_err());
	}

	#[test]
	fn migrates_patients_records_and_key_shares() {
		test(|| {
			version_1_records();
			#[cfg(feature = "try-runtime")]
			let state = {
				use frame_support::traits::UncheckedOnRuntimeUpgrade;
				v2::VersionUncheckedMigrateV1ToV2::<Test>::pre_upgrade()
					.expect("version 1 data decodes and fits in a block")
			};
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			#[cfg(feature = "try-runtime")]
			{
				use frame_support::traits::UncheckedOnRuntimeUpgrade;
				v2::VersionUncheckedMigrateV1ToV2::<Test>::post_upgrade(state)
					.expect("migrated faithfully");
			}
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			let p = Patients::<Test>::get(PATIENT).unwrap();
			assert_eq!((p.record_count, p.depositor, p.deposit), (2, PATIENT, 0));
			assert_eq!(Patients::<Test>::get(WARD).unwrap().guardian, Some(GUARDIAN));
			// Clinical: its organisation; self-reported: the first care organisation; none.
			assert_eq!(Records::<Test>::get(0).unwrap().vault, Some(CLINIC));
			assert_eq!(Records::<Test>::get(1).unwrap().vault, Some(CLINIC));
			assert_eq!(Records::<Test>::get(2).unwrap().vault, None);
			let r = Records::<Test>::get(0).unwrap();
			assert_eq!((r.author, r.size_bytes, r.deposit), (VILLAGE_DOC, 10, 0));
			let share = KeyShares::<Test>::get(0, VILLAGE_DOC).unwrap();
			assert_eq!((share.attached_by, share.deposit), (VILLAGE_DOC, 0));
			assert_eq!(share.wrapped_key.to_vec(), vec![9; 80]);
			assert_eq!(KeyShareCount::<Test>::get(0), 2);
			assert_eq!(KeyShareCount::<Test>::get(1), 0);
			assert_eq!(KeyShareCount::<Test>::get(2), 1);
			// A second run finds version 2 and changes nothing.
			let migrated = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), migrated);
			// A migrated share counts as attached by its reader: the author cannot replace it.
			assert_eq!(
				share.encode(),
				v2::upgraded_share::<Test>(&VILLAGE_DOC, share.wrapped_key.clone()).encode()
			);
			frame_support::assert_noop!(
				PatientRecords::attach_key_share(
					RuntimeOrigin::signed(VILLAGE_DOC),
					0,
					PATIENT,
					ruralmed_primitives::PurposeOfUse::Treatment,
					vec![1; 80]
				),
				Error::<Test>::MayNotReplaceKeyShare
			);
		});
	}

	#[test]
	fn does_nothing_unless_at_version_1() {
		test(|| {
			// Already migrated: version 2 data stays as it is.
			StorageVersion::new(2).put::<Pallet<Test>>();
			let id = crate::Pallet::<Test>::do_anchor(
				PATIENT,
				PATIENT,
				None,
				RecordCategory::Observation,
				H256::repeat_byte(3),
				Some(CLINIC),
				5,
				None,
				0,
			)
			.unwrap();
			let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before);
			assert_eq!(Records::<Test>::get(id).unwrap().vault, Some(CLINIC));
		});
	}
}
