//! The drug provenance pallet's types: GS1 identifiers, products, lots, packs, shipments,
//! dispensations, EPCIS-like events and the verification answer.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{traits::ConstU32, BoundedVec};
use ruralmed_primitives::{OrganisationId, RegionCode};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// Identifies a lot on chain.
pub type LotId = u64;
/// Identifies a shipment.
pub type ShipmentId = u64;
/// Identifies a dispensation to a patient.
pub type DispensationId = u64;
/// A calendar day, counted from 1970-01-01 (UTC): the resolution of GS1 dates.
pub type Day = u32;

/// Longest product name, in bytes.
pub const MAX_PRODUCT_NAME_LEN: u32 = 64;
/// Longest strength text ("500 mg", "10 IU/ml"), in bytes.
pub const MAX_STRENGTH_LEN: u32 = 32;
/// Longest lot number: GS1 application identifier (10) allows 20 characters.
pub const MAX_LOT_NUMBER_LEN: u32 = 20;
/// Longest serial number: GS1 application identifier (21) allows 20 characters.
pub const MAX_SERIAL_LEN: u32 = 20;
/// Most serials one call may commission, ship, dispense or destroy: keeps every call well
/// within a block.
pub const MAX_PACKS_PER_CALL: u32 = 100;
/// Most custody events a verification answer carries (the latest ones); the whole path is
/// paged through the runtime API.
pub const VERIFICATION_PATH_LEN: u32 = 16;

/// Shortest GS1 company prefix this chain accepts, in digits.
pub const MIN_COMPANY_PREFIX_LEN: u32 = 6;
/// Longest GS1 company prefix this chain accepts, in digits: with the indicator digit and the
/// check digit it leaves at least one digit of item reference in a GTIN-14.
pub const MAX_COMPANY_PREFIX_LEN: u32 = 11;

/// A GS1 company prefix: 6 to 11 ASCII digits, licensed by GS1 to one company. In a GTIN-14
/// it follows the indicator digit (for a GTIN-13 written as 14 digits, the leading zero).
pub type CompanyPrefix = BoundedVec<u8, ConstU32<MAX_COMPANY_PREFIX_LEN>>;

/// Whether `prefix` is a well-formed company prefix: 6 to 11 digits.
pub fn is_company_prefix(prefix: &[u8]) -> bool {
	(MIN_COMPANY_PREFIX_LEN as usize..=MAX_COMPANY_PREFIX_LEN as usize).contains(&prefix.len())
		&& prefix.iter().all(u8::is_ascii_digit)
}

/// A product name.
pub type ProductName = BoundedVec<u8, ConstU32<MAX_PRODUCT_NAME_LEN>>;
/// A strength.
pub type Strength = BoundedVec<u8, ConstU32<MAX_STRENGTH_LEN>>;
/// A lot (batch) number, GS1 AI (10).
pub type LotNumber = BoundedVec<u8, ConstU32<MAX_LOT_NUMBER_LEN>>;
/// A pack's serial number, GS1 AI (21). With the GTIN it makes the SGTIN.
pub type Serial = BoundedVec<u8, ConstU32<MAX_SERIAL_LEN>>;
/// The serials of the packs one call acts on.
pub type SerialList = BoundedVec<Serial, ConstU32<MAX_PACKS_PER_CALL>>;

/// A GS1 Global Trade Item Number in its 14-digit form (shorter GTINs are left-padded with
/// zeros), as ASCII digits; the last digit is the GS1 mod-10 check digit.
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
	Serialize,
	Deserialize,
)]
pub struct Gtin(pub [u8; 14]);

