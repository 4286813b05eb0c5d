//! Types stored by the registry.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::BoundedVec;
use ruralmed_primitives::{
	ContentHash, EncryptionPublicKey, OrganisationId, OrganisationKind, OrganisationStatus,
	PractitionerRole, RegionCode,
};
use scale_info::TypeInfo;
use sp_core::Get;

/// A registered organisation.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxName))]
pub struct Organisation<AccountId, Balance, BlockNumber, MaxName: Get<u32>> {
	/// What kind of organisation it is.
	pub kind: OrganisationKind,
	/// Its name, UTF-8.
	pub name: BoundedVec<u8, MaxName>,
	/// Where it is.
	pub region: RegionCode,
	/// The account that manages its practitioners.
	pub admin: AccountId,
	/// Where it is in its lifecycle.
	pub status: OrganisationStatus,
	/// The deposit held from the applicant while the organisation is not closed.
	pub deposit: Balance,
	/// The account the deposit is held from (the first admin).
	pub depositor: AccountId,
	/// Number of practitioners affiliated with it.
	pub practitioner_count: u32,
	/// The block it applied in.
	pub applied_at: BlockNumber,
	/// The block the authority last verified or reinstated it in; `None` while it has never
	/// been verified, and for organisations verified before storage version 2, which did not
	/// record it.
	pub verified_at: Option<BlockNumber>,
}

/// Standing of a practitioner's licence.
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
pub enum LicenceStatus {
	/// Added by an organisation, licence not yet verified by the authority.
	Unverified,
	/// Licence verified; the practitioner may act.
	Active,
	/// Suspended by the authority; takes effect everywhere at once.
	Suspended,
	/// Revoked for good.
	Revoked,
}

impl LicenceStatus {
	/// Whether the authority suspended or revoked the licence: the practitioner may then not
	/// act for any organisation, as admin either.
	pub fn is_barred(&self) -> bool {
		matches!(self, Self::Suspended | Self::Revoked)
	}
}

/// A practitioner.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxAffiliations))]
pub struct Practitioner<MaxAffiliations: Get<u32>> {
	/// Professional role.
	pub role: PractitionerRole,
	/// blake2-256 hash of the licence number; the number itself never goes on chain.
	pub licence_hash: ContentHash,
	/// Licence standing.
	pub status: LicenceStatus,
	/// Organisations the practitioner works for.
	pub affiliations: BoundedVec<OrganisationId, MaxAffiliations>,
}

/// An account's current encryption key.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CurrentKey<BlockNumber> {
	/// The X25519 public key.
	pub key: EncryptionPublicKey,
	/// Its version: 0 for the first key, +1 per rotation.
	pub version: u32,
	/// The block it was published in.
	pub published_at: BlockNumber,
}

/// A key that was replaced, kept so old ciphertexts stay attributable.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct RetiredKey<BlockNumber> {
	/// The X25519 public key.
	pub key: EncryptionPublicKey,
	/// The block it was published in.
	pub published_at: BlockNumber,
	/// The block it was replaced in.
	pub replaced_at: BlockNumber,
}
