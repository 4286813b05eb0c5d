//! Storage migrations of the emergency supply pallet.
//!
//! - [`v2::MigrateV1ToV2`]: storage version 1 → 2 (the security fixes of 2026-12): donations
//!   name their receiving warehouse ([`Donation::warehouse`]), needs keep the tier their filer
//!   asked for ([`Need::requested_priority`]), and the new indexes [`DonorPledges`],
//!   [`NextRoundToAllocate`] and [`DispatchOrder`] are filled in.
//!
//! Each migration is a [`VersionedMigration`]: it runs only when the on-chain storage version is
//! its `FROM` version and then sets it to `TO`, so listing it in a runtime's `Migrations` more
//! than once migrates nothing twice.

use crate::*;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	weights::RuntimeDbWeight,
};

/// Storage version 1 → 2.
///
/// What existing state becomes (so that it stays valid):
/// - a donation gets `warehouse: None`, meaning "legacy: any active warehouse may confirm its
///   receipt" (the authority can name one with `set_pledge_warehouse`); it holds no deposit
///   (no [`PledgeDeposits`] entry);
/// - [`DonorPledges`] counts each donor's unreceived donations per emergency (it may exceed
///   [`Config::MaxPledgesPerDonor`]: such a donor pledges again once under it);
/// - a need gets `requested_priority` = its tier. In a round not allocated yet, the new rules
///   apply now: `Critical` becomes `Urgent` until the authority grants it, `people_served` is
///   cut to [`Config::MaxPeopleServed`] and `requested` to `people_served ×`
///   [`Config::MaxUnitsPerPerson`]. Allocated rounds are history and keep their figures;
/// - [`NextRoundToAllocate`] of each (emergency, item) is one past its last allocated round;
/// - [`DispatchOrder`] gets an entry for each dispatch awaiting confirmation ([`InTransit`]).
pub mod v2 {
	use super::*;
	use alloc::{collections::btree_map::BTreeMap, vec::Vec};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The layout of storage version 1.
	pub mod v1 {
		use super::*;
		use frame_support::storage_alias;

		/// A need as storage version 1 stored it: without `requested_priority`.
		#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
		pub struct Need<AccountId> {
			/// The need's id.
			pub id: NeedId,
			/// The organisation in need.
			pub org: ruralmed_primitives::OrganisationId,
			/// Which affected region it lies in.
			pub region: RegionIndex,
			/// The organisation's own region code.
			pub location: ruralmed_primitives::RegionCode,
			/// Units requested.
			pub requested: Quantity,
			/// Units it still has.
			pub stock_on_hand: Quantity,
			/// People served.
			pub people_served: u32,
			/// Its tier.
			pub priority: Priority,
			/// Why.
			pub reason: NeedReason,
			/// Who filed it.
			pub filed_by: AccountId,
			/// Units allocated to it.
			pub allocated: Quantity,
		}

		/// A donation as storage version 1 stored it: without `warehouse`.
		#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
		pub struct Donation<AccountId, BlockNumber> {
			/// The emergency.
			pub emergency: EmergencyId,
			/// The item.
			pub item: ItemIndex,
			/// Who pledged.
			pub donor: AccountId,
			/// The donor organisation.
			pub donor_org: Option<ruralmed_primitives::OrganisationId>,
			/// Where it should go.
			pub target: DonationTarget,
			/// The affected region of the target.
			pub target_region: Option<RegionIndex>,
			/// Units pledged.
			pub pledged: Quantity,
			/// Block of the pledge.
			pub pledged_at: BlockNumber,
			/// The receipt.
			pub receipt: Option<Receipt<BlockNumber>>,
			/// Units allocated.
			pub allocated: Quantity,
			/// Number of allocations.
			pub allocations: u32,
		}

		/// A version 1 need of the runtime `T`.
		pub type NeedOf<T> = Need<<T as frame_system::Config>::AccountId>;
		/// A version 1 donation of the runtime `T`.
		pub type DonationOf<T> =
			Donation<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
		/// A version 1 round's needs.
		pub type RoundNeedList<T> = BoundedVec<NeedOf<T>, <T as Config>::MaxNeedsPerRound>;

		/// `Donations` in the version 1 layout.
		#[storage_alias]
		pub type Donations<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, DonationId, DonationOf<T>, OptionQuery>;

		/// `RoundNeeds` in the version 1 layout.
		#[storage_alias]
		pub type RoundNeeds<T: Config> = StorageNMap<
			Pallet<T>,
			(
				NMapKey<Twox64Concat, EmergencyId>,
				NMapKey<Twox64Concat, ItemIndex>,
				NMapKey<Twox64Concat, RoundIndex>,
			),
			RoundNeedList<T>,
			ValueQuery,
		>;
	}

