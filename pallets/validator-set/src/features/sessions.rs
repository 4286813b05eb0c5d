//! What `pallet-session` asks this pallet: when a session ends, and which validators to queue.

use crate::*;
use frame_support::traits::{EstimateNextSessionRotation, Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	Permill,
};

impl<T: Config> Pallet<T> {
	/// Blocks since the current session began (0 at its first block).
	fn blocks_into_session(now: BlockNumberFor<T>) -> (BlockNumberFor<T>, BlockNumberFor<T>) {
		let length = SessionLength::<T>::get().max(One::one());
		(now % length, length)
	}
}

impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		Self::blocks_into_session(now).0.is_zero()
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}

	fn estimate_current_session_progress(
		now: BlockNumberFor<T>,
	) -> (Option<Permill>, frame_support::weights::Weight) {
		let (into, length) = Self::blocks_into_session(now);
		// A session's last block is its progress's 100 %.
		let done = into.saturating_add(One::one());
		(Some(Permill::from_rational(done, length)), T::DbWeight::get().reads(1))
	}

	fn estimate_next_session_rotation(
		now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, frame_support::weights::Weight) {
		let (into, length) = Self::blocks_into_session(now);
		let next = if into.is_zero() { now } else { now.saturating_add(length - into) };
		(Some(next), T::DbWeight::get().reads(1))
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	/// The council's set, only when it changed since the last time (`None` keeps the set).
	fn new_session(new_index: u32) -> Option<alloc::vec::Vec<T::AccountId>> {
		if !SetChanged::<T>::take() {
			return None;
		}
		let validators = Validators::<T>::get().into_inner();
		log::info!(
			target: "runtime::validator-set",
			"queueing {} validators for session {new_index}",
			validators.len()
		);
		Self::deposit_event(Event::ValidatorSetQueued {
			session: new_index,
			validators: validators.len() as u32,
		});
		Some(validators)
	}

	fn new_session_genesis(_new_index: u32) -> Option<alloc::vec::Vec<T::AccountId>> {
		Some(Validators::<T>::get().into_inner())
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {}
}
