//! # Drug provenance pallet
//!
//! Every drug pack a rural patient receives can be traced back to its maker, and a fake,
//! expired or recalled pack is caught before it is dispensed. The model follows the GS1
//! identifiers and EPCIS events that the US DSCSA and the EU Falsified Medicines Directive
//! systems use.
//!
//! ## Identifiers
//! A **product** is registered by its manufacturer under a 14-digit [`Gtin`] whose GS1 mod-10
//! check digit is validated and which lies under one of the manufacturer's GS1 company
//! prefixes. A **lot** is a GTIN plus a lot number (GS1 AI 10) with manufacture
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
//!   the lot's cold chain as breached ([`ColdChain::Breached`]) and quarantines it. Only the
//!   [`Config::AuthorityOrigin`] clears a breached lot (the maker has an interest in its own
//!   stock); until then it is neither shipped down the chain nor dispensed, and `verify`
//!   answers [`Verdict::ColdChainBreached`].
//! - **Suspect products**: the manufacturer or the authority flags a whole lot as suspect,
//!   which quarantines it for every holder; any other holder flags only its own stock of the
//!   lot ([`SuspectHoldings`]) or one of its packs, so a holder of one pack cannot stop a lot
//!   others hold. The manufacturer or the authority clears a suspicion or confirms it
//!   illegitimate.
//! - **Recalls**: the manufacturer or the authority recalls a lot with a reason code.
//! - Recalled, quarantined, illegitimate, breached and expired stock, and flagged holdings,
//!   cannot be shipped down the chain or dispensed; they can be returned to the manufacturer (a
//!   shipment of kind `Return`) or destroyed by their holder.
//! - **Stuck shipments**: a shipment whose receiver was suspended or closed (or a return to a
//!   suspended maker) can be cancelled by its sender once it is older than
//!   [`Config::ShipmentTimeout`], or by the authority at any time; the packs go back to the
//!   sender, who may ship them elsewhere. A serialised pack in transit for longer than the
//!   timeout verifies as [`Verdict::StuckInTransit`], not genuine.
//!
//! ## Products and GS1 company prefixes
//! GS1 licenses each company a company prefix; the authority assigns them on chain
//! ([`CompanyPrefixes`], at most [`Config::MaxCompanyPrefixes`] per manufacturer). A
//! manufacturer registers only GTINs whose digits after the indicator digit start with one of
//! its prefixes (the longest assigned prefix that matches decides), so nobody can squat
//! another maker's GTINs. The authority can move a product to another manufacturer (its
//! existing lots keep the maker that commissioned them) or retire it (no new lots).
//!
//! ## Dispensing: no patient on chain
//! A pharmacy, clinic or hospital dispenses packs to a patient from its stock. The patient is
//! never named on chain, neither in storage nor in events nor in call arguments: the dispenser
//! may store an opaque salted commitment
//! (`blake2_256(SCALE(patient) ‖ SCALE(record id) ‖ 32-byte salt)`, computed and kept off
//! chain by the pharmacy and the patient), which the chain does not check. There is no
//! on-chain link to a patient record, so no dispenser can attach another patient's record.
//! `recall_reach` in the runtime API lists a lot's dispensations: the dispensing
//! organisations and their commitments. On a recall each organisation matches the
//! commitments against the salts it keeps and notifies its patients off chain.
//!
//! ## Verification: the counterfeit check
//! Anyone (a patient with a phone, a pharmacist) calls the runtime API's `verify` with a GTIN,
//! a lot number and optionally a serial, and gets a [`Verdict`] (unknown, genuine, expired,
//! recalled, suspect, cold chain breached, illegitimate, already decommissioned, stuck in
//! transit), the maker, and the custody path.
//!
//! ## Roles
//! An organisation acts through its administrator or any of its active practitioners
//! ([`ruralmed_primitives::PractitionerDirectory`]); only active organisations act. Products
//! and lots belong to `Manufacturer` organisations; dispensing is for pharmacies, village
//! clinics, township health centres and county hospitals. The [`Config::AuthorityOrigin`]
//! (the health council) assigns company prefixes, reassigns and retires products, clears
//! broken cold chains, cancels stuck shipments, and recalls, flags, clears and condemns lots.
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
//! [`destroy_stock`](Pallet::destroy_stock),
//! [`clear_holding_suspicion`](Pallet::clear_holding_suspicion),
//! [`cancel_shipment`](Pallet::cancel_shipment); for the authority also
//! [`assign_company_prefix`](Pallet::assign_company_prefix),
//! [`remove_company_prefix`](Pallet::remove_company_prefix),
//! [`reassign_product`](Pallet::reassign_product) and
//! [`retire_product`](Pallet::retire_product).
//!
//! ## Storage migrations
//! [`migrations::v1::MigrateV0ToV1`] (storage version 0 → 1) drops the patient link of
//! dispensations stored before.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod config_preludes;
mod features;
pub mod migrations;
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
	use ruralmed_primitives::{OrganisationId, PractitionerDirectory, StatisticsSink};
	use sp_core::H256;

	/// A lot as stored.
	pub type LotOf<T> = Lot<BlockNumberFor<T>>;
	/// A shipment as stored.
	pub type ShipmentOf<T> = Shipment<BlockNumberFor<T>>;
	/// A dispensation as stored.
	pub type DispensationOf<T> = Dispensation<BlockNumberFor<T>>;
	/// A custody event as stored.
	pub type CustodyEventOf<T> = CustodyEvent<BlockNumberFor<T>>;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// Who is who: the registry.
		#[pallet::no_default]
		type Directory: PractitionerDirectory<Self::AccountId>;
		/// Assigns GS1 company prefixes, reassigns and retires products, clears broken cold
		/// chains, cancels stuck shipments, and recalls, flags, clears and condemns lots besides
		/// their manufacturer: the health council.
		#[pallet::no_default]
		type AuthorityOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Wall-clock time, for expiry days and event times.
		#[pallet::no_default]
		type UnixTime: UnixTime;
		/// Largest lot, in packs.
		#[pallet::constant]
		type MaxLotQuantity: Get<u32>;
		/// Minutes a cold-chain product may spend outside its range before its lot counts as
		/// broken.
		#[pallet::constant]
		type ExcursionToleranceMinutes: Get<u32>;
		/// Most GS1 company prefixes one manufacturer may hold.
		#[pallet::constant]
		type MaxCompanyPrefixes: Get<u32>;
		/// Blocks after which a shipment not yet received counts as stuck: its sender may
		/// cancel it if the receiver no longer acts, and its packs no longer verify as genuine.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ShipmentTimeout: Get<BlockNumberFor<Self>>;
		/// Where what happens is counted for the regional statistics (the statistics pallet);
		/// `()` counts nothing.
		#[pallet::no_default_bounds]
		type Statistics: StatisticsSink<Self::AccountId>;

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

	/// The GS1 company prefixes assigned to each manufacturer by the authority; a
	/// manufacturer registers only GTINs under one of them.
	#[pallet::storage]
	pub type CompanyPrefixes<T: Config> = StorageMap<
		_,
		Twox64Concat,
		OrganisationId,
		BoundedVec<CompanyPrefix, T::MaxCompanyPrefixes>,
		ValueQuery,
	>;

	/// The holder of each assigned company prefix (the reverse of [`CompanyPrefixes`]).
	#[pallet::storage]
	pub type PrefixOwners<T: Config> =
		StorageMap<_, Blake2_128Concat, CompanyPrefix, OrganisationId, OptionQuery>;

	/// Products the authority retired: no new lots; lots already made are unaffected.
	#[pallet::storage]
	pub type RetiredProducts<T: Config> =
		StorageMap<_, Blake2_128Concat, Gtin, BlockNumberFor<T>, OptionQuery>;

	/// Holdings a holder other than the maker flagged as suspect: (lot, holder) → why. That
	/// holder's stock of the lot may only be returned or destroyed until the maker or the
	/// authority clears it; the entry goes when the holding does.
	#[pallet::storage]
	pub type SuspectHoldings<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		LotId,
		Twox64Concat,
		OrganisationId,
		SuspectReason,
		OptionQuery,
	>;

	/// Products and lots to set up at genesis (the demo presets).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(manufacturer, GS1 company prefix)`: assigned before the products are registered.
		pub company_prefixes: alloc::vec::Vec<(OrganisationId, alloc::vec::Vec<u8>)>,
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
			for (maker, prefix) in &self.company_prefixes {
				Pallet::<T>::genesis_prefix(*maker, prefix);
			}
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
		/// Packs were handed to a patient (who is not named).
		Dispensed {
			/// The dispensation.
			dispensation: DispensationId,
			/// The lot.
			lot: LotId,
			/// The dispensing organisation.
			org: OrganisationId,
			/// Packs handed out.
			quantity: u32,
		},
		/// A lot was recalled. Its dispensations (`recall_reach` in the runtime API) name the
		/// dispensing organisations, which reach their patients off chain.
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
		/// A lot, a pack or a holder's stock was flagged as suspect; it is quarantined.
		FlaggedSuspect {
			/// The lot.
			lot: LotId,
			/// The pack, or `None` for the whole lot or holding.
			serial: Option<Serial>,
			/// The flagging organisation (named by the authority if it flagged).
			org: OrganisationId,
			/// Why.
			reason: SuspectReason,
			/// Whether the whole lot is quarantined (flagged by the maker or the authority);
			/// else only the pack or `org`'s own stock.
			lot_wide: bool,
		},
		/// The maker or the authority cleared a holder's suspicion of its own stock.
		HoldingCleared {
			/// The lot.
			lot: LotId,
			/// The holder.
			org: OrganisationId,
		},
		/// The authority assigned a GS1 company prefix to a manufacturer.
		CompanyPrefixAssigned {
			/// The manufacturer.
			org: OrganisationId,
			/// The prefix.
			prefix: CompanyPrefix,
		},
		/// The authority took a GS1 company prefix back; products registered under it stay.
		CompanyPrefixRemoved {
			/// The manufacturer that held it.
			org: OrganisationId,
			/// The prefix.
			prefix: CompanyPrefix,
		},
		/// The authority moved a product to another manufacturer; its existing lots keep the
		/// maker that commissioned them.
		ProductReassigned {
			/// The product.
			gtin: Gtin,
			/// The previous manufacturer.
			from: OrganisationId,
			/// The new manufacturer.
			to: OrganisationId,
		},
		/// The authority retired a product: no new lots.
		ProductRetired {
			/// The product.
			gtin: Gtin,
		},
		/// A shipment was cancelled before receipt; its packs are back with the sender.
		ShipmentCancelled {
			/// The shipment.
			shipment: ShipmentId,
			/// The lot.
			lot: LotId,
			/// The sender, who holds the packs again.
			from: OrganisationId,
			/// The receiver that never confirmed.
			to: OrganisationId,
			/// Packs returned to the sender.
			quantity: u32,
			/// Whether the authority cancelled it (else the sender, after the timeout).
			by_authority: bool,
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
		/// The lot is already recalled.
		AlreadyRecalled,
		/// The lot or pack is already suspect.
		AlreadySuspect,
		/// The lot or pack is not suspect.
		NotSuspect,
		/// A counter would overflow.
		Overflow,
		/// The GTIN is not under a GS1 company prefix assigned to this manufacturer (the
		/// longest assigned prefix it starts with belongs to another organisation, or none).
		GtinNotInCompanyPrefix,
		/// A company prefix must be 6 to 11 digits.
		InvalidCompanyPrefix,
		/// This company prefix is already assigned.
		PrefixTaken,
		/// The manufacturer already holds the most company prefixes allowed.
		TooManyPrefixes,
		/// This company prefix is not assigned.
		UnknownPrefix,
		/// The product is retired: no new lots.
		ProductRetired,
		/// The product already belongs to that manufacturer.
		SameManufacturer,
		/// The lot's cold chain broke: only the authority may clear it, and until then it may
		/// not be shipped down the chain or dispensed.
		ColdChainBreached,
		/// This holder's stock of the lot is flagged as suspect.
		HoldingQuarantined,
		/// The shipment is not yet past the timeout, or its receiver still acts: only the
		/// authority may cancel it now.
		ShipmentNotStuck,
		/// The caller does not act for the shipment's sender.
		NotSender,
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
		/// Register a product under `gtin` for manufacturer `org`. The GTIN must lie under a
		/// GS1 company prefix the authority assigned to `org`: the longest assigned prefix the
		/// digits after the indicator digit start with must be `org`'s.
		///
		/// - Origin: signed, acting for `org`, an active `Manufacturer` organisation.
		///
		/// Emits [`Event::ProductRegistered`].
		///
		/// Errors: [`Error::NotActingForOrganisation`], [`Error::NotManufacturer`],
		/// [`Error::InvalidGtin`], [`Error::GtinNotInCompanyPrefix`], [`Error::ProductExists`],
		/// [`Error::InvalidName`], [`Error::InvalidTemperatureRange`].
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
		/// [`Error::ProductRetired`],
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
		/// [`Error::ColdChainBreached`], [`Error::StockExpired`], [`Error::SameOrganisation`],
		/// [`Error::RecipientNotVerified`], [`Error::InvalidQuantity`],
		/// [`Error::NotSerialised`], [`Error::SerialsRequired`], [`Error::DuplicateSerial`],
		/// [`Error::UnknownPack`], [`Error::PackNotHeld`], [`Error::PackQuarantined`],
		/// [`Error::HoldingQuarantined`], [`Error::InsufficientStock`], [`Error::Overflow`].
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
		/// `org`'s stock to a patient, who is not named on chain. `commitment` is an optional
		/// salted commitment to the patient computed off chain (see
		/// [`Dispensation::commitment`]); it lets the pharmacy, which keeps the salt, find the
		/// patient when the lot is recalled. Never pass the patient's account or record id:
		/// call arguments are public.
		///
		/// - Origin: signed, acting for `org`, a pharmacy, clinic or hospital.
		///
		/// Emits [`Event::Dispensed`].
		///
		/// Errors: [`Error::NotActingForOrganisation`], [`Error::NotDispenser`],
		/// [`Error::UnknownLot`], [`Error::LotRecalled`], [`Error::LotQuarantined`],
		/// [`Error::LotIllegitimate`], [`Error::ColdChainBreached`], [`Error::StockExpired`],
		/// [`Error::InvalidQuantity`], [`Error::NotSerialised`], [`Error::SerialsRequired`],
		/// [`Error::DuplicateSerial`], [`Error::UnknownPack`], [`Error::PackNotHeld`],
		/// [`Error::PackQuarantined`], [`Error::HoldingQuarantined`],
		/// [`Error::InsufficientStock`], [`Error::Overflow`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::dispense(serials.len() as u32)
			.saturating_add(T::Statistics::note_weight()))]
		pub fn dispense(
			origin: OriginFor<T>,
			lot: LotId,
			org: OrganisationId,
			quantity: u32,
			serials: SerialList,
			commitment: Option<H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispense(&who, lot, org, quantity, serials, commitment).map(|_| ())
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
		#[pallet::weight(T::WeightInfo::recall_lot().saturating_add(T::Statistics::note_weight()))]
		pub fn recall_lot(
			origin: OriginFor<T>,
			lot: LotId,
			reason: RecallReason,
		) -> DispatchResult {
			Self::do_recall(origin, lot, reason)
		}

		/// Flag as suspect, with `serial`, one pack of `lot` held by `org`; without `serial`,
		/// the whole lot if `org` is its manufacturer (or the authority flags), else only `org`'s
		/// own stock of it. What is flagged is quarantined: a holder cannot stop a lot that
		/// other holders hold, only its own stock.
		///
		/// - Origin: the [`Config::AuthorityOrigin`] (lot-wide, naming the reporting `org`), or
		///   signed acting for `org`, which holds stock of the lot (or the pack) unless it is the
		///   manufacturer.
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
			Self::do_flag_suspect(origin, lot, serial, org, reason)
		}

		/// Clear the suspicion on `lot` (or its pack `serial`): it is active again. A lot whose
		/// cold chain broke (quarantined for a temperature excursion, or breached at all) is
		/// cleared only by the authority; its cold chain then counts as cleared by the
		/// authority, and the breach stays on the lot's record. The authority may also clear
		/// an active lot whose cold chain is breached.
		///
		/// - Origin: the [`Config::AuthorityOrigin`], or signed acting for the lot's
		///   manufacturer.
		///
		/// Emits [`Event::SuspicionCleared`].
		///
		/// Errors: [`Error::UnknownLot`], [`Error::NotManufacturer`], [`Error::NotSuspect`],
		/// [`Error::ColdChainBreached`], [`Error::NotSerialised`], [`Error::UnknownPack`],
		/// [`Error::Overflow`].
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
		/// `from` to the lot's manufacturer, whatever their state (a flagged holding too); the
		/// manufacturer confirms receipt as for any shipment.
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

		/// Assign the GS1 company prefix `prefix` (6 to 11 digits, as licensed by GS1) to the
		/// manufacturer `org`, which may then register GTINs under it.
		///
		/// - Origin: the [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::CompanyPrefixAssigned`].
		///
		/// Errors: [`Error::NotManufacturer`], [`Error::InvalidCompanyPrefix`],
		/// [`Error::PrefixTaken`], [`Error::TooManyPrefixes`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::assign_company_prefix())]
		pub fn assign_company_prefix(
			origin: OriginFor<T>,
			org: OrganisationId,
			prefix: CompanyPrefix,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_assign_prefix(org, prefix)
		}

		/// Take the company prefix `prefix` back from its holder. Products already registered
		/// under it stay with their manufacturer (use
		/// [`reassign_product`](Pallet::reassign_product) or
		/// [`retire_product`](Pallet::retire_product)).
		///
		/// - Origin: the [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::CompanyPrefixRemoved`].
		///
		/// Errors: [`Error::UnknownPrefix`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::remove_company_prefix())]
		pub fn remove_company_prefix(
			origin: OriginFor<T>,
			prefix: CompanyPrefix,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_remove_prefix(prefix)
		}

		/// Move product `gtin` to the manufacturer `to` (e.g. its rightful GS1 licensee after
		/// squatting, or after a takeover): `to` commissions its new lots. Lots already made
		/// keep the maker that commissioned them, which still answers for them; the authority
		/// recalls them if they are not genuine.
		///
		/// - Origin: the [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::ProductReassigned`].
		///
		/// Errors: [`Error::UnknownProduct`], [`Error::NotManufacturer`],
		/// [`Error::SameManufacturer`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::reassign_product())]
		pub fn reassign_product(
			origin: OriginFor<T>,
			gtin: Gtin,
			to: OrganisationId,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_reassign_product(gtin, to)
		}

		/// Retire product `gtin`: no new lots of it; lots already made are unaffected.
		///
		/// - Origin: the [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::ProductRetired`].
		///
		/// Errors: [`Error::UnknownProduct`], [`Error::ProductRetired`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::retire_product())]
		pub fn retire_product(origin: OriginFor<T>, gtin: Gtin) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_retire_product(gtin)
		}

		/// Clear the suspicion `org` raised on its own stock of `lot`: it may move again.
		///
		/// - Origin: the [`Config::AuthorityOrigin`], or signed acting for the lot's
		///   manufacturer.
		///
		/// Emits [`Event::HoldingCleared`].
		///
		/// Errors: [`Error::UnknownLot`], [`Error::NotManufacturer`], [`Error::NotSuspect`],
		/// [`Error::Overflow`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::clear_holding_suspicion())]
		pub fn clear_holding_suspicion(
			origin: OriginFor<T>,
			lot: LotId,
			org: OrganisationId,
		) -> DispatchResult {
			Self::do_clear_holding(origin, lot, org)
		}

		/// Cancel `shipment`, not yet received: its packs go back to the sender's stock (and
		/// custody). The authority may cancel any shipment in transit; the sender only one in
		/// transit for longer than [`Config::ShipmentTimeout`] whose receiver is no longer an
		/// active organisation (suspended or closed). To redirect, the sender then ships again.
		///
		/// - Origin: the [`Config::AuthorityOrigin`], or signed acting for the sender.
		///
		/// Emits [`Event::ShipmentCancelled`].
		///
		/// Errors: [`Error::UnknownShipment`], [`Error::ShipmentNotInTransit`],
		/// [`Error::NotSender`], [`Error::ShipmentNotStuck`], [`Error::UnknownLot`],
		/// [`Error::Overflow`].
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::cancel_shipment(MAX_PACKS_PER_CALL))]
		pub fn cancel_shipment(
			origin: OriginFor<T>,
			shipment: ShipmentId,
		) -> DispatchResultWithPostInfo {
			let packs = Self::do_cancel_shipment(origin, shipment)?;
			Ok(Some(T::WeightInfo::cancel_shipment(packs)).into())
		}
	}
}
