//! # RuralMed primitives
//!
//! The small set of types and traits every RuralMed pallet shares, so that pallets are coupled
//! only through `Config` types:
//!
//! - who is who: [`OrganisationId`], [`OrganisationKind`], [`OrganisationStatus`],
//!   [`PractitionerRole`], [`RegionCode`];
//! - what records are and why they are read: [`RecordId`], [`RecordCategory`],
//!   [`PurposeOfUse`];
//! - the questions pallets ask each other: [`PractitionerDirectory`] ("is this account an
//!   active practitioner, with which role, in which organisations", answered by the registry)
//!   and [`RecordAccess`] ("may this account read or write this patient's records, and why",
//!   answered by the consent pallet, or by a care-team default until it exists);
//! - what the regional statistics count: [`Figure`], [`Happening`] and [`StatisticsSink`],
//!   told by the pallets where things happen, answered by the statistics pallet.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::DispatchError;

/// Identifies an organisation in the registry.
pub type OrganisationId = u32;

/// Identifies a record anchor in the patient records.
pub type RecordId = u64;

/// The 32-byte hash type used on chain for contents, licences and justifications.
pub type ContentHash = sp_core::H256;

/// An X25519 public key for off-chain encryption.
pub type EncryptionPublicKey = [u8; 32];

/// What kind of organisation a registry entry is.
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
pub enum OrganisationKind {
	/// A county hospital: specialists, the top of the rural referral chain.
	CountyHospital,
	/// A township health centre.
	TownshipHealthCentre,
	/// A village clinic, usually run by a village doctor.
	VillageClinic,
	/// A pharmacy.
	Pharmacy,
	/// A laboratory.
	Laboratory,
	/// A drug or device manufacturer.
	Manufacturer,
	/// A distributor or wholesaler.
	Distributor,
	/// A warehouse that receives and dispatches emergency supplies.
	Warehouse,
	/// A donor or non-governmental organisation.
	DonorNgo,
	/// The health authority.
	HealthAuthority,
}

impl OrganisationKind {
	/// Whether this kind of organisation treats patients (and so may author clinical records).
	pub fn provides_care(&self) -> bool {
		matches!(
			self,
			Self::CountyHospital
				| Self::TownshipHealthCentre
				| Self::VillageClinic
				| Self::Pharmacy
				| Self::Laboratory
		)
	}
}

/// Lifecycle of an organisation: `Pending` until the authority verifies it, then `Active`;
/// the authority may suspend (and reinstate) it, and close it for good.
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
pub enum OrganisationStatus {
	/// Applied, not yet verified.
	Pending,
	/// Verified and operating.
	Active,
	/// Temporarily barred by the authority.
	Suspended,
	/// Closed for good; kept for the history it is part of.
	Closed,
}

/// The professional role of a practitioner.
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
pub enum PractitionerRole {
	/// A licensed physician.
	Doctor,
	/// A nurse.
	Nurse,
	/// A pharmacist.
	Pharmacist,
	/// A village doctor (rural primary-care practitioner).
	VillageDoctor,
	/// A community health worker.
	CommunityHealthWorker,
	/// A laboratory technician.
	LabTechnician,
}

/// An administrative region: county, township and village levels.
///
/// A zero at a level means "the whole of the level above", so a `RegionCode` is also a prefix:
/// `{county: 5, township: 0, village: 0}` covers every township and village of county 5.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub struct RegionCode {
	/// County code; never zero in a valid code.
	pub county: u32,
	/// Township within the county; zero for the county level.
	pub township: u16,
	/// Village within the township; zero for the township or county level.
	pub village: u16,
}

impl RegionCode {
	/// A code for a county, township or village.
	pub const fn new(county: u32, township: u16, village: u16) -> Self {
		Self { county, township, village }
	}

	/// Valid codes name a county, and a village only within a township.
	pub fn is_valid(&self) -> bool {
		self.county != 0 && !(self.township == 0 && self.village != 0)
	}

