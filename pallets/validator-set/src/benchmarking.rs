//! Benchmarks of every validator-set call, in the `#[benchmarks]` (v2) syntax, each at its worst
//! case: the fullest set the call can meet, the council's real origin.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};

/// Fills the set with `n` validators.
fn set_of<T: Config>(n: u32) {
	let mut validators: alloc::vec::Vec<T::AccountId> =
		(0..n).map(|i| account("validator", i, 0)).collect();
	validators.sort();
	Validators::<T>::put(BoundedVec::truncate_from(validators));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// One place left in the set, filled by a validator with keys.
	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::ManagerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		set_of::<T>(T::MaxValidators::get() - 1);
		let hospital: T::AccountId = account("hospital", 0, 0);
		T::BenchmarkHelper::register_keys(&hospital);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hospital.clone());

		assert!(Validators::<T>::get().contains(&hospital));
		assert_eq!(Validators::<T>::get().len() as u32, T::MaxValidators::get());
		Ok(())
	}

	/// A validator removed from a full set.
	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::ManagerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		set_of::<T>(T::MaxValidators::get());
		let leaving: T::AccountId = account("validator", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaving.clone());

		assert!(!Validators::<T>::get().contains(&leaving));
		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let origin =
			T::ManagerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let blocks = T::MaxSessionLength::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);

		assert_eq!(SessionLength::<T>::get(), blocks);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
