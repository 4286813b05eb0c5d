//! Dispatch by the warehouse and confirmation by the recipient, with shortfalls recorded.

use super::totals::bump;
use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
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
		let mut a = Allocations::<T>::get(allocation).ok_or(Error::<T>::UnknownAllocation)?;
		ensure!(Self::acts_for(&who, a.recipient), Error::<T>::NotRecipient);
		let dispatched_at = match a.status {
			AllocationStatus::Pending => return Err(Error::<T>::NotDispatched.into()),
			AllocationStatus::Delivered { .. } => return Err(Error::<T>::AlreadyConfirmed.into()),
			AllocationStatus::Dispatched { at } => at,
		};
		ensure!(received <= a.quantity, Error::<T>::ReceivedExceedsDispatched);
		let shortfall = a.quantity.saturating_sub(received);
		Self::add_totals(a.emergency, a.item, Some(a.region), |t| {
			bump(&mut t.delivered, received)?;
			bump(&mut t.shortfall, shortfall)
		})?;
		a.status = AllocationStatus::Delivered {
			dispatched_at,
			confirmed_at: frame_system::Pallet::<T>::block_number(),
			received,
		};
		InTransit::<T>::remove(a.emergency, allocation);
		Self::deposit_event(Event::DeliveryConfirmed {
			allocation,
			recipient: a.recipient,
			received,
			shortfall,
		});
		Allocations::<T>::insert(allocation, a);
		Ok(())
	}
}
