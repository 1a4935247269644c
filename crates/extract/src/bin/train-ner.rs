//! Trains the entity tagger bundled as `crates/extract/data/ner.model`.
//! Built only with the `train` feature.
//!
//! Train a model like the bundled one (deterministic; under a minute on one
//! core; `data/README.md` says why today's code gives another model than
//! the bundled file), from the workspace root:
//!
//! ```text
//! cargo run --release -p news-extract --features train --bin train-ner -- \
//!     --train ../shared/data/ner/conll2003-train.jsonl \
//!     --dev ../shared/data/ner/conll2003-dev.jsonl \
//!     --out crates/extract/data/ner.model
//! ```
//!
//! Defaults: BILOU labels, 10 epochs of pass one, 6 of pass two (dev F1
//! plateaus there), 5 jackknife folds, seed 20030601. The model learns from
//! CoNLL-2003 train, from the English word list bundled in the crate
//! (`data/english-words.txt.gz`, SCOWL; `--words FILE` reads another list,
//! one word per line) and from the bundled word clusters
//! (`data/word-clusters.tsv.gz`, k-means clusters of the GloVe vectors;
//! `--clusters FILE` reads others), nothing else. Dev is only scored (per epoch, to
//! choose epochs and features), never trained on. `--eval MODEL` scores an
//! existing model file on `--dev`; `--predict MODEL` writes its predictions
//! for `--dev` as JSONL to stdout, in the format `score.py` reads; `--debug
//! MODEL` prints each dev token with its pass-one and final label.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Parser;
use news_extract::features::WordClusters;
use news_extract::labels::Scheme;
use news_extract::model::Model;
use news_extract::tagger::{Scratch, Weights};
use news_extract::train::{self, Config, GoldDoc};

/// What to do, and the training settings.
#[derive(Debug, Parser, PartialEq)]
#[command(
    name = "train-ner",
    about = "Trains, scores or runs the entity tagger."
)]
struct Args {
    /// CoNLL-2003 training documents (JSONL).
    #[arg(long)]
    train: Option<PathBuf>,
    /// Development documents (JSONL): scored, never trained on.
    #[arg(long)]
    dev: PathBuf,
    /// Where to write the trained model.
    #[arg(long)]
    out: Option<PathBuf>,
    /// English word list, one word per line (default: the bundled SCOWL list).
    #[arg(long)]
    words: Option<PathBuf>,
    /// Word clusters, `word <tab> id <tab> id <tab> id` lines (default: the
    /// bundled GloVe clusters); an empty file trains without clusters.
    #[arg(long)]
    clusters: Option<PathBuf>,
    /// Score this model on `--dev` instead of training.
    #[arg(long, value_name = "MODEL")]
    eval: Option<PathBuf>,
    /// Write this model's predictions for `--dev` as JSONL to stdout.
    #[arg(long, value_name = "MODEL")]
    predict: Option<PathBuf>,
    /// Print each dev token with its pass-one and final label.
    #[arg(long, value_name = "MODEL")]
    debug: Option<PathBuf>,
    /// Epochs of pass one.
    #[arg(long, default_value_t = 10)]
    epochs_a: usize,
    /// Epochs of pass two.
    #[arg(long, default_value_t = 6)]
    epochs_b: usize,
    /// Jackknife folds (at least 2).
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Shuffling seed.
    #[arg(long, default_value_t = 20030601)]
    seed: u64,
    /// Features seen fewer times are dropped.
    #[arg(long, default_value_t = 1)]
    min_count: u32,
    /// Rows whose largest averaged weight is below this are dropped.
    #[arg(long, default_value_t = 0.0)]
    prune: f32,
    /// BIO labels instead of BILOU.
    #[arg(long)]
    bio: bool,
    /// Greedy decoding instead of Viterbi.
    #[arg(long)]
    greedy: bool,
    /// No Title Case copies of training documents.
    #[arg(long)]
    no_title_case: bool,
    /// The case lexicon is learned from all training documents, not per fold.
    #[arg(long)]
    no_jackknife_lexicon: bool,
    /// With `--eval`: pass one only.
    #[arg(long)]
    one_pass: bool,
}

impl Args {
    fn config(&self) -> Config {
        Config {
            scheme: if self.bio { Scheme::Bio } else { Scheme::Bilou },
            epochs_a: self.epochs_a,
            epochs_b: self.epochs_b,
            folds: self.folds.max(2),
            seed: self.seed,
            min_count: self.min_count,
            prune: self.prune,
            greedy: self.greedy,
            title_case: !self.no_title_case,
            jackknife_lexicon: !self.no_jackknife_lexicon,
        }
    }
}

fn main() -> Result<()> {
    let args = Args::parse();
    if let Some(model_path) = &args.predict {
        return predict(model_path, &args.dev);
    }
    let dev = train::read_docs(&args.dev).with_context(|| args.dev.display().to_string())?;
    if let Some(model_path) = &args.debug {
        return debug(&load(model_path)?, &dev);
    }
    if let Some(model_path) = &args.eval {
        return eval(model_path, &dev, &args);
    }
    let (Some(train_path), Some(out)) = (&args.train, &args.out) else {
        bail!("training needs --train FILE and --out FILE (or use --eval, --predict, --debug)");
    };
    train_model(train_path, out, &dev, &args)
}

