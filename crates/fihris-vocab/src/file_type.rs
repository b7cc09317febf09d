//! The EU file-type authority table, with openness flags and media types.

use crate::text::key;
use crate::vocabulary::pick_label;
use crate::{LabelLanguage, Vocabulary};

/// Defines [`FileType`] and its metadata accessors from one table.
macro_rules! file_types {
    (
        $(
            $(#[$vmeta:meta])*
            $variant:ident = $code:literal, name = $name:literal, media = $media:expr,
            ext = [$($ext:literal),*], non_proprietary = $np:literal, machine_readable = $mr:literal,
            stars = $stars:literal, eu_2022 = $eu:literal;
        )*
    ) => {
        /// A file type of the EU file-type authority table (`dct:format`), as met on
        /// open-data portals.
        ///
        /// The flags [`is_non_proprietary`](FileType::is_non_proprietary) and
        /// [`is_machine_readable`](FileType::is_machine_readable) are those of the EU table
        /// (version 2022-09-28, `at:op-mapped-code` entries whose `dc:source` is
        /// `is-nonPropExt` / `is-machine-readable`), even where they surprise: ODT, GML and
        /// JPEG carry neither flag, TSV, TXT, HTML, PNG, TIFF, ZIP, GZIP, TAR, DBF and
        /// `WMS_SRVC` are non-proprietary but not machine-readable, XLS, XLSX and SHP are
        /// machine-readable but proprietary. `PARQUET` is absent from that table (newer EU
        /// tables have it): its flags follow the Apache Parquet specification (an open,
        /// documented, columnar format), see [`FileType::in_eu_table_2022`].
        ///
        /// [`stars`](FileType::stars) is the separate 5-star open-data judgement (assuming an
        /// open licence), which does not always agree with the EU flags (TSV and GML get 3).
        ///
        /// ```
        /// use fihris_vocab::{FileType, Vocabulary};
        /// let xlsx = FileType::from_label(" .XLSX ").ok_or("unknown format")?;
        /// assert_eq!(xlsx, FileType::Xlsx);
        /// assert!(xlsx.is_machine_readable() && !xlsx.is_non_proprietary());
        /// assert_eq!(xlsx.stars(), 2);
        /// assert_eq!(
        ///     FileType::from_media_type("text/csv; charset=utf-8"),
        ///     Some(FileType::Csv)
        /// );
        /// assert_eq!(FileType::Csv.iri(), "http://publications.europa.eu/resource/authority/file-type/CSV");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum FileType {
            $(
                $(#[$vmeta])*
                #[doc = concat!($name, " (`", $code, "`).")]
                $variant,
            )*
        }

        impl Vocabulary for FileType {
            const ALL: &'static [Self] = &[$(Self::$variant),*];
            const SCHEME: &'static str = "http://publications.europa.eu/resource/authority/file-type";

            fn iri(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!("http://publications.europa.eu/resource/authority/file-type/", $code),)*
                }
            }

            fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)*
                }
            }

            /// The usual name of the format; the same in every language.
            fn label(self, language: LabelLanguage) -> &'static str {
                let name = match self {
                    $(Self::$variant => $name,)*
                };
                pick_label(language, name, name, name)
            }
        }

        impl FileType {
            /// IANA media type (without parameters), where one is registered or in wide use.
            ///
            /// Two differ from the EU table's `mime-type-cellar` codes: DOCX (the table gives
            /// the type of the package's main part, `…document.main+xml`) and GZIP (the table
            /// gives the legacy `application/x-gzip`; RFC 6713 registers `application/gzip`).
            /// NETCDF's `application/x-netcdf` is the de-facto type the EU table uses.
            #[must_use]
            pub const fn media_type(self) -> Option<&'static str> {
                match self {
                    $(Self::$variant => $media,)*
                }
            }

            /// File-name extensions, lowercase, without the dot, most usual first.
            #[must_use]
            pub const fn extensions(self) -> &'static [&'static str] {
                match self {
                    $(Self::$variant => &[$($ext),*],)*
                }
            }

            /// Whether the EU table flags the type non-proprietary (`is-nonPropExt`).
            #[must_use]
            pub const fn is_non_proprietary(self) -> bool {
                match self {
                    $(Self::$variant => $np,)*
                }
            }

            /// Whether the EU table flags the type machine-readable (`is-machine-readable`).
            #[must_use]
            pub const fn is_machine_readable(self) -> bool {
                match self {
                    $(Self::$variant => $mr,)*
                }
            }

            /// 5-star open-data level of a file of this type under an open licence: 1 for
            /// documents, images and archives of unknown content; 2 for structured data in a
            /// proprietary format (XLS, XLSX, SHP, MDB, DWG…); 3 for structured data in an open
            /// format (CSV, TSV, JSON, XML, GeoJSON, ODS, KML, GPKG, GML, Parquet, WFS…);
            /// 4 for RDF syntaxes. Level 5 (linked to other data) depends on content.
            ///
            /// ```
            /// use fihris_vocab::FileType;
            /// assert_eq!(FileType::Pdf.stars(), 1);
            /// assert_eq!(FileType::Csv.stars(), 3);
            /// assert_eq!(FileType::RdfTurtle.stars(), 4);
            /// ```
            #[must_use]
            pub const fn stars(self) -> u8 {
                match self {
                    $(Self::$variant => $stars,)*
                }
            }

            /// Whether the code is in the EU file-type table of 2022-09-28 kept in the
            /// conformance corpus (only `PARQUET` is not).
            #[must_use]
            pub const fn in_eu_table_2022(self) -> bool {
                match self {
                    $(Self::$variant => $eu,)*
                }
            }
        }
    };
}

