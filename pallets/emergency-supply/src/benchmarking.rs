//! Benchmarks of every emergency supply call (`#[benchmarks]` v2), each in its worst case:
//! the longest catalogue and region list, a round one short of full (or full, with the need
//! looked for last), a pool queue one short of full (scanned whole when a donation is voided),
//! a donor one pledge short of their bound, and allocation over `n` needs creating `a`
//! allocations.
//!
//! Organisations come from the directory's benchmark helper, which places them all in region
//! (1, 1, 1); the benchmark emergency covers county 1.

use super::*;
use crate::Pallet as EmergencySupply;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	weights::Weight,
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use ruralmed_primitives::{
	OrganisationId, OrganisationKind, PractitionerDirectory, PractitionerRole, RegionCode,
};
use sp_runtime::traits::Saturating;

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

/// Gives `who` enough for many pledge deposits.
fn fund<T: Config>(who: &T::AccountId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let amount = T::PledgeDeposit::get().saturating_mul(10_000u32.into())
		+ T::Currency::minimum_balance().saturating_mul(1_000u32.into());
	let _ = T::Currency::set_balance(who, amount);
}

/// A funded donor's pledge of `quantity` units of item 0 to `target`, shipped to `warehouse`.
/// The donor is not the benchmark's whitelisted caller: a receipt or a void by someone else
/// releases its deposit from an account the caller's transaction does not pay for.
fn pledged<T: Config>(
	e: EmergencyId,
	warehouse: OrganisationId,
	quantity: Quantity,
	target: DonationTarget,
) -> (DonationId, T::AccountId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let donor: T::AccountId = account("donor", 0, 0);
	fund::<T>(&donor);
	let d = EmergencySupply::<T>::do_pledge(donor.clone(), e, 0, quantity, target, warehouse, None)
		.expect("open emergency takes a pledge");
	(d, donor)
}

/// A received donation of `quantity` units to anywhere.
fn received<T: Config>(
	e: EmergencyId,
	warehouse: OrganisationId,
	keeper: &T::AccountId,
	quantity: Quantity,
) -> DonationId
where
	T::Currency: Mutate<T::AccountId>,
{
	let (d, _) = pledged::<T>(e, warehouse, quantity, DonationTarget::Anywhere);
	EmergencySupply::<T>::do_confirm_receipt(keeper.clone(), d, warehouse, quantity)
		.expect("the warehouse confirms");
	d
}

