//! A test runtime: the real registry and timestamp and the statistics pallet, as in the
//! runtime. The tests note happenings directly, as the other pallets do.

use crate as pallet_statistics;
use frame_support::{derive_impl, traits::ConstU32};
use ruralmed_primitives::{OrganisationKind, PractitionerRole, RegionCode};
use ruralmed_test_utils::{organisation, practitioner, run_checked, DemoCounty};

ruralmed_test_utils::test_runtime! {
	timestamp: 2,
	registry: 3,
	pallets: { 4 => Statistics = pallet_statistics },
}

pub const MAX_MONTHS: u32 = 24;
pub const MAX_PRODUCTS: u32 = 4;

impl pallet_statistics::Config for Test {
	type Directory = Registry;
	type UnixTime = Timestamp;
	type MaxMonthsPerQuery = ConstU32<MAX_MONTHS>;
	type MaxProductsPerQuery = ConstU32<MAX_PRODUCTS>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SetTimestamp;
	type WeightInfo = ();
}

/// Sets pallet-timestamp's time.
#[cfg(feature = "runtime-benchmarks")]
pub struct SetTimestamp;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for SetTimestamp {
	fn set_time(unix_millis: u64) {
		pallet_timestamp::Now::<Test>::put(unix_millis);
	}
}

/// Organisations (ids in order), all active:
/// 0 county hospital at (5,0,0); 1 village clinic A at (5,1,1); 2 village clinic B at (5,1,2);
/// 3 township health centre at (5,2,0); 4 village clinic far away at (6,1,1); 5 pharmacy at
/// (5,1,1).
pub const HOSPITAL: u32 = 0;
pub const CLINIC_A: u32 = 1;
pub const CLINIC_B: u32 = 2;
pub const CENTRE: u32 = 3;
pub const FAR_CLINIC: u32 = 4;
pub const PHARMACY: u32 = 5;
pub const ORGANISATIONS: u32 = 6;

pub const COUNTY: RegionCode = RegionCode::new(5, 0, 0);
pub const TOWNSHIP_1: RegionCode = RegionCode::new(5, 1, 0);
pub const VILLAGE_A: RegionCode = RegionCode::new(5, 1, 1);
pub const VILLAGE_B: RegionCode = RegionCode::new(5, 1, 2);
pub const TOWNSHIP_2: RegionCode = RegionCode::new(5, 2, 0);
pub const FAR_COUNTY: RegionCode = RegionCode::new(6, 0, 0);

pub const DOCTOR_A: u64 = 20;
pub const DOCTOR_B: u64 = 21;
pub const PHARMACIST: u64 = 22;
pub const PATIENT: u64 = 30;
pub const OTHER_PATIENT: u64 = 31;

/// 15 December 2026, 12:00 UTC: in month 24,323.
pub const MID_DECEMBER_2026: u64 = 1_797_336_000_000;
pub const DECEMBER_2026: u32 = 2026 * 12 + 11;

pub fn new_test_ext() -> sp_io::TestExternalities {
	use OrganisationKind::*;
	let org = |admin: u64, kind, region| organisation(admin, kind, "Org", region, true);
	DemoCounty::<Test>::funded((1..=6).map(|a| (a, 100)))
		.with(pallet_registry::GenesisConfig::<Test> {
			organisations: vec![
				org(1, CountyHospital, COUNTY),
				org(2, VillageClinic, VILLAGE_A),
				org(3, VillageClinic, VILLAGE_B),
				org(4, TownshipHealthCentre, TOWNSHIP_2),
				org(5, VillageClinic, RegionCode::new(6, 1, 1)),
				org(6, Pharmacy, VILLAGE_A),
			],
			practitioners: vec![
				practitioner(DOCTOR_A, PractitionerRole::VillageDoctor, 1, &[CLINIC_A], true),
				practitioner(DOCTOR_B, PractitionerRole::VillageDoctor, 2, &[CLINIC_B], true),
				practitioner(PHARMACIST, PractitionerRole::Pharmacist, 3, &[PHARMACY], true),
			],
			..Default::default()
		})
		.build_then(|| pallet_timestamp::Now::<Test>::put(MID_DECEMBER_2026))
}

/// Runs a test and then checks the registry's and the statistics' invariants.
pub fn test(f: impl FnOnce()) {
	run_checked(
		new_test_ext(),
		f,
		&[
			("registry", pallet_registry::Pallet::<Test>::do_try_state),
			("statistics", crate::Pallet::<Test>::do_try_state),
		],
	);
}