file_types! {
    Csv = "CSV", name = "CSV", media = Some("text/csv"), ext = ["csv"],
        non_proprietary = true, machine_readable = true, stars = 3, eu_2022 = true;
    Tsv = "TSV", name = "TSV", media = Some("text/tab-separated-values"), ext = ["tsv", "tab"],
        non_proprietary = true, machine_readable = false, stars = 3, eu_2022 = true;
    Json = "JSON", name = "JSON", media = Some("application/json"), ext = ["json"],
        non_proprietary = true, machine_readable = true, stars = 3, eu_2022 = true;
    GeoJson = "GEOJSON", name = "GeoJSON", media = Some("application/geo+json"), ext = ["geojson"],
        non_proprietary = true, machine_readable = true, stars = 3, eu_2022 = true;
    Xml = "XML", name = "XML", media = Some("application/xml"), ext = ["xml"],
        non_proprietary = true, machine_readable = true, stars = 3, eu_2022 = true;
    RdfXml = "RDF_XML", name = "RDF/XML", media = Some("application/rdf+xml"), ext = ["rdf"],
        non_proprietary = true, machine_readable = true, stars = 4, eu_2022 = true;
    RdfTurtle = "RDF_TURTLE", name = "Turtle", media = Some("text/turtle"), ext = ["ttl"],
        non_proprietary = true, machine_readable = true, stars = 4, eu_2022 = true;
    RdfNTriples = "RDF_N_TRIPLES", name = "N-Triples", media = Some("application/n-triples"), ext = ["nt"],
        non_proprietary = true, machine_readable = true, stars = 4, eu_2022 = true;
    RdfNQuads = "RDF_N_QUADS", name = "N-Quads", media = Some("application/n-quads"), ext = ["nq"],
        non_proprietary = true, machine_readable = true, stars = 4, eu_2022 = true;
    RdfTrig = "RDF_TRIG", name = "TriG", media = Some("application/trig"), ext = ["trig"],
        non_proprietary = true, machine_readable = true, stars = 4, eu_2022 = true;
    JsonLd = "JSON_LD", name = "JSON-LD", media = Some("application/ld+json"), ext = ["jsonld"],
        non_proprietary = true, machine_readable = true, stars = 4, eu_2022 = true;
    Xls = "XLS", name = "Excel (XLS)", media = Some("application/vnd.ms-excel"), ext = ["xls"],
        non_proprietary = false, machine_readable = true, stars = 2, eu_2022 = true;
    Xlsx = "XLSX", name = "Excel (XLSX)", media = Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ext = ["xlsx"],
        non_proprietary = false, machine_readable = true, stars = 2, eu_2022 = true;
    Ods = "ODS", name = "OpenDocument Spreadsheet", media = Some("application/vnd.oasis.opendocument.spreadsheet"), ext = ["ods"],
        non_proprietary = true, machine_readable = true, stars = 3, eu_2022 = true;
    Pdf = "PDF", name = "PDF", media = Some("application/pdf"), ext = ["pdf"],
        non_proprietary = false, machine_readable = false, stars = 1, eu_2022 = true;
    Doc = "DOC", name = "Word (DOC)", media = Some("application/msword"), ext = ["doc"],
        non_proprietary = false, machine_readable = false, stars = 1, eu_2022 = true;
    Docx = "DOCX", name = "Word (DOCX)", media = Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), ext = ["docx"],
        non_proprietary = false, machine_readable = false, stars = 1, eu_2022 = true;
    /// The EU table flags it neither non-proprietary nor machine-readable.
    Odt = "ODT", name = "OpenDocument Text", media = Some("application/vnd.oasis.opendocument.text"), ext = ["odt"],
        non_proprietary = false, machine_readable = false, stars = 1, eu_2022 = true;
    Rtf = "RTF", name = "RTF", media = Some("text/rtf"), ext = ["rtf"],
        non_proprietary = true, machine_readable = false, stars = 1, eu_2022 = true;
    Txt = "TXT", name = "Text", media = Some("text/plain"), ext = ["txt"],
        non_proprietary = true, machine_readable = false, stars = 1, eu_2022 = true;
    Html = "HTML", name = "HTML", media = Some("text/html"), ext = ["html", "htm"],
        non_proprietary = true, machine_readable = false, stars = 1, eu_2022 = true;
    Zip = "ZIP", name = "ZIP", media = Some("application/zip"), ext = ["zip"],
        non_proprietary = true, machine_readable = false, stars = 1, eu_2022 = true;
    Rar = "RAR", name = "RAR", media = Some("application/vnd.rar"), ext = ["rar"],
        non_proprietary = false, machine_readable = false, stars = 1, eu_2022 = true;
    SevenZ = "7Z", name = "7z", media = Some("application/x-7z-compressed"), ext = ["7z"],
        non_proprietary = false, machine_readable = false, stars = 1, eu_2022 = true;
    Gzip = "GZIP", name = "GZIP", media = Some("application/gzip"), ext = ["gz"],
        non_proprietary = true, machine_readable = false, stars = 1, eu_2022 = true;
    Tar = "TAR", name = "TAR", media = Some("application/x-tar"), ext = ["tar"],
        non_proprietary = true, machine_readable = false, stars = 1, eu_2022 = true;
    Ppt = "PPT", name = "PowerPoint (PPT)", media = Some("application/vnd.ms-powerpoint"), ext = ["ppt"],
        non_proprietary = false, machine_readable = false, stars = 1, eu_2022 = true;
    Pptx = "PPTX", name = "PowerPoint (PPTX)", media = Some("application/vnd.openxmlformats-officedocument.presentationml.presentation"), ext = ["pptx"],
        non_proprietary = false, machine_readable = false, stars = 1, eu_2022 = true;
    Jpeg = "JPEG", name = "JPEG", media = Some("image/jpeg"), ext = ["jpg", "jpeg"],
        non_proprietary = false, machine_readable = false, stars = 1, eu_2022 = true;
    Png = "PNG", name = "PNG", media = Some("image/png"), ext = ["png"],
        non_proprietary = true, machine_readable = false, stars = 1, eu_2022 = true;
    Tiff = "TIFF", name = "TIFF", media = Some("image/tiff"), ext = ["tif", "tiff"],
        non_proprietary = true, machine_readable = false, stars = 1, eu_2022 = true;
    /// Shares `.tif`/`.tiff` with TIFF: [`FileType::from_extension`] gives TIFF for those.
    GeoTiff = "GEOTIFF", name = "GeoTIFF", media = Some("image/tiff"), ext = ["geotiff"],
        non_proprietary = false, machine_readable = false, stars = 1, eu_2022 = true;
    Shp = "SHP", name = "Esri Shapefile", media = None, ext = ["shp", "shx"],
        non_proprietary = false, machine_readable = true, stars = 2, eu_2022 = true;
    Kml = "KML", name = "KML", media = Some("application/vnd.google-earth.kml+xml"), ext = ["kml"],
        non_proprietary = true, machine_readable = true, stars = 3, eu_2022 = true;
    Kmz = "KMZ", name = "KMZ", media = Some("application/vnd.google-earth.kmz"), ext = ["kmz"],
        non_proprietary = true, machine_readable = true, stars = 3, eu_2022 = true;
    Gpkg = "GPKG", name = "GeoPackage", media = Some("application/geopackage+sqlite3"), ext = ["gpkg"],
        non_proprietary = true, machine_readable = true, stars = 3, eu_2022 = true;
    /// The EU table flags it neither non-proprietary nor machine-readable (its extension
    /// entry is the single malformed string `.gml .xml`); it is an open OGC standard, hence 3 stars.
    Gml = "GML", name = "GML", media = Some("application/gml+xml"), ext = ["gml"],
        non_proprietary = false, machine_readable = false, stars = 3, eu_2022 = true;
    Dbf = "DBF", name = "dBase", media = None, ext = ["dbf"],
        non_proprietary = true, machine_readable = false, stars = 2, eu_2022 = true;
    Mdb = "MDB", name = "Access (MDB)", media = None, ext = ["mdb"],
        non_proprietary = false, machine_readable = false, stars = 2, eu_2022 = true;
    Sql = "SQL", name = "SQL", media = Some("application/sql"), ext = ["sql"],
        non_proprietary = false, machine_readable = false, stars = 3, eu_2022 = true;
    Dwg = "DWG", name = "AutoCAD DWG", media = Some("image/vnd.dwg"), ext = ["dwg"],
        non_proprietary = false, machine_readable = false, stars = 2, eu_2022 = true;
    Dxf = "DXF", name = "AutoCAD DXF", media = Some("image/vnd.dxf"), ext = ["dxf"],
        non_proprietary = false, machine_readable = false, stars = 2, eu_2022 = true;
    NetCdf = "NETCDF", name = "NetCDF", media = Some("application/x-netcdf"), ext = ["nc", "cdf"],
        non_proprietary = true, machine_readable = true, stars = 3, eu_2022 = true;
    /// Absent from the 2022 EU table; code of newer EU tables; flags from the Apache
    /// Parquet specification (open and machine-readable); media type registered at IANA in 2024.
    Parquet = "PARQUET", name = "Apache Parquet", media = Some("application/vnd.apache.parquet"), ext = ["parquet"],
        non_proprietary = true, machine_readable = true, stars = 3, eu_2022 = false;
    /// OGC Web Map Service: serves map images, hence 1 star.
    WmsSrvc = "WMS_SRVC", name = "WMS", media = None, ext = [],
        non_proprietary = true, machine_readable = false, stars = 1, eu_2022 = true;
    /// OGC Web Feature Service: serves features (GML, GeoJSON), hence 3 stars, though the
    /// EU table flags it neither way.
    WfsSrvc = "WFS_SRVC", name = "WFS", media = None, ext = [],
        non_proprietary = false, machine_readable = false, stars = 3, eu_2022 = true;
}

