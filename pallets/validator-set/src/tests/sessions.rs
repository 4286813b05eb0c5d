//! The set reaching `pallet-session`'s authorities, and the session clock.

use super::*;
use frame_support::traits::EstimateNextSessionRotation;
use pallet_session::ShouldEndSession;
use sp_runtime::Permill;

#[test]
fn an_added_validator_becomes_an_authority_two_sessions_later() {
	test(|| {
		register_keys(HOSPITAL, 40);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), HOSPITAL));
		let session = Session::current_index();

		next_session();
		// Queued at the end of the session the motion passed in, not yet an authority.
		assert_eq!(Session::current_index(), session + 1);
		assert!(!SetChanged::<Test>::get());
		System::assert_has_event(
			Event::ValidatorSetQueued { session: session + 2, validators: 4 }.into(),
		);
		assert_eq!(authorities(), GENESIS.to_vec());
		assert!(Session::queued_keys().iter().any(|(v, _)| *v == HOSPITAL));

		next_session();
		assert_eq!(authorities(), vec![1, 2, 3, HOSPITAL]);
	});
}

#[test]
fn a_removed_validator_stops_being_an_authority_two_sessions_later() {
	test(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
		next_session();
		assert_eq!(authorities(), GENESIS.to_vec());
		next_session();
		assert_eq!(authorities(), vec![1, 3]);
	});
}

#[test]
fn an_unchanged_set_is_not_queued_again() {
	test(|| {
		next_session();
		next_session();
		assert!(System::events().iter().all(|record| !matches!(
			record.event,
			RuntimeEvent::ValidatorSet(Event::ValidatorSetQueued { .. })
		)));
		assert_eq!(authorities(), GENESIS.to_vec());
	});
}

#[test]
fn rotated_keys_take_effect_two_sessions_later() {
	test(|| {
		register_keys(2, 20);
		next_session();
		next_session();
		let current: Vec<_> =
			Session::queued_keys().into_iter().map(|(v, k)| (v, k.dummy.0)).collect();
		assert_eq!(current, vec![(1, 1), (2, 20), (3, 3)]);
		assert_eq!(authorities(), GENESIS.to_vec());
	});
}

#[test]
fn sessions_end_at_multiples_of_the_length() {
	test(|| {
		let ends: Vec<u64> = (1..=12).filter(|&n| ValidatorSet::should_end_session(n)).collect();
		assert_eq!(ends, vec![5, 10]);
		assert_eq!(ValidatorSet::average_session_length(), SESSION_LENGTH);
		assert_eq!(ValidatorSet::estimate_next_session_rotation(7).0, Some(10));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(10).0, Some(10));
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(7).0,
			Some(Permill::from_percent(60))
		);
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(9).0,
			Some(Permill::from_percent(100))
		);
		run_to_block(12);
		assert_eq!(Session::current_index(), 2);
	});
}

#[test]
fn a_new_session_length_applies_from_the_next_multiple() {
	test(|| {
		run_to_block(6);
		assert_ok!(ValidatorSet::set_session_length(RuntimeOrigin::root(), 4));
		run_to_block(12);
		// Sessions ended at 5 (old length), then 8 and 12 (new length).
		assert_eq!(Session::current_index(), 3);
	});
}
