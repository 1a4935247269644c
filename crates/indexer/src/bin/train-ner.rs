//! Trains the entity tagger bundled as `crates/indexer/data/ner.model`.
//!
//! Reproduce the bundled model (deterministic; a few minutes on one core),
//! from the workspace root:
//!
//! ```text
//! cargo run --release -p news-indexer --bin train-ner -- \
//!     --train ../shared/data/ner/conll2003-train.jsonl \
//!     --unlabeled ../shared/data/corpora/reuters21578.jsonl \
//!     --dev ../shared/data/ner/conll2003-dev.jsonl \
//!     --out crates/indexer/data/ner.model
//! ```
//!
//! Defaults: BILOU labels, 10 epochs of pass one, 6 of pass two (dev F1
//! plateaus there), 5 jackknife folds, seed 20030601. `--unlabeled` texts
//! (labels unused) only teach the word-case lexicon: how often each word is
//! lowercase mid-sentence. Dev is only scored (per epoch, to choose epochs
//! and features), never trained on. `--eval MODEL` scores an existing model file on `--dev`;
//! `--predict MODEL` writes its predictions for `--dev` as JSONL to stdout,
//! in the format `score.py` reads.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use news_indexer::extract::labels::Scheme;
use news_indexer::extract::model::Model;
use news_indexer::extract::train::{self, Config};

