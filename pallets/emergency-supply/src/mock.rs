//! A test runtime: the real registry and the emergency supply pallet, wired as in the real
//! runtime.

use crate as pallet_emergency_supply;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	weights::constants::ParityDbWeight,
};
use frame_system::EnsureRoot;
use ruralmed_primitives::{OrganisationKind, PractitionerRole, RegionCode};
use ruralmed_test_utils::{organisation, practitioner, run_checked, DemoCounty};
use sp_runtime::Perbill;

ruralmed_test_utils::test_runtime! {
	system: {
		/// Storage costed as in the runtime (the prelude's `()` costs nothing), so that a weight
		/// term made of reads and writes, such as the region pools of `allocate_weight`, shows;
		/// probed for reads and writes by the storage-access tests.
		type DbWeight = ruralmed_test_utils::storage_access::ProbeDbWeightOr<ParityDbWeight>;
	},
	registry: 2,
	pallets: { 3 => EmergencySupply = pallet_emergency_supply },
}

/// Rounds of [`ROUND`] blocks; small limits so that tests reach them.
pub const ROUND: u64 = 10;
pub const DEADLINE: u64 = 20;
pub const MAX_NEEDS: u32 = 4;
/// As many affected regions as a round holds needs, so that a full round's needs can lie in as
/// many counties.
pub const MAX_REGIONS: u32 = MAX_NEEDS;
pub const MAX_PLEDGES: u32 = 12;
pub const MAX_DONOR_PLEDGES: u32 = 6;
pub const PLEDGE_DEPOSIT: u64 = 5;
pub const MAX_PLEDGE_QUANTITY: u64 = 1_000_000;
pub const MAX_PEOPLE: u32 = 10_000;
pub const UNITS_PER_PERSON: u64 = 10;

parameter_types! {
	/// No cap by default, so that the allocation tests show the plain algorithm; the share-cap
	/// tests set the runtime's 50%.
	pub static MaxNeedShare: Perbill = Perbill::one();
	/// When set, the queued allocation's budget instead of [`TestAllocationBudget`]'s default.
	pub static AllocationBudgetOverride: Option<frame_support::weights::Weight> = None;
}

/// The limits the tests reach, from the constants above; the others (items, page size) are the
/// pallet's test defaults.
#[derive_impl(pallet_emergency_supply::config_preludes::TestDefaultConfig)]
impl pallet_emergency_supply::Config for Test {
	type Directory = Registry;
	type AuthorityOrigin = EnsureRoot<u64>;
	type Currency = Balances;
	type PledgeDeposit = ConstU64<PLEDGE_DEPOSIT>;
	type MaxPledgeQuantity = ConstU64<MAX_PLEDGE_QUANTITY>;
	type MaxPledgesPerDonor = ConstU32<MAX_DONOR_PLEDGES>;
	type MaxPeopleServed = ConstU32<MAX_PEOPLE>;
	type MaxUnitsPerPerson = ConstU64<UNITS_PER_PERSON>;
	type MaxNeedShare = MaxNeedShare;
	type MaxRegions = ConstU32<MAX_REGIONS>;
	type MaxNeedsPerRound = ConstU32<MAX_NEEDS>;
	type MaxPledgesPerEmergency = ConstU32<MAX_PLEDGES>;
	type DeliveryDeadline = ConstU64<DEADLINE>;
	type AllocationBudget = TestAllocationBudget;
	/// The generated weights costed with the mock's `DbWeight`, so that the storage-access tests
	/// can probe them.
	type WeightInfo = crate::weights::SubstrateWeight<Test>;
}

/// A queued allocation's budget that holds the largest plan of an item and two more stored
/// allocations, so that an item with more allocations takes several blocks.
pub struct TestAllocationBudget;
impl frame_support::traits::Get<frame_support::weights::Weight> for TestAllocationBudget {
	fn get() -> frame_support::weights::Weight {
		use crate::WeightInfo;
		if let Some(budget) = AllocationBudgetOverride::get() {
			return budget;
		}
		let weights = <Test as pallet_emergency_supply::Config>::WeightInfo::allocate_queued_store;
		crate::Pallet::<Test>::worst_plan_step_weight()
			.saturating_add(
				<Test as pallet_emergency_supply::Config>::WeightInfo::allocate_queued_idle(),
			)
			.saturating_add(weights(2))
	}
}

