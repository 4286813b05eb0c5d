//! The types of the emergency supply pallet: emergencies and their catalogue, needs, donations,
//! allocations, dashboard counters, and the read-only views the runtime API returns.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	traits::{ConstU32, Get},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use ruralmed_primitives::{OrganisationId, RegionCode};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Identifies an emergency.
pub type EmergencyId = u32;
/// Position of a supply item in its emergency's catalogue.
pub type ItemIndex = u32;
/// Position of an affected region in its emergency's list of regions.
pub type RegionIndex = u32;
/// An allocation round of an emergency: round `r` covers the blocks
/// `[starts_at + r * round_length, starts_at + (r + 1) * round_length)`.
pub type RoundIndex = u32;
/// Identifies a need (unique across emergencies and rounds).
pub type NeedId = u64;
/// Identifies a donation (a pledge, and later what of it arrived).
pub type DonationId = u64;
/// Identifies an allocation: units of one donation for one need, dispatched by the warehouse
/// that received the donation.
pub type AllocationId = u64;
/// A number of units of a supply item.
pub type Quantity = u64;
/// A GS1 GTIN-14 as 14 ASCII digits, linking a supply item to a drug.
pub type Gtin = [u8; 14];

/// Longest emergency name, in bytes.
pub const MAX_NAME_LENGTH: u32 = 64;
/// Longest supply item code, in bytes.
pub const MAX_ITEM_CODE_LENGTH: u32 = 16;

/// A dispatch block and an allocation id, both big-endian, so that keys sort in dispatch
/// order; see [`dispatch_key`].
pub type DispatchKey = [u8; 16];

/// The [`DispatchKey`] of allocation `id` dispatched at block `at`.
pub fn dispatch_key(at: u64, id: AllocationId) -> DispatchKey {
	let mut key = [0u8; 16];
	key[..8].copy_from_slice(&at.to_be_bytes());
	key[8..].copy_from_slice(&id.to_be_bytes());
	key
}

/// The allocation id of a [`DispatchKey`].
pub fn dispatch_key_allocation(key: &DispatchKey) -> AllocationId {
	let mut id = [0u8; 8];
	id.copy_from_slice(&key[8..]);
	AllocationId::from_be_bytes(id)
}

/// The name of an emergency.
pub type EmergencyName = BoundedVec<u8, ConstU32<MAX_NAME_LENGTH>>;
/// The code of a supply item, e.g. `MASK-N95`.
pub type ItemCode = BoundedVec<u8, ConstU32<MAX_ITEM_CODE_LENGTH>>;

/// The unit a supply item is counted in.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum SupplyUnit {
	/// Single pieces (masks, gowns).
	Piece,
	/// Boxes of a fixed count.
	Box,
	/// Doses (vaccines, drugs).
	Dose,
	/// Test kits.
	Kit,
	/// Devices (oxygen concentrators).
	Device,
	/// Litres (disinfectant, oxygen).
	Litre,
	/// Kilograms.
	Kilogram,
}

/// One entry of an emergency's supply catalogue.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct SupplyItem {
	/// A short code, unique within the emergency, e.g. `MASK-N95`.
	pub code: ItemCode,
	/// What one unit is.
	pub unit: SupplyUnit,
	/// The drug's GTIN-14, for items that are drugs tracked by the drug provenance.
	pub gtin: Option<Gtin>,
}

impl SupplyItem {
	/// A code is non-empty printable ASCII; a GTIN is 14 ASCII digits.
	pub fn is_well_formed(&self) -> bool {
		!self.code.is_empty()
			&& self.code.iter().all(|c| c.is_ascii_graphic())
			&& self.gtin.is_none_or(|g| g.iter().all(|d| d.is_ascii_digit()))
	}
}

/// Whether an emergency still accepts work.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum EmergencyStatus {
	/// Declared and not closed: open between its start and its sunset.
	Active,
	/// Closed by the authority: no needs, pledges, receipts or allocation rounds any more;
	/// dispatches and deliveries already allocated still complete.
	Closed,
}

/// A declared public-health emergency.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxRegions, MaxItems))]
pub struct Emergency<
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxRegions: Get<u32>,
	MaxItems: Get<u32>,
