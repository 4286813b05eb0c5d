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
		// The GTIN is taken, even for another manufacturer.
		assert_noop!(
			register(OTHER_MAKER_ADMIN, OTHER_MAKER, AMOXICILLIN, b"Y", StorageCondition::Ambient),
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
		crate::Pallet::<Test>::do_try_state().expect("genesis state is consistent");
	});
}
