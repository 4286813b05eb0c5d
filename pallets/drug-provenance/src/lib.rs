//! # Drug provenance pallet
//!
//! Every drug pack a rural patient receives can be traced back to its maker, and a fake,
//! expired or recalled pack is caught before it is dispensed. The model follows the GS1
//! identifiers and EPCIS events that the US DSCSA and the EU Falsified Medicines Directive
//! systems use.
//!
//! ## Identifiers
//! A **product** is registered by its manufacturer under a 14-digit [`Gtin`] whose GS1 mod-10
//! check digit is validated. A **lot** is a GTIN plus a lot number (GS1 AI 10) with manufacture
//! and expiry days and a declared size. A **pack** of a serialised lot carries a serial (GS1 AI
//! 21); GTIN + serial is the SGTIN. Serials are commissioned in chunks of at most
//! [`MAX_PACKS_PER_CALL`] so that no call comes near the block limits.
//!
//! ## Custody: one owner at a time
//! Stock of a lot is held by organisations ([`Holdings`]); serialised packs also record their
//! own [`Custody`]. A **shipment** takes a quantity (or the listed packs) out of the sender's
//! stock into transit; only the receiver can confirm it, once, stating what arrived; missing
//! packs are recorded as lost, never silently dropped. Nobody can ship what they do not hold,
//! and a pack in transit or dispensed cannot be shipped again. Every step appends a
//! [`CustodyEvent`] (business step, disposition, read point = organisation and region, block
//! and time) to the lot's path, which is stored page-wise and never iterated inside a call.
//!
//! Quantities are conserved for each lot, and `try_state` checks it:
//! `commissioned = held + in_transit + dispensed + destroyed + lost`.
//!
//! ## Quality
//! - **Cold chain**: a holder records a temperature excursion of a cold-chain lot; an excursion
//!   outside the product's range for longer than [`Config::ExcursionToleranceMinutes`] marks
//!   the lot's cold chain as broken and quarantines it.
//! - **Suspect products**: any holder flags a lot or one of its packs as suspect, which
//!   quarantines it until the manufacturer or the [`Config::AuthorityOrigin`] clears it or
//!   confirms it illegitimate.
//! - **Recalls**: the manufacturer or the authority recalls a lot with a reason code.
//! - Recalled, quarantined, illegitimate and expired stock cannot be shipped down the chain or
//!   dispensed; it can be returned to the manufacturer (a shipment of kind `Return`) or
//!   destroyed by its holder.
//!
//! ## Dispensing
//! A pharmacy, clinic or hospital dispenses packs to a patient from its stock, optionally
//! linking the patient's medication-dispense record anchor, so that a recall reaches the
//! patient's clinicians: `recall_reach` in the runtime API lists a lot's dispensations.
//!
//! ## Verification: the counterfeit check
//! Anyone (a patient with a phone, a pharmacist) calls the runtime API's `verify` with a GTIN,
//! a lot number and optionally a serial, and gets a [`Verdict`] (unknown, genuine, expired,
//! recalled, suspect, illegitimate, already decommissioned), the maker, and the custody path.
//!
//! ## Roles
//! An organisation acts through its administrator or any of its active practitioners
//! ([`ruralmed_primitives::PractitionerDirectory`]); only active organisations act. Products
//! and lots belong to `Manufacturer` organisations; dispensing is for pharmacies, village
//! clinics, township health centres and county hospitals.
//!
//! ## Calls
//! [`register_product`](Pallet::register_product), [`commission_lot`](Pallet::commission_lot),
//! [`commission_serials`](Pallet::commission_serials), [`ship`](Pallet::ship),
//! [`receive_shipment`](Pallet::receive_shipment),
//! [`record_excursion`](Pallet::record_excursion), [`dispense`](Pallet::dispense),
//! [`recall_lot`](Pallet::recall_lot), [`flag_suspect`](Pallet::flag_suspect),
//! [`clear_suspect`](Pallet::clear_suspect),
//! [`confirm_illegitimate`](Pallet::confirm_illegitimate),
//! [`return_to_manufacturer`](Pallet::return_to_manufacturer),
//! [`destroy_stock`](Pallet::destroy_stock).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use ruralmed_primitives::{OrganisationId, PatientDirectory, PractitionerDirectory, RecordId};

	/// A lot as stored.
	pub type LotOf<T> = Lot<BlockNumberFor<T>>;
	/// A shipment as stored.
	pub type ShipmentOf<T> = Shipment<BlockNumberFor<T>>;
	/// A dispensation as stored.
	pub type DispensationOf<T> =
		Dispensation<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A custody event as stored.
	pub type CustodyEventOf<T> = CustodyEvent<BlockNumberFor<T>>;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who is who: the registry.
		type Directory: PractitionerDirectory<Self::AccountId>;
		/// The patients and their records: the patient records.
		type Patients: PatientDirectory<Self::AccountId>;
		/// Recalls, clears and condemns lots besides their manufacturer: the health council.
		type AuthorityOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Wall-clock time, for expiry days and event times.
		type UnixTime: UnixTime;
		/// Largest lot, in packs.
		#[pallet::constant]
		type MaxLotQuantity: Get<u32>;
		/// Minutes a cold-chain product may spend outside its range before its lot counts as
		/// broken.
		#[pallet::constant]
		type ExcursionToleranceMinutes: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Products by GTIN.
	#[pallet::storage]
	pub type Products<T: Config> = StorageMap<_, Blake2_128Concat, Gtin, Product, OptionQuery>;

	/// The id the next lot will get.
	#[pallet::storage]
	pub type NextLotId<T> = StorageValue<_, LotId, ValueQuery>;

	/// Lots by id.
	#[pallet::storage]
	pub type Lots<T: Config> = StorageMap<_, Twox64Concat, LotId, LotOf<T>, OptionQuery>;

	/// Lot ids by GTIN and lot number: how a pack in hand is found.
	#[pallet::storage]
	pub type LotIds<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Gtin,
		Blake2_128Concat,
		LotNumber,
		LotId,
		OptionQuery,
	>;

	/// Packs of each lot each organisation holds (serialised or not); no zero entries.
	#[pallet::storage]
	pub type Holdings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, LotId, Twox64Concat, OrganisationId, u32, ValueQuery>;

	/// Serialised packs by lot and serial.
	#[pallet::storage]
	pub type Packs<T: Config> =
		StorageDoubleMap<_, Twox64Concat, LotId, Blake2_128Concat, Serial, Pack, OptionQuery>;

	/// The id the next shipment will get.
	#[pallet::storage]
	pub type NextShipmentId<T> = StorageValue<_, ShipmentId, ValueQuery>;

	/// Shipments by id; kept for the custody history.
	#[pallet::storage]
	pub type Shipments<T: Config> =
		StorageMap<_, Twox64Concat, ShipmentId, ShipmentOf<T>, OptionQuery>;

	/// Each lot's custody path: (lot, position) → event, positions from 0 to the lot's
	/// `events` count.
	#[pallet::storage]
	pub type CustodyEvents<T: Config> =
		StorageDoubleMap<_, Twox64Concat, LotId, Twox64Concat, u32, CustodyEventOf<T>, OptionQuery>;

	/// The id the next dispensation will get.
	#[pallet::storage]
	pub type NextDispensationId<T> = StorageValue<_, DispensationId, ValueQuery>;

	/// Dispensations by id.
	#[pallet::storage]
	pub type Dispensations<T: Config> =
		StorageMap<_, Twox64Concat, DispensationId, DispensationOf<T>, OptionQuery>;

	/// Each lot's dispensations, in order: (lot, position) → id. A recall pages through them.
	#[pallet::storage]
	pub type LotDispensations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, LotId, Twox64Concat, u32, DispensationId, OptionQuery>;

	/// Products and lots to set up at genesis (the demo presets).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(manufacturer, gtin, name, form, strength, storage)`.
		pub products: alloc::vec::Vec<(
			OrganisationId,
			Gtin,
			alloc::vec::Vec<u8>,
			DosageForm,
			alloc::vec::Vec<u8>,
			StorageCondition,
		)>,
		/// `(gtin, lot number, manufactured on, expires on, quantity)`: unserialised lots held
		/// by their manufacturer.
		pub lots: alloc::vec::Vec<(Gtin, alloc::vec::Vec<u8>, Day, Day, u32)>,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _phantom: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (maker, gtin, name, form, strength, storage) in &self.products {
				Pallet::<T>::genesis_product(*maker, *gtin, name, *form, strength, *storage);
			}
			for (gtin, number, made, expires, quantity) in &self.lots {
				Pallet::<T>::genesis_lot(*gtin, number, *made, *expires, *quantity);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A manufacturer registered a product.
		ProductRegistered {
			/// Its GTIN.
			gtin: Gtin,
			/// The manufacturer.
			manufacturer: OrganisationId,
		},
		/// A manufacturer commissioned a lot.
		LotCommissioned {
			/// The lot.
			lot: LotId,
			/// The product.
			gtin: Gtin,
			/// The lot number.
			number: LotNumber,
			/// The manufacturer.
			manufacturer: OrganisationId,
			/// Declared size in packs.
			quantity: u32,
			/// Expiry day.
			expires_on: Day,
			/// Whether its packs are commissioned by serial.
			serialised: bool,
		},
		/// A manufacturer commissioned serialised packs of a lot.
		PacksCommissioned {
			/// The lot.
			lot: LotId,
			/// Packs commissioned by this call.
			count: u32,
			/// Packs of the lot commissioned so far.
			commissioned: u32,
		},
		/// Stock left its holder.
		Shipped {
			/// The shipment.
			shipment: ShipmentId,
			/// The lot.
			lot: LotId,
			/// The sender.
			from: OrganisationId,
			/// The receiver.
			to: OrganisationId,
			/// Packs shipped.
			quantity: u32,
			/// Transfer or return.
			kind: ShipmentKind,
		},
		/// A receiver confirmed a shipment.
		ShipmentReceived {
			/// The shipment.
			shipment: ShipmentId,
			/// The lot.
			lot: LotId,
			/// The receiver.
			to: OrganisationId,
			/// Packs that arrived.
			received: u32,
			/// Packs missing, now recorded as lost.
			missing: u32,
		},
		/// A holder recorded a temperature excursion.
		ExcursionRecorded {
			/// The lot.
			lot: LotId,
			/// The holder.
			org: OrganisationId,
			/// Whether it broke the cold chain (and quarantined the lot).
			breached: bool,
		},
		/// Packs were handed to a patient.
		Dispensed {
			/// The dispensation.
			dispensation: DispensationId,
			/// The lot.
			lot: LotId,
			/// The dispensing organisation.
			org: OrganisationId,
			/// Packs handed out.
			quantity: u32,
			/// The linked medication-dispense record, if any.
			record: Option<RecordId>,
		},
		/// A lot was recalled. Its dispensations (`recall_reach` in the runtime API) lead to
		/// the patients' clinicians.
		LotRecalled {
			/// The lot.
			lot: LotId,
			/// Why.
			reason: RecallReason,
			/// Whether the authority recalled it (else its manufacturer).
			by_authority: bool,
			/// Dispensations of the lot so far.
			dispensations: u32,
		},
		/// A holder flagged a lot or a pack as suspect; it is quarantined.
		FlaggedSuspect {
			/// The lot.
			lot: LotId,
			/// The pack, or `None` for the whole lot.
			serial: Option<Serial>,
			/// The holder.
			org: OrganisationId,
			/// Why.
			reason: SuspectReason,
		},
		/// The manufacturer or the authority cleared a suspicion.
		SuspicionCleared {
			/// The lot.
			lot: LotId,
			/// The pack, or `None` for the whole lot.
			serial: Option<Serial>,
		},
		/// The manufacturer or the authority confirmed a suspect lot or pack illegitimate.
		ConfirmedIllegitimate {
			/// The lot.
			lot: LotId,
			/// The pack, or `None` for the whole lot.
			serial: Option<Serial>,
		},
		/// A holder destroyed stock.
		StockDestroyed {
			/// The lot.
			lot: LotId,
			/// The holder.
			org: OrganisationId,
			/// Packs destroyed.
			quantity: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The GTIN is not 14 digits with a valid check digit.
		InvalidGtin,
		/// A product with this GTIN is already registered.
		ProductExists,
		/// No product has this GTIN.
		UnknownProduct,
		/// The caller does not act for this product's (or lot's) manufacturer, or the
		/// organisation is not an active manufacturer.
		NotManufacturer,
		/// The caller is neither the administrator nor an active practitioner of this active
		/// organisation.
		NotActingForOrganisation,
		/// The product name is empty.
		InvalidName,
		/// A cold-chain range whose minimum is not below its maximum.
		InvalidTemperatureRange,
		/// The lot number is empty or has characters GS1 does not allow.
		InvalidLotNumber,
		/// This product already has a lot with this number.
		LotExists,
		/// The expiry day is not after the manufacture day.
		ExpiryNotAfterManufacture,
		/// The manufacture day is in the future.
		ManufacturedInFuture,
		/// The lot is expired (or expires today).
		StockExpired,
		/// Zero packs, or more than a lot may hold.
		InvalidQuantity,
		/// No lot has this id.
		UnknownLot,
		/// Serials were given for a lot that is not serialised.
		NotSerialised,
		/// The lot is serialised: list exactly the packs concerned.
		SerialsRequired,
		/// A serial is empty or has characters GS1 does not allow.
		InvalidSerial,
		/// A serial is listed twice or already commissioned.
		DuplicateSerial,
		/// More packs than the lot's declared size.
		TooManySerials,
		/// No pack of this lot has this serial.
		UnknownPack,
		/// The pack is not held by this organisation.
		PackNotHeld,
		/// The pack is suspect or illegitimate.
		PackQuarantined,
		/// The organisation holds fewer packs of this lot.
		InsufficientStock,
		/// Sender and receiver are the same organisation.
		SameOrganisation,
		/// The receiver is not an active (verified) organisation.
		RecipientNotVerified,
		/// The lot is recalled.
		LotRecalled,
		/// The lot is quarantined as suspect.
		LotQuarantined,
		/// The lot is confirmed illegitimate.
		LotIllegitimate,
		/// No shipment has this id.
		UnknownShipment,
		/// The shipment was already received.
		ShipmentNotInTransit,
		/// The caller does not act for the shipment's receiver.
		NotRecipient,
		/// The receipt does not match the shipment: more received than shipped, or missing
		/// packs that were not in it, listed twice, or not adding up.
		InvalidReceipt,
		/// The organisation holds no stock of this lot.
		NotHolder,
		/// The product needs no cold chain.
		NotColdChainProduct,
		/// An excursion needs a minimum not above the maximum, a duration, and readings
		/// outside the product's range.
		InvalidExcursion,
		/// This kind of organisation does not dispense to patients.
		NotDispenser,
		/// The record is not a medication-dispense record of that patient.
		InvalidRecordLink,
		/// The lot is already recalled.
		AlreadyRecalled,
		/// The lot or pack is already suspect.
		AlreadySuspect,
		/// The lot or pack is not suspect.
		NotSuspect,
		/// A counter would overflow.
		Overflow,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// Most serials one call may list.
		pub fn max_packs_per_call() -> u32 {
			MAX_PACKS_PER_CALL
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxLotQuantity::get() > 0, "lots must be able to hold packs");
			assert!(
				T::MaxLotQuantity::get() >= MAX_PACKS_PER_CALL,
				"a call may not list more packs than a lot holds"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a product under `gtin` for manufacturer `org`.
		///
		/// - Origin: signed, acting for `org`, an active `Manufacturer` organisation.
		///
		/// Emits [`Event::ProductRegistered`].
		///
		/// Errors: [`Error::NotActingForOrganisation`], [`Error::NotManufacturer`],
		/// [`Error::InvalidGtin`], [`Error::ProductExists`], [`Error::InvalidName`],
		/// [`Error::InvalidTemperatureRange`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_product())]
		pub fn register_product(
			origin: OriginFor<T>,
			org: OrganisationId,
			gtin: Gtin,
			name: ProductName,
			form: DosageForm,
			strength: Strength,
			storage: StorageCondition,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_product(&who, org, gtin, name, form, strength, storage)
		}

		/// Commission lot `number` of product `gtin`: manufactured on `manufactured_on`,
		/// expiring on `expires_on` (days since 1970-01-01), `quantity` packs. An unserialised
		/// lot's packs are held by the manufacturer at once; a serialised lot's packs come into
		/// existence with [`commission_serials`](Pallet::commission_serials).
		///
		/// - Origin: signed, acting for the product's manufacturer.
		///
		/// Emits [`Event::LotCommissioned`].
		///
		/// Errors: [`Error::UnknownProduct`], [`Error::NotManufacturer`],
		/// [`Error::InvalidLotNumber`], [`Error::LotExists`],
		/// [`Error::ExpiryNotAfterManufacture`], [`Error::ManufacturedInFuture`],
		/// [`Error::StockExpired`], [`Error::InvalidQuantity`], [`Error::Overflow`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::commission_lot())]
		pub fn commission_lot(
			origin: OriginFor<T>,
			gtin: Gtin,
			number: LotNumber,
			manufactured_on: Day,
			expires_on: Day,
			quantity: u32,
			serialised: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commission_lot(
				&who,
				gtin,
				number,
				manufactured_on,
				expires_on,
				quantity,
				serialised,
			)
			.map(|_| ())
		}

		/// Commission the packs `serials` of serialised lot `lot`, held by the manufacturer;
		/// at most [`MAX_PACKS_PER_CALL`] per call, up to the lot's declared size.
		///
		/// - Origin: signed, acting for the lot's manufacturer.
		///
		/// Emits [`Event::PacksCommissioned`].
		///
		/// Errors: [`Error::UnknownLot`], [`Error::NotManufacturer`], [`Error::NotSerialised`],
		/// [`Error::LotRecalled`], [`Error::LotQuarantined`], [`Error::LotIllegitimate`],
		/// [`Error::InvalidQuantity`], [`Error::InvalidSerial`], [`Error::DuplicateSerial`],
		/// [`Error::TooManySerials`], [`Error::Overflow`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::commission_serials(serials.len() as u32))]
		pub fn commission_serials(
			origin: OriginFor<T>,
			lot: LotId,
			serials: SerialList,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commission_serials(&who, lot, serials)
		}

		/// Ship `quantity` packs of `lot` (for a serialised lot: exactly the packs `serials`)
		/// from `from` to the active organisation `to`. The stock leaves `from` at once and is
		/// in transit until `to` confirms receipt.
		///
		/// - Origin: signed, acting for `from`.
		///
		/// Emits [`Event::Shipped`].
		///
		/// Errors: [`Error::NotActingForOrganisation`], [`Error::UnknownLot`],
		/// [`Error::LotRecalled`], [`Error::LotQuarantined`], [`Error::LotIllegitimate`],
		/// [`Error::StockExpired`], [`Error::SameOrganisation`],
		/// [`Error::RecipientNotVerified`], [`Error::InvalidQuantity`],
		/// [`Error::NotSerialised`], [`Error::SerialsRequired`], [`Error::DuplicateSerial`],
		/// [`Error::UnknownPack`], [`Error::PackNotHeld`], [`Error::PackQuarantined`],
		/// [`Error::InsufficientStock`], [`Error::Overflow`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::ship(serials.len() as u32))]
		pub fn ship(
			origin: OriginFor<T>,
			lot: LotId,
			from: OrganisationId,
			to: OrganisationId,
			quantity: u32,
			serials: SerialList,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_ship(&who, lot, from, Some(to), quantity, serials).map(|_| ())
		}

		/// Confirm receipt of `shipment`: `received` packs arrived; for a serialised lot,
		/// `missing` lists the packs that did not (and `received` must be the rest). Missing
		/// packs are recorded as lost.
		///
		/// - Origin: signed, acting for the shipment's receiver.
		///
		/// Emits [`Event::ShipmentReceived`].
		///
		/// Errors: [`Error::UnknownShipment`], [`Error::ShipmentNotInTransit`],
		/// [`Error::NotRecipient`], [`Error::NotSerialised`], [`Error::InvalidReceipt`],
		/// [`Error::UnknownLot`], [`Error::Overflow`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::receive_shipment(MAX_PACKS_PER_CALL))]
		pub fn receive_shipment(
			origin: OriginFor<T>,
			shipment: ShipmentId,
			received: u32,
			missing: SerialList,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let packs = Self::do_receive(&who, shipment, received, missing)?;
			Ok(Some(T::WeightInfo::receive_shipment(packs)).into())
		}

		/// Record a temperature excursion of cold-chain lot `lot` while `org` held it: readings
		/// between `min_decicelsius` and `max_decicelsius` (0.1 °C), `minutes` outside the
		/// product's range. Beyond [`Config::ExcursionToleranceMinutes`] the lot's cold chain
		/// counts as broken and an active lot is quarantined.
		///
		/// - Origin: signed, acting for `org`, which holds stock of the lot.
		///
		/// Emits [`Event::ExcursionRecorded`].
		///
		/// Errors: [`Error::NotActingForOrganisation`], [`Error::UnknownLot`],
		/// [`Error::NotHolder`], [`Error::NotColdChainProduct`], [`Error::InvalidExcursion`],
		/// [`Error::UnknownProduct`], [`Error::Overflow`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::record_excursion())]
		pub fn record_excursion(
			origin: OriginFor<T>,
			lot: LotId,
			org: OrganisationId,
			min_decicelsius: i16,
			max_decicelsius: i16,
			minutes: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_excursion(&who, lot, org, min_decicelsius, max_decicelsius, minutes)
		}

		/// Dispense `quantity` packs of `lot` (for a serialised lot: exactly `serials`) from
		/// `org`'s stock to a patient, optionally linking the patient's medication-dispense
		/// record `record = (patient, record id)`.
		///
		/// - Origin: signed, acting for `org`, a pharmacy, clinic or hospital.
		///
		/// Emits [`Event::Dispensed`].
		///
		/// Errors: [`Error::NotActingForOrganisation`], [`Error::NotDispenser`],
		/// [`Error::UnknownLot`], [`Error::LotRecalled`], [`Error::LotQuarantined`],
		/// [`Error::LotIllegitimate`], [`Error::StockExpired`], [`Error::InvalidRecordLink`],
		/// [`Error::InvalidQuantity`], [`Error::NotSerialised`], [`Error::SerialsRequired`],
		/// [`Error::DuplicateSerial`], [`Error::UnknownPack`], [`Error::PackNotHeld`],
		/// [`Error::PackQuarantined`], [`Error::InsufficientStock`], [`Error::Overflow`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::dispense(serials.len() as u32))]
		pub fn dispense(
			origin: OriginFor<T>,
			lot: LotId,
			org: OrganisationId,
			quantity: u32,
			serials: SerialList,
			record: Option<(T::AccountId, RecordId)>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispense(&who, lot, org, quantity, serials, record).map(|_| ())
		}

		/// Recall `lot` for `reason`. From now on its stock can only be returned or destroyed.
		///
		/// - Origin: the [`Config::AuthorityOrigin`], or signed acting for the lot's
		///   manufacturer.
		///
		/// Emits [`Event::LotRecalled`].
		///
		/// Errors: [`Error::UnknownLot`], [`Error::NotManufacturer`],
		/// [`Error::AlreadyRecalled`], [`Error::LotIllegitimate`], [`Error::Overflow`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::recall_lot())]
		pub fn recall_lot(
			origin: OriginFor<T>,
			lot: LotId,
			reason: RecallReason,
		) -> DispatchResult {
			Self::do_recall(origin, lot, reason)
		}

		/// Flag `lot` (or, with `serial`, one of its packs) as suspect, quarantining it.
		///
		/// - Origin: signed, acting for `org`, which holds stock of the lot (or the pack).
		///
		/// Emits [`Event::FlaggedSuspect`].
		///
		/// Errors: [`Error::NotActingForOrganisation`], [`Error::UnknownLot`],
		/// [`Error::NotHolder`], [`Error::AlreadySuspect`], [`Error::LotRecalled`],
		/// [`Error::LotIllegitimate`], [`Error::NotSerialised`], [`Error::UnknownPack`],
		/// [`Error::PackNotHeld`], [`Error::Overflow`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::flag_suspect())]
		pub fn flag_suspect(
			origin: OriginFor<T>,
			lot: LotId,
			serial: Option<Serial>,
			org: OrganisationId,
			reason: SuspectReason,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_flag_suspect(&who, lot, serial, org, reason)
		}

		/// Clear the suspicion on `lot` (or its pack `serial`): it is active again. A broken
		/// cold chain stays on the lot's record.
		///
		/// - Origin: the [`Config::AuthorityOrigin`], or signed acting for the lot's
		///   manufacturer.
		///
		/// Emits [`Event::SuspicionCleared`].
		///
		/// Errors: [`Error::UnknownLot`], [`Error::NotManufacturer`], [`Error::NotSuspect`],
		/// [`Error::NotSerialised`], [`Error::UnknownPack`], [`Error::Overflow`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::clear_suspect())]
		pub fn clear_suspect(
			origin: OriginFor<T>,
			lot: LotId,
			serial: Option<Serial>,
		) -> DispatchResult {
			Self::do_settle_suspicion(origin, lot, serial, false)
		}

		/// Confirm the suspect `lot` (or its pack `serial`) illegitimate: it can only be
		/// returned or destroyed.
		///
		/// - Origin: the [`Config::AuthorityOrigin`], or signed acting for the lot's
		///   manufacturer.
		///
		/// Emits [`Event::ConfirmedIllegitimate`].
		///
		/// Errors: [`Error::UnknownLot`], [`Error::NotManufacturer`], [`Error::NotSuspect`],
		/// [`Error::NotSerialised`], [`Error::UnknownPack`], [`Error::Overflow`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::confirm_illegitimate())]
		pub fn confirm_illegitimate(
			origin: OriginFor<T>,
			lot: LotId,
			serial: Option<Serial>,
		) -> DispatchResult {
			Self::do_settle_suspicion(origin, lot, serial, true)
		}

		/// Return `quantity` packs of `lot` (for a serialised lot: exactly `serials`) from
		/// `from` to the lot's manufacturer, whatever their state; the manufacturer confirms
		/// receipt as for any shipment.
		///
		/// - Origin: signed, acting for `from`.
		///
		/// Emits [`Event::Shipped`] (kind `Return`).
		///
		/// Errors: [`Error::NotActingForOrganisation`], [`Error::UnknownLot`],
		/// [`Error::SameOrganisation`], [`Error::InvalidQuantity`], [`Error::NotSerialised`],
		/// [`Error::SerialsRequired`], [`Error::DuplicateSerial`], [`Error::UnknownPack`],
		/// [`Error::PackNotHeld`], [`Error::InsufficientStock`], [`Error::Overflow`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::return_to_manufacturer(serials.len() as u32))]
		pub fn return_to_manufacturer(
			origin: OriginFor<T>,
			lot: LotId,
			from: OrganisationId,
			quantity: u32,
			serials: SerialList,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_ship(&who, lot, from, None, quantity, serials).map(|_| ())
		}

		/// Destroy `quantity` packs of `lot` (for a serialised lot: exactly `serials`) held by
		/// `org`, whatever their state.
		///
		/// - Origin: signed, acting for `org`.
		///
		/// Emits [`Event::StockDestroyed`].
		///
		/// Errors: [`Error::NotActingForOrganisation`], [`Error::UnknownLot`],
		/// [`Error::InvalidQuantity`], [`Error::NotSerialised`], [`Error::SerialsRequired`],
		/// [`Error::DuplicateSerial`], [`Error::UnknownPack`], [`Error::PackNotHeld`],
		/// [`Error::InsufficientStock`], [`Error::Overflow`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::destroy_stock(serials.len() as u32))]
		pub fn destroy_stock(
			origin: OriginFor<T>,
			lot: LotId,
			org: OrganisationId,
			quantity: u32,
			serials: SerialList,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_destroy(&who, lot, org, quantity, serials)
		}
	}
}
