//! The EU access-right authority table.

use crate::vocabulary::vocabulary_enum;

vocabulary_enum! {
    /// Access rights (`dct:accessRights`), the three values DCAT-AP recommends.
    ///
    /// The EU table (version 2022-03-16) also has `CONFIDENTIAL`, `SENSITIVE`, `NORMAL`
    /// (deprecated) and `OP_DATPRO`, which DCAT-AP does not use; they are left out.
    /// Arabic labels are fihris' proposal.
    ///
    /// ```
    /// use fihris_vocab::{AccessRight, Vocabulary};
    /// assert_eq!(
    ///     AccessRight::from_code("non_public"),
    ///     Some(AccessRight::NonPublic)
    /// );
    /// ```
    AccessRight,
    scheme = "http://publications.europa.eu/resource/authority/access-right",
    base = "http://publications.europa.eu/resource/authority/access-right/",
    {
        Public = "PUBLIC", en = "public", fr = "public", ar = "عمومي";
        Restricted = "RESTRICTED", en = "restricted", fr = "restreint", ar = "مقيد";
        NonPublic = "NON_PUBLIC", en = "non-public", fr = "non public", ar = "غير عمومي";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn round_trip() {
        for &a in AccessRight::ALL {
            assert_eq!(AccessRight::from_iri(a.iri()), Some(a));
        }
        assert_eq!(AccessRight::Public.to_string(), "PUBLIC");
    }
}
