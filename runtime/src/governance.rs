//! # Governance
//!
//! The runtime's own small pallet that joins the health council to what FRAME otherwise keeps for
//! Root alone:
//!
//! - **Runtime upgrades.** `frame_system::authorize_upgrade` requires Root in stable2609 (there is
//!   no upgrade-origin type in `frame_system::Config`), and this chain has no sudo key outside
//!   `development`. [`Pallet::authorize_upgrade`] lets [`Config::UpgradeOrigin`] (Root or two
//!   thirds of the council, see `configs::RuntimeUpgradeOrigin`) authorise a code hash with the
//!   same effect: it calls `frame_system::Pallet::do_authorize_upgrade(code_hash, true)`, so the
//!   spec name must stay `ruralmed` and `spec_version` must rise. Anyone may then submit the code
//!   with `system.apply_authorized_upgrade`.
//! - **The council's prime member at genesis.** Neither `pallet-membership` nor
//!   `pallet-collective` can set a prime from genesis; [`GenesisConfig::council_prime`] does, by
//!   calling the membership pallet's own `set_prime` (which also tells the collective), after the
//!   membership pallet has built its members.
//!
//! The pallet stores nothing itself.
//!
//! ## Calls
//! - [`Pallet::authorize_upgrade`]: authorise the runtime code with the given hash.

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use crate::configs::CouncilMembershipInstance;
	use frame_support::{dispatch::DispatchClass, pallet_prelude::*};
	use frame_system::{pallet_prelude::*, WeightInfo as _};
	use sp_runtime::traits::StaticLookup;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config + pallet_membership::Config<CouncilMembershipInstance>
	{
		/// Who may authorise a runtime upgrade.
		type UpgradeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The council member whose vote counts for those who did not vote when a motion is
		/// closed after its voting period. Must be one of the council membership's genesis
		/// members.
		pub council_prime: Option<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(prime) = &self.council_prime {
				// Genesis pallets build in declaration order: the membership pallet, declared
				// before this one, has already stored (and passed on to the council) its members.
				pallet_membership::Pallet::<T, CouncilMembershipInstance>::set_prime(
					frame_system::RawOrigin::Root.into(),
					<T as frame_system::Config>::Lookup::unlookup(prime.clone()),
				)
				.expect("the genesis council prime must be a genesis council member");
			}
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Authorise a runtime upgrade to the code with the blake2-256 hash `code_hash`.
		///
		/// - Origin: [`Config::UpgradeOrigin`] (on RuralMed: Root or at least two thirds of the
		///   health council, through a council motion).
		/// - Does what `frame_system::authorize_upgrade` does for Root: replaces any earlier
		///   authorisation; the upgrade is checked when applied (same spec name, higher
		///   `spec_version`). Anyone may then submit the code with
		///   `system.apply_authorized_upgrade`, which costs no fee when it succeeds.
		///
		/// Emits `frame_system::Event::UpgradeAuthorized`.
		///
		/// Errors: `BadOrigin` for any other origin.
		///
		/// Weight: `frame_system`'s benchmarked `authorize_upgrade` weight, since the work (one
		/// storage write and one event) is the same; checking a council origin reads no storage.
		#[pallet::call_index(0)]
		#[pallet::weight((
			<T as frame_system::Config>::SystemWeightInfo::authorize_upgrade(),
			DispatchClass::Operational
		))]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Ok(())
		}
	}
}
