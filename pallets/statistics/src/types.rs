//! The statistics' types: months, what a question returns, and the benchmark helper.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// A calendar month (UTC) as `year × 12 + (month − 1)`: December 2026 is 24,323. Ordered, and
/// one apart from the month after, so a range of months is a range of numbers.
pub type Month = u32;

/// A product's GTIN-14, one ASCII digit per byte (as drug provenance keeps it).
pub type Gtin = [u8; 14];

/// The month a time in milliseconds since 1970 (UTC) falls in.
pub fn month_of(unix_millis: u64) -> Month {
	// Civil date from days since 1970-01-01 (Howard Hinnant's `civil_from_days`), for the
	// non-negative days a chain's clock gives.
	let days = unix_millis / 86_400_000;
	let z = days + 719_468;
	let era = z / 146_097;
	let day_of_era = z - era * 146_097;
	let year_of_era =
		(day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
	let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	let shifted_month = (5 * day_of_year + 2) / 153; // March is 0
	let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
	let year = year_of_era + era * 400 + u64::from(month <= 2);
	(year * 12 + month - 1).min(u64::from(Month::MAX)) as Month
}

/// A region's figures for one month (see [`Figure`](crate::Figure) for what each counts).
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, TypeInfo, Debug)]
pub struct MonthFigures {
	/// The month, as `year × 12 + (month − 1)`.
	pub month: Month,
	pub records_written: u64,
	pub active_patients: u64,
	pub active_clinicians: u64,
	pub consent_grants: u64,
	pub break_glass_accesses: u64,
	pub break_glass_reviews: u64,
	pub dispensations: u64,
	pub lots_recalled: u64,
	pub supplies_needed: u64,
	pub supplies_pledged: u64,
	pub supplies_received: u64,
	pub supplies_delivered: u64,
	/// Units needed and not delivered in the month: `supplies_needed − supplies_delivered`, or
	/// zero when more was delivered (a need of an earlier month met).
	pub supplies_short: u64,
}

/// A product's handovers to patients in a region, one count per month asked for.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ProductFigures {
	/// The product's GTIN-14.
	pub product: Gtin,
	/// Handovers in each month asked for, the first month first.
	pub per_month: Vec<u64>,
}

/// Sets up what the benchmarks need that the pallet cannot set itself.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Sets the block's time to `unix_millis`.
	fn set_time(unix_millis: u64);
}
