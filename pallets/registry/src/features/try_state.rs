//! Invariants of the registry's storage, checked by `try_state` and after every unit test.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - every organisation id is below `NextOrganisationId`;
	/// - each organisation's `practitioner_count` equals the affiliations pointing at it;
	/// - every affiliation points at an existing organisation, at most once;
	/// - `OrganisationCount` counts the organisations;
	/// - every bound licence hash points at a practitioner registered with it, and every active
	///   practitioner's licence is bound to it (so no two active practitioners share one);
	/// - closed organisations hold no deposit, and each depositor holds at least the deposits
	///   recorded for it;
	/// - retired keys are older than the current key of their account, and among the last
	///   `MaxRetiredKeys` versions before it;
	/// - a pending organisation was never verified, and none was verified before it applied.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::{
			ensure,
			traits::{fungible::InspectHold, Get},
		};
		use ruralmed_primitives::OrganisationStatus;
		let next = NextOrganisationId::<T>::get();
		let mut counts = BTreeMap::<u32, u32>::new();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut organisations = 0u32;
		for (id, o) in Organisations::<T>::iter() {
			organisations += 1;
			ensure!(id < next, "organisation id not below NextOrganisationId");
			counts.insert(id, 0);
			if o.status == OrganisationStatus::Closed {
				ensure!(
					o.deposit == Default::default(),
					"closed organisation still holds a deposit"
				);
			}
			if o.status == OrganisationStatus::Pending {
				ensure!(o.verified_at.is_none(), "pending organisation has a verification block");
			}
			if let Some(verified_at) = o.verified_at {
				ensure!(verified_at >= o.applied_at, "organisation verified before it applied");
			}
			let d = deposits.entry(o.depositor.clone()).or_default();
			*d += o.deposit;
		}
		ensure!(
			OrganisationCount::<T>::get() == organisations,
			"OrganisationCount differs from the organisations"
		);
		for (who, held) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::OrganisationDeposit.into(), &who) >= held,
				"depositor holds less than its recorded deposits"
			);
		}
		for (who, p) in Practitioners::<T>::iter() {
			if p.status == LicenceStatus::Active {
				ensure!(
					LicenceOwners::<T>::get(p.licence_hash).as_ref() == Some(&who),
					"active practitioner's licence hash not bound to it"
				);
			}
			for (i, org) in p.affiliations.iter().enumerate() {
				ensure!(!p.affiliations[..i].contains(org), "duplicate affiliation");
				let c = counts.get_mut(org).ok_or("affiliation with unknown organisation")?;
				*c += 1;
			}
		}
		for (hash, who) in LicenceOwners::<T>::iter() {
			ensure!(
				Practitioners::<T>::get(&who).is_some_and(|p| p.licence_hash == hash),
				"licence hash bound to an account not registered with it"
			);
		}
		for (id, o) in Organisations::<T>::iter() {
			ensure!(
				counts.get(&id).copied() == Some(o.practitioner_count),
				"practitioner_count differs from the affiliations"
			);
		}
		for (who, version, _) in RetiredKeys::<T>::iter() {
			let current =
				EncryptionKeys::<T>::get(&who).ok_or("retired key without current key")?;
			ensure!(version < current.version, "retired key is not older than the current key");
			ensure!(
				current.version - version <= T::MaxRetiredKeys::get(),
				"more than MaxRetiredKeys retired keys kept"
			);
		}
		Ok(())
	}
}
