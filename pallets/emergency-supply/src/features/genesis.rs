//! Genesis: the demo emergencies of a preset, each starting at block 0.

use crate::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) -> Result<(), &'static str> {
		for (name, regions, items, round_length, sunset) in &config.emergencies {
			let name = EmergencyName::try_from(name.clone()).map_err(|_| "name too long")?;
			let regions =
				RegionList::<T>::try_from(regions.clone()).map_err(|_| "too many regions")?;
			let items = items
				.iter()
				.map(|(code, unit, gtin)| {
					ItemCode::try_from(code.clone())
						.map(|code| SupplyItem { code, unit: *unit, gtin: *gtin })
						.map_err(|_| "item code too long")
				})
				.collect::<Result<alloc::vec::Vec<_>, _>>()?;
			let items = ItemList::<T>::try_from(items).map_err(|_| "too many items")?;
			Self::do_declare(name, regions, items, 0u32.into(), *sunset, *round_length)
				.map_err(|_| "invalid emergency")?;
		}
		Ok(())
	}
}