> {
	/// A human-readable name, e.g. `Anding flood 2026`.
	pub name: EmergencyName,
	/// The affected regions, as region-code prefixes.
	pub regions: BoundedVec<RegionCode, MaxRegions>,
	/// The supply items it covers.
	pub items: BoundedVec<SupplyItem, MaxItems>,
	/// First block it is open in; round 0 starts here.
	pub starts_at: BlockNumber,
	/// First block it is no longer open in.
	pub sunset: BlockNumber,
	/// Length of each allocation round, in blocks.
	pub round_length: BlockNumber,
	/// Active or closed.
	pub status: EmergencyStatus,
	/// Number of pledges made so far (at most `MaxPledgesPerEmergency`).
	pub pledges: u32,
}

impl<BlockNumber: Clone + PartialEq + Eq + Debug, MaxRegions: Get<u32>, MaxItems: Get<u32>>
	Emergency<BlockNumber, MaxRegions, MaxItems>
{
	/// The position of the first affected region containing `region`, if any.
	pub fn region_index(&self, region: &RegionCode) -> Option<RegionIndex> {
		self.regions.iter().position(|r| r.contains(region)).map(|i| i as RegionIndex)
	}
}

/// How urgent a need is. Allocation serves tiers in this order.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Priority {
	/// Lives at risk now (e.g. oxygen for patients in respiratory failure).
	Critical,
	/// Needed within days.
	Urgent,
	/// Replenishment.
	Routine,
}

/// Why a clinic files a need.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum NeedReason {
	/// Cases are rising in the clinic's area.
	CaseSurge,
	/// The clinic has run out.
	StockOut,
	/// Stock on hand has expired or been spoiled (e.g. by the flood).
	StockLost,
	/// Supplies for a planned campaign (e.g. vaccination).
	Campaign,
	/// Anything else; explained off chain.
	Other,
}

/// A clinic's or hospital's need of one item in one round.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Need<AccountId> {
	/// The need's id; ties in allocation go to the lower id.
	pub id: NeedId,
	/// The organisation in need.
	pub org: OrganisationId,
	/// Which affected region it lies in.
	pub region: RegionIndex,
	/// The organisation's own region code when the need was filed.
	pub location: RegionCode,
	/// Units requested.
	pub requested: Quantity,
	/// Units it still has.
	pub stock_on_hand: Quantity,
	/// People served, or the case count, it reports.
	pub people_served: u32,
	/// How urgent, as allocation uses it: the tier the filer asked for, except that only the
	/// authority grants `Critical` (a filer asking for it gets `Urgent` until then).
	pub priority: Priority,
	/// The tier the filer asked for.
	pub requested_priority: Priority,
	/// Why.
	pub reason: NeedReason,
	/// Who filed or last updated it.
	pub filed_by: AccountId,
	/// Units allocated to it when its round was allocated.
	pub allocated: Quantity,
}

impl<AccountId> Need<AccountId> {
	/// Need net of stock on hand: what allocation tries to cover.
	pub fn net_need(&self) -> Quantity {
		self.requested.saturating_sub(self.stock_on_hand)
	}
}

/// Where a donor wants a donation to go.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum DonationTarget {
	/// Anywhere in the emergency, by the allocation rules.
	Anywhere,
	/// Only to clinics and hospitals in this region (a prefix within the affected regions).
	Region(RegionCode),
	/// Only to this clinic or hospital.
	Organisation(OrganisationId),
}

/// A donation: a pledge, then what of it a warehouse confirmed as arrived.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Donation<AccountId, BlockNumber> {
	/// The emergency.
	pub emergency: EmergencyId,
	/// The item.
	pub item: ItemIndex,
	/// Who pledged.
	pub donor: AccountId,
	/// The donor organisation the donor pledged for, if any.
	pub donor_org: Option<OrganisationId>,
	/// Where it should go.
	pub target: DonationTarget,
	/// The affected region the target lies in (`None` for `Anywhere`).
	pub target_region: Option<RegionIndex>,
	/// Units pledged.
	pub pledged: Quantity,
	/// Block of the pledge.
	pub pledged_at: BlockNumber,
	/// The warehouse the donor ships to: only it confirms the receipt. `None` only for
	/// pledges made before storage version 2, which any active warehouse may confirm.
	pub warehouse: Option<OrganisationId>,
	/// The receipt, once a warehouse confirmed it.
	pub receipt: Option<Receipt<BlockNumber>>,
	/// Units of it allocated so far.
	pub allocated: Quantity,
	/// Number of allocations it fed (the length of its trace).
	pub allocations: u32,
}

