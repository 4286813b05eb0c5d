//! Quality: cold-chain excursions, suspect products, illegitimate products and recalls.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{EnsureOrigin, Get},
};
use frame_system::pallet_prelude::OriginFor;
use ruralmed_primitives::{Happening, OrganisationId, StatisticsSink};

impl<T: Config> Pallet<T> {
	/// Records a temperature excursion reported by a holder of the lot.
	pub(crate) fn do_record_excursion(
		who: &T::AccountId,
		id: LotId,
		org: OrganisationId,
		min_decicelsius: i16,
		max_decicelsius: i16,
		minutes: u32,
	) -> DispatchResult {
		Self::ensure_acts_for(who, org)?;
		let mut lot = Lots::<T>::get(id).ok_or(Error::<T>::UnknownLot)?;
		let quantity = Holdings::<T>::get(id, org);
		ensure!(quantity > 0, Error::<T>::NotHolder);
		let product = Products::<T>::get(lot.gtin).ok_or(Error::<T>::UnknownProduct)?;
		let StorageCondition::ColdChain { min_decicelsius: low, max_decicelsius: high } =
			product.storage
		else {
			return Err(Error::<T>::NotColdChainProduct.into());
		};
		ensure!(
			min_decicelsius <= max_decicelsius
				&& minutes > 0
				&& (min_decicelsius < low || max_decicelsius > high),
			Error::<T>::InvalidExcursion
		);
		let breached = minutes > T::ExcursionToleranceMinutes::get();
		Self::record_event(
			id,
			&mut lot,
			BusinessStep::SensorReporting,
			if breached { Disposition::Damaged } else { Disposition::Active },
			org,
			quantity,
			EventDetail::Excursion { min_decicelsius, max_decicelsius, minutes, breached },
		)?;
		if breached {
			// Breached again even if the authority cleared an earlier breach.
			lot.cold_chain = ColdChain::Breached;
			if lot.status == LotStatus::Active {
				lot.status =
					LotStatus::Quarantined { by: org, reason: SuspectReason::TemperatureExcursion };
			}
		}
		Lots::<T>::insert(id, lot);
		Self::deposit_event(Event::ExcursionRecorded { lot: id, org, breached });
		Ok(())
	}

	/// Recalls a lot, by its manufacturer or the authority.
	pub(crate) fn do_recall(
		origin: OriginFor<T>,
		id: LotId,
		reason: RecallReason,
	) -> DispatchResult {
		let mut lot = Lots::<T>::get(id).ok_or(Error::<T>::UnknownLot)?;
		let by_authority = Self::ensure_maker_or_authority(origin, lot.manufacturer)?;
		match lot.status {
			LotStatus::Recalled { .. } => return Err(Error::<T>::AlreadyRecalled.into()),
			LotStatus::Illegitimate => return Err(Error::<T>::LotIllegitimate.into()),
			LotStatus::Active | LotStatus::Quarantined { .. } => {}
		}
		lot.status = LotStatus::Recalled { reason, by_authority };
		let maker = lot.manufacturer;
		let outstanding = lot.commissioned.saturating_sub(lot.dispensed);
		Self::record_event(
			id,
			&mut lot,
			BusinessStep::Recalling,
			Disposition::Recalled,
			maker,
			outstanding,
			EventDetail::Recall(reason),
		)?;
		let dispensations = lot.dispensations;
		Lots::<T>::insert(id, lot);
		T::Statistics::note(maker, Happening::LotRecalled);
		Self::deposit_event(Event::LotRecalled { lot: id, reason, by_authority, dispensations });
		Ok(())
	}

	/// Flags a lot, a pack or a holding as suspect. Lot-wide only by the maker or the
	/// authority; another holder quarantines only its own stock (or one of its packs), so one
	/// pack in hand cannot stop a whole lot for every holder.
	pub(crate) fn do_flag_suspect(
		origin: OriginFor<T>,
		id: LotId,
		serial: Option<Serial>,
		org: OrganisationId,
		reason: SuspectReason,
	) -> DispatchResult {
		let by_authority = match T::AuthorityOrigin::try_origin(origin) {
			Ok(_) => true,
			Err(origin) => {
				let who = frame_system::ensure_signed(origin)?;
				Self::ensure_acts_for(&who, org)?;
				false
			}
		};
		let mut lot = Lots::<T>::get(id).ok_or(Error::<T>::UnknownLot)?;
		match lot.status {
			LotStatus::Active => {}
			LotStatus::Quarantined { .. } => return Err(Error::<T>::AlreadySuspect.into()),
			LotStatus::Recalled { .. } => return Err(Error::<T>::LotRecalled.into()),
			LotStatus::Illegitimate => return Err(Error::<T>::LotIllegitimate.into()),
		}
		let lot_wide = serial.is_none() && (by_authority || org == lot.manufacturer);
		let (quantity, detail) = match &serial {
			None if lot_wide => {
				lot.status = LotStatus::Quarantined { by: org, reason };
				(lot.commissioned, EventDetail::Suspect { reason, serial: None })
			}
			None => {
				let held = Holdings::<T>::get(id, org);
				ensure!(held > 0, Error::<T>::NotHolder);
				ensure!(!SuspectHoldings::<T>::contains_key(id, org), Error::<T>::AlreadySuspect);
				SuspectHoldings::<T>::insert(id, org, reason);
				(held, EventDetail::HoldingSuspect { reason })
			}
			Some(serial) => {
				ensure!(lot.serialised, Error::<T>::NotSerialised);
				let mut pack = Packs::<T>::get(id, serial).ok_or(Error::<T>::UnknownPack)?;
				ensure!(
					by_authority || pack.custody == Custody::Held(org),
					Error::<T>::PackNotHeld
				);
				ensure!(pack.status == PackStatus::Active, Error::<T>::AlreadySuspect);
				pack.status = PackStatus::Suspect { by: org, reason };
				Packs::<T>::insert(id, serial, pack);
				(1, EventDetail::Suspect { reason, serial: Some(serial.clone()) })
			}
		};
		Self::record_event(
			id,
			&mut lot,
			BusinessStep::Holding,
			Disposition::NonSellable,
			org,
			quantity,
			detail,
		)?;
		Lots::<T>::insert(id, lot);
		Self::deposit_event(Event::FlaggedSuspect { lot: id, serial, org, reason, lot_wide });
		Ok(())
	}