/// Media types in use besides the IANA ones [`FileType::media_type`] gives.
const MEDIA_TYPE_ALIASES: &[(&str, FileType)] = &[
    ("application/csv", FileType::Csv),
    ("text/comma-separated-values", FileType::Csv),
    ("text/x-csv", FileType::Csv),
    ("text/tsv", FileType::Tsv),
    ("text/json", FileType::Json),
    ("application/vnd.geo+json", FileType::GeoJson),
    ("text/xml", FileType::Xml),
    ("application/x-turtle", FileType::RdfTurtle),
    ("application/rdf+xml;type=skos", FileType::RdfXml),
    ("application/x-msexcel", FileType::Xls),
    ("application/excel", FileType::Xls),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        FileType::Docx,
    ),
    ("application/rtf", FileType::Rtf),
    ("application/x-zip-compressed", FileType::Zip),
    ("application/x-rar-compressed", FileType::Rar),
    ("application/x-gzip", FileType::Gzip),
    ("image/jpg", FileType::Jpeg),
    ("image/tiff-fx", FileType::Tiff),
    ("application/x-shapefile", FileType::Shp),
    ("application/x-esri-shape", FileType::Shp),
    ("application/vnd.shp", FileType::Shp),
    ("application/x-dbf", FileType::Dbf),
    ("application/dbf", FileType::Dbf),
    ("application/x-msaccess", FileType::Mdb),
    ("application/vnd.ms-access", FileType::Mdb),
    ("application/x-sql", FileType::Sql),
    ("application/acad", FileType::Dwg),
    ("image/x-dwg", FileType::Dwg),
    ("image/x-dxf", FileType::Dxf),
    ("application/dxf", FileType::Dxf),
    ("application/netcdf", FileType::NetCdf),
    ("application/x-parquet", FileType::Parquet),
];

