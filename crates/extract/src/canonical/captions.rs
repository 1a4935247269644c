//! Characters in the captions of a photo gallery: "Daenerys Targaryen
//! from Game of Thrones", "Mrs. Potts and Belle from Beauty and the
//! Beast", "Tiana from The Princess and the Frog". A caption line that
//! names people and then "from" a work names characters, and the work's
//! title holds no place ("Beauty", "Mulan"); a person from a place or an
//! organization ("Jane Doe from Boston", "Ian Smith from Reuters") stays,
//! unless two captions of the gallery are surely of works ("Leslie Meyers
//! from South Park" among them).

use super::super::EntityKind;
use super::context::Article;
use super::titles::is_title;

/// Words a caption line may have at most.
const MAX_CAPTION_WORDS: usize = 14;

/// Which distinct mentions (`distinct[u]` their kinds) are named on a
/// caption line "<names> from <work>" (see the module doc).
pub(super) fn characters_in_captions(
    article: &Article,
    distinct: &[Option<EntityKind>],
) -> Vec<bool> {
    let Article {
        text, mentions, of, ..
    } = *article;
    let mut out = vec![false; distinct.len()];
    // Caption lines: whether sure of a work after "from", and the mentions.
    let mut captions: Vec<(bool, Vec<usize>)> = Vec::new();
    let offsets = &article.offsets;
    // The lines with a " from ", found in one pass over the text (wire
    // copy breaks its lines every seventy characters).
    let mut last_line = usize::MAX;
    for (at, _) in text.match_indices(" from ") {
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        if line_start == last_line {
            continue;
        }
        last_line = line_start;
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let body = text[line_start..line_end].trim_end();
        let span = (line_start, line_start + body.len());
        if body.ends_with(['.', '!', '?', ':', '"']) || body.split(' ').count() > MAX_CAPTION_WORDS
        {
            continue;
        }
        // " from " at the line's end, its space trimmed off, begins no work.
        let Some(work_text) = body.get(at - line_start + 6..) else {
            continue;
        };
        let titled = work_text.starts_with(char::is_uppercase);
        let from = at;
        let on_line: Vec<usize> = (0..mentions.len())
            .filter(|&i| {
                offsets
                    .byte(mentions[i].start)
                    .is_some_and(|b| b >= span.0 && b < span.1)
            })
            .collect();
        let before_from = |i: &usize| offsets.byte(mentions[*i].end).is_some_and(|e| e <= from);
        let (names, work): (Vec<usize>, Vec<usize>) = on_line.into_iter().partition(before_from);
        // "Mrs. Potts and Belle": the tagger need not take all for persons.
        let people = names
            .iter()
            .any(|&i| distinct[of[i]] == Some(EntityKind::Person))
            && only_names_before(article, &names, span.0, from);
        // "from Boston", "from Reuters": a person's place or employer, the
        // rest of the line ("from Beauty and the Beast" is a title).
        let work_is_no_body = work.first().is_none_or(|&i| {
            offsets.byte(mentions[i].start) != Some(from + 6)
                || offsets.byte(mentions[i].end) != Some(span.1)
                || distinct[of[i]] == Some(EntityKind::Person)
        });
        if people {
            let sure = titled && work_is_no_body;
            captions.push((sure, names.into_iter().chain(work).collect()));
        }
    }
    // In a gallery of characters (two sure captions), "from South Park" and
    // "from the Harry Potter series" are works too.
    let gallery = captions.iter().filter(|(sure, _)| *sure).count() >= 2;
    for (sure, named) in captions {
        if sure || gallery {
            for i in named {
                out[of[i]] = true;
            }
        }
    }
    out
}

/// Whether the text of a caption line before "from" (bytes `line_start`
/// to `from`) holds nothing but the `names` mentions, titles of address
/// and "and" or commas between them.
fn only_names_before(article: &Article, names: &[usize], line_start: usize, from: usize) -> bool {
    let Article { text, mentions, .. } = *article;
    let mut at = line_start;
    for &i in names {
        let (Some(b), Some(e)) = (
            article.offsets.byte(mentions[i].start),
            article.offsets.byte(mentions[i].end),
        ) else {
            return false;
        };
        let gap = text.get(at..b).unwrap_or("?").trim();
        if !(matches!(gap, "" | "and" | ",") || is_title(gap)) {
            return false;
        }
        at = e;
    }
    text.get(at..from).is_some_and(|g| g.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::tests::mentions_of;
    use super::super::*;
    use EntityKind::*;

    #[test]
    fn people_from_a_work_in_a_caption_are_characters() {
        let text = "Fans came in costume.\n\nDaenerys Targaryen from Game of Thrones\n\n\
                    Mrs. Potts and Belle from Beauty and the Beast\n\n\
                    Leslie Meyers from South Park\n\nThe mayor, Tom Lee, came from Toronto.";
        let ms = mentions_of(
            text,
            &[
                (Person, "Daenerys Targaryen"),
                (Person, "Potts"),
                (Organization, "Belle"),
                (Location, "Beauty"),
                (Person, "Leslie Meyers"),
                (Location, "South Park"),
                (Person, "Tom Lee"),
                (Location, "Toronto"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(c.persons, ["Tom Lee"]);
        assert_eq!(c.locations, ["Toronto"]);
        assert!(c.organizations.is_empty(), "{:?}", c.organizations);
    }

    #[test]
    fn a_line_ending_in_from_is_no_caption() {
        let text = "Nabil Hasan, a photojournalist from \nYemen, spoke.\nAli from ";
        let ms = mentions_of(text, &[(Person, "Nabil Hasan"), (Person, "Ali")]);
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(c.persons, ["Nabil Hasan", "Ali"]);
    }

    #[test]
    fn people_from_a_place_or_a_body_in_a_caption_stay() {
        let text = "Runners finished.\n\nJane Doe from Boston\n\nIan Smith from Reuters\n\n\
                    Leslie Meyers from South Park";
        let ms = mentions_of(
            text,
            &[
                (Person, "Jane Doe"),
                (Location, "Boston"),
                (Person, "Ian Smith"),
                (Organization, "Reuters"),
                (Person, "Leslie Meyers"),
                (Location, "South Park"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(c.persons, ["Jane Doe", "Ian Smith", "Leslie Meyers"]);
        assert_eq!(c.organizations, ["Reuters"]);
    }
}
