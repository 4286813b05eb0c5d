//! A test runtime with the registry, the patient records and the care-team access default.

use crate as pallet_patient_records;
use frame_support::derive_impl;
use frame_system::EnsureRoot;
use ruralmed_primitives::{OrganisationKind, PractitionerRole, RegionCode};
use ruralmed_test_utils::{organisation, practitioner, run_checked, DemoCounty};

ruralmed_test_utils::test_runtime! {
	// Storage costed so that a weight says how many reads and writes it charges (the tests of
	// `weights_cover_storage`).
	system: { type DbWeight = ruralmed_test_utils::storage_access::ProbeDbWeight; },
	timestamp: 2,
	registry: 3,
	pallets: { 4 => PatientRecords = pallet_patient_records },
}

/// Deposits, limits and the guardianship period are the pallet's test defaults.
#[derive_impl(pallet_patient_records::config_preludes::TestDefaultConfig)]
impl pallet_patient_records::Config for Test {
	type WeightInfo = crate::weights::SubstrateWeight<Test>;
	type Currency = Balances;
	type Directory = Registry;
	type Access = pallet_patient_records::CareTeamAccess<Test>;
	type AuthorityOrigin = EnsureRoot<u64>;
	type Time = Timestamp;
	type FreeCalls = AllButLogAccess;
}

/// Patients' free calls here: every call but `log_access` (a reader's), so that both paths of
/// the free-call extension are tested. `NEW_PHONE` acts for others (a recovered patient's new
/// phone): its calls but `log_access` are `BROKE`'s, and `remove_care_organisation` is the
/// named patient's.
pub struct AllButLogAccess;
impl pallet_patient_records::FreeCallCost<u64, RuntimeCall> for AllButLogAccess {
	fn free_call_cost(_: &u64, call: &RuntimeCall) -> Option<u32> {
		match call {
			RuntimeCall::PatientRecords(crate::Call::log_access { .. }) => None,
			_ => Some(1),
		}
	}
	fn reads(_: &RuntimeCall) -> u32 {
		0
	}
	fn free_call_for(who: &u64, call: &RuntimeCall) -> Option<(u64, u32)> {
		match (who, call) {
			(_, RuntimeCall::PatientRecords(crate::Call::log_access { .. })) => None,
			(
				&NEW_PHONE,
				RuntimeCall::PatientRecords(crate::Call::remove_care_organisation {
					patient, ..
				}),
			) => Some((*patient, 1)),
			(&NEW_PHONE, _) => Some((BROKE, 1)),
			_ => None,
		}
	}
}

/// Organisation 0: a county hospital (admin 1) with doctor 10; organisation 1: a village
/// clinic (admin 2) with village doctor 20; organisation 2: a manufacturer (admin 3)
/// with pharmacist 30;
/// organisation 3: a pending clinic (admin 4). Patients 100 (self) and 101 (guardian 102).
/// Everyone here but `BROKE` and `NEW_PHONE` holds `FUNDS`.
pub const HOSPITAL: u32 = 0;
pub const CLINIC: u32 = 1;
pub const MAKER: u32 = 2;
pub const PENDING: u32 = 3;
pub const DOC: u64 = 10;
pub const VILLAGE_DOC: u64 = 20;
pub const NURSE_UNVERIFIED: u64 = 21;
pub const MAKER_STAFF: u64 = 30;
pub const PATIENT: u64 = 100;
pub const WARD: u64 = 101;
pub const GUARDIAN: u64 = 102;
pub const STRANGER: u64 = 200;
pub const BROKE: u64 = 300;
/// Holds nothing, and acts for `BROKE` (see [`AllButLogAccess`]).
pub const NEW_PHONE: u64 = 301;
pub const FUNDS: u64 = 1_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let funded =
		[1, 2, 3, 4, DOC, VILLAGE_DOC, NURSE_UNVERIFIED, PATIENT, WARD, GUARDIAN, STRANGER];
	let region = RegionCode::new(5, 3, 0);
	DemoCounty::<Test>::funded(funded.map(|a| (a, FUNDS)))
		.with(pallet_registry::GenesisConfig::<Test> {
			organisations: vec![
				organisation(1, OrganisationKind::CountyHospital, "County", region, true),
				organisation(2, OrganisationKind::VillageClinic, "Village", region, true),
				organisation(3, OrganisationKind::Manufacturer, "Maker", region, true),
				organisation(4, OrganisationKind::VillageClinic, "New", region, false),
			],
			practitioners: vec![
				practitioner(DOC, PractitionerRole::Doctor, 1, &[HOSPITAL], true),
				practitioner(VILLAGE_DOC, PractitionerRole::VillageDoctor, 2, &[CLINIC], true),
				practitioner(NURSE_UNVERIFIED, PractitionerRole::Nurse, 3, &[CLINIC], false),
				practitioner(MAKER_STAFF, PractitionerRole::Pharmacist, 4, &[MAKER], true),
			],
			..Default::default()
		})
		.with(pallet_patient_records::GenesisConfig::<Test> {
			patients: vec![(PATIENT, None, vec![CLINIC]), (WARD, Some(GUARDIAN), vec![])],
			..Default::default()
		})
		.build_then(|| Timestamp::set_timestamp(1_700_000_000_000))
}

/// Runs a test and then checks both pallets' invariants.
pub fn test(f: impl FnOnce()) {
	run_checked(
		new_test_ext(),
		f,
		&[
			("registry", pallet_registry::Pallet::<Test>::do_try_state),
			("patient-records", crate::Pallet::<Test>::do_try_state),
		],
	);
}
