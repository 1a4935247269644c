//! `news entities KIND [TEXT]`: canonical names by prefix or near spelling,
//! with article counts.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use news_query::EntityKind;

use crate::render::{paint, printable, DIM};

/// Arguments of `news entities`.
#[derive(Debug, Args, PartialEq)]
pub struct EntitiesArgs {
    /// Which names.
    #[arg(value_enum, value_name = "KIND")]
    pub kind: KindArg,
    /// Start of the name or of a word in it ("Puti"), or a near spelling;
    /// none lists the most frequent.
    #[arg(value_name = "TEXT", default_value = "")]
    pub text: String,
    /// Names to show.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Print a JSON array.
    #[arg(long)]
    pub json: bool,
}

/// `KIND` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// People.
    Person,
    /// Places.
    Location,
    /// Organizations.
    Organization,
}

impl From<KindArg> for EntityKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Person => EntityKind::Person,
            KindArg::Location => EntityKind::Location,
            KindArg::Organization => EntityKind::Organization,
        }
    }
}

/// Runs `news entities`.
pub fn run(index: &Path, args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let archive = crate::cmd::open(index)?;
    let found = archive.entities(args.kind.into(), &args.text, args.limit)?;
    let mut out = anstream::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&found)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if found.is_empty() {
        writeln!(
            out,
            "no {} matches \"{}\"",
            EntityKind::from(args.kind),
            args.text
        )?;
    }
    for entity in &found {
        let matched = serde_json::to_value(entity.matched)?;
        // Listing the commonest names matches nothing in particular.
        let how = match matched.as_str() {
            Some(how) if !args.text.is_empty() => format!("  {}", paint(DIM, how)),
            _ => String::new(),
        };
        // Say where a name came from when the authority file made it.
        let from = match entity.provenance.map(serde_json::to_value).transpose()? {
            Some(p) if p == "authority" => format!(
                "  {}",
                paint(DIM, &format!("({})", p.as_str().unwrap_or_default()))
            ),
            _ => String::new(),
        };
        writeln!(
            out,
            "{:>7}  {}{how}{from}",
            entity.count,
            printable(&entity.name)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: EntitiesArgs,
    }

    #[test]
    fn parses_kind_text_and_limit() {
        let args = Wrapper::try_parse_from(["entities", "person", "Puti", "--limit", "5"])
            .unwrap()
            .args;
        assert_eq!(
            args,
            EntitiesArgs {
                kind: KindArg::Person,
                text: "Puti".into(),
                limit: 5,
                json: false
            }
        );
        let bare = Wrapper::try_parse_from(["entities", "organization"])
            .unwrap()
            .args;
        assert_eq!((bare.text.as_str(), bare.limit), ("", 20));
        assert!(Wrapper::try_parse_from(["entities", "planet"]).is_err());
    }
}
