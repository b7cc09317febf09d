//! Generated corpora: planted personal columns among realistic statistical columns, with
//! French and Arabic headers; statistical tables that must come out clean.

mod support;

use fihris_privacy::{Encoding, ScanOptions, ScanReport, Verdict, scan_reader};
use support::{ARABIC, FRENCH, Rng, Table, beneficiaries, statistical_tables};

fn scan(csv: &[u8]) -> ScanReport {
    scan_reader(csv, &ScanOptions::new().with_source_name("corpus.csv")).expect("scan")
}

/// Every planted column found with its rule, no other column flagged, nothing leaked.
fn assert_planted_found(table: &Table, report: &ScanReport) {
    for column in &report.columns {
        let planted: Vec<&str> = table
            .planted
            .iter()
            .filter(|(name, _)| *name == column.name)
            .map(|(_, rule)| *rule)
            .collect();
        let found: Vec<&str> = column.detections.iter().map(|d| d.kind.rule_id()).collect();
        match planted.as_slice() {
            [] => assert!(
                found.is_empty(),
                "statistical column {:?} flagged as {found:?}",
                column.name
            ),
            [rule] => assert_eq!(
                found.first(),
                Some(rule),
                "planted column {:?} found as {found:?}",
                column.name
            ),
            _ => unreachable!(),
        }
    }
    let printed: Vec<String> = report
        .findings
        .iter()
        .map(ToString::to_string)
        .chain(
            report
                .columns
                .iter()
                .flat_map(|c| c.detections.iter().map(|d| d.evidence.clone())),
        )
        .collect();
    for value in &table.personal_values {
        for line in &printed {
            assert!(
                !line.contains(value.as_str()),
                "{value:?} leaked in {line:?}"
            );
        }
    }
}

#[test]
fn planted_columns_french_headers() {
    let table = beneficiaries(&mut Rng::new(1), 300, &FRENCH, false);
    let report = scan(table.to_csv(';').as_bytes());
    assert_eq!(report.delimiter, b';');
    assert_eq!(report.records, 300);
    assert_planted_found(&table, &report);
    assert_eq!(report.verdict, Verdict::DoNotPublish);
    assert!(!report.aggregate);
    let summary = report.personal_data_summary();
    assert!(summary.shows_personal_data && summary.direct_identifiers);
    assert!(summary.rule_ids.contains(&"privacy.cin".to_owned()));
}

#[test]
fn planted_columns_arabic_headers_utf16() {
    let table = beneficiaries(&mut Rng::new(2), 200, &ARABIC, true);
    let mut bytes = vec![0xFF, 0xFE];
    for unit in table.to_csv('\t').encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let report = scan(&bytes);
    assert_eq!(report.encoding, Encoding::Utf16Le);
    assert_eq!(report.delimiter, b'\t');
    assert_planted_found(&table, &report);
    assert_eq!(report.verdict, Verdict::DoNotPublish);
}

#[test]
fn planted_columns_found_by_values_alone() {
    let mut table = beneficiaries(&mut Rng::new(3), 150, &FRENCH, false);
    // Neutral headers: only the values can tell.
    table.header = (1..=table.header.len())
        .map(|i| format!("champ {i}"))
        .collect();
    let report = scan(table.to_csv(',').as_bytes());
    let found = |position: usize| -> Vec<&str> {
        report.columns[position - 1]
            .detections
            .iter()
            .map(|d| d.kind.rule_id())
            .collect()
    };
    assert_eq!(found(6), ["privacy.cin"]);
    assert_eq!(found(7), ["privacy.phone"]);
    assert_eq!(found(8), ["privacy.email"]);
    assert_eq!(found(9), ["privacy.rib"]);
    assert_eq!(found(10), ["privacy.iban"]);
    assert_eq!(found(11), ["privacy.massar"]);
    assert_eq!(found(15), ["privacy.address"]);
    // CNSS numbers, passports and dates need a header; statistics are never flagged.
    for position in [1, 2, 3, 12, 13, 14, 16, 17, 18, 19, 20, 21] {
        assert!(
            found(position).is_empty(),
            "column {position}: {:?}",
            found(position)
        );
    }
    assert_eq!(report.verdict, Verdict::DoNotPublish);
}

