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
//! - **How long a motion stays open.** `pallet-collective` reads its `MotionDuration` when a
//!   motion is proposed; the runtime keeps it as a storage parameter
//!   (`configs::CouncilMotionDuration`, three days unless set). [`GenesisConfig::council_motion_duration`]
//!   sets it for a test network (`local_testnet`: ten minutes), and
//!   [`Pallet::set_motion_duration`] lets two thirds of the council change it within
//!   [`Config::MinMotionDuration`] ..= [`Config::MaxMotionDuration`]; a motion keeps the end it
//!   was proposed with.
//!
//! The pallet stores nothing else itself.
//!
//! ## Calls
//! - [`Pallet::authorize_upgrade`]: authorise the runtime code with the given hash.
//! - [`Pallet::set_motion_duration`]: how many blocks new council motions stay open.

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
		/// Who may authorise a runtime upgrade, and change how long motions stay open.
		type UpgradeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Shortest motion period the council may set.
		#[pallet::constant]
		type MinMotionDuration: Get<BlockNumberFor<Self>>;

		/// Longest motion period the council may set.
		#[pallet::constant]
		type MaxMotionDuration: Get<BlockNumberFor<Self>>;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// New council motions stay open for `blocks` blocks.
		MotionDurationSet { blocks: BlockNumberFor<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The motion period is outside [`Config::MinMotionDuration`] ..=
		/// [`Config::MaxMotionDuration`].
		MotionDurationOutOfRange,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The council member whose vote counts for those who did not vote when a motion is
		/// closed after its voting period. Must be one of the council membership's genesis
		/// members.
		pub council_prime: Option<T::AccountId>,
		/// How long council motions stay open, in blocks; the runtime's default (three days)
		/// when `None`. Test networks set minutes.
		pub council_motion_duration: Option<BlockNumberFor<T>>,
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
			if let Some(blocks) = self.council_motion_duration {
				Pallet::<T>::store_motion_duration(blocks)
					.expect("the genesis motion duration is outside Min..=MaxMotionDuration");
			}
		}
	}

	impl<T: Config> Pallet<T> {
		/// Stores the motion period in the runtime's storage parameter, within the bounds.
		fn store_motion_duration(blocks: BlockNumberFor<T>) -> DispatchResult {
			ensure!(
				T::MinMotionDuration::get() <= blocks && blocks <= T::MaxMotionDuration::get(),
				Error::<T>::MotionDurationOutOfRange
			);
			frame_support::storage::unhashed::put(
				&crate::configs::CouncilMotionDuration::key(),
				&blocks,
			);
			Ok(())
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

		/// Set how many blocks new council motions stay open.
		///
		/// - Origin: [`Config::UpgradeOrigin`] (Root or at least two thirds of the council).
		/// - Motions already open keep the end they were proposed with.
		///
		/// Emits [`Event::MotionDurationSet`].
		///
		/// Errors: [`Error::MotionDurationOutOfRange`]; `BadOrigin` for any other origin.
		///
		/// Weight: `frame_system`'s benchmarked `set_storage` of one item: the work is the same
		/// single write of a small value.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as frame_system::Config>::SystemWeightInfo::set_storage(1))]
		pub fn set_motion_duration(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			Self::store_motion_duration(blocks)?;
			Self::deposit_event(Event::MotionDurationSet { blocks });
			Ok(())
		}
	}
}