/// What of a donation physically arrived, and where.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Receipt<BlockNumber> {
	/// The warehouse holding it; it dispatches the donation's allocations.
	pub warehouse: OrganisationId,
	/// Units that arrived (at most the pledge).
	pub quantity: Quantity,
	/// Block of the confirmation.
	pub at: BlockNumber,
}

/// Where an allocation is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum AllocationStatus<BlockNumber> {
	/// Allocated, waiting in the warehouse.
	Pending,
	/// On its way since block `at`.
	Dispatched {
		/// Block of the dispatch.
		at: BlockNumber,
	},
	/// Confirmed by the recipient.
	Delivered {
		/// Block of the dispatch.
		dispatched_at: BlockNumber,
		/// Block of the confirmation.
		confirmed_at: BlockNumber,
		/// Units that arrived; the rest of the allocation is the shortfall.
		received: Quantity,
	},
}

/// Units of one donation allocated to one need, to be dispatched by the warehouse that holds
/// the donation and confirmed by the organisation in need.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Allocation<BlockNumber> {
	/// The emergency.
	pub emergency: EmergencyId,
	/// The item.
	pub item: ItemIndex,
	/// The round that allocated it.
	pub round: RoundIndex,
	/// The need it serves.
	pub need: NeedId,
	/// The organisation that receives it.
	pub recipient: OrganisationId,
	/// The affected region of the recipient.
	pub region: RegionIndex,
	/// The donation whose units it carries.
	pub donation: DonationId,
	/// The warehouse that dispatches it.
	pub warehouse: OrganisationId,
	/// Units allocated.
	pub quantity: Quantity,
	/// Pending, dispatched or delivered.
	pub status: AllocationStatus<BlockNumber>,
}

impl<BlockNumber> Allocation<BlockNumber> {
	/// Units confirmed as arrived (zero until confirmed).
	pub fn delivered(&self) -> Quantity {
		match self.status {
			AllocationStatus::Delivered { received, .. } => received,
			_ => 0,
		}
	}
}

/// Running totals of one item, over an emergency or one of its regions, kept as counters so a
/// dashboard reads them directly.
///
/// Per region, `pledged` and `received` count donations targeted into the region (donations
/// to `Anywhere` have no region); `allocated` and later count what went to recipients there.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct SupplyTotals {
	/// Units pledged.
	pub pledged: Quantity,
	/// Units confirmed as arrived at a warehouse.
	pub received: Quantity,
	/// Units allocated to needs.
	pub allocated: Quantity,
	/// Units dispatched from warehouses.
	pub dispatched: Quantity,
	/// Units confirmed as delivered by recipients.
	pub delivered: Quantity,
	/// Units dispatched that recipients confirmed did not arrive.
	pub shortfall: Quantity,
}

/// The stock pools of received units: each allocation stage draws from one pool.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Pool {
	/// Donations targeted to one organisation.
	Organisation(OrganisationId),
	/// Donations targeted to a region prefix.
	Region(RegionCode),
	/// Donations to anywhere.
	General,
}

impl From<DonationTarget> for Pool {
	fn from(target: DonationTarget) -> Self {
		match target {
			DonationTarget::Anywhere => Pool::General,
			DonationTarget::Region(r) => Pool::Region(r),
			DonationTarget::Organisation(o) => Pool::Organisation(o),
		}
	}
}

/// The prefixes of `region` from the most specific (itself) to the county, each at most once:
/// the region pools a recipient in `region` may draw from.
pub fn region_prefixes(region: &RegionCode) -> Vec<RegionCode> {
	let mut out = Vec::with_capacity(3);
	out.push(*region);
	if region.village != 0 {
		out.push(RegionCode::new(region.county, region.township, 0));
	}
	if region.township != 0 {
		out.push(RegionCode::new(region.county, 0, 0));
	}
	out
}

