//! Unit tests of the emergency supply pallet: every call, every error, the allocation rules on
//! storage, traceability and the dashboard. Invariants (`do_try_state`) are checked after each
//! test by `mock::test`.

use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok, traits::Hooks, BoundedVec};
use ruralmed_primitives::RegionCode;
use sp_runtime::{DispatchError, Perbill};

const MASK: ItemIndex = 0;
const OXYGEN: ItemIndex = 1;
const VACCINE: ItemIndex = 2;

fn item(code: &[u8], unit: SupplyUnit, gtin: Option<Gtin>) -> SupplyItem {
	SupplyItem { code: BoundedVec::truncate_from(code.to_vec()), unit, gtin }
}

fn catalogue() -> ItemList<Test> {
	BoundedVec::truncate_from(vec![
		item(b"MASK-N95", SupplyUnit::Piece, None),
		item(b"O2-CONC", SupplyUnit::Device, None),
		item(b"VAX-FLU", SupplyUnit::Dose, Some(*b"00012345678905")),
	])
}

/// Township 1 and township 2 of county 5.
fn regions() -> RegionList<Test> {
	BoundedVec::truncate_from(vec![RegionCode::new(5, 1, 0), RegionCode::new(5, 2, 0)])
}

fn name() -> EmergencyName {
	BoundedVec::truncate_from(b"Anding flood".to_vec())
}

/// Declares the test emergency: open from block 1 to 101, rounds of `ROUND` blocks, so round
/// 0 is blocks [1, 11).
fn declare() -> EmergencyId {
	assert_ok!(EmergencySupply::declare_emergency(
		RuntimeOrigin::root(),
		name(),
		regions(),
		catalogue(),
		1,
		101,
		ROUND
	));
	NextEmergencyId::<Test>::get() - 1
}

fn file(admin: u64, org: u32, item: ItemIndex, requested: u64, stock: u64, p: Priority) -> NeedId {
	assert_ok!(EmergencySupply::file_need(
		RuntimeOrigin::signed(admin),
		0,
		item,
		org,
		requested,
		stock,
		100,
		p,
		NeedReason::CaseSurge
	));
	let id = NextNeedId::<Test>::get() - 1;
	// Only the authority grants `Critical`: the tests that file it stand for reviewed needs.
	if p == Priority::Critical {
		let round = current_round();
		assert_ok!(EmergencySupply::set_need_priority(
			RuntimeOrigin::root(),
			0,
			item,
			round,
			org,
			Priority::Critical
		));
	}
	id
}

/// Funds held from `who` (pledge deposits).
fn held(who: u64) -> u64 {
	System::account(who).data.reserved
}

/// The round of emergency 0 now.
fn current_round() -> RoundIndex {
	let e = Emergencies::<Test>::get(0).unwrap();
	EmergencySupply::round_at(&e, System::block_number()).unwrap()
}

fn pledge(item: ItemIndex, quantity: u64, target: DonationTarget) -> DonationId {
	pledge_via(item, quantity, target, WAREHOUSE)
}

/// A pledge by [`DONOR`] shipped to `warehouse`.
fn pledge_via(
	item: ItemIndex,
	quantity: u64,
	target: DonationTarget,
	warehouse: u32,
) -> DonationId {
	assert_ok!(EmergencySupply::pledge(
		RuntimeOrigin::signed(DONOR),
		0,
		item,
		quantity,
		target,
		warehouse,
		None
	));
	NextDonationId::<Test>::get() - 1
}

fn receive(donation: DonationId, quantity: u64) {
	assert_ok!(EmergencySupply::confirm_receipt(
		RuntimeOrigin::signed(W_ADMIN),
		donation,
		WAREHOUSE,
		quantity
	));
}

/// Pledged and received in full at the main warehouse.
fn donate(item: ItemIndex, quantity: u64, target: DonationTarget) -> DonationId {
	let d = pledge(item, quantity, target);
	receive(d, quantity);
	d
}

/// Moves to the first block after round `round`.
fn close_round(round: u32) {
	System::set_block_number(1 + ROUND * (round as u64 + 1));
}

fn allocate(item: ItemIndex, round: u32) {
	assert_ok!(EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, item, round));
}

/// Units allocated to `org` for `item` in all.
fn allocated_to(org: u32, item: ItemIndex) -> u64 {
	Allocations::<Test>::iter()
		.filter(|(_, a)| a.recipient == org && a.item == item)
		.map(|(_, a)| a.quantity)
		.sum()
}

/// The test emergency with 10 masks received and clinic A's urgent need of 10, round 0
/// allocated: the id of clinic A's one pending allocation.
fn ten_masks_allocated_to_a() -> AllocationId {
	declare();
	donate(MASK, 10, DonationTarget::Anywhere);
	file(A_ADMIN, CLINIC_A, MASK, 10, 0, Priority::Urgent);
	close_round(0);
	allocate(MASK, 0);
	allocations_to(CLINIC_A)[0]
}

fn allocations_to(org: u32) -> Vec<AllocationId> {
	(0..RecipientAllocationCount::<Test>::get(org))
		.map(|i| RecipientAllocations::<Test>::get(org, i).unwrap())
		.collect()
}

mod emergencies {
	use super::*;

	#[test]
	fn declare_stores_and_emits() {
		test(|| {
			let e = declare();
			System::assert_last_event(
				Event::EmergencyDeclared {
					emergency: e,
					name: name(),
					starts_at: 1,
					sunset: 101,
					round_length: ROUND,
				}
				.into(),
			);
			let stored = Emergencies::<Test>::get(e).unwrap();
			assert_eq!(stored.status, EmergencyStatus::Active);
			assert_eq!(stored.items.len(), 3);
			assert_eq!(declare(), e + 1);
		});
	}

