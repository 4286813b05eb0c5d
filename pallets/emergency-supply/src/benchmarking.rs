//! Benchmarks of every emergency supply call (`#[benchmarks]` v2), each in its worst case:
//! the longest catalogue and region list, a round one short of full, a pool queue one short of
//! full, and allocation over `n` needs creating `a` allocations.
//!
//! Organisations come from the directory's benchmark helper, which places them all in region
//! (1, 1, 1); the benchmark emergency covers county 1.

use super::*;
use crate::Pallet as EmergencySupply;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use ruralmed_primitives::{
	OrganisationId, OrganisationKind, PractitionerDirectory, PractitionerRole, RegionCode,
};

const ROUND_LENGTH: u32 = 10;

/// The longest catalogue: every code of the longest length, every item with a GTIN.
fn catalogue<T: Config>() -> ItemList<T> {
	let items = (0..T::MaxItems::get())
		.map(|i| {
			// The first four letters spell `i` in base 26, so codes are distinct.
			let mut code = alloc::vec![b'I'; MAX_ITEM_CODE_LENGTH as usize];
			for (k, letter) in code.iter_mut().take(4).enumerate() {
				*letter = b'A' + ((i / 26u32.pow(3 - k as u32)) % 26) as u8;
			}
			SupplyItem {
				code: BoundedVec::truncate_from(code),
				unit: SupplyUnit::Dose,
				gtin: Some(*b"00012345678905"),
			}
		})
		.collect::<alloc::vec::Vec<_>>();
	BoundedVec::truncate_from(items)
}

