//! The registry's answers to the other pallets: `PractitionerDirectory`.

use crate::*;
use ruralmed_primitives::{
	OrganisationId, OrganisationSummary, PractitionerDirectory, PractitionerStanding,
};
use sp_runtime::DispatchError;

impl<T: Config> PractitionerDirectory<T::AccountId> for Pallet<T> {
	fn practitioner(who: &T::AccountId) -> Option<PractitionerStanding> {
		Practitioners::<T>::get(who).map(|p| PractitionerStanding {
			role: p.role,
			active: p.status == LicenceStatus::Active,
			barred: p.status.is_barred(),
		})
	}

	fn organisation(org: OrganisationId) -> Option<OrganisationSummary<T::AccountId>> {
		Organisations::<T>::get(org).map(|o| OrganisationSummary {
			kind: o.kind,
			region: o.region,
			status: o.status,
			admin: o.admin,
		})
	}

	fn is_affiliated(who: &T::AccountId, org: OrganisationId) -> bool {
		Practitioners::<T>::get(who).is_some_and(|p| p.affiliations.contains(&org))
	}

	fn affiliations(who: &T::AccountId) -> alloc::vec::Vec<OrganisationId> {
		Practitioners::<T>::get(who).map(|p| p.affiliations.into_inner()).unwrap_or_default()
	}

	fn suspend_practitioner(who: &T::AccountId) -> Result<(), DispatchError> {
		Self::do_suspend_practitioner(who.clone())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_practitioner(
		admin: &T::AccountId,
		who: &T::AccountId,
		role: ruralmed_primitives::PractitionerRole,
		kind: ruralmed_primitives::OrganisationKind,
	) -> OrganisationId {
		use frame_support::traits::{
			fungible::{Inspect, Mutate},
			Get,
		};
		use sp_runtime::Saturating;
		let _ = T::Currency::set_balance(
			admin,
			T::OrganisationDeposit::get().saturating_mul(10u32.into())
				+ T::Currency::minimum_balance().saturating_mul(100u32.into()),
		);
		let org = Self::do_apply(
			admin.clone(),
			kind,
			alloc::vec![b'x'; T::MaxNameLength::get() as usize],
			ruralmed_primitives::RegionCode::new(1, 1, 1),
		)
		.expect("benchmark admin is funded");
		Self::do_verify_organisation(org).expect("a new organisation is pending");
		let licence = {
			use sp_runtime::traits::{BlakeTwo256, Hash};
			BlakeTwo256::hash_of(who)
		};
		if Practitioners::<T>::get(who).is_none() {
			Self::do_add_practitioner(admin, org, who.clone(), role, licence)
				.expect("a new practitioner can be added");
			Self::do_verify_licence(who.clone()).expect("a new licence is unverified");
		} else {
			let p = Practitioners::<T>::get(who).expect("checked above");
			Self::do_add_practitioner(admin, org, who.clone(), p.role, p.licence_hash)
				.expect("a known practitioner can join a new organisation");
		}
		org
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_busiest_practitioner(
		admin: &T::AccountId,
		who: &T::AccountId,
		role: ruralmed_primitives::PractitionerRole,
		kind: ruralmed_primitives::OrganisationKind,
	) -> OrganisationId {
		use frame_support::traits::Get;
		let mut org = Self::benchmark_practitioner(admin, who, role, kind);
		let held = Practitioners::<T>::get(who).map_or(0, |p| p.affiliations.len() as u32);
		for _ in held..T::MaxAffiliations::get() {
			org = Self::benchmark_practitioner(admin, who, role, kind);
		}
		org
	}
}
