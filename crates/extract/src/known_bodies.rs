//! Organizations that news names bare, which a tagger trained on 1996
//! newswire leaves untagged: today's companies, broadcasters, armed
//! groups and international bodies ("conducted by the Taliban",
//! "Greenpeace said", "told the BBC"), and the photo agencies in the
//! credits of web pages' captions ("(Thomas Coex/AFP/Getty Images)",
//! "Anthony Wallace / AFP - Getty Images"), which the guideline counts as
//! naming the agency.
//!
//! A name of [`BODIES`] written as a whole word, in no mention but the
//! tagger's pieces of it ("Children" of "Save the Children", which it
//! replaces) and not beside another capitalised word (then it is part of
//! a longer name the tagger had its say on: "CNN Philippines", "Guardian
//! Council"), becomes an organization mention; one of [`SLASHED_AGENCIES`], whose
//! names mean other things too ("AP" is Andhra Pradesh, "PA"
//! Pennsylvania), only beside a slash or as a dateline's source
//! ("STOCKHOLM (AP) —"). The list holds names that mean
//! nothing else in news, as written, chosen from general knowledge of
//! the news (none from the labelled test sets): "Apple", "Amazon",
//! "Bloomberg" or "Guardian" name other things too, and platforms that
//! the tagger leaves untagged are mostly a medium ("used Instagram to
//! thank supporters"); those only change kind where the tagger found them
//! (`canonical::types`).

use std::collections::HashSet;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::first_words::NamesByFirstWord;
use super::gazetteer::{name_key, Gazetteer};
use super::{EntityKind, Mention};

/// Organizations whose name, as written, means nothing else in news.
#[rustfmt::skip]
const BODIES: &[&str] = &[
    // Photo and news agencies.
    "AFP", "Getty Images", "Agence France-Presse", "Shutterstock", "EPA-EFE", "NurPhoto",
    "SOPA Images", "Anadolu Agency", "Associated Press", "Xinhua", "Interfax", "RIA Novosti",
    "Yonhap", "Kyodo News", "Bernama", "Press TV", "IRNA",
    // Broadcasters and newspapers.
    "BBC", "CNN", "NPR", "MSNBC", "CNBC", "Fox News", "Sky News", "ABC News", "CBS News",
    "NBC News", "Al Jazeera", "Deutsche Welle", "Euronews", "France 24", "RT", "New York Times",
    "Washington Post", "Wall Street Journal", "Financial Times", "Daily Telegraph", "Der Spiegel",
    "Le Monde", "Haaretz", "Politico", "Axios", "The Guardian", "The Economist", "The Telegraph",
    "The Independent",
    // Companies. Not the platforms that untagged are mostly a medium ("used
    // Instagram to thank supporters", "a YouTube personality").
    "Facebook", "Google", "Microsoft", "Netflix", "Wikinews", "WikiLeaks", "Huawei", "Samsung",
    "Alibaba", "Tencent", "Baidu", "Yandex", "SpaceX", "OpenAI", "Nvidia", "IBM", "Boeing",
    "Airbus", "Lockheed Martin", "Raytheon", "Volkswagen", "Toyota", "Gazprom", "Rosneft",
    "Saudi Aramco", "ExxonMobil", "Pfizer", "Moderna", "AstraZeneca", "BioNTech", "Roscosmos",
    "Meta", "Anthropic", "ByteDance", "Shein", "Temu", "Binance", "Carrefour", "Coinbase",
    "Novo Nordisk", "Eli Lilly", "Novartis", "Sanofi", "GSK", "GlaxoSmithKline", "AbbVie",
    "Regeneron", "Bristol Myers Squibb", "Bavarian Nordic",
    "Salesforce", "Nintendo", "Xiaomi", "Nasdaq", "Blue Origin",
    // Banks and brokers named like people.
    "Goldman Sachs", "Morgan Stanley", "Wells Fargo", "Charles Schwab", "Merrill Lynch",
    "Lehman Brothers", "JPMorgan Chase", "Jefferies", "BlackRock", "Smith Barney", "Dean Witter",
    "Kidder Peabody", "Salomon Brothers", "Drexel Burnham Lambert", "Paine Webber", "PaineWebber",
    "E.F. Hutton",
    // Airlines named without an airline word at their end.
    "Delta Air Lines", "United Airlines", "Air India", "IndiGo", "Ryanair", "easyJet",
    // Armed groups and movements.
    "Taliban", "Hamas", "Hezbollah", "Hizbollah", "al-Qaeda", "Al-Qaeda", "ISIS", "ISIL",
    "Daesh", "Boko Haram", "al-Shabaab", "Al-Shabaab", "Wagner Group", "PKK", "YPG",
    "Hayat Tahrir al-Sham", "Muslim Brotherhood", "Islamic State", "Ansar Allah",
    // International bodies, agencies and charities.
    "NATO", "UNESCO", "UNICEF", "UNHCR", "IMF", "OPEC", "ASEAN", "Interpol", "Europol", "FBI",
    "CIA", "NASA", "Greenpeace", "Amnesty International", "Human Rights Watch", "Oxfam",
    "Médecins Sans Frontières", "Doctors Without Borders", "Planned Parenthood", "G7", "G20",
    "OSCE", "OECD", "WTO", "IAEA", "ICRC", "UNDP", "UNEP", "WFP", "Red Cross", "Red Crescent",
    "World Health Organization", "WHO", "Africa CDC", "Gavi", "FIFA", "UEFA", "NBA", "NFL",
    "World Food Programme", "World Food Program", "Reporters Without Borders", "Committee to Protect Journalists", "Transparency International",
    "Save the Children", "Bellingcat", "Just Stop Oil", "Frontex", "Eurostat", "Ofgem", "CERN",
    // Parliaments and services named bare.
    "Bundestag", "Bundesrat", "Knesset", "Verkhovna Rada", "Folketing", "Politburo", "MI5", "MI6",
    "Shin Bet",
    "Pacific Gas and Electric",
    "Lancet",
    // Parties named without a party word.
    "Pakistan Tehreek-e-Insaf", "Tehreek-e-Insaf", "Komeito", "Nippon Ishin no Kai",
    "Bloc Québécois", "Alternative for Germany", "Alternative für Deutschland",
    // Services named bare.
    "Cal Fire", "ICE",
];