impl Gtin {
	/// Whether every character is a digit and the check digit is right.
	pub fn is_valid(&self) -> bool {
		if !self.0.iter().all(u8::is_ascii_digit) {
			return false;
		}
		// GS1: from the right, excluding the check digit, weights 3, 1, 3, ... For 14 digits
		// that is weight 3 on even positions counted from the left.
		let sum: u32 = self.0[..13]
			.iter()
			.enumerate()
			.map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 3 } else { 1 })
			.sum();
		let check = (10 - sum % 10) % 10;
		u32::from(self.0[13] - b'0') == check
	}

	/// The first `len` digits after the indicator digit: the GS1 company prefix of that length
	/// this GTIN would belong to (GS1 General Specifications 3.3.2: in a GTIN-14 the company
	/// prefix follows the indicator digit; a GTIN-13 written in 14 digits has indicator 0).
	pub fn company_prefix(&self, len: u32) -> Option<&[u8]> {
		if !(MIN_COMPANY_PREFIX_LEN..=MAX_COMPANY_PREFIX_LEN).contains(&len) {
			return None;
		}
		self.0.get(1..1 + len as usize)
	}
}

/// Whether `text` is a valid GS1 lot or serial: 1 to 20 characters of the GS1 AI encodable set
/// (printable ASCII without space, quote marks or the few characters GS1 excludes).
pub fn is_gs1_text(text: &[u8]) -> bool {
	!text.is_empty()
		&& text.iter().all(|c| {
			c.is_ascii_alphanumeric()
				|| matches!(
					c,
					b'!' | b'%'
						| b'&' | b'(' | b')'
						| b'*' | b'+' | b','
						| b'-' | b'.' | b'/'
						| b':' | b';' | b'<'
						| b'=' | b'>' | b'?'
						| b'_'
				)
		})
}

/// The pharmaceutical form of a product.
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
pub enum DosageForm {
	/// Tablets.
	Tablet,
	/// Capsules.
	Capsule,
	/// Oral liquids.
	Syrup,
	/// Injections.
	Injection,
	/// Vaccines.
	Vaccine,
	/// Powders, e.g. oral rehydration salts.
	Powder,
	/// Creams and ointments.
	Ointment,
	/// Eye, ear or nose drops.
	Drops,
	/// Inhalers.
	Inhaler,
	/// Anything else, e.g. a test kit.
	Other,
}

/// How a product must be kept.
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
pub enum StorageCondition {
	/// Room temperature; no cold chain.
	Ambient,
	/// Cold chain: between the two temperatures, in tenths of a degree Celsius (2–8 °C is
	/// `{ min_decicelsius: 20, max_decicelsius: 80 }`).
	ColdChain {
		/// Lowest allowed temperature, in 0.1 °C.
		min_decicelsius: i16,
		/// Highest allowed temperature, in 0.1 °C.
		max_decicelsius: i16,
	},
}

/// A product, registered by its manufacturer under its GTIN.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Product {
	/// The manufacturer organisation; only it commissions lots of this product.
	pub manufacturer: OrganisationId,
	/// The name, e.g. "Amoxicillin".
	pub name: ProductName,
	/// The form.
	pub form: DosageForm,
	/// The strength, e.g. "500 mg".
	pub strength: Strength,
	/// Ambient or cold chain.
	pub storage: StorageCondition,
	/// Number of lots commissioned so far.
	pub lots: u32,
}

/// Why a lot is recalled.
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
pub enum RecallReason {
	/// A risk to patients' safety.
	SafetyRisk,
	/// Out of specification.
	QualityDefect,
	/// Contaminated.
	Contamination,
	/// Wrong or misleading labelling.
	Labelling,
	/// Counterfeits of this lot circulate.
	Counterfeit,
	/// Ordered by the regulator.
	Regulatory,
	/// Any other reason.
	Other,
}

/// Why a holder suspects a lot or pack.
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
pub enum SuspectReason {
	/// Packaging tampered with or damaged.
	PackagingDamaged,
	/// The label, identifiers or leaflet do not match.
	LabelMismatch,
	/// Looks counterfeit.
	SuspectedCounterfeit,
	/// Kept outside its cold chain.
	TemperatureExcursion,
	/// Linked to an adverse event.
	AdverseEvent,
	/// Any other reason.
	Other,
}