	#[test]
	fn only_the_authority_declares() {
		test(|| {
			assert_noop!(
				EmergencySupply::declare_emergency(
					RuntimeOrigin::signed(HOSPITAL_ADMIN),
					name(),
					regions(),
					catalogue(),
					1,
					101,
					ROUND
				),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn declaration_is_validated() {
		test(|| {
			let d = |n: EmergencyName, r: RegionList<Test>, i: ItemList<Test>, s, e, l| {
				EmergencySupply::declare_emergency(RuntimeOrigin::root(), n, r, i, s, e, l)
			};
			assert_noop!(
				d(BoundedVec::new(), regions(), catalogue(), 1, 101, ROUND),
				Error::<Test>::InvalidName
			);
			for bad in [
				vec![],
				vec![RegionCode::new(0, 1, 0)],
				vec![RegionCode::new(5, 0, 3)],
				// One region within another.
				vec![RegionCode::new(5, 0, 0), RegionCode::new(5, 1, 0)],
			] {
				assert_noop!(
					d(name(), BoundedVec::truncate_from(bad), catalogue(), 1, 101, ROUND),
					Error::<Test>::InvalidRegions
				);
			}
			for bad in [
				vec![],
				vec![item(b"", SupplyUnit::Piece, None)],
				vec![item(b"A B", SupplyUnit::Piece, None)],
				vec![item(b"VAX", SupplyUnit::Dose, Some(*b"0001234567890X"))],
				vec![item(b"MASK", SupplyUnit::Piece, None), item(b"MASK", SupplyUnit::Box, None)],
			] {
				assert_noop!(
					d(name(), regions(), BoundedVec::truncate_from(bad), 1, 101, ROUND),
					Error::<Test>::InvalidItems
				);
			}
			System::set_block_number(5);
			for (start, sunset, round) in
				[(4, 101, ROUND), (5, 5, ROUND), (9, 8, ROUND), (5, 50, 0)]
			{
				assert_noop!(
					d(name(), regions(), catalogue(), start, sunset, round),
					Error::<Test>::InvalidPeriod
				);
			}
		});
	}

	#[test]
	fn extend_moves_the_sunset_later() {
		test(|| {
			let e = declare();
			assert_ok!(EmergencySupply::extend_emergency(RuntimeOrigin::root(), e, 200));
			System::assert_last_event(
				Event::EmergencyExtended { emergency: e, sunset: 200 }.into(),
			);
			assert_eq!(Emergencies::<Test>::get(e).unwrap().sunset, 200);
			assert_noop!(
				EmergencySupply::extend_emergency(RuntimeOrigin::root(), e, 150),
				Error::<Test>::InvalidPeriod
			);
			assert_noop!(
				EmergencySupply::extend_emergency(RuntimeOrigin::root(), 9, 300),
				Error::<Test>::UnknownEmergency
			);
			assert_noop!(
				EmergencySupply::extend_emergency(RuntimeOrigin::signed(1), e, 300),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn an_expired_emergency_can_be_extended_past_now_only() {
		test(|| {
			let e = declare();
			System::set_block_number(150);
			assert_noop!(
				EmergencySupply::extend_emergency(RuntimeOrigin::root(), e, 120),
				Error::<Test>::InvalidPeriod
			);
			assert_ok!(EmergencySupply::extend_emergency(RuntimeOrigin::root(), e, 160));
			file(A_ADMIN, CLINIC_A, MASK, 10, 0, Priority::Routine);
		});
	}

	#[test]
	fn close_stops_new_work() {
		test(|| {
			let e = declare();
			let d = pledge(MASK, 10, DonationTarget::Anywhere);
			file(A_ADMIN, CLINIC_A, MASK, 10, 0, Priority::Urgent);
			assert_ok!(EmergencySupply::close_emergency(RuntimeOrigin::root(), e));
			System::assert_last_event(Event::EmergencyClosed { emergency: e }.into());
			assert_noop!(
				EmergencySupply::close_emergency(RuntimeOrigin::root(), e),
				Error::<Test>::EmergencyClosed
			);
			assert_noop!(
				EmergencySupply::extend_emergency(RuntimeOrigin::root(), e, 500),
				Error::<Test>::EmergencyClosed
			);
			assert_noop!(
				EmergencySupply::close_emergency(RuntimeOrigin::root(), 7),
				Error::<Test>::UnknownEmergency
			);
			assert_noop!(
				EmergencySupply::file_need(
					RuntimeOrigin::signed(A_ADMIN),
					e,
					MASK,
					CLINIC_A,
					5,
					0,
					1,
					Priority::Urgent,
					NeedReason::StockOut
				),
				Error::<Test>::EmergencyNotOpen
			);
			assert_noop!(
				EmergencySupply::confirm_receipt(RuntimeOrigin::signed(W_ADMIN), d, WAREHOUSE, 10),
				Error::<Test>::EmergencyNotOpen
			);
			close_round(0);
			assert_noop!(
				EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), e, MASK, 0),
				Error::<Test>::EmergencyNotOpen
			);
		});
	}

	#[test]
	fn nothing_works_before_the_start_or_after_the_sunset() {
		test(|| {
			assert_ok!(EmergencySupply::declare_emergency(
				RuntimeOrigin::root(),
				name(),
				regions(),
				catalogue(),
				50,
				100,
				ROUND
			));
			assert_noop!(
				EmergencySupply::pledge(
					RuntimeOrigin::signed(DONOR),
					0,
					MASK,
					5,
					DonationTarget::Anywhere,
					WAREHOUSE,
					None
				),
				Error::<Test>::EmergencyNotOpen
			);
			System::set_block_number(50);
			pledge(MASK, 5, DonationTarget::Anywhere);
			// A pledge after the sunset is refused.
			System::set_block_number(100);
			assert_noop!(
				EmergencySupply::pledge(
					RuntimeOrigin::signed(DONOR),
					0,
					MASK,
					5,
					DonationTarget::Anywhere,
					WAREHOUSE,
					None
				),
				Error::<Test>::EmergencyNotOpen
			);
			assert_noop!(
				EmergencySupply::pledge(
					RuntimeOrigin::signed(DONOR),
					3,
					MASK,
					5,
					DonationTarget::Anywhere,
					WAREHOUSE,
					None
				),
				Error::<Test>::UnknownEmergency
			);
		});
	}

	#[test]
	fn integrity_test_passes() {
		test(EmergencySupply::integrity_test);
	}

	#[test]
	fn genesis_declares_demo_emergencies() {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		crate::GenesisConfig::<Test> {
			emergencies: vec![(
				b"Demo epidemic".to_vec(),
				vec![RegionCode::new(5, 1, 0)],
				vec![
					(b"MASK".to_vec(), SupplyUnit::Piece, None),
					(b"VAX".to_vec(), SupplyUnit::Dose, Some(*b"00012345678905")),
				],
				100,
				1_000,
			)],
		}
		.assimilate_storage(&mut t)
		.unwrap();
		sp_io::TestExternalities::new(t).execute_with(|| {
			let e = Emergencies::<Test>::get(0).unwrap();
			assert_eq!(e.starts_at, 0);
			assert_eq!(e.sunset, 1_000);
			assert_eq!(e.items[1].gtin, Some(*b"00012345678905"));
			assert_eq!(NextEmergencyId::<Test>::get(), 1);
			EmergencySupply::do_try_state().unwrap();
		});
		let bad = crate::GenesisConfig::<Test> {
			emergencies: vec![(b"Empty".to_vec(), vec![], vec![], 10, 100)],
		};
		new_test_ext().execute_with(|| {
			assert!(EmergencySupply::build_genesis(&bad).is_err());
		});
	}

	use sp_runtime::BuildStorage;
}

mod needs {
	use super::*;

	#[test]
	fn file_then_update_in_the_same_round() {
		test(|| {
			declare();
			let id = file(A_ADMIN, CLINIC_A, MASK, 100, 10, Priority::Urgent);
			System::assert_last_event(
				Event::NeedFiled {
					need: id,
					emergency: 0,
					item: MASK,
					round: 0,
					org: CLINIC_A,
					requested: 100,
					stock_on_hand: 10,
					priority: Priority::Urgent,
				}
				.into(),
			);
			// The village doctor of the clinic updates it.
			assert_ok!(EmergencySupply::file_need(
				RuntimeOrigin::signed(VDOC_A),
				0,
				MASK,
				CLINIC_A,
				150,
				0,
				300,
				Priority::Critical,
				NeedReason::StockLost
			));
			System::assert_last_event(
				Event::NeedUpdated {
					need: id,
					emergency: 0,
					item: MASK,
					round: 0,
					requested: 150,
					stock_on_hand: 0,
					// Asked for Critical, gets Urgent until the authority grants Critical.
					priority: Priority::Urgent,
				}
				.into(),
			);
			let needs = EmergencySupply::round_needs(0, MASK, 0);
			assert_eq!(needs.len(), 1);
			assert_eq!(
				(needs[0].priority, needs[0].requested_priority),
				(Priority::Urgent, Priority::Critical)
			);
			assert_eq!(
				(needs[0].requested, needs[0].people_served, needs[0].filed_by),
				(150, 300, VDOC_A)
			);
			assert_eq!(needs[0].region, 0);
			// The next round takes a new need.
			close_round(0);
			let next = file(A_ADMIN, CLINIC_A, MASK, 20, 0, Priority::Routine);
			assert_eq!(next, id + 1);
			assert_eq!(EmergencySupply::round_needs(0, MASK, 1).len(), 1);
		});
	}

	#[test]
	fn need_errors() {
		test(|| {
			declare();
			let f = |who: u64, item: ItemIndex, org: u32, requested: u64, stock: u64| {
				EmergencySupply::file_need(
					RuntimeOrigin::signed(who),
					0,
					item,
					org,
					requested,
					stock,
					1,
					Priority::Urgent,
					NeedReason::Other,
				)
			};
			assert_noop!(f(A_ADMIN, 3, CLINIC_A, 10, 0), Error::<Test>::ItemNotCovered);
			assert_noop!(
				f(B_ADMIN, MASK, CLINIC_A, 10, 0),
				Error::<Test>::NotActingForOrganisation
			);
			assert_noop!(f(PHARMACY_ADMIN, MASK, PHARMACY, 10, 0), Error::<Test>::NotCareProvider);
			assert_noop!(f(W_ADMIN, MASK, WAREHOUSE, 10, 0), Error::<Test>::NotCareProvider);
			// A need outside the emergency's regions.
			assert_noop!(f(FAR_ADMIN, MASK, FAR_CLINIC, 10, 0), Error::<Test>::RegionNotAffected);
			assert_noop!(
				f(HOSPITAL_ADMIN, MASK, HOSPITAL, 10, 0),
				Error::<Test>::RegionNotAffected
			);
			assert_noop!(f(A_ADMIN, MASK, CLINIC_A, 0, 0), Error::<Test>::ZeroQuantity);
			// One person served: at most `UNITS_PER_PERSON` units.
			assert_noop!(
				f(A_ADMIN, MASK, CLINIC_A, UNITS_PER_PERSON + 1, 0),
				Error::<Test>::NeedTooLarge
			);
			assert_noop!(f(A_ADMIN, MASK, CLINIC_A, 10, 10), Error::<Test>::NothingNeeded);
			assert_noop!(
				EmergencySupply::file_need(
					RuntimeOrigin::signed(A_ADMIN),
					4,
					MASK,
					CLINIC_A,
					10,
					0,
					1,
					Priority::Urgent,
					NeedReason::Other
				),
				Error::<Test>::UnknownEmergency
			);
		});
	}

	#[test]
	fn a_round_holds_at_most_max_needs() {
		test(|| {
			declare();
			for (admin, org) in
				[(A_ADMIN, CLINIC_A), (B_ADMIN, CLINIC_B), (C_ADMIN, CENTRE_C), (D_ADMIN, CLINIC_D)]
			{
				file(admin, org, MASK, 10, 0, Priority::Routine);
			}
			assert_eq!(EmergencySupply::round_needs(0, MASK, 0).len() as u32, MAX_NEEDS);
			assert_noop!(
				EmergencySupply::file_need(
					RuntimeOrigin::signed(E_ADMIN),
					0,
					MASK,
					CLINIC_E,
					10,
					0,
					1,
					Priority::Critical,
					NeedReason::Other
				),
				Error::<Test>::TooManyNeeds
			);
			// Updating a need already in the full round still works; other items are separate.
			file(A_ADMIN, CLINIC_A, MASK, 12, 0, Priority::Routine);
			file(E_ADMIN, CLINIC_E, OXYGEN, 2, 0, Priority::Critical);
		});
	}
}

mod donations {
	use super::*;

	#[test]
	fn pledge_and_receipt() {
		test(|| {
			declare();
			assert_ok!(EmergencySupply::pledge(
				RuntimeOrigin::signed(NGO_ADMIN),
				0,
				OXYGEN,
				8,
				DonationTarget::Region(RegionCode::new(5, 2, 0)),
				WAREHOUSE,
				Some(NGO)
			));
			System::assert_last_event(
				Event::Pledged {
					donation: 0,
					emergency: 0,
					item: OXYGEN,
					donor: NGO_ADMIN,
					donor_org: Some(NGO),
					target: DonationTarget::Region(RegionCode::new(5, 2, 0)),
					quantity: 8,
					warehouse: WAREHOUSE,
					deposit: PLEDGE_DEPOSIT,
				}
				.into(),
			);
			assert_eq!(Donations::<Test>::get(0).unwrap().target_region, Some(1));
			assert_eq!(held(NGO_ADMIN), PLEDGE_DEPOSIT);
			assert_eq!(DonorPledges::<Test>::get(0, NGO_ADMIN), 1);
			// The warehouse worker confirms six of eight arrived.
			assert_ok!(EmergencySupply::confirm_receipt(
				RuntimeOrigin::signed(WORKER),
				0,
				WAREHOUSE,
				6
			));
			System::assert_last_event(
				Event::DonationReceived {
					donation: 0,
					warehouse: WAREHOUSE,
					quantity: 6,
					missing: 2,
				}
				.into(),
			);
			// The receipt returns the deposit and the donor's pledge slot.
			assert_eq!(held(NGO_ADMIN), 0);
			assert_eq!(DonorPledges::<Test>::get(0, NGO_ADMIN), 0);
			let t = ItemTotals::<Test>::get(0, OXYGEN);
			assert_eq!((t.pledged, t.received), (8, 6));
			let r = RegionTotals::<Test>::get((0, 1, OXYGEN));
			assert_eq!((r.pledged, r.received), (8, 6));
			assert_eq!(
				Pools::<Test>::get((0, OXYGEN, Pool::Region(RegionCode::new(5, 2, 0))))
					.into_inner(),
				vec![(0, 6)]
			);
			// Targeted to a clinic: counted in the clinic's region.
			pledge(MASK, 3, DonationTarget::Organisation(CLINIC_E));
			assert_eq!(Donations::<Test>::get(1).unwrap().target_region, Some(1));
		});
	}

	#[test]
	fn nothing_arrived_is_a_cancellation_not_a_receipt() {
		test(|| {
			declare();
			let d = pledge(MASK, 5, DonationTarget::Anywhere);
			// M2: a receipt of zero would kill the donation; it is refused.
			assert_noop!(
				EmergencySupply::confirm_receipt(RuntimeOrigin::signed(W_ADMIN), d, WAREHOUSE, 0),
				Error::<Test>::ZeroQuantity
			);
			assert_noop!(
				EmergencySupply::cancel_pledge(RuntimeOrigin::signed(NGO_ADMIN), d),
				Error::<Test>::NotDonor
			);
			assert_noop!(
				EmergencySupply::cancel_pledge(RuntimeOrigin::signed(DONOR), 9),
				Error::<Test>::UnknownDonation
			);
			assert_eq!(held(DONOR), PLEDGE_DEPOSIT);
			assert_ok!(EmergencySupply::cancel_pledge(RuntimeOrigin::signed(DONOR), d));
			System::assert_last_event(Event::PledgeCancelled { donation: d, donor: DONOR }.into());
			assert!(Donations::<Test>::get(d).is_none());
			assert_eq!(held(DONOR), 0);
			assert_eq!(Emergencies::<Test>::get(0).unwrap().pledges, 0);
			assert_eq!(ItemTotals::<Test>::get(0, MASK).pledged, 0);
			// A received donation is no longer the donor's to cancel.
			let r = donate(MASK, 5, DonationTarget::Anywhere);
			assert_noop!(
				EmergencySupply::cancel_pledge(RuntimeOrigin::signed(DONOR), r),
				Error::<Test>::AlreadyReceived
			);
		});
	}

	#[test]
	fn pledge_errors() {
		test(|| {
			declare();
			let p = |who: u64, item: ItemIndex, q: u64, target, org| {
				EmergencySupply::pledge(
					RuntimeOrigin::signed(who),
					0,
					item,
					q,
					target,
					WAREHOUSE,
					org,
				)
			};
			use DonationTarget::*;
			assert_noop!(p(DONOR, 5, 1, Anywhere, None), Error::<Test>::ItemNotCovered);
			assert_noop!(p(DONOR, MASK, 0, Anywhere, None), Error::<Test>::ZeroQuantity);
			assert_noop!(
				p(DONOR, MASK, MAX_PLEDGE_QUANTITY + 1, Anywhere, None),
				Error::<Test>::PledgeTooLarge
			);
			// The receiving warehouse must be an active warehouse.
			assert_noop!(
				EmergencySupply::pledge(
					RuntimeOrigin::signed(DONOR),
					0,
					MASK,
					1,
					Anywhere,
					NGO,
					None
				),
				Error::<Test>::NotVerifiedWarehouse
			);
			assert_noop!(
				EmergencySupply::pledge(
					RuntimeOrigin::signed(DONOR),
					0,
					MASK,
					1,
					Anywhere,
					PENDING_WAREHOUSE,
					None
				),
				Error::<Test>::NotVerifiedWarehouse
			);
			// The deposit must be payable: account 77 has nothing.
			assert!(p(77, MASK, 1, Anywhere, None).is_err());
			assert_noop!(
				p(DONOR, MASK, 1, Anywhere, Some(NGO)),
				Error::<Test>::NotActingForOrganisation
			);
			assert_noop!(
				p(DONOR, MASK, 1, Region(RegionCode::new(6, 0, 0)), None),
				Error::<Test>::RegionNotAffected
			);
			// A county-wide target is wider than the affected townships.
			assert_noop!(
				p(DONOR, MASK, 1, Region(RegionCode::new(5, 0, 0)), None),
				Error::<Test>::RegionNotAffected
			);
			assert_noop!(
				p(DONOR, MASK, 1, Region(RegionCode::new(5, 0, 3)), None),
				Error::<Test>::InvalidRegions
			);
			assert_noop!(
				p(DONOR, MASK, 1, Organisation(PHARMACY), None),
				Error::<Test>::NotCareProvider
			);
			assert_noop!(
				p(DONOR, MASK, 1, Organisation(FAR_CLINIC), None),
				Error::<Test>::RegionNotAffected
			);
			assert_noop!(p(DONOR, MASK, 1, Organisation(99), None), Error::<Test>::NotCareProvider);
		});
	}

	#[test]
	fn pledges_are_bounded_per_emergency() {
		test(|| {
			declare();
			for i in 0..MAX_PLEDGES {
				let who = if i < MAX_PLEDGES / 2 { DONOR } else { ATTACKER };
				assert_ok!(EmergencySupply::pledge(
					RuntimeOrigin::signed(who),
					0,
					MASK,
					1,
					DonationTarget::Anywhere,
					WAREHOUSE,
					None
				));
			}
			assert_noop!(
				EmergencySupply::pledge(
					RuntimeOrigin::signed(DONOR),
					0,
					OXYGEN,
					1,
					DonationTarget::Anywhere,
					WAREHOUSE,
					None
				),
				Error::<Test>::TooManyPledges
			);
			assert_noop!(
				EmergencySupply::pledge(
					RuntimeOrigin::signed(NGO_ADMIN),
					0,
					OXYGEN,
					1,
					DonationTarget::Anywhere,
					WAREHOUSE,
					None
				),
				Error::<Test>::TooManyPledges
			);
			// Another emergency has its own allowance.
			declare();
			assert_ok!(EmergencySupply::pledge(
				RuntimeOrigin::signed(DONOR),
				1,
				OXYGEN,
				1,
				DonationTarget::Anywhere,
				WAREHOUSE,
				None
			));
		});
	}

	#[test]
	fn receipt_errors() {
		test(|| {
			declare();
			let d = pledge(MASK, 5, DonationTarget::Anywhere);
			let r = |who: u64, d: DonationId, w: u32, q: u64| {
				EmergencySupply::confirm_receipt(RuntimeOrigin::signed(who), d, w, q)
			};
			assert_noop!(r(W_ADMIN, 9, WAREHOUSE, 5), Error::<Test>::UnknownDonation);
			assert_noop!(r(DONOR, d, WAREHOUSE, 5), Error::<Test>::NotActingForOrganisation);
			// An unverified warehouse cannot act at all.
			assert_noop!(
				r(PENDING_ADMIN, d, PENDING_WAREHOUSE, 5),
				Error::<Test>::NotActingForOrganisation
			);
			// A donor organisation is no warehouse.
			assert_noop!(r(NGO_ADMIN, d, NGO, 5), Error::<Test>::NotVerifiedWarehouse);
			assert_noop!(r(W_ADMIN, d, WAREHOUSE, 6), Error::<Test>::ReceiptExceedsPledge);
			// Only the warehouse the pledge names confirms it.
			assert_noop!(r(X_ADMIN, d, WAREHOUSE_X, 5), Error::<Test>::NotPledgeWarehouse);
			receive(d, 5);
			assert_noop!(r(W_ADMIN, d, WAREHOUSE, 5), Error::<Test>::AlreadyReceived);
			// Goods arriving after the sunset are refused.
			let late = pledge(MASK, 5, DonationTarget::Anywhere);
			System::set_block_number(101);
			assert_noop!(r(W_ADMIN, late, WAREHOUSE, 5), Error::<Test>::EmergencyNotOpen);
		});
	}
}

mod rounds {
	use super::*;

	#[test]
	fn tiers_in_order_then_largest_remainder() {
		test(|| {
			declare();
			let d = donate(MASK, 30, DonationTarget::Anywhere);
			pledge(MASK, 1_000, DonationTarget::Anywhere); // pledged only: never allocated
			let a = file(A_ADMIN, CLINIC_A, MASK, 10, 0, Priority::Critical);
			file(B_ADMIN, CLINIC_B, MASK, 12, 2, Priority::Urgent); // unmet 10
			file(C_ADMIN, CENTRE_C, MASK, 20, 0, Priority::Urgent);
			file(D_ADMIN, CLINIC_D, MASK, 50, 0, Priority::Routine);
			assert_noop!(
				EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, MASK, 0),
				Error::<Test>::RoundNotClosed
			);
			close_round(0);
			allocate(MASK, 0);
			// Critical in full (10); 20 left for 30 urgent: 6.67 and 13.33, so 6 + 13 and the
			// last unit to the larger remainder (clinic B): 7 and 13; routine gets nothing.
			assert_eq!(allocated_to(CLINIC_A, MASK), 10);
			assert_eq!(allocated_to(CLINIC_B, MASK), 7);
			assert_eq!(allocated_to(CENTRE_C, MASK), 13);
			assert_eq!(allocated_to(CLINIC_D, MASK), 0);
			System::assert_last_event(
				Event::RoundAllocated {
					emergency: 0,
					item: MASK,
					round: 0,
					needs: 4,
					allocated: 30,
					allocations: 3,
					carried_over: 0,
				}
				.into(),
			);
			let first = allocations_to(CLINIC_A)[0];
			System::assert_has_event(
				Event::Allocated {
					allocation: first,
					need: a,
					recipient: CLINIC_A,
					donation: d,
					warehouse: WAREHOUSE,
					quantity: 10,
				}
				.into(),
			);
			let needs = EmergencySupply::round_needs(0, MASK, 0);
			assert_eq!(needs.iter().map(|n| n.allocated).collect::<Vec<_>>(), vec![10, 7, 13, 0]);
			let t = ItemTotals::<Test>::get(0, MASK);
			assert_eq!((t.pledged, t.received, t.allocated), (1_030, 30, 30));
			// Township 1 (A, B, D) got 17, township 2 (C) 13.
			assert_eq!(RegionTotals::<Test>::get((0, 0, MASK)).allocated, 17);
			assert_eq!(RegionTotals::<Test>::get((0, 1, MASK)).allocated, 13);
			assert_noop!(
				EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, MASK, 0),
				Error::<Test>::RoundAlreadyAllocated
			);
		});
	}

	#[test]
	fn targeted_donations_first() {
		test(|| {
			declare();
			let to_b = donate(OXYGEN, 5, DonationTarget::Organisation(CLINIC_B));
			let to_t2 = donate(OXYGEN, 6, DonationTarget::Region(RegionCode::new(5, 2, 0)));
			let general = donate(OXYGEN, 10, DonationTarget::Anywhere);
			file(A_ADMIN, CLINIC_A, OXYGEN, 10, 0, Priority::Critical);
			file(B_ADMIN, CLINIC_B, OXYGEN, 10, 0, Priority::Routine);
			file(C_ADMIN, CENTRE_C, OXYGEN, 10, 0, Priority::Routine);
			close_round(0);
			allocate(OXYGEN, 0);
			// B: its 5 targeted units; C: the 6 for township 2; then the general 10 to the
			// critical clinic A in full, nothing left for the routine ones.
			assert_eq!(allocated_to(CLINIC_B, OXYGEN), 5);
			assert_eq!(allocated_to(CENTRE_C, OXYGEN), 6);
			assert_eq!(allocated_to(CLINIC_A, OXYGEN), 10);
			let source = |org| Allocations::<Test>::get(allocations_to(org)[0]).unwrap().donation;
			assert_eq!(
				(source(CLINIC_B), source(CENTRE_C), source(CLINIC_A)),
				(to_b, to_t2, general)
			);
			assert!(Pools::<Test>::iter().next().is_none());
		});
	}

	#[test]
	fn leftovers_carry_to_the_next_round() {
		test(|| {
			declare();
			donate(MASK, 50, DonationTarget::Anywhere);
			// Targeted to a clinic that files nothing this round: it waits.
			donate(MASK, 4, DonationTarget::Organisation(CLINIC_D));
			file(A_ADMIN, CLINIC_A, MASK, 20, 0, Priority::Urgent);
			close_round(0);
			allocate(MASK, 0);
			assert_eq!(allocated_to(CLINIC_A, MASK), 20);
			System::assert_last_event(
				Event::RoundAllocated {
					emergency: 0,
					item: MASK,
					round: 0,
					needs: 1,
					allocated: 20,
					allocations: 1,
					carried_over: 34,
				}
				.into(),
			);
			file(D_ADMIN, CLINIC_D, MASK, 40, 0, Priority::Routine);
			close_round(1);
			allocate(MASK, 1);
			assert_eq!(allocated_to(CLINIC_D, MASK), 34);
			assert_eq!(EmergencySupply::dashboard(0).unwrap().items[0].unallocated, 0);
		});
	}

	#[test]
	fn units_are_taken_first_in_first_out_and_traced() {
		test(|| {
			declare();
			let d0 = donate(VACCINE, 4, DonationTarget::Anywhere);
			let d1 = donate(VACCINE, 6, DonationTarget::Anywhere);
			file(A_ADMIN, CLINIC_A, VACCINE, 7, 0, Priority::Urgent);
			close_round(0);
			allocate(VACCINE, 0);
			let ids = allocations_to(CLINIC_A);
			let got: Vec<(DonationId, u64)> = ids
				.iter()
				.map(|id| {
					let a = Allocations::<Test>::get(id).unwrap();
					(a.donation, a.quantity)
				})
				.collect();
			assert_eq!(got, vec![(d0, 4), (d1, 3)]);
			let trace = EmergencySupply::donation_trace(d1, 0, 10).unwrap();
			assert_eq!(trace.unallocated, 3);
			assert_eq!(trace.allocations.len(), 1);
			assert_eq!(trace.allocations[0].allocation.recipient, CLINIC_A);
			assert_eq!(trace.allocations[0].donor, DONOR);
			assert_eq!(Donations::<Test>::get(d0).unwrap().allocated, 4);
		});
	}

	#[test]
	fn stock_on_hand_reduces_the_need() {
		test(|| {
			declare();
			donate(MASK, 100, DonationTarget::Anywhere);
			file(A_ADMIN, CLINIC_A, MASK, 10, 4, Priority::Urgent);
			close_round(0);
			allocate(MASK, 0);
			assert_eq!(allocated_to(CLINIC_A, MASK), 6);
		});
	}

	#[test]
	fn allocation_errors() {
		test(|| {
			declare();
			let a = |e: EmergencyId, item: ItemIndex, round: u32| {
				EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), e, item, round)
			};
			close_round(0);
			assert_noop!(a(0, MASK, 0), Error::<Test>::NoNeeds);
			assert_noop!(a(0, 7, 0), Error::<Test>::ItemNotCovered);
			assert_noop!(a(5, MASK, 0), Error::<Test>::UnknownEmergency);
			assert_noop!(a(0, MASK, 1), Error::<Test>::RoundNotClosed);
			assert_noop!(
				EmergencySupply::allocate(RuntimeOrigin::none(), 0, MASK, 0),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn a_round_with_no_stock_allocates_nothing_once() {
		test(|| {
			declare();
			file(A_ADMIN, CLINIC_A, MASK, 10, 0, Priority::Critical);
			close_round(0);
			allocate(MASK, 0);
			assert_eq!(NextAllocationId::<Test>::get(), 0);
			assert!(AllocatedRounds::<Test>::contains_key((0, MASK, 0)));
		});
	}

	#[test]
	fn a_round_closed_before_the_sunset_is_allocated_after_it() {
		test(|| {
			declare();
			donate(MASK, 5, DonationTarget::Anywhere);
			System::set_block_number(95); // round 9: [91, 101)
			file(A_ADMIN, CLINIC_A, MASK, 5, 0, Priority::Routine);
			// Round 9 is the latest closed until round 10 closes at 111.
			System::set_block_number(105);
			assert_ok!(EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, MASK, 9));
			assert_eq!(allocated_to(CLINIC_A, MASK), 5);
		});
	}

	/// Allocates, in fresh externalities, one round of an emergency covering counties 5 to 8
	/// with an urgent need of 10 masks from each of `clinics` (admin, organisation, county).
	/// 100 masks lie in the general pool and 5 in each clinic's county pool, so every need
	/// gets 5 from its county and 5 from the general pool. The set-up is committed first, so
	/// the overlay then holds only what `allocate` wrote. Returns the round's needs, its
	/// allocations, the weight the call charged, and how many `Pools` keys it wrote or removed.
	fn pool_writes_of_a_round(
		clinics: [(u64, u32, u32); MAX_NEEDS as usize],
	) -> (u32, u32, frame_support::weights::Weight, u32) {
		use frame_support::storage::StoragePrefixedMap;
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			let counties = (5..=8).map(|c| RegionCode::new(c, 0, 0)).collect::<Vec<_>>();
			assert_ok!(EmergencySupply::declare_emergency(
				RuntimeOrigin::root(),
				name(),
				BoundedVec::truncate_from(counties),
				catalogue(),
				1,
				101,
				ROUND
			));
			donate(MASK, 100, DonationTarget::Anywhere);
			for (admin, org, county) in clinics {
				donate(MASK, 5, DonationTarget::Region(RegionCode::new(county, 0, 0)));
				file(admin, org, MASK, 10, 0, Priority::Urgent);
			}
			close_round(0);
		});
		ext.commit_all().expect("the set-up commits");
		let (needs, allocations, charged) = ext.execute_with(|| {
			let info = EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, MASK, 0)
				.expect("the closed round allocates");
			for (_, org, _) in clinics {
				assert_eq!(allocated_to(org, MASK), 10);
			}
			let needs = EmergencySupply::round_needs(0, MASK, 0).len() as u32;
			let allocations = NextAllocationId::<Test>::get() as u32;
			(needs, allocations, info.actual_weight.expect("allocate charges its actual weight"))
		});
		// Only the pool keys: they are what the region term of `allocate_weight` pays for,
		// and each of them is read (`Pools::get`) before it is written or removed.
		let prefix = Pools::<Test>::final_prefix();
		let pool_keys =
			ext.overlayed_changes().changes().filter(|(key, _)| key.starts_with(&prefix)).count();
		ext.execute_with(|| {
			pallet_registry::Pallet::<Test>::do_try_state().expect("registry invariants hold");
			crate::Pallet::<Test>::do_try_state().expect("emergency supply invariants hold");
		});
		(needs, allocations, charged, pool_keys as u32)
	}

	/// L9: the benchmark's needs all lie in one village, so it measures three region pools;
	/// needs in different counties make a round read and write three region pools each. The
	/// weight `allocate` charges on top of the benchmark must pay for the difference.
	#[test]
	fn l9_allocate_weight_covers_the_pools_of_needs_in_many_counties() {
		let n = MAX_NEEDS;
		// Like the benchmark: every clinic in clinic A's village (5,1,1).
		let (needs_a, allocations_a, charged_a, pools_a) = pool_writes_of_a_round([
			(A_ADMIN, CLINIC_A, 5),
			(F_ADMIN, CLINIC_F, 5),
			(G_ADMIN, CLINIC_G, 5),
			(H_ADMIN, CLINIC_H, 5),
		]);
		// Every clinic in a village of its own county.
		let (needs_b, allocations_b, charged_b, pools_b) = pool_writes_of_a_round([
			(A_ADMIN, CLINIC_A, 5),
			(FAR_ADMIN, FAR_CLINIC, 6),
			(COUNTY_7_ADMIN, COUNTY_7_CLINIC, 7),
			(COUNTY_8_ADMIN, COUNTY_8_CLINIC, 8),
		]);
		// The same round but for where the needs lie: 5 units from a county pool and 5 from
		// the general pool per need.
		assert_eq!((needs_a, needs_b), (n, n));
		assert_eq!((allocations_a, allocations_b), (2 * n, 2 * n));
		let a = allocations_b;
		assert_eq!(charged_a, EmergencySupply::allocate_weight(n, a));
		assert_eq!(charged_b, EmergencySupply::allocate_weight(n, a));
		// `n` organisation pools, the region pools and the general pool: one village's three
		// region pools (the benchmark's `n + 4`), or three per county (the worst case, `4n + 1`).
		assert_eq!(pools_a, n + 4);
		assert_eq!(pools_b, 4 * n + 1);
		let unbenchmarked = pools_b - pools_a;
		assert!(unbenchmarked > 0 && unbenchmarked <= 3 * n);
		let on_top = EmergencySupply::allocate_weight(n, a)
			.saturating_sub(<Test as Config>::WeightInfo::allocate(n, a));
		let db = <<Test as frame_system::Config>::DbWeight as frame_support::traits::Get<_>>::get();
		assert!(on_top.ref_time() >= db.writes(u64::from(unbenchmarked)).ref_time());
		assert!(
			on_top.all_gte(db.reads_writes(u64::from(unbenchmarked), u64::from(unbenchmarked))),
			"{on_top:?} on top of the benchmark does not pay for reading and writing \
			 {unbenchmarked} more pools"
		);
	}
}

mod delivery {
	use super::*;

	/// Clinic A's allocation of 10 masks from the main warehouse, and clinic B's of 5 from
	/// warehouse X.
	fn allocated() -> (AllocationId, AllocationId) {
		declare();
		donate(MASK, 10, DonationTarget::Organisation(CLINIC_A));
		let d = pledge_via(MASK, 5, DonationTarget::Organisation(CLINIC_B), WAREHOUSE_X);
		assert_ok!(EmergencySupply::confirm_receipt(
			RuntimeOrigin::signed(X_ADMIN),
			d,
			WAREHOUSE_X,
			5
		));
		file(A_ADMIN, CLINIC_A, MASK, 10, 0, Priority::Urgent);
		file(B_ADMIN, CLINIC_B, MASK, 5, 0, Priority::Urgent);
		close_round(0);
		allocate(MASK, 0);
		(allocations_to(CLINIC_A)[0], allocations_to(CLINIC_B)[0])
	}

	#[test]
	fn dispatch_then_confirm_with_shortfall() {
		test(|| {
			let (a, _) = allocated();
			assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(WORKER), a));
			System::assert_last_event(
				Event::Dispatched {
					allocation: a,
					warehouse: WAREHOUSE,
					recipient: CLINIC_A,
					quantity: 10,
				}
				.into(),
			);
			let at = System::block_number();
			assert_eq!(InTransit::<Test>::get(0, a), Some(at));
			assert_ok!(EmergencySupply::confirm_delivery(RuntimeOrigin::signed(VDOC_A), a, 8));
			System::assert_last_event(
				Event::DeliveryConfirmed {
					allocation: a,
					recipient: CLINIC_A,
					received: 8,
					shortfall: 2,
				}
				.into(),
			);
			assert_eq!(InTransit::<Test>::get(0, a), None);
			let t = ItemTotals::<Test>::get(0, MASK);
			assert_eq!((t.allocated, t.dispatched, t.delivered, t.shortfall), (15, 10, 8, 2));
			let r = RegionTotals::<Test>::get((0, 0, MASK));
			assert_eq!((r.dispatched, r.delivered, r.shortfall), (10, 8, 2));
			// A double confirmation is refused.
			assert_noop!(
				EmergencySupply::confirm_delivery(RuntimeOrigin::signed(A_ADMIN), a, 10),
				Error::<Test>::AlreadyConfirmed
			);
		});
	}

