//! Unit tests of the validator set: every call, every error, the set reaching the session's
//! authorities, and the invariants after each test.

use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

mod membership;
mod sessions;
mod weights_cover_storage;

/// `who` registers session key `n` through `pallet-session`, as a hospital's operator does.
fn register_keys(who: u64, n: u64) {
	assert_ok!(Session::set_keys(RuntimeOrigin::signed(who), keys(n), proof(n, who)));
}

/// The validators `pallet-session` has made the authorities.
fn authorities() -> Vec<u64> {
	pallet_session::Validators::<Test>::get()
}