/// What CKAN users type in the format field, as comparison keys (see `text::key`).
const LABEL_ALIASES: &[(&str, FileType)] = &[
    ("excel", FileType::Xlsx),
    ("ms excel", FileType::Xlsx),
    ("microsoft excel", FileType::Xlsx),
    ("shapefile", FileType::Shp),
    ("esri shapefile", FileType::Shp),
    ("shape", FileType::Shp),
    ("shp zip", FileType::Shp),
    ("turtle", FileType::RdfTurtle),
    ("ntriples", FileType::RdfNTriples),
    ("n triples", FileType::RdfNTriples),
    ("nquads", FileType::RdfNQuads),
    ("n quads", FileType::RdfNQuads),
    ("json ld", FileType::JsonLd),
    ("rdf xml", FileType::RdfXml),
    ("rdf", FileType::RdfXml),
    ("text", FileType::Txt),
    ("texte", FileType::Txt),
    ("plain text", FileType::Txt),
    ("word", FileType::Docx),
    ("ms word", FileType::Docx),
    ("powerpoint", FileType::Pptx),
    ("access", FileType::Mdb),
    ("ms access", FileType::Mdb),
    ("geopackage", FileType::Gpkg),
    ("wms", FileType::WmsSrvc),
    ("wfs", FileType::WfsSrvc),
    ("7zip", FileType::SevenZ),
    ("7 zip", FileType::SevenZ),
    ("jpg", FileType::Jpeg),
    ("web page", FileType::Html),
    ("page web", FileType::Html),
    ("autocad", FileType::Dwg),
    ("dbase", FileType::Dbf),
];

