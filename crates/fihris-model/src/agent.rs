use fihris_vocab::Producer;

use crate::error::ModelError;
use crate::iri::{Iri, NodeId};
use crate::term::Extras;
use crate::text::{LanguageTag, Text};

/// Which FOAF class an [`Agent`] has. DCAT-AP accepts `foaf:Agent` and both subclasses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AgentKind {
    /// `foaf:Agent`, when nothing more is said.
    Agent,
    /// `foaf:Organization`: every public body.
    #[default]
    Organization,
    /// `foaf:Person`.
    Person,
}

/// A publisher, creator or other agent (`foaf:Agent`).
///
/// When the agent is one of the portal's producers, [`Agent::producer`] links the referential
/// entry; its name and identifiers still come from the input, byte-exact.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Agent {
    /// IRI or blank node; `None` lets a writer mint a blank node.
    pub id: Option<NodeId>,
    /// FOAF class.
    pub kind: AgentKind,
    /// `foaf:name`, one per language.
    pub name: Text,
    /// The portal producer this agent is, when known.
    #[cfg_attr(feature = "serde", serde(with = "producer_code"))]
    pub producer: Option<&'static Producer>,
    /// `dct:type`, e.g. an ADMS publisher type.
    pub agent_type: Option<Iri>,
    /// `foaf:homepage`.
    pub homepage: Option<Iri>,
    /// `foaf:mbox`, the address without `mailto:`.
    pub email: Option<String>,
    /// `dct:identifier`.
    pub identifier: Option<String>,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl Agent {
    /// An organisation with a name.
    ///
    /// # Errors
    ///
    /// [`crate::ModelErrorKind::EmptyText`] when the name has no content.
    ///
    /// ```
    /// use fihris_model::{Agent, Text};
    /// let agent = Agent::new(Text::untagged("Haut-Commissariat au Plan"))?;
    /// assert!(Agent::new(Text::new()).is_err());
    /// # let _ = agent;
    /// # Ok::<(), fihris_model::ModelError>(())
    /// ```
    pub fn new(name: Text) -> Result<Self, ModelError> {
        name.require_content("foaf:name")?;
        Ok(Self {
            id: None,
            kind: AgentKind::Organization,
            name,
            producer: None,
            agent_type: None,
            homepage: None,
            email: None,
            identifier: None,
            extra: Extras::default(),
        })
    }

    /// The agent for a portal producer: its referential IRI, French and Arabic names and code.
    ///
    /// ```
    /// use fihris_model::Agent;
    /// use fihris_vocab::Producer;
    /// let hcp = Producer::by_code("HCP").ok_or("no HCP")?;
    /// let agent = Agent::from_producer(hcp);
    /// assert_eq!(agent.name.get("fr"), Some("Haut-Commissariat au Plan"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from_producer(producer: &'static Producer) -> Self {
        let mut name = Text::new();
        name.insert(Some(LanguageTag::new_unchecked("fr")), producer.name_fr);
        name.insert(Some(LanguageTag::new_unchecked("ar")), producer.name_ar);
        Self {
            id: Some(NodeId::Iri(Iri::new_unchecked(producer.iri()))),
            kind: AgentKind::Organization,
            name,
            producer: Some(producer),
            agent_type: None,
            homepage: None,
            email: None,
            identifier: Some(producer.code.to_owned()),
            extra: Extras::default(),
        }
    }
}

/// Which vCard class a [`ContactPoint`] has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ContactKind {
    /// `vcard:Kind`.
    #[default]
    Kind,
    /// `vcard:Organization`.
    Organization,
    /// `vcard:Individual`.
    Individual,
    /// `vcard:Group`.
    Group,
}

/// A contact point (`vcard:Kind`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ContactPoint {
    /// IRI or blank node; `None` lets a writer mint a blank node.
    pub id: Option<NodeId>,
    /// vCard class.
    pub kind: ContactKind,
    /// `vcard:fn`.
    pub name: Text,
    /// `vcard:hasEmail`, the address without `mailto:`.
    pub email: Option<String>,
    /// `vcard:hasTelephone`, as given.
    pub telephone: Option<String>,
    /// `vcard:hasURL`.
    pub url: Option<Iri>,
    /// `vcard:organization-name`.
    pub organization_name: Text,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl ContactPoint {
    /// An empty contact point of kind `vcard:Kind`.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the e-mail address (`mailto:` is stripped).
    #[must_use]
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        let email = email.into();
        self.email = Some(email.strip_prefix("mailto:").unwrap_or(&email).to_owned());
        self
    }
}

#[cfg(feature = "serde")]
mod producer_code {
    use fihris_vocab::Producer;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        producer: &Option<&'static Producer>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match producer {
            Some(producer) => serializer.serialize_some(producer.code),
            None => serializer.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<&'static Producer>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|code| {
                Producer::by_code(&code)
                    .ok_or_else(|| D::Error::custom(format!("unknown producer code {code:?}")))
            })
            .transpose()
    }
}