/// The state of a lot as a whole.
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
pub enum LotStatus {
	/// May be shipped and dispensed (until it expires).
	Active,
	/// Flagged suspect (by the manufacturer or the authority) or its cold chain broke: nothing
	/// moves but returns until the manufacturer or the authority clears it or confirms it
	/// illegitimate. Only the authority clears a broken cold chain.
	Quarantined {
		/// The organisation that flagged it.
		by: OrganisationId,
		/// Why.
		reason: SuspectReason,
	},
	/// Recalled for good: stock may only be returned to the manufacturer or destroyed.
	Recalled {
		/// Why.
		reason: RecallReason,
		/// Whether the authority (rather than the manufacturer) recalled it.
		by_authority: bool,
	},
	/// Confirmed illegitimate (counterfeit, diverted, stolen): may only be returned or
	/// destroyed.
	Illegitimate,
}

/// The state of a cold-chain lot's cold chain. Encoded as the `bool` it replaces (`false` =
/// intact, `true` = breached), so lots stored before it decode unchanged.
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
	Default,
)]
pub enum ColdChain {
	/// No excursion beyond the product's tolerance was recorded.
	#[default]
	Intact,
	/// A holder recorded an excursion beyond the tolerance: the lot may not be shipped down the
	/// chain or dispensed, and does not verify as genuine, until the authority clears it.
	Breached,
	/// Breached, then cleared by the authority (e.g. on the maker's stability data). A new
	/// breach makes it `Breached` again.
	ClearedByAuthority,
}

impl ColdChain {
	/// Whether an excursion beyond the tolerance was ever recorded.
	pub fn ever_breached(&self) -> bool {
		*self != ColdChain::Intact
	}
}

/// A lot (batch) of a product.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Lot<BlockNumber> {
	/// The product.
	pub gtin: Gtin,
	/// The lot number printed on the packs.
	pub number: LotNumber,
	/// The manufacturer that commissioned it (the product's, unless the authority later
	/// reassigned the product).
	pub manufacturer: OrganisationId,
	/// Day of manufacture.
	pub manufactured_on: Day,
	/// Day of expiry: the lot may not be shipped or dispensed on or after it.
	pub expires_on: Day,
	/// Declared size in packs.
	pub quantity: u32,
	/// Whether each pack carries a serial (SGTIN); then packs are commissioned by serial.
	pub serialised: bool,
	/// Active, quarantined, recalled or illegitimate.
	pub status: LotStatus,
	/// Whether a holder recorded a temperature excursion beyond the product's limits, and
	/// whether the authority cleared it.
	pub cold_chain: ColdChain,
	/// Packs commissioned so far (all of `quantity` at once for unserialised lots).
	pub commissioned: u32,
	/// Packs in shipments not yet received.
	pub in_transit: u32,
	/// Packs dispensed to patients.
	pub dispensed: u32,
	/// Packs destroyed by their holder.
	pub destroyed: u32,
	/// Packs shipped but reported missing on receipt.
	pub lost: u32,
	/// Number of custody events recorded.
	pub events: u32,
	/// Number of dispensations.
	pub dispensations: u32,
	/// Block it was commissioned in.
	pub commissioned_at: BlockNumber,
}

/// Where a serialised pack is.
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
pub enum Custody {
	/// Held by an organisation.
	Held(OrganisationId),
	/// In a shipment.
	InTransit(ShipmentId),
	/// Dispensed to a patient.
	Dispensed(DispensationId),
	/// Destroyed.
	Destroyed,
	/// Shipped but reported missing on receipt.
	Lost,
}

/// The state of a serialised pack.
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
pub enum PackStatus {
	/// No concern.
	Active,
	/// Flagged suspect by a holder: quarantined until cleared or confirmed illegitimate.
	Suspect {
		/// The organisation that flagged it.
		by: OrganisationId,
		/// Why.
		reason: SuspectReason,
	},
	/// Confirmed illegitimate.
	Illegitimate,
}

/// A serialised pack.
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
pub struct Pack {
	/// Where it is.
	pub custody: Custody,
	/// Whether it is suspect.
	pub status: PackStatus,
}

/// What a shipment is for.
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
pub enum ShipmentKind {
	/// Down the supply chain.
	Transfer,
	/// Back to the manufacturer (recalled, suspect, expired or unwanted stock).
	Return,
}