	/// The version 2 form of a version 1 donation: `warehouse: None` (legacy).
	pub fn upgraded_donation<T: Config>(old: v1::DonationOf<T>) -> DonationOf<T> {
		Donation {
			emergency: old.emergency,
			item: old.item,
			donor: old.donor,
			donor_org: old.donor_org,
			target: old.target,
			target_region: old.target_region,
			pledged: old.pledged,
			pledged_at: old.pledged_at,
			warehouse: None,
			receipt: old.receipt,
			allocated: old.allocated,
			allocations: old.allocations,
		}
	}

	/// The version 2 form of a version 1 need; `open` if its round is not allocated yet, when
	/// the new caps and the authority-only `Critical` apply.
	pub fn upgraded_need<T: Config>(old: v1::NeedOf<T>, open: bool) -> NeedOf<T> {
		let mut need = Need {
			id: old.id,
			org: old.org,
			region: old.region,
			location: old.location,
			requested: old.requested,
			stock_on_hand: old.stock_on_hand,
			people_served: old.people_served,
			priority: old.priority,
			requested_priority: old.priority,
			reason: old.reason,
			filed_by: old.filed_by,
			allocated: old.allocated,
		};
		if open {
			need.people_served = need.people_served.min(T::MaxPeopleServed::get());
			let cap = u64::from(need.people_served).saturating_mul(T::MaxUnitsPerPerson::get());
			need.requested = need.requested.min(cap);
			if need.priority == Priority::Critical {
				need.priority = Priority::Urgent;
			}
		}
		need
	}

	/// The weight of migrating `donations` donations, `rounds` rounds of needs, `allocated`
	/// allocated rounds and `in_transit` dispatches: each is read and rewritten or indexed
	/// (plus one read per map to find its end); each donor count and next round is one more
	/// write.
	pub fn migration_weight(
		db: &RuntimeDbWeight,
		donations: u64,
		rounds: u64,
		allocated: u64,
		in_transit: u64,
	) -> Weight {
		let reads = donations
			.saturating_add(rounds)
			.saturating_mul(2)
			.saturating_add(allocated)
			.saturating_add(in_transit);
		let writes = donations
			.saturating_mul(2)
			.saturating_add(rounds)
			.saturating_add(allocated)
			.saturating_add(in_transit);
		db.reads_writes(reads.saturating_add(4), writes)
	}

	/// Migrates to the version 2 layout. Use [`MigrateV1ToV2`], which runs this only on
	/// storage version 1. All in one block: donations are bounded by
	/// `MaxPledgesPerEmergency` per emergency, and rounds by time; the `try-runtime`
	/// pre-upgrade check refuses a chain whose state would not fit in a block.
	pub struct VersionUncheckedMigrateV1ToV2<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for VersionUncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut next_round = BTreeMap::<(EmergencyId, ItemIndex), RoundIndex>::new();
			let mut allocated = 0u64;
			for ((emergency, item, round), _) in AllocatedRounds::<T>::iter() {
				allocated = allocated.saturating_add(1);
				let next = next_round.entry((emergency, item)).or_default();
				*next = (*next).max(round.saturating_add(1));
			}
			for ((emergency, item), next) in next_round {
				NextRoundToAllocate::<T>::insert(emergency, item, next);
			}

			let mut rounds = 0u64;
			RoundNeeds::<T>::translate::<v1::RoundNeedList<T>, _>(|(e, i, r), old| {
				rounds = rounds.saturating_add(1);
				let open = !AllocatedRounds::<T>::contains_key((e, i, r));
				let needs =
					old.into_iter().map(|n| upgraded_need::<T>(n, open)).collect::<Vec<_>>();
				// Same length and bound as before.
				Some(BoundedVec::truncate_from(needs))
			});

			let mut donations = 0u64;
			let mut open = BTreeMap::<(EmergencyId, T::AccountId), u32>::new();
			Donations::<T>::translate::<v1::DonationOf<T>, _>(|_, old| {
				donations = donations.saturating_add(1);
				if old.receipt.is_none() {
					let n = open.entry((old.emergency, old.donor.clone())).or_default();
					*n = n.saturating_add(1);
				}
				Some(upgraded_donation::<T>(old))
			});
			for ((emergency, donor), n) in open {
				DonorPledges::<T>::insert(emergency, donor, n);
			}

