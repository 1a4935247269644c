//! Picking the one place an ambiguous name means ("Paris" next to
//! "Texas"), and the regions and countries that contain a place.

use super::{Gazetteer, Place, PlaceKind, MIN_ALTERNATE_POPULATION};

impl Gazetteer {
    /// The one place that `name` most likely means, or `None` for a name the
    /// gazetteer does not know.
    ///
    /// `context` holds places already found in the same article. Among the
    /// candidates, in order of weight: the news sense of names like
    /// "Washington"; a place in a region of the context ("Paris" next to
    /// "Texas") or a region holding one ("Georgia" beside Atlanta); a region
    /// beside others of its country ("Georgia" beside Texas and Michigan is
    /// the state); countries over regions over cities; the place's own name
    /// over one of its GeoNames alternate names; a place in a country of the
    /// context; and the larger population. A region loses to a city of the
    /// same name inside it ("Tartus" is the city; its governorate comes with
    /// it through [`containing`](Self::containing)), unless the context holds
    /// another region of its country ("Quebec" beside "British Columbia" is
    /// the province).
    ///
    /// A place of the context that the name itself may mean counts for
    /// nothing: it was resolved without this context.
    ///
    /// A city smaller than 100,000 people is found by its own name only, not
    /// by its GeoNames alternate names ("Africa" is not Mahdia, Tunisia),
    /// but for its own name and "City" ("Tandag City").
    /// It never refuses a risky name ("Nice", "Reading"): only call it for
    /// what the tagger marked as a location.
    pub fn resolve(&self, name: &str, context: &[&Place]) -> Option<&Place> {
        let node = self.node(name)?;
        // A place the name itself may mean is no evidence for that name:
        // "Georgia", taken for the country before any context, must not
        // then vouch for the country beside Texas and Michigan.
        let context = self.without_candidates_of(node.head, context);
        let context = &context[..];
        // (score, place, primary name, what its fame would add)
        let mut cands = Vec::new();
        // Folded once: most names have no "Saint" to compare.
        let saint_key = saint_folded(name);
        let mut next = node.head;
        while let Some(c) = self.candidates.get(next as usize) {
            next = c.next;
            let Some(p) = self.places.get(c.place as usize) else {
                continue;
            };
            if !c.primary && p.population < MIN_ALTERNATE_POPULATION && !is_city_of(name, p) {
                continue;
            }
            let own = c.primary
                || saint_key
                    .as_ref()
                    .is_some_and(|k| saint_folded(&p.name).as_ref() == Some(k));
            let s = self.score(p, c.preferred, own, context);
            let fame = if p.kind == PlaceKind::City && own {
                FAME * (f64::from(p.alternates) + 1.0).log10()
            } else {
                0.0
            };
            cands.push((s, p, c.primary, fame));
        }
        // A city the world writes about under many names is the one a bare
        // name means, before a smaller namesake in a country of the
        // context: "Geneva" beside "the United States" is no Geneva,
        // Illinois (21 names against 2), "Venice" no Venice, Florida. Only
        // by its own name ("Salem" is no Jerusalem, though one of its
        // names), and not where a region or country has the name
        // ("Montana", "Washington").
        let names_an_area = cands.iter().any(|(_, p, primary, _)| {
            *primary && matches!(p.kind, PlaceKind::Region | PlaceKind::Country)
        });
        if !names_an_area {
            for (s, _, _, fame) in &mut cands {
                *s += *fame;
            }
        }
        let mut best: Option<(f64, &Place)> = None;
        for &(s, p, _, _) in &cands {
            if best.is_none_or(|(b, q)| s > b || (s == b && p.population > q.population)) {
                best = Some((s, p));
            }
        }
        let (_, best) = best?;
        if best.kind == PlaceKind::Region {
            // Another region of the same country in the context names regions
            // ("Quebec and Ontario", beside British Columbia), unless the city
            // is one of the world's large ones, which news names far more
            // often ("New York" beside New Jersey).
            let among_regions = context.iter().any(|q| {
                q.kind == PlaceKind::Region && q.country_index == best.country_index && q != &best
            });
            // A city of the same name inside: the city, which brings the
            // region along ("Tartus"). Not a city that merely has the name
            // as an alternate ("Oklahoma" for Oklahoma City).
            let inner = cands
                .iter()
                .filter(|(_, p, primary, _)| {
                    *primary && p.admin1_index == Some(best.index) && p.kind != PlaceKind::Region
                })
                .filter(|(_, p, _, _)| !among_regions || p.population >= LARGE_CITY)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, p, _, _)) = inner {
                return Some(p);
            }
        }
        Some(best)
    }

    /// Whether [`resolve`](Self::resolve), with no context, takes `name` for
    /// a country ("Philippines", "U.S.").
    pub fn resolves_to_country(&self, name: &str) -> bool {
        self.resolve(name, &[])
            .is_some_and(|p| p.kind == PlaceKind::Country)
    }

    /// The countries among `places` (canonical names), each once, in order
    /// (see [`Extractor::countries_of`](crate::Extractor::countries_of)).
    pub fn countries_among(&self, places: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for name in places {
            let named = self.lookup(name);
            let named: Vec<&Place> = named.into_iter().filter(|p| p.name == *name).collect();
            let country = named.iter().any(|p| p.kind == PlaceKind::Country);
            // "Georgia" beside "United States" is the state.
            let region_of_a_listed_country = named
                .iter()
                .any(|p| p.kind == PlaceKind::Region && places.iter().any(|q| **q == *p.country));
            if country && !region_of_a_listed_country && !out.contains(name) {
                out.push(name.clone());
            }
        }
        out
    }

    /// `context` less the places that `name` may itself mean: what the
    /// name's own reading put there says nothing about which it is.
    pub(crate) fn without_places_named<'g>(
        &self,
        name: &str,
        context: &[&'g Place],
    ) -> Vec<&'g Place> {
        match self.node(name) {
            Some(node) => self.without_candidates_of(node.head, context),
            None => context.to_vec(),
        }
    }

    /// `context` less the places of the candidate list that starts at
    /// `head`.
    fn without_candidates_of<'g>(&self, head: u32, context: &[&'g Place]) -> Vec<&'g Place> {
        let of_the_name = |q: &&&Place| {
            let mut next = head;
            while let Some(c) = self.candidates.get(next as usize) {
                if c.place == q.index {
                    return true;
                }
                next = c.next;
            }
            false
        };
        context
            .iter()
            .filter(|q| !of_the_name(q))
            .copied()
            .collect()
    }

    /// Whether `name` is `place`'s own name or a curated alias of it
    /// ("Washington" of Washington, D.C.), not one of its GeoNames
    /// alternate names ("Carmen" of Ciudad del Carmen).
    pub fn is_own_name(&self, name: &str, place: &Place) -> bool {
        self.names_as(name, place, |c| c.primary)
    }

    /// Whether `name` is the news sense the gazetteer curates for `place`
    /// ("Washington" and "District of Columbia" of Washington, D.C.).
    pub fn is_news_name(&self, name: &str, place: &Place) -> bool {
        self.names_as(name, place, |c| c.preferred)
    }

    /// Whether one of `name`'s candidates is `place` and passes `test`.
    fn names_as(
        &self,
        name: &str,
        place: &Place,
        test: impl Fn(&super::Candidate) -> bool,
    ) -> bool {
        let mut next = self.node(name).map_or(super::NONE, |n| n.head);
        while let Some(c) = self.candidates.get(next as usize) {
            if c.place == place.index && test(c) {
                return true;
            }
            next = c.next;
        }
        false
    }

    /// The weight of candidate `p` for a name that is a `preferred` (news
    /// sense) or an `own` name of it, given the `context`.
    fn score(&self, p: &Place, preferred: bool, own: bool, context: &[&Place]) -> f64 {
        let mut s = (p.population as f64 + 1.0).log10();
        if preferred {
            s += 6.0;
        }
        // Own names beat alternates unless the other place is some 300
        // times larger ("New Delhi" is not Delhi; "Moskva" is Moscow).
        if own {
            s += 2.5;
        }
        s += match p.kind {
            PlaceKind::Continent | PlaceKind::Country => 3.0,
            PlaceKind::Region => 1.0,
            PlaceKind::City | PlaceKind::Locality | PlaceKind::Town => 0.0,
        };
        // A region holds the context's places by its own index ("Georgia"
        // beside Atlanta), a city or town by its region's.
        let region = match p.kind {
            PlaceKind::Region => Some(p.index),
            _ => p.admin1_index,
        };
        if in_region_of(region, context) {
            s += 4.0;
        }
        // Other regions of its country name regions: "Georgia" in a list
        // with Texas and Michigan is the state.
        if p.kind == PlaceKind::Region
            && context.iter().any(|q| {
                q.kind == PlaceKind::Region
                    && q.country_index == p.country_index
                    && q.index != p.index
            })
        {
            s += 2.0;
        }
        if context.iter().any(|q| q.country_index == p.country_index) {
            s += 1.5;
        }
        s
    }
}

