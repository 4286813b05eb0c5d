//! Genesis: the patients of a preset.

use crate::*;

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
		Ok(())
	}
}
