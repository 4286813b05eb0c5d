//! A test runtime: registry, patient records and consent wired as in the real runtime.

use crate as pallet_consent;
use frame_support::{derive_impl, traits::ConstU64};
use frame_system::EnsureRoot;
use ruralmed_primitives::{OrganisationKind, PractitionerRole, RegionCode};
use ruralmed_test_utils::{organisation, practitioner, run_checked, DemoCounty};

ruralmed_test_utils::test_runtime! {
	// A weight says how many reads and writes it charges (`tests::weights_cover_storage`).
	system: { type DbWeight = ruralmed_test_utils::storage_access::ProbeDbWeight; },
	timestamp: 2,
	registry: 3,
	pallets: { 4 => PatientRecords = pallet_patient_records, 5 => Consent = pallet_consent },
}

/// The records ask this pallet who may read them; no deposits, as this mock's accounts are not
/// all funded.
#[derive_impl(pallet_patient_records::config_preludes::TestDefaultConfig)]
impl pallet_patient_records::Config for Test {
	type Directory = Registry;
	type Access = Consent;
	type AuthorityOrigin = EnsureRoot<u64>;
	type Time = Timestamp;
	type Currency = Balances;
	type PatientDeposit = ConstU64<0>;
	type RecordDeposit = ConstU64<0>;
	type KeyShareDeposit = ConstU64<0>;
}

/// Limits, periods and the grant deposit are the pallet's test defaults.
#[derive_impl(pallet_consent::config_preludes::TestDefaultConfig)]
impl pallet_consent::Config for Test {
	type WeightInfo = crate::weights::SubstrateWeight<Test>;
	type Currency = Balances;
	type Directory = Registry;
	type Patients = PatientRecords;
	type AuthorityOrigin = EnsureRoot<u64>;
}

/// Organisations: 0 county hospital (admin 1: doctor 10, nurse 11), 1 village clinic (admin 2:
/// village doctor 20), 2 another clinic (admin 3: village doctor 30), 3 a manufacturer
/// (admin 4). Patients: 100 (self-managed), 101 (guardian 102). 200 is nobody.
pub const HOSPITAL: u32 = 0;
pub const CLINIC: u32 = 1;
pub const OTHER_CLINIC: u32 = 2;
pub const MAKER: u32 = 3;
pub const DOC: u64 = 10;
pub const NURSE: u64 = 11;
pub const VDOC: u64 = 20;
pub const VDOC2: u64 = 30;
pub const PATIENT: u64 = 100;
pub const WARD: u64 = 101;
pub const GUARDIAN: u64 = 102;
pub const NOBODY: u64 = 200;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let region = RegionCode::new(5, 0, 0);
	DemoCounty::<Test>::funded([1, 2, 3, 4, PATIENT, GUARDIAN, WARD].map(|a| (a, 100)))
		.with(pallet_registry::GenesisConfig::<Test> {
			organisations: vec![
				organisation(1, OrganisationKind::CountyHospital, "County", region, true),
				organisation(2, OrganisationKind::VillageClinic, "Clinic", region, true),
				organisation(3, OrganisationKind::VillageClinic, "Other", region, true),
				organisation(4, OrganisationKind::Manufacturer, "Maker", region, true),
			],
			practitioners: vec![
				practitioner(DOC, PractitionerRole::Doctor, 1, &[HOSPITAL], true),
				practitioner(NURSE, PractitionerRole::Nurse, 2, &[HOSPITAL], true),
				practitioner(VDOC, PractitionerRole::VillageDoctor, 3, &[CLINIC], true),
				practitioner(VDOC2, PractitionerRole::VillageDoctor, 4, &[OTHER_CLINIC], true),
			],
			..Default::default()
		})
		.with(pallet_patient_records::GenesisConfig::<Test> {
			patients: vec![(PATIENT, None, vec![]), (WARD, Some(GUARDIAN), vec![])],
			..Default::default()
		})
		.build()
}

/// Runs a test and then checks every pallet's invariants.
pub fn test(f: impl FnOnce()) {
	run_checked(
		new_test_ext(),
		f,
		&[
			("registry", pallet_registry::Pallet::<Test>::do_try_state),
			("records", pallet_patient_records::Pallet::<Test>::do_try_state),
			("consent", crate::Pallet::<Test>::do_try_state),
		],
	);
}
