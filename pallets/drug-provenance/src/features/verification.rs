//! Verification and the other reads behind the runtime API: the counterfeit check, a lot's
//! custody path, its holders and the dispensations a recall must reach.

use crate::*;
use alloc::vec::Vec;
use ruralmed_primitives::OrganisationId;

/// Most entries one page of a read returns.
pub const MAX_PAGE: u32 = 100;

impl<T: Config> Pallet<T> {
	/// The counterfeit check: what the chain knows of the pack with `gtin`, lot `number` and,
	/// for serialised lots, `serial`.
	pub fn verify(
		gtin: Gtin,
		number: Vec<u8>,
		serial: Option<Vec<u8>>,
	) -> Verification<frame_system::pallet_prelude::BlockNumberFor<T>> {
		let mut answer = Verification {
			verdict: Verdict::Unknown,
			lot: None,
			manufacturer: None,
			product_name: Vec::new(),
			expires_on: 0,
			expired: false,
			recalled: false,
			suspect: false,
			illegitimate: false,
			cold_chain_breached: false,
			dispensed: 0,
			custody: None,
			path_length: 0,
			path: Vec::new(),
		};
		let Some(product) = Products::<T>::get(gtin) else { return answer };
		answer.manufacturer = Some(product.manufacturer);
		answer.product_name = product.name.into_inner();
		let Ok(number) = LotNumber::try_from(number) else { return answer };
		let Some(id) = LotIds::<T>::get(gtin, number) else { return answer };
		let Some(lot) = Lots::<T>::get(id) else { return answer };
		answer.lot = Some(id);
		answer.expires_on = lot.expires_on;
		answer.expired = lot.expires_on <= Self::today();
		answer.recalled = matches!(lot.status, LotStatus::Recalled { .. });
		answer.suspect = matches!(lot.status, LotStatus::Quarantined { .. });
		answer.illegitimate = lot.status == LotStatus::Illegitimate;
		answer.cold_chain_breached = lot.cold_chain.ever_breached();
		answer.dispensed = lot.dispensed;
		answer.path_length = lot.events;
		let first = lot.events.saturating_sub(VERIFICATION_PATH_LEN);
		answer.path = Self::custody_path(id, first, VERIFICATION_PATH_LEN);
		let mut decommissioned = false;
		let mut stuck = false;
		if lot.serialised {
			// A serialised pack is only known by its serial.
			let pack =
				serial.and_then(|s| Serial::try_from(s).ok()).and_then(|s| Packs::<T>::get(id, s));
			let Some(pack) = pack else {
				answer.verdict = Verdict::Unknown;
				return answer;
			};
			answer.custody = Some(pack.custody);
			answer.dispensed = u32::from(matches!(pack.custody, Custody::Dispensed(_)));
			answer.suspect |= matches!(pack.status, PackStatus::Suspect { .. });
			answer.illegitimate |= pack.status == PackStatus::Illegitimate;
			decommissioned =
				matches!(pack.custody, Custody::Dispensed(_) | Custody::Destroyed | Custody::Lost);
			if let Custody::InTransit(shipment) = pack.custody {
				stuck = Shipments::<T>::get(shipment).is_some_and(|s| Self::is_stuck(&s));
			}
		}
		answer.verdict = if answer.illegitimate {
			Verdict::Illegitimate
		} else if answer.recalled {
			Verdict::Recalled
		} else if lot.cold_chain == ColdChain::Breached {
			Verdict::ColdChainBreached
		} else if answer.suspect {
			Verdict::Suspect
		} else if decommissioned {
			Verdict::AlreadyDecommissioned
		} else if stuck {
			Verdict::StuckInTransit
		} else if answer.expired {
			Verdict::Expired
		} else {
			Verdict::Genuine
		};
		answer
	}

	/// The custody events of lot `id` from position `from`, at most `count` (and at most
	/// [`MAX_PAGE`]).
	pub fn custody_path(
		id: LotId,
		from: u32,
		count: u32,
	) -> Vec<CustodyEvent<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		(from..from.saturating_add(count.min(MAX_PAGE)))
			.map_while(|position| CustodyEvents::<T>::get(id, position))
			.collect()
	}

	/// Organisations holding stock of lot `id` and how much: at most `count` (and at most
	/// [`MAX_PAGE`]) of them, in storage order, starting after the holder `after` (`None` for
	/// the first page). The next page starts after the last holder returned; a page shorter
	/// than asked is the last. Each page reads only its own entries.
	pub fn holders_of(
		id: LotId,
		after: Option<OrganisationId>,
		count: u32,
	) -> Vec<(OrganisationId, u32)> {
		let count = count.min(MAX_PAGE) as usize;
		match after {
			None => Holdings::<T>::iter_prefix(id).take(count).collect(),
			Some(org) => {
				Holdings::<T>::iter_prefix_from(id, Holdings::<T>::hashed_key_for(id, org))
					.take(count)
					.collect()
			}
		}
	}

	/// The dispensations of lot `id` from position `from`, at most `count` (and at most
	/// [`MAX_PAGE`]): the dispensing organisations a recall must reach, with their opaque
	/// commitments. No patient is named; each organisation matches the commitments against the
	/// salts it keeps and notifies its patients off chain.
	pub fn recall_reach(
		id: LotId,
		from: u32,
		count: u32,
	) -> Vec<(DispensationId, DispensationOf<T>)> {
		(from..from.saturating_add(count.min(MAX_PAGE)))
			.map_while(|position| LotDispensations::<T>::get(id, position))
			.filter_map(|d| Dispensations::<T>::get(d).map(|dispensation| (d, dispensation)))
			.collect()
	}
}
