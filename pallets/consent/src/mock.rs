//! A test runtime: registry, patient records and consent wired as in the real runtime.

use crate as pallet_consent;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use ruralmed_primitives::{OrganisationKind, PractitionerRole, RegionCode};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type Registry = pallet_registry;
	#[runtime::pallet_index(4)]
	pub type PatientRecords = pallet_patient_records;
	#[runtime::pallet_index(5)]
	pub type Consent = pallet_consent;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

parameter_types! {
	pub const OrganisationDeposit: u64 = 10;
	pub const GrantDeposit: u64 = 5;
}

impl pallet_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AuthorityOrigin = EnsureRoot<u64>;
	type OrganisationDeposit = OrganisationDeposit;
	type MaxNameLength = ConstU32<32>;
	type MaxAffiliations = ConstU32<4>;
	type MaxOrganisations = ConstU32<1_000>;
	type MaxRetiredKeys = ConstU32<4>;
	type WeightInfo = ();
}

impl pallet_patient_records::Config for Test {
	type Directory = Registry;
	type Access = Consent;
	type AuthorityOrigin = EnsureRoot<u64>;
	type Time = Timestamp;
	// No deposits here: this mock's accounts are not all funded.
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PatientDeposit = frame_support::traits::ConstU64<0>;
	type RecordDeposit = frame_support::traits::ConstU64<0>;
	type KeyShareDeposit = frame_support::traits::ConstU64<0>;
	type GuardianshipProposalPeriod = frame_support::traits::ConstU64<10>;
	type MaxKeySharesPerRecord = ConstU32<8>;
	type MaxKeyShareLength = ConstU32<128>;
	type MaxCareOrganisations = ConstU32<3>;
	type MaxPageSize = ConstU32<5>;
	type WeightInfo = ();
}

impl pallet_consent::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Directory = Registry;
	type Patients = PatientRecords;
	type AuthorityOrigin = EnsureRoot<u64>;
	type GrantDeposit = GrantDeposit;
	type MaxGrantsPerGrantee = ConstU32<2>;
	type MaxGrantsPerPatient = ConstU32<3>;
	type MaxReferralsPerSpecialist = ConstU32<1>;
	type MaxReferralDuration = ConstU64<50>;
	type MaxEmergencyDuration = ConstU64<10>;
	type EmergencyReviewPeriod = ConstU64<20>;
	type EmergencyRateWindow = ConstU64<100>;
	type MaxEmergenciesPerWindow = ConstU32<2>;
	type WeightInfo = ();
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
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(1, 100),
			(2, 100),
			(3, 100),
			(4, 100),
			(PATIENT, 100),
			(GUARDIAN, 100),
			(WARD, 100),
		],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let region = RegionCode::new(5, 0, 0);
	pallet_registry::GenesisConfig::<Test> {
		organisations: vec![
			(1, OrganisationKind::CountyHospital, b"County".to_vec(), region, true),
			(2, OrganisationKind::VillageClinic, b"Clinic".to_vec(), region, true),
			(3, OrganisationKind::VillageClinic, b"Other".to_vec(), region, true),
			(4, OrganisationKind::Manufacturer, b"Maker".to_vec(), region, true),
		],
		practitioners: vec![
			(DOC, PractitionerRole::Doctor, H256::repeat_byte(1), vec![HOSPITAL], true),
			(NURSE, PractitionerRole::Nurse, H256::repeat_byte(2), vec![HOSPITAL], true),
			(VDOC, PractitionerRole::VillageDoctor, H256::repeat_byte(3), vec![CLINIC], true),
			(
				VDOC2,
				PractitionerRole::VillageDoctor,
				H256::repeat_byte(4),
				vec![OTHER_CLINIC],
				true,
			),
		],
		encryption_keys: vec![],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_patient_records::GenesisConfig::<Test> {
		patients: vec![(PATIENT, None, vec![]), (WARD, Some(GUARDIAN), vec![])],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test and then checks every pallet's invariants.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		pallet_registry::Pallet::<Test>::do_try_state().expect("registry invariants hold");
		pallet_patient_records::Pallet::<Test>::do_try_state().expect("records invariants hold");
		crate::Pallet::<Test>::do_try_state().expect("consent invariants hold");
	});
}
