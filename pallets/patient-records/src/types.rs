//! Types stored by the patient records.

use codec::{Decode, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::BoundedVec;
use ruralmed_primitives::{ContentHash, OrganisationId, RecordCategory, RecordId};
use scale_info::TypeInfo;
use sp_core::Get;

/// A registered patient.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Patient<AccountId, BlockNumber> {
	/// Who manages the patient's records on their behalf (for the elderly, children, anyone
	/// who cannot manage keys), if anyone.
	pub guardian: Option<AccountId>,
	/// The block the patient was registered in.
	pub registered_at: BlockNumber,
	/// The number of records anchored; also the index the next record takes.
	pub record_count: u64,
	/// The number of logged accesses to the patient's records.
	pub access_count: u64,
	/// The number of care organisations.
	pub care_organisations: u32,
}

/// An anchor of one encrypted record kept off chain. Never edited or deleted: an amendment is
/// a new anchor that names the one it supersedes, and the old one records `superseded_by`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxLocator))]
pub struct RecordAnchor<AccountId, BlockNumber, MaxLocator: Get<u32>> {
	/// Whose record it is.
	pub patient: AccountId,
	/// Who anchored it: a practitioner, or the patient (or guardian) for self-reported data.
	pub author: AccountId,
	/// The organisation the author acted for; `None` for self-reported data.
	pub organisation: Option<OrganisationId>,
	/// The FHIR resource type.
	pub category: RecordCategory,
	/// blake2-256 of the ciphertext, so anyone holding the data can prove it unaltered.
	pub content_hash: ContentHash,
	/// Where the ciphertext is kept: a URI or a content id.
	pub locator: BoundedVec<u8, MaxLocator>,
	/// Size of the ciphertext in bytes.
	pub size_bytes: u64,
	/// When it was anchored, in milliseconds since the Unix epoch.
	pub timestamp_ms: u64,
	/// The block it was anchored in.
	pub block: BlockNumber,
	/// The record this one amends, if any.
	pub amends: Option<RecordId>,
	/// The record that amends this one, if any.
	pub superseded_by: Option<RecordId>,
	/// Whether the patient reported it themself rather than a practitioner.
	pub self_reported: bool,
	/// Its position in the patient's time-ordered index.
	pub index: u64,
}
