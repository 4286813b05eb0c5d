//! Storage migrations of the consent pallet.
//!
//! - [`v2::MigrateV1ToV2`]: storage version 1 → 2. Break-glass accesses no longer store their
//!   reason in plaintext (it is folded into the commitment, [`emergency_commitment`]); the rate
//!   limit becomes a sliding window of opening blocks; disputed accesses awaiting the authority
//!   are counted in [`UnresolvedDisputes`].
//!
//! Each migration is a [`VersionedMigration`]: it runs only when the on-chain storage version is
//! its `FROM` version and then sets it to `TO`, so listing it in a runtime's `Migrations` more
//! than once, or keeping it there for several upgrades, migrates nothing twice.

use crate::*;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	weights::RuntimeDbWeight,
};

/// Storage version 1 → 2 of the consent pallet.
pub mod v2 {
	use super::*;
	use frame_system::pallet_prelude::BlockNumberFor;
	use ruralmed_primitives::{ContentHash, OrganisationId};
	use sp_runtime::traits::Saturating;

	/// The layout of storage version 1.
	pub mod v1 {
		use super::*;
		use frame_support::storage_alias;

		/// A break-glass access as storage version 1 stored it: with its reason in plaintext and
		/// the hash of the justification alone.
		#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
		pub struct EmergencyAccess<AccountId, BlockNumber> {
			/// Whose records.
			pub patient: AccountId,
			/// Who broke the glass.
			pub practitioner: AccountId,
			/// For which organisation.
			pub org: OrganisationId,
			/// Why.
			pub reason: EmergencyReason,
			/// blake2-256 of the written justification.
			pub justification: ContentHash,
			/// When it was opened.
			pub opened_at: BlockNumber,
			/// First block it no longer grants access in.
			pub expires_at: BlockNumber,
			/// The review deadline.
			pub review_by: BlockNumber,
			/// Where it stands.
			pub status: EmergencyStatus,
			/// Whether the patient disputed it.
			pub disputed: bool,
		}

		/// A version 1 break-glass access of the runtime `T`.
		pub type EmergencyAccessOf<T> =
			EmergencyAccess<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

		/// A practitioner's break-glass use in the current fixed window, as version 1 stored it.
		#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug, Default)]
		pub struct EmergencyUsage<BlockNumber> {
			/// When the current window started.
			pub window_start: BlockNumber,
			/// Break-glass accesses opened in it.
			pub opened: u32,
		}

		/// `EmergencyAccesses` in the version 1 layout.
		#[storage_alias]
		pub type EmergencyAccesses<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, EmergencyId, EmergencyAccessOf<T>, OptionQuery>;

		/// `EmergencyUsageOf` in the version 1 layout.
		#[storage_alias]
		pub type EmergencyUsageOf<T: Config> = StorageMap<
			Pallet<T>,
			Blake2_128Concat,
			<T as frame_system::Config>::AccountId,
			EmergencyUsage<BlockNumberFor<T>>,
			ValueQuery,
		>;
	}

	/// The version 2 form of a version 1 access: every field kept but the reason, which is
	/// folded with the justification's hash into the commitment new accesses store.
	pub fn upgraded_access<T: Config>(old: v1::EmergencyAccessOf<T>) -> EmergencyAccessOf<T> {
		EmergencyAccess {
			patient: old.patient,
			practitioner: old.practitioner,
			org: old.org,
			justification: emergency_commitment(old.reason, &old.justification),
			opened_at: old.opened_at,
			expires_at: old.expires_at,
			review_by: old.review_by,
			status: old.status,
			disputed: old.disputed,
		}
	}

	/// The version 2 form of a version 1 usage at block `now`: nothing if its window is over;
	/// else one opening at `now` for each counted in the window (at most the limit). Version 1
	/// did not record when each was opened; all were opened at or before `now`, so dating them
	/// `now` never lets a window hold more than the limit (it errs towards refusing).
	pub fn upgraded_usage<T: Config>(
		old: v1::EmergencyUsage<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) -> Option<BoundedVec<BlockNumberFor<T>, T::MaxEmergenciesPerWindow>> {
		let live =
			old.opened > 0 && now.saturating_sub(old.window_start) < T::EmergencyRateWindow::get();
		let kept = old.opened.min(T::MaxEmergenciesPerWindow::get()) as usize;
		live.then(|| BoundedVec::truncate_from(alloc::vec![now; kept]))
	}