#[test]
fn full_names_found_by_values_alone() {
    let mut rng = Rng::new(4);
    let mut csv = String::from("bénéficiaire déclaré,montant\n");
    for _ in 0..50 {
        csv.push_str(&format!(
            "{} {},{}\n",
            rng.pick(support::FIRST_NAMES),
            rng.pick(support::FAMILY_NAMES),
            rng.digits(5)
        ));
    }
    let report = scan(csv.as_bytes());
    assert_eq!(
        report.columns[0].detections[0].kind.rule_id(),
        "privacy.person-name"
    );
    // Commune names with a given name in them are places, not people.
    let mut csv = String::from("nom,population\n");
    for commune in support::COMMUNES {
        csv.push_str(&format!("{commune},{}\n", rng.digits(5)));
    }
    let report = scan(csv.as_bytes());
    assert!(
        report.columns[0].detections.is_empty(),
        "{:?}",
        report.columns[0]
    );
    assert_eq!(report.verdict, Verdict::Publishable);
}

#[test]
fn statistical_tables_are_publishable() {
    for (name, csv) in statistical_tables(&mut Rng::new(5)) {
        let report = scan(csv.as_bytes());
        assert!(report.records > 0, "{name}");
        for column in &report.columns {
            assert!(
                column.detections.is_empty(),
                "{name}: column {:?} flagged: {:?}",
                column.name,
                column.detections
            );
        }
        assert!(report.risk.is_none(), "{name}: {:?}", report.risk);
        assert_eq!(
            report.verdict,
            Verdict::Publishable,
            "{name}: {:?}",
            report.findings
        );
        assert!(report.findings.is_empty(), "{name}: {:?}", report.findings);
    }
}

#[test]
fn aggregate_tables_are_recognised() {
    let tables = statistical_tables(&mut Rng::new(6));
    let report = scan(tables[0].1.as_bytes());
    assert!(report.aggregate);
    assert!(report.columns[5].count_column);
    // Quasi-identifier headers of an aggregate table do not trigger k-anonymity.
    assert!(report.risk.is_none());
}

/// Rows generated on the fly: the input is never held in memory.
struct Stream {
    rng: Rng,
    rows: u64,
    row: u64,
    line: Vec<u8>,
    position: usize,
}

impl std::io::Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.position == self.line.len() {
            if self.row > self.rows {
                return Ok(0);
            }
            self.line = if self.row == 0 {
                b"annee;commune;courriel;observations;montant\n".to_vec()
            } else {
                // A phone number in the remarks column only in the last rows.
                let remark = if self.row > self.rows - 10 {
                    format!("06{}", self.rng.digits(8))
                } else {
                    "RAS".to_owned()
                };
                format!(
                    "{};{};user{}@gmail.com;{remark};{}.{}\n",
                    2010 + self.row % 14,
                    self.rng.pick(support::COMMUNES),
                    self.row,
                    self.rng.digits(5),
                    self.rng.digits(2)
                )
                .into_bytes()
            };
            self.row += 1;
            self.position = 0;
        }
        let count = (self.line.len() - self.position).min(buf.len());
        buf[..count].copy_from_slice(&self.line[self.position..self.position + count]);
        self.position += count;
        Ok(count)
    }
}

#[test]
fn long_streams_keep_counting_what_matches() {
    let stream = Stream {
        rng: Rng::new(7),
        rows: 40_000,
        row: 0,
        line: Vec::new(),
        position: 0,
    };
    let report = scan_reader(stream, &ScanOptions::new()).expect("scan");
    assert_eq!(report.records, 40_000);
    let email = &report.columns[2].detections[0];
    assert_eq!(
        (email.kind.rule_id(), email.matches),
        ("privacy.email", 40_000)
    );
    // Ten phone numbers among 40,000 remarks: under the threshold, and no longer tried
    // after the first values (documented warm-up); statistics stay clean.
    assert!(report.columns[3].detections.is_empty());
    for position in [0, 1, 4] {
        assert!(report.columns[position].detections.is_empty());
    }
    assert_eq!(report.verdict, Verdict::DoNotPublish);
}