	/// Whether `other` lies within this region (a region contains itself).
	pub fn contains(&self, other: &RegionCode) -> bool {
		self.county == other.county
			&& (self.township == 0 || self.township == other.township)
			&& (self.village == 0 || self.village == other.village)
	}
}

/// The kind of a medical record, after the HL7 FHIR resource types.
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
pub enum RecordCategory {
	/// FHIR Encounter: a visit.
	Encounter,
	/// FHIR Observation: a measurement such as blood pressure.
	Observation,
	/// FHIR Condition: a diagnosis or problem.
	Condition,
	/// FHIR DiagnosticReport: lab or imaging results.
	DiagnosticReport,
	/// FHIR MedicationRequest: a prescription.
	MedicationRequest,
	/// FHIR MedicationDispense: drugs handed to the patient.
	MedicationDispense,
	/// FHIR Immunization.
	Immunization,
	/// FHIR AllergyIntolerance.
	Allergy,
	/// FHIR Procedure.
	Procedure,
	/// FHIR DocumentReference: any other document, e.g. a consultation report.
	Document,
}

/// Why a record is read or written, after the HL7 PurposeOfUse codes.
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
pub enum PurposeOfUse {
	/// Treatment of the patient (HL7 TREAT).
	Treatment,
	/// Teleconsultation on referral (HL7 TREAT, by a referred specialist).
	Referral,
	/// Research (HL7 HRESCH).
	Research,
	/// Public health reporting (HL7 PUBHLTH).
	PublicHealth,
	/// Break-glass emergency treatment (HL7 ETREAT).
	Emergency,
}

/// What a practitioner is, as the registry knows it now.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PractitionerStanding {
	/// The practitioner's role.
	pub role: PractitionerRole,
	/// Whether the licence is verified and not suspended or revoked.
	pub active: bool,
	/// Whether the authority suspended or revoked the licence. A barred practitioner may not
	/// act for any organisation, not even one it administers.
	pub barred: bool,
}

/// What an organisation is, as the registry knows it now.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct OrganisationSummary<AccountId> {
	/// Its kind.
	pub kind: OrganisationKind,
	/// Its region.
	pub region: RegionCode,
	/// Its status.
	pub status: OrganisationStatus,
	/// Its administrator.
	pub admin: AccountId,
}

/// Who is who: answered by the registry, asked by every other medical pallet.
pub trait PractitionerDirectory<AccountId: PartialEq> {
	/// The practitioner's role and standing, or `None` if the account is no practitioner.
	fn practitioner(who: &AccountId) -> Option<PractitionerStanding>;

	/// The organisation's kind, region, status and admin, or `None` if it does not exist.
	fn organisation(org: OrganisationId) -> Option<OrganisationSummary<AccountId>>;

	/// Whether `who` is affiliated with `org`, whatever the standing of either.
	fn is_affiliated(who: &AccountId, org: OrganisationId) -> bool;

	/// The organisations `who` is affiliated with (a bounded list; empty for non-practitioners).
	fn affiliations(who: &AccountId) -> alloc::vec::Vec<OrganisationId>;

	/// Whether `who` is an active practitioner affiliated with `org` and `org` is active: the
	/// test for acting on behalf of an organisation.
	fn is_active_member(who: &AccountId, org: OrganisationId) -> bool {
		Self::practitioner(who).is_some_and(|p| p.active)
			&& Self::is_affiliated(who, org)
			&& Self::organisation(org).is_some_and(|o| o.status == OrganisationStatus::Active)
	}

	/// Whether `who` administers `org`, `org` is active, and `who` is not a practitioner whose
	/// licence is suspended or revoked: admin powers follow the licence, so a suspension takes
	/// effect for admins too. An unverified licence does not bar, since any organisation's
	/// admin can register any account as an unverified practitioner, and that must not strip
	/// the account of another organisation's admin role.
	fn is_active_admin(who: &AccountId, org: OrganisationId) -> bool {
		Self::organisation(org)
			.is_some_and(|o| o.status == OrganisationStatus::Active && &o.admin == who)
			&& !Self::practitioner(who).is_some_and(|p| p.barred)
	}

