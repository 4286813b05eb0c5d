//! Encryption keys: publish and rotate, keeping retired keys readable.

use crate::*;
use frame_support::pallet_prelude::*;
use ruralmed_primitives::EncryptionPublicKey;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_publish_key(who: T::AccountId, key: EncryptionPublicKey) -> DispatchResult {
		ensure!(key != [0u8; 32], Error::<T>::InvalidKey);
		let now = frame_system::Pallet::<T>::block_number();
		let version = match EncryptionKeys::<T>::get(&who) {
			Some(current) => {
				ensure!(current.key != key, Error::<T>::SameKey);
				let next = current.version.checked_add(1).ok_or(Error::<T>::Overflow)?;
				RetiredKeys::<T>::insert(
					&who,
					current.version,
					RetiredKey {
						key: current.key,
						published_at: current.published_at,
						replaced_at: now,
					},
				);
				next
			}
			None => 0,
		};
		EncryptionKeys::<T>::insert(&who, CurrentKey { key, version, published_at: now });
		Self::deposit_event(Event::EncryptionKeyPublished { who, key, version });
		Ok(())
	}
}
