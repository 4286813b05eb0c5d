//! Benchmarks of every drug provenance call (`#[benchmarks]` v2), each in its worst case: the
//! caller acts as a practitioner (not the administrator, which is found with fewer reads),
//! the longest names and identifiers, and up to [`MAX_PACKS_PER_CALL`] serialised packs.

use super::*;
use crate::Pallet as DrugProvenance;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use ruralmed_primitives::{
	OrganisationId, OrganisationKind, PractitionerDirectory, PractitionerRole,
};
use sp_core::H256;
use sp_runtime::traits::Saturating;

/// A valid GTIN no preset uses.
const GTIN: Gtin = Gtin(*b"09999999999994");

/// The shortest company prefix `GTIN` falls under: finding it takes the most reads, since
/// the longest prefixes are looked up first.
fn gtin_prefix() -> CompanyPrefix {
	CompanyPrefix::truncate_from(b"999999".to_vec())
}

/// A distinct well-formed company prefix of the longest length, none of them `GTIN`'s.
fn other_prefix(i: u32) -> CompanyPrefix {
	CompanyPrefix::truncate_from(alloc::format!("1{:010}", i).into_bytes())
}

/// Gives `maker` `MaxCompanyPrefixes - 1` other prefixes, so that its list is as long as it
/// gets before one more is added.
fn nearly_full_prefixes<T: Config>(maker: OrganisationId) {
	for i in 0..T::MaxCompanyPrefixes::get().saturating_sub(1) {
		DrugProvenance::<T>::do_assign_prefix(maker, other_prefix(i))
			.expect("the authority assigns prefixes");
	}
}

/// A new active organisation of `kind` with an active practitioner who acts for it.
fn organisation<T: Config>(seed: u32, kind: OrganisationKind) -> (OrganisationId, T::AccountId) {
	let admin: T::AccountId = account("admin", seed, 0);
	let staff: T::AccountId = account("staff", seed, 0);
	let org =
		T::Directory::benchmark_practitioner(&admin, &staff, PractitionerRole::Pharmacist, kind);
	(org, staff)
}

/// `n` distinct serials of the longest length.
fn serial_list(n: u32) -> SerialList {
	let serials: Vec<Serial> = (0..n)
		.map(|i| {
			let mut text = alloc::vec![b'S'; MAX_SERIAL_LEN as usize];
			// The last ten characters are the number, so serials differ.
			let digits = alloc::format!("{:010}", i);
			text[MAX_SERIAL_LEN as usize - 10..].copy_from_slice(digits.as_bytes());
			Serial::truncate_from(text)
		})
		.collect();
	BoundedVec::truncate_from(serials)
}

/// A product of `maker`, cold chain or not.
fn product<T: Config>(maker: OrganisationId, cold: bool) {
	Products::<T>::insert(
		GTIN,
		Product {
			manufacturer: maker,
			name: BoundedVec::truncate_from(alloc::vec![b'n'; MAX_PRODUCT_NAME_LEN as usize]),
			form: DosageForm::Vaccine,
			strength: BoundedVec::truncate_from(alloc::vec![b's'; MAX_STRENGTH_LEN as usize]),
			storage: if cold {
				StorageCondition::ColdChain { min_decicelsius: 20, max_decicelsius: 80 }
			} else {
				StorageCondition::Ambient
			},
			lots: 0,
		},
	);
}

fn longest_lot_number() -> LotNumber {
	LotNumber::truncate_from(alloc::vec![b'L'; MAX_LOT_NUMBER_LEN as usize])
}

/// A lot of the benchmark product, commissioned by the maker's `staff`: with `packs` serialised
/// packs commissioned if `packs > 0`, else 1,000 unserialised packs.
fn lot<T: Config>(staff: &T::AccountId, packs: u32) -> LotId {
	let serialised = packs > 0;
	let quantity = if serialised { MAX_PACKS_PER_CALL * 2 } else { 1_000 };
	let id = DrugProvenance::<T>::insert_lot(
		GTIN,
		longest_lot_number(),
		0,
		DrugProvenance::<T>::today().saturating_add(1_000),
		quantity.min(T::MaxLotQuantity::get()),
		serialised,
		false,
	)
	.expect("benchmark lot is valid");
	if serialised {
		DrugProvenance::<T>::do_commission_serials(staff, id, serial_list(packs))
			.expect("the maker commissions its packs");
	}
	id
}

