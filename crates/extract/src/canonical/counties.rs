//! The counties of the United Kingdom and Ireland that news names, which
//! the gazetteer (GeoNames' cities and first-level regions: England,
//! Scotland, Wales, Northern Ireland; Ireland's provinces) lacks or has
//! only as a town elsewhere: without them "Police in Kent" or "Cornwall"
//! read as Kent, Washington, and Cornwall, Ontario, and "Lancashire" as
//! no place.
//!
//! Each is named as British newsrooms write it, with the GeoNames id of
//! its second-level division (or, for the ceremonial and historic
//! counties GeoNames lists otherwise, its region or former division:
//! "Merseyside", "Yorkshire") and the nation it lies in. Compiled for
//! this project from GeoNames' records for Great Britain (CC BY 4.0; the
//! `GB.txt` dump, feature codes ADM2, RGN and ADMD); names that are also a
//! British city's ("Bristol", "Durham"), a person's ("Angus", "Moray")
//! or a common word ("Highland") are left out.
//!
//! Over Reuters-21578 (`news extract` with and without the list) the
//! places facets of 8 articles change, all right ("Cornwall, England"
//! no longer in Ontario, "Surrey, England" in British Columbia,
//! "Suffolk" and "west Norfolk" in Virginia; "Blackburn, Lancashire"
//! and "Horncastle, Lincolnshire" found), and one county taken for a
//! firm becomes a place resolved wrongly ("Essex, Ontario", a town too
//! small for the gazetteer, as Essex, Maryland); on the Wikinews articles
//! one ("Norfolk" beside Croydon, no longer in Virginia).

use std::sync::OnceLock;

use super::super::gazetteer::name_key;
use super::HashMap;

/// The gazetteer's name of the United Kingdom.
const UNITED_KINGDOM: &str = "United Kingdom";

/// One county: its name, GeoNames id, and the region (nation or
/// province) and country it lies in.
pub(crate) struct County {
    pub name: &'static str,
    pub geonames_id: Option<u32>,
    pub region: &'static str,
    pub country: &'static str,
    /// For a name "County X": whether "X" alone names it too (not where
    /// X is a city's name: "Cork").
    bare: bool,
}

/// A county of the United Kingdom.
const fn c(name: &'static str, geonames_id: u32, nation: &'static str) -> County {
    County {
        name,
        geonames_id: Some(geonames_id),
        region: nation,
        country: UNITED_KINGDOM,
        bare: false,
    }
}

/// A county of Ireland, in `province`, known bare or not: GeoNames'
/// records for Ireland were not at hand, so no id.
const fn ie(name: &'static str, province: &'static str, bare: bool) -> County {
    County {
        name,
        geonames_id: None,
        region: province,
        country: "Ireland",
        bare,
    }
}

#[rustfmt::skip]
static COUNTIES: &[County] = &[
    c("Bedfordshire", 2656044, "England"),
    c("Berkshire", 2655856, "England"),
    c("Buckinghamshire", 2654408, "England"),
    c("Cambridgeshire", 2653940, "England"),
    c("Cheshire", 2653234, "England"),
    c("Cornwall", 2652355, "England"),
    c("County Durham", 2650629, "England"),
    c("Cumbria", 2651712, "England"),
    c("Derbyshire", 2651346, "England"),
    c("Devon", 2651292, "England"),
    c("Dorset", 2651079, "England"),
    c("East Riding of Yorkshire", 2650345, "England"),
    c("East Sussex", 2650328, "England"),
    c("Essex", 2649889, "England"),
    c("Gloucestershire", 2648402, "England"),
    c("Greater London", 2648110, "England"),
    c("Greater Manchester", 2648108, "England"),
    c("Hampshire", 2647554, "England"),
    c("Herefordshire", 2647071, "England"),
    c("Hertfordshire", 2647043, "England"),
    c("Kent", 3333158, "England"),
    c("Lancashire", 2644974, "England"),
    c("Leicestershire", 2644667, "England"),
    c("Lincolnshire", 2644486, "England"),
    c("Merseyside", 2642713, "England"),
    c("Norfolk", 2641455, "England"),
    c("North Yorkshire", 2641209, "England"),
    c("Northamptonshire", 2641429, "England"),
    c("Northumberland", 2641235, "England"),
    c("Nottinghamshire", 2641169, "England"),
    c("Oxfordshire", 2640726, "England"),
    c("Rutland", 11609012, "England"),
    c("Shropshire", 2638655, "England"),
    c("Somerset", 2637532, "England"),
    c("South Yorkshire", 2637273, "England"),
    c("Staffordshire", 2637141, "England"),
    c("Suffolk", 2636561, "England"),
    c("Surrey", 2636512, "England"),
    c("Tyne and Wear", 2635274, "England"),
    c("Warwickshire", 2634723, "England"),
    c("West Midlands", 2634343, "England"),
    c("West Sussex", 2634258, "England"),
    c("West Yorkshire", 2634219, "England"),
    c("Wiltshire", 2633868, "England"),
    c("Worcestershire", 2633560, "England"),
    c("Yorkshire", 2633349, "England"),
    c("Sussex", 2636510, "England"),
    c("Middlesex", 2642605, "England"),
    c("Pembrokeshire", 2640500, "Wales"),
    c("Carmarthenshire", 2653753, "Wales"),
    c("Denbighshire", 2651385, "Wales"),
    c("Monmouthshire", 3333244, "Wales"),
    c("Gwynedd", 2647716, "Wales"),
    c("Powys", 11612612, "Wales"),
    c("Anglesey", 2657311, "Wales"),
    c("Flintshire", 2649298, "Wales"),
    c("Ceredigion", 2653814, "Wales"),
    c("Gwent", 11612614, "Wales"),
    c("Dyfed", 2650596, "Wales"),
    c("Clwyd", 2652738, "Wales"),
    c("Vale of Glamorgan", 2635028, "Wales"),
    c("Aberdeenshire", 2657830, "Scotland"),
    c("Fife", 2649469, "Scotland"),
    c("Clackmannanshire", 2652975, "Scotland"),
    c("Renfrewshire", 2639494, "Scotland"),
    c("East Lothian", 2650386, "Scotland"),
    c("West Lothian", 2634354, "Scotland"),
    c("Midlothian", 2642559, "Scotland"),
    c("Argyll and Bute", 6457407, "Scotland"),
    c("Dumfries and Galloway", 2650797, "Scotland"),
    c("Perth and Kinross", 3333234, "Scotland"),
    c("Scottish Borders", 2655192, "Scotland"),
    c("North Lanarkshire", 3333233, "Scotland"),
    c("South Lanarkshire", 3333236, "Scotland"),
    c("North Ayrshire", 3333232, "Scotland"),
    c("South Ayrshire", 3333235, "Scotland"),
    c("East Ayrshire", 3333226, "Scotland"),
    c("County Antrim", 2657254, "Northern Ireland"),
    c("County Down", 2651037, "Northern Ireland"),
    c("County Tyrone", 2635259, "Northern Ireland"),
    c("County Londonderry", 2643735, "Northern Ireland"),
    // Ireland's, by province (the gazetteer writes "Connaught").
    ie("County Carlow", "Leinster", false), ie("County Dublin", "Leinster", false),
    ie("County Kildare", "Leinster", true), ie("County Kilkenny", "Leinster", false),
    ie("County Laois", "Leinster", true), ie("County Longford", "Leinster", true),
    ie("County Louth", "Leinster", true), ie("County Meath", "Leinster", true),
    ie("County Offaly", "Leinster", true), ie("County Westmeath", "Leinster", true),
    ie("County Wexford", "Leinster", false), ie("County Wicklow", "Leinster", true),
    ie("County Clare", "Munster", true), ie("County Cork", "Munster", false),
    ie("County Kerry", "Munster", true), ie("County Limerick", "Munster", false),
    ie("County Tipperary", "Munster", true), ie("County Waterford", "Munster", false),
    ie("County Galway", "Connaught", false), ie("County Leitrim", "Connaught", true),
    ie("County Mayo", "Connaught", true), ie("County Roscommon", "Connaught", true),
    ie("County Sligo", "Connaught", false), ie("County Cavan", "Ulster", true),
    ie("County Donegal", "Ulster", true), ie("County Monaghan", "Ulster", true),
];

