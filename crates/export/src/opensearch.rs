//! OpenSearch / Elasticsearch: `index.json` (settings and mappings, the body
//! of `PUT /news`) and `bulk-NNNN.ndjson` files for `POST /_bulk`, each an
//! `{"index":{"_index":..,"_id":..}}` action line followed by the document.
//!
//! The same files load into Elasticsearch 7 and 8: the mapping uses only
//! types both have (`text` with the built-in `english` analyser, `keyword`,
//! `date`, `long`, `integer`), and the actions carry no `_type`. `cluster`
//! (an unsigned 64-bit hash) is written as the signed `long` of the same bits.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::bulk::{create_dir, BulkFiles};
use crate::{Error, ExportedArticle, Options, Result, Sink};

/// File name of the index definition.
pub const INDEX_FILE: &str = "index.json";

/// The index definition: text fields analysed as English, entity and other
/// exact fields as `keyword` (terms aggregations), `date` as a date. Strict,
/// so a document with a field the mapping lacks is refused, not guessed.
pub(crate) fn index_definition() -> Value {
    let keyword = json!({"type": "keyword"});
    let mut properties = serde_json::Map::new();
    for name in ["title", "body"] {
        properties.insert(name.into(), json!({"type": "text", "analyzer": "english"}));
    }
    for name in [
        "id",
        "source",
        "section",
        "dateline",
        "author",
        "language",
        "persons",
        "locations",
        "organizations",
        "countries",
    ] {
        properties.insert(name.into(), keyword.clone());
    }
    properties.insert("url".into(), json!({"type": "keyword", "index": false}));
    properties.insert(
        "date".into(),
        json!({"type": "date", "format": "strict_date_optional_time||epoch_second"}),
    );
    properties.insert("cluster".into(), json!({"type": "long"}));
    properties.insert("cluster_size".into(), json!({"type": "integer"}));
    json!({
        "settings": {"number_of_shards": 1, "number_of_replicas": 0},
        "mappings": {"dynamic": "strict", "properties": properties},
    })
}

/// Writes the index definition and the bulk files.
pub(crate) struct OpenSearchSink {
    index_name: String,
    files: BulkFiles,
    definition: PathBuf,
}

impl OpenSearchSink {
    pub fn open(dir: &Path, options: &Options) -> Result<Self> {
        create_dir(dir, "bulk-")?;
        let definition = dir.join(INDEX_FILE);
        let text = serde_json::to_string_pretty(&index_definition())
            .map_err(|e| Error::io(&definition)(e.into()))?;
        std::fs::write(&definition, text + "\n").map_err(Error::io(&definition))?;
        Ok(OpenSearchSink {
            index_name: options.index_name.clone(),
            files: BulkFiles::new(dir, "bulk", options.bulk_bytes),
            definition,
        })
    }
}

impl Sink for OpenSearchSink {
    fn write(&mut self, article: &ExportedArticle) -> Result<()> {
        let action = json!({"index": {"_index": self.index_name, "_id": article.id}});
        let mut document = serde_json::to_value(article)
            .map_err(|e| Error::io(self.definition.clone())(e.into()))?;
        if let Some(cluster) = article.cluster {
            // Cluster ids are 64-bit hashes and `long` is signed: the same
            // bits read as signed keep ids distinct and equal where they were.
            document["cluster"] = json!(cluster as i64);
        }
        self.files.write(&[&action, &document])
    }

    fn finish(self: Box<Self>) -> Result<Vec<PathBuf>> {
        let mut files = vec![self.definition];
        files.extend(self.files.finish()?);
        Ok(files)
    }
}