/// What `n` packs mean for a call: `n` serials, or (for `n = 0`) ten unserialised packs.
fn amount(n: u32) -> (u32, SerialList) {
	if n > 0 {
		(n, serial_list(n))
	} else {
		(10, BoundedVec::default())
	}
}

/// A maker, a product and a lot (serialised with `n` packs if `n > 0`), shipped to and received
/// by a new organisation of `kind`. Returns the lot, the maker and the holder.
fn held_by<T: Config>(
	n: u32,
	kind: OrganisationKind,
	cold: bool,
) -> (LotId, (OrganisationId, T::AccountId), (OrganisationId, T::AccountId)) {
	let (maker, maker_staff) = organisation::<T>(0, OrganisationKind::Manufacturer);
	let (holder, holder_staff) = organisation::<T>(1, kind);
	product::<T>(maker, cold);
	let id = lot::<T>(&maker_staff, n);
	let (quantity, serials) = amount(n);
	let shipment =
		DrugProvenance::<T>::do_ship(&maker_staff, id, maker, Some(holder), quantity, serials)
			.expect("the maker ships");
	DrugProvenance::<T>::do_receive(&holder_staff, shipment, quantity, BoundedVec::default())
		.expect("the holder receives");
	(id, (maker, maker_staff), (holder, holder_staff))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_product() {
		let (maker, staff) = organisation::<T>(0, OrganisationKind::Manufacturer);
		nearly_full_prefixes::<T>(maker);
		DrugProvenance::<T>::do_assign_prefix(maker, gtin_prefix())
			.expect("the authority assigns the prefix");
		let name = BoundedVec::truncate_from(alloc::vec![b'n'; MAX_PRODUCT_NAME_LEN as usize]);
		let strength = BoundedVec::truncate_from(alloc::vec![b's'; MAX_STRENGTH_LEN as usize]);
		let storage = StorageCondition::ColdChain { min_decicelsius: 20, max_decicelsius: 80 };

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), maker, GTIN, name, DosageForm::Vaccine, strength, storage);

		assert!(Products::<T>::contains_key(GTIN));
	}

	#[benchmark]
	fn commission_lot() {
		let (maker, staff) = organisation::<T>(0, OrganisationKind::Manufacturer);
		product::<T>(maker, false);
		let expires = DrugProvenance::<T>::today().saturating_add(1_000);
		let id = NextLotId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), GTIN, longest_lot_number(), 0, expires, 1_000, false);

		assert_eq!(Holdings::<T>::get(id, maker), 1_000);
	}

	#[benchmark]
	fn commission_serials(n: Linear<1, MAX_PACKS_PER_CALL>) {
		let (maker, staff) = organisation::<T>(0, OrganisationKind::Manufacturer);
		product::<T>(maker, false);
		let id = DrugProvenance::<T>::insert_lot(
			GTIN,
			longest_lot_number(),
			0,
			DrugProvenance::<T>::today().saturating_add(1_000),
			MAX_PACKS_PER_CALL,
			true,
			false,
		)
		.expect("benchmark lot is valid");

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), id, serial_list(n));

		assert_eq!(Holdings::<T>::get(id, maker), n);
	}

	#[benchmark]
	fn ship(n: Linear<0, MAX_PACKS_PER_CALL>) {
		let (maker, staff) = organisation::<T>(0, OrganisationKind::Manufacturer);
		let (to, _) = organisation::<T>(1, OrganisationKind::Distributor);
		product::<T>(maker, false);
		let id = lot::<T>(&staff, n);
		let (quantity, serials) = amount(n);

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), id, maker, to, quantity, serials);

		assert_eq!(Lots::<T>::get(id).map(|l| l.in_transit), Some(quantity));
	}

	#[benchmark]
	fn receive_shipment(n: Linear<0, MAX_PACKS_PER_CALL>) {
		let (maker, staff) = organisation::<T>(0, OrganisationKind::Manufacturer);
		let (to, receiver) = organisation::<T>(1, OrganisationKind::Distributor);
		product::<T>(maker, false);
		let id = lot::<T>(&staff, n);
		let (quantity, serials) = amount(n);
		// Half the packs go missing: each pack is checked against the missing list.
		let missing: SerialList =
			BoundedVec::truncate_from(serials.iter().take((n / 2) as usize).cloned().collect());
		let received = quantity - missing.len() as u32;
		let shipment = DrugProvenance::<T>::do_ship(&staff, id, maker, Some(to), quantity, serials)
			.expect("the maker ships");

		#[extrinsic_call]
		_(RawOrigin::Signed(receiver), shipment, received, missing);

		assert_eq!(Holdings::<T>::get(id, to), received);
	}

	#[benchmark]
	fn record_excursion() {
		let (id, _, (holder, staff)) = held_by::<T>(0, OrganisationKind::Pharmacy, true);
		let minutes = T::ExcursionToleranceMinutes::get().saturating_add(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), id, holder, 60, 140, minutes);

		assert!(Lots::<T>::get(id).is_some_and(|l| l.cold_chain == ColdChain::Breached));
	}

	#[benchmark]
	fn dispense(n: Linear<0, MAX_PACKS_PER_CALL>) {
		let (id, _, (pharmacy, staff)) = held_by::<T>(n, OrganisationKind::Pharmacy, false);
		let (quantity, serials) = amount(n);

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), id, pharmacy, quantity, serials, Some(H256::repeat_byte(7)));

		assert_eq!(Lots::<T>::get(id).map(|l| l.dispensed), Some(quantity));
	}

	#[benchmark]
	fn recall_lot() {
		let (maker, staff) = organisation::<T>(0, OrganisationKind::Manufacturer);
		product::<T>(maker, false);
		let id = lot::<T>(&staff, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), id, RecallReason::SafetyRisk);

		assert!(Lots::<T>::get(id).is_some_and(|l| matches!(l.status, LotStatus::Recalled { .. })));
	}

	/// A holder (not the maker) flags its own stock: it reads its holding and the suspect
	/// holdings, and writes the flag (a pack flag reads and writes one pack).
	#[benchmark]
	fn flag_suspect() {
		let (id, _, (holder, staff)) = held_by::<T>(1, OrganisationKind::Pharmacy, false);

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), id, None, holder, SuspectReason::LabelMismatch);

		assert!(SuspectHoldings::<T>::contains_key(id, holder));
	}

	#[benchmark]
	fn clear_suspect() {
		let (id, (_, maker_staff), (holder, staff)) =
			held_by::<T>(1, OrganisationKind::Pharmacy, false);
		let serial = serial_list(1)[0].clone();
		DrugProvenance::<T>::do_flag_suspect(
			RawOrigin::Signed(staff).into(),
			id,
			Some(serial.clone()),
			holder,
			SuspectReason::LabelMismatch,
		)
		.expect("the holder flags its pack");

		#[extrinsic_call]
		_(RawOrigin::Signed(maker_staff), id, Some(serial.clone()));

		assert!(Packs::<T>::get(id, serial).is_some_and(|p| p.status == PackStatus::Active));
	}

	#[benchmark]
	fn confirm_illegitimate() {
		let (id, (_, maker_staff), (holder, staff)) =
			held_by::<T>(1, OrganisationKind::Pharmacy, false);
		let serial = serial_list(1)[0].clone();
		DrugProvenance::<T>::do_flag_suspect(
			RawOrigin::Signed(staff).into(),
			id,
			Some(serial.clone()),
			holder,
			SuspectReason::SuspectedCounterfeit,
		)
		.expect("the holder flags its pack");

		#[extrinsic_call]
		_(RawOrigin::Signed(maker_staff), id, Some(serial.clone()));

		assert!(Packs::<T>::get(id, serial).is_some_and(|p| p.status == PackStatus::Illegitimate));
	}

	#[benchmark]
	fn return_to_manufacturer(n: Linear<0, MAX_PACKS_PER_CALL>) {
		let (id, _, (holder, staff)) = held_by::<T>(n, OrganisationKind::Pharmacy, false);
		let (quantity, serials) = amount(n);

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), id, holder, quantity, serials);

		assert_eq!(Lots::<T>::get(id).map(|l| l.in_transit), Some(quantity));
	}

	#[benchmark]
	fn destroy_stock(n: Linear<0, MAX_PACKS_PER_CALL>) {
		let (id, _, (holder, staff)) = held_by::<T>(n, OrganisationKind::Pharmacy, false);
		let (quantity, serials) = amount(n);

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), id, holder, quantity, serials);

		assert_eq!(Lots::<T>::get(id).map(|l| l.destroyed), Some(quantity));
	}

	#[benchmark]
	fn assign_company_prefix() -> Result<(), BenchmarkError> {
		let (maker, _) = organisation::<T>(0, OrganisationKind::Manufacturer);
		nearly_full_prefixes::<T>(maker);
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let prefix = other_prefix(u32::MAX);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, maker, prefix.clone());

		assert_eq!(PrefixOwners::<T>::get(prefix), Some(maker));
		Ok(())
	}

	#[benchmark]
	fn remove_company_prefix() -> Result<(), BenchmarkError> {
		let (maker, _) = organisation::<T>(0, OrganisationKind::Manufacturer);
		nearly_full_prefixes::<T>(maker);
		DrugProvenance::<T>::do_assign_prefix(maker, gtin_prefix())
			.expect("the authority assigns the prefix");
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, gtin_prefix());

		assert!(!PrefixOwners::<T>::contains_key(gtin_prefix()));
		Ok(())
	}

	#[benchmark]
	fn reassign_product() -> Result<(), BenchmarkError> {
		let (maker, _) = organisation::<T>(0, OrganisationKind::Manufacturer);
		let (other, _) = organisation::<T>(1, OrganisationKind::Manufacturer);
		product::<T>(maker, true);
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, GTIN, other);

		assert_eq!(Products::<T>::get(GTIN).map(|p| p.manufacturer), Some(other));
		Ok(())
	}

	#[benchmark]
	fn retire_product() -> Result<(), BenchmarkError> {
		let (maker, _) = organisation::<T>(0, OrganisationKind::Manufacturer);
		product::<T>(maker, true);
		let origin =
			T::AuthorityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, GTIN);

		assert!(RetiredProducts::<T>::contains_key(GTIN));
		Ok(())
	}

	/// The maker's practitioner (not the authority, which needs no reads) clears a holder's
	/// flag.
	#[benchmark]
	fn clear_holding_suspicion() {
		let (id, (_, maker_staff), (holder, staff)) =
			held_by::<T>(0, OrganisationKind::Pharmacy, false);
		DrugProvenance::<T>::do_flag_suspect(
			RawOrigin::Signed(staff).into(),
			id,
			None,
			holder,
			SuspectReason::LabelMismatch,
		)
		.expect("the holder flags its stock");

		#[extrinsic_call]
		_(RawOrigin::Signed(maker_staff), id, holder);

		assert!(!SuspectHoldings::<T>::contains_key(id, holder));
	}

	/// The sender's practitioner cancels a shipment of `n` packs past the timeout whose
	/// receiver is gone: the signed path, which also reads the sender's standing and the
	/// receiver's.
	#[benchmark]
	fn cancel_shipment(n: Linear<0, MAX_PACKS_PER_CALL>) {
		let (maker, staff) = organisation::<T>(0, OrganisationKind::Manufacturer);
		let (to, _) = organisation::<T>(1, OrganisationKind::Distributor);
		product::<T>(maker, false);
		let id = lot::<T>(&staff, n);
		let (quantity, serials) = amount(n);
		let shipment = DrugProvenance::<T>::do_ship(&staff, id, maker, Some(to), quantity, serials)
			.expect("the maker ships");
		// The receiver is no longer an active organisation (an id nobody has: the same read).
		Shipments::<T>::mutate(shipment, |s| {
			if let Some(s) = s {
				s.to = OrganisationId::MAX;
			}
		});
		let later: BlockNumberFor<T> =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ShipmentTimeout::get());
		frame_system::Pallet::<T>::set_block_number(later);

		#[extrinsic_call]
		_(RawOrigin::Signed(staff), shipment);

		assert_eq!(Lots::<T>::get(id).map(|l| l.in_transit), Some(0));
	}

	impl_benchmark_test_suite!(DrugProvenance, crate::mock::new_test_ext(), crate::mock::Test);
}
