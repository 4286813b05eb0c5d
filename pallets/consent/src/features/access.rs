//! The access decision: the truth table in the crate docs, as code.

use crate::*;
use frame_system::pallet_prelude::BlockNumberFor;
use ruralmed_primitives::{
	AccessBasis, OrganisationId, PractitionerDirectory, PractitionerRole, PurposeOfUse,
	RecordAccess, RecordCategory, RecordRef,
};

/// A grant is honoured in `[starts_at, expires_at)`.
pub(crate) fn in_period<B: PartialOrd>(starts_at: &B, expires_at: &B, now: &B) -> bool {
	starts_at <= now && now < expires_at
}

impl<T: Config> Pallet<T> {
	/// Whether `reader` may read `record` of `patient` for `purpose` at block `now`, and on
	/// which basis. The patient and guardian are not covered here: the records let them
	/// through themselves.
	pub fn read_decision(
		reader: &T::AccountId,
		patient: &T::AccountId,
		record: &RecordRef,
		purpose: PurposeOfUse,
		now: BlockNumberFor<T>,
	) -> Option<AccessBasis> {
		let standing = T::Directory::practitioner(reader)?;
		if !standing.active {
			return None;
		}
		let readable = |g: &GrantOf<T>| {
			in_period(&g.starts_at, &g.expires_at, &now)
				&& g.purposes.contains(&purpose)
				&& g.scope.covers(record.id, record.category)
		};
		// Rows 1 and 2: grants to the reader, then to its organisations.
		if let Some(g) = Self::covering_grant(reader, standing.role, patient, None, readable) {
			return Some(AccessBasis::Grant(g));
		}
		// Row 3: referrals to the reader.
		if purpose == PurposeOfUse::Referral {
			for id in ReferralsTo::<T>::get(patient, reader) {
				let Some(r) = Referrals::<T>::get(id) else { continue };
				if !r.scope.covers(record.id, record.category) {
					continue;
				}
				if Self::referral_in_force(&r, now).is_some() {
					return Some(AccessBasis::Referral(id));
				}
			}
		}
		// Row 4: the reader's own break-glass access.
		if purpose == PurposeOfUse::Emergency {
			if let Some(id) = Self::live_emergency(reader, patient, now) {
				return Some(AccessBasis::Emergency(id));
			}
		}
		None
	}

	/// Whether `author`, acting for `org`, may anchor a new record of `category` for
	/// `patient` at block `now`, and on which basis.
	pub fn write_decision(
		author: &T::AccountId,
		org: OrganisationId,
		patient: &T::AccountId,
		category: RecordCategory,
		now: BlockNumberFor<T>,
	) -> Option<AccessBasis> {
		if !T::Directory::is_active_member(author, org) {
			return None;
		}
		let standing = T::Directory::practitioner(author)?;
		let writable = |g: &GrantOf<T>| {
			g.can_write
				&& in_period(&g.starts_at, &g.expires_at, &now)
				&& g.purposes.contains(&PurposeOfUse::Treatment)
				&& g.scope.covers_new(category)
		};
		if let Some(g) = Self::covering_grant(author, standing.role, patient, Some(org), writable) {
			return Some(AccessBasis::Grant(g));
		}
		if category == RecordCategory::Document {
			for id in ReferralsTo::<T>::get(patient, author) {
				let Some(r) = Referrals::<T>::get(id) else { continue };
				if !r.may_report || r.specialist_org != org {
					continue;
				}
				// The report is written on the grant's authority: it must allow writing new
				// documents now, whatever the referral said when it was made.
				let reportable = Self::referral_in_force(&r, now).is_some_and(|g| {
					g.can_write
						&& g.purposes.contains(&PurposeOfUse::Treatment)
						&& g.scope.covers_new(RecordCategory::Document)
				});
				if reportable {
					return Some(AccessBasis::Referral(id));
				}
			}
		}
		let id = Self::live_emergency(author, patient, now)?;
		let e = EmergencyAccesses::<T>::get(id)?;
		(e.org == org).then_some(AccessBasis::Emergency(id))
	}

	/// The first grant of `patient` covering practitioner `who` (of `role`) that passes
	/// `usable`: one to `who` directly, or to an organisation `who` is an active member of
	/// with its role listed. With `only_org`, organisation grants count only for that one.
	pub(crate) fn covering_grant(
		who: &T::AccountId,
		role: PractitionerRole,
		patient: &T::AccountId,
		only_org: Option<OrganisationId>,
		usable: impl Fn(&GrantOf<T>) -> bool,
	) -> Option<GrantId> {
		let direct = Grants::<T>::get(patient, GranteeKey::Practitioner(who.clone()));
		if let Some(g) = direct.iter().find(|g| usable(g)) {
			return Some(g.id);
		}
		for org in T::Directory::affiliations(who) {
			if only_org.is_some_and(|o| o != org) || !T::Directory::is_active_member(who, org) {
				continue;
			}
			let bucket = Grants::<T>::get(patient, GranteeKey::Organisation(org));
			let found = bucket.iter().find(|g| {
				let role_ok = match &g.grantee {
					Grantee::Organisation { roles, .. } => {
						roles.is_empty() || roles.contains(&role)
					}
					Grantee::Practitioner(_) => false,
				};
				role_ok && usable(g)
			});
			if let Some(g) = found {
				return Some(g.id);
			}
		}
		None
	}

