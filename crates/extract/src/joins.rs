//! Names the tagger splits in two at a comma, joined back before they are
//! mentions: "University of California, Los Angeles" is one university,
//! not the University of California and the city. Only that shape of
//! name is joined: a university named after a state or system, then its
//! campus (UCLA, UC San Diego, University of Wisconsin, Madison), which
//! science news names often and a tagger trained on 1996 newswire splits.

use super::tagger::Span;
use super::tokenize::Token;
use super::{kind_of_type, EntityKind};

/// Joins each organization span that starts "University of" and the
/// place span right after it, past one comma, into one organization span.
pub(crate) fn join_campus_names(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let word = |i: usize| tokens.get(i).map_or("", |t| &text[t.start..t.end]);
    let mut i = 0;
    while i + 1 < spans.len() {
        let (ty, s, e) = spans[i];
        let (next_ty, next_s, next_e) = spans[i + 1];
        let joins = kind_of_type(ty) == Some(EntityKind::Organization)
            && kind_of_type(next_ty) == Some(EntityKind::Location)
            && next_s == e + 1
            && word(e) == ","
            && word(s).eq_ignore_ascii_case("university")
            && word(s + 1) == "of";
        if joins {
            spans[i] = (ty, s, next_e);
            spans.remove(i + 1);
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::{EntityKind, Extractor};

    #[test]
    fn a_university_and_its_campus_are_one_name() {
        let text = "Walter Munk's death was announced by the University of California, \
                    San Diego. He had lived in San Diego, California.";
        let x = Extractor::bundled().extract(text);
        let orgs: Vec<_> = x
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Organization)
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(orgs, ["University of California, San Diego"]);
        assert!(x.locations.iter().any(|l| l == "San Diego"));
    }
}
