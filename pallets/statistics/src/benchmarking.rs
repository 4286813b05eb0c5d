//! Benchmarks of the notes (`#[benchmarks]` v2), each in its worst case: an organisation in a
//! village (three regions count), accounts never active there before (each counts in every
//! region), and a month with nothing counted yet (every counter is created).
//!
//! The organisation comes from the directory's benchmark helper, which places it in region
//! (1, 1, 1).

use super::*;
use crate::Pallet as Statistics;
use frame_benchmarking::v2::*;
use ruralmed_primitives::{
	OrganisationId, OrganisationKind, PractitionerDirectory, PractitionerRole, RegionCode,
};

/// 1 December 2026, 00:00 UTC.
const DECEMBER_2026: u64 = 1_796_083_200_000;

/// A village clinic with a practitioner, at a time with nothing counted.
fn village_clinic<T: Config>() -> (OrganisationId, T::AccountId) {
	let admin: T::AccountId = account("admin", 0, 0);
	let doctor: T::AccountId = account("doctor", 0, 0);
	let org = T::Directory::benchmark_practitioner(
		&admin,
		&doctor,
		PractitionerRole::VillageDoctor,
		OrganisationKind::VillageClinic,
	);
	T::BenchmarkHelper::set_time(DECEMBER_2026);
	(org, doctor)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A record written for a patient by a practitioner, both counted active for the first
	/// time in all three regions.
	#[benchmark]
	fn note_record_written() {
		let (org, author) = village_clinic::<T>();
		let patient: T::AccountId = account("patient", 0, 0);

		#[block]
		{
			Statistics::<T>::note(org, Happening::RecordWritten { patient, author });
		}

		let county = (RegionCode::new(1, 0, 0), month_of(DECEMBER_2026));
		assert_eq!(Counts::<T>::get((county.0, county.1, Figure::RecordsWritten)), 1);
		assert_eq!(Counts::<T>::get((county.0, county.1, Figure::ActivePatients)), 1);
		assert_eq!(Counts::<T>::get((county.0, county.1, Figure::ActiveClinicians)), 1);
	}

	/// A handover by a dispenser counted active for the first time, of a product not handed
	/// over before.
	#[benchmark]
	fn note_dispensed() {
		let (org, dispenser) = village_clinic::<T>();

		#[block]
		{
			Statistics::<T>::note(
				org,
				Happening::Dispensed { product: *b"06901234567892", dispenser },
			);
		}

		let county = (RegionCode::new(1, 0, 0), month_of(DECEMBER_2026));
		assert_eq!(Counts::<T>::get((county.0, county.1, Figure::Dispensations)), 1);
		assert_eq!(ProductDispensations::<T>::get((county.0, county.1, *b"06901234567892")), 1);
	}

	/// A happening that adds to one counter per region (the supplies, consents, break-glass
	/// accesses and recalls).
	#[benchmark]
	fn note_count() {
		let (org, _) = village_clinic::<T>();

		#[block]
		{
			Statistics::<T>::note(org, Happening::SuppliesDelivered { units: 30 });
		}

		let county = (RegionCode::new(1, 0, 0), month_of(DECEMBER_2026));
		assert_eq!(Counts::<T>::get((county.0, county.1, Figure::SuppliesDelivered)), 30);
	}

	impl_benchmark_test_suite!(Statistics, crate::mock::new_test_ext(), crate::mock::Test);
}
