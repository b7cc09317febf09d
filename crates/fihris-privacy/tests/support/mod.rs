//! Deterministic generators of realistic Moroccan open-data tables with planted personal data.

/// A small deterministic generator (xorshift64*), enough for test data.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    pub(crate) fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    pub(crate) fn letter(&mut self) -> char {
        char::from(b'A' + self.below(26) as u8)
    }
}

/// Appends the mod-97 key (RIB, ICE) to digits.
pub(crate) fn with_key(digits: &str) -> String {
    let rest = digits.bytes().fold(0u64, |rest, digit| {
        (rest * 10 + u64::from(digit - b'0')) % 97
    });
    format!("{digits}{:02}", 97 - (rest * 100) % 97)
}

/// A Moroccan IBAN around a RIB.
pub(crate) fn iban(rib: &str) -> String {
    let rearranged = format!("{rib}221000"); // "MA00": M = 22, A = 10
    let rest = rearranged.bytes().fold(0u64, |rest, digit| {
        (rest * 10 + u64::from(digit - b'0')) % 97
    });
    format!("MA{:02}{rib}", 98 - rest)
}

pub(crate) const REGIONS: &[&str] = &[
    "Tanger-Tétouan-Al Hoceïma",
    "L'Oriental",
    "Fès-Meknès",
    "Rabat-Salé-Kénitra",
    "Béni Mellal-Khénifra",
    "Casablanca-Settat",
    "Marrakech-Safi",
    "Drâa-Tafilalet",
    "Souss-Massa",
];
pub(crate) const COMMUNES: &[&str] = &[
    "Agdal Riyad",
    "Hay Hassani",
    "Sidi Bennour",
    "Ben Ahmed",
    "Sidi Ali Ben Hamdouche",
    "Moulay Yacoub",
    "Ain Sebaa",
    "Tiznit",
    "Ouarzazate",
    "Khouribga",
];
pub(crate) const FIRST_NAMES: &[&str] = &[
    "Fatima", "Youssef", "Khadija", "Mohammed", "Amina", "Hamza", "Salma", "Omar", "Meryem",
    "Rachid", "Zineb", "Anas",
];
pub(crate) const FAMILY_NAMES: &[&str] = &[
    "Alaoui",
    "Bennani",
    "El Idrissi",
    "Tazi",
    "Berrada",
    "Chraibi",
    "Amrani",
    "Ouazzani",
    "Belkadi",
    "Ziani",
];
pub(crate) const AR_FIRST_NAMES: &[&str] =
    &["محمد", "فاطمة", "يوسف", "خديجة", "أمينة", "حمزة", "سلمى"];
pub(crate) const AR_FAMILY_NAMES: &[&str] =
    &["العلوي", "بناني", "الإدريسي", "التازي", "الفاسي", "الزياني"];

