//! The reader's own `PatientRecords::log_access` extrinsic, or the one a patient's new phone
//! signs for them through `Proxy::proxy` after a recovery: decoding it, and reading what the
//! chain made of it.

use crate::error::VaultError;
use codec::DecodeLimit;
use frame_support::traits::GetCallMetadata;
use ruralmed_primitives::{PurposeOfUse, RecordId};
use ruralmed_runtime::{AccountId, RuntimeCall, RuntimeError, RuntimeEvent, UncheckedExtrinsic};
use sp_runtime::{generic::Preamble, DispatchError, MultiAddress};

/// Nesting the decoder follows at most (a `log_access` needs a handful).
const MAX_DECODE_DEPTH: u32 = 32;

/// A decoded `log_access`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogAccess {
	/// Who signed it.
	pub signer: AccountId,
	/// Whose access it logs: the signer, or the account it acts for through `Proxy::proxy`.
	pub reader: AccountId,
	/// The record it logs an access to.
	pub record: RecordId,
	/// Why.
	pub purpose: PurposeOfUse,
}

/// Parses `0x` hex.
pub fn parse_hex(text: &str) -> Result<Vec<u8>, VaultError> {
	let digits = text.trim().strip_prefix("0x").unwrap_or(text.trim());
	hex::decode(digits)
		.map_err(|e| VaultError::BadExtrinsic(format!("the extrinsic is not hex: {e}")))
}

/// Decodes a signed extrinsic (as `tx.signAsync(…).toHex()` gives it) that must be exactly
/// `PatientRecords::log_access`, or `Proxy::proxy` of exactly that for an account id (a
/// recovered patient's new phone reading as the patient), signed by an account id. The chain
/// decides whether the signer may act for that account.
pub fn decode_log_access(bytes: &[u8]) -> Result<LogAccess, VaultError> {
	let xt = UncheckedExtrinsic::decode_all_with_depth_limit(MAX_DECODE_DEPTH, &mut &bytes[..])
		.map_err(|e| VaultError::BadExtrinsic(format!("not an extrinsic of this runtime: {e}")))?;
	let signer = match xt.preamble {
		Preamble::Signed(MultiAddress::Id(signer), _, _) => signer,
		Preamble::Signed(..) => {
			return Err(VaultError::BadExtrinsic(
				"the signer must be given as an account id".into(),
			))
		}
		_ => return Err(VaultError::BadExtrinsic("the extrinsic is not signed".into())),
	};
	let (reader, call) = match xt.function {
		RuntimeCall::Proxy(pallet_proxy::Call::proxy { real, call, .. }) => match real {
			MultiAddress::Id(real) => (real, *call),
			_ => {
				return Err(VaultError::BadExtrinsic(
					"the account a proxy reads for must be given as an account id".into(),
				))
			}
		},
		call => (signer.clone(), call),
	};
	match call {
		RuntimeCall::PatientRecords(pallet_patient_records::Call::log_access {
			record,
			purpose,
		}) => Ok(LogAccess { signer, reader, record, purpose }),
		other => {
			let call = other.get_call_metadata();
			Err(VaultError::BadExtrinsic(format!(
				"the extrinsic must be exactly PatientRecords.log_access (or a Proxy.proxy of it), \
				 not {}.{}",
				call.pallet_name, call.function_name
			)))
		}
	}
}

/// A dispatch error as `pallet.Error` (the form polkadot.js and the checks print, e.g.
/// `patientRecords.NoReadAccess`), or its debug form when it is no module error.
pub fn describe_dispatch_error(error: DispatchError) -> String {
	match RuntimeError::from_dispatch_error(error) {
		// `RuntimeError`'s debug form is `Pallet(Error)`.
		Some(module) => {
			let text = format!("{module:?}");
			match text.split_once('(') {
				Some((pallet, rest)) => {
					let mut chars = pallet.chars();
					let pallet = match chars.next() {
						Some(first) => first.to_lowercase().chain(chars).collect::<String>(),
						None => String::new(),
					};
					format!("{pallet}.{}", rest.strip_suffix(')').unwrap_or(rest))
				}
				None => text,
			}
		}
		None => format!("{error:?}"),
	}
}

