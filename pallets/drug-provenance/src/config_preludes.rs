//! Test defaults of [`Config`](crate::Config): the limits and shipment timeout this pallet's tests
//! are written against. A mock derives them with `#[derive_impl]` and sets the directory, the
//! authority and the clock.

use crate::DefaultConfig;
use frame_support::{
	derive_impl,
	pallet_prelude::inject_runtime_type,
	traits::{ConstU32, ConstUint},
};

/// Default prelude sensible to be used in a testing environment.
pub struct TestDefaultConfig;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
impl frame_system::DefaultConfig for TestDefaultConfig {}

#[frame_support::register_default_impl(TestDefaultConfig)]
impl DefaultConfig for TestDefaultConfig {
	type MaxLotQuantity = ConstU32<10_000>;
	type ExcursionToleranceMinutes = ConstU32<30>;
	type MaxCompanyPrefixes = ConstU32<2>;
	type ShipmentTimeout = ConstUint<100>;
	type Statistics = ();
	type WeightInfo = ();
}
