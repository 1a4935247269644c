//! Measures how long the bundled gazetteer and its small towns take to load, and tags a
//! synthetic token stream to measure `tag_tokens` throughput. Names given
//! as arguments are looked up and resolved.
//!
//! `cargo run --release -p news-extract --example gazetteer_load -- Paris Moskva`
//! (`-- --load` stops after loading, for `perf stat` and the like).

use std::time::Instant;

use news_extract::gazetteer::Gazetteer;

fn main() {
    let t = Instant::now();
    let g = Gazetteer::bundled();
    let load = t.elapsed();
    println!(
        "loaded {} places in {:.1} ms",
        g.places().len(),
        load.as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let towns = g.places().first().map(|p| g.town_in("", &[p], true));
    println!(
        "small towns read in {:.1} ms ({})",
        t.elapsed().as_secs_f64() * 1e3,
        if towns.is_some() { "read" } else { "none" }
    );
    if std::env::args().nth(1).as_deref() == Some("--load") {
        return;
    }

    // A token stream that looks like news: mostly ordinary words, some places.
    let sentence = "The talks in Moscow on Wednesday , held at the Kremlin , focused on \
                    Russia 's bases in Syria , including the Hmeimim airbase and the Tartus \
                    naval base , officials in New York and Washington , D.C. said .";
    let tokens: Vec<&str> = sentence.split(' ').collect();
    let mut out = Vec::new();
    let rounds = 20_000;
    let t = Instant::now();
    let mut hits = 0usize;
    for _ in 0..rounds {
        g.tag_tokens(&tokens, &mut out);
        hits += out.iter().filter(|t| t.begins()).count();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "tag_tokens: {:.2} M tokens/s ({} place starts per sentence)",
        (rounds * tokens.len()) as f64 / secs / 1e6,
        hits / rounds
    );
    for (tok, tag) in tokens.iter().zip(&out) {
        if !tag.is_none() {
            print!(
                "{tok}[{}{}] ",
                if tag.begins() { "B" } else { "I" },
                if tag.risky() { "?" } else { "" }
            );
        }
    }
    println!();

    for name in std::env::args().skip(1) {
        let cands: Vec<String> = g
            .lookup(&name)
            .iter()
            .map(|p| format!("{} ({:?}, {}, {})", p.name, p.kind, p.country, p.population))
            .collect();
        match g.resolve(&name, &[]) {
            Some(p) => println!(
                "{name} -> {} {:?} in {:?}; risky: {}; candidates: {}",
                p.name,
                p.kind,
                g.containing(p),
                g.is_risky(&name),
                cands.join("; ")
            ),
            None => println!("{name} -> unknown"),
        }
    }
}
