//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-03 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! DATABASE: `ParityDb`, RUNTIME: `RuralMed Development`
//! BLOCK-NUM: `Number(0)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/weights`
//! METRIC: `Average`, WEIGHT-MUL: `1.1`, WEIGHT-ADD: `0`

// Executed Command:
//   ruralmed-node
//   benchmark
//   storage
//   --chain
//   <workdir>/spec.json
//   --base-path
//   <workdir>/db
//   --database
//   paritydb
//   --state-version
//   1
//   --batch-size
//   10000
//   --mul
//   1.1
//   --weight-path
//   runtime/src/weights

/// Storage DB weights for the `RuralMed Development` runtime and `ParityDb`.
pub mod constants {
	use frame_support::parameter_types;
	use frame_support::weights::constants;
	use frame_support::weights::RuntimeDbWeight;

	parameter_types! {
		/// ParityDB is the node's database (`--database paritydb`, the default here): its read and
		/// write costs as measured on this project's machine.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			// Time to read one storage item.
			// Calculated by multiplying the *Average* of all values with `1.1` and adding `0`.
			//
			// Stats nanoseconds:
			//   Min, Max: 1_352, 4_073_960
			//   Average:  9_674
			//   Median:   8_593
			//   Std-Dev:  27941.0
			//
			// Percentiles nanoseconds:
			//   99th: 15_784
			//   95th: 12_398
			//   75th: 9_935
			read: 10_642 * constants::WEIGHT_REF_TIME_PER_NANOS,

			// Time to write one storage item.
			// Calculated by multiplying the *Average* of all values with `1.1` and adding `0`.
			//
			// Stats nanoseconds:
			//   Min, Max: 22_614, 40_616
			//   Average:  30_181
			//   Median:   29_433
			//   Std-Dev:  4054.58
			//
			// Percentiles nanoseconds:
			//   99th: 40_309
			//   95th: 38_123
			//   75th: 32_277
			write: 33_200 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use frame_support::weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
