//! Invariants of the validator set, checked by `try_state` and after every unit test.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - the set is sorted without duplicates;
	/// - the session length lies within its bounds.
	///
	/// (A validator may purge its session keys after it was added; `pallet-session` then
	/// leaves it out of the authorities, so keys are checked when adding, not here.)
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::{ensure, traits::Get};
		let validators = Validators::<T>::get();
		ensure!(
			validators.windows(2).all(|pair| pair[0] < pair[1]),
			"validators not sorted or listed twice"
		);
		let length = SessionLength::<T>::get();
		ensure!(
			T::MinSessionLength::get() <= length && length <= T::MaxSessionLength::get(),
			"session length out of bounds"
		);
		Ok(())
	}
}