/// One planted value of each personal kind, plus realistic statistical columns.
pub(crate) struct Table {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
    /// (column, rule id) of every planted column.
    pub(crate) planted: Vec<(String, &'static str)>,
    /// Every personal value written, to check nothing leaks.
    pub(crate) personal_values: Vec<String>,
}

impl Table {
    pub(crate) fn to_csv(&self, delimiter: char) -> String {
        let mut out = String::new();
        let line = |cells: &[String]| {
            cells
                .iter()
                .map(|cell| {
                    if cell.contains(delimiter) || cell.contains('"') {
                        format!("\"{}\"", cell.replace('"', "\"\""))
                    } else {
                        cell.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(&delimiter.to_string())
        };
        out.push_str(&line(&self.header));
        out.push('\n');
        for row in &self.rows {
            out.push_str(&line(row));
            out.push('\n');
        }
        out
    }
}

/// Header labels of a beneficiaries table, in French or Arabic.
pub(crate) struct Labels {
    pub(crate) family: &'static str,
    pub(crate) first: &'static str,
    pub(crate) cin: &'static str,
    pub(crate) phone: &'static str,
    pub(crate) email: &'static str,
    pub(crate) rib: &'static str,
    pub(crate) iban: &'static str,
    pub(crate) massar: &'static str,
    pub(crate) cnss: &'static str,
    pub(crate) passport: &'static str,
    pub(crate) birth: &'static str,
    pub(crate) address: &'static str,
    pub(crate) region: &'static str,
    pub(crate) commune: &'static str,
    pub(crate) year: &'static str,
    pub(crate) postcode: &'static str,
    pub(crate) amount: &'static str,
    pub(crate) rate: &'static str,
    pub(crate) area: &'static str,
    pub(crate) population: &'static str,
    pub(crate) id: &'static str,
}

pub(crate) const FRENCH: Labels = Labels {
    family: "Nom",
    first: "Prénom",
    cin: "N° CIN",
    phone: "Téléphone",
    email: "Email",
    rib: "RIB",
    iban: "IBAN",
    massar: "Code Massar",
    cnss: "N° immatriculation CNSS",
    passport: "N° passeport",
    birth: "Date de naissance",
    address: "Adresse",
    region: "Région",
    commune: "Commune",
    year: "Année",
    postcode: "Code postal",
    amount: "Montant (DH)",
    rate: "Taux de réalisation (%)",
    area: "Superficie (ha)",
    population: "Population de la commune",
    id: "N° dossier",
};

pub(crate) const ARABIC: Labels = Labels {
    family: "النسب",
    first: "الاسم الشخصي",
    cin: "رقم البطاقة الوطنية",
    phone: "الهاتف",
    email: "البريد الإلكتروني",
    rib: "رقم الحساب البنكي",
    iban: "IBAN",
    massar: "رمز مسار",
    cnss: "رقم الضمان الاجتماعي",
    passport: "رقم جواز السفر",
    birth: "تاريخ الازدياد",
    address: "العنوان",
    region: "الجهة",
    commune: "الجماعة",
    year: "السنة",
    postcode: "الرمز البريدي",
    amount: "المبلغ (درهم)",
    rate: "نسبة الإنجاز",
    area: "المساحة (هكتار)",
    population: "ساكنة الجماعة",
    id: "رقم الملف",
};

/// A beneficiaries table: every personal kind planted, statistical columns around them.
pub(crate) fn beneficiaries(
    rng: &mut Rng,
    rows: usize,
    labels: &Labels,
    arabic_names: bool,
) -> Table {
    let header: Vec<String> = [
        labels.id,
        labels.region,
        labels.commune,
        labels.family,
        labels.first,
        labels.cin,
        labels.phone,
        labels.email,
        labels.rib,
        labels.iban,
        labels.massar,
        labels.cnss,
        labels.passport,
        labels.birth,
        labels.address,
        labels.year,
        labels.postcode,
        labels.amount,
        labels.rate,
        labels.area,
        labels.population,
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let planted = vec![
        (labels.family.to_owned(), "privacy.person-name"),
        (labels.first.to_owned(), "privacy.person-name"),
        (labels.cin.to_owned(), "privacy.cin"),
        (labels.phone.to_owned(), "privacy.phone"),
        (labels.email.to_owned(), "privacy.email"),
        (labels.rib.to_owned(), "privacy.rib"),
        (labels.iban.to_owned(), "privacy.iban"),
        (labels.massar.to_owned(), "privacy.massar"),
        (labels.cnss.to_owned(), "privacy.cnss"),
        (labels.passport.to_owned(), "privacy.passport"),
        (labels.birth.to_owned(), "privacy.birth-date"),
        (labels.address.to_owned(), "privacy.address"),
    ];
    let mut table = Table {
        header,
        rows: Vec::new(),
        planted,
        personal_values: Vec::new(),
    };
    for index in 0..rows {
        let (family, first) = if arabic_names {
            (rng.pick(AR_FAMILY_NAMES), rng.pick(AR_FIRST_NAMES))
        } else {
            (rng.pick(FAMILY_NAMES), rng.pick(FIRST_NAMES))
        };
        let cin = format!("{}{}{}", rng.letter(), rng.letter(), rng.digits(6));
        let phone = if rng.below(2) == 0 {
            format!("06{}", rng.digits(8))
        } else {
            format!("+212 7{}", rng.digits(8))
        };
        let email = format!(
            "{}.{}{}@gmail.com",
            rng.pick(FIRST_NAMES).to_lowercase(),
            rng.pick(&["alaoui", "tazi", "bennani"]),
            rng.below(100)
        );
        let rib = with_key(&format!("0{}", rng.digits(21)));
        let iban = iban(&with_key(&format!("2{}", rng.digits(21))));
        let massar = format!("{}1{}", rng.letter(), rng.digits(8));
        let cnss = rng.digits(9);
        let passport = format!("{}{}{}", rng.letter(), rng.letter(), rng.digits(7));
        let birth = format!(
            "{:02}/{:02}/{}",
            1 + rng.below(28),
            1 + rng.below(12),
            1950 + rng.below(55)
        );
        let address = format!(
            "{} {} {}, {}",
            1 + rng.below(200),
            rng.pick(&["rue", "avenue", "Bd", "lot"]),
            rng.pick(&["Ibn Sina", "Al Massira", "Hassan II", "Annasr"]),
            rng.pick(COMMUNES)
        );
        table.personal_values.extend([
            cin.clone(),
            phone.clone(),
            email.clone(),
            rib.clone(),
            iban.clone(),
            massar.clone(),
            cnss.clone(),
            passport.clone(),
            birth.clone(),
            address.clone(),
        ]);
        let row = vec![
            format!("{}", 10_000 + index),
            rng.pick(REGIONS).to_owned(),
            rng.pick(COMMUNES).to_owned(),
            family.to_owned(),
            first.to_owned(),
            cin,
            phone,
            email,
            rib,
            iban,
            massar,
            cnss,
            passport,
            birth,
            address,
            format!("{}", 2015 + rng.below(10)),
            format!("{}", 10_000 + rng.below(90) * 1000),
            format!("{}.{:02}", 1000 + rng.below(90_000), rng.below(100)),
            format!("{},{}", rng.below(100), rng.below(10)),
            format!("{}.{:04}", rng.below(500), rng.below(10_000)),
            format!("{}", 5_000 + rng.below(900_000)),
        ];
        table.rows.push(row);
    }
    table
}

/// Realistic statistical tables with no personal data: aggregates, indicators, amounts.
pub(crate) fn statistical_tables(rng: &mut Rng) -> Vec<(&'static str, String)> {
    let mut tables = Vec::new();

    let mut csv = String::from("Région;Province;Année;Sexe;Tranche d'âge;Effectif\n");
    for region in REGIONS {
        for year in 2019..2024 {
            for sex in ["Masculin", "Féminin"] {
                for age in ["0-14", "15-24", "25-59", "60+"] {
                    csv.push_str(&format!(
                        "{region};{};{year};{sex};{age};{}\n",
                        rng.pick(COMMUNES),
                        50 + rng.below(100_000)
                    ));
                }
            }
        }
    }
    tables.push(("population par sexe et âge", csv));

    let mut csv = String::from(
        "code_commune,commune,population_2014,menages_2014,taux_urbanisation,superficie_km2,code_postal\n",
    );
    for (index, commune) in COMMUNES.iter().enumerate() {
        csv.push_str(&format!(
            "{:03}.{:02}.{:02},{commune},{},{},{}.{},{}.{:04},{}\n",
            rng.below(999),
            rng.below(99),
            index,
            1000 + rng.below(1_000_000),
            200 + rng.below(200_000),
            rng.below(100),
            rng.below(10),
            rng.below(5000),
            rng.below(10_000),
            10_000 + rng.below(90) * 1000,
        ));
    }
    tables.push(("recensement", csv));

    let mut csv = String::from("Indicateur\t2019\t2020\t2021\t2022\tUnité\n");
    for indicator in [
        "PIB (millions DH)",
        "Taux de chômage",
        "Exportations",
        "Importations",
        "Recettes fiscales",
    ] {
        csv.push_str(&format!(
            "{indicator}\t{}\t{}\t{}\t{}\tMDH\n",
            rng.digits(6),
            rng.digits(7),
            rng.digits(9),
            rng.digits(10),
        ));
    }
    tables.push(("indicateurs", csv));

    let mut csv =
        String::from("الجهة|السنة|عدد التلاميذ|عدد المؤسسات|نسبة النجاح|الميزانية (درهم)\n");
    for region in REGIONS {
        for year in 2018..2024 {
            csv.push_str(&format!(
                "{region}|{year}|{}|{}|{}.{}|{}.{:02}\n",
                1000 + rng.below(500_000),
                10 + rng.below(900),
                40 + rng.below(60),
                rng.below(10),
                rng.digits(9),
                rng.below(100),
            ));
        }
    }
    tables.push(("التعليم", csv));

    let mut csv =
        String::from("Date,Station,Température moyenne,Précipitations (mm),Vent (km/h)\n");
    for day in 1..=28 {
        csv.push_str(&format!(
            "2024-02-{day:02},{},{}.{},{}.{},{}\n",
            rng.pick(&[
                "Rabat-Salé",
                "Casablanca-Anfa",
                "Ifrane",
                "Agadir Al Massira"
            ]),
            5 + rng.below(20),
            rng.below(10),
            rng.below(50),
            rng.below(10),
            rng.below(90)
        ));
    }
    tables.push(("météo", csv));

    let mut csv = String::from(
        "Numéro de marché;Objet;Montant TTC;Date d'ouverture des plis;Nombre de soumissionnaires\n",
    );
    for index in 0..30 {
        csv.push_str(&format!(
            "{}/2023;Travaux d'aménagement de la route provinciale {};{} {:03},{:02};{:02}/{:02}/2023;{}\n",
            index + 1,
            rng.below(900),
            rng.below(9_000),
            rng.below(1000),
            rng.below(100),
            1 + rng.below(28),
            1 + rng.below(12),
            3 + rng.below(12),
        ));
    }
    tables.push(("marchés publics", csv));

    tables
}
