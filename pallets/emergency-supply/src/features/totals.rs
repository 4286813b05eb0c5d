//! The dashboard counters: per (emergency, item) and per (emergency, region, item), updated in
//! O(1) by every call that moves units.

use crate::*;
use frame_support::pallet_prelude::DispatchResult;

impl<T: Config> Pallet<T> {
	/// Applies `change` to the item's counters and, if `region` is given, to the region's;
	/// fails with [`Error::Overflow`] (changing nothing) if a counter would overflow.
	pub(crate) fn add_totals(
		emergency: EmergencyId,
		item: ItemIndex,
		region: Option<RegionIndex>,
		change: impl Fn(&mut SupplyTotals) -> Option<()>,
	) -> DispatchResult {
		let mut totals = ItemTotals::<T>::get(emergency, item);
		change(&mut totals).ok_or(Error::<T>::Overflow)?;
		if let Some(region) = region {
			let mut by_region = RegionTotals::<T>::get((emergency, region, item));
			change(&mut by_region).ok_or(Error::<T>::Overflow)?;
			RegionTotals::<T>::insert((emergency, region, item), by_region);
		}
		ItemTotals::<T>::insert(emergency, item, totals);
		Ok(())
	}
}

/// `*counter += amount`, or `None` on overflow.
pub(crate) fn bump(counter: &mut Quantity, amount: Quantity) -> Option<()> {
	*counter = counter.checked_add(amount)?;
	Some(())
}
