//! `CkanReader::read_slice` reads JSON lines of a megabyte or more on two threads, a half
//! each: it must give exactly what reading the lines in order gives, warnings included (their
//! records and lines numbered across the halves).

use fihris_ckan::CkanReader;

/// The portal's sample catalogue (1.5 MB, 671 packages).
const SAMPLE_CATALOGUE_JSONL: &str = include_str!("../data/sample-catalogue.jsonl");

/// Lines that move the numbering of what follows: a blank line, broken records, a line that
/// is not UTF-8, a byte order mark that only the first line may carry, and a package whose
/// name and a resource whose id and URL are missing (both named by the package's position).
fn awkward_lines(unnamed: bool) -> Vec<Vec<u8>> {
    let mut lines: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"not json".to_vec(),
        b"[1, 2]".to_vec(),
        b"{\"name\": \"bad-\xff-bytes\"}".to_vec(),
        b"\xEF\xBB\xBF{\"name\": \"after-a-bom\", \"title\": \"BOM\"}".to_vec(),
        b"{\"name\": \"ok\", \"title\": \"Indice (Mensuel)\", \"resources\": [{\"id\": \"r1\", \"format\": \"CSV\", \"url\": \"https://data.gov.ma/r1.csv\"}]}".to_vec(),
    ];
    if unnamed {
        lines.push(b"{\"title\": \"Sans nom\"}".to_vec());
        lines.push(
            b"{\"name\": \"sans-url\", \"title\": \"T\", \"resources\": [{\"format\": \"CSV\"}]}"
                .to_vec(),
        );
    }
    lines
}

/// The sample catalogue with awkward lines after its 100th line and, if `in_second_half`,
/// after its 600th (of 671) too.
fn input(in_second_half: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (index, line) in SAMPLE_CATALOGUE_JSONL.lines().enumerate() {
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
        if index == 100 {
            for awkward in awkward_lines(true) {
                out.extend_from_slice(&awkward);
                out.push(b'\n');
            }
        }
        if index == 600 && in_second_half {
            for awkward in awkward_lines(true) {
                out.extend_from_slice(&awkward);
                out.extend_from_slice(b"\r\n");
            }
        }
    }
    out
}

fn assert_same_as_in_order(input: &[u8]) {
    // Above the threshold of two threads (1 MiB).
    assert!(input.len() > 1 << 20, "{}", input.len());
    let reader = CkanReader::new().with_language("fr").expect("a valid tag");
    let halves = reader.read_slice(input).expect("read on two threads");
    let in_order = reader.read_json_lines(input).expect("read in order");
    assert_eq!(
        halves.catalog.datasets.len(),
        in_order.catalog.datasets.len()
    );
    for (half, whole) in halves
        .catalog
        .datasets
        .iter()
        .zip(&in_order.catalog.datasets)
    {
        assert_eq!(half, whole);
    }
    assert_eq!(halves.catalog, in_order.catalog);
    assert_eq!(halves.warnings, in_order.warnings);
}

#[test]
fn second_half_numbered_after_the_first() {
    let input = input(false);
    assert_same_as_in_order(&input);
    // The awkward lines gave warnings, and some come from the second half.
    let read = CkanReader::new().read_slice(&input).unwrap();
    let last_line = read.warnings.iter().filter_map(|w| w.line()).max().unwrap();
    assert!(last_line > 400, "{last_line}");
    assert!(read.warnings.iter().any(|w| w.line() == Some(103)));
}

#[test]
fn second_half_with_unnamed_packages_read_again_in_order() {
    let input = input(true);
    assert_same_as_in_order(&input);
    let read = CkanReader::new().read_slice(&input).unwrap();
    assert!(
        read.catalog
            .datasets
            .iter()
            .filter(|dataset| dataset.id.to_string().contains("package"))
            .count()
            == 2
    );
}