impl FileType {
    /// File type from a file-name extension, ASCII case-insensitive, with or without the
    /// leading dot (`"XLSX"`, `".csv"`). A file name is not an extension: use
    /// `Path::extension` first.
    ///
    /// ```
    /// use fihris_vocab::FileType;
    /// assert_eq!(FileType::from_extension(".GeoJSON"), Some(FileType::GeoJson));
    /// ```
    #[must_use]
    pub fn from_extension(extension: &str) -> Option<Self> {
        let extension = extension.trim();
        let extension = extension.strip_prefix('.').unwrap_or(extension);
        Self::ALL.iter().copied().find(|t| {
            t.extensions()
                .iter()
                .any(|e| e.eq_ignore_ascii_case(extension))
        })
    }

    /// File type from a media type, ignoring parameters (`;charset=utf-8`) and ASCII case;
    /// accepts the IANA type and common legacy spellings (`application/x-gzip`,
    /// `application/x-zip-compressed`, `text/xml`, …).
    ///
    /// ```
    /// use fihris_vocab::FileType;
    /// assert_eq!(
    ///     FileType::from_media_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ///     Some(FileType::Xlsx)
    /// );
    /// assert_eq!(FileType::from_media_type("Application/PDF;type=pdf1x"), Some(FileType::Pdf));
    /// ```
    #[must_use]
    pub fn from_media_type(media_type: &str) -> Option<Self> {
        let lower = media_type.trim().to_ascii_lowercase();
        if let Some(&(_, t)) = MEDIA_TYPE_ALIASES.iter().find(|(m, _)| *m == lower) {
            return Some(t);
        }
        let essence = lower.split(';').next().unwrap_or_default().trim();
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.media_type() == Some(essence))
            .or_else(|| {
                MEDIA_TYPE_ALIASES
                    .iter()
                    .find(|(m, _)| *m == essence)
                    .map(|&(_, t)| t)
            })
    }

    /// File type from what people type in a CKAN format field: trims whitespace, strips
    /// a leading dot, ignores case; accepts EU codes (`RDF_TURTLE`), extensions, media
    /// types, EU file-type IRIs, IANA media-type IRIs
    /// (`http://www.iana.org/assignments/media-types/text/csv`) and common names
    /// (`Excel`, `GeoJSON`, `Shapefile`, `esri shapefile`, `turtle`, `ntriples`,
    /// `json-ld`, `rdf/xml`, `text`). `Excel` gives XLSX (the flags of XLS are the same).
    ///
    /// ```
    /// use fihris_vocab::FileType;
    /// assert_eq!(FileType::from_label("xlsx "), Some(FileType::Xlsx));
    /// assert_eq!(FileType::from_label("Esri Shapefile"), Some(FileType::Shp));
    /// assert_eq!(
    ///     FileType::from_label("http://www.iana.org/assignments/media-types/text/csv"),
    ///     Some(FileType::Csv)
    /// );
    /// ```
    #[must_use]
    pub fn from_label(label: &str) -> Option<Self> {
        let label = label.trim();
        if label.is_empty() {
            return None;
        }
        let lower = label.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return Self::from_iri_lenient(label);
        }
        let bare = label.strip_prefix('.').unwrap_or(label);
        if let Some(t) = Self::from_code(bare).or_else(|| Self::from_extension(bare)) {
            return Some(t);
        }
        if bare.contains('/')
            && let Some(t) = Self::from_media_type(bare)
        {
            return Some(t);
        }
        let wanted = key(bare);
        Self::ALL
            .iter()
            .copied()
            .find(|t| key(t.code()) == wanted || key(t.label(LabelLanguage::En)) == wanted)
            .or_else(|| {
                LABEL_ALIASES
                    .iter()
                    .find(|(alias, _)| *alias == wanted)
                    .map(|&(_, t)| t)
            })
    }

    /// EU file-type IRI (either scheme, any case of the code) or IANA media-type IRI.
    fn from_iri_lenient(iri: &str) -> Option<Self> {
        let rest = iri.split_once("://").map(|(_, rest)| rest)?;
        let rest = rest.strip_prefix("www.").unwrap_or(rest);
        if let Some(code) =
            rest.strip_prefix("publications.europa.eu/resource/authority/file-type/")
        {
            return Self::from_code(code.trim_end_matches('/'));
        }
        if let Some(media_type) = rest.strip_prefix("iana.org/assignments/media-types/") {
            return Self::from_media_type(media_type.trim_end_matches('/'));
        }
        None
    }
}

