//! Free calls: a registered patient's own calls cost no fee, up to
//! [`Config::FreeCallsPerPeriod`] per [`Config::FreeCallPeriod`]
//! ([`FreePatientCalls`](crate::FreePatientCalls) applies this in the transaction pipeline).

use crate::*;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

/// Why a call is not free.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NotFree {
	/// The signer is not a registered patient: the call is paid as usual.
	NotPatient,
	/// The patient used up this period's free calls: the call is refused.
	Exhausted,
}

impl<T: Config> Pallet<T> {
	/// Whether `who` is a registered patient.
	pub fn is_patient(who: &T::AccountId) -> bool {
		Patients::<T>::contains_key(who)
	}

	/// The patient's usage after a free call costing `cost` (at least one) now, if it may be
	/// free. Reads only; [`Pallet::note_free_call`] stores the result once the call is
	/// included.
	pub fn free_call_usage(
		who: &T::AccountId,
		cost: u32,
	) -> Result<FreeCallUsage<BlockNumberFor<T>>, NotFree> {
		if !Self::is_patient(who) {
			return Err(NotFree::NotPatient);
		}
		Self::usage_after(who, cost)
	}

	/// [`Pallet::free_call_usage`] for a signer already known to be a patient (the transaction
	/// extension checks that first, before working out the call's cost).
	pub(crate) fn usage_after(
		who: &T::AccountId,
		cost: u32,
	) -> Result<FreeCallUsage<BlockNumberFor<T>>, NotFree> {
		let now = frame_system::Pallet::<T>::block_number();
		let usage = FreeCallsUsed::<T>::get(who)
			.filter(|u| now < u.period_start.saturating_add(T::FreeCallPeriod::get()))
			.unwrap_or(FreeCallUsage { period_start: now, used: 0 });
		let used = usage.used.saturating_add(cost.max(1));
		if used > T::FreeCallsPerPeriod::get() {
			return Err(NotFree::Exhausted);
		}
		Ok(FreeCallUsage { used, ..usage })
	}

	/// Stores a patient's usage after a free call.
	pub fn note_free_call(who: &T::AccountId, usage: FreeCallUsage<BlockNumberFor<T>>) {
		FreeCallsUsed::<T>::insert(who, usage);
	}
}
