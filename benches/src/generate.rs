//! A deterministic generator of portal-like catalogues, as CKAN API JSON lines.

use std::io::{self, BufReader, Read, Write};

use fihris_ckan::{CkanError, CkanReader, JsonLines};
use fihris_model::{Catalog, Dataset};
use fihris_vocab::PRODUCERS;

/// Portal themes (CKAN groups) with the weights the portal's datasets have.
const THEMES: &[(&str, &str, u64)] = &[
    ("finance", "Finances", 121),
    ("justice", "Justice", 96),
    ("transparence", "Transparence", 73),
    ("societe", "Société", 70),
    ("cartographie", "Cartographie", 59),
    ("emploi", "Emploi", 51),
    ("it-telecoms", "IT et télécoms", 41),
    ("habitat", "Habitat et urbanisme", 35),
    ("media", "Médias", 30),
    ("education", "Éducation", 28),
    ("culture", "Culture", 24),
    ("sante", "Santé", 22),
    ("assurance", "Assurance", 19),
    ("equipement", "Équipement", 17),
    ("tourisme", "Tourisme", 12),
    ("peche-maritime", "Pêche maritime", 9),
    ("agriculture", "Agriculture", 4),
];

/// Resource formats as the portal writes them (noise included), with their weights.
const FORMATS: &[(&str, &str, &str, u64)] = &[
    (
        "XLSX",
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        245,
    ),
    ("XLS", "xls", "application/vnd.ms-excel", 147),
    ("PDF", "pdf", "application/pdf", 134),
    (
        "xlsx",
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        86,
    ),
    ("CSV", "csv", "text/csv", 83),
    (
        "DOCX",
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        38,
    ),
    (
        "xlsx ",
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        30,
    ),
    ("csv", "csv", "text/csv", 26),
    ("ZIP", "zip", "application/zip", 17),
    ("JSON", "json", "application/json", 10),
];

/// Subjects of titles, French and Arabic.
const SUBJECTS: &[(&str, &str)] = &[
    ("Indicateurs régionaux de l’emploi", "مؤشرات جهوية للتشغيل"),
    (
        "Budget exécuté des collectivités",
        "الميزانية المنفذة للجماعات",
    ),
    (
        "Établissements scolaires publics",
        "المؤسسات التعليمية العمومية",
    ),
    (
        "Recettes fiscales par nature",
        "المداخيل الجبائية حسب النوع",
    ),
    (
        "Affaires enregistrées par tribunal",
        "القضايا المسجلة حسب المحكمة",
    ),
    ("Capacité hôtelière classée", "الطاقة الإيوائية المصنفة"),
    ("Débarquements de la pêche côtière", "مفرغات الصيد الساحلي"),
    ("Naissances par commune", "الولادات حسب الجماعة"),
    ("Marchés publics attribués", "الصفقات العمومية الممنوحة"),
    (
        "Abonnés à l’internet mobile",
        "المشتركون في الإنترنت المتنقل",
    ),
];

const FREQUENCIES: &[&str] = &["Annuelle", "Mensuelle", "Trimestrielle", "Semestrielle"];

/// A catalogue of `count` generated CKAN packages, each a pure function of its index:
/// producers drawn with the skew of the producer referential (`datasets_2026`), portal
/// themes with the portal's weights, the portal's noisy format labels, French titles with
/// one in five Arabic, one to four resources, tags, dates and ODbL.
///
/// ```
/// use fihris_benches::GeneratedCatalogue;
/// let generated = GeneratedCatalogue::new(100);
/// let catalog = generated.catalog()?;
/// assert_eq!(catalog.datasets.len(), 100);
/// assert_eq!(generated.json_lines().iter().filter(|b| **b == b'\n').count(), 100);
/// # Ok::<(), fihris_ckan::CkanError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct GeneratedCatalogue {
    count: u64,
    seed: u64,
}

impl GeneratedCatalogue {
    /// A catalogue of `count` datasets.
    #[must_use]
    pub fn new(count: u64) -> Self {
        Self {
            count,
            seed: 0x5EED_F1A7_0000_0001,
        }
    }