/// Checks what the chain made of the reader's `log_access`, given the events of its
/// extrinsic: refused (`ExtrinsicFailed`, or a proxied call's `ProxyExecuted` with an error),
/// or succeeded with a `RecordAccessed` for exactly this record and reader.
pub fn check_access_logged(
	events: &[RuntimeEvent],
	record: RecordId,
	reader: &AccountId,
) -> Result<(), VaultError> {
	let mut succeeded = false;
	let mut accessed = false;
	for event in events {
		match event {
			RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error, ..
			}) => return Err(VaultError::AccessRefused(describe_dispatch_error(*dispatch_error))),
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result: Err(error) }) => {
				return Err(VaultError::AccessRefused(describe_dispatch_error(*error)))
			}
			RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { .. }) => succeeded = true,
			RuntimeEvent::PatientRecords(pallet_patient_records::Event::RecordAccessed {
				record: r,
				reader: who,
				..
			}) if *r == record && who == reader => accessed = true,
			_ => {}
		}
	}
	if succeeded && accessed {
		Ok(())
	} else {
		Err(VaultError::ChainDecode(format!(
			"the extrinsic's events show no successful RecordAccessed for record {record} by {reader}"
		)))
	}
}

#[cfg(test)]
pub(crate) mod tests {
	use super::*;
	use codec::Encode;
	use ruralmed_runtime::{Runtime, SignedPayload, TxExtension, VERSION};
	use sp_core::{Pair, H256};
	use sp_keyring::Sr25519Keyring;
	use sp_runtime::{generic::Era, MultiSignature};

