//! Benchmarks of every registry call, in the `#[benchmarks]` (v2) syntax. Each runs against
//! the worst case its call can meet: longest name, fullest affiliation list, a key rotation
//! rather than a first key.

use super::*;
use crate::Pallet as Registry;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use ruralmed_primitives::{OrganisationKind, OrganisationStatus, PractitionerRole, RegionCode};
use sp_core::H256;
use sp_runtime::Saturating;

fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	let amount = T::OrganisationDeposit::get().saturating_mul(100u32.into())
		+ T::Currency::minimum_balance().saturating_mul(100u32.into());
	let _ = T::Currency::set_balance(&who, amount);
	who
}

fn new_org<T: Config>(admin: &T::AccountId, active: bool) -> u32 {
	let org = Registry::<T>::do_apply(
		admin.clone(),
		OrganisationKind::CountyHospital,
		alloc::vec![b'n'; T::MaxNameLength::get() as usize],
		RegionCode::new(1, 2, 3),
	)
	.expect("funded admin can apply");
	if active {
		Registry::<T>::do_verify_organisation(org).expect("pending organisation verifies");
	}
	org
}

/// A practitioner affiliated with `MaxAffiliations - 1` organisations, so that adding or
/// removing one more scans the fullest list.
fn busy_practitioner<T: Config>(admin: &T::AccountId) -> T::AccountId {
	let doc: T::AccountId = account("doc", 0, 0);
	for _ in 0..T::MaxAffiliations::get().saturating_sub(1) {
		let org = new_org::<T>(admin, true);
		Registry::<T>::do_add_practitioner(
			admin,
			org,
			doc.clone(),
			PractitionerRole::Doctor,
			H256::repeat_byte(7),
		)
		.expect("room for one more affiliation");
	}
	doc
}

fn authority<T: Config>() -> T::RuntimeOrigin {
	T::AuthorityOrigin::try_successful_origin().expect("authority origin is benchmarkable")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn apply_for_organisation() {
		let who = funded::<T>("admin", 0);
		let name = alloc::vec![b'n'; T::MaxNameLength::get() as usize];
		let org = NextOrganisationId::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), OrganisationKind::VillageClinic, name, RegionCode::new(1, 2, 3));
		assert_eq!(Organisations::<T>::get(org).unwrap().status, OrganisationStatus::Pending);
	}

	#[benchmark]
	fn verify_organisation() -> Result<(), BenchmarkError> {
		let admin = funded::<T>("admin", 0);
		let org = new_org::<T>(&admin, false);
		let origin = authority::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, org);
		assert_eq!(Organisations::<T>::get(org).unwrap().status, OrganisationStatus::Active);
		Ok(())
	}

	#[benchmark]
	fn suspend_organisation() -> Result<(), BenchmarkError> {
		let admin = funded::<T>("admin", 0);
		let org = new_org::<T>(&admin, true);
		let origin = authority::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, org);
		assert_eq!(Organisations::<T>::get(org).unwrap().status, OrganisationStatus::Suspended);
		Ok(())
	}

	#[benchmark]
	fn close_organisation() -> Result<(), BenchmarkError> {
		let admin = funded::<T>("admin", 0);
		let org = new_org::<T>(&admin, true);
		let origin = authority::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, org);
		assert_eq!(Organisations::<T>::get(org).unwrap().status, OrganisationStatus::Closed);
		Ok(())
	}

	#[benchmark]
	fn reject_application() -> Result<(), BenchmarkError> {
		let admin = funded::<T>("admin", 0);
		let org = new_org::<T>(&admin, false);
		let origin = authority::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, org);
		assert!(Organisations::<T>::get(org).is_none());
		Ok(())
	}

	#[benchmark]
	fn transfer_admin() {
		let admin = funded::<T>("admin", 0);
		let org = new_org::<T>(&admin, true);
		let new_admin: T::AccountId = account("admin", 1, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), org, new_admin.clone());
		assert_eq!(Organisations::<T>::get(org).unwrap().admin, new_admin);
	}

	#[benchmark]
	fn add_practitioner() {
		let admin = funded::<T>("admin", 0);
		let doc = busy_practitioner::<T>(&admin);
		let org = new_org::<T>(&admin, true);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(admin),
			org,
			doc.clone(),
			PractitionerRole::Doctor,
			H256::repeat_byte(7),
		);
		assert_eq!(
			Practitioners::<T>::get(&doc).unwrap().affiliations.len() as u32,
			T::MaxAffiliations::get()
		);
	}

	#[benchmark]
	fn remove_practitioner() {
		let admin = funded::<T>("admin", 0);
		let doc = busy_practitioner::<T>(&admin);
		let org = new_org::<T>(&admin, true);
		Registry::<T>::do_add_practitioner(
			&admin,
			org,
			doc.clone(),
			PractitionerRole::Doctor,
			H256::repeat_byte(7),
		)
		.expect("room for the last affiliation");
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), org, doc.clone());
		assert!(!Practitioners::<T>::get(&doc).unwrap().affiliations.contains(&org));
	}

	#[benchmark]
	fn verify_licence() -> Result<(), BenchmarkError> {
		let admin = funded::<T>("admin", 0);
		let doc = busy_practitioner::<T>(&admin);
		let origin = authority::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, doc.clone());
		assert_eq!(Practitioners::<T>::get(&doc).unwrap().status, LicenceStatus::Active);
		Ok(())
	}

	#[benchmark]
	fn suspend_practitioner() -> Result<(), BenchmarkError> {
		let admin = funded::<T>("admin", 0);
		let doc = busy_practitioner::<T>(&admin);
		let origin = authority::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, doc.clone());
		assert_eq!(Practitioners::<T>::get(&doc).unwrap().status, LicenceStatus::Suspended);
		Ok(())
	}

	#[benchmark]
	fn revoke_licence() -> Result<(), BenchmarkError> {
		let admin = funded::<T>("admin", 0);
		let doc = busy_practitioner::<T>(&admin);
		let origin = authority::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, doc.clone());
		assert_eq!(Practitioners::<T>::get(&doc).unwrap().status, LicenceStatus::Revoked);
		Ok(())
	}

	#[benchmark]
	fn publish_encryption_key() {
		let who: T::AccountId = account("patient", 0, 0);
		Registry::<T>::do_publish_key(who.clone(), [1; 32]).expect("first key publishes");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), [2; 32]);
		assert_eq!(EncryptionKeys::<T>::get(&who).unwrap().version, 1);
	}

	impl_benchmark_test_suite!(Registry, crate::mock::new_test_ext(), crate::mock::Test);
}