    /// Another catalogue of the same size (different draws).
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Number of datasets.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.count
    }

    /// Whether the catalogue has no dataset.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Appends package `index` as one line of JSON (with its `\n`).
    pub fn package_line(&self, index: u64, out: &mut Vec<u8>) {
        let mut random = Draws(splitmix(
            self.seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15),
        ));
        let producer = {
            let total: u64 = PRODUCERS
                .iter()
                .map(|p| u64::from(p.datasets_2026) + 1)
                .sum();
            let mut pick = random.below(total);
            let mut chosen = &PRODUCERS[0];
            for producer in PRODUCERS {
                let weight = u64::from(producer.datasets_2026) + 1;
                if pick < weight {
                    chosen = producer;
                    break;
                }
                pick -= weight;
            }
            chosen
        };
        let theme = random.weighted(THEMES, |t| t.2);
        let (subject_fr, subject_ar) = SUBJECTS[random.below(SUBJECTS.len() as u64) as usize];
        let frequency = FREQUENCIES[random.below(FREQUENCIES.len() as u64) as usize];
        let year = 2015 + random.below(11);
        let arabic = random.below(5) == 0;
        let title = if arabic {
            format!("{subject_ar} {year} - {index}")
        } else {
            format!("{subject_fr} {year} ({frequency}) - {index}")
        };
        let name = format!("jeu-{index}-{year}");
        let id = uuid(&mut random);
        let created = date(&mut random, 2016);
        let modified = date(&mut random, 2022);
        let notes = if random.below(3) == 0 {
            String::new()
        } else {
            format!(
                "{subject_fr} pour l’année {year}, par région et province. Source : {}.",
                producer.name_fr
            )
        };
        let _ = write!(
            out,
            "{{\"author\":\"\",\"author_email\":\"\",\"id\":\"{id}\",\"isopen\":true,\
             \"license_id\":\"odc-odbl\",\"license_title\":\"Open Data Commons Open Database License (ODbL)\",\
             \"license_url\":\"http://www.opendefinition.org/licenses/odc-odbl\",\
             \"maintainer\":{},\"maintainer_email\":\"{}\",\
             \"metadata_created\":\"{created}\",\"metadata_modified\":\"{modified}\",\
             \"name\":\"{name}\",\"notes\":{},\"organization\":{{\"name\":\"{}\",\"title\":{},\
             \"type\":\"organization\",\"is_organization\":true,\"state\":\"active\"}},\
             \"private\":false,\"state\":\"active\",\"title\":{},\"type\":\"dataset\",\
             \"url\":\"\",\"version\":\"\",\"extras\":[],\"resources\":[",
            json_string(producer.name_fr),
            if random.below(2) == 0 {
                format!("contact@{}.gov.ma", producer.ckan_slug)
            } else {
                String::new()
            },
            json_string(&notes),
            producer.ckan_slug,
            json_string(producer.name_fr),
            json_string(&title),
        );
        let resources = 1 + random.below(4);
        for position in 0..resources {
            let (label, extension, mime, _) = *random.weighted(FORMATS, |f| f.3);
            let resource = uuid(&mut random);
            let size = if random.below(4) == 0 {
                "null".to_owned()
            } else {
                (1000 + random.below(5_000_000)).to_string()
            };
            if position > 0 {
                out.push(b',');
            }
            let _ = write!(
                out,
                "{{\"created\":\"{created}\",\"description\":\"\",\"format\":\"{label}\",\
                 \"id\":\"{resource}\",\"last_modified\":\"{modified}\",\"mimetype\":\"{mime}\",\
                 \"name\":\"{name}-{position}.{extension}\",\"position\":{position},\"size\":{size},\
                 \"state\":\"active\",\"url\":\"https://data.gov.ma/data/dataset/{id}/resource/{resource}/download/{name}-{position}.{extension}\",\
                 \"url_type\":\"upload\"}}"
            );
        }
        let _ = writeln!(
            out,
            "],\"tags\":[{{\"name\":\"{year}\"}},{{\"name\":{}}}],\"groups\":[{{\"name\":\"{}\",\"title\":{}}}]}}",
            json_string(frequency),
            theme.0,
            json_string(theme.1),
        );
    }

    /// The whole catalogue as CKAN JSON lines.
    #[must_use]
    pub fn json_lines(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for index in 0..self.count {
            self.package_line(index, &mut out);
        }
        out
    }

    /// Writes the catalogue as CKAN JSON lines, one package at a time.
    ///
    /// # Errors
    ///
    /// When writing fails.
    pub fn write_json_lines(&self, mut output: impl Write) -> io::Result<()> {
        let mut line = Vec::new();
        for index in 0..self.count {
            line.clear();
            self.package_line(index, &mut line);
            output.write_all(&line)?;
        }
        Ok(())
    }

    /// The catalogue as a stream of CKAN JSON lines, generated as it is read.
    #[must_use]
    pub fn reader(&self) -> GeneratedLines {
        GeneratedLines {
            catalogue: *self,
            next: 0,
            line: Vec::new(),
            position: 0,
        }
    }

    /// The datasets, read one at a time from the generated lines by
    /// [`CkanReader::json_lines`] (memory stays flat).
    #[must_use]
    pub fn datasets(&self) -> JsonLines<BufReader<GeneratedLines>> {
        reader().json_lines(BufReader::new(self.reader()))
    }

    /// The whole catalogue in the model, as the CKAN reader reads it.
    ///
    /// # Errors
    ///
    /// None in practice: the generated lines always read.
    pub fn catalog(&self) -> Result<Catalog, CkanError> {
        Ok(reader().read_json_lines(&self.json_lines()[..])?.catalog)
    }

    /// Dataset `index` alone in the model.
    ///
    /// # Errors
    ///
    /// None in practice: the generated lines always read.
    pub fn dataset(&self, index: u64) -> Result<Option<Dataset>, CkanError> {
        let mut line = Vec::new();
        self.package_line(index, &mut line);
        reader().json_lines(&line[..]).next().transpose()
    }
}