/// Agencies named so only in a credit's chain of slashes.
const SLASHED_AGENCIES: &[&str] = &["AP", "EPA", "Reuters", "Bloomberg", "PA Images"];

/// The names by their first word (letters, digits and hyphens:
/// "al-Qaeda", "EPA-EFE", "Médecins"), each with whether it is one of
/// [`SLASHED_AGENCIES`]; looked up at each capitalised word (see
/// [`NamesByFirstWord`]: as an automaton they cost about 1.5% of `news
/// extract`'s instructions).
fn by_first_word() -> &'static NamesByFirstWord<bool> {
    static BY_FIRST: OnceLock<NamesByFirstWord<bool>> = OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let named = BODIES.iter().map(|n| (n.to_string(), false));
        let slashed = SLASHED_AGENCIES.iter().map(|n| (n.to_string(), true));
        NamesByFirstWord::new(named.chain(slashed), |name| &name[..word_end(name, 0)])
    })
}

/// The bytes a name begins with: capitals, and the "a" of "al-Qaeda".
static MAY_BEGIN: [bool; 256] = {
    let mut may = [false; 256];
    let mut b = b'A';
    while b <= b'Z' {
        may[b as usize] = true;
        b += 1;
    }
    may[b'a' as usize] = true;
    may
};

/// The byte offset where the word starting at `at` ends: at the first
/// character that is neither alphanumeric nor a hyphen.
fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
        .map_or(text.len(), |(n, _)| at + n)
}

/// Whether `after`, the text one space after a maker's name, starts with
/// the number of its model ("the Airbus 310", "a Boeing 737"), not an
/// amount ("fined Google 2.95 billion euros", "Boeing 3 million shares").
fn names_a_model(after: &str) -> bool {
    if !after.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let number = after
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '.' && c != ',')
        .next()
        .unwrap_or_default();
    let rest = after[number.len()..].trim_start();
    let amount = number.trim_end_matches(['.', ',']).contains(['.', ','])
        || [
            "billion", "million", "bn", "mln", "percent", "pct", "per", "shares",
        ]
        .iter()
        .any(|w| rest.starts_with(w));
    !amount
}

