//! Genesis: the patients of a preset, and for benchmarks a large synthetic state.

use crate::*;
use codec::Decode;
use frame_support::Hashable;
use ruralmed_primitives::RecordCategory;
use sp_runtime::traits::TrailingZeroInput;

/// Synthetic records per synthetic patient.
const SYNTHETIC_RECORDS_PER_PATIENT: u32 = 1_000;

impl<T: Config> Pallet<T> {
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) -> Result<(), &'static str> {
		for (patient, guardian, orgs) in &config.patients {
			// Genesis patients hold no deposit.
			Self::do_register(
				patient.clone(),
				guardian.clone(),
				None,
				patient.clone(),
				Default::default(),
			)
			.map_err(|_| "genesis patient listed twice")?;
			for org in orgs {
				Self::do_add_care_organisation(patient, *org)
					.map_err(|_| "genesis care organisation invalid or repeated")?;
			}
		}
		Self::build_synthetic_records(config.synthetic_records)
	}

	/// The account of synthetic patient `i`: derived from a hash, so nobody holds its key.
	pub fn synthetic_patient(i: u32) -> T::AccountId {
		let seed = (*b"ruralmed/synthetic-patient", i).blake2_256();
		T::AccountId::decode(&mut TrailingZeroInput::new(&seed))
			.expect("an account decodes from any infinite input")
	}

	/// `count` self-reported records, anchored as the pallet anchors them (record, index,
	/// counters), a thousand to each synthetic patient. Genesis emits no events.
	fn build_synthetic_records(count: u32) -> Result<(), &'static str> {
		if count == 0 {
			return Ok(());
		}
		let patients = count.div_ceil(SYNTHETIC_RECORDS_PER_PATIENT);
		for i in 0..patients {
			let patient = Self::synthetic_patient(i);
			Self::do_register(patient.clone(), None, None, patient, Default::default())
				.map_err(|_| "a synthetic patient is already registered")?;
		}
		for r in 0..count {
			let patient = Self::synthetic_patient(r / SYNTHETIC_RECORDS_PER_PATIENT);
			let content_hash = (*b"ruralmed/synthetic-record", r).blake2_256();
			Self::do_anchor(
				patient.clone(),
				patient,
				None,
				RecordCategory::Observation,
				content_hash.into(),
				None,
				1,
				None,
				Default::default(),
			)
			.map_err(|_| "a synthetic record could not be anchored")?;
		}
		Ok(())
	}
}