/// The county named `key` (a name key), if the list has it.
pub(crate) fn county_named(key: &str) -> Option<&'static County> {
    static BY_KEY: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let by_key = BY_KEY.get_or_init(|| {
        let mut by_key = HashMap::default();
        for (i, county) in COUNTIES.iter().enumerate() {
            by_key.insert(name_key(county.name), i);
            if let Some(x) = county.name.strip_prefix("County ") {
                by_key.insert(name_key(&format!("Co {x}")), i);
                by_key.insert(name_key(&format!("Co. {x}")), i);
                if county.bare {
                    by_key.insert(name_key(x), i);
                }
            }
        }
        by_key
    });
    by_key.get(key).map(|&i| &COUNTIES[i])
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    /// The places facet of `text`.
    fn places(text: &str) -> Vec<String> {
        Extractor::bundled().extract(text).places
    }

    #[test]
    fn a_county_among_british_places_is_the_county() {
        let text = "Police in Kent arrested two men after a stabbing in Maidstone.";
        let found = Extractor::bundled().extract(text);
        assert_eq!(
            found.places,
            ["Kent", "England", "United Kingdom", "Maidstone"]
        );
        assert_eq!(found.geonames_ids[0], Some(3333158));
        // Towns named like counties abroad place nothing.
        let text = "Britain plans a reactor in Somerset and a port in Suffolk.";
        let found = places(text);
        assert!(!found.iter().any(|p| p == "United States"), "{found:?}");
    }

    #[test]
    fn counties_named_like_towns_abroad_place_nothing() {
        assert_eq!(
            places("Storm Ciarán battered Cornwall and Devon."),
            ["Cornwall", "England", "United Kingdom", "Devon"]
        );
    }

    #[test]
    fn irish_counties_are_named_in_full_and_apart_from_their_cities() {
        assert_eq!(
            places("A farmer in Co Kerry died."),
            ["County Kerry", "Munster", "Ireland"]
        );
        let text = "Police in County Cork said the man was from Cork city.";
        let found = Extractor::bundled().extract(text).locations;
        assert_eq!(found, ["County Cork", "Cork"]);
        // "Louth" is also a town in England.
        assert_eq!(
            places("Gardaí searched a farm in Louth."),
            ["County Louth", "Leinster", "Ireland"]
        );
    }

    #[test]
    fn a_county_the_gazetteer_lacks_is_the_county() {
        assert_eq!(
            places("He lives in Lancashire."),
            ["Lancashire", "England", "United Kingdom"]
        );
    }

    #[test]
    fn a_town_abroad_the_article_places_stays() {
        let text = "The Boeing plant in Kent, Washington, near Seattle.";
        let found = places(text);
        assert!(found.iter().any(|p| p == "United States"), "{found:?}");
        assert!(!found.iter().any(|p| p == "England"), "{found:?}");
    }
}
