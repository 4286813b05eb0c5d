//! Donations: pledges by anyone (with a deposit, capped in size and per donor, shipped to a
//! named warehouse), receipts by that warehouse, which put the units into the stock pool of the
//! donation's target, and the ways a pledge leaves: the donor cancels it, or the authority
//! voids it.

use super::totals::bump;
use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use ruralmed_primitives::{Happening, OrganisationId, StatisticsSink};
use sp_runtime::{traits::Zero, DispatchError};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_pledge(
		who: T::AccountId,
		emergency: EmergencyId,
		item: ItemIndex,
		quantity: Quantity,
		target: DonationTarget,
		warehouse: OrganisationId,
		donor_org: Option<OrganisationId>,
	) -> Result<DonationId, DispatchError> {
		let mut e = Self::open_emergency(emergency)?;
		ensure!((item as usize) < e.items.len(), Error::<T>::ItemNotCovered);
		ensure!(quantity > 0, Error::<T>::ZeroQuantity);
		// The cap keeps every counter of the emergency far from overflow (see the
		// integrity test), so no pledge can block the next.
		ensure!(quantity <= T::MaxPledgeQuantity::get(), Error::<T>::PledgeTooLarge);
		if let Some(org) = donor_org {
			Self::ensure_acts_for(&who, org)?;
		}
		Self::ensure_warehouse(warehouse)?;
		let target_region = match target {
			DonationTarget::Anywhere => None,
			DonationTarget::Region(region) => {
				ensure!(region.is_valid(), Error::<T>::InvalidRegions);
				Some(e.region_index(&region).ok_or(Error::<T>::RegionNotAffected)?)
			}
			DonationTarget::Organisation(org) => Some(Self::care_provider_region(&e, org)?.0),
		};
		ensure!(e.pledges < T::MaxPledgesPerEmergency::get(), Error::<T>::TooManyPledges);
		let open = DonorPledges::<T>::get(emergency, &who);
		ensure!(open < T::MaxPledgesPerDonor::get(), Error::<T>::TooManyDonorPledges);
		e.pledges = e.pledges.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let id = NextDonationId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::PledgeDeposit::get();
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::PledgeDeposit.into(), &who, deposit)?;
			PledgeDeposits::<T>::insert(id, deposit);
		}
		// Cannot overflow: every pledge is capped, and the integrity test checks that all
		// pledges of an emergency fit a counter (only pledges from before the cap can, until
		// the authority voids them). Counters stay exact, as `try_state` checks.
		Self::add_totals(emergency, item, target_region, |t| bump(&mut t.pledged, quantity))?;
		Donations::<T>::insert(
			id,
			Donation {
				emergency,
				item,
				donor: who.clone(),
				donor_org,
				target,
				target_region,
				pledged: quantity,
				pledged_at: frame_system::Pallet::<T>::block_number(),
				warehouse: Some(warehouse),
				receipt: None,
				allocated: 0,
				allocations: 0,
			},
		);
		DonorPledges::<T>::insert(emergency, &who, open.saturating_add(1));
		NextDonationId::<T>::put(next);
		Emergencies::<T>::insert(emergency, e);
		T::Statistics::note(warehouse, Happening::SuppliesPledged { units: quantity });
		Self::deposit_event(Event::Pledged {
			donation: id,
			emergency,
			item,
			donor: who,
			donor_org,
			target,
			quantity,
			warehouse,
			deposit,
		});
		Ok(id)
	}

	pub(crate) fn do_confirm_receipt(
		who: T::AccountId,
		donation: DonationId,
		warehouse: OrganisationId,
		quantity: Quantity,
	) -> DispatchResult {
		let mut d = Donations::<T>::get(donation).ok_or(Error::<T>::UnknownDonation)?;
		Self::ensure_acts_for(&who, warehouse)?;
		Self::ensure_warehouse(warehouse)?;
		// Pledges from before storage version 2 name no warehouse: any may confirm them.
		ensure!(d.warehouse.is_none_or(|w| w == warehouse), Error::<T>::NotPledgeWarehouse);
		Self::open_emergency(d.emergency)?;
		ensure!(d.receipt.is_none(), Error::<T>::AlreadyReceived);
		// Nothing arriving is a cancellation or a void, not a receipt that kills the pledge.
		ensure!(quantity > 0, Error::<T>::ZeroQuantity);
		ensure!(quantity <= d.pledged, Error::<T>::ReceiptExceedsPledge);
		// Legacy pledges may exceed the cap; their receipts may not.
		ensure!(quantity <= T::MaxPledgeQuantity::get(), Error::<T>::PledgeTooLarge);
		d.receipt =
			Some(Receipt { warehouse, quantity, at: frame_system::Pallet::<T>::block_number() });
		Pools::<T>::try_mutate((d.emergency, d.item, Pool::from(d.target)), |queue| {
			// Every donation of the emergency fits: pools are as long as the pledge limit.
			queue.try_push((donation, quantity)).map_err(|_| Error::<T>::TooManyPledges)
		})?;
		Self::add_totals(d.emergency, d.item, d.target_region, |t| {
			bump(&mut t.received, quantity)
		})?;
		Self::close_pledge(donation, &d);
		T::Statistics::note(warehouse, Happening::SuppliesReceived { units: quantity });
		Self::deposit_event(Event::DonationReceived {
			donation,
			warehouse,
			quantity,
			missing: d.pledged.saturating_sub(quantity),
		});
		Donations::<T>::insert(donation, d);
		Ok(())
	}

	/// Cancels (by the donor, `Some`) or voids (`None`, the authority) a donation.
	pub(crate) fn do_cancel_pledge(
		who: Option<T::AccountId>,
		donation: DonationId,
	) -> DispatchResult {
		let d = Donations::<T>::get(donation).ok_or(Error::<T>::UnknownDonation)?;
		ensure!(who.as_ref().is_none_or(|w| *w == d.donor), Error::<T>::NotDonor);
		ensure!(d.receipt.is_none(), Error::<T>::AlreadyReceived);
		Self::remove_donation(donation, &d)?;
		Self::deposit_event(Event::PledgeCancelled { donation, donor: d.donor });
		Ok(())
	}

	pub(crate) fn do_void_pledge(donation: DonationId) -> DispatchResult {
		let d = Donations::<T>::get(donation).ok_or(Error::<T>::UnknownDonation)?;
		ensure!(d.allocations == 0 && d.allocated == 0, Error::<T>::DonationAllocated);
		let received = d.receipt.as_ref().map_or(0, |r| r.quantity);
		if received > 0 {
			// Unallocated, so all of it is still queued in its pool, in one entry.
			let key = (d.emergency, d.item, Pool::from(d.target));
			let mut queue = Pools::<T>::get(key);
			queue.retain(|(id, _)| *id != donation);
			if queue.is_empty() {
				Pools::<T>::remove(key);
			} else {
				Pools::<T>::insert(key, queue);
			}
			Self::add_totals(d.emergency, d.item, d.target_region, |t| {
				t.received = t.received.checked_sub(received)?;
				Some(())
			})?;
		}
		Self::remove_donation(donation, &d)?;
		Self::deposit_event(Event::PledgeVoided { donation, pledged: d.pledged, received });
		Ok(())
	}

	pub(crate) fn do_set_pledge_warehouse(
		donation: DonationId,
		warehouse: OrganisationId,
	) -> DispatchResult {
		let mut d = Donations::<T>::get(donation).ok_or(Error::<T>::UnknownDonation)?;
		ensure!(d.receipt.is_none(), Error::<T>::AlreadyReceived);
		Self::ensure_warehouse(warehouse)?;
		d.warehouse = Some(warehouse);
		Donations::<T>::insert(donation, d);
		Self::deposit_event(Event::PledgeWarehouseChanged { donation, warehouse });
		Ok(())
	}

	/// Removes a donation that fed no allocation: frees its slot, takes its pledge out of the
	/// counters and, if it was awaiting receipt, closes it (deposit back, donor count down).
	/// Received units must already be out of the pools and counters.
	fn remove_donation(donation: DonationId, d: &DonationOf<T>) -> DispatchResult {
		Self::add_totals(d.emergency, d.item, d.target_region, |t| {
			t.pledged = t.pledged.saturating_sub(d.pledged);
			Some(())
		})?;
		Emergencies::<T>::mutate(d.emergency, |e| {
			if let Some(e) = e {
				e.pledges = e.pledges.saturating_sub(1);
			}
		});
		if d.receipt.is_none() {
			Self::close_pledge(donation, d);
		}
		Donations::<T>::remove(donation);
		Ok(())
	}

	/// A pledge stops awaiting receipt: its deposit goes back to the donor and the donor's
	/// count of pledges awaiting receipt goes down.
	fn close_pledge(donation: DonationId, d: &DonationOf<T>) {
		if let Some(deposit) = PledgeDeposits::<T>::take(donation) {
			// Best effort: the hold was made for exactly this amount under this reason.
			let _ = T::Currency::release(
				&HoldReason::PledgeDeposit.into(),
				&d.donor,
				deposit,
				Precision::BestEffort,
			);
		}
		DonorPledges::<T>::mutate_exists(d.emergency, &d.donor, |n| {
			*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
	}
}