/// Organisations (ids in order), all active unless said otherwise:
/// 0 county hospital at (5,0,0), admin 1 — outside the test emergency's townships;
/// 1 village clinic A at (5,1,1), admin 2, village doctor 20;
/// 2 village clinic B at (5,1,2), admin 3;
/// 3 township health centre C at (5,2,0), admin 4;
/// 4 warehouse W at (5,0,0), admin 5, worker (nurse) 50;
/// 5 donor NGO, admin 6;
/// 6 pharmacy at (5,1,1), admin 7;
/// 7 warehouse V, pending (not verified), admin 8;
/// 8 village clinic far away at (6,1,1), admin 9;
/// 9 a second warehouse X at (5,0,0), admin 10;
/// 10 village clinic D at (5,1,3), admin 11;
/// 11 village clinic E at (5,2,1), admin 12;
/// 12, 13, 14 village clinics F, G, H at (5,1,1), clinic A's village, admins 13, 14, 15;
/// 15 village clinic at (7,1,1), admin 16;
/// 16 village clinic at (8,1,1), admin 17.
pub const HOSPITAL: u32 = 0;
pub const CLINIC_A: u32 = 1;
pub const CLINIC_B: u32 = 2;
pub const CENTRE_C: u32 = 3;
pub const WAREHOUSE: u32 = 4;
pub const NGO: u32 = 5;
pub const PHARMACY: u32 = 6;
pub const PENDING_WAREHOUSE: u32 = 7;
pub const FAR_CLINIC: u32 = 8;
pub const WAREHOUSE_X: u32 = 9;
pub const CLINIC_D: u32 = 10;
pub const CLINIC_E: u32 = 11;
pub const CLINIC_F: u32 = 12;
pub const CLINIC_G: u32 = 13;
pub const CLINIC_H: u32 = 14;
pub const COUNTY_7_CLINIC: u32 = 15;
pub const COUNTY_8_CLINIC: u32 = 16;
pub const HOSPITAL_ADMIN: u64 = 1;
pub const A_ADMIN: u64 = 2;
pub const B_ADMIN: u64 = 3;
pub const C_ADMIN: u64 = 4;
pub const W_ADMIN: u64 = 5;
pub const NGO_ADMIN: u64 = 6;
pub const PHARMACY_ADMIN: u64 = 7;
pub const PENDING_ADMIN: u64 = 8;
pub const FAR_ADMIN: u64 = 9;
pub const X_ADMIN: u64 = 10;
pub const D_ADMIN: u64 = 11;
pub const E_ADMIN: u64 = 12;
pub const F_ADMIN: u64 = 13;
pub const G_ADMIN: u64 = 14;
pub const H_ADMIN: u64 = 15;
pub const COUNTY_7_ADMIN: u64 = 16;
pub const COUNTY_8_ADMIN: u64 = 17;
pub const VDOC_A: u64 = 20;
pub const WORKER: u64 = 50;
pub const DONOR: u64 = 100;
/// A funded account with no organisation: the attacker of the security tests.
pub const ATTACKER: u64 = 101;
/// Funds of [`DONOR`] and [`ATTACKER`].
pub const DONOR_FUNDS: u64 = 1_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let org = |admin: u64, kind, region, active| organisation(admin, kind, "Org", region, active);
	use OrganisationKind::*;
	DemoCounty::<Test>::funded(
		(1..=12).map(|a| (a, 100)).chain([(DONOR, DONOR_FUNDS), (ATTACKER, DONOR_FUNDS)]),
	)
	.with(pallet_registry::GenesisConfig::<Test> {
		organisations: vec![
			org(HOSPITAL_ADMIN, CountyHospital, RegionCode::new(5, 0, 0), true),
			org(A_ADMIN, VillageClinic, RegionCode::new(5, 1, 1), true),
			org(B_ADMIN, VillageClinic, RegionCode::new(5, 1, 2), true),
			org(C_ADMIN, TownshipHealthCentre, RegionCode::new(5, 2, 0), true),
			org(W_ADMIN, Warehouse, RegionCode::new(5, 0, 0), true),
			org(NGO_ADMIN, DonorNgo, RegionCode::new(5, 0, 0), true),
			org(PHARMACY_ADMIN, Pharmacy, RegionCode::new(5, 1, 1), true),
			org(PENDING_ADMIN, Warehouse, RegionCode::new(5, 0, 0), false),
			org(FAR_ADMIN, VillageClinic, RegionCode::new(6, 1, 1), true),
			org(X_ADMIN, Warehouse, RegionCode::new(5, 0, 0), true),
			org(D_ADMIN, VillageClinic, RegionCode::new(5, 1, 3), true),
			org(E_ADMIN, VillageClinic, RegionCode::new(5, 2, 1), true),
			org(F_ADMIN, VillageClinic, RegionCode::new(5, 1, 1), true),
			org(G_ADMIN, VillageClinic, RegionCode::new(5, 1, 1), true),
			org(H_ADMIN, VillageClinic, RegionCode::new(5, 1, 1), true),
			org(COUNTY_7_ADMIN, VillageClinic, RegionCode::new(7, 1, 1), true),
			org(COUNTY_8_ADMIN, VillageClinic, RegionCode::new(8, 1, 1), true),
		],
		practitioners: vec![
			practitioner(VDOC_A, PractitionerRole::VillageDoctor, 1, &[CLINIC_A], true),
			practitioner(WORKER, PractitionerRole::Nurse, 2, &[WAREHOUSE], true),
		],
		..Default::default()
	})
	.build()
}

/// Runs a test and then checks both pallets' invariants.
pub fn test(f: impl FnOnce()) {
	run_checked(
		new_test_ext(),
		f,
		&[
			("registry", pallet_registry::Pallet::<Test>::do_try_state),
			("emergency supply", crate::Pallet::<Test>::do_try_state),
		],
	);
}
