//! # Registry pallet
//!
//! Who is who on the RuralMed chain: organisations (hospitals, health centres, clinics,
//! pharmacies, laboratories, manufacturers, distributors, warehouses, donors and the health
//! authority), the practitioners who work for them, and the X25519 public keys every account
//! (patients too) publishes for off-chain encryption.
//!
//! ## Roles
//! - **Anyone** may apply to register an organisation, holding [`Config::OrganisationDeposit`]
//!   until it is closed or rejected, and may publish and rotate an encryption key.
//! - **The authority** ([`Config::AuthorityOrigin`]: the health council, Root in tests)
//!   verifies, suspends, reinstates, rejects and closes organisations, and verifies, suspends
//!   and revokes practitioners' licences, and releases a licence bound to the wrong account. A
//!   suspension takes effect everywhere at once, because every other pallet asks this one
//!   through [`PractitionerDirectory`](ruralmed_primitives::PractitionerDirectory).
//! - **An organisation's admin** adds and removes its practitioners and may hand the admin
//!   role to another account. An admin who is a practitioner with a suspended or revoked
//!   licence keeps only the power to hand the role on, here and in every other pallet, and
//!   the role cannot be handed to such a practitioner.
//! - **A practitioner** may leave an organisation.
//!
//! ## Licences
//! An organisation's admin registers a practitioner with the blake2-256 hash of the licence
//! number. The hash is bound to the account ([`LicenceOwners`]) only when the authority
//! verifies the licence: licence numbers are guessable, so an unverified registration must not
//! keep the licence's real holder out. Once bound, a licence stays bound, revoked too, unless
//! the authority releases it ([`release_licence`](Pallet::release_licence)), which revokes the
//! account that held it.
//!
//! ## Calls
//! Organisations: [`apply_for_organisation`](Pallet::apply_for_organisation),
//! [`verify_organisation`](Pallet::verify_organisation),
//! [`suspend_organisation`](Pallet::suspend_organisation),
//! [`close_organisation`](Pallet::close_organisation),
//! [`reject_application`](Pallet::reject_application),
//! [`transfer_admin`](Pallet::transfer_admin).
//! Practitioners: [`add_practitioner`](Pallet::add_practitioner),
//! [`remove_practitioner`](Pallet::remove_practitioner),
//! [`verify_licence`](Pallet::verify_licence),
//! [`suspend_practitioner`](Pallet::suspend_practitioner),
//! [`revoke_licence`](Pallet::revoke_licence),
//! [`release_licence`](Pallet::release_licence).
//! Keys: [`publish_encryption_key`](Pallet::publish_encryption_key); an account keeps its last
//! [`Config::MaxRetiredKeys`] replaced keys, by version ([`Pallet::encryption_key`]).
//!
//! ## Lifecycles
//! Organisation: `Pending` → (`verify`) `Active` ⇄ (`suspend` / `verify`) `Suspended`;
//! `Pending` → (`reject`) removed; anything but `Closed` → (`close`) `Closed`.
//! Licence: `Unverified` → (`verify_licence`, which binds the licence hash) `Active` ⇄
//! (`suspend` / `verify_licence`) `Suspended`; anything → (`revoke_licence`) `Revoked`, for
//! good; the holder of a bound hash → (`release_licence`, which unbinds it) `Revoked`.
//!
//! Every call is O(1): affiliations are a bounded list per practitioner, and nothing iterates
//! over growing storage. The registry holds at most [`Config::MaxOrganisations`] organisations,
//! so that a migration over them fits in a block (checked by `integrity_test`).

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
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use ruralmed_primitives::{
		ContentHash, EncryptionPublicKey, OrganisationId, OrganisationKind, PractitionerRole,
		RegionCode,
	};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// An organisation as stored.
	pub type OrganisationOf<T> = Organisation<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxNameLength,
	>;

	/// A practitioner as stored.
	pub type PractitionerOf<T> = Practitioner<<T as Config>::MaxAffiliations>;

	/// The in-code storage version. 2: organisations record when they were verified
	/// ([`migrations::v2`]). 3: the organisations are counted ([`OrganisationCount`],
	/// [`migrations::v3`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// Holds application deposits.
		#[pallet::no_default]
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// Verifies, suspends and closes organisations and licences: the health council.
		#[pallet::no_default]
		type AuthorityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Held from an applicant until the organisation is closed or rejected, so that
		/// applications cost something to spam.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type OrganisationDeposit: Get<BalanceOf<Self>>;

		/// Longest organisation name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Most organisations one practitioner can be affiliated with.
		#[pallet::constant]
		type MaxAffiliations: Get<u32>;

		/// Most organisations the registry holds, closed ones included (rejecting an
		/// application frees its place). Bounds every migration over the organisations:
		/// `integrity_test` checks that migrating this many fits in half a block
		/// ([`migrations::organisations_fit_in_block`]).
		#[pallet::constant]
		type MaxOrganisations: Get<u32>;

		/// How many replaced encryption keys an account keeps; publishing a key beyond that
		/// drops the oldest, so each account stores a bounded number of keys.
		#[pallet::constant]
		type MaxRetiredKeys: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an organisation's application.
		#[codec(index = 0)]
		OrganisationDeposit,
	}

	/// The id the next organisation will get.
	#[pallet::storage]
	pub type NextOrganisationId<T> = StorageValue<_, OrganisationId, ValueQuery>;

	/// Organisations by id. Closed organisations stay, for the history they are part of.
	#[pallet::storage]
	pub type Organisations<T: Config> =
		StorageMap<_, Twox64Concat, OrganisationId, OrganisationOf<T>, OptionQuery>;

	/// How many organisations [`Organisations`] holds; at most [`Config::MaxOrganisations`]
	/// from storage version 3 on.
	#[pallet::storage]
	pub type OrganisationCount<T> = StorageValue<_, u32, ValueQuery>;

	/// Practitioners by account.
	#[pallet::storage]
	pub type Practitioners<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PractitionerOf<T>, OptionQuery>;

	/// Licence hash → the practitioner it is bound to, so one licence cannot be verified for two
	/// accounts. A licence is bound when the authority first verifies it (entries written
	/// before storage version 3 may also point at unverified practitioners), and stays bound
	/// until the authority releases it.
	#[pallet::storage]
	pub type LicenceOwners<T: Config> =
		StorageMap<_, Identity, ContentHash, T::AccountId, OptionQuery>;

	/// Each account's current X25519 encryption key.
	#[pallet::storage]
	pub type EncryptionKeys<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CurrentKey<BlockNumberFor<T>>, OptionQuery>;

	/// Replaced encryption keys, by account and version: the last [`Config::MaxRetiredKeys`]
	/// versions before the current one.
	#[pallet::storage]
	pub type RetiredKeys<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		u32,
		RetiredKey<BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Organisations and practitioners to register at genesis (the demo county of the dev
	/// presets). Genesis organisations hold no deposit.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(admin, kind, name, region, active)`, given ids 0, 1, 2… in order.
		pub organisations: alloc::vec::Vec<(
			T::AccountId,
			OrganisationKind,
			alloc::vec::Vec<u8>,
			RegionCode,
			bool,
		)>,
		/// `(account, role, licence hash, organisation ids, licence verified)`.
		pub practitioners: alloc::vec::Vec<(
			T::AccountId,
			PractitionerRole,
			ContentHash,
			alloc::vec::Vec<OrganisationId>,
			bool,
		)>,
		/// `(account, X25519 public key)`.
		pub encryption_keys: alloc::vec::Vec<(T::AccountId, EncryptionPublicKey)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self).expect("the registry genesis config is invalid");
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An organisation applied to register and awaits verification.
		OrganisationApplied {
			/// The new organisation's id.
			org: OrganisationId,
			/// Its admin (the applicant).
			admin: T::AccountId,
			/// Its kind.
			kind: OrganisationKind,
			/// Its region.
			region: RegionCode,
		},
		/// The authority verified (or reinstated) an organisation.
		OrganisationVerified {
			/// The organisation.
			org: OrganisationId,
		},
		/// The authority suspended an organisation.
		OrganisationSuspended {
			/// The organisation.
			org: OrganisationId,
		},
		/// The authority closed an organisation for good; its deposit was released.
		OrganisationClosed {
			/// The organisation.
			org: OrganisationId,
		},
		/// The authority rejected a pending application; it was removed and its deposit
		/// released.
		ApplicationRejected {
			/// The organisation id the application had.
			org: OrganisationId,
		},
		/// An organisation's admin handed the role to another account.
		AdminTransferred {
			/// The organisation.
			org: OrganisationId,
			/// The previous admin.
			from: T::AccountId,
			/// The new admin.
			to: T::AccountId,
		},
		/// An organisation added a practitioner (new to the registry, or a new affiliation).
		PractitionerAdded {
			/// The organisation.
			org: OrganisationId,
			/// The practitioner.
			practitioner: T::AccountId,
			/// The practitioner's role.
			role: PractitionerRole,
		},
		/// A practitioner left, or was removed from, an organisation.
		PractitionerRemoved {
			/// The organisation.
			org: OrganisationId,
			/// The practitioner.
			practitioner: T::AccountId,
		},
		/// The authority verified (or reinstated) a practitioner's licence.
		LicenceVerified {
			/// The practitioner.
			practitioner: T::AccountId,
		},
		/// The authority suspended a practitioner, everywhere at once.
		PractitionerSuspended {
			/// The practitioner.
			practitioner: T::AccountId,
		},
		/// The authority revoked a practitioner's licence for good.
		LicenceRevoked {
			/// The practitioner.
			practitioner: T::AccountId,
		},
		/// The authority released a licence hash from the account it was bound to, and revoked
		/// that account's licence; the hash may be verified for another account.
		LicenceReleased {
			/// The licence hash.
			licence_hash: ContentHash,
			/// The account it was bound to, now revoked.
			practitioner: T::AccountId,
		},
		/// An account published a new encryption key; the previous one, if any, is retired.
		EncryptionKeyPublished {
			/// The account.
			who: T::AccountId,
			/// The new key.
			key: EncryptionPublicKey,
			/// Its version.
			version: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No organisation has this id.
		UnknownOrganisation,
		/// The organisation's name is empty or longer than `MaxNameLength`.
		InvalidName,
		/// The region code names no county, or a village outside a township.
		InvalidRegion,
		/// The organisation is not in a status that allows this.
		InvalidOrganisationStatus,
		/// The organisation is not active.
		OrganisationNotActive,
		/// The caller is not the organisation's admin.
		NotOrganisationAdmin,
		/// The new admin is the current admin.
		AlreadyAdmin,
		/// No practitioner is registered with this account.
		UnknownPractitioner,
		/// The practitioner is already affiliated with this organisation.
		AlreadyAffiliated,
		/// The practitioner is not affiliated with this organisation.
		NotAffiliated,
		/// The practitioner already has `MaxAffiliations` affiliations.
		TooManyAffiliations,
		/// The practitioner is registered with another role.
		RoleMismatch,
		/// The practitioner is registered with another licence hash.
		LicenceMismatch,
		/// This licence hash belongs to another practitioner.
		LicenceAlreadyRegistered,
		/// The licence is not in a status that allows this.
		InvalidLicenceStatus,
		/// The licence was revoked; the practitioner cannot be added again.
		LicenceRevoked,
		/// The caller is neither the organisation's admin nor the practitioner.
		NotAdminOrPractitioner,
		/// The key is the account's current key already.
		SameKey,
		/// The key is all zeroes, which is no X25519 public key anyone can use.
		InvalidKey,
		/// Organisation ids are exhausted.
		Overflow,
		/// The registry holds `MaxOrganisations` organisations already.
		TooManyOrganisations,
		/// No account holds this licence hash.
		UnknownLicence,
		/// The account is a practitioner whose licence is suspended or revoked: it may not
		/// receive an organisation's admin role, nor use one (but may hand it on).
		BarredPractitioner,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxNameLength::get() > 0, "MaxNameLength must allow a name");
			assert!(T::MaxAffiliations::get() > 0, "MaxAffiliations must allow one organisation");
			assert!(T::MaxOrganisations::get() > 0, "MaxOrganisations must allow an organisation");
			assert!(T::MaxRetiredKeys::get() > 0, "MaxRetiredKeys must keep the previous key");
			assert!(
				migrations::organisations_fit_in_block(
					&T::DbWeight::get(),
					T::BlockWeights::get().max_block,
					T::MaxOrganisations::get().into(),
				),
				"migrating MaxOrganisations organisations does not fit in half a block"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Apply to register an organisation.
		///
		/// - Origin: any signed account, which becomes the organisation's admin.
		/// - Holds [`Config::OrganisationDeposit`] from the caller until the organisation is
		///   closed or rejected. The organisation starts `Pending`.
		///
		/// Emits [`Event::OrganisationApplied`].
		///
		/// Errors: [`Error::InvalidName`], [`Error::InvalidRegion`], [`Error::Overflow`],
		/// [`Error::TooManyOrganisations`], or a balance error if the deposit cannot be held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::apply_for_organisation())]
		pub fn apply_for_organisation(
			origin: OriginFor<T>,
			kind: OrganisationKind,
			name: alloc::vec::Vec<u8>,
			region: RegionCode,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_apply(who, kind, name, region).map(|_| ())
		}

		/// Verify a pending organisation, or reinstate a suspended one.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::OrganisationVerified`].
		///
		/// Errors: [`Error::UnknownOrganisation`], [`Error::InvalidOrganisationStatus`] (it is
		/// active or closed).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::verify_organisation())]
		pub fn verify_organisation(origin: OriginFor<T>, org: OrganisationId) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_verify_organisation(org)
		}

		/// Suspend an active organisation: its practitioners can no longer act for it.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::OrganisationSuspended`].
		///
		/// Errors: [`Error::UnknownOrganisation`], [`Error::InvalidOrganisationStatus`] (it is
		/// not active).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::suspend_organisation())]
		pub fn suspend_organisation(origin: OriginFor<T>, org: OrganisationId) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_suspend_organisation(org)
		}

		/// Close an organisation for good and release its deposit. Its records stay.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::OrganisationClosed`].
		///
		/// Errors: [`Error::UnknownOrganisation`], [`Error::InvalidOrganisationStatus`] (it is
		/// closed already).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::close_organisation())]
		pub fn close_organisation(origin: OriginFor<T>, org: OrganisationId) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_close_organisation(org)
		}

		/// Reject a pending application: remove it and release its deposit. Its place counts
		/// no more against [`Config::MaxOrganisations`].
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::ApplicationRejected`].
		///
		/// Errors: [`Error::UnknownOrganisation`], [`Error::InvalidOrganisationStatus`] (it is
		/// not pending, or practitioners were already added).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reject_application())]
		pub fn reject_application(origin: OriginFor<T>, org: OrganisationId) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_reject_application(org)
		}

		/// Hand the admin role of an organisation to another account, which must not be a
		/// practitioner with a suspended or revoked licence.
		///
		/// - Origin: signed by the organisation's current admin (even one whose own licence is
		///   suspended or revoked: handing the role on is how the organisation recovers).
		///
		/// Emits [`Event::AdminTransferred`].
		///
		/// Errors: [`Error::UnknownOrganisation`], [`Error::NotOrganisationAdmin`],
		/// [`Error::AlreadyAdmin`], [`Error::InvalidOrganisationStatus`] (it is closed),
		/// [`Error::BarredPractitioner`] (the new admin's licence is suspended or revoked).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::transfer_admin())]
		pub fn transfer_admin(
			origin: OriginFor<T>,
			org: OrganisationId,
			new_admin: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer_admin(who, org, new_admin)
		}

		/// Add a practitioner to an organisation.
		///
		/// A new practitioner is registered with `role` and `licence_hash` (blake2-256 of the
		/// licence number) and starts `Unverified` until the authority verifies the licence; the
		/// hash is bound to the account only then. A practitioner already registered gains an
		/// affiliation; `role` and `licence_hash` must then match the registered ones.
		///
		/// - Origin: signed by the admin of `org`, which must be active; an admin whose own
		///   licence is suspended or revoked may not.
		///
		/// Emits [`Event::PractitionerAdded`].
		///
		/// Errors: [`Error::UnknownOrganisation`], [`Error::NotOrganisationAdmin`],
		/// [`Error::BarredPractitioner`], [`Error::OrganisationNotActive`],
		/// [`Error::AlreadyAffiliated`], [`Error::TooManyAffiliations`],
		/// [`Error::RoleMismatch`], [`Error::LicenceMismatch`],
		/// [`Error::LicenceAlreadyRegistered`] (the hash is bound to another account),
		/// [`Error::LicenceRevoked`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::add_practitioner())]
		pub fn add_practitioner(
			origin: OriginFor<T>,
			org: OrganisationId,
			practitioner: T::AccountId,
			role: PractitionerRole,
			licence_hash: ContentHash,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_practitioner(&who, org, practitioner, role, licence_hash)
		}

		/// End a practitioner's affiliation with an organisation. From then on the
		/// practitioner cannot act for it, and grants to the organisation stop covering them.
		///
		/// - Origin: signed by the practitioner, or by the organisation's admin unless the
		///   admin's own licence is suspended or revoked.
		///
		/// Emits [`Event::PractitionerRemoved`].
		///
		/// Errors: [`Error::UnknownOrganisation`], [`Error::UnknownPractitioner`],
		/// [`Error::NotAdminOrPractitioner`], [`Error::BarredPractitioner`],
		/// [`Error::NotAffiliated`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::remove_practitioner())]
		pub fn remove_practitioner(
			origin: OriginFor<T>,
			org: OrganisationId,
			practitioner: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_practitioner(&who, org, practitioner)
		}

		/// Verify a practitioner's licence, or reinstate a suspended practitioner. The licence
		/// hash is bound to the practitioner from then on.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::LicenceVerified`].
		///
		/// Errors: [`Error::UnknownPractitioner`], [`Error::InvalidLicenceStatus`] (active or
		/// revoked), [`Error::LicenceAlreadyRegistered`] (the hash is bound to another account;
		/// [`release_licence`](Pallet::release_licence) frees it).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::verify_licence())]
		pub fn verify_licence(origin: OriginFor<T>, practitioner: T::AccountId) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_verify_licence(practitioner)
		}

		/// Suspend a practitioner. Takes effect at once in every organisation and every pallet.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::PractitionerSuspended`].
		///
		/// Errors: [`Error::UnknownPractitioner`], [`Error::InvalidLicenceStatus`] (already
		/// suspended or revoked).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::suspend_practitioner())]
		pub fn suspend_practitioner(
			origin: OriginFor<T>,
			practitioner: T::AccountId,
		) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_suspend_practitioner(practitioner)
		}

		/// Revoke a practitioner's licence for good. The licence hash stays bound to the
		/// practitioner, so the licence cannot be registered again under another account.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::LicenceRevoked`].
		///
		/// Errors: [`Error::UnknownPractitioner`], [`Error::InvalidLicenceStatus`] (already
		/// revoked).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::revoke_licence())]
		pub fn revoke_licence(origin: OriginFor<T>, practitioner: T::AccountId) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_revoke_licence(practitioner)
		}

		/// Publish, or rotate, the caller's X25519 public key for off-chain encryption. Each key
		/// has a version (0, then +1 per rotation). The previous key is kept in [`RetiredKeys`]
		/// under its version, with the block it was replaced in; of the retired keys only the
		/// last [`Config::MaxRetiredKeys`] are kept, the oldest is dropped.
		///
		/// - Origin: any signed account (patients, practitioners, organisations).
		///
		/// Emits [`Event::EncryptionKeyPublished`].
		///
		/// Errors: [`Error::SameKey`], [`Error::InvalidKey`], [`Error::Overflow`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::publish_encryption_key())]
		pub fn publish_encryption_key(
			origin: OriginFor<T>,
			key: EncryptionPublicKey,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_publish_key(who, key)
		}

		/// Release a licence hash from the account it is bound to, for a licence registered
		/// under the wrong account (squatted, or verified by mistake): that account's licence
		/// is revoked, and the hash may then be verified for the licence's real holder.
		///
		/// - Origin: [`Config::AuthorityOrigin`].
		///
		/// Emits [`Event::LicenceReleased`].
		///
		/// Errors: [`Error::UnknownLicence`] (no account holds the hash).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::release_licence())]
		pub fn release_licence(origin: OriginFor<T>, licence_hash: ContentHash) -> DispatchResult {
			T::AuthorityOrigin::ensure_origin(origin)?;
			Self::do_release_licence(licence_hash)
		}
	}
}
