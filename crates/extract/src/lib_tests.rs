//! Tests of the crate root: the bundled extractor shared between threads,
//! its place names and ids, and the facets it fills.

use super::*;

#[test]
fn extractor_is_shareable_between_threads() {
    fn sync_send<T: Sync + Send>() {}
    sync_send::<Extractor>();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                Extractor::bundled()
                    .extract(&format!(
                        "Talks {i}\nVladimir Putin met Angela Merkel in Berlin."
                    ))
                    .persons
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), ["Vladimir Putin", "Angela Merkel"]);
    }
}

#[test]
fn latin_script_places_keep_diacritics_and_carry_geonames_ids() {
    let x = Extractor::bundled()
        .extract("Port talks\nOfficials from Gdansk met bankers in Zurich and Tartous.");
    assert_eq!(x.locations, ["Gdańsk", "Zürich", "Tartus"]);
    assert_eq!(x.geonames_ids, [Some(3099434), Some(2657896), Some(163345)]);
    let tartus = x.folded.iter().find(|f| f.value == "Tartus").unwrap();
    assert_eq!(tartus.spellings, ["Tartous"]);
    assert!(!tartus.spelt);
    assert_eq!(Extractor::bundled().geonames_id_of("Moscow"), Some(524901));
}

#[test]
fn try_extract_gives_what_extract_gives() {
    let text = "Talks\nVladimir Putin met Ahmed al-Sharaa in Moscow.";
    let x = Extractor::bundled().try_extract(text).unwrap();
    assert_eq!(x.persons, Extractor::bundled().extract(text).persons);
    let e = ExtractError::Internal("index out of bounds".into());
    assert!(e.to_string().contains("internal error"), "{e}");
}

#[test]
fn a_currency_names_no_place() {
    let x = Extractor::bundled().extract(
        "Trade talks\nMost trade in Africa is paid in U.S. dollars; the bloc is worth \
         US$3.4 trillion, officials in Ghana said.",
    );
    assert_eq!(x.locations, ["Africa", "Ghana"]);
}

#[test]
fn countries_are_picked_from_places() {
    let extractor = Extractor::bundled();
    let places = extractor.places_of(&["Tartus".into(), "Moscow".into(), "Syria".into()]);
    assert_eq!(extractor.countries_of(&places), ["Syria", "Russia"]);
    assert!(extractor
        .countries_of(&["Tartus Governorate".into(), "Nowhere Land".into()])
        .is_empty());
    let us = extractor.places_of(&["Atlanta".into(), "Georgia".into()]);
    assert_eq!(extractor.countries_of(&us), ["United States"], "{us:?}");
    let caucasus = ["Georgia", "Tbilisi", "Russia"].map(String::from);
    assert_eq!(extractor.countries_of(&caucasus), ["Georgia", "Russia"]);
}
