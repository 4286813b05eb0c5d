//! The weights of the SDK pallets this runtime uses, of its transaction extensions and of the
//! block and extrinsic overhead, all measured on this project's build machine by
//! `scripts/benchmark.sh` (frame-omni-bencher against this runtime's WASM), in the same run as
//! the RuralMed pallets' own `weights.rs`: one machine, one set of weights. ParityDB's read and
//! write costs (`paritydb_weights.rs`) come from `scripts/benchmark.sh storage` on the same
//! machine. Do not edit the generated files by hand; run the script again.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_membership;
pub mod pallet_proxy;
pub mod pallet_recovery;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
pub mod paritydb_weights;
