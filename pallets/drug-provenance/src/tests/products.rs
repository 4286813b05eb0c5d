//! Products: registration by a manufacturer under a valid GTIN.

use super::*;
use frame_support::assert_noop;
use sp_runtime::BuildStorage;

#[test]
fn gtin_check_digits() {
	// GS1's own example (GTIN-13 4006381333931) in 14-digit form, and ours.
	assert!(Gtin(*b"04006381333931").is_valid());
	assert!(Gtin(AMOXICILLIN).is_valid());
	assert!(Gtin(VACCINE).is_valid());
	assert!(!Gtin(*b"04006381333932").is_valid());
	assert!(!Gtin(*b"0400638133393A").is_valid());
	assert!(!Gtin(*b"04006381 33931").is_valid());
}

#[test]
fn gs1_text_rules() {
	assert!(is_gs1_text(b"AMX-001/B"));
	assert!(!is_gs1_text(b""));
	assert!(!is_gs1_text(b"A B"));
	assert!(!is_gs1_text(b"A\"B"));
}

#[test]
fn a_manufacturer_registers_a_product() {
	test(|| {
		register_products();
		let product = Products::<Test>::get(Gtin(AMOXICILLIN)).unwrap();
		assert_eq!(product.manufacturer, MAKER);
		assert_eq!(product.lots, 0);
		System::assert_last_event(
			Event::ProductRegistered { gtin: Gtin(VACCINE), manufacturer: MAKER }.into(),
		);
	});
}

#[test]
fn registration_refusals() {
	test(|| {
		let register = |who: u64, org: u32, gtin: [u8; 14], name: &[u8], storage| {
			DrugProvenance::register_product(
				RuntimeOrigin::signed(who),
				org,
				Gtin(gtin),
				bounded(name),
				DosageForm::Tablet,
				bounded(b"1 mg"),
				storage,
			)
		};
		assert_noop!(
			register(NOBODY, MAKER, AMOXICILLIN, b"X", StorageCondition::Ambient),
			Error::<Test>::NotActingForOrganisation
		);
		assert_noop!(
			register(DISTRIBUTOR_ADMIN, DISTRIBUTOR, AMOXICILLIN, b"X", StorageCondition::Ambient),
			Error::<Test>::NotManufacturer
		);
		assert_noop!(
			register(MAKER_ADMIN, MAKER, *b"06901234567893", b"X", StorageCondition::Ambient),
			Error::<Test>::InvalidGtin
		);
		assert_noop!(
			register(MAKER_ADMIN, MAKER, AMOXICILLIN, b"", StorageCondition::Ambient),
			Error::<Test>::InvalidName
		);
		assert_noop!(
			register(
				MAKER_ADMIN,
				MAKER,
				AMOXICILLIN,
				b"X",
				StorageCondition::ColdChain { min_decicelsius: 80, max_decicelsius: 20 }
			),
			Error::<Test>::InvalidTemperatureRange
		);
		assert_ok!(register(MAKER_ADMIN, MAKER, AMOXICILLIN, b"X", StorageCondition::Ambient));
		// The GTIN is taken.
		assert_noop!(
			register(MAKER_ADMIN, MAKER, AMOXICILLIN, b"Y", StorageCondition::Ambient),
			Error::<Test>::ProductExists
		);
	});
}

