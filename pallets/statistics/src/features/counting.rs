//! Counting: each note adds to the counters of the acting organisation's region and of the
//! regions enclosing it, for the current month.

use crate::*;
use frame_support::traits::UnixTime;
use ruralmed_primitives::{OrganisationId, PractitionerDirectory, RegionCode};

impl<T: Config> Pallet<T> {
	/// Counts `happening` at `org`'s region and the regions enclosing it, this month. An
	/// unknown organisation, or a block with no time (the genesis), counts nowhere.
	pub(crate) fn do_note(org: OrganisationId, happening: Happening<T::AccountId>) {
		let Some(summary) = T::Directory::organisation(org) else { return };
		let Some(month) = Self::current_month() else { return };
		for region in enclosing(summary.region).into_iter().flatten() {
			match &happening {
				Happening::RecordWritten { patient, author } => {
					Self::add(region, month, Figure::RecordsWritten, 1);
					Self::activate(patient, Figure::ActivePatients, region, month);
					Self::activate(author, Figure::ActiveClinicians, region, month);
				}
				Happening::ConsentGranted => Self::add(region, month, Figure::ConsentGrants, 1),
				Happening::BreakGlassOpened => {
					Self::add(region, month, Figure::BreakGlassAccesses, 1)
				}
				Happening::BreakGlassReviewed => {
					Self::add(region, month, Figure::BreakGlassReviews, 1)
				}
				Happening::Dispensed { product, dispenser } => {
					Self::add(region, month, Figure::Dispensations, 1);
					ProductDispensations::<T>::mutate((region, month, *product), |count| {
						*count = count.saturating_add(1)
					});
					Self::activate(dispenser, Figure::ActiveClinicians, region, month);
				}
				Happening::LotRecalled => Self::add(region, month, Figure::LotsRecalled, 1),
				Happening::SuppliesNeeded { units } => {
					Self::add(region, month, Figure::SuppliesNeeded, *units)
				}
				Happening::SuppliesPledged { units } => {
					Self::add(region, month, Figure::SuppliesPledged, *units)
				}
				Happening::SuppliesReceived { units } => {
					Self::add(region, month, Figure::SuppliesReceived, *units)
				}
				Happening::SuppliesDelivered { units } => {
					Self::add(region, month, Figure::SuppliesDelivered, *units)
				}
			}
		}
	}

	/// The month of the block's time, or `None` before the chain has a time.
	pub fn current_month() -> Option<Month> {
		let now = T::UnixTime::now().as_millis();
		(now > 0).then(|| month_of(now.min(u128::from(u64::MAX)) as u64))
	}

	fn add(region: RegionCode, month: Month, figure: Figure, amount: u64) {
		if amount > 0 {
			Counts::<T>::mutate((region, month, figure), |count| {
				*count = count.saturating_add(amount)
			});
		}
	}

	/// Counts `who` once in the activity `figure` of `region` for `month`.
	fn activate(who: &T::AccountId, figure: Figure, region: RegionCode, month: Month) {
		LastActive::<T>::mutate((who, figure, region), |last| {
			if *last != Some(month) {
				*last = Some(month);
				Self::add(region, month, figure, 1);
			}
		});
	}
}

/// `region` and the regions enclosing it: a village, its township and its county; a township
/// and its county; a county alone.
pub(crate) fn enclosing(region: RegionCode) -> [Option<RegionCode>; 3] {
	let county = RegionCode::new(region.county, 0, 0);
	let township = RegionCode::new(region.county, region.township, 0);
	match (region.township, region.village) {
		(0, _) => [Some(county), None, None],
		(_, 0) => [Some(township), Some(county), None],
		_ => [Some(region), Some(township), Some(county)],
	}
}

/// The regions strictly enclosing `region`.
#[cfg(any(feature = "try-runtime", feature = "std"))]
pub fn enclosing_regions(region: RegionCode) -> impl Iterator<Item = RegionCode> {
	enclosing(region).into_iter().flatten().filter(move |outer| *outer != region)
}
