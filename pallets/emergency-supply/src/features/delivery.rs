//! Dispatch by the warehouse and confirmation by the recipient, with shortfalls recorded, and
//! the authority's redirect of a pending allocation stuck at a warehouse.

use super::totals::bump;
use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use ruralmed_primitives::{Happening, OrganisationId, StatisticsSink};
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	/// The [`DispatchOrder`] key of `allocation` dispatched at block `at`.
	pub(crate) fn dispatch_key_of(
		at: frame_system::pallet_prelude::BlockNumberFor<T>,
		allocation: AllocationId,
	) -> DispatchKey {
		dispatch_key(sp_runtime::SaturatedConversion::saturated_into::<u64>(at), allocation)
	}

	pub(crate) fn do_dispatch(who: T::AccountId, allocation: AllocationId) -> DispatchResult {
		let mut a = Allocations::<T>::get(allocation).ok_or(Error::<T>::UnknownAllocation)?;
		// Acting for it implies it is still active; it was a warehouse at the receipt.
		ensure!(Self::acts_for(&who, a.warehouse), Error::<T>::NotAllocationWarehouse);
		ensure!(a.status == AllocationStatus::Pending, Error::<T>::AlreadyDispatched);
		let now = frame_system::Pallet::<T>::block_number();
		Self::add_totals(a.emergency, a.item, Some(a.region), |t| {
			bump(&mut t.dispatched, a.quantity)
		})?;
		a.status = AllocationStatus::Dispatched { at: now };
		InTransit::<T>::insert(a.emergency, allocation, now);
		DispatchOrder::<T>::insert(a.emergency, Self::dispatch_key_of(now, allocation), ());
		Self::deposit_event(Event::Dispatched {
			allocation,
			warehouse: a.warehouse,
			recipient: a.recipient,
			quantity: a.quantity,
		});
		Allocations::<T>::insert(allocation, a);
		Ok(())
	}

	pub(crate) fn do_confirm_delivery(
		who: T::AccountId,
		allocation: AllocationId,
		received: Quantity,
	) -> DispatchResult {
		let a = Allocations::<T>::get(allocation).ok_or(Error::<T>::UnknownAllocation)?;
		ensure!(Self::acts_for(&who, a.recipient), Error::<T>::NotRecipient);
		let recipient = a.recipient;
		Self::complete_delivery(allocation, a, received, false)?;
		T::Statistics::note(recipient, Happening::SuppliesDelivered { units: received });
		Ok(())
	}

	/// The authority closes a dispatch that stayed unconfirmed past the delivery deadline (a
	/// recipient that was suspended or closed, or never answers), recording what arrived.
	pub(crate) fn do_resolve_dispatch(
		allocation: AllocationId,
		received: Quantity,
	) -> DispatchResult {
		let a = Allocations::<T>::get(allocation).ok_or(Error::<T>::UnknownAllocation)?;
		Self::complete_delivery(allocation, a, received, true)
	}

	/// Records the delivery of dispatched allocation `a`; `overdue_only` refuses it unless the
	/// dispatch is past the delivery deadline.
	fn complete_delivery(
		allocation: AllocationId,
		mut a: AllocationOf<T>,
		received: Quantity,
		overdue_only: bool,
	) -> DispatchResult {
		let dispatched_at = match a.status {
			AllocationStatus::Pending => return Err(Error::<T>::NotDispatched.into()),
			AllocationStatus::Delivered { .. } => return Err(Error::<T>::AlreadyConfirmed.into()),
			AllocationStatus::Dispatched { at } => at,
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			!overdue_only || now >= dispatched_at.saturating_add(T::DeliveryDeadline::get()),
			Error::<T>::AllocationNotStuck
		);
		ensure!(received <= a.quantity, Error::<T>::ReceivedExceedsDispatched);
		let shortfall = a.quantity.saturating_sub(received);
		Self::add_totals(a.emergency, a.item, Some(a.region), |t| {
			bump(&mut t.delivered, received)?;
			bump(&mut t.shortfall, shortfall)
		})?;
		a.status = AllocationStatus::Delivered { dispatched_at, confirmed_at: now, received };
		InTransit::<T>::remove(a.emergency, allocation);
		DispatchOrder::<T>::remove(a.emergency, Self::dispatch_key_of(dispatched_at, allocation));
		Self::deposit_event(Event::DeliveryConfirmed {
			allocation,
			recipient: a.recipient,
			received,
			shortfall,
		});
		Allocations::<T>::insert(allocation, a);
		Ok(())
	}

	pub(crate) fn do_redirect_allocation(
		allocation: AllocationId,
		warehouse: OrganisationId,
	) -> DispatchResult {
		let mut a = Allocations::<T>::get(allocation).ok_or(Error::<T>::UnknownAllocation)?;
		ensure!(a.status == AllocationStatus::Pending, Error::<T>::AllocationNotStuck);
		let now = frame_system::Pallet::<T>::block_number();
		// Stuck: its warehouse can no longer dispatch, or has not within the deadline.
		let timed_out = AllocatedRounds::<T>::get((a.emergency, a.item, a.round))
			.is_some_and(|at| now >= at.saturating_add(T::DeliveryDeadline::get()));
		// Both read always, so the benchmark's path is the only one.
		let inactive = Self::ensure_warehouse(a.warehouse).is_err();
		ensure!(timed_out || inactive, Error::<T>::AllocationNotStuck);
		Self::ensure_warehouse(warehouse)?;
		let from = a.warehouse;
		a.warehouse = warehouse;
		Allocations::<T>::insert(allocation, a);
		Self::deposit_event(Event::AllocationRedirected { allocation, from, to: warehouse });
		Ok(())
	}
}
