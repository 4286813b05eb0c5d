//! Invariants of the statistics, checked by `try_state` and after every unit test. Iterating
//! storage is fine here: this never runs in a block.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::ensure;
use ruralmed_primitives::RegionCode;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - no counter is stored as zero;
	/// - a region's counter is at most its township's and its county's for the same month and
	///   figure (what counts in a village counts in the regions enclosing it);
	/// - distinct patients are at most the records written, distinct clinicians at most the
	///   records written plus the handovers;
	/// - a region's handovers by product add up to its `Dispensations`;
	/// - every last active month is an activity figure's, counted in its region, and not after
	///   the current month.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let counts: BTreeMap<(RegionCode, Month, Figure), u64> = Counts::<T>::iter().collect();
		let count = |r, m, f| counts.get(&(r, m, f)).copied().unwrap_or_default();
		for (&(region, month, figure), &n) in &counts {
			ensure!(n > 0, "a counter is stored as zero");
			for outer in features::enclosing_regions(region) {
				ensure!(count(outer, month, figure) >= n, "a region counts more than its county");
			}
			match figure {
				Figure::ActivePatients => ensure!(
					n <= count(region, month, Figure::RecordsWritten),
					"more active patients than records written"
				),
				Figure::ActiveClinicians => ensure!(
					n <= count(region, month, Figure::RecordsWritten).saturating_add(count(
						region,
						month,
						Figure::Dispensations
					)),
					"more active clinicians than records and handovers"
				),
				_ => {}
			}
		}
		let mut by_product: BTreeMap<(RegionCode, Month), u64> = BTreeMap::new();
		for ((region, month, _), n) in ProductDispensations::<T>::iter() {
			ensure!(n > 0, "a product's counter is stored as zero");
			let sum = by_product.entry((region, month)).or_default();
			*sum = sum.saturating_add(n);
		}
		for (&(region, month, figure), &n) in &counts {
			if figure == Figure::Dispensations {
				ensure!(
					by_product.get(&(region, month)).copied().unwrap_or_default() == n,
					"the handovers by product do not add up"
				);
			}
		}
		for &(region, month) in by_product.keys() {
			ensure!(
				counts.contains_key(&(region, month, Figure::Dispensations)),
				"handovers of a product where none are counted"
			);
		}
		let now = Self::current_month();
		for ((_, figure, region), month) in LastActive::<T>::iter() {
			ensure!(
				matches!(figure, Figure::ActivePatients | Figure::ActiveClinicians),
				"a last active month of no activity figure"
			);
			ensure!(count(region, month, figure) > 0, "an active account not counted");
			ensure!(now.is_none_or(|now| month <= now), "active in a month to come");
		}
		Ok(())
	}
}
