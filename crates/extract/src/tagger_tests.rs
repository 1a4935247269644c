//! Tests of `tagger`: the scores summed through the caches (per word, per
//! context signature) against the same keys looked up one by one.

use super::*;
use crate::model::{Model, RawModel};

/// A model's weights without its word cache: the tagger then looks every
/// key of [`Featurizer::local`] up one by one.
struct Plain<'a>(&'a Model);

impl Weights for Plain<'_> {
    fn scheme(&self) -> Scheme {
        self.0.scheme()
    }
    fn add_local(&self, key: u64, a: &mut [f32], b: &mut [f32]) {
        self.0.add_local(key, a, b);
    }
    fn add_doc(&self, key: u64, b: &mut [f32]) {
        self.0.add_doc(key, b);
    }
    fn case_lexicon(&self) -> &CaseLexicon {
        self.0.case_lexicon()
    }
    fn word_clusters(&self) -> &WordClusters {
        self.0.word_clusters()
    }
    fn trans(&self, pass: usize) -> &[f32] {
        self.0.trans(pass)
    }
}

const TEXT: &str = "SYRIA'S SHARAA MEETS PUTIN IN MOSCOW\n\
    Syrian President Ahmed al-Sharaa met Vladimir Putin in Moscow on Wednesday, \
    the Kremlin said. Putin told him Russia wanted to keep its naval base at \
    Tartus and the Hmeimim airbase near Latakia.\n\
    \"We discussed everything,\" al-Sharaa said, according to SANA. Mr. Putin, \
    72, thanked the Syrian Arab Republic's delegation.\n\
    Shares of Gazprom Neft rose 3.5 pct to 1,000 roubles (U.S. $11).";

fn close(x: &[f32], y: &[f32]) -> bool {
    x.len() == y.len() && x.iter().zip(y).all(|(a, b)| (a - b).abs() < 1e-3)
}

#[test]
fn cached_scores_are_those_of_the_keys() {
    let model = Model::from_bytes(crate::MODEL_BYTES).unwrap();
    let (mut cached, mut plain) = (Scratch::new(model.scheme()), Scratch::new(model.scheme()));
    // Twice: the second time every word and signature comes from the caches.
    for _ in 0..2 {
        cached.tag(&model, TEXT, true);
        plain.tag(&Plain(&model), TEXT, true);
        assert!(close(&cached.emit_a, &plain.emit_a));
        assert!(close(&cached.emit_b, &plain.emit_b));
        assert_eq!(cached.labels, plain.labels);
        assert!(!cached.spans.is_empty());
    }
}

#[test]
fn other_weights_get_their_own_sums() {
    // A model that knows no key: every emission is zero. A tagger that
    // tagged with the bundled model first must not add its sums.
    let l = Scheme::Bilou.num_labels();
    let empty = RawModel {
        scheme: Scheme::Bilou,
        trans: [vec![0.0; (l + 1) * l], vec![0.0; (l + 1) * l]],
        rows: Vec::new(),
        case: CaseLexicon::from_pairs([]),
        clusters: WordClusters::from_pairs([]),
    };
    let empty = Model::from_bytes(&empty.to_bytes()).unwrap();
    let bundled = Model::from_bytes(crate::MODEL_BYTES).unwrap();
    let mut scratch = Scratch::new(Scheme::Bilou);
    scratch.tag(&bundled, TEXT, true);
    assert!(scratch.emit_a.iter().any(|&x| x != 0.0));
    scratch.tag(&empty, TEXT, true);
    assert!(scratch
        .emit_a
        .iter()
        .chain(&scratch.emit_b)
        .all(|&x| x == 0.0));
}
