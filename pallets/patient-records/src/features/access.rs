//! The default access policy, until the consent pallet answers instead.

use crate::*;
use core::marker::PhantomData;
use ruralmed_primitives::{
	AccessBasis, OrganisationId, PractitionerDirectory, PurposeOfUse, RecordAccess, RecordCategory,
	RecordRef,
};

/// Care-team access, for runtimes without a consent pallet (and tests): an active practitioner
/// of an active organisation that is one of the patient's care organisations may read the
/// patient's records for treatment, and write new ones. Nobody else may, for any purpose. (The
/// RuralMed runtime uses the consent pallet instead, where care organisations give no access.)
///
/// Cost: at most `MaxCareOrganisations` directory look-ups for a read, one for a write.
pub struct CareTeamAccess<T>(PhantomData<T>);

impl<T: Config> RecordAccess<T::AccountId> for CareTeamAccess<T> {
	fn read_basis(
		reader: &T::AccountId,
		patient: &T::AccountId,
		_record: &RecordRef,
		purpose: PurposeOfUse,
	) -> Option<AccessBasis> {
		if purpose != PurposeOfUse::Treatment {
			return None;
		}
		// Bounded by MaxCareOrganisations, which `add_care_organisation` enforces.
		CareOrganisations::<T>::iter_key_prefix(patient)
			.any(|org| T::Directory::is_active_member(reader, org))
			.then_some(AccessBasis::CareTeam)
	}

	fn write_basis(
		author: &T::AccountId,
		org: OrganisationId,
		patient: &T::AccountId,
		_category: RecordCategory,
	) -> Option<AccessBasis> {
		(CareOrganisations::<T>::contains_key(patient, org)
			&& T::Directory::is_active_member(author, org))
		.then_some(AccessBasis::CareTeam)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_allow(_reader: &T::AccountId, org: OrganisationId, patient: &T::AccountId) {
		// Fill the patient's care organisations so a read scans them all; `org` is added last.
		Self::fill_care_organisations(patient, 1);
		if !CareOrganisations::<T>::contains_key(patient, org) {
			Pallet::<T>::do_add_care_organisation(patient, org)
				.expect("benchmark organisation is a care organisation");
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_allow_costliest(
		_reader: &T::AccountId,
		org: OrganisationId,
		patient: &T::AccountId,
	) -> PurposeOfUse {
		// As `benchmark_allow`, but a filler gives way if the list is full, so that several
		// readers of one patient can be set up.
		Self::fill_care_organisations(patient, 1);
		if !CareOrganisations::<T>::contains_key(patient, org) {
			use frame_support::traits::Get;
			let full = Patients::<T>::get(patient)
				.is_some_and(|p| p.care_organisations >= T::MaxCareOrganisations::get());
			if full {
				let floor = OrganisationId::MAX - T::MaxCareOrganisations::get();
				if let Some(filler) =
					CareOrganisations::<T>::iter_key_prefix(patient).find(|o| *o > floor)
				{
					Pallet::<T>::do_remove_care_organisation(patient, filler)
						.expect("a filler is there");
				}
			}
			Pallet::<T>::do_add_care_organisation(patient, org)
				.expect("benchmark organisation is a care organisation");
		}
		PurposeOfUse::Treatment
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_refuse(_reader: &T::AccountId, patient: &T::AccountId) {
		// A read scans every care organisation, none of them the reader's.
		Self::fill_care_organisations(patient, 0);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> CareTeamAccess<T> {
	/// Gives `patient` care organisations no practitioner belongs to, until only `room` more
	/// fit.
	fn fill_care_organisations(patient: &T::AccountId, room: u32) {
		use frame_support::traits::Get;
		let target = T::MaxCareOrganisations::get().saturating_sub(room);
		let mut p = Patients::<T>::get(patient).expect("benchmark patient is registered");
		let mut other = OrganisationId::MAX;
		while p.care_organisations < target {
			if !CareOrganisations::<T>::contains_key(patient, other) {
				CareOrganisations::<T>::insert(
					patient,
					other,
					frame_system::Pallet::<T>::block_number(),
				);
				p.care_organisations += 1;
			}
			other -= 1;
		}
		Patients::<T>::insert(patient, p);
	}
}