	#[test]
	fn dispatch_errors() {
		test(|| {
			let (a, b) = allocated();
			assert_noop!(
				EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), 99),
				Error::<Test>::UnknownAllocation
			);
			// Clinic B's units are at warehouse X: the main warehouse cannot send them.
			assert_noop!(
				EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), b),
				Error::<Test>::NotAllocationWarehouse
			);
			assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(X_ADMIN), b));
			assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), a));
			assert_noop!(
				EmergencySupply::dispatch(RuntimeOrigin::signed(WORKER), a),
				Error::<Test>::AlreadyDispatched
			);
		});
	}

	#[test]
	fn dispatch_and_delivery_complete_after_close() {
		test(|| {
			let (a, _) = allocated();
			assert_ok!(EmergencySupply::close_emergency(RuntimeOrigin::root(), 0));
			assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), a));
			assert_ok!(EmergencySupply::confirm_delivery(RuntimeOrigin::signed(A_ADMIN), a, 10));
		});
	}

	#[test]
	fn confirmation_errors() {
		test(|| {
			let (a, _) = allocated();
			let c = |who: u64, a: AllocationId, q: u64| {
				EmergencySupply::confirm_delivery(RuntimeOrigin::signed(who), a, q)
			};
			assert_noop!(c(A_ADMIN, 99, 1), Error::<Test>::UnknownAllocation);
			assert_noop!(c(A_ADMIN, a, 10), Error::<Test>::NotDispatched);
			assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), a));
			// Confirmation by the wrong organisation.
			assert_noop!(c(B_ADMIN, a, 10), Error::<Test>::NotRecipient);
			assert_noop!(c(W_ADMIN, a, 10), Error::<Test>::NotRecipient);
			assert_noop!(c(A_ADMIN, a, 11), Error::<Test>::ReceivedExceedsDispatched);
			assert_ok!(c(A_ADMIN, a, 10));
		});
	}

	#[test]
	fn unconfirmed_dispatches_become_overdue() {
		test(|| {
			let (a, b) = allocated();
			assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), a));
			let sent = System::block_number();
			System::set_block_number(sent + 1);
			assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(X_ADMIN), b));
			System::set_block_number(sent + DEADLINE - 1);
			assert!(EmergencySupply::overdue_dispatches(0, None, 10).is_empty());
			assert!(!EmergencySupply::is_overdue(a));
			System::set_block_number(sent + DEADLINE);
			let overdue = EmergencySupply::overdue_dispatches(0, None, 10);
			assert_eq!(overdue.len(), 1);
			assert_eq!(
				overdue[0],
				OverdueDispatch {
					allocation: a,
					recipient: CLINIC_A,
					warehouse: WAREHOUSE,
					quantity: 10,
					dispatched_at: sent,
					overdue_since: sent + DEADLINE,
				}
			);
			assert!(EmergencySupply::is_overdue(a));
			System::set_block_number(sent + DEADLINE + 1);
			let all = EmergencySupply::overdue_dispatches(0, None, 10);
			assert_eq!(all.len(), 2);
			// Paging: one at a time, continuing after the last id seen.
			let first = EmergencySupply::overdue_dispatches(0, None, 1);
			let second = EmergencySupply::overdue_dispatches(0, Some(first[0].allocation), 1);
			assert_eq!(vec![first[0].clone(), second[0].clone()], all);
			assert!(
				EmergencySupply::overdue_dispatches(0, Some(second[0].allocation), 1).is_empty()
			);
			// Confirmed dispatches are no longer overdue.
			assert_ok!(EmergencySupply::confirm_delivery(RuntimeOrigin::signed(A_ADMIN), a, 10));
			assert_eq!(EmergencySupply::overdue_dispatches(0, None, 10).len(), 1);
			assert!(!EmergencySupply::is_overdue(a));
		});
	}
}