fn usage() -> &'static str {
    "usage: train-ner --train FILE --dev FILE --out FILE [--unlabeled FILE]... [--epochs-a N] [--epochs-b N] \
     [--folds N] [--seed N] [--min-count N] [--prune X] [--bio|--bilou] [--greedy] [--no-title-case]\n\
     \x20      train-ner --eval MODEL --dev FILE [--greedy] [--one-pass]\n\
     \x20      train-ner --predict MODEL --dev FILE > PRED.jsonl"
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut cfg = Config {
        scheme: Scheme::Bilou,
        epochs_a: 10,
        epochs_b: 6,
        folds: 5,
        seed: 20030601,
        min_count: 1,
        prune: 0.0,
        greedy: false,
        title_case: true,
    };
    let (mut train_path, mut dev_path, mut out, mut eval) = (None, None, None, None);
    let mut predict = None;
    let mut unlabeled_paths = Vec::new();
    let mut debug = None;
    let mut one_pass = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || {
            args.next()
                .ok_or_else(|| format!("{a} needs a value\n{}", usage()))
        };
        let num = |v: String| v.parse::<u64>().map_err(|e| format!("{v}: {e}"));
        match a.as_str() {
            "--train" => train_path = Some(PathBuf::from(val()?)),
            "--unlabeled" => unlabeled_paths.push(PathBuf::from(val()?)),
            "--dev" => dev_path = Some(PathBuf::from(val()?)),
            "--out" => out = Some(PathBuf::from(val()?)),
            "--eval" => eval = Some(PathBuf::from(val()?)),
            "--predict" => predict = Some(PathBuf::from(val()?)),
            "--debug" => debug = Some(PathBuf::from(val()?)),
            "--epochs-a" => cfg.epochs_a = num(val()?)? as usize,
            "--epochs-b" => cfg.epochs_b = num(val()?)? as usize,
            "--folds" => cfg.folds = (num(val()?)? as usize).max(2),
            "--seed" => cfg.seed = num(val()?)?,
            "--min-count" => cfg.min_count = num(val()?)? as u32,
            "--prune" => {
                let v = val()?;
                cfg.prune = v.parse().map_err(|e| format!("{v}: {e}"))?;
            }
            "--bio" => cfg.scheme = Scheme::Bio,
            "--bilou" => cfg.scheme = Scheme::Bilou,
            "--greedy" => cfg.greedy = true,
            "--no-title-case" => cfg.title_case = false,
            "--one-pass" => one_pass = true,
            "-h" | "--help" => {
                println!("{}", usage());
                return Ok(());
            }
            _ => return Err(format!("unknown argument {a}\n{}", usage())),
        }
    }
    let dev_path = dev_path.ok_or_else(|| usage().to_string())?;
    if let Some(model_path) = predict {
        let bytes =
            std::fs::read(&model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
        let ex = news_indexer::extract::Extractor::from_model_bytes(&bytes);
        let input =
            std::io::BufReader::new(std::fs::File::open(&dev_path).map_err(|e| e.to_string())?);
        let out = std::io::BufWriter::new(std::io::stdout().lock());
        news_indexer::extract::extract_jsonl(&ex, input, out, |e| eprintln!("{e}"))
            .map_err(|e| e.to_string())?;
        return Ok(());
    }
    let dev = train::read_docs(&dev_path).map_err(|e| e.to_string())?;
    if let Some(model_path) = debug {
        // Token-per-line dump: token, pass-one label, final label.
        let bytes =
            std::fs::read(&model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
        let model = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
        let scheme = news_indexer::extract::tagger::Weights::scheme(&model);
        let mut scratch = news_indexer::extract::tagger::Scratch::new(scheme);
        let name = |l: u8| match scheme.split(l) {
            None => "O".to_string(),
            Some((t, p)) => format!(
                "{:?}-{}",
                p,
                news_indexer::extract::labels::TYPES[t as usize]
            ),
        };
        for d in &dev {
            scratch.tag(&model, &d.text, true);
            println!("# {}", d.id);
            let tokens = scratch.tokens.clone();
            for (i, t) in tokens.iter().enumerate() {
                if t.line_start {
                    println!();
                }
                println!(
                    "{}\t{}\t{}",
                    t.text(&d.text),
                    name(scratch.pass1[i]),
                    name(scratch.labels[i])
                );
                if std::env::var("NER_EXPLAIN").is_ok_and(|w| w == t.text(&d.text)) {
                    // Pass-two weights of the final label's rivals, per feature.
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
                        println!(
                            "    {} {j}: {}",
                            if j < n_local { "local" } else { "doc" },
                            ws.join(" ")
                        );
                    }
                }
            }
        }
        return Ok(());
    }
    if let Some(model_path) = eval {
        let bytes =
            std::fs::read(&model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
        let t = Instant::now();
        let model = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
        eprintln!("loaded {} rows in {:?}", model.rows(), t.elapsed());
        let s = train::evaluate(&model, &dev, !one_pass, cfg.greedy);
        println!("dev {}", s.summary());
        // Tagging speed on dev (best of 5, one thread), for comparing models.
        let mut scratch = news_indexer::extract::tagger::Scratch::new(
            news_indexer::extract::tagger::Weights::scheme(&model),
        );
        let mut best = 0f64;
        for _ in 0..5 {
            let t = Instant::now();
            let mut tokens = 0;
            for d in &dev {
                scratch.tag(&model, &d.text, !one_pass);
                tokens += scratch.tokens.len();
            }
            best = best.max(tokens as f64 / t.elapsed().as_secs_f64());
        }
        println!("tagging speed: {best:.0} tokens/s (best of 5)");
        return Ok(());
    }
    let (train_path, out) = match (train_path, out) {
        (Some(t), Some(o)) => (t, o),
        _ => return Err(usage().to_string()),
    };
    let docs = train::read_docs(&train_path).map_err(|e| e.to_string())?;
    let unlabeled = read_unlabeled(&unlabeled_paths)?;
    eprintln!("config: {cfg:?}");
    let t = Instant::now();
    let raw = train::train(&cfg, &docs, &dev, &unlabeled, &mut std::io::stderr())
        .map_err(|e| e.to_string())?;
    let bytes = raw.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    let model = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let s = train::evaluate(&model, &dev, true, cfg.greedy);
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

/// Texts of JSONL files with "text" or "title"/"body" (only used for the
/// word-case lexicon, never for labels).
fn read_unlabeled(paths: &[PathBuf]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for p in paths {
        let data = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        for (n, line) in data
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", p.display(), n + 1))?;
            let field = |k: &str| {
                v.get(k)
                    .and_then(|x| x.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            out.push(match v.get("text").and_then(|x| x.as_str()) {
                Some(t) => t.to_string(),
                None => format!("{}\n{}", field("title"), field("body")),
            });
        }
    }
    Ok(out)
}