/// Whether a shipment arrived.
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
pub enum ShipmentStatus<BlockNumber> {
	/// On its way.
	InTransit,
	/// Received; any difference is recorded as lost.
	Received {
		/// Packs that arrived.
		received: u32,
		/// Packs missing.
		missing: u32,
		/// Block of receipt.
		at: BlockNumber,
	},
	/// Cancelled before receipt (by the authority, or by the sender after the timeout when the
	/// receiver no longer acts): the packs went back to the sender.
	Cancelled {
		/// Block of cancellation.
		at: BlockNumber,
	},
}

/// A quantity of one lot on its way from one organisation to another.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Shipment<BlockNumber> {
	/// The lot.
	pub lot: LotId,
	/// The sender.
	pub from: OrganisationId,
	/// The receiver.
	pub to: OrganisationId,
	/// Packs shipped.
	pub quantity: u32,
	/// Their serials (serialised lots only).
	pub serials: SerialList,
	/// Transfer or return.
	pub kind: ShipmentKind,
	/// Block it was shipped in.
	pub shipped_at: BlockNumber,
	/// In transit, received or cancelled.
	pub status: ShipmentStatus<BlockNumber>,
}

/// Packs handed to a patient. No patient identity is stored: at most an opaque commitment the
/// dispenser computed off chain.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Dispensation<BlockNumber> {
	/// The lot.
	pub lot: LotId,
	/// The dispensing organisation.
	pub org: OrganisationId,
	/// Packs handed out.
	pub quantity: u32,
	/// Their serials (serialised lots only).
	pub serials: SerialList,
	/// The dispenser's salted commitment to the patient, if it gave one: by convention
	/// `blake2_256(SCALE(patient account) ‖ SCALE(record id) ‖ salt)` with a 32-byte random
	/// salt the pharmacy (and the patient) keep off chain. The chain never checks it; only the
	/// holder of the salt can tell whom it names, so a recall reaches the patient through the
	/// dispensing organisation.
	pub commitment: Option<H256>,
	/// Block of dispensing.
	pub at: BlockNumber,
}

/// The business step of a custody event, after the GS1 Core Business Vocabulary.
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
pub enum BusinessStep {
	/// CBV `commissioning`: packs came into existence.
	Commissioning,
	/// CBV `shipping`.
	Shipping,
	/// CBV `receiving`.
	Receiving,
	/// CBV `dispensing`: handed to a patient.
	Dispensing,
	/// CBV `sensor_reporting`: a temperature excursion.
	SensorReporting,
	/// CBV `holding`: flagged suspect and quarantined.
	Holding,
	/// CBV `inspecting`: a suspicion cleared.
	Inspecting,
	/// CBV `recalling`.
	Recalling,
	/// CBV `decommissioning`: confirmed illegitimate.
	Decommissioning,
	/// CBV `destroying`.
	Destroying,
	/// CBV `returning`: shipped back to the manufacturer.
	Returning,
	/// CBV `void_shipping`: a shipment cancelled before receipt.
	VoidShipping,
}

/// The disposition after a custody event, after the GS1 Core Business Vocabulary.
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
pub enum Disposition {
	/// CBV `active`.
	Active,
	/// CBV `in_transit`.
	InTransit,
	/// CBV `dispensed`.
	Dispensed,
	/// CBV `non_sellable_other`: quarantined.
	NonSellable,
	/// CBV `damaged`: cold chain broken.
	Damaged,
	/// CBV `recalled`.
	Recalled,
	/// CBV `destroyed`.
	Destroyed,
	/// CBV `returned`.
	Returned,
}

