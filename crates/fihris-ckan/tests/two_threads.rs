//! `CkanReader::read_slice` reads JSON lines of a megabyte or more on two threads, a half
//! each, and `CkanReader::stream_slice` hands them over one at a time: both must give exactly
//! what reading the lines in order gives, warnings included (their records and lines numbered
//! across the halves).

use fihris_ckan::{CkanFormat, CkanRead, CkanReader, CkanStream};

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
    assert_streams_as_read(&reader, input, &halves);
}

/// `stream_slice` of `input`, and `stream_reader` of it read a few bytes at a time, give the
/// catalogue, datasets, warnings and shape of `read` (what `read_slice` gave), and their
/// position ends at the input's end.
fn assert_streams_as_read(reader: &CkanReader, input: &[u8], read: &CkanRead) {
    let from_slice = reader.stream_slice(input).expect("streamed");
    assert_stream_gives(from_slice, input, read);
    let trickle = std::io::BufReader::with_capacity(7, input);
    let from_reader = reader.stream_reader(trickle).expect("streamed");
    assert_stream_gives(from_reader, input, read);
}

fn assert_stream_gives<R: std::io::BufRead>(
    mut stream: CkanStream<R>,
    input: &[u8],
    read: &CkanRead,
) {
    assert_eq!(stream.format(), read.format);
    let mut header = stream.catalog().clone();
    assert!(header.datasets.is_empty());
    let mut warnings = Vec::new();
    let mut last_position = 0;
    while let Some(dataset) = stream.next() {
        header.datasets.push(dataset.expect("no I/O error"));
        // Taken as they come, as a long stream is drained.
        warnings.extend(stream.take_warnings());
        assert!(stream.position() >= last_position);
        last_position = stream.position();
    }
    warnings.extend(stream.take_warnings());
    assert_eq!(stream.position(), input.len() as u64);
    assert_eq!(header, read.catalog);
    assert_eq!(warnings, read.warnings);
}

#[test]
fn every_shape_streams_as_it_reads() {
    let reader = CkanReader::new().with_language("fr").expect("a valid tag");
    let fixtures = [
        &include_bytes!("fixtures/package_search.json")[..],
        include_bytes!("fixtures/package_show.json"),
        include_bytes!("fixtures/packages.jsonl"),
    ];
    let small_lines: Vec<u8> = awkward_lines(true).join(&b"\n"[..]);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "{\"name\": \"a\"}\n{\"name\": \"b\"}\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let list = b"[{\"name\": \"a\"}, 3, {\"name\": \"b\"}]";
    let one_line_answer =
        b"\xEF\xBB\xBF \r\n{\"success\": true, \"result\": {\"count\": 1, \"results\": [{\"name\": \"a\"}]}}\n\n";
    let indented_second = b"{\"name\": \"a\"}\n  {\"name\": \"b\"}\n{\"name\": \"c\"}\n";
    let not_utf8_later = b"{\"name\": \"a\"}\n{\"name\": \"b\"}\n{\"name\": \"\xff\"}\n";
    let pretty = b"{\n  \"name\": \"a\",\n  \"title\": \"A\"\n}\n";
    let bare = b"{\"name\": \"a\", \"title\": \"A\"}";
    let mut formats = Vec::new();
    for input in fixtures.into_iter().chain([
        small_lines.as_slice(),
        utf16.as_slice(),
        list.as_slice(),
        bare.as_slice(),
        one_line_answer.as_slice(),
        indented_second.as_slice(),
        not_utf8_later.as_slice(),
        pretty.as_slice(),
    ]) {
        let read = reader.read_slice(input).expect("readable");
        assert_streams_as_read(&reader, input, &read);
        formats.push(read.format);
    }
    for format in [
        CkanFormat::PackageSearch,
        CkanFormat::PackageShow,
        CkanFormat::JsonLines,
        CkanFormat::PackageList,
        CkanFormat::Package,
    ] {
        assert!(formats.contains(&format), "{format:?}");
    }
    // What makes the whole input unreadable is the same error.
    for input in [
        &b""[..],
        b"<html>",
        b"{} {}",
        b"{\"success\": false}",
        b"{\"success\": false}\n",
        b"\x0c{\"name\": \"a\"}",
    ] {
        let expected = reader.read_slice(input).unwrap_err().to_string();
        assert_eq!(
            reader.stream_slice(input).unwrap_err().to_string(),
            expected
        );
        assert_eq!(
            reader.stream_reader(input).unwrap_err().to_string(),
            expected
        );
    }
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