	/// Suspends a practitioner everywhere at once (used by governance after a disputed
	/// emergency access).
	fn suspend_practitioner(who: &AccountId) -> Result<(), DispatchError>;

	/// Sets up an active organisation with an active practitioner of `role`, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_practitioner(
		admin: &AccountId,
		who: &AccountId,
		role: PractitionerRole,
		kind: OrganisationKind,
	) -> OrganisationId;

	/// Like [`Self::benchmark_practitioner`], but `who` ends up affiliated with as many
	/// organisations as allowed, the returned one last: the costliest practitioner to look
	/// grants up for, since access checks scan the affiliations in order.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_busiest_practitioner(
		admin: &AccountId,
		who: &AccountId,
		role: PractitionerRole,
		kind: OrganisationKind,
	) -> OrganisationId;
}

/// Who the patients are and who acts for them: answered by the patient records, asked by the
/// consent pallet.
pub trait PatientDirectory<AccountId> {
	/// Whether `patient` is a registered patient.
	fn is_patient(patient: &AccountId) -> bool;

	/// Whether `who` is the registered `patient` or the patient's guardian.
	fn is_patient_or_guardian(who: &AccountId, patient: &AccountId) -> bool;

	/// The category of `record` if it is one of `patient`'s records.
	fn record_category(patient: &AccountId, record: RecordId) -> Option<RecordCategory>;

	/// Registers `patient`, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_patient(patient: &AccountId);

	/// Registers `patient` if needed and makes `guardian` its guardian, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_guardian(patient: &AccountId, guardian: &AccountId);

	/// Registers `patient` and anchors one record of `category` for them, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_record(patient: &AccountId, category: RecordCategory) -> RecordId;
}

/// A record, as an access decision needs to see it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RecordRef {
	/// The record's id.
	pub id: RecordId,
	/// The record's category.
	pub category: RecordCategory,
}

/// Why access was allowed, for the audit trail.
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
pub enum AccessBasis {
	/// The reader is an active member of one of the patient's care organisations.
	CareTeam,
	/// A consent grant, by id.
	Grant(u64),
	/// A referral, by id.
	Referral(u64),
	/// A break-glass emergency access, by id.
	Emergency(u64),
}

/// Who may read and write a patient's records, and why: answered by the consent pallet (or a
/// care-team default), asked by the patient records before an anchor, a key share or an
/// access log.
pub trait RecordAccess<AccountId> {
	/// Whether `reader` may read `record` of `patient` for `purpose` now, and on what basis.
	fn read_basis(
		reader: &AccountId,
		patient: &AccountId,
		record: &RecordRef,
		purpose: PurposeOfUse,
	) -> Option<AccessBasis>;

	/// Whether `author`, acting for `org`, may anchor a new record of `category` for `patient`
	/// now, and on what basis.
	fn write_basis(
		author: &AccountId,
		org: OrganisationId,
		patient: &AccountId,
		category: RecordCategory,
	) -> Option<AccessBasis>;

	/// Sets up the costliest state in which `reader`, an active member of `org`, may read and
	/// write `patient`'s records, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_allow(reader: &AccountId, org: OrganisationId, patient: &AccountId);

	/// Sets up the costliest state in which `reader` (a practitioner) may read none of
	/// `patient`'s records for any purpose: everything an access check reads is there and
	/// none of it counts. For benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_refuse(reader: &AccountId, patient: &AccountId);

	/// Sets up the costliest state in which `reader` (a practitioner, active member of `org`)
	/// may read `patient`'s records, and returns the purpose it may read them for: the
	/// access check that finds its basis last, after reading everything else it can. Unlike
	/// [`Self::benchmark_allow`] it may be called for several readers of one patient. For
	/// benchmarks; by default [`Self::benchmark_allow`] for treatment.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_allow_costliest(
		reader: &AccountId,
		org: OrganisationId,
		patient: &AccountId,
	) -> PurposeOfUse {
		Self::benchmark_allow(reader, org, patient);
		PurposeOfUse::Treatment
	}
}