/// What else a custody event says.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum EventDetail {
	/// Nothing more.
	None,
	/// A shipment, to an organisation.
	Shipment {
		/// The shipment.
		shipment: ShipmentId,
		/// Its receiver.
		to: OrganisationId,
	},
	/// A receipt.
	Receipt {
		/// The shipment.
		shipment: ShipmentId,
		/// Packs missing.
		missing: u32,
	},
	/// A dispensation.
	Dispensation(DispensationId),
	/// A temperature excursion.
	Excursion {
		/// Lowest temperature seen, in 0.1 °C.
		min_decicelsius: i16,
		/// Highest temperature seen, in 0.1 °C.
		max_decicelsius: i16,
		/// Minutes outside the product's range.
		minutes: u32,
		/// Whether it broke the cold chain (and quarantined the lot).
		breached: bool,
	},
	/// A recall.
	Recall(RecallReason),
	/// A suspicion, of one pack or of the whole lot.
	Suspect {
		/// Why.
		reason: SuspectReason,
		/// The pack, or `None` for the lot.
		serial: Option<Serial>,
	},
	/// A suspicion cleared, of one pack or of the lot.
	Cleared {
		/// The pack, or `None` for the lot.
		serial: Option<Serial>,
	},
	/// Confirmed illegitimate, one pack or the lot.
	Illegitimate {
		/// The pack, or `None` for the lot.
		serial: Option<Serial>,
	},
	/// A holder flagged its own stock of the lot as suspect (the event's organisation).
	HoldingSuspect {
		/// Why.
		reason: SuspectReason,
	},
	/// A holder's suspicion of its own stock cleared (the holder is the event's organisation).
	HoldingCleared,
	/// A shipment cancelled before receipt; its packs went back to the sender.
	ShipmentCancelled {
		/// The shipment.
		shipment: ShipmentId,
	},
}

/// One EPCIS-like custody event of a lot: what happened, where and when.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct CustodyEvent<BlockNumber> {
	/// The business step.
	pub step: BusinessStep,
	/// The disposition after it.
	pub disposition: Disposition,
	/// The read point: the acting organisation…
	pub org: OrganisationId,
	/// … and its region.
	pub region: RegionCode,
	/// Packs concerned.
	pub quantity: u32,
	/// Block.
	pub at_block: BlockNumber,
	/// Unix time, in seconds (0 for lots set up at genesis).
	pub at_time: u64,
	/// Details of the step.
	pub detail: EventDetail,
}

/// The counterfeit check's answer in one word.
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
pub enum Verdict {
	/// No such product, lot or pack was ever commissioned: treat as counterfeit.
	Unknown,
	/// Genuine and fit to dispense.
	Genuine,
	/// Genuine but expired.
	Expired,
	/// Recalled.
	Recalled,
	/// Quarantined: the maker or the authority suspects the lot, or the pack is flagged. (A
	/// holder's suspicion of its own stock does not show here: it stops only that stock.)
	Suspect,
	/// Confirmed illegitimate.
	Illegitimate,
	/// This serial was already dispensed (or destroyed, or lost): a second pack carrying it is
	/// a copy.
	AlreadyDecommissioned,
	/// The lot's cold chain broke and the authority has not cleared it: do not use.
	ColdChainBreached,
	/// This pack has been in a shipment longer than [`crate::Config::ShipmentTimeout`]: it
	/// should not be in anyone's hands; treat as diverted until the shipment is settled.
	StuckInTransit,
}

/// The answer to "is this pack genuine?", for anyone with a GTIN, a lot number and maybe a
/// serial.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Verification<BlockNumber> {
	/// The verdict.
	pub verdict: Verdict,
	/// The lot, if known.
	pub lot: Option<LotId>,
	/// The product's maker, if the product is known.
	pub manufacturer: Option<OrganisationId>,
	/// The product's name (empty if unknown).
	pub product_name: alloc::vec::Vec<u8>,
	/// The lot's expiry day (0 if unknown).
	pub expires_on: Day,
	/// Whether it is expired today.
	pub expired: bool,
	/// Whether the lot is recalled.
	pub recalled: bool,
	/// Whether the lot or pack is quarantined as suspect.
	pub suspect: bool,
	/// Whether the lot or pack is confirmed illegitimate.
	pub illegitimate: bool,
	/// Whether the lot's cold chain was ever broken (even if the authority cleared it).
	pub cold_chain_breached: bool,
	/// Packs of the lot dispensed so far, or for a serial 1 if that pack was dispensed.
	pub dispensed: u32,
	/// For a serial, where the pack is now.
	pub custody: Option<Custody>,
	/// Number of custody events of the lot.
	pub path_length: u32,
	/// The latest custody events of the lot, oldest first (at most
	/// [`VERIFICATION_PATH_LEN`]); the rest via the runtime API's `custody_path`.
	pub path: alloc::vec::Vec<CustodyEvent<BlockNumber>>,
}