mod queries {
	use super::*;

	#[test]
	fn donation_trace_and_suppliers_are_paged() {
		test(|| {
			declare();
			let d = donate(MASK, 60, DonationTarget::Anywhere);
			for (admin, org) in
				[(A_ADMIN, CLINIC_A), (B_ADMIN, CLINIC_B), (C_ADMIN, CENTRE_C), (D_ADMIN, CLINIC_D)]
			{
				file(admin, org, MASK, 10, 0, Priority::Urgent);
			}
			close_round(0);
			allocate(MASK, 0);
			file(E_ADMIN, CLINIC_E, MASK, 10, 0, Priority::Urgent);
			file(A_ADMIN, CLINIC_A, MASK, 5, 0, Priority::Urgent);
			close_round(1);
			allocate(MASK, 1);
			// Six allocations from one donation; pages are capped at four.
			assert_eq!(Donations::<Test>::get(d).unwrap().allocations, 6);
			let page = EmergencySupply::donation_trace(d, 0, 100).unwrap();
			assert_eq!(page.allocations.len(), 4);
			assert_eq!(page.unallocated, 5);
			let rest = EmergencySupply::donation_trace(d, 4, 4).unwrap();
			let recipients: Vec<u32> =
				rest.allocations.iter().map(|v| v.allocation.recipient).collect();
			assert_eq!(recipients, vec![CLINIC_E, CLINIC_A]);
			assert!(EmergencySupply::donation_trace(99, 0, 4).is_none());
			// Who supplied clinic A: two allocations from the donor's donation.
			let supplies = EmergencySupply::suppliers_of(CLINIC_A, 0, 10);
			assert_eq!(supplies.len(), 2);
			assert!(supplies.iter().all(|s| s.donor == DONOR && s.allocation.donation == d));
			assert_eq!(
				supplies.iter().map(|s| s.allocation.quantity).collect::<Vec<_>>(),
				vec![10, 5]
			);
			assert_eq!(EmergencySupply::suppliers_of(CLINIC_A, 1, 10).len(), 1);
			assert!(EmergencySupply::suppliers_of(FAR_CLINIC, 0, 10).is_empty());
		});
	}