#[test]
fn genesis_registers_products_and_lots_held_by_their_maker() {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_registry::GenesisConfig::<Test> {
		organisations: vec![(
			1,
			ruralmed_primitives::OrganisationKind::Manufacturer,
			b"Maker".to_vec(),
			ruralmed_primitives::RegionCode::new(5, 0, 0),
			true,
		)],
		practitioners: vec![],
		encryption_keys: vec![],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	crate::GenesisConfig::<Test> {
		company_prefixes: vec![(MAKER, MAKER_PREFIX.to_vec())],
		products: vec![(
			MAKER,
			Gtin(VACCINE),
			b"MR vaccine".to_vec(),
			DosageForm::Vaccine,
			b"10 doses".to_vec(),
			COLD,
		)],
		lots: vec![(Gtin(VACCINE), b"MR-G1".to_vec(), TODAY - 10, TODAY + 700, 500)],
		_phantom: Default::default(),
	}
	.assimilate_storage(&mut t)
	.unwrap();
	sp_io::TestExternalities::new(t).execute_with(|| {
		assert_eq!(Products::<Test>::get(Gtin(VACCINE)).unwrap().lots, 1);
		assert_eq!(Holdings::<Test>::get(0, MAKER), 500);
		assert_eq!(Lots::<Test>::get(0).unwrap().events, 1);
		// Genesis has no time: the commissioning event says 0 rather than asking the clock.
		assert_eq!(CustodyEvents::<Test>::get(0, 0).unwrap().at_time, 0);
		assert_eq!(DrugProvenance::prefix_owner(&Gtin(VACCINE)), Some(MAKER));
		crate::Pallet::<Test>::do_try_state().expect("genesis state is consistent");
	});
}

#[test]
fn company_prefixes_follow_the_indicator_digit() {
	let gtin = Gtin(AMOXICILLIN);
	assert_eq!(gtin.company_prefix(9), Some(&b"690123456"[..]));
	assert_eq!(gtin.company_prefix(6), Some(&b"690123"[..]));
	assert_eq!(gtin.company_prefix(5), None);
	assert_eq!(gtin.company_prefix(12), None);
	assert!(is_company_prefix(b"690123"));
	assert!(is_company_prefix(b"69012345678"));
	assert!(!is_company_prefix(b"69012"));
	assert!(!is_company_prefix(b"690123456789"));
	assert!(!is_company_prefix(b"69O123"));
}

fn prefix(text: &[u8]) -> CompanyPrefix {
	bounded(text)
}

/// M4: before, any active manufacturer registered any valid GTIN, e.g. the other maker the
/// demo maker's amoxicillin, whose lots then verified `Genuine`.
#[test]
fn m4_a_manufacturer_cannot_squat_another_makers_gtin() {
	test(|| {
		let register = |who: u64, org: u32, gtin: [u8; 14]| {
			DrugProvenance::register_product(
				RuntimeOrigin::signed(who),
				org,
				Gtin(gtin),
				bounded(b"Amoxicillin"),
				DosageForm::Capsule,
				bounded(b"500 mg"),
				StorageCondition::Ambient,
			)
		};
		assert_noop!(
			register(OTHER_MAKER_ADMIN, OTHER_MAKER, AMOXICILLIN),
			Error::<Test>::GtinNotInCompanyPrefix
		);
		// A GTIN under no assigned prefix is nobody's.
		assert_noop!(
			register(MAKER_ADMIN, MAKER, *b"09999999999994"),
			Error::<Test>::GtinNotInCompanyPrefix
		);
		// The other maker registers under its own prefix (GS1's example GTIN).
		assert_ok!(register(OTHER_MAKER_ADMIN, OTHER_MAKER, *b"04006381333931"));
		// A longer prefix assigned to someone else carves its range out of a shorter one.
		assert_ok!(DrugProvenance::assign_company_prefix(
			RuntimeOrigin::root(),
			OTHER_MAKER,
			prefix(b"6901234567")
		));
		assert_noop!(
			register(MAKER_ADMIN, MAKER, AMOXICILLIN),
			Error::<Test>::GtinNotInCompanyPrefix
		);
		assert_ok!(register(OTHER_MAKER_ADMIN, OTHER_MAKER, AMOXICILLIN));
	});
}

#[test]
fn the_authority_assigns_and_removes_prefixes() {
	test(|| {
		let assign = |org: u32, p: &[u8]| {
			DrugProvenance::assign_company_prefix(RuntimeOrigin::root(), org, prefix(p))
		};
		assert_noop!(
			DrugProvenance::assign_company_prefix(
				RuntimeOrigin::signed(MAKER_ADMIN),
				MAKER,
				prefix(b"123456")
			),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(assign(DISTRIBUTOR, b"123456"), Error::<Test>::NotManufacturer);
		assert_noop!(assign(MAKER, b"12345"), Error::<Test>::InvalidCompanyPrefix);
		assert_noop!(assign(MAKER, b"12345A"), Error::<Test>::InvalidCompanyPrefix);
		assert_noop!(assign(OTHER_MAKER, MAKER_PREFIX), Error::<Test>::PrefixTaken);
		assert_ok!(assign(MAKER, b"123456"));
		System::assert_last_event(
			Event::CompanyPrefixAssigned { org: MAKER, prefix: prefix(b"123456") }.into(),
		);
		// The mock allows two prefixes per maker.
		assert_noop!(assign(MAKER, b"654321"), Error::<Test>::TooManyPrefixes);
		assert_noop!(
			DrugProvenance::remove_company_prefix(RuntimeOrigin::root(), prefix(b"777777")),
			Error::<Test>::UnknownPrefix
		);
		assert_noop!(
			DrugProvenance::remove_company_prefix(
				RuntimeOrigin::signed(MAKER_ADMIN),
				prefix(b"123456")
			),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(DrugProvenance::remove_company_prefix(RuntimeOrigin::root(), prefix(b"123456")));
		System::assert_last_event(
			Event::CompanyPrefixRemoved { org: MAKER, prefix: prefix(b"123456") }.into(),
		);
		assert_eq!(CompanyPrefixes::<Test>::get(MAKER).into_inner(), vec![prefix(MAKER_PREFIX)]);
		assert_ok!(DrugProvenance::remove_company_prefix(
			RuntimeOrigin::root(),
			prefix(MAKER_PREFIX)
		));
		assert!(!CompanyPrefixes::<Test>::contains_key(MAKER));
		assert_noop!(
			DrugProvenance::register_product(
				RuntimeOrigin::signed(MAKER_ADMIN),
				MAKER,
				Gtin(AMOXICILLIN),
				bounded(b"Amoxicillin"),
				DosageForm::Capsule,
				bounded(b"500 mg"),
				StorageCondition::Ambient,
			),
			Error::<Test>::GtinNotInCompanyPrefix
		);
	});
}

/// M4's remedy: the authority moves a squatted product to its rightful maker, or retires it.
#[test]
fn the_authority_reassigns_and_retires_products() {
	test(|| {
		register_products();
		let lot = commission(AMOXICILLIN, "AMX-001", 10, false);
		assert_noop!(
			DrugProvenance::reassign_product(
				RuntimeOrigin::signed(OTHER_MAKER_ADMIN),
				Gtin(AMOXICILLIN),
				OTHER_MAKER
			),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			DrugProvenance::reassign_product(
				RuntimeOrigin::root(),
				Gtin(*b"04006381333931"),
				MAKER
			),
			Error::<Test>::UnknownProduct
		);
		assert_noop!(
			DrugProvenance::reassign_product(RuntimeOrigin::root(), Gtin(AMOXICILLIN), PHARMACY),
			Error::<Test>::NotManufacturer
		);
		assert_noop!(
			DrugProvenance::reassign_product(RuntimeOrigin::root(), Gtin(AMOXICILLIN), MAKER),
			Error::<Test>::SameManufacturer
		);
		assert_ok!(DrugProvenance::reassign_product(
			RuntimeOrigin::root(),
			Gtin(AMOXICILLIN),
			OTHER_MAKER
		));
		System::assert_last_event(
			Event::ProductReassigned { gtin: Gtin(AMOXICILLIN), from: MAKER, to: OTHER_MAKER }
				.into(),
		);
		// New lots are the new maker's; the old lot stays its commissioning maker's.
		assert_noop!(
			DrugProvenance::commission_lot(
				RuntimeOrigin::signed(MAKER_ADMIN),
				Gtin(AMOXICILLIN),
				lot_number("AMX-002"),
				TODAY - 1,
				TODAY + 700,
				10,
				false
			),
			Error::<Test>::NotManufacturer
		);
		assert_ok!(DrugProvenance::commission_lot(
			RuntimeOrigin::signed(OTHER_MAKER_ADMIN),
			Gtin(AMOXICILLIN),
			lot_number("AMX-002"),
			TODAY - 1,
			TODAY + 700,
			10,
			false
		));
		assert_eq!(Lots::<Test>::get(lot).unwrap().manufacturer, MAKER);
		// Retired: no new lots.
		assert_noop!(
			DrugProvenance::retire_product(RuntimeOrigin::signed(OTHER_MAKER_ADMIN), Gtin(VACCINE)),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			DrugProvenance::retire_product(RuntimeOrigin::root(), Gtin(*b"04006381333931")),
			Error::<Test>::UnknownProduct
		);
		assert_ok!(DrugProvenance::retire_product(RuntimeOrigin::root(), Gtin(VACCINE)));
		System::assert_last_event(Event::ProductRetired { gtin: Gtin(VACCINE) }.into());
		assert_noop!(
			DrugProvenance::retire_product(RuntimeOrigin::root(), Gtin(VACCINE)),
			Error::<Test>::ProductRetired
		);
		assert_noop!(
			DrugProvenance::commission_lot(
				RuntimeOrigin::signed(MAKER_ADMIN),
				Gtin(VACCINE),
				lot_number("MR-9"),
				TODAY - 1,
				TODAY + 700,
				10,
				false
			),
			Error::<Test>::ProductRetired
		);
	});
}
