//! Each detector with valid values, invalid check digits and look-alikes.

use fihris_privacy::{
    PersonalKind, is_cin, is_email, is_massar, is_moroccan_phone, is_valid_iban, is_valid_ice,
    is_valid_rib,
};

/// Appends the mod-97 key of a Moroccan RIB (or ICE) to its first digits.
fn with_key(digits: &str) -> String {
    let rest = digits.bytes().fold(0u64, |rest, digit| {
        (rest * 10 + u64::from(digit - b'0')) % 97
    });
    format!("{digits}{:02}", 97 - (rest * 100) % 97)
}

#[test]
fn cin() {
    for valid in ["AB123456", "J12345", "BE654321", "A123456", "ab123456"] {
        assert!(is_cin(valid), "{valid}");
    }
    for invalid in [
        "ABC12345",
        "AB1234",
        "AB1234567",
        "123456",
        "2024",
        "AB12-456",
        "",
    ] {
        assert!(!is_cin(invalid), "{invalid}");
    }
}

#[test]
fn phone() {
    for valid in [
        "0612345678",
        "06 12 34 56 78",
        "06.12.34.56.78",
        "+212612345678",
        "+212 6 12 34 56 78",
        "00212712345678",
        "0522123456",
        "+212 (0)5 22 12 34 56",
    ] {
        assert!(is_moroccan_phone(valid), "{valid}");
    }
    for invalid in [
        "2024",
        "0812345678",
        "061234567",
        "06123456789",
        "612345678",
        "212612345678",
        "+33612345678",
        "1 234 567",
        "0.612345678",
    ] {
        assert!(!is_moroccan_phone(invalid), "{invalid}");
    }
}

#[test]
fn email() {
    for valid in [
        "fatima.alaoui@gmail.com",
        "contact@men.gov.ma",
        "a_b+c@x-y.ma",
    ] {
        assert!(is_email(valid), "{valid}");
    }
    for invalid in [
        "@gmail.com",
        "fatima@",
        "fatima@gmail",
        "a@b@c.ma",
        "a b@c.ma",
        "x@y.12",
    ] {
        assert!(!is_email(invalid), "{invalid}");
    }
}

#[test]
fn rib() {
    let rib = with_key("0115190000012050005349");
    assert_eq!(rib, "011519000001205000534921");
    assert!(is_valid_rib(&rib));
    assert!(is_valid_rib("011 519 0000012050005349 21"));
    assert!(is_valid_rib(&with_key("2257800001234567890123")));
    // A wrong key, a 24-digit amount, all zeros, wrong lengths. (One 24-digit number in 97
    // passes the key by chance, as 123456789012345678901234 does: the column's share decides.)
    assert!(!is_valid_rib("011519000001205000534922"));
    assert!(!is_valid_rib("123456789012345678901235"));
    assert!(!is_valid_rib("000000000000000000000000"));
    assert!(!is_valid_rib("01151900000120500053492"));
    assert!(!is_valid_rib("1234567890123456789012.50"));
}

#[test]
fn iban() {
    assert!(is_valid_iban("MA64011519000001205000534921"));
    assert!(is_valid_iban("MA64 0115 1900 0001 2050 0053 4921"));
    assert!(is_valid_iban("FR1420041010050500013M02606"));
    assert!(is_valid_iban("GB82WEST12345698765432"));
    // Check digits off by one, a RIB with a letter, a Moroccan IBAN of the wrong length.
    assert!(!is_valid_iban("MA65011519000001205000534921"));
    assert!(!is_valid_iban("MA6401151900000120500053492A"));
    assert!(!is_valid_iban("MA640115190000012050005349"));
    assert!(!is_valid_iban("011519000001205000534921"));
}

#[test]
fn ice() {
    assert!(is_valid_ice("001561191000066"));
    assert!(is_valid_ice("002136093000040"));
    assert!(is_valid_ice(&with_key("0015611910001")));
    assert!(!is_valid_ice("001561191000065"));
    assert!(!is_valid_ice("000000000000000"));
    assert!(!is_valid_ice("00156119100006"));
    // A 15-digit population total is not an ICE unless it happens to pass mod 97.
    assert!(!is_valid_ice("123456789012345"));
}

#[test]
fn massar() {
    assert!(is_massar("J130012345"));
    assert!(is_massar("G131234567"));
    assert!(!is_massar("J13001234"));
    assert!(!is_massar("1130012345"));
    assert!(!is_massar("JJ30012345"));
}

#[test]
fn header_named_kinds() {
    assert!(PersonalKind::Cnss.matches_value("123456789"));
    assert!(!PersonalKind::Cnss.matches_value("12345"));
    assert!(PersonalKind::Passport.matches_value("TH1234567"));
    assert!(!PersonalKind::Passport.matches_value("1234567"));
    for date in [
        "12/03/1985",
        "1985-03-12",
        "12-03-1985",
        "12.03.1985",
        "1985-03-12T00:00:00",
    ] {
        assert!(PersonalKind::BirthDate.matches_value(date), "{date}");
    }
    for not_date in ["1985", "13/13/1985", "12/03/85", "2024-13-01", "03/1985"] {
        assert!(
            !PersonalKind::BirthDate.matches_value(not_date),
            "{not_date}"
        );
    }
}

#[test]
fn gps() {
    assert!(PersonalKind::Gps.matches_value("33.5731"));
    assert!(PersonalKind::Gps.matches_value("-7.58984"));
    assert!(PersonalKind::Gps.matches_value("33.57312, -7.58984"));
    assert!(PersonalKind::Gps.matches_value("POINT (-7.58984 33.57312)"));
    // Two decimals locate a district, not a house.
    assert!(!PersonalKind::Gps.matches_value("33.57"));
    assert!(!PersonalKind::Gps.matches_value("33.57, -7.58"));
    assert!(!PersonalKind::Gps.matches_value("512.12345"));
}

#[test]
fn names_and_addresses() {
    assert!(PersonalKind::PersonName.matches_value("Fatima Zahra Alaoui"));
    assert!(PersonalKind::PersonName.matches_value("محمد العلوي"));
    assert!(PersonalKind::PersonName.matches_value("EL IDRISSI"));
    assert!(!PersonalKind::PersonName.matches_value("Sidi Bennour"));
    assert!(!PersonalKind::PersonName.matches_value("Lycée Ibn Sina"));
    assert!(!PersonalKind::PersonName.matches_value("1250"));
    assert!(PersonalKind::Address.matches_value("12 rue Ibn Sina, Agdal"));
    assert!(PersonalKind::Address.matches_value("Bd Zerktouni n° 45"));
    assert!(PersonalKind::Address.matches_value("زنقة 5 حي السلام"));
    assert!(!PersonalKind::Address.matches_value("Rabat-Salé-Kénitra"));
    assert!(!PersonalKind::Address.matches_value("2024"));
}