/// What a regional statistics counter counts; each counter is kept per region (county,
/// township and village) and per calendar month (UTC) of the block's time.
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
pub enum Figure {
	/// Records anchored by an organisation's practitioner in the region (self-reported records
	/// name no organisation and count nowhere).
	RecordsWritten,
	/// Distinct patients with a record anchored for them in the region in the month.
	ActivePatients,
	/// Distinct practitioners who anchored a record or handed out medicine in the region in
	/// the month.
	ActiveClinicians,
	/// Consents granted to an organisation in the region, or to a practitioner whose first
	/// affiliation is in it.
	ConsentGrants,
	/// Break-glass (emergency) accesses opened for an organisation in the region.
	BreakGlassAccesses,
	/// Break-glass accesses reviewed (accepted or disputed) in the month, counted at the
	/// region of the organisation the access was opened for.
	BreakGlassReviews,
	/// Medicine handovers to patients by dispensers in the region (one per handover, of any
	/// number of packs).
	Dispensations,
	/// Lots recalled, counted at the maker's region.
	LotsRecalled,
	/// Emergency supply units clinics in the region asked for.
	SuppliesNeeded,
	/// Emergency supply units donors pledged to warehouses in the region.
	SuppliesPledged,
	/// Emergency supply units warehouses in the region confirmed they received.
	SuppliesReceived,
	/// Emergency supply units clinics in the region confirmed were delivered.
	SuppliesDelivered,
}

/// Something the regional statistics count, as the pallet where it happens reports it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Happening<AccountId> {
	/// `author` anchored a record of `patient`.
	RecordWritten { patient: AccountId, author: AccountId },
	/// A patient granted a consent.
	ConsentGranted,
	/// A practitioner opened a break-glass access.
	BreakGlassOpened,
	/// A break-glass access was reviewed.
	BreakGlassReviewed,
	/// `dispenser` handed medicine of GTIN `product` to a patient.
	Dispensed { product: [u8; 14], dispenser: AccountId },
	/// A lot was recalled.
	LotRecalled,
	/// A clinic asked for `units` of an emergency supply.
	SuppliesNeeded { units: u64 },
	/// A donor pledged `units` to a warehouse.
	SuppliesPledged { units: u64 },
	/// A warehouse confirmed it received `units`.
	SuppliesReceived { units: u64 },
	/// A clinic confirmed `units` were delivered.
	SuppliesDelivered { units: u64 },
}

/// Where pallets report what the regional statistics count: answered by the statistics
/// pallet, told by the records, consent, drug provenance and emergency supply pallets. Each
/// note costs O(1): a few counters of the organisation's region and its enclosing regions.
pub trait StatisticsSink<AccountId> {
	/// Counts `happening` at organisation `org`'s region in the current month. Never fails:
	/// an unknown organisation, or a block without a time (genesis), counts nowhere.
	fn note(org: OrganisationId, happening: Happening<AccountId>);

	/// The most one [`Self::note`] may cost.
	fn note_weight() -> sp_runtime::Weight;
}

/// No statistics: for chains and tests that keep none.
impl<AccountId> StatisticsSink<AccountId> for () {
	fn note(_: OrganisationId, _: Happening<AccountId>) {}

	fn note_weight() -> sp_runtime::Weight {
		sp_runtime::Weight::zero()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn region_prefixes_contain_their_subregions() {
		let county = RegionCode::new(5, 0, 0);
		let township = RegionCode::new(5, 3, 0);
		let village = RegionCode::new(5, 3, 9);
		assert!(county.contains(&township) && county.contains(&village));
		assert!(township.contains(&village) && township.contains(&township));
		assert!(!township.contains(&county));
		assert!(!village.contains(&RegionCode::new(5, 3, 8)));
		assert!(!county.contains(&RegionCode::new(6, 3, 9)));
	}

	#[test]
	fn region_validity() {
		assert!(RegionCode::new(5, 0, 0).is_valid());
		assert!(RegionCode::new(5, 1, 2).is_valid());
		assert!(!RegionCode::new(0, 1, 2).is_valid());
		assert!(!RegionCode::new(5, 0, 2).is_valid());
	}
}