/// The reader of the portal's CKAN: French texts.
fn reader() -> CkanReader {
    match CkanReader::new().with_language("fr") {
        Ok(reader) => reader,
        Err(_) => CkanReader::new(),
    }
}

/// [`GeneratedCatalogue::reader`]: CKAN JSON lines generated as they are read.
#[derive(Debug, Clone)]
pub struct GeneratedLines {
    catalogue: GeneratedCatalogue,
    next: u64,
    line: Vec<u8>,
    position: usize,
}

impl Read for GeneratedLines {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.position == self.line.len() {
            if self.next == self.catalogue.count {
                return Ok(0);
            }
            self.line.clear();
            self.catalogue.package_line(self.next, &mut self.line);
            self.next += 1;
            self.position = 0;
        }
        let available = &self.line[self.position..];
        let count = available.len().min(buf.len());
        buf[..count].copy_from_slice(&available[..count]);
        self.position += count;
        Ok(count)
    }
}

struct Draws(u64);

impl Draws {
    fn next(&mut self) -> u64 {
        self.0 = splitmix(self.0);
        self.0
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    fn weighted<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> u64) -> &'a T {
        let total: u64 = items.iter().map(&weight).sum();
        let mut pick = self.below(total);
        for item in items {
            let w = weight(item);
            if pick < w {
                return item;
            }
            pick -= w;
        }
        &items[0]
    }
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn uuid(random: &mut Draws) -> String {
    let a = random.next();
    let b = random.next();
    format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFF,
        b >> 52,
        b & 0xFFFF_FFFF_FFFF
    )
}

fn date(random: &mut Draws, from: u64) -> String {
    format!(
        "{}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}",
        from + random.below(5),
        1 + random.below(12),
        1 + random.below(28),
        random.below(24),
        random.below(60),
        random.below(60),
        random.below(1_000_000)
    )
}

fn json_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ =
                    std::fmt::Write::write_fmt(&mut out, format_args!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use fihris_vocab::{PortalTheme, Vocabulary as _};

    use super::{GeneratedCatalogue, THEMES};

    #[test]
    fn generated_themes_are_portal_themes() {
        for (slug, _, _) in THEMES {
            assert!(PortalTheme::ALL.iter().any(|t| t.slug() == *slug), "{slug}");
        }
    }

    #[test]
    fn every_generated_line_reads_without_warning() {
        let generated = GeneratedCatalogue::new(2000);
        let mut datasets = generated.datasets();
        let mut count = 0;
        let mut arabic = 0;
        let mut producers = std::collections::HashSet::new();
        for dataset in &mut datasets {
            let dataset = dataset.expect("reads");
            count += 1;
            let title = dataset
                .title
                .get("fr")
                .or(dataset.title.get("ar"))
                .unwrap_or_default();
            arabic += usize::from(dataset.title.get("ar").is_some());
            assert_eq!(dataset.portal_themes.len(), 1, "{title}");
            let publisher = dataset.publisher.as_ref().expect("a publisher");
            producers.insert(publisher.producer.expect("a known producer").code);
        }
        assert_eq!(count, 2000);
        assert!(
            datasets
                .take_warnings()
                .iter()
                .all(|w| !w.to_string().contains("broken"))
        );
        assert!((200..600).contains(&arabic), "{arabic} Arabic titles");
        assert!(producers.len() > 20, "{} producers", producers.len());
        assert_eq!(generated.json_lines(), generated.json_lines());
        let mut streamed = Vec::new();
        std::io::Read::read_to_end(&mut generated.reader(), &mut streamed).expect("reads");
        assert_eq!(streamed, generated.json_lines());
    }
}