/// The most regions: counties 1, 2, 3…, none within another.
fn regions<T: Config>() -> RegionList<T> {
	BoundedVec::truncate_from(
		(1..=T::MaxRegions::get())
			.map(|c| RegionCode::new(c, 0, 0))
			.collect::<alloc::vec::Vec<_>>(),
	)
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// An emergency open from now, with rounds of `ROUND_LENGTH` blocks.
fn emergency<T: Config>() -> EmergencyId {
	let start = now::<T>();
	EmergencySupply::<T>::do_declare(
		BoundedVec::truncate_from(alloc::vec![b'E'; MAX_NAME_LENGTH as usize]),
		regions::<T>(),
		catalogue::<T>(),
		start,
		start + 100_000u32.into(),
		ROUND_LENGTH.into(),
	)
	.expect("valid benchmark emergency")
}

/// An active organisation of `kind` with an active practitioner `who` (not its admin), who
/// then acts through membership: the costlier check.
fn organisation<T: Config>(
	name: &'static str,
	index: u32,
	kind: OrganisationKind,
) -> (OrganisationId, T::AccountId) {
	let admin: T::AccountId = account("admin", index, 0);
	let who: T::AccountId = account(name, index, 0);
	let org = T::Directory::benchmark_practitioner(&admin, &who, PractitionerRole::Nurse, kind);
	(org, who)
}

fn clinic<T: Config>(index: u32) -> (OrganisationId, T::AccountId) {
	organisation::<T>("clinic", index, OrganisationKind::VillageClinic)
}

fn warehouse<T: Config>() -> (OrganisationId, T::AccountId) {
	organisation::<T>("warehouse", 10_000, OrganisationKind::Warehouse)
}

/// A received donation of `quantity` units to anywhere.
fn received<T: Config>(
	e: EmergencyId,
	warehouse: OrganisationId,
	keeper: &T::AccountId,
	quantity: Quantity,
) -> DonationId {
	let donor: T::AccountId = whitelisted_caller();
	let d = EmergencySupply::<T>::do_pledge(donor, e, 0, quantity, DonationTarget::Anywhere, None)
		.expect("open emergency takes a pledge");
	EmergencySupply::<T>::do_confirm_receipt(keeper.clone(), d, warehouse, quantity)
		.expect("the warehouse confirms");
	d
}

fn file<T: Config>(e: EmergencyId, org: OrganisationId, who: &T::AccountId) -> NeedId {
	EmergencySupply::<T>::do_file_need(
		who.clone(),
		e,
		0,
		org,
		1_000_000,
		0,
		500,
		Priority::Critical,
		NeedReason::CaseSurge,
	)
	.expect("a clinic files a need")
}

fn close_round<T: Config>() {
	frame_system::Pallet::<T>::set_block_number(now::<T>() + ROUND_LENGTH.into());
}

/// One pending allocation of 10 units to a clinic, with the warehouse keeper and the clinic's
/// practitioner.
fn allocated<T: Config>() -> (AllocationId, T::AccountId, T::AccountId) {
	let e = emergency::<T>();
	let (w, keeper) = warehouse::<T>();
	received::<T>(e, w, &keeper, 10);
	let (org, nurse) = clinic::<T>(0);
	file::<T>(e, org, &nurse);
	close_round::<T>();
	EmergencySupply::<T>::do_allocate(e, 0, 0).expect("closed round allocates");
	(NextAllocationId::<T>::get() - 1, keeper, nurse)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn declare_emergency() -> Result<(), BenchmarkError> {
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// The benchmark runs its call one block after the set-up, so start one block ahead.
		let start = now::<T>() + 1u32.into();
		let id = NextEmergencyId::<T>::get();
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			BoundedVec::truncate_from(alloc::vec![b'E'; MAX_NAME_LENGTH as usize]),
			regions::<T>(),
			catalogue::<T>(),
			start,
			start + 1_000u32.into(),
			ROUND_LENGTH.into(),
		);
		assert_eq!(NextEmergencyId::<T>::get(), id + 1);
		Ok(())
	}

	#[benchmark]
	fn extend_emergency() -> Result<(), BenchmarkError> {
		let e = emergency::<T>();
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let sunset = now::<T>() + 200_000u32.into();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, e, sunset);
		assert_eq!(Emergencies::<T>::get(e).map(|e| e.sunset), Some(sunset));
		Ok(())
	}

	#[benchmark]
	fn close_emergency() -> Result<(), BenchmarkError> {
		let e = emergency::<T>();
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, e);
		assert_eq!(Emergencies::<T>::get(e).map(|e| e.status), Some(EmergencyStatus::Closed));
		Ok(())
	}

	#[benchmark]
	fn file_need() {
		let e = emergency::<T>();
		let (org, nurse) = clinic::<T>(0);
		// A round one short of full, none of its needs the caller's: the whole list is scanned
		// before the push.
		let filler = Need {
			id: 0,
			org: OrganisationId::MAX,
			region: 0,
			location: RegionCode::new(1, 1, 1),
			requested: 10,
			stock_on_hand: 0,
			people_served: 1,
			priority: Priority::Routine,
			reason: NeedReason::Other,
			filed_by: nurse.clone(),
			allocated: 0,
		};
		let full = T::MaxNeedsPerRound::get().saturating_sub(1);
		RoundNeeds::<T>::insert(
			(e, 0, 0),
			BoundedVec::truncate_from(alloc::vec![filler; full as usize]),
		);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(nurse),
			e,
			0,
			org,
			1_000,
			10,
			500,
			Priority::Critical,
			NeedReason::CaseSurge,
		);
		assert_eq!(RoundNeeds::<T>::get((e, 0, 0)).len() as u32, T::MaxNeedsPerRound::get());
	}

	#[benchmark]
	fn pledge() {
		let e = emergency::<T>();
		let (target, _) = clinic::<T>(0);
		let (ngo, donor) = organisation::<T>("donor", 1, OrganisationKind::DonorNgo);
		// Targeted to one clinic, on behalf of a donor organisation: the most checks.
		#[extrinsic_call]
		_(RawOrigin::Signed(donor), e, 0, 1_000, DonationTarget::Organisation(target), Some(ngo));
		assert_eq!(NextDonationId::<T>::get(), 1);
	}

	#[benchmark]
	fn confirm_receipt() {
		let e = emergency::<T>();
		let (w, keeper) = warehouse::<T>();
		let donor: T::AccountId = whitelisted_caller();
		let d = EmergencySupply::<T>::do_pledge(donor, e, 0, 1_000, DonationTarget::Anywhere, None)
			.expect("open emergency takes a pledge");
		// The pool's queue one short of full.
		let full = T::MaxPledgesPerEmergency::get().saturating_sub(1);
		Pools::<T>::insert(
			(e, 0, Pool::General),
			BoundedVec::truncate_from(alloc::vec![(DonationId::MAX, 1); full as usize]),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(keeper), d, w, 1_000);
		assert_eq!(
			Pools::<T>::get((e, 0, Pool::General)).len() as u32,
			T::MaxPledgesPerEmergency::get()
		);
	}

	/// `n` needs, all critical and far from met, and `a` received donations of one unit each:
	/// every donation is used up into its own allocation.
	#[benchmark]
	fn allocate(
		n: Linear<1, { T::MaxNeedsPerRound::get() }>,
		a: Linear<1, { T::MaxPledgesPerEmergency::get() }>,
	) {
		let e = emergency::<T>();
		let (w, keeper) = warehouse::<T>();
		for _ in 0..a {
			received::<T>(e, w, &keeper, 1);
		}
		for i in 0..n {
			let (org, nurse) = clinic::<T>(i);
			file::<T>(e, org, &nurse);
		}
		close_round::<T>();
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), e, 0, 0);
		assert_eq!(NextAllocationId::<T>::get(), u64::from(a));
		assert_eq!(ItemTotals::<T>::get(e, 0).allocated, u64::from(a));
	}

	#[benchmark]
	fn dispatch() {
		let (id, keeper, _) = allocated::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(keeper), id);
		assert!(matches!(
			Allocations::<T>::get(id).map(|a| a.status),
			Some(AllocationStatus::Dispatched { .. })
		));
	}

	#[benchmark]
	fn confirm_delivery() {
		let (id, keeper, nurse) = allocated::<T>();
		EmergencySupply::<T>::do_dispatch(keeper, id).expect("the warehouse dispatches");
		// A partial delivery records both counters.
		#[extrinsic_call]
		_(RawOrigin::Signed(nurse), id, 7);
		assert!(matches!(
			Allocations::<T>::get(id).map(|a| a.status),
			Some(AllocationStatus::Delivered { received: 7, .. })
		));
	}

	impl_benchmark_test_suite!(EmergencySupply, crate::mock::new_test_ext(), crate::mock::Test);
}