	/// The weight of migrating `accesses` break-glass accesses, of which `disputed` are
	/// disputed and unresolved, and `usages` usage entries: `translate` reads and rewrites each
	/// entry and makes one more read per map to find its end; each disputed access reads and
	/// writes its counter. (The storage version's read and write are added by
	/// [`VersionedMigration`].)
	pub fn migration_weight(
		db: &RuntimeDbWeight,
		accesses: u64,
		disputed: u64,
		usages: u64,
	) -> Weight {
		let reads = accesses.saturating_add(usages).saturating_add(disputed).saturating_add(2);
		let writes = accesses.saturating_add(usages).saturating_add(disputed);
		db.reads_writes(reads, writes)
	}

	/// Rewrites every break-glass access and usage in the version 2 layout and counts the
	/// unresolved disputes. Use [`MigrateV1ToV2`], which runs this only on storage version 1.
	///
	/// The work is one read and one write per access and per practitioner's usage, in one
	/// block. Break-glass is rare and rate-limited; the `try-runtime` pre-upgrade check refuses
	/// a chain whose entries would not fit in a block.
	pub struct VersionUncheckedMigrateV1ToV2<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for VersionUncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let now = frame_system::Pallet::<T>::block_number();
			let (mut accesses, mut disputed, mut usages) = (0u64, 0u64, 0u64);
			EmergencyAccesses::<T>::translate::<v1::EmergencyAccessOf<T>, _>(|_, old| {
				accesses.saturating_inc();
				if old.status == EmergencyStatus::Escalated && old.disputed {
					disputed.saturating_inc();
					UnresolvedDisputes::<T>::mutate(&old.patient, &old.practitioner, |n| {
						n.saturating_inc()
					});
				}
				Some(upgraded_access::<T>(old))
			});
			EmergencyUsageOf::<T>::translate::<v1::EmergencyUsage<BlockNumberFor<T>>, _>(
				|_, old| {
					usages.saturating_inc();
					upgraded_usage::<T>(old, now)
				},
			);
			migration_weight(&T::DbWeight::get(), accesses, disputed, usages)
		}

		/// Checks that every access and usage decodes in the version 1 layout and that
		/// migrating them fits in a block; hands them to `post_upgrade`.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let accesses: alloc::vec::Vec<(EmergencyId, v1::EmergencyAccessOf<T>)> =
				v1::EmergencyAccesses::<T>::iter().collect();
			ensure!(
				accesses.len() == v1::EmergencyAccesses::<T>::iter_keys().count(),
				"a break-glass access does not decode in the version 1 layout"
			);
			let usages: alloc::vec::Vec<(T::AccountId, v1::EmergencyUsage<BlockNumberFor<T>>)> =
				v1::EmergencyUsageOf::<T>::iter().collect();
			ensure!(
				usages.len() == v1::EmergencyUsageOf::<T>::iter_keys().count(),
				"a break-glass usage does not decode in the version 1 layout"
			);
			ensure!(
				UnresolvedDisputes::<T>::iter_keys().next().is_none(),
				"unresolved disputes already counted"
			);
			let n = accesses.len() as u64;
			let weight = migration_weight(&T::DbWeight::get(), n, n, usages.len() as u64)
				.saturating_add(T::DbWeight::get().reads_writes(1, 1));
			ensure!(
				weight.all_lte(T::BlockWeights::get().max_block),
				"too many break-glass entries to migrate in one block"
			);
			Ok((accesses, usages).encode())
		}

		/// Checks that exactly the old accesses are there, each unchanged but for the reason
		/// folded into the commitment; that the disputes are counted; and that each usage is
		/// migrated as [`upgraded_usage`] says.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			#[allow(clippy::type_complexity)]
			let (accesses, usages): (
				alloc::vec::Vec<(EmergencyId, v1::EmergencyAccessOf<T>)>,
				alloc::vec::Vec<(T::AccountId, v1::EmergencyUsage<BlockNumberFor<T>>)>,
			) = Decode::decode(&mut &state[..])
				.map_err(|_| "cannot decode the pre-upgrade break-glass entries")?;
			ensure!(
				EmergencyAccesses::<T>::iter_keys().count() == accesses.len(),
				"the number of break-glass accesses changed"
			);
			let mut disputed = 0u32;
			for (id, before) in accesses {
				if before.status == EmergencyStatus::Escalated && before.disputed {
					disputed += 1;
				}
				ensure!(
					EmergencyAccesses::<T>::get(id) == Some(upgraded_access::<T>(before)),
					"a break-glass access was not migrated faithfully"
				);
			}
			ensure!(
				UnresolvedDisputes::<T>::iter_values().sum::<u32>() == disputed,
				"unresolved disputes miscounted"
			);
			let now = frame_system::Pallet::<T>::block_number();
			for (who, before) in usages {
				ensure!(
					EmergencyUsageOf::<T>::try_get(&who).ok() == upgraded_usage::<T>(before, now),
					"a break-glass usage was not migrated faithfully"
				);
			}
			Pallet::<T>::do_try_state()
		}
	}

	/// Storage version 1 → 2 of the consent pallet: break-glass reasons leave chain storage
	/// (folded into the commitment), the rate limit becomes a sliding window, and unresolved
	/// disputes are counted. Runs once, on storage version 1.
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
	use frame_support::{
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		weights::RuntimeDbWeight,
	};
	use sp_core::H256;

	fn access(
		patient: u64,
		practitioner: u64,
		reason: EmergencyReason,
		status: EmergencyStatus,
		disputed: bool,
	) -> v1::EmergencyAccessOf<Test> {
		v1::EmergencyAccess {
			patient,
			practitioner,
			org: HOSPITAL,
			reason,
			justification: H256::repeat_byte(7),
			opened_at: 1,
			expires_at: 5,
			review_by: 20,
			status,
			disputed,
		}
	}

	/// Consent at storage version 1, written in the version 1 layout, at block 150: an open, an
	/// accepted, a disputed and an unreviewed escalated access; usages whose fixed window
	/// (100 blocks in the mock) is over (DOC from 10, VDOC from 0) and one still running (NURSE,
	/// 9 openings from 120). Returns the accesses as written.
	fn version_1_consent() -> alloc::vec::Vec<(u64, v1::EmergencyAccessOf<Test>)> {
		use EmergencyStatus::*;
		let old = alloc::vec![
			(0, access(PATIENT, DOC, EmergencyReason::LifeThreatening, Open, false)),
			(1, access(PATIENT, NURSE, EmergencyReason::PatientUnresponsive, Accepted, false)),
			(2, access(PATIENT, VDOC, EmergencyReason::Other, Escalated, true)),
			(3, access(WARD, VDOC, EmergencyReason::MassCasualty, Escalated, false)),
		];
		for (id, e) in &old {
			v1::EmergencyAccesses::<Test>::insert(id, e);
			if e.status == Escalated {
				crate::Escalated::<Test>::insert(id, ());
			}
			LatestEmergency::<Test>::insert(e.patient, e.practitioner, id);
			let position = PatientEmergencyCount::<Test>::get(e.patient);
			PatientEmergencies::<Test>::insert(e.patient, position, id);
			PatientEmergencyCount::<Test>::insert(e.patient, position + 1);
		}
		NextEmergencyId::<Test>::put(4);
		let usage = |window_start, opened| v1::EmergencyUsage { window_start, opened };
		v1::EmergencyUsageOf::<Test>::insert(DOC, usage(10, 3));
		v1::EmergencyUsageOf::<Test>::insert(VDOC, usage(0, 2));
		v1::EmergencyUsageOf::<Test>::insert(NURSE, usage(120, 9));
		System::set_block_number(150);
		StorageVersion::new(1).put::<Pallet<Test>>();
		// The version 1 bytes do not read as the version 2 access (the reason shifts every
		// later field).
		assert_ne!(
			EmergencyAccesses::<Test>::try_get(0).ok(),
			Some(v2::upgraded_access::<Test>(old[0].1.clone()))
		);
		old
	}

	#[test]
	fn migrates_accesses_usages_and_disputes_once() {
		test(|| {
			let old = version_1_consent();
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			for (id, before) in &old {
				let after = EmergencyAccesses::<Test>::get(id).expect("still there");
				assert_eq!(after, v2::upgraded_access::<Test>(before.clone()));
				// The reason is gone, but the commitment still binds it.
				assert_eq!(
					after.justification,
					emergency_commitment(before.reason, &H256::repeat_byte(7))
				);
				assert_ne!(
					after.justification,
					emergency_commitment(
						EmergencyReason::GuardianUnreachable,
						&H256::repeat_byte(7)
					)
				);
				assert_eq!((after.status, after.disputed), (before.status, before.disputed));
			}
			// Only the disputed one bars its practitioner.
			assert_eq!(UnresolvedDisputes::<Test>::get(PATIENT, VDOC), 1);
			assert_eq!(UnresolvedDisputes::<Test>::iter().count(), 1);
			// DOC's window (from 10) is over at 150; VDOC's too; NURSE's (from 120) runs, its 9
			// openings capped at the limit (2) and dated at the migration.
			assert!(!EmergencyUsageOf::<Test>::contains_key(DOC));
			assert!(!EmergencyUsageOf::<Test>::contains_key(VDOC));
			assert_eq!(EmergencyUsageOf::<Test>::get(NURSE).into_inner(), vec![150, 150]);
			// A second run finds version 2 and changes nothing.
			let migrated = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), migrated);
			// Migrated state works: the nurse is rate-limited, the disputed practitioner barred
			// until the authority resolves, then free.
			let open = |who: u64| {
				Consent::open_emergency_access(
					RuntimeOrigin::signed(who),
					PATIENT,
					if who == VDOC { CLINIC } else { HOSPITAL },
					H256::repeat_byte(1),
					5,
				)
			};
			frame_support::assert_noop!(open(NURSE), Error::<Test>::RateLimited);
			frame_support::assert_noop!(open(VDOC), Error::<Test>::EmergencyAccessDisputed);
			frame_support::assert_ok!(Consent::resolve_emergency_access(
				RuntimeOrigin::root(),
				2,
				false
			));
			frame_support::assert_ok!(open(VDOC));
		});
	}

	#[test]
	fn does_nothing_unless_at_version_1() {
		test(|| {
			version_1_consent();
			StorageVersion::new(2).put::<Pallet<Test>>();
			let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before);
			// Put the state in the current layout so the invariants can be checked.
			StorageVersion::new(1).put::<Pallet<Test>>();
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
		});
	}

	#[test]
	fn weight_counts_every_entry() {
		let db = RuntimeDbWeight { read: 1_000, write: 10_000 };
		assert_eq!(v2::migration_weight(&db, 0, 0, 0).ref_time(), 2 * 1_000);
		assert_eq!(v2::migration_weight(&db, 4, 1, 3).ref_time(), 10 * 1_000 + 8 * 10_000);
		assert_eq!(v2::migration_weight(&db, u64::MAX, 0, 0).ref_time(), u64::MAX);
	}

	#[cfg(feature = "try-runtime")]
	#[test]
	fn pre_and_post_upgrade_checks_pass_and_catch_a_bad_migration() {
		test(|| {
			version_1_consent();
			let state = MigrateV1ToV2::<Test>::pre_upgrade().expect("pre-upgrade check passes");
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			frame_support::assert_ok!(MigrateV1ToV2::<Test>::post_upgrade(state.clone()));
			// Had the migration lost a dispute, the post-upgrade check would have said so.
			UnresolvedDisputes::<Test>::remove(PATIENT, VDOC);
			assert!(MigrateV1ToV2::<Test>::post_upgrade(state).is_err());
			UnresolvedDisputes::<Test>::insert(PATIENT, VDOC, 1);
		});
	}
}
