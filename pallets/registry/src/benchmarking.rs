//! Benchmarks of every registry call, in the `#[benchmarks]` (v2) syntax. Each runs against
//! the worst case its call can meet: longest name, fullest affiliation list, an admin who is a
//! practitioner (one more read for its standing), a key rotation that also drops the oldest
//! retired key.

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

/// Registers `admin` as a verified practitioner of an organisation of its own, so that the
/// admin's standing is read from a practitioner entry, as for every admin who is one.
fn practising_admin<T: Config>(admin: &T::AccountId) {
	let org = new_org::<T>(admin, true);
	Registry::<T>::do_add_practitioner(
		admin,
		org,
		admin.clone(),
		PractitionerRole::Doctor,
		H256::repeat_byte(3),
	)
	.expect("the admin can register itself");
	Registry::<T>::do_verify_licence(admin.clone()).expect("a new licence is unverified");
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
		// The new admin is a practitioner, so its standing is read and checked.
		let new_admin = funded::<T>("admin", 1);
		practising_admin::<T>(&new_admin);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), org, new_admin.clone());
		assert_eq!(Organisations::<T>::get(org).unwrap().admin, new_admin);
	}

	/// A new practitioner: besides the organisation and both practitioner entries (the admin's
	/// for its standing, the new one's absent), the licence index is read, which adding an
	/// affiliation to a known practitioner skips.
	#[benchmark]
	fn add_practitioner() {
		let admin = funded::<T>("admin", 0);
		practising_admin::<T>(&admin);
		let org = new_org::<T>(&admin, true);
		let doc: T::AccountId = account("doc", 0, 0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(admin),
			org,
			doc.clone(),
			PractitionerRole::Doctor,
			H256::repeat_byte(7),
		);
		assert_eq!(Practitioners::<T>::get(&doc).unwrap().status, LicenceStatus::Unverified);
	}

	#[benchmark]
	fn remove_practitioner() {
		let admin = funded::<T>("admin", 0);
		practising_admin::<T>(&admin);
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

	/// A first verification: the licence hash is looked up and bound.
	#[benchmark]
	fn verify_licence() -> Result<(), BenchmarkError> {
		let admin = funded::<T>("admin", 0);
		let doc = busy_practitioner::<T>(&admin);
		let origin = authority::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, doc.clone());
		assert_eq!(Practitioners::<T>::get(&doc).unwrap().status, LicenceStatus::Active);
		assert_eq!(LicenceOwners::<T>::get(H256::repeat_byte(7)), Some(doc));
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

	/// A rotation with `MaxRetiredKeys` keys retired already, so the oldest is dropped.
	#[benchmark]
	fn publish_encryption_key() {
		let who: T::AccountId = account("patient", 0, 0);
		let key = |i: u32| {
			let mut key = [1u8; 32];
			key[..4].copy_from_slice(&i.to_le_bytes());
			key
		};
		let last = T::MaxRetiredKeys::get();
		for i in 0..=last {
			Registry::<T>::do_publish_key(who.clone(), key(i)).expect("a new key publishes");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), key(last + 1));
		assert_eq!(EncryptionKeys::<T>::get(&who).unwrap().version, last + 1);
		assert!(RetiredKeys::<T>::get(&who, 0).is_none());
	}

	/// The licence's holder is active with the fullest affiliation list.
	#[benchmark]
	fn release_licence() -> Result<(), BenchmarkError> {
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
		Registry::<T>::do_verify_licence(doc.clone()).expect("a new licence is unverified");
		let origin = authority::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, H256::repeat_byte(7));
		assert_eq!(Practitioners::<T>::get(&doc).unwrap().status, LicenceStatus::Revoked);
		assert!(LicenceOwners::<T>::get(H256::repeat_byte(7)).is_none());
		Ok(())
	}

	impl_benchmark_test_suite!(Registry, crate::mock::new_test_ext(), crate::mock::Test);
}
