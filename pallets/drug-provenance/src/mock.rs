//! A test runtime: registry and drug provenance wired as in the real runtime.

use crate as pallet_drug_provenance;
use frame_support::{derive_impl, traits::ConstU64};
use frame_system::EnsureRoot;
use ruralmed_primitives::{OrganisationKind, PractitionerRole, RegionCode};
use ruralmed_test_utils::{organisation, practitioner, run_checked, DemoCounty};

ruralmed_test_utils::test_runtime! {
	// A weight says how many reads and writes it charges (`tests::weights_cover_storage`).
	system: { type DbWeight = ruralmed_test_utils::storage_access::ProbeDbWeight; },
	timestamp: 2,
	registry: 3,
	pallets: { 5 => DrugProvenance = pallet_drug_provenance },
}

/// Limits are the pallet's test defaults; the weights are the generated ones, costed with the
/// mock's `DbWeight`.
#[derive_impl(pallet_drug_provenance::config_preludes::TestDefaultConfig)]
impl pallet_drug_provenance::Config for Test {
	type WeightInfo = crate::weights::SubstrateWeight<Test>;
	type Directory = Registry;
	type AuthorityOrigin = EnsureRoot<u64>;
	type UnixTime = Timestamp;
	type ShipmentTimeout = ConstU64<SHIPMENT_TIMEOUT>;
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
	use OrganisationKind::*;
	let region = RegionCode::new(5, 1, 0);
	DemoCounty::<Test>::funded((1..=7).map(|a| (a, 100)))
		.with(pallet_registry::GenesisConfig::<Test> {
			organisations: vec![
				organisation(1, Manufacturer, "Maker", region, true),
				organisation(2, Distributor, "Distributor", region, true),
				organisation(3, Pharmacy, "Pharmacy", region, true),
				organisation(4, VillageClinic, "Clinic", RegionCode::new(5, 1, 2), true),
				organisation(5, Pharmacy, "Pending", region, false),
				organisation(6, Laboratory, "Lab", region, true),
				organisation(7, Manufacturer, "Other maker", region, true),
			],
			practitioners: vec![
				practitioner(PHARMACIST, PractitionerRole::Pharmacist, 1, &[PHARMACY], true),
				practitioner(VDOC, PractitionerRole::VillageDoctor, 2, &[CLINIC], true),
			],
			..Default::default()
		})
		.with(pallet_drug_provenance::GenesisConfig::<Test> {
			company_prefixes: vec![
				(MAKER, MAKER_PREFIX.to_vec()),
				(OTHER_MAKER, OTHER_MAKER_PREFIX.to_vec()),
			],
			..Default::default()
		})
		.build_then(|| Timestamp::set_timestamp(u64::from(TODAY) * 86_400_000 + 3_600_000))
}

/// Runs a test and then checks every pallet's invariants.
pub fn test(f: impl FnOnce()) {
	run_checked(
		new_test_ext(),
		f,
		&[
			("registry", pallet_registry::Pallet::<Test>::do_try_state),
			("drug provenance", crate::Pallet::<Test>::do_try_state),
		],
	);
}
