//! # Emergency supply pallet
//!
//! In a public-health event (an epidemic, a flood) the health authority, donors, warehouses and
//! clinics coordinate medical supplies — masks, test kits, oxygen concentrators, vaccines — on
//! one ledger, so that allocation is fair and visible and every donor can see where their
//! donation went.
//!
//! ## Roles
//! - The **authority** ([`Config::AuthorityOrigin`]) declares an emergency: a name, the affected
//!   regions (region-code prefixes of the registry), a catalogue of supply items (code, unit,
//!   optional GTIN of a drug), a start, a sunset and the length of its allocation rounds. It
//!   may extend the sunset or close the emergency.
//! - A **clinic or hospital** (an active `CountyHospital`, `TownshipHealthCentre` or
//!   `VillageClinic` of the registry, in an affected region), acting through its admin or an
//!   active practitioner, files its need of an item in the current round: units requested,
//!   stock on hand, people served or cases, a priority tier and a reason. It may update the
//!   need until the round closes. It confirms what of each allocation arrived.
//! - A **donor** — any account, optionally for an organisation it acts for — pledges units of
//!   an item, to anywhere, to a region within the affected ones, or to one clinic.
//! - A **verified warehouse** (an active `Warehouse` organisation, through its admin or an
//!   active practitioner) confirms what of a pledge physically arrived, and dispatches the
//!   allocations of the donations it holds.
//! - **Anyone** triggers the allocation of a round once its window has closed.
//!
//! Needs, pledges, receipts and allocation work only while the emergency is *open*: declared,
//! not closed, at or after its start and (for needs, pledges and receipts) before its sunset.
//! Allocation of a round that closed before the sunset may still run after it, until the
//! authority closes the emergency. Dispatches and delivery confirmations of existing
//! allocations always work, so nothing allocated is left in limbo.
//!
//! ## Rounds and the allocation algorithm
//! Round `r` of an emergency covers the blocks `[starts_at + r·L, starts_at + (r+1)·L)` for
//! its round length `L`; a need filed at block `b` belongs to the round containing `b`. Once a
//! round's window has closed, [`allocate`](Pallet::allocate) runs it for one item, once. Only
//! received stock is allocated. A round holds at most [`Config::MaxNeedsPerRound`] needs per
//! item, so one call does bounded work (benchmarked at the maximum round size).
//!
//! Each need's **unmet need** is `requested − stock_on_hand` (saturating). Received units sit
//! in pools by the donors' targets, and the round draws from the pools in this order, each on
//! the unmet need left by the pools before:
//! 1. **targeted to the organisation**: each need takes from its own organisation's pool;
//! 2. **targeted to a region**: pools of the recipients' village, then township, then county
//!    prefix, each shared among the needs inside it;
//! 3. **general**: donations to anywhere, shared among all the round's needs.
//!
//! Within a pool ([`features::allocation::share`]): the tiers Critical, Urgent, Routine are
//! served in that order. A tier whose whole unmet need fits in what is left is served in full;
//! otherwise what is left is shared in that tier in proportion to unmet need by the **largest
//! remainder** method — each need gets `⌊left · unmet / tier_total⌋`, and the few units still
//! left go one each to the needs with the largest remainders, ties to the lower need id — and
//! lower tiers get nothing from that pool. No need ever gets more than its unmet need. What a
//! pool has left is **carried to the next round**. Arithmetic is in integers, products in
//! `u128`, with no panics.
//!
//! Units are taken from a pool's donations first in, first out. Every (need, donation) pair
//! that exchanges units becomes one [`Allocation`], dispatched by the warehouse that received
//! that donation; so each unit is traceable from donor to clinic.
//!
//! ## Dispatch, delivery and traceability
//! The warehouse dispatches an allocation ([`dispatch`](Pallet::dispatch)), recording the
//! block; the recipient confirms the units that arrived
//! ([`confirm_delivery`](Pallet::confirm_delivery)), and any shortfall is recorded, never
//! lost. A dispatch unconfirmed [`Config::DeliveryDeadline`] blocks after it is *overdue*
//! ([`Pallet::overdue_dispatches`]).
//!
//! Each donation keeps a paged list of the allocations it fed ([`Pallet::donation_trace`]:
//! "where did donation D go"), each organisation a paged list of the allocations it received
//! ([`Pallet::suppliers_of`]: "who supplied clinic C"), and each emergency counters per item
//! and per (region, item) of units pledged, received, allocated, dispatched, delivered and
//! short ([`Pallet::dashboard`]), updated in O(1) per call. [`runtime_api`] exposes them.
//!
//! ## Invariants (checked by `try_state`)
//! Per emergency and item: received = allocated + unallocated (units in pools); allocated =
//! dispatched + pending; dispatched = delivered + shortfall + in transit (so for confirmed
//! allocations, delivered + shortfall = dispatched); region counters add up to item counters.
//!
//! ## Calls
//! [`declare_emergency`](Pallet::declare_emergency),
//! [`extend_emergency`](Pallet::extend_emergency), [`close_emergency`](Pallet::close_emergency),
//! [`file_need`](Pallet::file_need), [`pledge`](Pallet::pledge),
//! [`confirm_receipt`](Pallet::confirm_receipt), [`allocate`](Pallet::allocate),
//! [`dispatch`](Pallet::dispatch), [`confirm_delivery`](Pallet::confirm_delivery).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod features;
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
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use ruralmed_primitives::{OrganisationId, PractitionerDirectory, RegionCode};

	/// An emergency as stored.
	pub type EmergencyOf<T> =
		Emergency<BlockNumberFor<T>, <T as Config>::MaxRegions, <T as Config>::MaxItems>;
	/// A need as stored.
	pub type NeedOf<T> = Need<<T as frame_system::Config>::AccountId>;
	/// A donation as stored.
	pub type DonationOf<T> = Donation<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// An allocation as stored.
	pub type AllocationOf<T> = Allocation<BlockNumberFor<T>>;
	/// The needs of one round of one item.
	pub type RoundNeedList<T> = BoundedVec<NeedOf<T>, <T as Config>::MaxNeedsPerRound>;
	/// A pool's donations with their unallocated units, first in, first out.
	pub type PoolQueue<T> =
		BoundedVec<(DonationId, Quantity), <T as Config>::MaxPledgesPerEmergency>;
	/// The affected regions of a declaration.
	pub type RegionList<T> = BoundedVec<RegionCode, <T as Config>::MaxRegions>;
	/// The supply catalogue of a declaration.
	pub type ItemList<T> = BoundedVec<SupplyItem, <T as Config>::MaxItems>;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who is who: the registry (clinics, warehouses, their admins and practitioners).
		type Directory: PractitionerDirectory<Self::AccountId>;
		/// Declares, extends and closes emergencies: the health authority (later the council).
		type AuthorityOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Most affected regions of one emergency.
		#[pallet::constant]
		type MaxRegions: Get<u32>;
		/// Most supply items one emergency covers.
		#[pallet::constant]
		type MaxItems: Get<u32>;
		/// Most needs of one item in one round: bounds the work of one allocation.
		#[pallet::constant]
		type MaxNeedsPerRound: Get<u32>;
		/// Most pledges one emergency accepts: bounds every stock pool.
		#[pallet::constant]
		type MaxPledgesPerEmergency: Get<u32>;
		/// Blocks after a dispatch by which the recipient should confirm it; later it is
		/// overdue.
		#[pallet::constant]
		type DeliveryDeadline: Get<BlockNumberFor<Self>>;
		/// Most entries one page of a runtime API answer holds (traces, supplies, overdue
		/// dispatches).
		#[pallet::constant]
		type MaxPageSize: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The id the next emergency will get.
	#[pallet::storage]
	pub type NextEmergencyId<T> = StorageValue<_, EmergencyId, ValueQuery>;

	/// Emergencies by id; kept after closing for the record.
	#[pallet::storage]
	pub type Emergencies<T: Config> =
		StorageMap<_, Twox64Concat, EmergencyId, EmergencyOf<T>, OptionQuery>;

	/// The id the next need will get.
	#[pallet::storage]
	pub type NextNeedId<T> = StorageValue<_, NeedId, ValueQuery>;

	/// The needs of each round of each item: (emergency, item, round) → needs, in filing
	/// order. Kept after allocation with the units each need got.
	#[pallet::storage]
	pub type RoundNeeds<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, EmergencyId>,
			NMapKey<Twox64Concat, ItemIndex>,
			NMapKey<Twox64Concat, RoundIndex>,
		),
		RoundNeedList<T>,
		ValueQuery,
	>;

	/// Rounds already allocated: (emergency, item, round) → block of the allocation.
	#[pallet::storage]
	pub type AllocatedRounds<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, EmergencyId>,
			NMapKey<Twox64Concat, ItemIndex>,
			NMapKey<Twox64Concat, RoundIndex>,
		),
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// The id the next donation will get.
	#[pallet::storage]
	pub type NextDonationId<T> = StorageValue<_, DonationId, ValueQuery>;

	/// Donations by id.
	#[pallet::storage]
	pub type Donations<T: Config> =
		StorageMap<_, Twox64Concat, DonationId, DonationOf<T>, OptionQuery>;

	/// Received, unallocated units: (emergency, item, pool) → its donations with their
	/// remaining units, oldest receipt first.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, EmergencyId>,
			NMapKey<Twox64Concat, ItemIndex>,
			NMapKey<Blake2_128Concat, Pool>,
		),
		PoolQueue<T>,
		ValueQuery,
	>;

	/// The id the next allocation will get.
	#[pallet::storage]
	pub type NextAllocationId<T> = StorageValue<_, AllocationId, ValueQuery>;

	/// Allocations by id.
	#[pallet::storage]
	pub type Allocations<T: Config> =
		StorageMap<_, Twox64Concat, AllocationId, AllocationOf<T>, OptionQuery>;

	/// Each donation's allocations in order: (donation, position) → allocation. The count is
	/// the donation's `allocations`.
	#[pallet::storage]
	pub type DonationAllocations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DonationId, Twox64Concat, u32, AllocationId, OptionQuery>;

	/// Each recipient's allocations in order: (organisation, position) → allocation.
	#[pallet::storage]
	pub type RecipientAllocations<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		OrganisationId,
		Twox64Concat,
		u32,
		AllocationId,
		OptionQuery,
	>;

	/// Number of allocations each organisation received.
	#[pallet::storage]
	pub type RecipientAllocationCount<T: Config> =
		StorageMap<_, Twox64Concat, OrganisationId, u32, ValueQuery>;

	/// Dispatches awaiting confirmation: (emergency, allocation) → block of the dispatch.
	#[pallet::storage]
	pub type InTransit<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EmergencyId,
		Twox64Concat,
		AllocationId,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Dashboard counters per (emergency, item).
	#[pallet::storage]
	pub type ItemTotals<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EmergencyId,
		Twox64Concat,
		ItemIndex,
		SupplyTotals,
		ValueQuery,
	>;

	/// Dashboard counters per (emergency, affected region, item).
	#[pallet::storage]
	pub type RegionTotals<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, EmergencyId>,
			NMapKey<Twox64Concat, RegionIndex>,
			NMapKey<Twox64Concat, ItemIndex>,
		),
		SupplyTotals,
		ValueQuery,
	>;

	/// An emergency declared at genesis (the demo presets): it starts at block 0.
	pub type GenesisEmergency<BlockNumber> = (
		alloc::vec::Vec<u8>,
		alloc::vec::Vec<RegionCode>,
		alloc::vec::Vec<(alloc::vec::Vec<u8>, SupplyUnit, Option<Gtin>)>,
		BlockNumber,
		BlockNumber,
	);

	/// Emergencies to declare at genesis, for demo data.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(name, regions, items as (code, unit, gtin), round_length, sunset)`, given ids
		/// 0, 1, 2… in order, each starting at block 0.
		pub emergencies: alloc::vec::Vec<GenesisEmergency<BlockNumberFor<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self)
				.expect("the emergency-supply genesis config is invalid");
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The authority declared an emergency.
		EmergencyDeclared {
			/// The emergency.
			emergency: EmergencyId,
			/// Its name.
			name: EmergencyName,
			/// First block it is open in.
			starts_at: BlockNumberFor<T>,
			/// First block it is no longer open in.
			sunset: BlockNumberFor<T>,
			/// Length of its allocation rounds.
			round_length: BlockNumberFor<T>,
		},
		/// The authority moved an emergency's sunset later.
		EmergencyExtended {
			/// The emergency.
			emergency: EmergencyId,
			/// The new sunset.
			sunset: BlockNumberFor<T>,
		},
		/// The authority closed an emergency.
		EmergencyClosed {
			/// The emergency.
			emergency: EmergencyId,
		},
		/// A clinic or hospital filed a need.
		NeedFiled {
			/// The need.
			need: NeedId,
			/// The emergency.
			emergency: EmergencyId,
			/// The item.
			item: ItemIndex,
			/// The round it is in.
			round: RoundIndex,
			/// The organisation in need.
			org: OrganisationId,
			/// Units requested.
			requested: Quantity,
			/// Units on hand.
			stock_on_hand: Quantity,
			/// Its tier.
			priority: Priority,
		},
		/// A clinic or hospital updated its need in the current round.
		NeedUpdated {
			/// The need.
			need: NeedId,
			/// The emergency.
			emergency: EmergencyId,
			/// The item.
			item: ItemIndex,
			/// The round it is in.
			round: RoundIndex,
			/// Units requested now.
			requested: Quantity,
			/// Units on hand now.
			stock_on_hand: Quantity,
			/// Its tier now.
			priority: Priority,
		},
		/// A donor pledged units of an item.
		Pledged {
			/// The donation.
			donation: DonationId,
			/// The emergency.
			emergency: EmergencyId,
			/// The item.
			item: ItemIndex,
			/// Who pledged.
			donor: T::AccountId,
			/// The organisation the donor pledged for.
			donor_org: Option<OrganisationId>,
			/// Where it should go.
			target: DonationTarget,
			/// Units pledged.
			quantity: Quantity,
		},
		/// A warehouse confirmed what of a donation arrived; those units can now be allocated.
		DonationReceived {
			/// The donation.
			donation: DonationId,
			/// The warehouse holding it.
			warehouse: OrganisationId,
			/// Units that arrived.
			quantity: Quantity,
			/// Units pledged that did not arrive.
			missing: Quantity,
		},
		/// A round of an item was allocated.
		RoundAllocated {
			/// The emergency.
			emergency: EmergencyId,
			/// The item.
			item: ItemIndex,
			/// The round.
			round: RoundIndex,
			/// Needs in the round.
			needs: u32,
			/// Units allocated.
			allocated: Quantity,
			/// Allocations created.
			allocations: u32,
			/// Units of the item received and still unallocated, carried to the next round.
			carried_over: Quantity,
		},
		/// Units of a donation were allocated to a need.
		Allocated {
			/// The allocation.
			allocation: AllocationId,
			/// The need it serves.
			need: NeedId,
			/// The organisation that receives it.
			recipient: OrganisationId,
			/// The donation it carries.
			donation: DonationId,
			/// The warehouse that dispatches it.
			warehouse: OrganisationId,
			/// Units.
			quantity: Quantity,
		},
		/// A warehouse dispatched an allocation.
		Dispatched {
			/// The allocation.
			allocation: AllocationId,
			/// The warehouse.
			warehouse: OrganisationId,
			/// The recipient.
			recipient: OrganisationId,
			/// Units.
			quantity: Quantity,
		},
		/// The recipient confirmed what of an allocation arrived.
		DeliveryConfirmed {
			/// The allocation.
			allocation: AllocationId,
			/// The recipient.
			recipient: OrganisationId,
			/// Units that arrived.
			received: Quantity,
			/// Units dispatched that did not arrive.
			shortfall: Quantity,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No emergency has this id.
		UnknownEmergency,
		/// The emergency is closed, not started yet, or past its sunset.
		EmergencyNotOpen,
		/// The emergency is already closed.
		EmergencyClosed,
		/// The name is empty.
		InvalidName,
		/// The regions are empty, invalid, or one lies within another.
		InvalidRegions,
		/// The catalogue is empty, or an item's code is empty, not printable ASCII or repeated,
		/// or its GTIN is not 14 digits.
		InvalidItems,
		/// The sunset is not after the start (or, when extending, not later than before and
		/// not in the future), or the round length is zero.
		InvalidPeriod,
		/// The emergency's catalogue has no item at this position.
		ItemNotCovered,
		/// The organisation or region lies outside the emergency's affected regions.
		RegionNotAffected,
		/// The organisation is not an active clinic or hospital.
		NotCareProvider,
		/// The caller is neither the admin nor an active practitioner of this active
		/// organisation.
		NotActingForOrganisation,
		/// The organisation is not an active warehouse.
		NotVerifiedWarehouse,
		/// A quantity is zero.
		ZeroQuantity,
		/// The stock on hand already covers the request.
		NothingNeeded,
		/// This round of this item holds the most needs allowed.
		TooManyNeeds,
		/// The emergency holds the most pledges allowed.
		TooManyPledges,
		/// No donation has this id.
		UnknownDonation,
		/// A warehouse already confirmed this donation's receipt.
		AlreadyReceived,
		/// More units than were pledged cannot be received.
		ReceiptExceedsPledge,
		/// The round's window has not closed yet.
		RoundNotClosed,
		/// This round of this item was already allocated.
		RoundAlreadyAllocated,
		/// No need was filed in this round of this item.
		NoNeeds,
		/// No allocation has this id.
		UnknownAllocation,
		/// Only the warehouse holding the donation may dispatch its allocation.
		NotAllocationWarehouse,
		/// The allocation was already dispatched.
		AlreadyDispatched,
		/// The allocation has not been dispatched yet.
		NotDispatched,
		/// The delivery was already confirmed.
		AlreadyConfirmed,
		/// Only the recipient organisation may confirm a delivery.
		NotRecipient,
		/// More units than were dispatched cannot be confirmed as received.
		ReceivedExceedsDispatched,
		/// A counter would overflow.
		Overflow,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// Longest emergency name, in bytes.
		pub fn max_name_length() -> u32 {
			MAX_NAME_LENGTH
		}
		/// Longest item code, in bytes.
		pub fn max_item_code_length() -> u32 {
			MAX_ITEM_CODE_LENGTH
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			use sp_runtime::traits::Zero;
			assert!(T::MaxRegions::get() > 0, "an emergency must cover a region");
			assert!(T::MaxItems::get() > 0, "an emergency must cover an item");
			assert!(T::MaxNeedsPerRound::get() > 0, "a round must take a need");
			assert!(T::MaxPledgesPerEmergency::get() > 0, "an emergency must take a pledge");
			assert!(!T::DeliveryDeadline::get().is_zero(), "a delivery needs at least a block");
			assert!(T::MaxPageSize::get() > 0, "a page must hold an entry");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Declare an emergency: `name`, the affected `regions` (valid region-code prefixes,
		/// none within another), the supply `items` it covers (codes unique), open from block
		/// `starts_at` (not in the past; pass the current block to open now) to `sunset`
		/// (exclusive), with allocation rounds of `round_length` blocks from `starts_at`.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::EmergencyDeclared`].
		///
		/// Errors: [`Error::InvalidName`], [`Error::InvalidRegions`], [`Error::InvalidItems`],
		/// [`Error::InvalidPeriod`], [`Error::Overflow`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::declare_emergency())]
		pub fn declare_emergency(
			origin: OriginFor<T>,
			name: EmergencyName,
			regions: RegionList<T>,
			items: ItemList<T>,
			starts_at: BlockNumberFor<T>,
			sunset: BlockNumberFor<T>,
			round_length: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_declare(name, regions, items, starts_at, sunset, round_length).map(|_| ())
		}

		/// Move an emergency's sunset later, to `sunset` (in the future).
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::EmergencyExtended`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyClosed`],
		/// [`Error::InvalidPeriod`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::extend_emergency())]
		pub fn extend_emergency(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			sunset: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_extend(emergency, sunset)
		}

		/// Close an emergency: no more needs, pledges, receipts or allocation rounds. Existing
		/// allocations are still dispatched and confirmed; unallocated stock stays on record.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::EmergencyClosed`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyClosed`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::close_emergency())]
		pub fn close_emergency(origin: OriginFor<T>, emergency: EmergencyId) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_close(emergency)
		}

		/// File, or update, the need of clinic or hospital `org` for item `item` in the
		/// emergency's current round: `requested` units with `stock_on_hand` left, serving
		/// `people_served` people (or cases), in tier `priority` for `reason`. A second call in
		/// the same round replaces the figures of the first.
		///
		/// - Origin: the admin or an active practitioner of `org`, an active clinic or hospital
		///   in an affected region, signed.
		///
		/// Emits [`Event::NeedFiled`] or [`Event::NeedUpdated`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyNotOpen`],
		/// [`Error::ItemNotCovered`], [`Error::NotActingForOrganisation`],
		/// [`Error::NotCareProvider`], [`Error::RegionNotAffected`], [`Error::ZeroQuantity`],
		/// [`Error::NothingNeeded`], [`Error::TooManyNeeds`], [`Error::Overflow`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::file_need())]
		pub fn file_need(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			item: ItemIndex,
			org: OrganisationId,
			requested: Quantity,
			stock_on_hand: Quantity,
			people_served: u32,
			priority: Priority,
			reason: NeedReason,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_file_need(
				who,
				emergency,
				item,
				org,
				requested,
				stock_on_hand,
				people_served,
				priority,
				reason,
			)
			.map(|_| ())
		}

		/// Pledge `quantity` units of item `item` to the emergency, for `target` (anywhere, a
		/// region within the affected ones, or one clinic or hospital there), optionally on
		/// behalf of `donor_org`.
		///
		/// - Origin: any signed account; with `donor_org`, its admin or an active
		///   practitioner of it.
		///
		/// Emits [`Event::Pledged`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyNotOpen`],
		/// [`Error::ItemNotCovered`], [`Error::ZeroQuantity`],
		/// [`Error::NotActingForOrganisation`], [`Error::InvalidRegions`] (an invalid target
		/// region code), [`Error::RegionNotAffected`], [`Error::NotCareProvider`],
		/// [`Error::TooManyPledges`], [`Error::Overflow`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::pledge())]
		pub fn pledge(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			item: ItemIndex,
			quantity: Quantity,
			target: DonationTarget,
			donor_org: Option<OrganisationId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pledge(who, emergency, item, quantity, target, donor_org).map(|_| ())
		}

		/// Confirm that `quantity` units (at most the pledge; zero if nothing came) of
		/// `donation` arrived at warehouse `warehouse`. The units join the stock pool of the
		/// donation's target and will be allocated by the next round; the warehouse will
		/// dispatch their allocations.
		///
		/// - Origin: the admin or an active practitioner of `warehouse`, an active warehouse,
		///   signed.
		///
		/// Emits [`Event::DonationReceived`].
		///
		/// Errors: [`Error::UnknownDonation`], [`Error::NotActingForOrganisation`],
		/// [`Error::NotVerifiedWarehouse`], [`Error::UnknownEmergency`],
		/// [`Error::EmergencyNotOpen`], [`Error::AlreadyReceived`],
		/// [`Error::ReceiptExceedsPledge`], [`Error::Overflow`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::confirm_receipt())]
		pub fn confirm_receipt(
			origin: OriginFor<T>,
			donation: DonationId,
			warehouse: OrganisationId,
			quantity: Quantity,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_receipt(who, donation, warehouse, quantity)
		}

		/// Allocate round `round` of item `item` (see the crate docs for the algorithm): the
		/// received stock goes to the round's needs, targeted pools first, then by tier and in
		/// proportion to unmet need; leftovers stay for the next round.
		///
		/// - Origin: any signed account, once the round's window has closed.
		///
		/// Emits [`Event::Allocated`] for each allocation, then [`Event::RoundAllocated`].
		///
		/// Errors: [`Error::UnknownEmergency`], [`Error::EmergencyNotOpen`],
		/// [`Error::ItemNotCovered`], [`Error::RoundNotClosed`],
		/// [`Error::RoundAlreadyAllocated`], [`Error::NoNeeds`], [`Error::Overflow`].
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::allocate_weight(
			T::MaxNeedsPerRound::get(),
			Pallet::<T>::max_allocations_per_round(),
		))]
		pub fn allocate(
			origin: OriginFor<T>,
			emergency: EmergencyId,
			item: ItemIndex,
			round: RoundIndex,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let (needs, allocations) = Self::do_allocate(emergency, item, round)?;
			Ok(Some(Self::allocate_weight(needs, allocations)).into())
		}

		/// Dispatch allocation `allocation` from the warehouse holding its donation, recording
		/// the block; the recipient should confirm it within [`Config::DeliveryDeadline`].
		///
		/// - Origin: the admin or an active practitioner of the allocation's warehouse (which
		///   must still be active), signed.
		///
		/// Emits [`Event::Dispatched`].
		///
		/// Errors: [`Error::UnknownAllocation`], [`Error::NotAllocationWarehouse`],
		/// [`Error::AlreadyDispatched`], [`Error::Overflow`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::dispatch())]
		pub fn dispatch(origin: OriginFor<T>, allocation: AllocationId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispatch(who, allocation)
		}

		/// Confirm that `received` units (at most those dispatched) of allocation `allocation`
		/// arrived; the rest is recorded as shortfall.
		///
		/// - Origin: the admin or an active practitioner of the recipient organisation,
		///   signed.
		///
		/// Emits [`Event::DeliveryConfirmed`].
		///
		/// Errors: [`Error::UnknownAllocation`], [`Error::NotRecipient`],
		/// [`Error::NotDispatched`], [`Error::AlreadyConfirmed`],
		/// [`Error::ReceivedExceedsDispatched`], [`Error::Overflow`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::confirm_delivery())]
		pub fn confirm_delivery(
			origin: OriginFor<T>,
			allocation: AllocationId,
			received: Quantity,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_delivery(who, allocation, received)
		}
	}
}
