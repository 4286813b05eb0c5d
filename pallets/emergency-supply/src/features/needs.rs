//! Needs: a clinic's or hospital's need of an item in the current round, capped by the people
//! it serves, and its tier, of which only the authority grants `Critical`.

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use ruralmed_primitives::{Happening, OrganisationId, StatisticsSink};
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_file_need(
		who: T::AccountId,
		emergency: EmergencyId,
		item: ItemIndex,
		org: OrganisationId,
		requested: Quantity,
		stock_on_hand: Quantity,
		people_served: u32,
		priority: Priority,
		reason: NeedReason,
	) -> Result<NeedId, DispatchError> {
		let e = Self::open_emergency(emergency)?;
		ensure!((item as usize) < e.items.len(), Error::<T>::ItemNotCovered);
		Self::ensure_acts_for(&who, org)?;
		let (region, location) = Self::care_provider_region(&e, org)?;
		ensure!(requested > 0, Error::<T>::ZeroQuantity);
		// A need is bounded by the people it serves, so no clinic can claim a whole pool by
		// naming a huge figure.
		ensure!(
			people_served <= T::MaxPeopleServed::get()
				&& u128::from(requested)
					<= u128::from(people_served)
						.saturating_mul(u128::from(T::MaxUnitsPerPerson::get())),
			Error::<T>::NeedTooLarge
		);
		ensure!(stock_on_hand < requested, Error::<T>::NothingNeeded);
		let requested_priority = priority;
		// Only the authority grants `Critical` (`set_need_priority`).
		let priority =
			if priority == Priority::Critical { Priority::Urgent } else { requested_priority };
		let now = frame_system::Pallet::<T>::block_number();
		let round = Self::round_at(&e, now).ok_or(Error::<T>::Overflow)?;
		RoundNeeds::<T>::try_mutate((emergency, item, round), |needs| {
			if let Some(need) = needs.iter_mut().find(|n| n.org == org) {
				need.requested = requested;
				need.stock_on_hand = stock_on_hand;
				need.people_served = people_served;
				need.priority = priority;
				need.requested_priority = requested_priority;
				need.reason = reason;
				need.filed_by = who;
				need.location = location;
				need.region = region;
				Self::deposit_event(Event::NeedUpdated {
					need: need.id,
					emergency,
					item,
					round,
					requested,
					stock_on_hand,
					priority,
				});
				return Ok(need.id);
			}
			let id = NextNeedId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			needs
				.try_push(Need {
					id,
					org,
					region,
					location,
					requested,
					stock_on_hand,
					people_served,
					priority,
					requested_priority,
					reason,
					filed_by: who,
					allocated: 0,
				})
				.map_err(|_| Error::<T>::TooManyNeeds)?;
			NextNeedId::<T>::put(next);
			// Counted when first filed; an update of the need in its round is not counted.
			T::Statistics::note(org, Happening::SuppliesNeeded { units: requested });
			Self::deposit_event(Event::NeedFiled {
				need: id,
				emergency,
				item,
				round,
				org,
				requested,
				stock_on_hand,
				priority,
			});
			Ok(id)
		})
	}

	pub(crate) fn do_set_need_priority(
		emergency: EmergencyId,
		item: ItemIndex,
		round: RoundIndex,
		org: OrganisationId,
		priority: Priority,
	) -> DispatchResult {
		let e = Emergencies::<T>::get(emergency).ok_or(Error::<T>::UnknownEmergency)?;
		ensure!((item as usize) < e.items.len(), Error::<T>::ItemNotCovered);
		ensure!(
			round >= NextRoundToAllocate::<T>::get(emergency, item)
				&& !AllocatedRounds::<T>::contains_key((emergency, item, round)),
			Error::<T>::RoundAlreadyAllocated
		);
		RoundNeeds::<T>::try_mutate((emergency, item, round), |needs| {
			let need = needs.iter_mut().find(|n| n.org == org).ok_or(Error::<T>::UnknownNeed)?;
			need.priority = priority;
			Self::deposit_event(Event::NeedPrioritySet {
				need: need.id,
				emergency,
				item,
				round,
				priority,
			});
			Ok(())
		})
	}
}
