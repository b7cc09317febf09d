//! Inputs shared by the fihris benchmarks: a generated portal catalogue
//! ([`GeneratedCatalogue`]), a local CKAN API serving it ([`CkanServer`]), the catalogue the
//! rules bench checks ([`rules_catalogue`]), noisy format labels and timestamps, and a
//! generated CSV.

mod ckan_server;
mod generate;
mod rules;

pub use ckan_server::{CKAN_API_PATH, CkanServer};
pub use generate::{GeneratedCatalogue, GeneratedLines};
pub use rules::rules_catalogue;

/// Resource formats as the portal's CKAN API returns them, noise included: the input a
/// reader normalises for every distribution.
pub const PORTAL_FORMAT_LABELS: &[&str] = &[
    "XLSX",
    "xlsx ",
    ".xlsx",
    "XLS",
    "PDF",
    "pdf",
    "CSV",
    "csv",
    "DOCX",
    "ZIP",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel",
    "text/csv",
    "JSON",
    "Shapefile",
    "http://publications.europa.eu/resource/authority/file-type/CSV",
];

/// Timestamps as the portal and DCAT feeds write them.
pub const TEMPORAL_LITERALS: &[&str] = &[
    "2022-01-03T23:11:41.769674",
    "2024-01-15",
    "2024-01-15Z",
    "2019",
    "2019-07",
    "2023-11-30T08:00:00+01:00",
];

/// A generated CSV resource of beneficiaries: statistical columns (region, year, amount,
/// rate) around personal ones (CIN, phone, e-mail, name), read as a stream of `bytes` bytes
/// (rounded up to a whole row) without ever being held in memory.
#[derive(Debug, Clone)]
pub struct GeneratedCsv {
    remaining: u64,
    state: u64,
    row: u64,
    line: Vec<u8>,
    position: usize,
}

/// The header row of [`GeneratedCsv`].
pub const GENERATED_CSV_HEADER: &str =
    "id;region;commune;annee;sexe;age;nom;prenom;cin;telephone;email;montant;taux\n";

impl GeneratedCsv {
    /// A stream of about `bytes` bytes.
    #[must_use]
    pub fn new(bytes: u64) -> Self {
        Self {
            remaining: bytes,
            state: 0x2545_F491_4F6C_DD1D,
            row: 0,
            line: GENERATED_CSV_HEADER.as_bytes().to_vec(),
            position: 0,
        }
    }

    /// The whole stream in memory, for benches over a fixed input.
    #[must_use]
    pub fn rows_in_memory(rows: u64) -> Vec<u8> {
        let mut generator = Self::new(u64::MAX);
        let mut out = GENERATED_CSV_HEADER.as_bytes().to_vec();
        for _ in 0..rows {
            generator.next_line();
            out.extend_from_slice(&generator.line);
        }
        out
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    fn next_line(&mut self) {
        use std::io::Write as _;
        const REGIONS: &[&str] = &[
            "Souss-Massa",
            "Fès-Meknès",
            "Casablanca-Settat",
            "L'Oriental",
        ];
        const COMMUNES: &[&str] = &["Tiznit", "Aglou", "Sefrou", "Anfa", "Berkane", "Ain Sebaa"];
        const FAMILY: &[&str] = &["Alaoui", "Bennani", "Tazi", "Amrani", "Ziani", "Chraibi"];
        const FIRST: &[&str] = &["Fatima", "Youssef", "Khadija", "Omar", "Salma", "Hamza"];
        self.row += 1;
        let r: Vec<u64> = (0..12).map(|_| self.next()).collect();
        self.line.clear();
        let _ = writeln!(
            self.line,
            "{};{};{};{};{};{};{};{};{}{}{:06};06{:08};{}.{}@gmail.com;{}.{:02};{},{}",
            self.row,
            REGIONS[(r[0] % 4) as usize],
            COMMUNES[(r[1] % 6) as usize],
            2015 + r[2] % 10,
            if r[3].is_multiple_of(2) { "F" } else { "M" },
            18 + r[4] % 70,
            FAMILY[(r[5] % 6) as usize],
            FIRST[(r[6] % 6) as usize],
            char::from(b'A' + (r[7] % 26) as u8),
            char::from(b'A' + (r[7] / 26 % 26) as u8),
            r[8] % 1_000_000,
            r[9] % 100_000_000,
            FIRST[(r[6] % 6) as usize].to_lowercase(),
            FAMILY[(r[5] % 6) as usize].to_lowercase(),
            r[10] % 100_000,
            r[10] / 100_000 % 100,
            r[11] % 100,
            r[11] / 100 % 10,
        );
    }
}

impl std::io::Read for GeneratedCsv {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.position == self.line.len() {
            if self.remaining == 0 {
                return Ok(0);
            }
            self.next_line();
            self.position = 0;
        }
        let available = &self.line[self.position..];
        let count = available.len().min(buf.len());
        buf[..count].copy_from_slice(&available[..count]);
        self.position += count;
        self.remaining = self.remaining.saturating_sub(count as u64);
        Ok(count)
    }
}