	#[test]
	fn dashboard_reads_the_counters() {
		test(|| {
			declare();
			assert!(EmergencySupply::dashboard(3).is_none());
			donate(OXYGEN, 4, DonationTarget::Region(RegionCode::new(5, 2, 0)));
			let d = pledge(OXYGEN, 6, DonationTarget::Anywhere);
			receive(d, 5);
			file(E_ADMIN, CLINIC_E, OXYGEN, 3, 0, Priority::Critical);
			file(A_ADMIN, CLINIC_A, OXYGEN, 4, 0, Priority::Critical);
			close_round(0);
			allocate(OXYGEN, 0);
			for id in allocations_to(CLINIC_A) {
				assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), id));
				assert_ok!(EmergencySupply::confirm_delivery(
					RuntimeOrigin::signed(A_ADMIN),
					id,
					4
				));
			}
			let dash = EmergencySupply::dashboard(0).unwrap();
			assert_eq!(dash.current_round, 1);
			assert_eq!(dash.current_round_closes_at, 21);
			assert_eq!(dash.items.len(), 3);
			let oxygen = &dash.items[OXYGEN as usize];
			assert_eq!(oxygen.code.to_vec(), b"O2-CONC".to_vec());
			assert_eq!(
				oxygen.totals,
				SupplyTotals {
					pledged: 10,
					received: 9,
					allocated: 7,
					dispatched: 4,
					delivered: 4,
					shortfall: 0
				}
			);
			assert_eq!(oxygen.unallocated, 2);
			assert_eq!(oxygen.regions[0].0, RegionCode::new(5, 1, 0));
			assert_eq!(oxygen.regions[0].1.delivered, 4);
			// Township 2: the targeted 4 pledged and received, 3 allocated to clinic E.
			assert_eq!(
				oxygen.regions[1].1,
				SupplyTotals { pledged: 4, received: 4, allocated: 3, ..Default::default() }
			);
		});
	}
}

mod invariants {
	use super::*;

	#[test]
	fn try_state_catches_broken_conservation() {
		new_test_ext().execute_with(|| {
			declare();
			donate(MASK, 10, DonationTarget::Anywhere);
			file(A_ADMIN, CLINIC_A, MASK, 4, 0, Priority::Urgent);
			close_round(0);
			allocate(MASK, 0);
			assert_ok!(EmergencySupply::do_try_state());
			// Units vanishing from a pool break received = allocated + unallocated.
			Pools::<Test>::mutate((0, MASK, Pool::General), |q| q[0].1 -= 1);
			assert!(EmergencySupply::do_try_state().is_err());
			Pools::<Test>::mutate((0, MASK, Pool::General), |q| q[0].1 += 1);
			assert_ok!(EmergencySupply::do_try_state());
			// A dispatch counted twice breaks allocated = dispatched + pending.
			ItemTotals::<Test>::mutate(0, MASK, |t| t.dispatched += 4);
			assert!(EmergencySupply::do_try_state().is_err());
		});
	}
}

/// The attacks of the security review of 2026-12 (H1, H2, M1, M2, M3, L4), each as the review
/// describes it, and the new calls' refusals.
mod security {
	use super::*;

	fn pledge_as(who: u64, item: ItemIndex, quantity: u64) -> DispatchResultLike {
		EmergencySupply::pledge(
			RuntimeOrigin::signed(who),
			0,
			item,
			quantity,
			DonationTarget::Anywhere,
			WAREHOUSE,
			None,
		)
	}

	type DispatchResultLike = frame_support::pallet_prelude::DispatchResult;

	/// A donation as the version 1 pallet left it: no warehouse, no deposit, counted.
	fn legacy_pledge(donor: u64, item: ItemIndex, quantity: u64) -> DonationId {
		let id = NextDonationId::<Test>::get();
		Donations::<Test>::insert(
			id,
			Donation {
				emergency: 0,
				item,
				donor,
				donor_org: None,
				target: DonationTarget::Anywhere,
				target_region: None,
				pledged: quantity,
				pledged_at: 1,
				warehouse: None,
				receipt: None,
				allocated: 0,
				allocations: 0,
			},
		);
		NextDonationId::<Test>::put(id + 1);
		ItemTotals::<Test>::mutate(0, item, |t| t.pledged += quantity);
		Emergencies::<Test>::mutate(0, |e| e.as_mut().unwrap().pledges += 1);
		DonorPledges::<Test>::mutate(0, donor, |n| *n += 1);
		id
	}

	/// H1: `pledge(e, i, u64::MAX)` for every item is refused, and the largest pledge allowed
	/// leaves room for every later one.
	#[test]
	fn h1_a_huge_pledge_cannot_block_an_item() {
		test(|| {
			declare();
			for item in [MASK, OXYGEN, VACCINE] {
				assert_noop!(pledge_as(ATTACKER, item, u64::MAX), Error::<Test>::PledgeTooLarge);
				assert_ok!(pledge_as(ATTACKER, item, MAX_PLEDGE_QUANTITY));
			}
			// Every later pledge still goes through.
			for item in [MASK, OXYGEN, VACCINE] {
				assert_ok!(pledge_as(DONOR, item, MAX_PLEDGE_QUANTITY));
				assert_ok!(pledge_as(DONOR, item, 1));
			}
			assert_eq!(ItemTotals::<Test>::get(0, MASK).pledged, 2 * MAX_PLEDGE_QUANTITY + 1);
		});
	}

	/// H1 on a chain that already holds a `u64::MAX` pledge from before the cap: the authority
	/// voids it, which undoes its totals and frees its slot; pledging works again.
	#[test]
	fn h1_the_authority_voids_a_legacy_huge_pledge() {
		test(|| {
			declare();
			let bad = legacy_pledge(ATTACKER, MASK, u64::MAX);
			assert_noop!(pledge_as(DONOR, MASK, 1), Error::<Test>::Overflow);
			assert_noop!(
				EmergencySupply::void_pledge(RuntimeOrigin::signed(DONOR), bad),
				DispatchError::BadOrigin
			);
			assert_noop!(
				EmergencySupply::void_pledge(RuntimeOrigin::root(), 99),
				Error::<Test>::UnknownDonation
			);
			assert_ok!(EmergencySupply::void_pledge(RuntimeOrigin::root(), bad));
			System::assert_last_event(
				Event::PledgeVoided { donation: bad, pledged: u64::MAX, received: 0 }.into(),
			);
			assert!(Donations::<Test>::get(bad).is_none());
			assert_eq!(ItemTotals::<Test>::get(0, MASK).pledged, 0);
			assert_eq!(Emergencies::<Test>::get(0).unwrap().pledges, 0);
			assert_eq!(DonorPledges::<Test>::get(0, ATTACKER), 0);
			assert_ok!(pledge_as(DONOR, MASK, 1));
		});
	}

	/// A wrong receipt that fed no allocation is voided with its pooled units; a donation that
	/// fed allocations cannot be voided.
	#[test]
	fn void_takes_received_units_out_and_spares_allocated_donations() {
		test(|| {
			declare();
			let kept = donate(MASK, 5, DonationTarget::Anywhere);
			let wrong = donate(MASK, 7, DonationTarget::Anywhere);
			assert_eq!(ItemTotals::<Test>::get(0, MASK).received, 12);
			assert_ok!(EmergencySupply::void_pledge(RuntimeOrigin::root(), wrong));
			System::assert_last_event(
				Event::PledgeVoided { donation: wrong, pledged: 7, received: 7 }.into(),
			);
			let t = ItemTotals::<Test>::get(0, MASK);
			assert_eq!((t.pledged, t.received), (5, 5));
			assert_eq!(Pools::<Test>::get((0, MASK, Pool::General)).into_inner(), vec![(kept, 5)]);
			file(A_ADMIN, CLINIC_A, MASK, 3, 0, Priority::Urgent);
			close_round(0);
			allocate(MASK, 0);
			assert_noop!(
				EmergencySupply::void_pledge(RuntimeOrigin::root(), kept),
				Error::<Test>::DonationAllocated
			);
		});
	}

