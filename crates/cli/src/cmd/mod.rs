//! One module per subcommand.

pub mod index;
pub mod search;
pub mod synth;