	/// A signed extrinsic of `call` by `who`, encoded as polkadot.js sends it.
	pub(crate) fn signed(who: Sr25519Keyring, call: RuntimeCall) -> Vec<u8> {
		let genesis = H256::repeat_byte(0x11);
		let extension: TxExtension = ruralmed_runtime::tx_extension(Era::Immortal, 7, 0);
		let implicit = (
			(),
			(),
			VERSION.spec_version,
			VERSION.transaction_version,
			genesis,
			genesis,
			(),
			(),
			(),
			(),
		);
		let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
		let signature = payload.using_encoded(|bytes| who.pair().sign(bytes));
		UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(who.to_account_id()),
			MultiSignature::Sr25519(signature),
			extension,
		)
		.encode()
	}

	fn log_access(record: RecordId) -> RuntimeCall {
		RuntimeCall::PatientRecords(pallet_patient_records::Call::log_access {
			record,
			purpose: PurposeOfUse::Treatment,
		})
	}

	#[test]
	fn a_signed_log_access_decodes() {
		let bytes = signed(Sr25519Keyring::Eve, log_access(42));
		let hex_text = format!("0x{}", hex::encode(&bytes));
		let decoded = decode_log_access(&parse_hex(&hex_text).expect("hex")).expect("decodes");
		assert_eq!(
			decoded,
			LogAccess {
				signer: Sr25519Keyring::Eve.to_account_id(),
				reader: Sr25519Keyring::Eve.to_account_id(),
				record: 42,
				purpose: PurposeOfUse::Treatment
			}
		);
	}

	fn proxied(real: MultiAddress<AccountId, ()>, call: RuntimeCall) -> RuntimeCall {
		RuntimeCall::Proxy(pallet_proxy::Call::proxy {
			real,
			force_proxy_type: None,
			call: Box::new(call),
		})
	}

	#[test]
	fn a_log_access_a_new_phone_signs_for_the_patient_decodes_as_the_patients() {
		let eve = MultiAddress::Id(Sr25519Keyring::Eve.to_account_id());
		let bytes = signed(Sr25519Keyring::Ferdie, proxied(eve, log_access(42)));
		assert_eq!(
			decode_log_access(&bytes),
			Ok(LogAccess {
				signer: Sr25519Keyring::Ferdie.to_account_id(),
				reader: Sr25519Keyring::Eve.to_account_id(),
				record: 42,
				purpose: PurposeOfUse::Treatment
			})
		);
		// Only a log_access, and only for an account id.
		let eve = || MultiAddress::Id(Sr25519Keyring::Eve.to_account_id());
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
		assert!(matches!(
			decode_log_access(&signed(Sr25519Keyring::Ferdie, proxied(eve(), remark))),
			Err(VaultError::BadExtrinsic(m)) if m.contains("System.remark")
		));
		let twice = proxied(eve(), proxied(eve(), log_access(1)));
		assert!(matches!(
			decode_log_access(&signed(Sr25519Keyring::Ferdie, twice)),
			Err(VaultError::BadExtrinsic(m)) if m.contains("Proxy.proxy")
		));
		let by_index = proxied(MultiAddress::Index(()), log_access(1));
		assert!(matches!(
			decode_log_access(&signed(Sr25519Keyring::Ferdie, by_index)),
			Err(VaultError::BadExtrinsic(m)) if m.contains("account id")
		));
	}

	#[test]
	fn anything_but_a_signed_log_access_is_refused() {
		// Another call.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1, 2, 3] });
		let err = decode_log_access(&signed(Sr25519Keyring::Eve, remark)).expect_err("refused");
		assert!(
			matches!(&err, VaultError::BadExtrinsic(m) if m.contains("System.remark")),
			"{err:?}"
		);
		// A log_access wrapped in a batch is not a log_access.
		let batch =
			RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![log_access(1)] });
		assert!(matches!(
			decode_log_access(&signed(Sr25519Keyring::Eve, batch)),
			Err(VaultError::BadExtrinsic(_))
		));
		// Unsigned.
		let bare = UncheckedExtrinsic::new_bare(log_access(1)).encode();
		assert!(
			matches!(decode_log_access(&bare), Err(VaultError::BadExtrinsic(m)) if m.contains("not signed"))
		);
		// Truncated, padded, garbage, not hex.
		let good = signed(Sr25519Keyring::Eve, log_access(1));
		assert!(decode_log_access(&good[..good.len() - 1]).is_err());
		let mut padded = good.clone();
		padded.push(0);
		assert!(decode_log_access(&padded).is_err());
		assert!(decode_log_access(&[0xff; 40]).is_err());
		assert!(decode_log_access(&[]).is_err());
		assert!(matches!(parse_hex("0xnothex"), Err(VaultError::BadExtrinsic(_))));
	}

	#[test]
	fn events_decide_the_outcome() {
		let eve = Sr25519Keyring::Eve.to_account_id();
		let dave = Sr25519Keyring::Dave.to_account_id();
		let info = Default::default();
		let success =
			RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { dispatch_info: info });
		let accessed = |record, reader: &AccountId| {
			RuntimeEvent::PatientRecords(pallet_patient_records::Event::RecordAccessed {
				patient: eve.clone(),
				record,
				reader: reader.clone(),
				purpose: PurposeOfUse::Treatment,
				basis: None,
				position: 0,
			})
		};
		assert_eq!(check_access_logged(&[accessed(3, &eve), success.clone()], 3, &eve), Ok(()));
		// Another record or reader in the event is not this access.
		assert!(check_access_logged(&[accessed(4, &eve), success.clone()], 3, &eve).is_err());
		assert!(check_access_logged(&[accessed(3, &dave), success.clone()], 3, &eve).is_err());
		assert!(check_access_logged(std::slice::from_ref(&success), 3, &eve).is_err());

		let refused = pallet_patient_records::Error::<Runtime>::NoReadAccess;
		let failed = RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
			dispatch_error: DispatchError::from(refused),
			dispatch_info: info,
		});
		assert_eq!(
			check_access_logged(&[failed], 3, &dave),
			Err(VaultError::AccessRefused("patientRecords.NoReadAccess".into()))
		);
		assert_eq!(describe_dispatch_error(DispatchError::BadOrigin), "BadOrigin");
		// A proxied log_access the chain refused: the proxy call itself succeeds.
		let proxy_failed = RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted {
			result: Err(DispatchError::from(
				pallet_patient_records::Error::<Runtime>::NoReadAccess,
			)),
		});
		assert_eq!(
			check_access_logged(&[proxy_failed, success.clone()], 3, &dave),
			Err(VaultError::AccessRefused("patientRecords.NoReadAccess".into()))
		);
		let proxy_ok = RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result: Ok(()) });
		assert_eq!(check_access_logged(&[accessed(3, &eve), proxy_ok, success], 3, &eve), Ok(()));
	}
}