/// Whether a name between `before` and `after` is the source in the
/// brackets of a dateline ("STOCKHOLM (AP) —", "KYIV, Ukraine (AP) —"):
/// the line so far starts with a word in capitals and is short. Not
/// "Andhra Pradesh (AP)", a short form defined in prose.
fn credits_a_dateline(before: &str, after: &str) -> bool {
    let Some(line) = before.strip_suffix('(').filter(|_| after.starts_with(')')) else {
        return false;
    };
    let line = &line[line.rfind('\n').map_or(0, |n| n + 1)..];
    let first = line.split([' ', ',']).next().unwrap_or_default();
    line.len() <= 40
        && first.len() >= 2
        && first
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-')
}

/// Each name of [`BODIES`] or [`SLASHED_AGENCIES`] written in `text` at a
/// word's start, leftmost and longest first: its byte offset, the name and
/// whether it is a slashed agency's.
fn find_names(text: &str) -> Vec<(usize, &'static str, bool)> {
    let by_first = by_first_word();
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes begin no name: skip them before looking behind.
        let Some(skip) = bytes[i..].iter().position(|&b| MAY_BEGIN[b as usize]) else {
            break;
        };
        i += skip;
        if text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            i += 1;
            continue;
        }
        let end = word_end(text, i);
        match by_first.longest_at(&text[i..end], &text[i..]) {
            Some((name, &slashed)) => {
                found.push((i, name, slashed));
                i += name.len();
            }
            None => i = end.max(i + 1),
        }
    }
    found
}

/// Adds an organization mention for each known body that no mention
/// covers (see the module doc), keeping `mentions` in text order (code
/// points).
pub(crate) fn add_known_bodies(text: &str, mentions: &mut Vec<Mention>) {
    let (mut added, mut pieces) = (Vec::new(), Vec::new());
    for (at, name, slashed) in find_names(text) {
        let (before, after) = (&text[..at], &text[at + name.len()..]);
        // Not a wire's ticker ("AFFILIATED PUBLICATIONS <AFP>"), part of a
        // hyphened word ("IMF-hosted", "the Financial Times-Stock Exchange
        // index"), a maker naming its product ("the Airbus 310").
        let whole = !before.ends_with(|c: char| c.is_alphanumeric() || c == '<' || c == '-')
            && !after.starts_with(|c: char| c.is_alphanumeric() || c == '-')
            && !after.strip_prefix(' ').is_some_and(|a| {
                // Nor a market's index ("the Nasdaq composite index").
                names_a_model(a) || a.starts_with("composite") || a.starts_with("index")
            });
        let credited = before.trim_end_matches(' ').ends_with('/')
            || after.trim_start_matches(' ').starts_with('/')
            || credits_a_dateline(before, after);
        let section = (!slashed && !after_a_capital(before))
            .then(|| national_section(after))
            .flatten();
        let longer = after_a_capital(before) || (section.is_none() && before_a_capital(after));
        if !whole || (slashed && !credited) || (!credited && longer) {
            continue;
        }
        let name = &text[at..at + name.len() + section.unwrap_or(0)];
        let start = before.chars().count();
        let end = start + name.chars().count();
        // Mentions inside the name are pieces of it ("Save the Children
        // said" gave the person "Children"); one that reaches past it is
        // the tagger's longer name.
        let overlaps = |m: &Mention| m.start < end && start < m.end;
        let inside =
            |m: &Mention| start <= m.start && m.end <= end && m.end - m.start < end - start;
        if mentions.iter().filter(|m| overlaps(m)).all(inside) {
            pieces.push((start, end));
            added.push(Mention {
                kind: EntityKind::Organization,
                text: name.to_owned(),
                start,
                end,
            });
        }
    }
    if !added.is_empty() {
        mentions.retain(|m| !pieces.iter().any(|&(s, e)| s <= m.start && m.end <= e));
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
}

/// Whether a capitalised word other than "The" comes right before a name,
/// one space apart: the name is part of a longer one.
fn after_a_capital(before: &str) -> bool {
    before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit([' ', '\n']).next())
        .is_some_and(|w| {
            w.starts_with(char::is_uppercase) && w != "The" && !w.ends_with(['.', ',', ':', ';'])
        })
}