impl std::fmt::Display for FileType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_flags() {
        assert!(!FileType::Pdf.is_non_proprietary() && !FileType::Pdf.is_machine_readable());
        assert!(!FileType::Xlsx.is_non_proprietary() && FileType::Xlsx.is_machine_readable());
        assert!(FileType::Csv.is_non_proprietary() && FileType::Csv.is_machine_readable());
    }

    #[test]
    fn round_trips() {
        for &t in FileType::ALL {
            assert_eq!(FileType::from_iri(t.iri()), Some(t));
            assert_eq!(FileType::from_code(t.code()), Some(t));
            assert_eq!(FileType::from_label(t.code()), Some(t), "{t}");
            assert_eq!(FileType::from_label(t.iri()), Some(t));
            if let Some(ext) = t.extensions().first() {
                assert_eq!(ext.to_ascii_lowercase(), *ext);
                assert!(!ext.starts_with('.'));
                let found = FileType::from_extension(ext);
                assert!(found == Some(t) || t == FileType::GeoTiff, "{t}");
            }
            if let Some(m) = t.media_type() {
                assert!(!m.contains(';'));
                let found = FileType::from_media_type(m);
                assert!(found == Some(t) || t == FileType::GeoTiff, "{t}");
            }
            assert!((1..=4).contains(&t.stars()));
        }
    }

    #[test]
    fn labels_typed_by_users() {
        for (label, expected) in [
            ("xlsx ", FileType::Xlsx),
            (" .csv", FileType::Csv),
            ("Excel", FileType::Xlsx),
            ("GeoJSON", FileType::GeoJson),
            ("Shapefile", FileType::Shp),
            ("esri shapefile", FileType::Shp),
            ("turtle", FileType::RdfTurtle),
            ("ntriples", FileType::RdfNTriples),
            ("N-Triples", FileType::RdfNTriples),
            ("json-ld", FileType::JsonLd),
            ("rdf/xml", FileType::RdfXml),
            ("text", FileType::Txt),
            ("text/csv", FileType::Csv),
            ("application/vnd.ms-excel", FileType::Xls),
            (
                "https://www.iana.org/assignments/media-types/application/json",
                FileType::Json,
            ),
            (
                "http://publications.europa.eu/resource/authority/file-type/xlsx",
                FileType::Xlsx,
            ),
            ("rdf_turtle", FileType::RdfTurtle),
            ("7z", FileType::SevenZ),
        ] {
            assert_eq!(FileType::from_label(label), Some(expected), "{label}");
        }
        for label in ["", "  ", "foo", "http://example.org/csv"] {
            assert_eq!(FileType::from_label(label), None, "{label}");
        }
    }

    #[test]
    fn media_types_with_parameters() {
        assert_eq!(
            FileType::from_media_type("TEXT/CSV ; charset=UTF-8"),
            Some(FileType::Csv)
        );
        assert_eq!(
            FileType::from_media_type("application/x-gzip"),
            Some(FileType::Gzip)
        );
        assert_eq!(FileType::from_media_type("application/unknown"), None);
    }

    #[test]
    fn stars() {
        assert_eq!(FileType::Xls.stars(), 2);
        assert_eq!(FileType::Shp.stars(), 2);
        assert_eq!(FileType::Tsv.stars(), 3);
        assert_eq!(FileType::JsonLd.stars(), 4);
        assert_eq!(FileType::Zip.stars(), 1);
    }
}
