//! Runtime-level storage migrations: those that join several pallets.
//!
//! [`ValidatorsFromAuthorities`] (spec 106) brings a chain whose validators were fixed in its
//! genesis (Aura's and GRANDPA's authority lists, no `pallet-session`) under the council's
//! validator set: each authority pair becomes a validator whose account is its Aura key's
//! account (for the `development` and `local_testnet` chains the //Alice… accounts, for a
//! network made by `network-spec` before spec 106 the account of the Aura key's secret phrase),
//! with those keys registered in `pallet-session` as they would be at genesis. The authority
//! lists themselves are left as they are, so Aura and GRANDPA go on without a change of set.
//!
//! It runs only when `pallet-session` has no validators and Aura has authorities, so a second
//! run (or a chain that started on spec 106) changes nothing.

use crate::{opaque::SessionKeys, AccountId, Runtime};
use alloc::vec::Vec;
use frame_support::{traits::OnRuntimeUpgrade, weights::Weight, BoundedVec};
use sp_runtime::{traits::OpaqueKeys, KeyTypeId};

/// The validators as the authority lists name them: (account, Aura and GRANDPA keys), in Aura's
/// order. `None` when there is nothing to migrate, or when the lists disagree in length (then
/// nothing is touched and the error is logged: the council must fix the set by hand).
fn validators_from_authorities() -> Option<Vec<(AccountId, SessionKeys)>> {
	if !pallet_session::Validators::<Runtime>::get().is_empty() {
		return None;
	}
	let aura = pallet_aura::Authorities::<Runtime>::get();
	let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
	if aura.is_empty() {
		return None;
	}
	if aura.len() != grandpa.len() {
		log::error!(
			target: "runtime::migrations",
			"{} Aura and {} GRANDPA authorities: the validators are not migrated",
			aura.len(),
			grandpa.len()
		);
		return None;
	}
	Some(
		aura.into_iter()
			.zip(grandpa)
			.map(|(aura, (grandpa, _weight))| {
				let bytes: [u8; 32] = sp_core::sr25519::Public::from(aura.clone()).0;
				(AccountId::from(bytes), SessionKeys { aura, grandpa })
			})
			.collect(),
	)
}

/// Makes the genesis authorities the council's validators (see the module's docs).
pub struct ValidatorsFromAuthorities;

impl OnRuntimeUpgrade for ValidatorsFromAuthorities {
	fn on_runtime_upgrade() -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		// The session's validators, Aura's and GRANDPA's authorities.
		let reads = db.reads(3);
		let Some(validators) = validators_from_authorities() else { return reads };
		let count = validators.len() as u64;
		for (account, keys) in &validators {
			pallet_session::NextKeys::<Runtime>::insert(account, keys);
			for id in SessionKeys::key_ids() {
				let owner_key: (KeyTypeId, Vec<u8>) = (*id, keys.get_raw(*id).to_vec());
				pallet_session::KeyOwner::<Runtime>::insert(owner_key, account);
			}
			// As `pallet-session`'s genesis does for its validators: a consumer reference for
			// the keys, or a provider if the account holds nothing.
			if frame_system::Pallet::<Runtime>::inc_consumers_without_limit(account).is_err() {
				frame_system::Pallet::<Runtime>::inc_providers(account);
			}
		}
		let mut accounts: Vec<AccountId> =
			validators.iter().map(|(account, _)| account.clone()).collect();
		pallet_session::Validators::<Runtime>::put(&accounts);
		pallet_session::QueuedKeys::<Runtime>::put(&validators);
		// The council's set is kept sorted.
		accounts.sort();
		accounts.dedup();
		let bounded: BoundedVec<_, _> = BoundedVec::truncate_from(accounts);
		pallet_validator_set::Validators::<Runtime>::put(bounded);
		log::info!(
			target: "runtime::migrations",
			"{count} genesis authorities are now the council's validators, with their keys in the session"
		);
		// Per validator: its keys, two key owners and its account; then the session's
		// validators and queued keys and the council's set.
		reads.saturating_add(db.reads_writes(count, count * 4)).saturating_add(db.writes(3))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		let expected = validators_from_authorities();
		log::info!(
			target: "runtime::migrations",
			"try-runtime: ValidatorsFromAuthorities pre_upgrade: {} validators to migrate",
			expected.as_ref().map_or(0, Vec::len)
		);
		Ok(expected.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		use frame_support::ensure;
		let expected = Option::<Vec<(AccountId, SessionKeys)>>::decode(&mut &state[..])
			.map_err(|_| "pre_upgrade state does not decode")?;
		let Some(expected) = expected else { return Ok(()) };
		let accounts: Vec<AccountId> = expected.iter().map(|(a, _)| a.clone()).collect();
		ensure!(
			pallet_session::Validators::<Runtime>::get() == accounts,
			"the session's validators are not the former authorities"
		);
		ensure!(
			pallet_session::QueuedKeys::<Runtime>::get() == expected,
			"the queued keys are not the former authorities' keys"
		);
		for (account, keys) in &expected {
			ensure!(
				pallet_session::NextKeys::<Runtime>::get(account).as_ref() == Some(keys),
				"a validator's keys are not registered"
			);
			ensure!(
				pallet_validator_set::Validators::<Runtime>::get().contains(account),
				"a former authority is not in the council's set"
			);
		}
		ensure!(
			pallet_aura::Authorities::<Runtime>::get().len() == expected.len(),
			"Aura's authorities changed"
		);
		log::info!(
			target: "runtime::migrations",
			"try-runtime: ValidatorsFromAuthorities post_upgrade: {} validators, keys and set checked",
			expected.len()
		);
		Ok(())
	}
}
