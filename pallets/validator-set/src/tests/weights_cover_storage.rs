//! Every call within its charge: the storage it touches, counted, is no more than its weight
//! charges (`ruralmed_test_utils::storage_access`).

use super::*;
use ruralmed_test_utils::storage_access::root_dispatch_within_charge;

fn council_within_charge(call: Call<Test>) {
	root_dispatch_within_charge::<Test, AllPalletsWithSystem, _>(call);
}

#[test]
fn add_validator_within_its_charge() {
	test(|| {
		register_keys(HOSPITAL, 40);
		council_within_charge(Call::add_validator { validator: HOSPITAL });
	});
}

#[test]
fn remove_validator_within_its_charge() {
	test(|| council_within_charge(Call::remove_validator { validator: 2 }));
}

#[test]
fn set_session_length_within_its_charge() {
	test(|| council_within_charge(Call::set_session_length { blocks: 50 }));
}