	/// The maker or the authority clears a holder's suspicion of its own stock.
	pub(crate) fn do_clear_holding(
		origin: OriginFor<T>,
		id: LotId,
		org: OrganisationId,
	) -> DispatchResult {
		let mut lot = Lots::<T>::get(id).ok_or(Error::<T>::UnknownLot)?;
		Self::ensure_maker_or_authority(origin, lot.manufacturer)?;
		ensure!(SuspectHoldings::<T>::take(id, org).is_some(), Error::<T>::NotSuspect);
		Self::record_event(
			id,
			&mut lot,
			BusinessStep::Inspecting,
			Disposition::Active,
			org,
			Holdings::<T>::get(id, org),
			EventDetail::HoldingCleared,
		)?;
		Lots::<T>::insert(id, lot);
		Self::deposit_event(Event::HoldingCleared { lot: id, org });
		Ok(())
	}

	/// The manufacturer or the authority clears a suspicion (`illegitimate = false`) or
	/// confirms the lot or pack illegitimate. A broken cold chain is cleared by the authority
	/// only: the maker has an interest in its own stock, and a vaccine that got warm looks no
	/// different.
	pub(crate) fn do_settle_suspicion(
		origin: OriginFor<T>,
		id: LotId,
		serial: Option<Serial>,
		illegitimate: bool,
	) -> DispatchResult {
		let mut lot = Lots::<T>::get(id).ok_or(Error::<T>::UnknownLot)?;
		let by_authority = Self::ensure_maker_or_authority(origin, lot.manufacturer)?;
		let quantity = match &serial {
			None => {
				let quarantined = matches!(lot.status, LotStatus::Quarantined { .. });
				let breached = lot.cold_chain == ColdChain::Breached;
				if illegitimate {
					ensure!(quarantined, Error::<T>::NotSuspect);
					lot.status = LotStatus::Illegitimate;
				} else {
					// The authority may also lift a breach left on an active lot (one its maker
					// cleared before this rule).
					ensure!(
						quarantined
							|| (by_authority && breached && lot.status == LotStatus::Active),
						Error::<T>::NotSuspect
					);
					let excursion = matches!(
						lot.status,
						LotStatus::Quarantined { reason: SuspectReason::TemperatureExcursion, .. }
					);
					ensure!(
						by_authority || !(breached || excursion),
						Error::<T>::ColdChainBreached
					);
					lot.status = LotStatus::Active;
					if breached {
						lot.cold_chain = ColdChain::ClearedByAuthority;
					}
				}
				lot.commissioned
			}
			Some(serial) => {
				ensure!(lot.serialised, Error::<T>::NotSerialised);
				let mut pack = Packs::<T>::get(id, serial).ok_or(Error::<T>::UnknownPack)?;
				ensure!(matches!(pack.status, PackStatus::Suspect { .. }), Error::<T>::NotSuspect);
				pack.status =
					if illegitimate { PackStatus::Illegitimate } else { PackStatus::Active };
				Packs::<T>::insert(id, serial, pack);
				1
			}
		};
		let maker = lot.manufacturer;
		let (step, disposition, detail) = if illegitimate {
			(
				BusinessStep::Decommissioning,
				Disposition::NonSellable,
				EventDetail::Illegitimate { serial: serial.clone() },
			)
		} else {
			(
				BusinessStep::Inspecting,
				Disposition::Active,
				EventDetail::Cleared { serial: serial.clone() },
			)
		};
		Self::record_event(id, &mut lot, step, disposition, maker, quantity, detail)?;
		Lots::<T>::insert(id, lot);
		if illegitimate {
			Self::deposit_event(Event::ConfirmedIllegitimate { lot: id, serial });
		} else {
			Self::deposit_event(Event::SuspicionCleared { lot: id, serial });
		}
		Ok(())
	}
}