			let mut in_transit = 0u64;
			for (emergency, id, at) in InTransit::<T>::iter() {
				in_transit = in_transit.saturating_add(1);
				DispatchOrder::<T>::insert(emergency, Pallet::<T>::dispatch_key_of(at, id), ());
			}
			migration_weight(&T::DbWeight::get(), donations, rounds, allocated, in_transit)
		}

		/// Checks that everything decodes in the version 1 layout and fits in a block; hands
		/// the old donations and needs to `post_upgrade`.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let donations: Vec<(DonationId, v1::DonationOf<T>)> =
				v1::Donations::<T>::iter().collect();
			ensure!(
				donations.len() == v1::Donations::<T>::iter_keys().count(),
				"a donation does not decode in the version 1 layout"
			);
			let rounds: Vec<((EmergencyId, ItemIndex, RoundIndex), v1::RoundNeedList<T>)> =
				v1::RoundNeeds::<T>::iter().collect();
			ensure!(
				rounds.len() == v1::RoundNeeds::<T>::iter_keys().count(),
				"a round's needs do not decode in the version 1 layout"
			);
			let weight = migration_weight(
				&T::DbWeight::get(),
				donations.len() as u64,
				rounds.len() as u64,
				AllocatedRounds::<T>::iter_keys().count() as u64,
				InTransit::<T>::iter_keys().count() as u64,
			)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1));
			ensure!(
				weight.all_lte(T::BlockWeights::get().max_block),
				"too much emergency supply state to migrate in one block"
			);
			Ok((donations, rounds).encode())
		}

		/// Checks every donation and need was migrated faithfully and the new indexes agree
		/// with the state (the pallet's `try_state` checks the rest).
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			#[allow(clippy::type_complexity)]
			let (donations, rounds): (
				Vec<(DonationId, v1::DonationOf<T>)>,
				Vec<((EmergencyId, ItemIndex, RoundIndex), v1::RoundNeedList<T>)>,
			) = Decode::decode(&mut &state[..]).map_err(|_| "cannot decode the pre-upgrade state")?;
			ensure!(
				Donations::<T>::iter_keys().count() == donations.len(),
				"the number of donations changed"
			);
			for (id, before) in donations {
				ensure!(
					Donations::<T>::get(id) == Some(upgraded_donation::<T>(before)),
					"a donation was not migrated faithfully"
				);
				ensure!(!PledgeDeposits::<T>::contains_key(id), "a legacy pledge holds a deposit");
			}
			for (key, before) in rounds {
				let open = !AllocatedRounds::<T>::contains_key(key);
				let expected: Vec<NeedOf<T>> =
					before.into_iter().map(|n| upgraded_need::<T>(n, open)).collect();
				ensure!(
					RoundNeeds::<T>::get(key).into_inner() == expected,
					"a round's needs were not migrated faithfully"
				);
			}
			Pallet::<T>::do_try_state()
		}
	}

	/// Storage version 1 → 2 of the emergency supply pallet. Runs once, on storage version 1.
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
		assert_noop, assert_ok,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		BoundedVec,
	};
	use ruralmed_primitives::RegionCode;

	fn old_need(
		id: NeedId,
		org: u32,
		requested: Quantity,
		people: u32,
		p: Priority,
	) -> v1::NeedOf<Test> {
		v1::Need {
			id,
			org,
			region: 0,
			location: RegionCode::new(5, 1, 1),
			requested,
			stock_on_hand: 0,
			people_served: people,
			priority: p,
			reason: NeedReason::Other,
			filed_by: A_ADMIN,
			allocated: 0,
		}
	}

	fn old_donation(
		donor: u64,
		pledged: Quantity,
		received: Option<Quantity>,
	) -> v1::DonationOf<Test> {
		v1::Donation {
			emergency: 0,
			item: 0,
			donor,
			donor_org: None,
			target: DonationTarget::Anywhere,
			target_region: None,
			pledged,
			pledged_at: 1,
			receipt: received.map(|quantity| Receipt { warehouse: WAREHOUSE, quantity, at: 2 }),
			allocated: 0,
			allocations: 0,
		}
	}

	/// A version 1 chain: an emergency, three donations (two awaiting receipt, one received
	/// and pooled), an allocated round 0 with a Critical need, and an open round 1 with a
	/// self-declared huge Critical need.
	fn version_1_state() {
		assert_ok!(EmergencySupply::declare_emergency(
			RuntimeOrigin::root(),
			BoundedVec::truncate_from(b"Old flood".to_vec()),
			BoundedVec::truncate_from(vec![RegionCode::new(5, 1, 0)]),
			BoundedVec::truncate_from(vec![SupplyItem {
				code: BoundedVec::truncate_from(b"MASK".to_vec()),
				unit: SupplyUnit::Piece,
				gtin: None,
			}]),
			1,
			101,
			ROUND
		));
		v1::Donations::<Test>::insert(0, old_donation(DONOR, 5, None));
		v1::Donations::<Test>::insert(1, old_donation(DONOR, 7, None));
		v1::Donations::<Test>::insert(2, old_donation(ATTACKER, 9, Some(9)));
		NextDonationId::<Test>::put(3);
		Pools::<Test>::insert((0, 0, Pool::General), BoundedVec::truncate_from(vec![(2, 9)]));
		ItemTotals::<Test>::insert(
			0,
			0,
			SupplyTotals { pledged: 21, received: 9, ..Default::default() },
		);
		Emergencies::<Test>::mutate(0, |e| e.as_mut().unwrap().pledges = 3);
		v1::RoundNeeds::<Test>::insert(
			(0, 0, 0),
			BoundedVec::truncate_from(vec![old_need(0, CLINIC_A, 10, 0, Priority::Critical)]),
		);
		AllocatedRounds::<Test>::insert((0, 0, 0), 11);
		v1::RoundNeeds::<Test>::insert(
			(0, 0, 1),
			BoundedVec::truncate_from(vec![
				old_need(1, CLINIC_A, u64::MAX, u32::MAX, Priority::Critical),
				old_need(2, CLINIC_B, 10, 5, Priority::Routine),
			]),
		);
		NextNeedId::<Test>::put(3);
		StorageVersion::new(1).put::<Pallet<Test>>();
		// Version 1 bytes do not decode as version 2.
		assert!(Donations::<Test>::try_get(0).is_err());
	}

	#[test]
	fn migrates_donations_needs_and_indexes() {
		test(|| {
			version_1_state();
			System::set_block_number(12);
			let before = v1::Donations::<Test>::get(2).unwrap();
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			// Donations: every field kept, no warehouse (legacy), no deposit.
			assert_eq!(Donations::<Test>::get(2), Some(v2::upgraded_donation::<Test>(before)));
			assert!((0..3).all(|d| Donations::<Test>::get(d).unwrap().warehouse.is_none()));
			assert_eq!(PledgeDeposits::<Test>::iter().count(), 0);
			assert_eq!(DonorPledges::<Test>::get(0, DONOR), 2);
			assert_eq!(DonorPledges::<Test>::get(0, ATTACKER), 0);
			// The allocated round is history: kept as it was.
			let r0 = RoundNeeds::<Test>::get((0, 0, 0));
			assert_eq!(
				(r0[0].priority, r0[0].requested_priority),
				(Priority::Critical, Priority::Critical)
			);
			assert_eq!(r0[0].requested, 10);
			// The open round follows the new rules.
			let r1 = RoundNeeds::<Test>::get((0, 0, 1));
			assert_eq!(r1[0].priority, Priority::Urgent);
			assert_eq!(r1[0].requested_priority, Priority::Critical);
			assert_eq!(r1[0].people_served, MAX_PEOPLE);
			assert_eq!(r1[0].requested, u64::from(MAX_PEOPLE) * UNITS_PER_PERSON);
			assert_eq!(r1[1].requested, 10);
			assert_eq!(r1[1].priority, Priority::Routine);
			assert_eq!(NextRoundToAllocate::<Test>::get(0, 0), 1);
			// A second run finds version 2 and changes nothing.
			let migrated = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), migrated);
			// Legacy state keeps working: any warehouse confirms a legacy pledge, the donor
			// cancels one (no deposit to return), the round is allocated.
			assert_ok!(EmergencySupply::confirm_receipt(
				RuntimeOrigin::signed(X_ADMIN),
				0,
				WAREHOUSE_X,
				5
			));
			assert_ok!(EmergencySupply::cancel_pledge(RuntimeOrigin::signed(DONOR), 1));
			assert_eq!(DonorPledges::<Test>::get(0, DONOR), 0);
			System::set_block_number(21);
			assert_ok!(EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, 0, 1));
			assert_noop!(
				EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, 0, 0),
				Error::<Test>::RoundAlreadyAllocated
			);
		});
	}

	/// Rewrites a version 2 state in the version 1 layout (no deposits may be held).
	fn downgrade_to_v1() {
		let donations: Vec<_> = Donations::<Test>::iter().collect();
		for (id, d) in donations {
			v1::Donations::<Test>::insert(
				id,
				v1::Donation {
					emergency: d.emergency,
					item: d.item,
					donor: d.donor,
					donor_org: d.donor_org,
					target: d.target,
					target_region: d.target_region,
					pledged: d.pledged,
					pledged_at: d.pledged_at,
					receipt: d.receipt,
					allocated: d.allocated,
					allocations: d.allocations,
				},
			);
		}
		let rounds: Vec<_> = RoundNeeds::<Test>::iter().collect();
		for (key, needs) in rounds {
			let old: Vec<v1::NeedOf<Test>> = needs
				.into_iter()
				.map(|n| v1::Need {
					id: n.id,
					org: n.org,
					region: n.region,
					location: n.location,
					requested: n.requested,
					stock_on_hand: n.stock_on_hand,
					people_served: n.people_served,
					priority: n.priority,
					reason: n.reason,
					filed_by: n.filed_by,
					allocated: n.allocated,
				})
				.collect();
			v1::RoundNeeds::<Test>::insert(key, BoundedVec::truncate_from(old));
		}
		assert_eq!(PledgeDeposits::<Test>::iter().count(), 0);
		let _ = DispatchOrder::<Test>::clear(u32::MAX, None);
		let _ = NextRoundToAllocate::<Test>::clear(u32::MAX, None);
		let _ = DonorPledges::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Pallet<Test>>();
	}

	/// Dispatches in transit at the upgrade are indexed in dispatch order, so they still show
	/// as overdue, and their confirmation still works.
	#[test]
	fn indexes_dispatches_in_transit() {
		test(|| {
			assert_ok!(EmergencySupply::declare_emergency(
				RuntimeOrigin::root(),
				BoundedVec::truncate_from(b"Old flood".to_vec()),
				BoundedVec::truncate_from(vec![RegionCode::new(5, 1, 0)]),
				BoundedVec::truncate_from(vec![SupplyItem {
					code: BoundedVec::truncate_from(b"MASK".to_vec()),
					unit: SupplyUnit::Piece,
					gtin: None,
				}]),
				1,
				1_001,
				ROUND
			));
			for (admin, org) in [(A_ADMIN, CLINIC_A), (B_ADMIN, CLINIC_B)] {
				assert_ok!(EmergencySupply::file_need(
					RuntimeOrigin::signed(admin),
					0,
					0,
					org,
					10,
					0,
					10,
					Priority::Urgent,
					NeedReason::StockOut
				));
			}
			assert_ok!(EmergencySupply::pledge(
				RuntimeOrigin::signed(DONOR),
				0,
				0,
				20,
				DonationTarget::Anywhere,
				WAREHOUSE,
				None
			));
			assert_ok!(EmergencySupply::confirm_receipt(
				RuntimeOrigin::signed(W_ADMIN),
				0,
				WAREHOUSE,
				20
			));
			System::set_block_number(11);
			assert_ok!(EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, 0, 0));
			for id in [1, 0] {
				assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), id));
				System::set_block_number(System::block_number() + 1);
			}
			downgrade_to_v1();
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(DispatchOrder::<Test>::iter().count(), 2);
			assert_eq!(NextRoundToAllocate::<Test>::get(0, 0), 1);
			System::set_block_number(13 + DEADLINE);
			let overdue: Vec<_> = EmergencySupply::overdue_dispatches(0, None, 10)
				.into_iter()
				.map(|o| o.allocation)
				.collect();
			// Oldest dispatch first.
			assert_eq!(overdue, vec![1, 0]);
			assert_ok!(EmergencySupply::confirm_delivery(RuntimeOrigin::signed(A_ADMIN), 0, 10));
			assert_ok!(EmergencySupply::confirm_delivery(RuntimeOrigin::signed(B_ADMIN), 1, 10));
			assert_eq!(DispatchOrder::<Test>::iter().count(), 0);
		});
	}

	/// The try-runtime hooks accept a real version 1 state and its migration.
	#[cfg(feature = "try-runtime")]
	#[test]
	fn try_runtime_hooks_pass() {
		use frame_support::traits::UncheckedOnRuntimeUpgrade;
		test(|| {
			version_1_state();
			System::set_block_number(12);
			let state = v2::VersionUncheckedMigrateV1ToV2::<Test>::pre_upgrade().unwrap();
			v2::VersionUncheckedMigrateV1ToV2::<Test>::on_runtime_upgrade();
			v2::VersionUncheckedMigrateV1ToV2::<Test>::post_upgrade(state).unwrap();
			StorageVersion::new(2).put::<Pallet<Test>>();
		});
	}

	#[test]
	fn does_nothing_unless_at_version_1() {
		test(|| {
			version_1_state();
			StorageVersion::new(2).put::<Pallet<Test>>();
			let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
			assert!(Donations::<Test>::try_get(0).is_err());
			// Migrate for real, so that the invariants checked after the test hold.
			StorageVersion::new(1).put::<Pallet<Test>>();
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert!(Donations::<Test>::get(0).is_some());
		});
	}
}
