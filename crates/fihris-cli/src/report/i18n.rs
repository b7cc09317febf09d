//! The report's labels in French, Arabic and English.

use clap::ValueEnum;
use fihris_vocab::LabelLanguage;

/// Language of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// French (default).
    Fr,
    /// Arabic, right-to-left layout.
    Ar,
    /// English.
    En,
}

impl Lang {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::Fr => "fr",
            Self::Ar => "ar",
            Self::En => "en",
        }
    }

    pub(crate) fn rtl(self) -> bool {
        self == Self::Ar
    }

    pub(crate) fn vocab(self) -> LabelLanguage {
        match self {
            Self::Fr => LabelLanguage::Fr,
            Self::Ar => LabelLanguage::Ar,
            Self::En => LabelLanguage::En,
        }
    }

    /// A percentage with one decimal, as each language writes it.
    pub(crate) fn percent(self, share: Option<f64>) -> String {
        let Some(share) = share else {
            return "—".to_owned();
        };
        let value = format!("{:.1}", share * 100.0);
        match self {
            Self::Fr => format!("{}\u{a0}%", value.replace('.', ",")),
            Self::Ar | Self::En => format!("{value}%"),
        }
    }

    /// A decimal number with one decimal.
    pub(crate) fn decimal(self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self {
            Self::Fr => text.replace('.', ","),
            Self::Ar | Self::En => text,
        }
    }

    /// An integer with thousands separators.
    pub(crate) fn integer(self, value: u64) -> String {
        let digits = value.to_string();
        let separator = match self {
            Self::Fr => "\u{202f}",
            Self::Ar | Self::En => ",",
        };
        let mut out = String::new();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(digit);
        }
        out
    }

    /// The label of a key.
    #[expect(clippy::too_many_lines, reason = "a translation table")]
    pub(crate) fn t(self, key: &str) -> &'static str {
        let (fr, ar, en) = match key {
            "title" => (
                "Rapport de suivi des données ouvertes",
                "تقرير تتبع البيانات المفتوحة",
                "Open data monitoring report",
            ),
            "as_of" => ("Situation au", "الوضعية بتاريخ", "As of"),
            "datasets" => ("Jeux de données", "مجموعات البيانات", "Datasets"),
            "distributions" => ("Ressources", "الموارد", "Distributions"),
            "producers" => ("Producteurs", "المنتجون", "Producers"),
            "open_format" => (
                "Format ouvert et lisible par machine",
                "صيغة مفتوحة قابلة للقراءة الآلية",
                "Open machine-readable format",
            ),
            "open_licence" => ("Licence ouverte", "رخصة مفتوحة", "Open licence"),
            "coverage" => (
                "Couverture de l’inventaire",
                "نسبة تغطية الجرد",
                "Inventory coverage",
            ),
            "coverage_note" => (
                "publiés / (publiés + planifiés)",
                "المنشورة / (المنشورة + المبرمجة)",
                "published / (published + planned)",
            ),
            "of_datasets_with_distribution" => (
                "des jeux ayant une ressource",
                "من المجموعات التي لها مورد",
                "of datasets with a distribution",
            ),
            "up_to_date" => ("À jour", "محينة", "Up to date"),
            "overdue" => ("En retard", "متأخرة", "Overdue"),
            "unknown_frequency" => (
                "Fréquence inconnue",
                "وتيرة غير معروفة",
                "Unknown frequency",
            ),
            "undated" => ("Non datés", "غير مؤرخة", "Undated"),
            "yes" => ("Oui", "نعم", "Yes"),
            "no" => ("Non", "لا", "No"),
            "by_theme" => (
                "Jeux de données par thème",
                "مجموعات البيانات حسب الموضوع",
                "Datasets by theme",
            ),
            "by_eu_theme" => (
                "Jeux de données par thème européen (DCAT-AP)",
                "مجموعات البيانات حسب الموضوع الأوروبي (DCAT-AP)",
                "Datasets by EU data theme (DCAT-AP)",
            ),
            "themes_without" => (
                "Thèmes sans jeu de données",
                "مواضيع بدون مجموعات بيانات",
                "Themes without any dataset",
            ),
            "none_left" => ("Aucun.", "لا شيء.", "None."),
            "by_producer" => (
                "Jeux de données par producteur",
                "مجموعات البيانات حسب المنتج",
                "Datasets by producer",
            ),
            "format_mix" => (
                "Formats des ressources",
                "صيغ الموارد",
                "Format mix of distributions",
            ),
            "stars" => (
                "Niveau 5 étoiles des jeux de données",
                "مستوى النجوم الخمس لمجموعات البيانات",
                "5-star level of datasets",
            ),
            "star_0" => (
                "0 (licence fermée)",
                "0 (رخصة غير مفتوحة)",
                "0 (no open licence)",
            ),
            "openness" => ("Ouverture", "الانفتاح", "Openness"),
            "freshness" => (
                "Fraîcheur des jeux publiés",
                "حداثة المجموعات المنشورة",
                "Freshness of published datasets",
            ),
            "status" => ("Statut de publication", "وضعية النشر", "Publication status"),
            "unspecified" => ("Non précisé", "غير محدد", "Unspecified"),
            "per_month" => (
                "Publications par mois (24 derniers mois)",
                "المنشورات حسب الشهر (آخر 24 شهرا)",
                "Publications per month (last 24 months)",
            ),
            "quality" => (
                "Qualité des métadonnées (bandes MQA)",
                "جودة البيانات الوصفية (فئات MQA)",
                "Metadata quality (MQA bands)",
            ),
            "excellent" => ("Excellente", "ممتازة", "Excellent"),
            "good" => ("Bonne", "جيدة", "Good"),
            "sufficient" => ("Suffisante", "كافية", "Sufficient"),
            "bad" => ("Insuffisante", "ضعيفة", "Bad"),
            "quality_missing" => (
                "Aucun score de qualité fourni.",
                "لم تقدم أي درجة للجودة.",
                "No quality scores supplied.",
            ),
            "mean_score" => ("Score moyen", "متوسط النقاط", "Mean score"),
            "scorecard" => (
                "Tableau de bord des producteurs",
                "لوحة قيادة المنتجين",
                "Producer scorecard",
            ),
            "sort_hint" => (
                "Cliquez sur un en-tête de colonne pour trier.",
                "انقر على رأس العمود للترتيب.",
                "Click a column header to sort.",
            ),
            "rank" => ("Rang", "الرتبة", "Rank"),
            "producer" => ("Producteur", "المنتج", "Producer"),
            "published" => ("Publiés", "منشورة", "Published"),
            "planned" => ("Planifiés", "مبرمجة", "Planned"),
            "open_format_col" => ("Format ouvert", "صيغة مفتوحة", "Open format"),
            "open_licence_col" => ("Licence ouverte", "رخصة مفتوحة", "Open licence"),
            "quality_col" => ("Qualité", "الجودة", "Quality"),
            "last_publication" => ("Dernière publication", "آخر نشر", "Last publication"),
            "personal_data" => ("Données personnelles", "بيانات شخصية", "Personal data"),
            "personal_note" => (
                "présentes / anonymisées / non déclarées",
                "موجودة / مجهولة الهوية / غير مصرح بها",
                "present / anonymised / undeclared",
            ),
            "score" => ("Score", "النقاط", "Score"),
            "ranking_formula" => (
                "Score = 100 × moyenne pondérée des critères mesurables : couverture (publiés / publiés + planifiés) 20 %, format ouvert 25 %, licence ouverte 20 %, fraîcheur (à jour / à jour + en retard) 15 %, qualité 20 %. Un critère non mesurable est écarté et les poids restants sont renormalisés. À score égal, le plus grand nombre de jeux publiés l’emporte.",
                "النقاط = 100 × المتوسط المرجح للمعايير القابلة للقياس: التغطية (المنشورة / المنشورة + المبرمجة) 20%، الصيغة المفتوحة 25%، الرخصة المفتوحة 20%، الحداثة (المحينة / المحينة + المتأخرة) 15%، الجودة 20%. يستبعد المعيار غير القابل للقياس وتعاد موازنة الأوزان المتبقية. عند التساوي، يتقدم الأكثر نشرا.",
                "Score = 100 × weighted mean of the measurable criteria: coverage (published / published + planned) 20%, open format 25%, open licence 20%, freshness (up to date / up to date + overdue) 15%, quality 20%. A criterion that cannot be measured is left out and the remaining weights renormalised. Equal scores are ranked by published datasets.",
            ),
            "findings" => (
                "Constats les plus graves",
                "أخطر الملاحظات",
                "Worst findings",
            ),
            "findings_missing" => (
                "Aucun résultat de règles fourni.",
                "لم تقدم أي نتائج للقواعد.",
                "No rule results supplied.",
            ),
            "findings_none" => ("Aucun constat.", "لا توجد ملاحظات.", "No findings."),
            "findings_total" => ("constats au total", "ملاحظة في المجموع", "findings in total"),
            "severity" => ("Gravité", "الخطورة", "Severity"),
            "error" => ("Erreur", "خطأ", "Error"),
            "warning" => ("Avertissement", "تحذير", "Warning"),
            "info" => ("Information", "معلومة", "Information"),
            "rule" => ("Règle", "القاعدة", "Rule"),
            "where" => ("Où", "الموضع", "Where"),
            "message" => ("Constat", "الملاحظة", "Finding"),
            "generated" => (
                "Produit par fihris",
                "أنتج بواسطة fihris",
                "Generated by fihris",
            ),
            "charts" => ("Graphique", "رسم بياني", "Chart"),
            _ => ("?", "?", "?"),
        };
        match self {
            Self::Fr => fr,
            Self::Ar => ar,
            Self::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_per_language() {
        assert_eq!(Lang::Fr.percent(Some(0.7143)), "71,4\u{a0}%");
        assert_eq!(Lang::En.percent(Some(0.7143)), "71.4%");
        assert_eq!(Lang::Ar.percent(None), "—");
        assert_eq!(Lang::Fr.integer(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(Lang::En.integer(1_234), "1,234");
        assert_eq!(Lang::En.integer(999), "999");
    }
}
