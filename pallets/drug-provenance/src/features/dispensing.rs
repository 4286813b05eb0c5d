//! Dispensing: packs leave the supply chain for a patient.

use crate::*;
use frame_support::ensure;
use ruralmed_primitives::{
	Happening, OrganisationId, OrganisationKind, PractitionerDirectory, StatisticsSink,
};
use sp_core::H256;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	/// Whether organisations of `kind` hand drugs to patients.
	pub fn dispenses(kind: OrganisationKind) -> bool {
		matches!(
			kind,
			OrganisationKind::Pharmacy
				| OrganisationKind::VillageClinic
				| OrganisationKind::TownshipHealthCentre
				| OrganisationKind::CountyHospital
		)
	}

	/// Dispenses packs from `org`'s stock. The patient is not named: at most the dispenser's
	/// opaque `commitment` is stored, which the chain cannot check and nobody without the
	/// salt can link to a patient, so there is no patient record link to forge either.
	pub(crate) fn do_dispense(
		who: &T::AccountId,
		id: LotId,
		org: OrganisationId,
		quantity: u32,
		serials: SerialList,
		commitment: Option<H256>,
	) -> Result<DispensationId, DispatchError> {
		Self::ensure_acts_for(who, org)?;
		ensure!(
			T::Directory::organisation(org).is_some_and(|o| Self::dispenses(o.kind)),
			Error::<T>::NotDispenser
		);
		let mut lot = Lots::<T>::get(id).ok_or(Error::<T>::UnknownLot)?;
		Self::ensure_sellable(&lot)?;
		let quantity = Self::check_take(id, &lot, org, quantity, &serials, true)?;
		let dispensation = NextDispensationId::<T>::get();
		let next = dispensation.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let position = lot.dispensations;
		lot.dispensations = position.checked_add(1).ok_or(Error::<T>::Overflow)?;
		lot.dispensed = lot.dispensed.checked_add(quantity).ok_or(Error::<T>::Overflow)?;
		Self::record_event(
			id,
			&mut lot,
			BusinessStep::Dispensing,
			Disposition::Dispensed,
			org,
			quantity,
			EventDetail::Dispensation(dispensation),
		)?;
		Self::take(id, org, quantity, &serials, Custody::Dispensed(dispensation));
		NextDispensationId::<T>::put(next);
		LotDispensations::<T>::insert(id, position, dispensation);
		Dispensations::<T>::insert(
			dispensation,
			Dispensation { lot: id, org, quantity, serials, commitment, at: Self::now() },
		);
		T::Statistics::note(
			org,
			Happening::Dispensed { product: lot.gtin.0, dispenser: who.clone() },
		);
		Lots::<T>::insert(id, lot);
		Self::deposit_event(Event::Dispensed { dispensation, lot: id, org, quantity });
		Ok(dispensation)
	}
}
