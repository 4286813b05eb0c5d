//! Read-only queries behind the runtime API: each reads O(page) or O(items × regions) entries,
//! whatever the history's length.

use crate::*;
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use ruralmed_primitives::OrganisationId;
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	fn view(id: AllocationId) -> Option<AllocationView<T::AccountId, BlockNumberFor<T>>> {
		let allocation = Allocations::<T>::get(id)?;
		let donor = Donations::<T>::get(allocation.donation)?.donor;
		Some(AllocationView { id, allocation, donor })
	}

	/// Where donation `donation` went: the donation, its units not yet allocated, and the
	/// allocations it fed from position `from`, at most `count` (capped at
	/// [`Config::MaxPageSize`]).
	pub fn donation_trace(
		donation: DonationId,
		from: u32,
		count: u32,
	) -> Option<DonationTrace<T::AccountId, BlockNumberFor<T>>> {
		let d = Donations::<T>::get(donation)?;
		let end = from.saturating_add(count.min(T::MaxPageSize::get())).min(d.allocations);
		let allocations = (from..end)
			.filter_map(|i| DonationAllocations::<T>::get(donation, i))
			.filter_map(Self::view)
			.collect();
		let received = d.receipt.as_ref().map_or(0, |r| r.quantity);
		Some(DonationTrace {
			unallocated: received.saturating_sub(d.allocated),
			donation: d,
			allocations,
		})
	}

	/// Who supplied organisation `org`: the allocations it received, oldest first, from
	/// position `from`, at most `count` (capped at [`Config::MaxPageSize`]), each with its
	/// donation, donor and warehouse.
	pub fn suppliers_of(
		org: OrganisationId,
		from: u32,
		count: u32,
	) -> Vec<AllocationView<T::AccountId, BlockNumberFor<T>>> {
		let end = from
			.saturating_add(count.min(T::MaxPageSize::get()))
			.min(RecipientAllocationCount::<T>::get(org));
		(from..end)
			.filter_map(|i| RecipientAllocations::<T>::get(org, i))
			.filter_map(Self::view)
			.collect()
	}

	/// The emergency's dashboard: per item, and per item and affected region, the units
	/// pledged, received, allocated, dispatched, delivered and short.
	pub fn dashboard(emergency: EmergencyId) -> Option<Dashboard<BlockNumberFor<T>>> {
		let e = Emergencies::<T>::get(emergency)?;
		let now = frame_system::Pallet::<T>::block_number();
		let current_round = Self::round_at(&e, now).unwrap_or(0);
		let items = e
			.items
			.iter()
			.enumerate()
			.map(|(i, it)| {
				let item = i as ItemIndex;
				let totals = ItemTotals::<T>::get(emergency, item);
				ItemDashboard {
					item,
					code: it.code.clone(),
					totals,
					unallocated: totals.received.saturating_sub(totals.allocated),
					regions: e
						.regions
						.iter()
						.enumerate()
						.map(|(r, code)| {
							(*code, RegionTotals::<T>::get((emergency, r as RegionIndex, item)))
						})
						.collect(),
				}
			})
			.collect();
		Some(Dashboard {
			emergency,
			name: e.name.clone(),
			status: e.status,
			sunset: e.sunset,
			current_round,
			current_round_closes_at: Self::round_closes_at(&e, current_round).unwrap_or(e.sunset),
			items,
		})
	}

	/// The needs of one round of one item, with what each was allocated.
	pub fn round_needs(
		emergency: EmergencyId,
		item: ItemIndex,
		round: RoundIndex,
	) -> Vec<NeedOf<T>> {
		RoundNeeds::<T>::get((emergency, item, round)).into_inner()
	}

	/// Dispatches of the emergency not confirmed within [`Config::DeliveryDeadline`] blocks,
	/// oldest dispatch first, at most `count` (capped at [`Config::MaxPageSize`]), after
	/// allocation `start_after` if given (pass the last id of the previous page; an id that was
	/// never dispatched in this emergency gives an empty page).
	///
	/// Reads only the entries it returns (and one more): [`DispatchOrder`] runs oldest first,
	/// so the scan stops at the first dispatch that is not overdue.
	pub fn overdue_dispatches(
		emergency: EmergencyId,
		start_after: Option<AllocationId>,
		count: u32,
	) -> Vec<OverdueDispatch<BlockNumberFor<T>>> {
		let now = frame_system::Pallet::<T>::block_number();
		let deadline = T::DeliveryDeadline::get();
		let count = count.min(T::MaxPageSize::get()) as usize;
		let keys = match start_after {
			Some(id) => {
				let dispatched_at = Allocations::<T>::get(id)
					.filter(|a| a.emergency == emergency)
					.and_then(|a| match a.status {
						AllocationStatus::Dispatched { at } => Some(at),
						AllocationStatus::Delivered { dispatched_at, .. } => Some(dispatched_at),
						AllocationStatus::Pending => None,
					});
				let Some(at) = dispatched_at else { return Vec::new() };
				DispatchOrder::<T>::iter_key_prefix_from(
					emergency,
					DispatchOrder::<T>::hashed_key_for(emergency, Self::dispatch_key_of(at, id)),
				)
			}
			None => DispatchOrder::<T>::iter_key_prefix(emergency),
		};
		keys.map(|key| dispatch_key_allocation(&key))
			.map_while(|id| {
				let dispatched_at = InTransit::<T>::get(emergency, id)?;
				let overdue_since = dispatched_at.saturating_add(deadline);
				(now >= overdue_since).then_some((id, dispatched_at, overdue_since))
			})
			.take(count)
			.filter_map(|(id, dispatched_at, overdue_since)| {
				let a = Allocations::<T>::get(id)?;
				Some(OverdueDispatch {
					allocation: id,
					recipient: a.recipient,
					warehouse: a.warehouse,
					quantity: a.quantity,
					dispatched_at,
					overdue_since,
				})
			})
			.collect()
	}

	/// Whether allocation `id` is dispatched, unconfirmed, and past the delivery deadline.
	pub fn is_overdue(id: AllocationId) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		Allocations::<T>::get(id).is_some_and(|a| match a.status {
			AllocationStatus::Dispatched { at } => {
				now >= at.saturating_add(T::DeliveryDeadline::get())
			}
			_ => false,
		})
	}
}
