//! The council's changes to the set, and the set at genesis.

use crate::*;
use frame_support::{
	dispatch::DispatchResult,
	ensure,
	traits::{Get, ValidatorRegistration},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Adds `validator`, keeping the list sorted, and marks the set changed.
	pub fn do_add_validator(validator: T::AccountId) -> DispatchResult {
		let mut validators = Validators::<T>::get();
		let place = match validators.binary_search(&validator) {
			Ok(_) => return Err(Error::<T>::AlreadyValidator.into()),
			Err(place) => place,
		};
		ensure!(T::KeysRegistered::is_registered(&validator), Error::<T>::NoSessionKeys);
		validators
			.try_insert(place, validator.clone())
			.map_err(|_| Error::<T>::TooManyValidators)?;
		let count = validators.len() as u32;
		Validators::<T>::put(validators);
		SetChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorAdded { validator, validators: count });
		Ok(())
	}

	/// Removes `validator` unless that leaves fewer than `MinValidators`, and marks the set
	/// changed.
	pub fn do_remove_validator(validator: T::AccountId) -> DispatchResult {
		let mut validators = Validators::<T>::get();
		let place = validators.binary_search(&validator).map_err(|_| Error::<T>::NotValidator)?;
		ensure!(validators.len() as u32 > T::MinValidators::get(), Error::<T>::TooFewValidators);
		validators.remove(place);
		let count = validators.len() as u32;
		Validators::<T>::put(validators);
		SetChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorRemoved { validator, validators: count });
		Ok(())
	}

	/// Sets the session length, within the configured bounds.
	pub fn do_set_session_length(blocks: BlockNumberFor<T>) -> DispatchResult {
		ensure!(
			T::MinSessionLength::get() <= blocks && blocks <= T::MaxSessionLength::get(),
			Error::<T>::SessionLengthOutOfRange
		);
		SessionLength::<T>::put(blocks);
		Self::deposit_event(Event::SessionLengthSet { blocks });
		Ok(())
	}

	/// The genesis set (sorted, without duplicates) and session length. A chain spec that
	/// breaks the bounds cannot start, so this refuses it loudly.
	pub(crate) fn build_genesis(
		validators: &[T::AccountId],
		session_length: Option<BlockNumberFor<T>>,
	) {
		let mut sorted = validators.to_vec();
		sorted.sort();
		sorted.dedup();
		assert_eq!(sorted.len(), validators.len(), "a genesis validator is listed twice");
		let bounded: BoundedVec<_, T::MaxValidators> =
			sorted.try_into().expect("more genesis validators than MaxValidators");
		Validators::<T>::put(bounded);
		if let Some(blocks) = session_length {
			Self::do_set_session_length(blocks)
				.expect("the genesis session length is outside Min..=MaxSessionLength");
		}
	}
}
