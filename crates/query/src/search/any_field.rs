//! [`AnyFieldQuery`]: one word (or phrase) looked up in each text field, a
//! document matching when any field has it.
//!
//! tantivy's parser builds this as a boolean query of `Should` clauses, which
//! it scores with a buffered union: a union that fills a window of 4,096
//! documents from every field's postings on each `seek`. Inside an
//! intersection (`oil AND prices`, every word required) the rarest word leads
//! and the others are sought far ahead, so each seek clears and refills that
//! window for a common word: a quarter of a server's time under load went
//! there. This union seeks each field's postings to the target with their
//! skip lists instead, and scores exactly as the boolean query did (the sum of
//! the matching fields' scores), so rankings do not change. Read one document
//! after the next (a lone word, words joined by OR) the buffered union is the
//! faster, so the query builder uses this one only where tantivy seeks.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

/// Matches a document when any of its clauses does; the score is the sum of
/// the matching clauses' scores.
#[derive(Debug)]
pub(crate) struct AnyFieldQuery {
    clauses: Vec<Box<dyn Query>>,
}

impl Clone for AnyFieldQuery {
    fn clone(&self) -> Self {
        let clauses = self
            .clauses
            .iter()
            .map(|clause| clause.box_clone())
            .collect();
        AnyFieldQuery { clauses }
    }
}

impl AnyFieldQuery {
    /// The union of `clauses`, typically one query per text field.
    pub(crate) fn new(clauses: Vec<Box<dyn Query>>) -> Self {
        AnyFieldQuery { clauses }
    }
}

impl Query for AnyFieldQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .clauses
            .iter()
            .map(|clause| clause.weight(enable_scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(AnyFieldWeight { weights }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for clause in &self.clauses {
            clause.query_terms(visitor);
        }
    }
}

struct AnyFieldWeight {
    weights: Vec<Box<dyn Weight>>,
}

impl Weight for AnyFieldWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let scorers = self
            .weights
            .iter()
            .map(|weight| weight.scorer(reader, boost))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(SeekingUnion::new(scorers)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut details = Vec::new();
        for weight in &self.weights {
            // A clause that does not match explains itself with an error.
            if let Ok(detail) = weight.explain(reader, doc) {
                details.push(detail);
            }
        }
        if details.is_empty() {
            return Err(TantivyError::InvalidArgument(format!(
                "document #({doc}) does not match"
            )));
        }
        let total = details.iter().map(Explanation::value).sum();
        let mut explanation = Explanation::new("sum of the matching fields", total);
        for detail in details {
            explanation.add_detail(detail);
        }
        Ok(explanation)
    }
}

/// A union that keeps no buffer: `seek` moves each child with its own `seek`.
struct SeekingUnion {
    children: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

impl SeekingUnion {
    fn new(children: Vec<Box<dyn Scorer>>) -> Self {
        let doc = lowest_doc(&children);
        SeekingUnion { children, doc }
    }
}

fn lowest_doc(children: &[Box<dyn Scorer>]) -> DocId {
    children
        .iter()
        .map(|child| child.doc())
        .min()
        .unwrap_or(TERMINATED)
}

impl DocSet for SeekingUnion {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        for child in &mut self.children {
            if child.doc() == self.doc {
                child.advance();
            }
        }
        self.doc = lowest_doc(&self.children);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for child in &mut self.children {
            if child.doc() < target {
                child.seek(target);
            }
        }
        self.doc = lowest_doc(&self.children);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.children
            .iter()
            .map(|child| child.size_hint())
            .max()
            .unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.children.iter().map(|child| child.cost()).sum()
    }
}

impl Scorer for SeekingUnion {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        self.children
            .iter_mut()
            .filter(|child| child.doc() == doc)
            .map(|child| child.score())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{doc, Index};

    use super::*;

    /// Two text fields over enough documents that seeks leave the 4,096-doc window.
    fn index() -> (Index, [tantivy::schema::Field; 2]) {
        let mut builder = Schema::builder();
        let title = builder.add_text_field("title", TEXT);
        let body = builder.add_text_field("body", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer(50_000_000).unwrap();
        for n in 0..20_000u32 {
            let title_text = if n % 7 == 0 { "oil prices" } else { "markets" };
            let body_text = match n % 5 {
                0 => "oil output rose",
                1 => "rare grain",
                _ => "prices fell",
            };
            let rare = if n % 997 == 0 { " tartus" } else { "" };
            writer
                .add_document(doc!(title => title_text, body => format!("{body_text}{rare}")))
                .unwrap();
        }
        writer.commit().unwrap();
        (index, [title, body])
    }

    fn word(fields: &[tantivy::schema::Field; 2], text: &str) -> Vec<(Occur, Box<dyn Query>)> {
        fields
            .iter()
            .map(|&field| {
                let term = Term::from_field_text(field, text);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, query)
            })
            .collect()
    }

    fn any_field(fields: &[tantivy::schema::Field; 2], text: &str) -> Box<dyn Query> {
        let clauses = word(fields, text).into_iter().map(|(_, q)| q).collect();
        Box::new(AnyFieldQuery::new(clauses))
    }

    #[test]
    fn matches_and_scores_as_the_boolean_union_does() {
        let (index, fields) = index();
        let searcher = index.reader().unwrap().searcher();
        for words in [
            &["oil"][..],
            &["oil", "tartus"],
            &["prices", "oil", "grain"],
        ] {
            let boolean = BooleanQuery::new(
                words
                    .iter()
                    .map(|w| {
                        let q: Box<dyn Query> = Box::new(BooleanQuery::new(word(&fields, w)));
                        (Occur::Must, q)
                    })
                    .collect(),
            );
            let union = BooleanQuery::new(
                words
                    .iter()
                    .map(|w| (Occur::Must, any_field(&fields, w)))
                    .collect(),
            );
            let top = || TopDocs::with_limit(50).order_by_score();
            let expected = searcher.search(&boolean, &(Count, top())).unwrap();
            let found = searcher.search(&union, &(Count, top())).unwrap();
            assert_eq!(found.0, expected.0, "{words:?}");
            assert_eq!(found.1.len(), expected.1.len(), "{words:?}");
            for ((score, address), (expected_score, expected_address)) in
                found.1.iter().zip(&expected.1)
            {
                assert_eq!(address, expected_address, "{words:?}");
                assert!((score - expected_score).abs() < 1e-5, "{words:?}");
            }
        }
    }

    #[test]
    fn explains_matching_documents_only() {
        let (index, fields) = index();
        let searcher = index.reader().unwrap().searcher();
        let query = any_field(&fields, "tartus");
        let hits = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .unwrap();
        let (score, address) = hits[0];
        let explanation = query.explain(&searcher, address).unwrap();
        assert!((explanation.value() - score).abs() < 1e-5);
        let missing = tantivy::DocAddress::new(0, 1);
        assert!(query.explain(&searcher, missing).is_err());
    }
}
