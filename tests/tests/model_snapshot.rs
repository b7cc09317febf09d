//! A serde snapshot of any catalogue reads back to an equal model.

use fihris_conformance::arbitrary::catalog;
use fihris_model::Catalog;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn json_snapshot_round_trips(catalog in catalog(4)) {
        let json = serde_json::to_string(&catalog).unwrap();
        let back: Catalog = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &catalog);
        // Deterministic: the same model gives the same bytes.
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
}

#[test]
fn snapshot_refuses_invalid_values() {
    let catalog = r#"{"id":{"iri":"not an iri"}}"#;
    let error = serde_json::from_str::<Catalog>(catalog).unwrap_err();
    assert!(error.to_string().contains("invalid IRI"), "{error}");
}
