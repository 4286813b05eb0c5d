//! Invariants of the consent pallet, checked by `try_state` and after every unit test.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - every grant sits in the bucket of its patient and grantee key, has an id below
	///   `NextGrantId`, a non-empty period and well-formed purposes and scope, and its location
	///   entry points back to that bucket;
	/// - `GrantCount` equals each patient's grants, within `MaxGrantsPerPatient`, and every
	///   location names an existing grant;
	/// - each granter holds at least the deposits of its grants;
	/// - every referral is indexed under its patient and specialist, and every index entry
	///   names a referral of that patient and specialist;
	/// - every emergency id is below `NextEmergencyId`, the patient's list names it, escalated
	///   entries are exactly the accesses in status `Escalated`;
	/// - `LatestEmergency[(p, w)]` names an access of patient `p` by practitioner `w` (the
	///   access decision relies on it without re-checking);
	/// - `UnresolvedDisputes[(p, w)]` counts exactly the escalated, disputed accesses of `p` by
	///   `w`, and no zero is stored;
	/// - each practitioner's break-glass openings are in order, not in the future, and not
	///   empty.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::{ensure, traits::fungible::InspectHold, traits::Get};
		let next_grant = NextGrantId::<T>::get();
		let mut counts = BTreeMap::<T::AccountId, u32>::new();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut grants = 0usize;
		for (patient, key, bucket) in Grants::<T>::iter() {
			ensure!(!bucket.is_empty(), "empty grant bucket stored");
			for g in bucket.iter() {
				grants += 1;
				ensure!(g.id < next_grant, "grant id not below NextGrantId");
				ensure!(
					g.patient == patient && g.grantee.key() == key,
					"grant in the wrong bucket"
				);
				ensure!(g.starts_at < g.expires_at, "grant with an empty period");
				ensure!(!g.purposes.is_empty() && !has_duplicates(&g.purposes), "bad purposes");
				ensure!(g.scope.is_well_formed(), "bad scope");
				ensure!(
					GrantLocations::<T>::get(g.id) == Some((patient.clone(), key.clone())),
					"grant location does not point back"
				);
				*counts.entry(patient.clone()).or_default() += 1;
				*deposits.entry(g.granted_by.clone()).or_default() += g.deposit;
			}
		}
		ensure!(GrantLocations::<T>::iter().count() == grants, "stale grant locations");
		for (patient, count) in GrantCount::<T>::iter() {
			ensure!(counts.get(&patient) == Some(&count), "GrantCount differs from the grants");
			ensure!(count <= T::MaxGrantsPerPatient::get(), "too many grants for a patient");
		}
		ensure!(GrantCount::<T>::iter().count() == counts.len(), "GrantCount misses a patient");
		for (who, held) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::GrantDeposit.into(), &who) >= held,
				"granter holds less than its grants' deposits"
			);
		}
		let next_referral = NextReferralId::<T>::get();
		for (id, r) in Referrals::<T>::iter() {
			ensure!(id < next_referral, "referral id not below NextReferralId");
			ensure!(
				ReferralsTo::<T>::get(&r.patient, &r.specialist).contains(&id),
				"referral not indexed"
			);
		}
		for (patient, specialist, list) in ReferralsTo::<T>::iter() {
			for id in list {
				let r = Referrals::<T>::get(id).ok_or("index names a missing referral")?;
				ensure!(r.patient == patient && r.specialist == specialist, "referral misindexed");
			}
		}
		let next_emergency = NextEmergencyId::<T>::get();
		let mut disputes = BTreeMap::<(T::AccountId, T::AccountId), u32>::new();
		for (id, e) in EmergencyAccesses::<T>::iter() {
			if e.status == EmergencyStatus::Escalated && e.disputed {
				*disputes.entry((e.patient.clone(), e.practitioner.clone())).or_default() += 1;
			}
			ensure!(id < next_emergency, "emergency id not below NextEmergencyId");
			ensure!(
				(e.status == EmergencyStatus::Escalated) == Escalated::<T>::contains_key(id),
				"escalation queue differs from statuses"
			);
			ensure!(
				e.opened_at < e.expires_at && e.expires_at <= e.review_by,
				"bad emergency period"
			);
		}
		for (patient, count) in PatientEmergencyCount::<T>::iter() {
			for i in 0..count {
				let id =
					PatientEmergencies::<T>::get(&patient, i).ok_or("gap in emergency list")?;
				let e = EmergencyAccesses::<T>::get(id).ok_or("list names a missing emergency")?;
				ensure!(e.patient == patient, "emergency listed under another patient");
			}
		}
		for (patient, practitioner, id) in LatestEmergency::<T>::iter() {
			let e = EmergencyAccesses::<T>::get(id).ok_or("latest emergency is missing")?;
			ensure!(
				e.patient == patient && e.practitioner == practitioner,
				"latest emergency of another patient or practitioner"
			);
		}
		for (patient, practitioner, count) in UnresolvedDisputes::<T>::iter() {
			ensure!(
				disputes.remove(&(patient, practitioner)) == Some(count),
				"unresolved disputes differ from the escalated, disputed accesses"
			);
		}
		ensure!(disputes.is_empty(), "a disputed access is not counted as unresolved");
		let now = frame_system::Pallet::<T>::block_number();
		for (_, openings) in EmergencyUsageOf::<T>::iter() {
			ensure!(!openings.is_empty(), "empty break-glass usage stored");
			ensure!(openings.windows(2).all(|w| w[0] <= w[1]), "break-glass openings out of order");
			ensure!(openings.iter().all(|t| *t <= now), "break-glass opening in the future");
		}
		Ok(())
	}
}
