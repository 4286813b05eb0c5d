//! Types stored by the patient records.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::BoundedVec;
use ruralmed_primitives::{
	AccessBasis, ContentHash, OrganisationId, PurposeOfUse, RecordCategory, RecordId,
};
use scale_info::TypeInfo;
use sp_core::Get;

/// A registered patient.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Patient<AccountId, Balance, BlockNumber> {
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
	/// The account the patient deposit is held from: the patient when self-registered, the
	/// registering practitioner otherwise.
	pub depositor: AccountId,
	/// The patient deposit held from `depositor` (zero for genesis and migrated patients).
	pub deposit: Balance,
}

/// A practitioner's proposal to register a patient with a guardian, waiting for the guardian
/// to accept it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct GuardianshipProposal<AccountId, Balance, BlockNumber> {
	/// The proposed guardian, who must accept.
	pub guardian: AccountId,
	/// The care organisation the practitioner acted for; it becomes the patient's first.
	pub org: OrganisationId,
	/// The practitioner who proposed it; the patient deposit is held from them.
	pub proposed_by: AccountId,
	/// The patient deposit held from `proposed_by`; it stays held for the patient on
	/// acceptance and is released otherwise.
	pub deposit: Balance,
	/// The first block in which it can no longer be accepted.
	pub expires_at: BlockNumber,
}

/// An anchor of one encrypted record kept off chain. Never edited or deleted: an amendment is
/// a new anchor that names the one it supersedes, and the old one records `superseded_by`.
///
/// The ciphertext is kept in a records vault under its blake2-256 hash (`content_hash`), so
/// the anchor only names the vault's organisation: no free-form locator (which could carry a
/// name or a diagnosis in a URI) is stored.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct RecordAnchor<AccountId, Balance, BlockNumber> {
	/// Whose record it is.
	pub patient: AccountId,
	/// Who anchored it: a practitioner, or the patient (or guardian) for self-reported data.
	/// The record deposit is held from it.
	pub author: AccountId,
	/// The organisation the author acted for; `None` for self-reported data.
	pub organisation: Option<OrganisationId>,
	/// The FHIR resource type.
	pub category: RecordCategory,
	/// blake2-256 of the ciphertext, so anyone holding the data can prove it unaltered; also
	/// its address in the vault.
	pub content_hash: ContentHash,
	/// The care organisation running the records vault that keeps the ciphertext. `None` only
	/// for records migrated from storage version 1 whose vault could not be inferred.
	pub vault: Option<OrganisationId>,
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
	/// The record deposit held from `author` (zero for migrated records).
	pub deposit: Balance,
}

/// A record's data key wrapped for one reader.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxKey))]
pub struct KeyShare<AccountId, Balance, MaxKey: Get<u32>> {
	/// The data key wrapped for the reader's X25519 key.
	pub wrapped_key: BoundedVec<u8, MaxKey>,
	/// Who attached it (the reader itself for shares migrated from storage version 1); the
	/// key-share deposit is held from it.
	pub attached_by: AccountId,
	/// The key-share deposit held from `attached_by`.
	pub deposit: Balance,
}

/// One logged access to a patient's record: an entry of the patient's access trail, at the
/// position the patient's `access_count` had before it. Kept for good: an audit trail the
/// reader could shorten would not be one.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct AccessEntry<AccountId, BlockNumber> {
	/// Who read it.
	pub reader: AccountId,
	/// The record.
	pub record: RecordId,
	/// Why.
	pub purpose: PurposeOfUse,
	/// On what basis; `None` for the patient or guardian themself.
	pub basis: Option<AccessBasis>,
	/// The block the access was logged in.
	pub block: BlockNumber,
	/// When, in milliseconds since the Unix epoch.
	pub timestamp_ms: u64,
}

/// A record's erasure: its ciphertext may be deleted from the vault and its key shares are
/// gone; the anchor (hash, author, time) stays as history.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Erasure<AccountId, BlockNumber> {
	/// The patient or guardian who erased it.
	pub by: AccountId,
	/// The block it was erased in.
	pub block: BlockNumber,
	/// When, in milliseconds since the Unix epoch.
	pub timestamp_ms: u64,
}

/// Why a patient questions a record. A code, not words: the patient's own words go in an
/// encrypted self-reported record that the dispute may name.
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
pub enum DisputeReason {
	/// The record is about somebody else.
	NotMyRecord,
	/// Details (a diagnosis, a dose, a result) are wrong.
	IncorrectDetails,
	/// Something important is missing.
	Incomplete,
	/// The visit or treatment never happened.
	NeverHappened,
	/// Another reason, explained in the note.
	Other,
}

/// A patient's open question about a record, until withdrawn. The author answers with an
/// amendment; the dispute stays on the old version as history.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Dispute<AccountId, BlockNumber> {
	/// The patient or guardian who raised it.
	pub by: AccountId,
	/// Why.
	pub reason: DisputeReason,
	/// A self-reported record of the same patient with the patient's own words, if any.
	pub note: Option<RecordId>,
	/// The block it was raised in.
	pub block: BlockNumber,
}

/// A patient's use of free calls in the current period (see [`crate::FreePatientCalls`]).
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct FreeCallUsage<BlockNumber> {
	/// The block the current period began in: the patient's first free call after the last
	/// period ended.
	pub period_start: BlockNumber,
	/// Free calls made since `period_start`.
	pub used: u32,
}
