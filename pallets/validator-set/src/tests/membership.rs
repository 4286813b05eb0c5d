//! Adding and removing validators, setting the session length: every refusal changes nothing.

use super::*;

#[test]
fn genesis_sets_the_validators_and_the_session() {
	test(|| {
		assert_eq!(Validators::<Test>::get().into_inner(), GENESIS.to_vec());
		assert_eq!(authorities(), GENESIS.to_vec());
		assert_eq!(SessionLength::<Test>::get(), SESSION_LENGTH);
		assert!(!SetChanged::<Test>::get());
	});
}

#[test]
fn the_council_adds_a_validator_with_keys() {
	test(|| {
		register_keys(HOSPITAL, 40);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), HOSPITAL));
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 3, HOSPITAL]);
		assert!(SetChanged::<Test>::get());
		System::assert_last_event(
			Event::ValidatorAdded { validator: HOSPITAL, validators: 4 }.into(),
		);
	});
}

#[test]
fn added_validators_stay_sorted() {
	test(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		register_keys(1, 10);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 1));
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 3]);
	});
}

#[test]
fn add_validator_refuses_any_origin_but_the_council() {
	test(|| {
		register_keys(HOSPITAL, 40);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(HOSPITAL), HOSPITAL),
			DispatchError::BadOrigin
		);
		assert!(!SetChanged::<Test>::get());
	});
}

#[test]
fn add_validator_refuses_a_validator_already_in_the_set() {
	test(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::AlreadyValidator
		);
	});
}

#[test]
fn add_validator_refuses_an_account_without_session_keys() {
	test(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), HOSPITAL),
			Error::<Test>::NoSessionKeys
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), NOBODY),
			Error::<Test>::NoSessionKeys
		);
	});
}

#[test]
fn add_validator_refuses_beyond_max_validators() {
	test(|| {
		register_keys(HOSPITAL, 40);
		register_keys(CLINIC, 50);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), HOSPITAL));
		assert_eq!(Validators::<Test>::get().len() as u32, MAX_VALIDATORS);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), CLINIC),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn the_council_removes_a_validator() {
	test(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 3]);
		assert!(SetChanged::<Test>::get());
		System::assert_last_event(Event::ValidatorRemoved { validator: 2, validators: 2 }.into());
		// Its keys stay registered: its operator purges them.
		assert!(pallet_session::NextKeys::<Test>::contains_key(2));
	});
}

#[test]
fn remove_validator_refuses_any_origin_but_the_council() {
	test(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(2), 2),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn remove_validator_refuses_an_account_not_in_the_set() {
	test(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), HOSPITAL),
			Error::<Test>::NotValidator
		);
	});
}

#[test]
fn remove_validator_refuses_to_go_below_min_validators() {
	test(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		assert_eq!(Validators::<Test>::get().len() as u32, MIN_VALIDATORS);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::TooFewValidators
		);
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2]);
	});
}

#[test]
fn the_council_sets_the_session_length() {
	test(|| {
		assert_ok!(ValidatorSet::set_session_length(RuntimeOrigin::root(), 100));
		assert_eq!(SessionLength::<Test>::get(), 100);
		System::assert_last_event(Event::SessionLengthSet { blocks: 100 }.into());
		assert_ok!(ValidatorSet::set_session_length(RuntimeOrigin::root(), 2));
		assert_eq!(SessionLength::<Test>::get(), 2);
	});
}

#[test]
fn set_session_length_refuses_lengths_out_of_range_and_other_origins() {
	test(|| {
		for blocks in [0, 1, 101, u64::MAX] {
			assert_noop!(
				ValidatorSet::set_session_length(RuntimeOrigin::root(), blocks),
				Error::<Test>::SessionLengthOutOfRange
			);
		}
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::signed(1), 10),
			DispatchError::BadOrigin
		);
		assert_eq!(SessionLength::<Test>::get(), SESSION_LENGTH);
	});
}

#[test]
fn a_genesis_session_length_is_stored() {
	use sp_runtime::BuildStorage;
	let mut ext: sp_io::TestExternalities = RuntimeGenesisConfig {
		validator_set: crate::GenesisConfig { validators: vec![1], session_length: Some(7) },
		..Default::default()
	}
	.build_storage()
	.expect("genesis builds")
	.into();
	ext.execute_with(|| {
		assert_eq!(SessionLength::<Test>::get(), 7);
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1]);
	});
}

#[test]
fn genesis_sorts_the_validators() {
	let mut ext: sp_io::TestExternalities = genesis_of(vec![3, 1, 2]).into();
	ext.execute_with(|| assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 3]));
}

#[test]
#[should_panic(expected = "a genesis validator is listed twice")]
fn genesis_refuses_a_validator_listed_twice() {
	genesis_of(vec![1, 2, 1]);
}

#[test]
#[should_panic(expected = "more genesis validators than MaxValidators")]
fn genesis_refuses_more_than_max_validators() {
	genesis_of((1..=MAX_VALIDATORS as u64 + 1).collect());
}