	/// H2: a batch of one-unit pledges from one account stops at `MaxPledgesPerDonor`, each
	/// holding a deposit; real donors still pledge; the spammer's cancellations give the
	/// slots and deposits back.
	#[test]
	fn h2_one_unit_pledge_spam_is_bounded_and_paid_for() {
		test(|| {
			declare();
			let free = System::account(ATTACKER).data.free;
			for _ in 0..MAX_DONOR_PLEDGES {
				assert_ok!(pledge_as(ATTACKER, MASK, 1));
			}
			assert_noop!(pledge_as(ATTACKER, MASK, 1), Error::<Test>::TooManyDonorPledges);
			assert_noop!(pledge_as(ATTACKER, OXYGEN, 1), Error::<Test>::TooManyDonorPledges);
			assert_eq!(held(ATTACKER), PLEDGE_DEPOSIT * MAX_DONOR_PLEDGES as u64);
			assert_eq!(System::account(ATTACKER).data.free, free - PLEDGE_DEPOSIT * 6);
			// The emergency still has room for the real donor.
			let real = pledge(MASK, 500, DonationTarget::Anywhere);
			receive(real, 500);
			// A received pledge no longer counts against its donor.
			assert_eq!(DonorPledges::<Test>::get(0, DONOR), 0);
			// The spammer cancels one: slot and deposit back.
			let first = (0..NextDonationId::<Test>::get())
				.find(|d| Donations::<Test>::get(d).is_some_and(|d| d.donor == ATTACKER))
				.unwrap();
			assert_ok!(EmergencySupply::cancel_pledge(RuntimeOrigin::signed(ATTACKER), first));
			assert_eq!(held(ATTACKER), PLEDGE_DEPOSIT * (MAX_DONOR_PLEDGES as u64 - 1));
			assert_eq!(Emergencies::<Test>::get(0).unwrap().pledges, MAX_DONOR_PLEDGES);
			// An account that cannot pay the deposit cannot take a slot.
			assert!(pledge_as(77, MASK, 1).is_err());
		});
	}

	/// Cancelling works after the emergency closed, so a deposit is never stuck.
	#[test]
	fn a_pledge_is_cancelled_after_the_emergency_closed() {
		test(|| {
			let e = declare();
			let d = pledge(MASK, 5, DonationTarget::Anywhere);
			assert_ok!(EmergencySupply::close_emergency(RuntimeOrigin::root(), e));
			assert_ok!(EmergencySupply::cancel_pledge(RuntimeOrigin::signed(DONOR), d));
			assert_eq!(held(DONOR), 0);
		});
	}

	/// M1: `file_need(e, item, K, u64::MAX, 0, 1, Critical, Other)` is refused; the largest
	/// need allowed, asking Critical, is Urgent until reviewed, and takes at most its share of
	/// the pool while the other clinics are unmet.
	#[test]
	fn m1_a_self_declared_huge_critical_need_cannot_capture_the_pool() {
		test(|| {
			MaxNeedShare::set(Perbill::from_percent(50));
			declare();
			donate(MASK, 1_000, DonationTarget::Anywhere);
			let huge = |requested, people| {
				EmergencySupply::file_need(
					RuntimeOrigin::signed(A_ADMIN),
					0,
					MASK,
					CLINIC_A,
					requested,
					0,
					people,
					Priority::Critical,
					NeedReason::Other,
				)
			};
			assert_noop!(huge(u64::MAX, 1), Error::<Test>::NeedTooLarge);
			assert_noop!(huge(10, MAX_PEOPLE + 1), Error::<Test>::NeedTooLarge);
			let most = u64::from(MAX_PEOPLE) * UNITS_PER_PERSON;
			assert_ok!(huge(most, MAX_PEOPLE));
			assert_eq!(EmergencySupply::round_needs(0, MASK, 0)[0].priority, Priority::Urgent);
			file(B_ADMIN, CLINIC_B, MASK, 100, 0, Priority::Urgent);
			file(C_ADMIN, CENTRE_C, MASK, 300, 0, Priority::Urgent);
			close_round(0);
			allocate(MASK, 0);
			// Cut to 500 of 1000: B and C in full, the 100 left to A.
			assert_eq!(allocated_to(CLINIC_B, MASK), 100);
			assert_eq!(allocated_to(CENTRE_C, MASK), 300);
			assert_eq!(allocated_to(CLINIC_A, MASK), 600);
		});
	}

	/// M1: only the authority grants Critical, and only for a round not yet allocated.
	#[test]
	fn m1_only_the_authority_grants_critical() {
		test(|| {
			declare();
			let id = file(A_ADMIN, CLINIC_A, MASK, 10, 0, Priority::Urgent);
			let set = |origin, e, item, round, org| {
				EmergencySupply::set_need_priority(origin, e, item, round, org, Priority::Critical)
			};
			assert_noop!(
				set(RuntimeOrigin::signed(A_ADMIN), 0, MASK, 0, CLINIC_A),
				DispatchError::BadOrigin
			);
			assert_noop!(
				set(RuntimeOrigin::root(), 5, MASK, 0, CLINIC_A),
				Error::<Test>::UnknownEmergency
			);
			assert_noop!(
				set(RuntimeOrigin::root(), 0, 7, 0, CLINIC_A),
				Error::<Test>::ItemNotCovered
			);
			assert_noop!(
				set(RuntimeOrigin::root(), 0, MASK, 0, CLINIC_B),
				Error::<Test>::UnknownNeed
			);
			assert_ok!(set(RuntimeOrigin::root(), 0, MASK, 0, CLINIC_A));
			System::assert_last_event(
				Event::NeedPrioritySet {
					need: id,
					emergency: 0,
					item: MASK,
					round: 0,
					priority: Priority::Critical,
				}
				.into(),
			);
			assert_eq!(EmergencySupply::round_needs(0, MASK, 0)[0].priority, Priority::Critical);
			close_round(0);
			allocate(MASK, 0);
			assert_noop!(
				set(RuntimeOrigin::root(), 0, MASK, 0, CLINIC_A),
				Error::<Test>::RoundAlreadyAllocated
			);
		});
	}

	/// M2: warehouse X confirms W's donation with 0 units (to kill it) or in full (to take
	/// its dispatch): both refused; W confirms; the authority may name another warehouse.
	#[test]
	fn m2_only_the_named_warehouse_confirms_a_receipt() {
		test(|| {
			declare();
			let d = pledge(MASK, 10_000, DonationTarget::Anywhere);
			let r = |who: u64, w: u32, q: u64| {
				EmergencySupply::confirm_receipt(RuntimeOrigin::signed(who), d, w, q)
			};
			assert_noop!(r(X_ADMIN, WAREHOUSE_X, 0), Error::<Test>::NotPledgeWarehouse);
			assert_noop!(r(X_ADMIN, WAREHOUSE_X, 10_000), Error::<Test>::NotPledgeWarehouse);
			assert_noop!(r(W_ADMIN, WAREHOUSE, 0), Error::<Test>::ZeroQuantity);
			// The authority names X instead (the donor shipped there).
			let set = |origin, d, w| EmergencySupply::set_pledge_warehouse(origin, d, w);
			assert_noop!(
				set(RuntimeOrigin::signed(DONOR), d, WAREHOUSE_X),
				DispatchError::BadOrigin
			);
			assert_noop!(
				set(RuntimeOrigin::root(), 99, WAREHOUSE_X),
				Error::<Test>::UnknownDonation
			);
			assert_noop!(set(RuntimeOrigin::root(), d, NGO), Error::<Test>::NotVerifiedWarehouse);
			assert_ok!(set(RuntimeOrigin::root(), d, WAREHOUSE_X));
			System::assert_last_event(
				Event::PledgeWarehouseChanged { donation: d, warehouse: WAREHOUSE_X }.into(),
			);
			assert_noop!(r(W_ADMIN, WAREHOUSE, 10_000), Error::<Test>::NotPledgeWarehouse);
			assert_ok!(r(X_ADMIN, WAREHOUSE_X, 10_000));
			assert_noop!(set(RuntimeOrigin::root(), d, WAREHOUSE), Error::<Test>::AlreadyReceived);
			// A pledge from before storage version 2 names no warehouse: any may confirm.
			let legacy = legacy_pledge(DONOR, MASK, 4);
			assert_ok!(EmergencySupply::confirm_receipt(
				RuntimeOrigin::signed(W_ADMIN),
				legacy,
				WAREHOUSE,
				4
			));
		});
	}

