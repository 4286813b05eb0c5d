//! The runtime API of the regional statistics, for the health authority's dashboard and any
//! client: figures per region and month, and handovers by product.

use crate::types::{Gtin, Month, MonthFigures, ProductFigures};
use alloc::vec::Vec;
use ruralmed_primitives::RegionCode;
use sp_runtime::DispatchError;

sp_api::decl_runtime_apis! {
	/// Reads of the statistics pallet.
	pub trait StatisticsApi {
		/// `region`'s figures for `months` months from `first` (a month is `year × 12 +
		/// (month − 1)`), the first month first. A region counts what happened in it and in
		/// the regions it encloses. Refused with the pallet's error for an invalid region, no
		/// months, more than `MaxMonthsPerQuery` of them, or months past the last.
		fn regional_statistics(region: RegionCode, first: Month, months: u32) -> Result<Vec<MonthFigures>, DispatchError>;

		/// `region`'s handovers to patients of each of `products` (GTIN-14 digits) for
		/// `months` months from `first`. Refused as `regional_statistics` is, and for more
		/// than `MaxProductsPerQuery` products.
		fn product_dispensations(region: RegionCode, first: Month, months: u32, products: Vec<Gtin>) -> Result<Vec<ProductFigures>, DispatchError>;
	}
}
