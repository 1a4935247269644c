//! Quickwit: `index-config.yaml` (for `quickwit index create --index-config`)
//! and `docs-NNNN.ndjson` (for `quickwit index ingest --input-path`), one
//! document per line.
//!
//! Entity fields are `array<text>` with the `raw` tokenizer and `fast: true`,
//! so a terms aggregation counts whole names; `date` is the timestamp field, a
//! fast `datetime` in RFC 3339. Undated articles carry no `date` field.

use std::path::{Path, PathBuf};

use crate::bulk::{create_dir, BulkFiles};
use crate::{Error, ExportedArticle, Options, Result, Sink};

/// File name of the index config.
pub const CONFIG_FILE: &str = "index-config.yaml";

/// Keyword fields: one token per value, fast (aggregatable).
const RAW_LISTS: [&str; 6] = [
    "persons",
    "locations",
    "organizations",
    "countries",
    "author",
    "language",
];
/// Single keyword fields.
const RAW_FIELDS: [&str; 5] = ["id", "source", "section", "dateline", "url"];

/// The index config, in Quickwit's YAML.
pub(crate) fn index_config(index_id: &str) -> String {
    let mut yaml = format!(
        "# Quickwit index config written by `news export --format quickwit`.\n\
         version: 0.7\n\
         index_id: {index_id}\n\
         doc_mapping:\n  \
           mode: strict\n  \
           field_mappings:\n"
    );
    for name in ["title", "body"] {
        yaml += &format!(
            "    - name: {name}\n      type: text\n      tokenizer: en_stem\n      record: position\n"
        );
    }
    for name in RAW_FIELDS {
        yaml += &format!(
            "    - name: {name}\n      type: text\n      tokenizer: raw\n      fast: true\n"
        );
    }
    for name in RAW_LISTS {
        let kind = if name == "language" {
            "text"
        } else {
            "array<text>"
        };
        yaml += &format!(
            "    - name: {name}\n      type: {kind}\n      tokenizer: raw\n      fast: true\n"
        );
    }
    yaml += "    - name: date\n      type: datetime\n      input_formats: [rfc3339]\n      \
             output_format: rfc3339\n      fast: true\n      fast_precision: seconds\n";
    for name in ["cluster", "cluster_size"] {
        yaml += &format!("    - name: {name}\n      type: u64\n      fast: true\n");
    }
    yaml += "  timestamp_field: date\n\
             search_settings:\n  \
               default_search_fields: [title, body]\n";
    yaml
}

/// Writes the index config and the NDJSON files.
pub(crate) struct QuickwitSink {
    files: BulkFiles,
    config: PathBuf,
}

impl QuickwitSink {
    pub fn open(dir: &Path, options: &Options) -> Result<Self> {
        create_dir(dir, "docs-")?;
        let config = dir.join(CONFIG_FILE);
        std::fs::write(&config, index_config(&options.index_name)).map_err(Error::io(&config))?;
        Ok(QuickwitSink {
            files: BulkFiles::new(dir, "docs", options.bulk_bytes),
            config,
        })
    }
}

impl Sink for QuickwitSink {
    fn write(&mut self, article: &ExportedArticle) -> Result<()> {
        self.files.write(&[article])
    }

    fn finish(self: Box<Self>) -> Result<Vec<PathBuf>> {
        let mut files = vec![self.config];
        files.extend(self.files.finish()?);
        Ok(files)
    }
}