/// Whether a capitalised word comes right after a name, one space apart:
/// the name is part of a longer one.
fn before_a_capital(after: &str) -> bool {
    after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(char::is_uppercase))
}

/// The length in bytes of a country's name written right after a body's
/// name, one space apart, where no other capitalised word follows: the
/// body's national section ("Amnesty International Kenya", "Save the
/// Children UK"), one organization.
fn national_section(after: &str) -> Option<usize> {
    let rest = after.strip_prefix(' ')?;
    let word = &rest[..word_end(rest, 0)];
    // Asked of the gazetteer only for a capitalised word: most bodies found
    // are followed by "said" or "and".
    let country = word.starts_with(char::is_uppercase)
        && !before_a_capital(&rest[word.len()..])
        && Gazetteer::bundled().resolves_to_country(word);
    country.then_some(1 + word.len())
}

/// Whether `key`, a name key, is one of [`BODIES`].
pub(crate) fn is_known_body(key: &str) -> bool {
    static KEYS: OnceLock<HashSet<String, FixedState>> = OnceLock::new();
    KEYS.get_or_init(|| BODIES.iter().map(|b| name_key(b)).collect())
        .contains(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn watchdogs_and_charities_are_organizations() {
        let orgs = |text: &str| Extractor::bundled().extract(text).organizations;
        assert_eq!(
            orgs("The Committee to Protect Journalists said three reporters died."),
            ["Committee to Protect Journalists"]
        );
        assert_eq!(
            orgs("According to Save the Children, the situation had worsened."),
            ["Save the Children"]
        );
        // The tagger's pieces of a known name give way to it ("Children" a
        // person), its longer names stay.
        let x = Extractor::bundled().extract("Save the Children said the situation had worsened.");
        assert_eq!(x.organizations, ["Save the Children"]);
        assert!(x.persons.is_empty(), "{:?}", x.mentions);
        assert_eq!(
            orgs("The Greenpeace Foundation said."),
            ["Greenpeace Foundation"]
        );
        assert_eq!(
            orgs("Scientists at CERN found it, the paper in The Lancet says."),
            ["CERN", "Lancet"]
        );
        assert_eq!(
            orgs("Officials said the Bundestag and the Knesset had voted; Shin Bet agreed."),
            ["Bundestag", "Knesset", "Shin Bet"]
        );
        // A newspaper with its "The"; not a longer name it begins.
        assert_eq!(
            orgs("The Guardian reported that the company sold data."),
            ["Guardian"]
        );
        assert_eq!(
            orgs("The Guardian Council rejected the bill."),
            ["Guardian Council"]
        );
        // Tagged as a person, a known body is an organization.
        assert_eq!(
            orgs("On Monday Frontex said the situation had worsened."),
            ["Frontex"]
        );
        // A national section is one body, its country no place.
        let found = Extractor::bundled().extract(
            "President William Ruto faced criticism. Amnesty International Kenya \
             called for an inquiry, as did Save the Children UK.",
        );
        assert_eq!(
            found.organizations,
            ["Amnesty International Kenya", "Save the Children UK"]
        );
        assert!(found.locations.is_empty(), "{:?}", found.locations);
        // Not a place and a party, nor a named wildfire.
        assert_eq!(
            orgs("Pakistan Tehreek-e-Insaf supporters clashed with police."),
            ["Pakistan Tehreek-e-Insaf"]
        );
        assert_eq!(
            orgs("Komeito left, and the LDP turned to Nippon Ishin no Kai."),
            ["Komeito", "LDP", "Nippon Ishin no Kai"]
        );
        assert_eq!(
            orgs("Cal Fire said the Palisades Fire was contained."),
            ["Cal Fire"]
        );
        assert_eq!(orgs("ICE agents detained 300 workers."), ["ICE"]);
        let found = Extractor::bundled().extract(
            "Daniel McKinley, an analyst with Smith Barney, Harris Upham and Co, said so.",
        );
        assert!(found.organizations.iter().any(|o| o == "Smith Barney"));
        assert!(found.locations.is_empty(), "{:?}", found.locations);
        assert_eq!(
            orgs("A Delta Air Lines jet flipped over in Toronto."),
            ["Delta Air Lines"]
        );
        assert_eq!(
            orgs("Novo Nordisk cut the price of Wegovy."),
            ["Novo Nordisk"]
        );
        assert_eq!(
            orgs("Africa CDC urged Bavarian Nordic to speed up deliveries."),
            ["Africa CDC", "Bavarian Nordic"]
        );
        assert_eq!(orgs("Nvidia dragged on the Nasdaq."), ["Nvidia", "Nasdaq"]);
        // An amount after a name is no model number ("the Airbus 310").
        assert_eq!(
            orgs("The EU fined Google 2.95 billion euros."),
            ["EU", "Google"]
        );
        assert!(super::names_a_model("310 crashed") && !super::names_a_model("4 billion euros"));
        // A market's index is no body (CoNLL-2003 labels it MISC).
        assert!(orgs("The Nasdaq composite index closed lower.").is_empty());
        assert!(orgs("SHIPS TRAPPED IN BALTIC ICE\nThe ships were freed.").is_empty());
    }

    #[test]
    fn agencies_in_credits_are_organizations() {
        let x = Extractor::bundled().extract(
            "Talks\nNetanyahu visits the Western Wall. (Thomas Coex/AFP/Getty Images)\n\
             The rally in Seoul.Anthony Wallace / AFP - Getty Images",
        );
        assert_eq!(x.organizations, ["AFP", "Getty Images"]);
        assert_eq!(x.persons, ["Netanyahu", "Thomas Coex", "Anthony Wallace"]);
    }

    #[test]
    fn bodies_news_names_bare_are_organizations() {
        let x = Extractor::bundled().extract(
            "Dozens died in the attack, reportedly conducted by the Taliban. \
             Greenpeace said the plan was flawed. One MP told the BBC it was so. \
             Meta said it would appeal; the report said Coinbase had cut fees. \
             The WHO said cases rose. The World Food Programme warned of famine. \
             Blue Origin launched a rocket. The Bloc Québécois abstained.",
        );
        assert_eq!(
            x.organizations,
            [
                "Taliban",
                "Greenpeace",
                "BBC",
                "Meta",
                "Coinbase",
                "WHO",
                "World Food Programme",
                "Blue Origin",
                "Bloc Québécois"
            ]
        );
    }

    #[test]
    fn a_body_inside_a_longer_name_or_another_word_is_not_added() {
        let text = "The BBC World Service and CNNs said so. Greenpeace. Apple sold \
                    phones; she used Instagram. An IMF-hosted talk on the Airbus 310. \
                    The Taliban met NATO\u{200d}'s envoy. THE MAN WHO KNEW. Those WHO care";
        let mut mentions = Vec::new();
        add_known_bodies(text, &mut mentions);
        let found: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(found, ["Greenpeace", "Taliban", "NATO"]);
    }

    /// The bodies added to `text`, with their code point offsets.
    fn added_at(text: &str) -> Vec<(String, usize)> {
        let mut mentions = Vec::new();
        add_known_bodies(text, &mut mentions);
        mentions.into_iter().map(|m| (m.text, m.start)).collect()
    }

    #[test]
    fn an_ambiguous_agency_only_beside_a_slash() {
        let text = "Elections in AP and PA. (John Smith/AP) Reuters/Bloomberg said. <AFP>";
        let expected = [("AP", 36), ("Reuters", 40), ("Bloomberg", 48)];
        assert_eq!(added_at(text), expected.map(|(n, at)| (n.to_owned(), at)));
    }

    #[test]
    fn an_ambiguous_agency_in_a_datelines_brackets() {
        let text = "KYIV, Ukraine (AP) — Talks.\nSTOCKHOLM (AP) - Talks in Andhra Pradesh (AP).";
        let expected = [("AP", 15), ("AP", 39)];
        assert_eq!(added_at(text), expected.map(|(n, at)| (n.to_owned(), at)));
    }
}
