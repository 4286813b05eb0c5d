//! Encryption keys: publish and rotate, keeping the last retired keys readable by version.

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
				// Versions are consecutive, so the key falling out of the window is the one
				// `MaxRetiredKeys` versions back: one removal keeps the window in O(1).
				if let Some(oldest) = current.version.checked_sub(T::MaxRetiredKeys::get()) {
					RetiredKeys::<T>::remove(&who, oldest);
				}
				next
			}
			None => 0,
		};
		EncryptionKeys::<T>::insert(&who, CurrentKey { key, version, published_at: now });
		Self::deposit_event(Event::EncryptionKeyPublished { who, key, version });
		Ok(())
	}

	/// `who`'s key of `version`: the current key, or a retired one still kept. A ciphertext
	/// names the version its key was wrapped to, so that readers find the key after rotations.
	pub fn encryption_key(who: &T::AccountId, version: u32) -> Option<EncryptionPublicKey> {
		match EncryptionKeys::<T>::get(who) {
			Some(current) if current.version == version => Some(current.key),
			Some(current) if version < current.version => {
				RetiredKeys::<T>::get(who, version).map(|r| r.key)
			}
			_ => None,
		}
	}
}
