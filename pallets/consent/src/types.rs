//! Types stored by the consent pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{traits::ConstU32, BoundedVec};
use ruralmed_primitives::{
	ContentHash, OrganisationId, PractitionerRole, PurposeOfUse, RecordCategory, RecordId,
};
use scale_info::TypeInfo;

/// Identifies a grant.
pub type GrantId = u64;
/// Identifies a referral.
pub type ReferralId = u64;
/// Identifies a break-glass emergency access.
pub type EmergencyId = u64;

/// A bounded set of purposes of use (at most one of each).
pub type Purposes = BoundedVec<PurposeOfUse, ConstU32<5>>;
/// A bounded set of practitioner roles; empty means every role.
pub type Roles = BoundedVec<PractitionerRole, ConstU32<6>>;
/// A bounded set of record categories.
pub type Categories = BoundedVec<RecordCategory, ConstU32<10>>;

/// Who a grant is to: one practitioner, or an organisation's active practitioners of some
/// roles.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Grantee<AccountId> {
	/// One practitioner, whichever organisation they act for.
	Practitioner(AccountId),
	/// Every active practitioner of the organisation whose role is listed (all roles if the
	/// list is empty). A practitioner who leaves or is suspended is no longer covered.
	Organisation {
		/// The organisation.
		org: OrganisationId,
		/// The roles covered; empty for all.
		roles: Roles,
	},
}

/// The key grants are indexed by: a practitioner or an organisation, without roles.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum GranteeKey<AccountId> {
	/// Grants to this practitioner.
	Practitioner(AccountId),
	/// Grants to this organisation.
	Organisation(OrganisationId),
}

impl<AccountId: Clone> Grantee<AccountId> {
	/// The index key of this grantee.
	pub fn key(&self) -> GranteeKey<AccountId> {
		match self {
			Self::Practitioner(a) => GranteeKey::Practitioner(a.clone()),
			Self::Organisation { org, .. } => GranteeKey::Organisation(*org),
		}
	}
}

/// Most records a scope may list.
pub const MAX_SCOPE_RECORDS: u32 = 32;

/// Most specialists one page of a patient's referrals covers (the runtime API's bound).
pub const MAX_REFERRAL_PAGE: u32 = 100;

/// The records a scope lists.
pub type ScopeRecords = BoundedVec<RecordId, ConstU32<MAX_SCOPE_RECORDS>>;

/// Which records a grant or referral covers.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Scope {
	/// Every record of the patient, present and future.
	AllRecords,
	/// Records of these categories.
	Categories(Categories),
	/// Exactly these records.
	Records(ScopeRecords),
}

impl Scope {
	/// Whether the scope covers a record of `category` with id `id`.
	pub fn covers(&self, id: RecordId, category: RecordCategory) -> bool {
		match self {
			Self::AllRecords => true,
			Self::Categories(c) => c.contains(&category),
			Self::Records(r) => r.contains(&id),
		}
	}

	/// Whether new records of `category` fall in the scope (a list of records covers none).
	pub fn covers_new(&self, category: RecordCategory) -> bool {
		match self {
			Self::AllRecords => true,
			Self::Categories(c) => c.contains(&category),
			Self::Records(_) => false,
		}
	}

	/// Whether this scope is no wider than `outer`.
	pub fn within(&self, outer: &Self) -> bool {
		match (outer, self) {
			(Self::AllRecords, _) => true,
			(Self::Categories(o), Self::Categories(i)) => i.iter().all(|c| o.contains(c)),
			(Self::Records(o), Self::Records(i)) => i.iter().all(|r| o.contains(r)),
			_ => false,
		}
	}

	/// Whether the scope names anything, without repeats.
	pub fn is_well_formed(&self) -> bool {
		match self {
			Self::AllRecords => true,
			Self::Categories(c) => !c.is_empty() && !has_duplicates(c),
			Self::Records(r) => !r.is_empty() && !has_duplicates(r),
		}
	}
}

/// Whether a (short, bounded) slice repeats an element.
pub fn has_duplicates<X: PartialEq>(xs: &[X]) -> bool {
	xs.iter().enumerate().any(|(i, x)| xs[..i].contains(x))
}

