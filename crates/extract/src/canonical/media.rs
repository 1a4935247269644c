//! Platforms an article names only as the medium of something ("said via
//! Twitter", "on Instagram", "using Telegram", "Telegram messages"): the
//! guideline labels a social network or app so used no organization. One
//! acting as a company ("Facebook must remove the post") stays.

use super::super::EntityKind;
use super::context::Article;
use super::WordList;

/// Social networks, messaging apps and video sites, as name keys.
#[rustfmt::skip]
static PLATFORMS: WordList = WordList::new(&[
    "twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "telegram", "reddit",
    "snapchat", "weibo", "wechat", "linkedin", "pinterest", "twitch", "discord", "gofundme",
    "vimeo", "liveleak",
]);

/// Words before a platform that make it the medium ("via Twitter",
/// "posted to Twitter", "videos from LiveLeak", "my Instagram").
static BEFORE_MEDIUM: [&str; 11] = [
    "via ", "on ", "using ", "through ", "to ", "from ", "my ", "your ", "his ", "her ", "their ",
];

/// Nouns after a platform that make it the medium ("Telegram messages").
static AFTER_MEDIUM: WordList = WordList::new(&[
    "message",
    "messages",
    "post",
    "posts",
    "account",
    "accounts",
    "video",
    "videos",
    "page",
    "pages",
    "user",
    "users",
    "feed",
    "channel",
    "live",
    "livestream",
    "stream",
    "group",
    "story",
    "stories",
    "bio",
    "profile",
    "fight",
]);

/// The distinct organization mentions (`distinct` and `keys` by distinct
/// mention) that are [`PLATFORMS`] every mention of which `article` names
/// as a medium.
pub(super) fn platforms_named_as_media(
    article: &Article,
    distinct: &[Option<EntityKind>],
    keys: &[String],
) -> Vec<usize> {
    let is_platform =
        |u: usize| distinct[u] == Some(EntityKind::Organization) && PLATFORMS.contains(&keys[u]);
    if !(0..distinct.len()).any(is_platform) {
        return Vec::new();
    }
    // Distinct mention -> whether some mention of it is no medium.
    let mut acts = vec![false; distinct.len()];
    for i in 0..article.mentions.len() {
        let u = article.of[i];
        if !is_platform(u) {
            continue;
        }
        // 24 bytes: a space and the longest of the AFTER_MEDIUM words.
        let Some((before, after)) = article.around(i, 12, 24) else {
            continue;
        };
        let next = after
            .strip_prefix(' ')
            .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
            .unwrap_or_default();
        let medium =
            BEFORE_MEDIUM.iter().any(|w| before.ends_with(w)) || AFTER_MEDIUM.contains(next);
        acts[u] |= !medium;
    }
    (0..distinct.len())
        .filter(|&u| is_platform(u) && !acts[u])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::mentions_of;
    use super::super::*;

    #[test]
    fn a_platform_named_only_as_a_medium_is_no_organization() {
        use EntityKind::*;
        let text = "Merkel said via Twitter that she agreed. Reporters read the Telegram \
                    messages. Facebook must remove the post, and a Facebook user shared it.";
        let ms = mentions_of(
            text,
            &[
                (Person, "Merkel"),
                (Organization, "Twitter"),
                (Organization, "Telegram"),
                (Organization, "Facebook"),
                (Organization, "Facebook"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(c.organizations, ["Facebook"]);
        let text = "Warren posted a video to Twitter. Her final Instagram story moved fans. \
                    It downloads videos from LiveLeak. YouTube said it would appeal.";
        let ms = mentions_of(
            text,
            &[
                (Person, "Warren"),
                (Organization, "Twitter"),
                (Organization, "Instagram"),
                (Organization, "LiveLeak"),
                (Organization, "YouTube"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(c.organizations, ["YouTube"]);
    }
}
