//! Entity extraction: persons, locations and organizations in article text,
//! with canonical names.
//!
//! PLACEHOLDER: finds nothing yet. The tagger, gazetteer and canonicalisation
//! arrive with the extraction issue; the interface below is what the pipeline
//! and `news extract` rely on.

use serde::{Deserialize, Serialize};

pub mod canonical;
pub mod gazetteer;

/// Kind of an entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// A place.
    #[serde(rename = "LOC")]
    Location,
    /// An organization.
    #[serde(rename = "ORG")]
    Organization,
}

/// One mention of an entity in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// What it names.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The text as written.
    pub text: String,
    /// Start, in Unicode code points into the text given to [`Extractor::extract`].
    pub start: usize,
    /// End (exclusive), in Unicode code points.
    pub end: usize,
}

/// Everything extracted from one text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Canonical person names, each once.
    pub persons: Vec<String>,
    /// Canonical place names, each once.
    pub locations: Vec<String>,
    /// Canonical organization names, each once.
    pub organizations: Vec<String>,
    /// `locations` plus the regions and countries that contain them.
    pub places: Vec<String>,
}

/// Finds entities in text. Cheap to share between threads.
#[derive(Debug, Default)]
pub struct Extractor {}

impl Extractor {
    /// The extractor with the model and gazetteer bundled in this crate.
    pub fn bundled() -> &'static Extractor {
        static BUNDLED: Extractor = Extractor {};
        &BUNDLED
    }

    /// Finds and canonicalises the entities of `text`.
    pub fn extract(&self, _text: &str) -> Extraction {
        Extraction::default()
    }

    /// `locations` (canonical names given by a source) plus the regions and
    /// countries containing them.
    pub fn places_of(&self, locations: &[String]) -> Vec<String> {
        canonical::places_of(locations, gazetteer::Gazetteer::bundled())
    }
}