	/// M3: a clinic files the same need in rounds 0 to 3, nobody allocates them, stock
	/// arrives in round 4: rounds 0 to 2 have expired, round 3 counts once, and nothing
	/// before it can run afterwards.
	#[test]
	fn m3_rounds_run_in_order_and_stale_needs_count_once() {
		test(|| {
			declare();
			for round in 0..4 {
				System::set_block_number(1 + ROUND * round + 1);
				file(A_ADMIN, CLINIC_A, MASK, 10, 0, Priority::Urgent);
			}
			close_round(3); // now in round 4
			donate(MASK, 40, DonationTarget::Anywhere);
			let a = |round| EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, MASK, round);
			for stale in 0..3 {
				assert_noop!(a(stale), Error::<Test>::RoundExpired);
			}
			assert_noop!(a(4), Error::<Test>::RoundNotClosed);
			assert_ok!(a(3));
			assert_eq!(allocated_to(CLINIC_A, MASK), 10);
			assert_eq!(NextRoundToAllocate::<Test>::get(0, MASK), 4);
			assert_noop!(a(3), Error::<Test>::RoundAlreadyAllocated);
			// Later, an earlier round is never allocated after a later one.
			close_round(4);
			assert_noop!(a(2), Error::<Test>::RoundAlreadyAllocated);
			// An empty round is refused in one cheap step, and needs no call: it is skipped.
			assert_noop!(a(4), Error::<Test>::NoNeeds);
		});
	}

	/// L4: a pending allocation of a warehouse that was then suspended is moved by the
	/// authority to a warehouse that can dispatch it; an active warehouse's only after the
	/// delivery deadline.
	#[test]
	fn l4_a_stuck_allocation_is_redirected() {
		test(|| {
			declare();
			donate(MASK, 10, DonationTarget::Anywhere);
			donate(MASK, 5, DonationTarget::Organisation(CLINIC_B));
			file(A_ADMIN, CLINIC_A, MASK, 10, 0, Priority::Urgent);
			file(B_ADMIN, CLINIC_B, MASK, 5, 0, Priority::Urgent);
			close_round(0);
			allocate(MASK, 0);
			let (to_a, to_b) = (allocations_to(CLINIC_A)[0], allocations_to(CLINIC_B)[0]);
			let redirect = |origin, id, w| EmergencySupply::redirect_allocation(origin, id, w);
			assert_noop!(
				redirect(RuntimeOrigin::signed(X_ADMIN), to_a, WAREHOUSE_X),
				DispatchError::BadOrigin
			);
			assert_noop!(
				redirect(RuntimeOrigin::root(), 99, WAREHOUSE_X),
				Error::<Test>::UnknownAllocation
			);
			// The warehouse is active and within the deadline: not stuck.
			assert_noop!(
				redirect(RuntimeOrigin::root(), to_a, WAREHOUSE_X),
				Error::<Test>::AllocationNotStuck
			);
			assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), to_b));
			assert_ok!(pallet_registry::Pallet::<Test>::suspend_organisation(
				RuntimeOrigin::root(),
				WAREHOUSE
			));
			assert_noop!(
				EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), to_a),
				Error::<Test>::NotAllocationWarehouse
			);
			assert_noop!(
				redirect(RuntimeOrigin::root(), to_a, NGO),
				Error::<Test>::NotVerifiedWarehouse
			);
			// A dispatched allocation is no longer pending.
			assert_noop!(
				redirect(RuntimeOrigin::root(), to_b, WAREHOUSE_X),
				Error::<Test>::AllocationNotStuck
			);
			assert_ok!(redirect(RuntimeOrigin::root(), to_a, WAREHOUSE_X));
			System::assert_last_event(
				Event::AllocationRedirected { allocation: to_a, from: WAREHOUSE, to: WAREHOUSE_X }
					.into(),
			);
			assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(X_ADMIN), to_a));
		});
	}

	#[test]
	fn l4_an_active_warehouse_loses_an_allocation_after_the_deadline() {
		test(|| {
			let id = ten_masks_allocated_to_a();
			let at = System::block_number();
			System::set_block_number(at + DEADLINE - 1);
			assert_noop!(
				EmergencySupply::redirect_allocation(RuntimeOrigin::root(), id, WAREHOUSE_X),
				Error::<Test>::AllocationNotStuck
			);
			System::set_block_number(at + DEADLINE);
			assert_ok!(EmergencySupply::redirect_allocation(
				RuntimeOrigin::root(),
				id,
				WAREHOUSE_X
			));
		});
	}

	/// L4: a dispatch to a clinic that was then suspended is never confirmed; past the
	/// deadline the authority closes it with what arrived.
	#[test]
	fn l4_a_stuck_dispatch_is_resolved_by_the_authority() {
		test(|| {
			let id = ten_masks_allocated_to_a();
			let resolve = |origin, id, q| EmergencySupply::resolve_dispatch(origin, id, q);
			assert_noop!(resolve(RuntimeOrigin::root(), id, 10), Error::<Test>::NotDispatched);
			assert_ok!(EmergencySupply::dispatch(RuntimeOrigin::signed(W_ADMIN), id));
			let sent = System::block_number();
			assert_ok!(pallet_registry::Pallet::<Test>::suspend_organisation(
				RuntimeOrigin::root(),
				CLINIC_A
			));
			assert_noop!(
				EmergencySupply::confirm_delivery(RuntimeOrigin::signed(A_ADMIN), id, 10),
				Error::<Test>::NotRecipient
			);
			assert_noop!(resolve(RuntimeOrigin::signed(W_ADMIN), id, 10), DispatchError::BadOrigin);
			assert_noop!(resolve(RuntimeOrigin::root(), 99, 10), Error::<Test>::UnknownAllocation);
			System::set_block_number(sent + DEADLINE - 1);
			assert_noop!(resolve(RuntimeOrigin::root(), id, 10), Error::<Test>::AllocationNotStuck);
			System::set_block_number(sent + DEADLINE);
			assert_noop!(
				resolve(RuntimeOrigin::root(), id, 11),
				Error::<Test>::ReceivedExceedsDispatched
			);
			assert_ok!(resolve(RuntimeOrigin::root(), id, 6));
			System::assert_last_event(
				Event::DeliveryConfirmed {
					allocation: id,
					recipient: CLINIC_A,
					received: 6,
					shortfall: 4,
				}
				.into(),
			);
			assert!(EmergencySupply::overdue_dispatches(0, None, 10).is_empty());
			assert_noop!(resolve(RuntimeOrigin::root(), id, 6), Error::<Test>::AlreadyConfirmed);
		});
	}

	/// The new bookkeeping is checked by `try_state`: a deposit recorded for a received pledge,
	/// or a wrong donor count, is caught.
	#[test]
	fn try_state_checks_pledge_bookkeeping() {
		new_test_ext().execute_with(|| {
			declare();
			let d = pledge(MASK, 5, DonationTarget::Anywhere);
			assert_ok!(EmergencySupply::do_try_state());
			DonorPledges::<Test>::insert(0, DONOR, 2);
			assert!(EmergencySupply::do_try_state().is_err());
			DonorPledges::<Test>::insert(0, DONOR, 1);
			Emergencies::<Test>::mutate(0, |e| e.as_mut().unwrap().pledges = 2);
			assert!(EmergencySupply::do_try_state().is_err());
			Emergencies::<Test>::mutate(0, |e| e.as_mut().unwrap().pledges = 1);
			receive(d, 5);
			PledgeDeposits::<Test>::insert(d, 1);
			assert!(EmergencySupply::do_try_state().is_err());
		});
	}
}

pub(super) mod queue {
	use super::*;
	use frame_support::{traits::Get, weights::Weight};

	fn allocate_round(round: RoundIndex) -> sp_runtime::DispatchResult {
		EmergencySupply::allocate_round(RuntimeOrigin::signed(DONOR), 0, round)
	}

	/// Runs the next block's `on_initialize`, checking that it keeps within the budget and
	/// that the invariants hold after it; returns its weight.
	fn next_block() -> Weight {
		let n = System::block_number() + 1;
		System::set_block_number(n);
		let used = EmergencySupply::on_initialize(n);
		let budget = <Test as Config>::AllocationBudget::get();
		assert!(used.all_lte(budget), "block {n} used {used:?} of {budget:?}");
		EmergencySupply::do_try_state().expect("invariants hold between blocks");
		used
	}

	/// Runs blocks until the queue is empty; returns how many it took.
	fn drain() -> u32 {
		let mut blocks = 0;
		while !RoundQueue::<Test>::get().is_empty() {
			next_block();
			blocks += 1;
			assert!(blocks < 100, "the queue never drains");
		}
		blocks
	}

	/// Round 0 with needs of masks and oxygen from three clinics, stock from several
	/// donations in the general, township and clinic pools (so allocations split across
	/// donations), and no need of vaccine.
	pub(super) fn round_with_two_items() {
		declare();
		for q in [3, 4, 2, 5] {
			donate(MASK, q, DonationTarget::Anywhere);
		}
		donate(MASK, 6, DonationTarget::Region(RegionCode::new(5, 1, 0)));
		donate(MASK, 2, DonationTarget::Organisation(CLINIC_B));
		donate(OXYGEN, 3, DonationTarget::Anywhere);
		donate(OXYGEN, 1, DonationTarget::Anywhere);
		file(A_ADMIN, CLINIC_A, MASK, 10, 1, Priority::Critical);
		file(B_ADMIN, CLINIC_B, MASK, 8, 0, Priority::Urgent);
		file(C_ADMIN, CENTRE_C, MASK, 9, 0, Priority::Routine);
		file(A_ADMIN, CLINIC_A, OXYGEN, 2, 0, Priority::Urgent);
		file(C_ADMIN, CENTRE_C, OXYGEN, 4, 0, Priority::Urgent);
		close_round(0);
	}

	/// Everything an allocation decides, to compare two ways of running it.
	#[allow(clippy::type_complexity)]
	fn outcome() -> (
		Vec<(AllocationId, AllocationOf<Test>)>,
		Vec<(DonationId, DonationOf<Test>)>,
		Vec<(EmergencyId, ItemIndex, RoundIndex, RoundNeedList<Test>)>,
		Vec<(EmergencyId, ItemIndex, SupplyTotals)>,
		Vec<(DonationId, u32, AllocationId)>,
		Vec<(u32, u32, AllocationId)>,
		usize,
	) {
		let mut allocations: Vec<_> = Allocations::<Test>::iter().collect();
		allocations.sort_by_key(|(id, _)| *id);
		let mut donations: Vec<_> = Donations::<Test>::iter().collect();
		donations.sort_by_key(|(id, _)| *id);
		let mut needs: Vec<_> =
			RoundNeeds::<Test>::iter().map(|((e, i, r), n)| (e, i, r, n)).collect();
		needs.sort_by_key(|(e, i, r, _)| (*e, *i, *r));
		let mut totals: Vec<_> = ItemTotals::<Test>::iter().collect();
		totals.sort_by_key(|(e, i, _)| (*e, *i));
		let mut traces: Vec<_> = DonationAllocations::<Test>::iter().collect();
		traces.sort();
		let mut received: Vec<_> = RecipientAllocations::<Test>::iter().collect();
		received.sort();
		(allocations, donations, needs, totals, traces, received, Pools::<Test>::iter().count())
	}

