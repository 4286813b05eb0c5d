//! Emergencies: declaration, extension, closing, and the checks every other feature uses
//! (is it open, which round is it, who acts for which organisation).

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use frame_system::pallet_prelude::BlockNumberFor;
use ruralmed_primitives::{
	OrganisationId, OrganisationKind, OrganisationStatus, PractitionerDirectory, RegionCode,
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedDiv, CheckedMul, One, Saturating, Zero},
	DispatchError, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_declare(
		name: EmergencyName,
		regions: RegionList<T>,
		items: ItemList<T>,
		starts_at: BlockNumberFor<T>,
		sunset: BlockNumberFor<T>,
		round_length: BlockNumberFor<T>,
	) -> Result<EmergencyId, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::InvalidName);
		ensure!(
			!regions.is_empty()
				&& regions.iter().all(|r| r.is_valid())
				&& regions.iter().enumerate().all(|(i, a)| {
					regions.iter().enumerate().all(|(j, b)| i == j || !a.contains(b))
				}),
			Error::<T>::InvalidRegions
		);
		ensure!(
			!items.is_empty()
				&& items.iter().all(|i| i.is_well_formed())
				&& items.iter().enumerate().all(|(i, a)| {
					items.iter().skip(i.saturating_add(1)).all(|b| a.code != b.code)
				}),
			Error::<T>::InvalidItems
		);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			starts_at >= now && sunset > starts_at && !round_length.is_zero(),
			Error::<T>::InvalidPeriod
		);
		let id = NextEmergencyId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Emergencies::<T>::insert(
			id,
			Emergency {
				name: name.clone(),
				regions,
				items,
				starts_at,
				sunset,
				round_length,
				status: EmergencyStatus::Active,
				pledges: 0,
			},
		);
		NextEmergencyId::<T>::put(next);
		Self::deposit_event(Event::EmergencyDeclared {
			emergency: id,
			name,
			starts_at,
			sunset,
			round_length,
		});
		Ok(id)
	}

	pub(crate) fn do_extend(emergency: EmergencyId, sunset: BlockNumberFor<T>) -> DispatchResult {
		Emergencies::<T>::try_mutate(emergency, |e| {
			let e = e.as_mut().ok_or(Error::<T>::UnknownEmergency)?;
			ensure!(e.status == EmergencyStatus::Active, Error::<T>::EmergencyClosed);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(sunset > e.sunset && sunset > now, Error::<T>::InvalidPeriod);
			e.sunset = sunset;
			Self::deposit_event(Event::EmergencyExtended { emergency, sunset });
			Ok(())
		})
	}

	pub(crate) fn do_close(emergency: EmergencyId) -> DispatchResult {
		Emergencies::<T>::try_mutate(emergency, |e| {
			let e = e.as_mut().ok_or(Error::<T>::UnknownEmergency)?;
			ensure!(e.status == EmergencyStatus::Active, Error::<T>::EmergencyClosed);
			e.status = EmergencyStatus::Closed;
			Self::deposit_event(Event::EmergencyClosed { emergency });
			Ok(())
		})
	}

	/// The emergency, if it is open now: not closed, started, and before its sunset.
	pub(crate) fn open_emergency(emergency: EmergencyId) -> Result<EmergencyOf<T>, DispatchError> {
		let e = Emergencies::<T>::get(emergency).ok_or(Error::<T>::UnknownEmergency)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			e.status == EmergencyStatus::Active && e.starts_at <= now && now < e.sunset,
			Error::<T>::EmergencyNotOpen
		);
		Ok(e)
	}

	/// The round that block `at` falls in (`None` before the start or past `u32` rounds).
	pub fn round_at(e: &EmergencyOf<T>, at: BlockNumberFor<T>) -> Option<RoundIndex> {
		if at < e.starts_at {
			return None;
		}
		let elapsed = at.saturating_sub(e.starts_at);
		let round = elapsed.checked_div(&e.round_length)?;
		u32::try_from(round.saturated_into::<u64>()).ok()
	}

	/// The first block after round `round`'s window.
	pub fn round_closes_at(e: &EmergencyOf<T>, round: RoundIndex) -> Option<BlockNumberFor<T>> {
		let rounds = BlockNumberFor::<T>::from(round).checked_add(&One::one())?;
		e.starts_at.checked_add(&rounds.checked_mul(&e.round_length)?)
	}

	/// Fails unless `who` administers `org` or is an active practitioner of it, and `org` is
	/// active.
	pub(crate) fn ensure_acts_for(who: &T::AccountId, org: OrganisationId) -> DispatchResult {
		ensure!(Self::acts_for(who, org), Error::<T>::NotActingForOrganisation);
		Ok(())
	}

	/// Whether `who` administers `org` or is an active practitioner of it, and `org` is active.
	pub(crate) fn acts_for(who: &T::AccountId, org: OrganisationId) -> bool {
		T::Directory::is_active_admin(who, org) || T::Directory::is_active_member(who, org)
	}

	/// Fails unless `org` is an active warehouse.
	pub(crate) fn ensure_warehouse(org: OrganisationId) -> DispatchResult {
		ensure!(
			T::Directory::organisation(org)
				.is_some_and(|o| o.kind == OrganisationKind::Warehouse
					&& o.status == OrganisationStatus::Active),
			Error::<T>::NotVerifiedWarehouse
		);
		Ok(())
	}

	/// The affected region and own region code of `org`, which must be an active clinic or
	/// hospital in one of `e`'s regions.
	pub(crate) fn care_provider_region(
		e: &EmergencyOf<T>,
		org: OrganisationId,
	) -> Result<(RegionIndex, RegionCode), DispatchError> {
		let o = T::Directory::organisation(org).ok_or(Error::<T>::NotCareProvider)?;
		ensure!(
			o.status == OrganisationStatus::Active
				&& matches!(
					o.kind,
					OrganisationKind::CountyHospital
						| OrganisationKind::TownshipHealthCentre
						| OrganisationKind::VillageClinic
				),
			Error::<T>::NotCareProvider
		);
		let index = e.region_index(&o.region).ok_or(Error::<T>::RegionNotAffected)?;
		Ok((index, o.region))
	}
}
