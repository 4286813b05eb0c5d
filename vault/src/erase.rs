//! Erasing a blob after its record is erased on chain.
//!
//! `DELETE /v1/blobs/{hash}` with `{"record": id}`, signed by the record's patient or guardian.
//! Everything is read at one finalized block: the record must anchor `hash`, the signer must be
//! its patient or the patient's guardian, and `patientRecords.erasures[record]` must be set.
//! Then the blob is deleted if it is the patient's own (uploaded for them, see
//! [`crate::store`]) and no other record of theirs still anchors it un-erased. An erase of a
//! blob already gone answers `deleted: false`, so a client can retry it safely.

use crate::{error::VaultError, http::Vault, store::hash_hex};
use pallet_patient_records::RecordAnchorOf;
use ruralmed_primitives::RecordId;
use ruralmed_runtime::{AccountId, Runtime};
use sp_core::{crypto::Ss58Codec, H256};

/// Records asked of the node per page while looking for other anchors of the blob (the
/// runtime caps pages at its own page size, and the loop follows whatever it returns).
const RECORDS_PAGE: u32 = 100;

/// What an erase did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erased {
	/// The blob was deleted now.
	Deleted,
	/// The blob was not kept (any more); nothing was left to delete.
	AlreadyGone,
}

/// The record anchors `hash`.
pub fn ensure_record_anchors(
	record: RecordId,
	anchor: &RecordAnchorOf<Runtime>,
	hash: &H256,
) -> Result<(), VaultError> {
	if anchor.content_hash != *hash {
		return Err(VaultError::RecordMismatch {
			record,
			anchored: format!("{:?}", anchor.content_hash),
			blob: format!("{hash:?}"),
		});
	}
	Ok(())
}

/// `signer` is the record's patient or the patient's current guardian.
pub fn ensure_patient_or_guardian(
	record: RecordId,
	signer: &AccountId,
	patient: &AccountId,
	guardian: Option<&AccountId>,
) -> Result<(), VaultError> {
	if signer == patient || guardian == Some(signer) {
		Ok(())
	} else {
		Err(VaultError::NotPatientOrGuardian { record, signer: signer.to_ss58check() })
	}
}

/// The blob was uploaded for the record's patient.
pub fn ensure_owned_by(
	record: RecordId,
	hash: &H256,
	patient: &AccountId,
	owner: Option<&AccountId>,
) -> Result<(), VaultError> {
	match owner {
		None => Err(VaultError::OwnerUnknown(format!("{hash:?}"))),
		Some(owner) if owner != patient => {
			Err(VaultError::ForeignBlob { record, hash: format!("{hash:?}") })
		}
		Some(_) => Ok(()),
	}
}

/// The other records, among `page`, that anchor `hash` (their erasure is checked next).
pub fn other_anchors(
	record: RecordId,
	hash: &H256,
	page: &[(RecordId, RecordAnchorOf<Runtime>)],
) -> Vec<RecordId> {
	page.iter()
		.filter(|(id, anchor)| *id != record && anchor.content_hash == *hash)
		.map(|(id, _)| *id)
		.collect()
}

/// Deletes blob `hash` for `signer` through erased record `record`, after the checks in the
/// module documentation.
pub async fn erase_blob(
	vault: &Vault,
	signer: &AccountId,
	record: RecordId,
	hash: H256,
) -> Result<Erased, VaultError> {
	let chain = &vault.chain;
	chain.ensure_ready().await?;
	let (at, number) = chain.finalized().await?;
	let anchor = chain.record_at(record, at).await?.ok_or(VaultError::UnknownRecord(record))?;
	ensure_record_anchors(record, &anchor, &hash)?;
	let patient = chain.patient_at(&anchor.patient, at).await?;
	let guardian = patient.as_ref().and_then(|p| p.guardian.as_ref());
	ensure_patient_or_guardian(record, signer, &anchor.patient, guardian)?;
	if chain.erasure_at(record, at).await?.is_none() {
		return Err(VaultError::NotErased(record));
	}

	if !vault.store.exists(&hash).await? {
		// Gone already (an earlier erase, or the sweeper); drop an owner record left behind.
		vault.store.delete(&hash).await?;
		return Ok(Erased::AlreadyGone);
	}
	ensure_owned_by(record, &hash, &anchor.patient, vault.store.owner(&hash).await?.as_ref())?;
	let record_count = patient.map(|p| p.record_count).unwrap_or(0);
	let mut from = 0u64;
	while from < record_count {
		let page = chain.records_of_at(&anchor.patient, from, RECORDS_PAGE, at).await?;
		if page.is_empty() {
			break;
		}
		for other in other_anchors(record, &hash, &page) {
			if chain.erasure_at(other, at).await?.is_none() {
				return Err(VaultError::StillAnchored { other, hash: format!("{hash:?}") });
			}
		}
		from = from.saturating_add(page.len() as u64);
	}

	// Out of the pending index first, so the sweeper has nothing left to do for it.
	vault.pending.mark_anchored(&hash).await?;
	vault.store.delete(&hash).await?;
	tracing::info!(
		hash = %hash_hex(&hash), record, by = %signer.to_ss58check(),
		patient = %anchor.patient.to_ss58check(), finalized = number,
		"blob deleted: its record is erased on chain"
	);
	Ok(Erased::Deleted)
}