/// Weight of a city's count of other names (see [`Gazetteer::resolve`]):
/// ten times the names count as much as a hundred times the people.
const FAME: f64 = 2.0;

/// People in a city that news names before the region of the same name,
/// whatever regions are around ("New York", "São Paulo").
const LARGE_CITY: u64 = 1_000_000;

/// Whether the region of index `admin1` is one of `context` or contains
/// one of its places.
pub(super) fn in_region_of(admin1: Option<u32>, context: &[&Place]) -> bool {
    admin1.is_some_and(|r| {
        context
            .iter()
            .any(|q| q.index == r || q.admin1_index == Some(r))
    })
}

/// Whether `name` is the place's own name and "City" ("Tandag City" for
/// Tandag), an alternate name that is no other place's.
fn is_city_of(name: &str, place: &Place) -> bool {
    // Most names end otherwise: no keys built for them.
    city_stem(name).is_some_and(|stem| super::name_key(stem) == super::name_key(&place.name))
}

/// The key of a name that starts with "Saint" or "St." (or "Sainte",
/// "Ste."), with "st" and "ste" for those words, so that a place's own
/// name and its other spelling compare equal ("Saint Louis" of St. Louis,
/// Missouri, which GeoNames lists as an alternate); `None` for other names.
fn saint_folded(name: &str) -> Option<String> {
    let first = name.split([' ', '-', '.']).next().unwrap_or_default();
    if !["st", "saint", "ste", "sainte"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
    {
        return None;
    }
    let key = super::name_key(name);
    let words = key.split(' ').map(|w| match w {
        "saint" => "st",
        "sainte" => "ste",
        w => w,
    });
    Some(words.collect::<Vec<_>>().join(" "))
}

/// `name` less a final " City" (any case), if it ends so.
fn city_stem(name: &str) -> Option<&str> {
    let cut = name.len().checked_sub(5)?;
    let end = name.get(cut..)?;
    end.eq_ignore_ascii_case(" city").then(|| &name[..cut])
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