	/// A referral is honoured in its period while its grant exists and is in its own; returns
	/// that grant. (Kept on record, not pruned, while this holds.)
	pub(crate) fn honoured_grant(r: &ReferralOf<T>, now: BlockNumberFor<T>) -> Option<GrantOf<T>> {
		if !in_period(&r.starts_at, &r.expires_at, &now) {
			return None;
		}
		Self::grant(r.grant).filter(|g| in_period(&g.starts_at, &g.expires_at, &now))
	}

	/// A referral is honoured in its period while its grant exists and is in its own.
	pub(crate) fn referral_honoured(r: &ReferralOf<T>, now: BlockNumberFor<T>) -> bool {
		Self::honoured_grant(r, now).is_some()
	}

	/// The grant a referral gives access on now, if it does: the referral is honoured, the
	/// specialist is an active member of the specialist organisation, and the referrer still
	/// stands where the referral was made, an active practitioner of `referrer_org` covered by
	/// the grant. A referral lends the referrer's access, so it lapses with it (and revives if
	/// a suspension is lifted). Reads at most: the grant (2), the specialist and the
	/// specialist organisation, the referrer and the referrer's organisation.
	pub(crate) fn referral_in_force(
		r: &ReferralOf<T>,
		now: BlockNumberFor<T>,
	) -> Option<GrantOf<T>> {
		let grant = Self::honoured_grant(r, now)?;
		if !T::Directory::is_active_member(&r.specialist, r.specialist_org) {
			return None;
		}
		let referrer = T::Directory::practitioner(&r.referrer)?;
		if !referrer.active || !T::Directory::is_active_member(&r.referrer, r.referrer_org) {
			return None;
		}
		let covered = match &grant.grantee {
			Grantee::Practitioner(who) => *who == r.referrer,
			Grantee::Organisation { org, roles } => {
				*org == r.referrer_org && (roles.is_empty() || roles.contains(&referrer.role))
			}
		};
		covered.then_some(grant)
	}

	/// Whether `who` (an active practitioner) holds a treatment grant over all of `patient`'s
	/// records now, directly or through an organisation.
	pub(crate) fn has_full_treatment_grant(
		who: &T::AccountId,
		patient: &T::AccountId,
		now: BlockNumberFor<T>,
	) -> bool {
		let Some(standing) = T::Directory::practitioner(who).filter(|p| p.active) else {
			return false;
		};
		Self::covering_grant(who, standing.role, patient, None, |g| {
			in_period(&g.starts_at, &g.expires_at, &now)
				&& g.purposes.contains(&PurposeOfUse::Treatment)
				&& g.scope == Scope::AllRecords
		})
		.is_some()
	}

	/// The practitioner's break-glass on the patient, if it still grants access: open or
	/// accepted, not expired, and the practitioner still an active member of the (active)
	/// organisation it was opened for.
	pub(crate) fn live_emergency(
		who: &T::AccountId,
		patient: &T::AccountId,
		now: BlockNumberFor<T>,
	) -> Option<EmergencyId> {
		let id = LatestEmergency::<T>::get(patient, who)?;
		let e = EmergencyAccesses::<T>::get(id)?;
		let live = matches!(e.status, EmergencyStatus::Open | EmergencyStatus::Accepted)
			&& now < e.expires_at
			&& T::Directory::is_active_member(who, e.org);
		live.then_some(id)
	}
}

impl<T: Config> RecordAccess<T::AccountId> for Pallet<T> {
	fn read_basis(
		reader: &T::AccountId,
		patient: &T::AccountId,
		record: &RecordRef,
		purpose: PurposeOfUse,
	) -> Option<AccessBasis> {
		Self::read_decision(
			reader,
			patient,
			record,
			purpose,
			frame_system::Pallet::<T>::block_number(),
		)
	}

	fn write_basis(
		author: &T::AccountId,
		org: OrganisationId,
		patient: &T::AccountId,
		category: RecordCategory,
	) -> Option<AccessBasis> {
		Self::write_decision(
			author,
			org,
			patient,
			category,
			frame_system::Pallet::<T>::block_number(),
		)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_allow(reader: &T::AccountId, org: OrganisationId, patient: &T::AccountId) {
		crate::benchmarking::allow_through_organisation_grant::<T>(reader, org, patient);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_refuse(reader: &T::AccountId, patient: &T::AccountId) {
		crate::benchmarking::refuse_at_greatest_cost::<T>(reader, patient);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_allow_costliest(
		reader: &T::AccountId,
		org: OrganisationId,
		patient: &T::AccountId,
	) -> PurposeOfUse {
		crate::benchmarking::allow_through_last_referral::<T>(reader, org, patient)
	}
}