	#[test]
	fn a_queued_round_allocates_every_item_as_allocate_would() {
		let direct = {
			let mut ext = new_test_ext();
			ext.execute_with(|| {
				round_with_two_items();
				allocate(MASK, 0);
				allocate(OXYGEN, 0);
				EmergencySupply::do_try_state().unwrap();
				outcome()
			})
		};
		test(|| {
			round_with_two_items();
			assert_ok!(allocate_round(0));
			System::assert_last_event(
				Event::RoundQueued { emergency: 0, round: 0, items: 3 }.into(),
			);
			// Nothing happens in the block of the call.
			assert_eq!(NextAllocationId::<Test>::get(), 0);
			let blocks = drain();
			assert_eq!(outcome(), direct);
			assert!(direct.0.len() >= 8, "the round splits across donations");
			// Masks planned, stored; oxygen planned, stored; vaccine skipped; round done.
			assert!(blocks >= 2, "one item planned a block");
			System::assert_has_event(
				Event::QueuedItemSkipped {
					emergency: 0,
					item: VACCINE,
					round: 0,
					error: Error::<Test>::NoNeeds.into(),
				}
				.into(),
			);
			System::assert_last_event(
				Event::QueuedRoundAllocated { emergency: 0, round: 0 }.into(),
			);
			assert!(AllocationInProgress::<Test>::get().is_none());
			// The items are allocated: a call per item now finds them done.
			assert_noop!(
				EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, MASK, 0),
				Error::<Test>::RoundAlreadyAllocated
			);
		});
	}

	#[test]
	fn a_small_budget_stores_an_item_over_several_blocks() {
		let direct = {
			let mut ext = new_test_ext();
			ext.execute_with(|| {
				round_with_two_items();
				allocate(MASK, 0);
				allocate(OXYGEN, 0);
				outcome()
			})
		};
		test(|| {
			round_with_two_items();
			assert_ok!(allocate_round(0));
			next_block(); // masks planned
			let planned = AllocationInProgress::<Test>::get().expect("masks in progress");
			assert_eq!(planned.item, MASK);
			assert!(planned.planned.len() > 4);
			// From now on room for two stored allocations a block.
			let two = <Test as Config>::WeightInfo::allocate_queued_idle()
				.saturating_add(
					<<Test as frame_system::Config>::DbWeight as Get<_>>::get().reads(1),
				)
				.saturating_add(<Test as Config>::WeightInfo::allocate_queued_store(2));
			AllocationBudgetOverride::set(Some(two));
			let used = next_block();
			assert_eq!(AllocationInProgress::<Test>::get().map(|p| p.stored), Some(2));
			assert!(used.all_lte(two));
			let mut blocks = 1;
			while AllocationInProgress::<Test>::get().is_some_and(|p| p.item == MASK) {
				next_block();
				blocks += 1;
			}
			assert_eq!(blocks, planned.planned.len().div_ceil(2));
			// The rest with the full budget; the same outcome as two calls.
			AllocationBudgetOverride::set(None);
			drain();
			assert_eq!(outcome(), direct);
		});
	}

	#[test]
	fn a_budget_too_small_to_plan_waits() {
		test(|| {
			round_with_two_items();
			assert_ok!(allocate_round(0));
			AllocationBudgetOverride::set(Some(EmergencySupply::worst_plan_step_weight()));
			let used = next_block();
			// The queue and the item in progress read, nothing else.
			assert_eq!(
				used,
				<Test as Config>::WeightInfo::allocate_queued_idle()
					.saturating_add(<Test as frame_system::Config>::DbWeight::get().reads(1))
			);
			assert_eq!(RoundQueue::<Test>::get()[0].next_item, 0);
			assert_eq!(NextAllocationId::<Test>::get(), 0);
			AllocationBudgetOverride::set(None);
			drain();
		});
	}

	#[test]
	fn an_idle_block_reads_the_queue_only() {
		test(|| {
			declare();
			assert_eq!(next_block(), <Test as Config>::WeightInfo::allocate_queued_idle());
		});
	}

	#[test]
	fn an_item_allocated_on_its_own_is_skipped() {
		test(|| {
			round_with_two_items();
			allocate(OXYGEN, 0);
			let before = NextAllocationId::<Test>::get();
			assert_ok!(allocate_round(0));
			drain();
			System::assert_has_event(
				Event::QueuedItemSkipped {
					emergency: 0,
					item: OXYGEN,
					round: 0,
					error: Error::<Test>::RoundAlreadyAllocated.into(),
				}
				.into(),
			);
			assert!(NextAllocationId::<Test>::get() > before);
		});
	}

	#[test]
	fn allocate_refuses_an_item_the_queue_planned() {
		test(|| {
			round_with_two_items();
			assert_ok!(allocate_round(0));
			next_block();
			assert!(AllocationInProgress::<Test>::get().is_some());
			assert_noop!(
				EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, MASK, 0),
				Error::<Test>::RoundAlreadyAllocated
			);
			drain();
		});
	}

	#[test]
	fn a_queued_round_is_allocated_after_the_next_round_closes() {
		test(|| {
			round_with_two_items();
			assert_ok!(allocate_round(0));
			// Round 1 closes before the queue runs: round 0 was queued in time.
			close_round(1);
			assert_noop!(
				EmergencySupply::allocate(RuntimeOrigin::signed(DONOR), 0, OXYGEN, 0),
				Error::<Test>::RoundExpired
			);
			drain();
			assert!(allocated_to(CLINIC_A, MASK) > 0);
			assert!(allocated_to(CENTRE_C, OXYGEN) > 0);
		});
	}

	#[test]
	fn an_emergency_closed_while_queued_allocates_nothing_more() {
		test(|| {
			round_with_two_items();
			assert_ok!(allocate_round(0));
			assert_ok!(EmergencySupply::close_emergency(RuntimeOrigin::root(), 0));
			drain();
			assert_eq!(NextAllocationId::<Test>::get(), 0);
			System::assert_has_event(
				Event::QueuedItemSkipped {
					emergency: 0,
					item: MASK,
					round: 0,
					error: Error::<Test>::EmergencyNotOpen.into(),
				}
				.into(),
			);
		});
	}

	#[test]
	fn allocate_round_errors_change_nothing() {
		test(|| {
			round_with_two_items();
			let queue = |e: EmergencyId, round: RoundIndex| {
				EmergencySupply::allocate_round(RuntimeOrigin::signed(DONOR), e, round)
			};
			assert_noop!(queue(9, 0), Error::<Test>::UnknownEmergency);
			assert_noop!(queue(0, 1), Error::<Test>::RoundNotClosed);
			assert_noop!(
				EmergencySupply::allocate_round(RuntimeOrigin::none(), 0, 0),
				DispatchError::BadOrigin
			);
			assert_ok!(queue(0, 0));
			assert_noop!(queue(0, 0), Error::<Test>::RoundAlreadyQueued);
			close_round(1);
			assert_noop!(queue(0, 0), Error::<Test>::RoundExpired);
			drain();
		});
	}

	#[test]
	fn allocate_round_refuses_a_closed_emergency() {
		test(|| {
			round_with_two_items();
			assert_ok!(EmergencySupply::close_emergency(RuntimeOrigin::root(), 0));
			assert_noop!(allocate_round(0), Error::<Test>::EmergencyNotOpen);
		});
	}

	#[test]
	fn the_queue_is_bounded() {
		test(|| {
			let bound = <Test as Config>::MaxQueuedRounds::get();
			for _ in 0..=bound {
				declare();
			}
			close_round(0);
			for e in 0..bound {
				assert_ok!(EmergencySupply::allocate_round(RuntimeOrigin::signed(DONOR), e, 0));
			}
			assert_noop!(
				EmergencySupply::allocate_round(RuntimeOrigin::signed(DONOR), bound, 0),
				Error::<Test>::AllocationQueueFull
			);
			// Rounds without needs leave the queue as their items are skipped.
			drain();
			assert_ok!(EmergencySupply::allocate_round(RuntimeOrigin::signed(DONOR), bound, 0));
			drain();
		});
	}

	#[test]
	fn try_state_sees_a_broken_queue() {
		test(|| {
			round_with_two_items();
			assert_ok!(allocate_round(0));
			next_block();
			let good = AllocationInProgress::<Test>::get().unwrap();
			let queue = RoundQueue::<Test>::get();
			// The in-progress item with its queue gone.
			RoundQueue::<Test>::kill();
			assert!(EmergencySupply::do_try_state().is_err());
			RoundQueue::<Test>::put(queue);
			EmergencySupply::do_try_state().unwrap();
			// A planned allocation stored behind the queue's back.
			let first = good.planned[0].clone();
			Allocations::<Test>::insert(first.id, first.allocation.clone());
			assert!(EmergencySupply::do_try_state().is_err());
			Allocations::<Test>::remove(first.id);
			drain();
		});
	}
}

/// The queued allocation's blocks and the calls a round takes touch no more storage than their
/// weight charges (counted as benchmarks count; see `ruralmed_test_utils::storage_access`).
mod weights_cover_storage {
	use super::*;
	use ruralmed_test_utils::storage_access::{
		charged_accesses, count_and_name_accesses, dispatch_within_charge, unsigned_whitelist,
	};

	/// Runs the next block's `on_initialize` with its weight probed, and checks that what it
	/// touched fits in what it returned.
	fn block_within_charge() {
		let n = System::block_number() + 1;
		System::set_block_number(n);
		let whitelist = unsigned_whitelist::<AllPalletsWithSystem>();
		let mut used = frame_support::weights::Weight::zero();
		let (_, measured, touched) = count_and_name_accesses(&whitelist, || {
			charged_accesses(|| {
				used = EmergencySupply::on_initialize(n);
				used
			})
		});
		let charged = ruralmed_test_utils::storage_access::Accesses::charged_by(used);
		assert!(
			measured.fits_in(charged),
			"block {n}: touched {measured:?}, charged {charged:?}; items {touched:?}"
		);
	}

	#[test]
	fn every_queued_block_within_its_charge() {
		test(|| {
			queue::round_with_two_items();
			block_within_charge(); // idle: nothing queued
			dispatch_within_charge::<Test, AllPalletsWithSystem, _>(
				DONOR,
				Call::<Test>::allocate_round { emergency: 0, round: 0 },
			);
			while !RoundQueue::<Test>::get().is_empty() {
				block_within_charge();
			}
		});
	}

	#[test]
	fn allocate_within_its_charge() {
		test(|| {
			queue::round_with_two_items();
			dispatch_within_charge::<Test, AllPalletsWithSystem, _>(
				DONOR,
				Call::<Test>::allocate { emergency: 0, item: MASK, round: 0 },
			);
		});
	}

	fn signed(who: u64, call: Call<Test>) {
		dispatch_within_charge::<Test, AllPalletsWithSystem, _>(who, call);
	}

	fn root(call: Call<Test>) {
		ruralmed_test_utils::storage_access::root_dispatch_within_charge::<
			Test,
			AllPalletsWithSystem,
			_,
		>(call);
	}

	#[test]
	fn declaring_extending_and_closing_within_their_charges() {
		test(|| {
			let counties = (5..=8).map(|c| RegionCode::new(c, 0, 0)).collect::<Vec<_>>();
			root(Call::declare_emergency {
				name: name(),
				regions: BoundedVec::truncate_from(counties),
				items: catalogue(),
				starts_at: 1,
				sunset: 101,
				round_length: ROUND,
			});
			root(Call::extend_emergency { emergency: 0, sunset: 201 });
			root(Call::close_emergency { emergency: 0 });
		});
	}

	#[test]
	fn needs_pledges_and_receipts_within_their_charges() {
		test(|| {
			declare();
			// A practitioner acting through membership files, then files again (an update).
			let need = |requested| Call::<Test>::file_need {
				emergency: 0,
				item: MASK,
				org: CLINIC_A,
				requested,
				stock_on_hand: 1,
				people_served: 100,
				priority: Priority::Critical,
				reason: NeedReason::CaseSurge,
			};
			signed(VDOC_A, need(20));
			signed(VDOC_A, need(30));
			root(Call::set_need_priority {
				emergency: 0,
				item: MASK,
				round: 0,
				org: CLINIC_A,
				priority: Priority::Critical,
			});
			// An organisation's admin pledges for it, to one clinic.
			signed(
				NGO_ADMIN,
				Call::pledge {
					emergency: 0,
					item: MASK,
					quantity: 10,
					target: DonationTarget::Organisation(CLINIC_A),
					warehouse: WAREHOUSE,
					donor_org: Some(NGO),
				},
			);
			let first = NextDonationId::<Test>::get() - 1;
			root(Call::set_pledge_warehouse { donation: first, warehouse: WAREHOUSE_X });
			root(Call::set_pledge_warehouse { donation: first, warehouse: WAREHOUSE });
			// The warehouse's practitioner confirms it.
			signed(
				WORKER,
				Call::confirm_receipt { donation: first, warehouse: WAREHOUSE, quantity: 10 },
			);
			// A second pledge cancelled by its donor, a third received and voided.
			let second = pledge(MASK, 4, DonationTarget::Anywhere);
			signed(DONOR, Call::cancel_pledge { donation: second });
			let third = donate(MASK, 6, DonationTarget::Region(RegionCode::new(5, 1, 0)));
			root(Call::void_pledge { donation: third });
			// A pledge not received, voided: its deposit goes back to its donor.
			let fourth = pledge(MASK, 3, DonationTarget::Anywhere);
			root(Call::void_pledge { donation: fourth });
		});
	}

	#[test]
	fn dispatch_delivery_and_corrections_within_their_charges() {
		test(|| {
			declare();
			donate(MASK, 10, DonationTarget::Anywhere);
			donate(MASK, 5, DonationTarget::Anywhere);
			file(A_ADMIN, CLINIC_A, MASK, 8, 0, Priority::Urgent);
			file(B_ADMIN, CLINIC_B, MASK, 7, 0, Priority::Urgent);
			close_round(0);
			allocate(MASK, 0);
			let to_a = allocations_to(CLINIC_A)[0];
			let to_b = allocations_to(CLINIC_B)[0];
			// Sent by the warehouse's practitioner; confirmed short by the clinic's doctor.
			signed(WORKER, Call::dispatch { allocation: to_a });
			signed(VDOC_A, Call::confirm_delivery { allocation: to_a, received: 6 });
			// Clinic B's: sent, then the clinic is suspended and the authority closes it.
			signed(WORKER, Call::dispatch { allocation: to_b });
			let sent = System::block_number();
			assert_ok!(pallet_registry::Pallet::<Test>::suspend_organisation(
				RuntimeOrigin::root(),
				CLINIC_B
			));
			System::set_block_number(sent + DEADLINE);
			root(Call::resolve_dispatch { allocation: to_b, received: 1 });
		});
	}

	#[test]
	fn a_stuck_allocation_redirected_within_its_charge() {
		test(|| {
			let id = ten_masks_allocated_to_a();
			assert_ok!(pallet_registry::Pallet::<Test>::suspend_organisation(
				RuntimeOrigin::root(),
				WAREHOUSE
			));
			root(Call::redirect_allocation { allocation: id, warehouse: WAREHOUSE_X });
		});
	}
}