// ---- Views returned by the runtime API ----

/// One allocation with its id, as a trace shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct AllocationView<AccountId, BlockNumber> {
	/// The allocation.
	pub id: AllocationId,
	/// Its record.
	pub allocation: Allocation<BlockNumber>,
	/// The donor of the donation it carries.
	pub donor: AccountId,
}

/// Where a donation went: the donation and a page of the allocations it fed.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct DonationTrace<AccountId, BlockNumber> {
	/// The donation.
	pub donation: Donation<AccountId, BlockNumber>,
	/// Units received and not allocated yet.
	pub unallocated: Quantity,
	/// Allocations it fed, in order, from the requested position.
	pub allocations: Vec<AllocationView<AccountId, BlockNumber>>,
}

/// One item's line on an emergency dashboard.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ItemDashboard {
	/// The item's position in the catalogue.
	pub item: ItemIndex,
	/// Its code.
	pub code: ItemCode,
	/// Totals over the whole emergency.
	pub totals: SupplyTotals,
	/// Units received and not yet allocated (`received - allocated`).
	pub unallocated: Quantity,
	/// Totals per affected region, in the emergency's region order.
	pub regions: Vec<(RegionCode, SupplyTotals)>,
}

/// An emergency's dashboard.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Dashboard<BlockNumber> {
	/// The emergency.
	pub emergency: EmergencyId,
	/// Its name.
	pub name: EmergencyName,
	/// Active or closed.
	pub status: EmergencyStatus,
	/// First block it is no longer open in.
	pub sunset: BlockNumber,
	/// The round needs are filed into now (0 before the start).
	pub current_round: RoundIndex,
	/// The first block after the current round's window, from which it can be allocated.
	pub current_round_closes_at: BlockNumber,
	/// One line per item of the catalogue.
	pub items: Vec<ItemDashboard>,
}

/// A dispatch not confirmed within the delivery deadline.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct OverdueDispatch<BlockNumber> {
	/// The allocation.
	pub allocation: AllocationId,
	/// Who should have received it.
	pub recipient: OrganisationId,
	/// Who sent it.
	pub warehouse: OrganisationId,
	/// Units sent.
	pub quantity: Quantity,
	/// Block of the dispatch.
	pub dispatched_at: BlockNumber,
	/// First block it counted as overdue in.
	pub overdue_since: BlockNumber,
}

/// A round queued by [`allocate_round`](crate::Pallet::allocate_round): the pallet allocates
/// its items one after another at the start of the next blocks, within
/// [`Config::AllocationBudget`](crate::Config::AllocationBudget) a block.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct QueuedRound {
	/// The emergency.
	pub emergency: EmergencyId,
	/// The round.
	pub round: RoundIndex,
	/// The next item of the catalogue to allocate.
	pub next_item: ItemIndex,
	/// Items in the emergency's catalogue (fixed at declaration).
	pub items: ItemIndex,
}

/// An allocation decided when its round's item was planned, with its place in the donation's
/// and the recipient's lists, stored when its turn comes.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct PlannedAllocation<BlockNumber> {
	/// Its id, reserved when planned.
	pub id: AllocationId,
	/// The allocation.
	pub allocation: Allocation<BlockNumber>,
	/// Its position in the donation's trace.
	pub donation_position: u32,
	/// Its position in the recipient's list.
	pub recipient_position: u32,
}

/// The item of a queued round being stored: everything but its allocations' records (and
/// their trace entries) is already in storage; those are written a budget at a time.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxAllocations))]
pub struct ItemInProgress<BlockNumber: Clone + PartialEq + Eq + Debug, MaxAllocations: Get<u32>> {
	/// The emergency.
	pub emergency: EmergencyId,
	/// The item.
	pub item: ItemIndex,
	/// The round.
	pub round: RoundIndex,
	/// Needs in the round.
	pub needs: u32,
	/// Units allocated.
	pub allocated: Quantity,
	/// The allocations, in order.
	pub planned: BoundedVec<PlannedAllocation<BlockNumber>, MaxAllocations>,
	/// How many of them are stored.
	pub stored: u32,
}