fn load(path: &Path) -> Result<Model> {
    let bytes = std::fs::read(path).with_context(|| path.display().to_string())?;
    Model::from_bytes(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn predict(model_path: &Path, dev_path: &Path) -> Result<()> {
    let bytes = std::fs::read(model_path).with_context(|| model_path.display().to_string())?;
    let extractor = news_extract::Extractor::from_model_bytes(&bytes);
    let input = std::io::BufReader::new(
        std::fs::File::open(dev_path).with_context(|| dev_path.display().to_string())?,
    );
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    news_extract::extract_jsonl(&extractor, input, out, |e| eprintln!("{e}"))?;
    Ok(())
}

/// Token-per-line dump: token, pass-one label, final label; with
/// `NER_EXPLAIN=WORD`, the pass-two weights behind that word's label.
fn debug(model: &Model, dev: &[GoldDoc]) -> Result<()> {
    let scheme = Weights::scheme(model);
    let mut scratch = Scratch::new(scheme);
    let name = |l: u8| match scheme.split(l) {
        None => "O".to_string(),
        Some((t, p)) => format!("{:?}-{}", p, news_extract::labels::TYPES[t as usize]),
    };
    let explain = std::env::var("NER_EXPLAIN").ok();
    for d in dev {
        scratch.tag(model, &d.text, true);
        println!("# {}", d.id);
        let tokens = scratch.tokens.clone();
        for (i, t) in tokens.iter().enumerate() {
            if t.line_start {
                println!();
            }
            let labels = (name(scratch.pass1[i]), name(scratch.labels[i]));
            println!("{}\t{}\t{}", t.text(&d.text), labels.0, labels.1);
            if explain.as_deref() == Some(t.text(&d.text)) {
                explain_token(model, &mut scratch, i, &name);
            }
        }
    }
    Ok(())
}

/// Pass-two weights of the final label's rivals, per feature of token `i`.
fn explain_token(model: &Model, scratch: &mut Scratch, i: usize, name: &dyn Fn(u8) -> String) {
    let scheme = Weights::scheme(model);
    let mut keys = Vec::new();
    let pass1 = scratch.pass1.clone();
    let fz = scratch.featurizer();
    fz.local(i, &mut keys);
    let n_local = keys.len();
    fz.doc_stats(scheme, &pass1);
    fz.doc(scheme, i, &pass1, &mut keys);
    for (j, k) in keys.iter().enumerate() {
        let ws: Vec<String> = model
            .weights_of(*k)
            .iter()
            .filter(|w| w.0 == 1 && w.2.abs() > 0.5)
            .map(|w| format!("{}={:.1}", name(w.1), w.2))
            .collect();
        let part = if j < n_local { "local" } else { "doc" };
        println!("    {part} {j}: {}", ws.join(" "));
    }
}

fn eval(model_path: &Path, dev: &[GoldDoc], args: &Args) -> Result<()> {
    let t = Instant::now();
    let model = load(model_path)?;
    eprintln!("loaded {} rows in {:?}", model.rows(), t.elapsed());
    let s = train::evaluate(&model, dev, !args.one_pass, args.greedy);
    println!("dev {}", s.summary());
    // Tagging speed on dev (best of 5, one thread), for comparing models.
    let mut scratch = Scratch::new(Weights::scheme(&model));
    let mut best = 0f64;
    for _ in 0..5 {
        let t = Instant::now();
        let mut tokens = 0;
        for d in dev {
            scratch.tag(&model, &d.text, !args.one_pass);
            tokens += scratch.tokens.len();
        }
        best = best.max(tokens as f64 / t.elapsed().as_secs_f64());
    }
    println!("tagging speed: {best:.0} tokens/s (best of 5)");
    Ok(())
}

fn train_model(train_path: &Path, out: &Path, dev: &[GoldDoc], args: &Args) -> Result<()> {
    let cfg = args.config();
    let docs = train::read_docs(train_path).with_context(|| train_path.display().to_string())?;
    let words = match &args.words {
        Some(p) => std::fs::read_to_string(p).with_context(|| p.display().to_string())?,
        None => train::english_words().context("bundled word list")?,
    };
    let clusters = match &args.clusters {
        Some(p) => std::fs::read_to_string(p).with_context(|| p.display().to_string())?,
        None => train::word_clusters().context("bundled word clusters")?,
    };
    let clusters = WordClusters::parse(&clusters)?;
    eprintln!("config: {cfg:?}");
    let t = Instant::now();
    let raw = train::train(&cfg, &docs, dev, &words, &clusters, &mut std::io::stderr())?;
    let bytes = raw.to_bytes();
    std::fs::write(out, &bytes).with_context(|| out.display().to_string())?;
    let model = Model::from_bytes(&bytes).map_err(|e| anyhow::anyhow!("{e}"))?;
    let s = train::evaluate(&model, dev, true, cfg.greedy);
    eprintln!(
        "wrote {} ({} bytes, {} rows) in {:.1?}; quantised model dev {}",
        out.display(),
        bytes.len(),
        model.rows(),
        t.elapsed(),
        s.summary()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_into_the_config() {
        let args = Args::try_parse_from([
            "train-ner",
            "--train",
            "t.jsonl",
            "--dev",
            "d.jsonl",
            "--out",
            "m",
            "--bio",
            "--folds",
            "1",
        ])
        .unwrap();
        assert_eq!(args.train.as_deref(), Some(Path::new("t.jsonl")));
        let cfg = args.config();
        assert_eq!((cfg.scheme, cfg.folds, cfg.epochs_a), (Scheme::Bio, 2, 10));
        assert!(Args::try_parse_from(["train-ner", "--train", "t.jsonl"]).is_err());
    }
}
