//! Donations: pledges by anyone, and receipts by verified warehouses, which put the units into
//! the stock pool of the donation's target.

use super::totals::bump;
use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use ruralmed_primitives::OrganisationId;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_pledge(
		who: T::AccountId,
		emergency: EmergencyId,
		item: ItemIndex,
		quantity: Quantity,
		target: DonationTarget,
		donor_org: Option<OrganisationId>,
	) -> Result<DonationId, DispatchError> {
		let mut e = Self::open_emergency(emergency)?;
		ensure!((item as usize) < e.items.len(), Error::<T>::ItemNotCovered);
		ensure!(quantity > 0, Error::<T>::ZeroQuantity);
		if let Some(org) = donor_org {
			Self::ensure_acts_for(&who, org)?;
		}
		let target_region = match target {
			DonationTarget::Anywhere => None,
			DonationTarget::Region(region) => {
				ensure!(region.is_valid(), Error::<T>::InvalidRegions);
				Some(e.region_index(&region).ok_or(Error::<T>::RegionNotAffected)?)
			}
			DonationTarget::Organisation(org) => Some(Self::care_provider_region(&e, org)?.0),
		};
		ensure!(e.pledges < T::MaxPledgesPerEmergency::get(), Error::<T>::TooManyPledges);
		e.pledges = e.pledges.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let id = NextDonationId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
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
				receipt: None,
				allocated: 0,
				allocations: 0,
			},
		);
		NextDonationId::<T>::put(next);
		Emergencies::<T>::insert(emergency, e);
		Self::deposit_event(Event::Pledged {
			donation: id,
			emergency,
			item,
			donor: who,
			donor_org,
			target,
			quantity,
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
		Self::open_emergency(d.emergency)?;
		ensure!(d.receipt.is_none(), Error::<T>::AlreadyReceived);
		ensure!(quantity <= d.pledged, Error::<T>::ReceiptExceedsPledge);
		d.receipt =
			Some(Receipt { warehouse, quantity, at: frame_system::Pallet::<T>::block_number() });
		if quantity > 0 {
			Pools::<T>::try_mutate((d.emergency, d.item, Pool::from(d.target)), |queue| {
				// Every donation of the emergency fits: pools are as long as the pledge limit.
				queue.try_push((donation, quantity)).map_err(|_| Error::<T>::TooManyPledges)
			})?;
			Self::add_totals(d.emergency, d.item, d.target_region, |t| {
				bump(&mut t.received, quantity)
			})?;
		}
		Self::deposit_event(Event::DonationReceived {
			donation,
			warehouse,
			quantity,
			missing: d.pledged.saturating_sub(quantity),
		});
		Donations::<T>::insert(donation, d);
		Ok(())
	}
}
