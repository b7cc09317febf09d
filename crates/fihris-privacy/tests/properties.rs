//! Property tests: risk measures equal a brute-force count; masked output never holds a
//! planted value; no input panics.

use std::collections::{BTreeMap, BTreeSet};

use fihris_privacy::{ScanOptions, Verdict, scan_reader};
use proptest::prelude::*;

fn microdata() -> impl Strategy<Value = Vec<(u8, u8, u8, u8)>> {
    // (age band, sex, commune, diagnosis) from small alphabets so classes repeat.
    prop::collection::vec((0u8..6, 0u8..2, 0u8..4, 0u8..3), 1..120)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn k_anonymity_and_l_diversity_equal_brute_force(rows in microdata(), k in 1u64..8, l in 1u64..4) {
        let mut csv = String::from("tranche,genre,lieu,diagnostic\n");
        for (age, sex, commune, diagnosis) in &rows {
            csv.push_str(&format!("A{age},S{sex},C{commune},D{diagnosis}\n"));
        }
        let options = ScanOptions::new()
            .with_quasi_identifiers(["tranche", "genre", "lieu"])
            .with_sensitive("diagnostic")
            .with_k(k)
            .with_l(l);
        let report = scan_reader(csv.as_bytes(), &options).unwrap();
        let risk = report.risk.clone().unwrap();

        let mut classes: BTreeMap<(u8, u8, u8), (u64, BTreeSet<u8>)> = BTreeMap::new();
        for &(age, sex, commune, diagnosis) in &rows {
            let class = classes.entry((age, sex, commune)).or_default();
            class.0 += 1;
            class.1.insert(diagnosis);
        }
        let min = classes.values().map(|c| c.0).min().unwrap();
        let below: Vec<u64> = classes.values().map(|c| c.0).filter(|&size| size < k).collect();
        prop_assert_eq!(risk.records, rows.len() as u64);
        prop_assert_eq!(risk.classes, classes.len() as u64);
        prop_assert_eq!(risk.min_class_size, min);
        prop_assert_eq!(risk.classes_below_k, below.len() as u64);
        prop_assert_eq!(risk.records_below_k, below.iter().sum::<u64>());
        prop_assert!((risk.prosecutor_risk - 1.0 / min as f64).abs() < 1e-12);
        prop_assert!((risk.average_risk - classes.len() as f64 / rows.len() as f64).abs() < 1e-12);
        let min_l = classes.values().map(|c| c.1.len() as u64).min().unwrap();
        prop_assert_eq!(risk.l_diversity, Some(min_l));
        prop_assert_eq!(
            risk.classes_below_l,
            classes.values().filter(|c| (c.1.len() as u64) < l).count() as u64
        );
        let expected = if below.is_empty() && min_l >= l {
            Verdict::Publishable
        } else {
            Verdict::AnonymiseFirst
        };
        prop_assert_eq!(report.verdict, expected);
    }

    #[test]
    fn small_cells_equal_brute_force(counts in prop::collection::vec(0u64..12, 1..80), n in 1u64..6) {
        let mut csv = String::from("Province;Catégorie;Effectif\n");
        for (index, count) in counts.iter().enumerate() {
            csv.push_str(&format!("P{};K{};{count}\n", index % 7, index % 3));
        }
        let report = scan_reader(csv.as_bytes(), &ScanOptions::new().with_min_cell_count(n)).unwrap();
        prop_assert!(report.aggregate);
        let small: Vec<u64> = counts
            .iter()
            .enumerate()
            .filter(|&(_, &count)| count > 0 && count < n)
            .map(|(index, _)| index as u64 + 2)
            .collect();
        if small.is_empty() {
            prop_assert!(report.small_cells.is_empty());
            prop_assert_eq!(report.verdict, Verdict::Publishable);
        } else {
            let cells = &report.small_cells[0];
            prop_assert_eq!(cells.cells, small.len() as u64);
            prop_assert_eq!(&cells.lines[..], &small[..small.len().min(10)]);
            prop_assert_eq!(report.verdict, Verdict::AnonymiseFirst);
        }
    }

    #[test]
    fn planted_values_never_printed(
        cins in prop::collection::vec("[A-Z]{1,2}[0-9]{6}", 1..30),
        phones in prop::collection::vec("0[67][0-9]{8}", 1..30),
        emails in prop::collection::vec("[a-z]{3,8}\\.[a-z]{3,8}@(gmail|menara)\\.ma", 1..30),
        names in prop::collection::vec("[A-Z][a-z]{2,9} [A-Z][a-z]{2,9}", 1..30),
        stats in prop::collection::vec(0u32..1_000_000, 30),
    ) {
        let mut csv = String::from("cin,tel,courriel,nom complet,valeur\n");
        for index in 0..30 {
            csv.push_str(&format!(
                "{},{},{},{},{}\n",
                cins[index % cins.len()],
                phones[index % phones.len()],
                emails[index % emails.len()],
                names[index % names.len()],
                stats[index],
            ));
        }
        let report = scan_reader(csv.as_bytes(), &ScanOptions::new()).unwrap();
        prop_assert_eq!(report.verdict, Verdict::DoNotPublish);
        let mut printed: Vec<String> = report.findings.iter().map(ToString::to_string).collect();
        printed.extend(report.columns.iter().flat_map(|c| c.detections.iter().map(|d| d.evidence.clone())));
        for value in cins.iter().chain(&phones).chain(&emails).chain(&names) {
            for text in &printed {
                prop_assert!(!text.contains(value.as_str()), "{} in {}", value, text);
            }
        }
    }

    #[test]
    fn any_bytes_scan_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = scan_reader(bytes.as_slice(), &ScanOptions::new());
    }

    #[test]
    fn any_utf16_scan_without_panic(units in prop::collection::vec(any::<u16>(), 0..200), big in any::<bool>()) {
        let mut bytes = if big { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in units {
            bytes.extend_from_slice(&if big { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        let _ = scan_reader(bytes.as_slice(), &ScanOptions::new());
    }
}