#[cfg(test)]
mod tests {
	use super::*;
	use ruralmed_primitives::RecordCategory;
	use sp_keyring::Sr25519Keyring::{Alice, Charlie, Ferdie, FerdieStash};

	fn anchor(patient: AccountId, hash: H256) -> RecordAnchorOf<Runtime> {
		pallet_patient_records::RecordAnchor {
			patient,
			author: Charlie.to_account_id(),
			organisation: Some(2),
			category: RecordCategory::Encounter,
			content_hash: hash,
			vault: Some(0),
			size_bytes: 10,
			timestamp_ms: 1,
			block: 1,
			amends: None,
			superseded_by: None,
			self_reported: false,
			index: 0,
			deposit: 0,
		}
	}

	#[test]
	fn only_the_anchored_hash_is_erased_through_a_record() {
		let hash = H256::repeat_byte(1);
		let a = anchor(Ferdie.to_account_id(), hash);
		assert_eq!(ensure_record_anchors(7, &a, &hash), Ok(()));
		assert!(matches!(
			ensure_record_anchors(7, &a, &H256::repeat_byte(2)),
			Err(VaultError::RecordMismatch { record: 7, .. })
		));
	}

	#[test]
	fn only_the_patient_or_the_guardian_may_erase() {
		let (ferdie, stash) = (Ferdie.to_account_id(), FerdieStash.to_account_id());
		assert_eq!(ensure_patient_or_guardian(1, &ferdie, &ferdie, Some(&stash)), Ok(()));
		assert_eq!(ensure_patient_or_guardian(1, &stash, &ferdie, Some(&stash)), Ok(()));
		assert_eq!(ensure_patient_or_guardian(1, &ferdie, &ferdie, None), Ok(()));
		// The author, or a former guardian, may not.
		let charlie = Charlie.to_account_id();
		assert_eq!(
			ensure_patient_or_guardian(1, &charlie, &ferdie, Some(&stash)),
			Err(VaultError::NotPatientOrGuardian { record: 1, signer: charlie.to_ss58check() })
		);
		assert!(ensure_patient_or_guardian(1, &stash, &ferdie, None).is_err());
	}

	#[test]
	fn a_record_pointing_at_another_patients_blob_cannot_delete_it() {
		let hash = H256::repeat_byte(3);
		let (ferdie, alice) = (Ferdie.to_account_id(), Alice.to_account_id());
		assert_eq!(ensure_owned_by(1, &hash, &ferdie, Some(&ferdie)), Ok(()));
		assert_eq!(
			ensure_owned_by(1, &hash, &alice, Some(&ferdie)),
			Err(VaultError::ForeignBlob { record: 1, hash: format!("{hash:?}") })
		);
		assert_eq!(
			ensure_owned_by(1, &hash, &ferdie, None),
			Err(VaultError::OwnerUnknown(format!("{hash:?}")))
		);
	}

	#[test]
	fn other_records_anchoring_the_same_blob_are_found() {
		let (hash, other) = (H256::repeat_byte(4), H256::repeat_byte(5));
		let ferdie = Ferdie.to_account_id();
		let page = vec![
			(1, anchor(ferdie.clone(), hash)),
			(2, anchor(ferdie.clone(), other)),
			(3, anchor(ferdie.clone(), hash)),
		];
		assert_eq!(other_anchors(1, &hash, &page), vec![3]);
		assert_eq!(other_anchors(3, &hash, &page), vec![1]);
		assert!(other_anchors(2, &other, &page).is_empty());
	}
}
