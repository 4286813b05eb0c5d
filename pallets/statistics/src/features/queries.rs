//! Answers to the runtime API: a region's figures month by month, and its handovers of
//! chosen products. Each reads a fixed number of counters per month asked for.

use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use ruralmed_primitives::RegionCode;

impl<T: Config> Pallet<T> {
	/// `region`'s figures for `months` months from `first`, the first month first.
	///
	/// Errors: [`Error::InvalidRegion`], [`Error::NoMonths`], [`Error::TooManyMonths`] (more
	/// than `MaxMonthsPerQuery`), [`Error::MonthOutOfRange`].
	pub fn regional_statistics(
		region: RegionCode,
		first: Month,
		months: u32,
	) -> Result<Vec<MonthFigures>, Error<T>> {
		Self::check_question(region, first, months)?;
		Ok((first..first + months)
			.map(|month| {
				let count = |figure| Counts::<T>::get((region, month, figure));
				let supplies_needed = count(Figure::SuppliesNeeded);
				let supplies_delivered = count(Figure::SuppliesDelivered);
				MonthFigures {
					month,
					records_written: count(Figure::RecordsWritten),
					active_patients: count(Figure::ActivePatients),
					active_clinicians: count(Figure::ActiveClinicians),
					consent_grants: count(Figure::ConsentGrants),
					break_glass_accesses: count(Figure::BreakGlassAccesses),
					break_glass_reviews: count(Figure::BreakGlassReviews),
					dispensations: count(Figure::Dispensations),
					lots_recalled: count(Figure::LotsRecalled),
					supplies_needed,
					supplies_pledged: count(Figure::SuppliesPledged),
					supplies_received: count(Figure::SuppliesReceived),
					supplies_delivered,
					supplies_short: supplies_needed.saturating_sub(supplies_delivered),
				}
			})
			.collect())
	}

	/// `region`'s handovers of each of `products` for `months` months from `first`.
	///
	/// Errors: those of [`Self::regional_statistics`], and [`Error::TooManyProducts`] (more
	/// than `MaxProductsPerQuery`).
	pub fn product_dispensations(
		region: RegionCode,
		first: Month,
		months: u32,
		products: Vec<Gtin>,
	) -> Result<Vec<ProductFigures>, Error<T>> {
		Self::check_question(region, first, months)?;
		ensure!(
			products.len() <= T::MaxProductsPerQuery::get() as usize,
			Error::<T>::TooManyProducts
		);
		Ok(products
			.into_iter()
			.map(|product| ProductFigures {
				product,
				per_month: (first..first + months)
					.map(|month| ProductDispensations::<T>::get((region, month, product)))
					.collect(),
			})
			.collect())
	}

	fn check_question(region: RegionCode, first: Month, months: u32) -> Result<(), Error<T>> {
		ensure!(region.is_valid(), Error::<T>::InvalidRegion);
		ensure!(months > 0, Error::<T>::NoMonths);
		ensure!(months <= T::MaxMonthsPerQuery::get(), Error::<T>::TooManyMonths);
		ensure!(first.checked_add(months).is_some(), Error::<T>::MonthOutOfRange);
		Ok(())
	}
}