/// The largest need allowed, far above any benchmark's stock.
fn file<T: Config>(e: EmergencyId, org: OrganisationId, who: &T::AccountId) -> NeedId {
	let people = T::MaxPeopleServed::get();
	let requested = u64::from(people).saturating_mul(T::MaxUnitsPerPerson::get()).min(1_000_000);
	EmergencySupply::<T>::do_file_need(
		who.clone(),
		e,
		0,
		org,
		requested,
		0,
		people,
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
fn allocated<T: Config>() -> (AllocationId, T::AccountId, T::AccountId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let e = emergency::<T>();
	let (w, keeper) = warehouse::<T>();
	received::<T>(e, w, &keeper, 10);
	let (org, nurse) = clinic::<T>(0);
	file::<T>(e, org, &nurse);
	close_round::<T>();
	EmergencySupply::<T>::do_allocate(e, 0, 0).expect("closed round allocates");
	(NextAllocationId::<T>::get() - 1, keeper, nurse)
}

/// An emergency whose round 0 has `needs` needs of item 0, all critical and far from met, and
/// `donations` received donations of one unit each, closed.
fn closed_round<T: Config>(needs: u32, donations: u32) -> EmergencyId
where
	T::Currency: Mutate<T::AccountId>,
{
	let e = emergency::<T>();
	let (w, keeper) = warehouse::<T>();
	for _ in 0..donations {
		received::<T>(e, w, &keeper, 1);
	}
	for i in 0..needs {
		let (org, nurse) = clinic::<T>(i);
		file::<T>(e, org, &nurse);
	}
	close_round::<T>();
	e
}

/// [`closed_round`], queued for allocation as a one-item round.
fn queued_round<T: Config>(needs: u32, donations: u32) -> EmergencyId
where
	T::Currency: Mutate<T::AccountId>,
{
	let e = closed_round::<T>(needs, donations);
	queue_round_0::<T>(e);
	e
}

/// Queues round 0 of `e` as a round of one item.
fn queue_round_0<T: Config>(e: EmergencyId) {
	RoundQueue::<T>::put(BoundedVec::truncate_from(alloc::vec![QueuedRound {
		emergency: e,
		round: 0,
		next_item: 0,
		items: 1,
	}]));
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
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
			requested_priority: Priority::Routine,
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
		let (w, _) = warehouse::<T>();
		let (ngo, donor) = organisation::<T>("donor", 1, OrganisationKind::DonorNgo);
		fund::<T>(&donor);
		// The donor one pledge short of their bound.
		DonorPledges::<T>::insert(e, &donor, T::MaxPledgesPerDonor::get().saturating_sub(1));
		// Targeted to one clinic, on behalf of a donor organisation, with a deposit: the most
		// checks and writes.
		#[extrinsic_call]
		_(
			RawOrigin::Signed(donor.clone()),
			e,
			0,
			T::MaxPledgeQuantity::get(),
			DonationTarget::Organisation(target),
			w,
			Some(ngo),
		);
		assert_eq!(NextDonationId::<T>::get(), 1);
		assert_eq!(DonorPledges::<T>::get(e, &donor), T::MaxPledgesPerDonor::get());
	}

	#[benchmark]
	fn confirm_receipt() {
		let e = emergency::<T>();
		let (w, keeper) = warehouse::<T>();
		// Targeted to a region: its region counters are written too.
		let region = RegionCode::new(1, 0, 0);
		let (d, donor) = pledged::<T>(e, w, 1_000, DonationTarget::Region(region));
		// The pool's queue one short of full.
		let full = T::MaxPledgesPerEmergency::get().saturating_sub(1);
		Pools::<T>::insert(
			(e, 0, Pool::Region(region)),
			BoundedVec::truncate_from(alloc::vec![(DonationId::MAX, 1); full as usize]),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(keeper), d, w, 1_000);
		assert_eq!(
			Pools::<T>::get((e, 0, Pool::Region(region))).len() as u32,
			T::MaxPledgesPerEmergency::get()
		);
		assert!(!PledgeDeposits::<T>::contains_key(d));
		assert_eq!(DonorPledges::<T>::get(e, &donor), 0);
	}

	/// A pledge targeted to a region (region counters too), with a deposit to release.
	#[benchmark]
	fn cancel_pledge() {
		let e = emergency::<T>();
		let (w, _) = warehouse::<T>();
		let (d, donor) =
			pledged::<T>(e, w, 1_000, DonationTarget::Region(RegionCode::new(1, 0, 0)));
		#[extrinsic_call]
		_(RawOrigin::Signed(donor), d);
		assert!(Donations::<T>::get(d).is_none());
	}

	/// A received, region-targeted donation at the back of a pool one short of full: the
	/// whole queue is scanned and rewritten, and both counters are undone.
	#[benchmark]
	fn void_pledge() -> Result<(), BenchmarkError> {
		let e = emergency::<T>();
		let (w, keeper) = warehouse::<T>();
		let region = RegionCode::new(1, 0, 0);
		let (d, _) = pledged::<T>(e, w, 1_000, DonationTarget::Region(region));
		let full = T::MaxPledgesPerEmergency::get().saturating_sub(1);
		Pools::<T>::insert(
			(e, 0, Pool::Region(region)),
			BoundedVec::truncate_from(alloc::vec![(DonationId::MAX, 1); full as usize]),
		);
		EmergencySupply::<T>::do_confirm_receipt(keeper, d, w, 1_000)
			.expect("the warehouse confirms");
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, d);
		assert!(Donations::<T>::get(d).is_none());
		assert_eq!(Pools::<T>::get((e, 0, Pool::Region(region))).len() as u32, full);
		Ok(())
	}

	#[benchmark]
	fn set_pledge_warehouse() -> Result<(), BenchmarkError> {
		let e = emergency::<T>();
		let (w, _) = warehouse::<T>();
		let (d, _) = pledged::<T>(e, w, 1_000, DonationTarget::Anywhere);
		let (other, _) = organisation::<T>("warehouse", 10_001, OrganisationKind::Warehouse);
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, d, other);
		assert_eq!(Donations::<T>::get(d).and_then(|d| d.warehouse), Some(other));
		Ok(())
	}

	/// A full round, the need looked for last.
	#[benchmark]
	fn set_need_priority() -> Result<(), BenchmarkError> {
		let e = emergency::<T>();
		let (org, nurse) = clinic::<T>(0);
		let filler = Need {
			id: 0,
			org: OrganisationId::MAX,
			region: 0,
			location: RegionCode::new(1, 1, 1),
			requested: 10,
			stock_on_hand: 0,
			people_served: 1,
			priority: Priority::Routine,
			requested_priority: Priority::Routine,
			reason: NeedReason::Other,
			filed_by: nurse.clone(),
			allocated: 0,
		};
		let full = T::MaxNeedsPerRound::get().saturating_sub(1);
		RoundNeeds::<T>::insert(
			(e, 0, 0),
			BoundedVec::truncate_from(alloc::vec![filler; full as usize]),
		);
		file::<T>(e, org, &nurse);
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, e, 0, 0, org, Priority::Critical);
		let needs = RoundNeeds::<T>::get((e, 0, 0));
		assert_eq!(needs.last().map(|n| n.priority), Some(Priority::Critical));
		Ok(())
	}

	/// Past the deadline, with the old and the new warehouse both read.
	#[benchmark]
	fn redirect_allocation() -> Result<(), BenchmarkError> {
		let (id, _, _) = allocated::<T>();
		let (other, _) = organisation::<T>("warehouse", 10_001, OrganisationKind::Warehouse);
		frame_system::Pallet::<T>::set_block_number(now::<T>() + T::DeliveryDeadline::get());
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, other);
		assert_eq!(Allocations::<T>::get(id).map(|a| a.warehouse), Some(other));
		Ok(())
	}

	/// `n` needs, all critical and far from met, and `a` received donations of one unit each:
	/// every donation is used up into its own allocation.
	#[benchmark]
	fn allocate(
		n: Linear<1, { T::MaxNeedsPerRound::get() }>,
		a: Linear<1, { T::MaxPledgesPerEmergency::get() }>,
	) {
		let e = closed_round::<T>(n, a);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), e, 0, 0);
		assert_eq!(NextAllocationId::<T>::get(), u64::from(a));
		assert_eq!(ItemTotals::<T>::get(e, 0).allocated, u64::from(a));
	}

	/// The queue one round short of full, every entry another round: the whole queue is
	/// scanned before the push.
	#[benchmark]
	fn allocate_round() {
		let e = emergency::<T>();
		let (org, nurse) = clinic::<T>(0);
		file::<T>(e, org, &nurse);
		close_round::<T>();
		let others = T::MaxQueuedRounds::get().saturating_sub(1);
		RoundQueue::<T>::put(BoundedVec::truncate_from(
			(0..others)
				.map(|i| QueuedRound { emergency: e + 1 + i, round: 0, next_item: 0, items: 1 })
				.collect::<alloc::vec::Vec<_>>(),
		));
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), e, 0);
		assert_eq!(RoundQueue::<T>::get().len() as u32, others + 1);
	}

	/// A block with nothing queued: what every block pays.
	#[benchmark]
	fn allocate_queued_idle() {
		let used;
		#[block]
		{
			used = EmergencySupply::<T>::allocate_queued(Weight::MAX);
		}
		assert_eq!(used, T::WeightInfo::allocate_queued_idle());
	}

	/// The planning step of a queued item: `n` needs, all critical and far from met, and `a`
	/// received donations of one unit each, every one used up into its own allocation; the
	/// plan is stored for the next blocks.
	#[benchmark]
	fn allocate_queued_plan(
		n: Linear<1, { T::MaxNeedsPerRound::get() }>,
		a: Linear<1, { T::MaxPledgesPerEmergency::get() }>,
	) {
		let e = queued_round::<T>(n, a);
		#[block]
		{
			EmergencySupply::<T>::allocate_queued(Weight::MAX);
		}
		let progress = AllocationInProgress::<T>::get().expect("the item is being stored");
		assert_eq!(progress.planned.len() as u32, a);
		assert_eq!(ItemTotals::<T>::get(e, 0).allocated, u64::from(a));
	}

	/// Storing the last `k` planned allocations of a queued round's last item: the item and
	/// the round finish, and the queue empties.
	#[benchmark]
	fn allocate_queued_store(k: Linear<1, { T::MaxPledgesPerEmergency::get() }>) {
		queued_round::<T>(1, k);
		EmergencySupply::<T>::allocate_queued(Weight::MAX);
		assert!(AllocationInProgress::<T>::exists());
		#[block]
		{
			EmergencySupply::<T>::allocate_queued(Weight::MAX);
		}
		assert!(RoundQueue::<T>::get().is_empty());
		assert_eq!(Allocations::<T>::iter().count() as u32, k);
	}

	/// A queued item that cannot be allocated, found out on the last check (no needs), then
	/// the round leaving the queue.
	#[benchmark]
	fn allocate_queued_skip() {
		let e = emergency::<T>();
		close_round::<T>();
		queue_round_0::<T>(e);
		#[block]
		{
			EmergencySupply::<T>::allocate_queued(Weight::MAX);
		}
		assert!(RoundQueue::<T>::get().is_empty());
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

	/// A partial delivery recorded past the deadline: both counters written.
	#[benchmark]
	fn resolve_dispatch() -> Result<(), BenchmarkError> {
		let (id, keeper, _) = allocated::<T>();
		EmergencySupply::<T>::do_dispatch(keeper, id).expect("the warehouse dispatches");
		frame_system::Pallet::<T>::set_block_number(now::<T>() + T::DeliveryDeadline::get());
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, 7);
		assert!(matches!(
			Allocations::<T>::get(id).map(|a| a.status),
			Some(AllocationStatus::Delivered { received: 7, .. })
		));
		Ok(())
	}

	impl_benchmark_test_suite!(EmergencySupply, crate::mock::new_test_ext(), crate::mock::Test);
}