/// A consent grant, after the HL7 FHIR Consent resource: the patient permits a grantee to use
/// records in a scope, for some purposes, during a period.
///
/// Periods are in block numbers (start inclusive, expiry exclusive): the chain agrees on them
/// exactly, and with 6-second blocks a client converts a date to a block number as
/// `now_block + (date - now) / 6 s`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Grant<AccountId, Balance, BlockNumber> {
	/// The grant's id.
	pub id: GrantId,
	/// Whose records.
	pub patient: AccountId,
	/// To whom.
	pub grantee: Grantee<AccountId>,
	/// For what.
	pub purposes: Purposes,
	/// Which records.
	pub scope: Scope,
	/// First block it is honoured in.
	pub starts_at: BlockNumber,
	/// First block it is no longer honoured in.
	pub expires_at: BlockNumber,
	/// Whether the grantee may also anchor new records (within the scope's categories).
	pub can_write: bool,
	/// Whether a grantee holding it for treatment may refer the patient onwards.
	pub allow_referral: bool,
	/// Who granted it: the patient or their guardian, who gets the deposit back.
	pub granted_by: AccountId,
	/// The deposit held from `granted_by`.
	pub deposit: Balance,
}

/// A teleconsultation referral: a grantee refers the patient to a practitioner of another
/// organisation, for a shorter period and a scope no wider than the grant's. It lives only as
/// long as its grant, and cannot itself be referred on.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Referral<AccountId, BlockNumber> {
	/// Whose records.
	pub patient: AccountId,
	/// The grant it derives from.
	pub grant: GrantId,
	/// Who referred.
	pub referrer: AccountId,
	/// The organisation the referrer acted for.
	pub referrer_org: OrganisationId,
	/// The practitioner referred to.
	pub specialist: AccountId,
	/// The organisation the specialist acts for.
	pub specialist_org: OrganisationId,
	/// Which records.
	pub scope: Scope,
	/// First block it is honoured in.
	pub starts_at: BlockNumber,
	/// First block it is no longer honoured in.
	pub expires_at: BlockNumber,
	/// Whether the specialist may anchor a consultation report (category `Document`).
	pub may_report: bool,
}

/// Why a practitioner broke the glass. Never stored or emitted on chain (it is health data about
/// the patient): the client folds it into the commitment with
/// [`emergency_commitment`], and the practitioner keeps it with the written justification.
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
pub enum EmergencyReason {
	/// The patient is unconscious or cannot communicate.
	PatientUnresponsive,
	/// A life-threatening condition needs the history now.
	LifeThreatening,
	/// The patient's guardian cannot be reached in an emergency.
	GuardianUnreachable,
	/// A mass-casualty or public-health emergency.
	MassCasualty,
	/// Another reason, explained in the written justification.
	Other,
}

/// Where a break-glass access stands.
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
	/// Open, awaiting the patient's review; access lasts until `expires_at`.
	Open,
	/// The patient (or guardian) accepted it. Closed.
	Accepted,
	/// Disputed by the patient, or not reviewed in time: awaiting the authority. Access ends.
	Escalated,
	/// The authority cleared the practitioner. Closed.
	Cleared,
	/// The authority found against the practitioner and suspended them. Closed.
	Sanctioned,
}

/// A break-glass emergency access: always visible to the patient and the authority.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct EmergencyAccess<AccountId, BlockNumber> {
	/// Whose records.
	pub patient: AccountId,
	/// Who broke the glass.
	pub practitioner: AccountId,
	/// For which organisation.
	pub org: OrganisationId,
	/// The commitment to the reason and the written justification, both kept off chain:
	/// [`emergency_commitment`]`(reason, blake2_256(justification))`.
	pub justification: ContentHash,
	/// When it was opened.
	pub opened_at: BlockNumber,
	/// First block it no longer grants access in.
	pub expires_at: BlockNumber,
	/// The patient must review it before this block, or it is escalated.
	pub review_by: BlockNumber,
	/// Where it stands.
	pub status: EmergencyStatus,
	/// Whether the patient disputed it (as opposed to not reviewing in time).
	pub disputed: bool,
}

/// The commitment a break-glass access stores instead of its reason:
/// `blake2_256(SCALE(reason) ‖ justification_hash)`, where `justification_hash` is the blake2-256
/// of the written justification kept off chain. The chain learns neither; the patient, the
/// practitioner and the authority check both against it.
pub fn emergency_commitment(
	reason: EmergencyReason,
	justification_hash: &ContentHash,
) -> ContentHash {
	use sp_runtime::traits::{BlakeTwo256, Hash};
	let mut preimage = reason.encode();
	preimage.extend_from_slice(justification_hash.as_bytes());
	BlakeTwo256::hash(&preimage)
}
