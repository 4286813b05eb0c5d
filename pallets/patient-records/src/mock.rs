//! A test runtime with the registry, the patient records and the care-team access default.

use crate as pallet_patient_records;
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

parameter_types! {
	pub const PatientDeposit: u64 = 50;
	pub const RecordDeposit: u64 = 20;
	pub const KeyShareDeposit: u64 = 5;
}

impl pallet_patient_records::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Directory = Registry;
	type Access = pallet_patient_records::CareTeamAccess<Test>;
	type AuthorityOrigin = EnsureRoot<u64>;
	type Time = Timestamp;
	type PatientDeposit = PatientDeposit;
	type RecordDeposit = RecordDeposit;
	type KeyShareDeposit = KeyShareDeposit;
	type GuardianshipProposalPeriod = ConstU64<10>;
	type MaxKeyShareLength = ConstU32<128>;
	type MaxKeySharesPerRecord = ConstU32<3>;
	type MaxCareOrganisations = ConstU32<3>;
	type MaxPageSize = ConstU32<5>;
	type WeightInfo = ();
}

/// Organisation 0: a county hospital (admin 1) with doctor 10; organisation 1: a village
/// clinic (admin 2) with village doctor 20; organisation 2: a manufacturer (admin 3)
/// with pharmacist 30;
/// organisation 3: a pending clinic (admin 4). Patients 100 (self) and 101 (guardian 102).
/// Everyone here but `BROKE` holds `FUNDS`.
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
pub const FUNDS: u64 = 1_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [
			1,
			2,
			3,
			4,
			DOC,
			VILLAGE_DOC,
			NURSE_UNVERIFIED,
			PATIENT,
			WARD,
			GUARDIAN,
			STRANGER,
		]
		.into_iter()
		.map(|a| (a, FUNDS))
		.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let region = RegionCode::new(5, 3, 0);
	pallet_registry::GenesisConfig::<Test> {
		organisations: vec![
			(1, OrganisationKind::CountyHospital, b"County".to_vec(), region, true),
			(2, OrganisationKind::VillageClinic, b"Village".to_vec(), region, true),
			(3, OrganisationKind::Manufacturer, b"Maker".to_vec(), region, true),
			(4, OrganisationKind::VillageClinic, b"New".to_vec(), region, false),
		],
		practitioners: vec![
			(DOC, PractitionerRole::Doctor, H256::repeat_byte(1), vec![HOSPITAL], true),
			(
				VILLAGE_DOC,
				PractitionerRole::VillageDoctor,
				H256::repeat_byte(2),
				vec![CLINIC],
				true,
			),
			(NURSE_UNVERIFIED, PractitionerRole::Nurse, H256::repeat_byte(3), vec![CLINIC], false),
			(MAKER_STAFF, PractitionerRole::Pharmacist, H256::repeat_byte(4), vec![MAKER], true),
		],
		encryption_keys: vec![],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_patient_records::GenesisConfig::<Test> {
		patients: vec![(PATIENT, None, vec![CLINIC]), (WARD, Some(GUARDIAN), vec![])],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(1_700_000_000_000);
	});
	ext
}

/// Runs a test and then checks both pallets' invariants.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		pallet_registry::Pallet::<Test>::do_try_state().expect("registry invariants hold");
		crate::Pallet::<Test>::do_try_state().expect("patient-records invariants hold");
	});
}
