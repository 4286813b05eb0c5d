//! A test runtime: registry and drug provenance wired as in the real runtime.

use crate as pallet_drug_provenance;
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
	#[runtime::pallet_index(5)]
	pub type DrugProvenance = pallet_drug_provenance;
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

impl pallet_drug_provenance::Config for Test {
	type Directory = Registry;
	type AuthorityOrigin = EnsureRoot<u64>;
	type UnixTime = Timestamp;
	type MaxLotQuantity = ConstU32<10_000>;
	type ExcursionToleranceMinutes = ConstU32<30>;
	type MaxCompanyPrefixes = ConstU32<2>;
	type ShipmentTimeout = ConstU64<SHIPMENT_TIMEOUT>;
	type WeightInfo = ();
}

/// Blocks after which a shipment counts as stuck.
pub const SHIPMENT_TIMEOUT: u64 = 100;

/// Organisations (admin in brackets): 0 manufacturer (1), 1 distributor (2), 2 pharmacy (3)
/// with pharmacist 30, 3 village clinic (4) with village doctor 40, 4 a pharmacy not yet
/// verified (5), 5 a laboratory (6), 6 another manufacturer (7). 100 is a patient (an account
/// the chain never learns about). 200 is nobody.
pub const MAKER: u32 = 0;
pub const DISTRIBUTOR: u32 = 1;
pub const PHARMACY: u32 = 2;
pub const CLINIC: u32 = 3;
pub const PENDING: u32 = 4;
pub const LAB: u32 = 5;
pub const OTHER_MAKER: u32 = 6;
pub const MAKER_ADMIN: u64 = 1;
pub const DISTRIBUTOR_ADMIN: u64 = 2;
pub const PHARMACY_ADMIN: u64 = 3;
pub const LAB_ADMIN: u64 = 6;
pub const OTHER_MAKER_ADMIN: u64 = 7;
pub const PHARMACIST: u64 = 30;
pub const VDOC: u64 = 40;
pub const PATIENT: u64 = 100;
pub const NOBODY: u64 = 200;

/// 2026-11-24, in days since 1970-01-01.
pub const TODAY: u32 = 20_781;

/// A valid GTIN-14 of a tablet, and of a cold-chain vaccine, both under the maker's GS1
/// company prefix 690123456.
pub const AMOXICILLIN: [u8; 14] = *b"06901234567892";
pub const VACCINE: [u8; 14] = *b"06901234567106";
/// The maker's GS1 company prefix, and the other maker's (GS1's example company).
pub const MAKER_PREFIX: &[u8] = b"690123456";
pub const OTHER_MAKER_PREFIX: &[u8] = b"4006381";

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=7).map(|a| (a, 100)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let region = RegionCode::new(5, 1, 0);
	pallet_registry::GenesisConfig::<Test> {
		organisations: vec![
			(1, OrganisationKind::Manufacturer, b"Maker".to_vec(), region, true),
			(2, OrganisationKind::Distributor, b"Distributor".to_vec(), region, true),
			(3, OrganisationKind::Pharmacy, b"Pharmacy".to_vec(), region, true),
			(
				4,
				OrganisationKind::VillageClinic,
				b"Clinic".to_vec(),
				RegionCode::new(5, 1, 2),
				true,
			),
			(5, OrganisationKind::Pharmacy, b"Pending".to_vec(), region, false),
			(6, OrganisationKind::Laboratory, b"Lab".to_vec(), region, true),
			(7, OrganisationKind::Manufacturer, b"Other maker".to_vec(), region, true),
		],
		practitioners: vec![
			(PHARMACIST, PractitionerRole::Pharmacist, H256::repeat_byte(1), vec![PHARMACY], true),
			(VDOC, PractitionerRole::VillageDoctor, H256::repeat_byte(2), vec![CLINIC], true),
		],
		encryption_keys: vec![],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_drug_provenance::GenesisConfig::<Test> {
		company_prefixes: vec![
			(MAKER, MAKER_PREFIX.to_vec()),
			(OTHER_MAKER, OTHER_MAKER_PREFIX.to_vec()),
		],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(u64::from(TODAY) * 86_400_000 + 3_600_000);
	});
	ext
}

/// Runs a test and then checks every pallet's invariants.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		pallet_registry::Pallet::<Test>::do_try_state().expect("registry invariants hold");
		crate::Pallet::<Test>::do_try_state().expect("drug provenance invariants hold");
	});
}
