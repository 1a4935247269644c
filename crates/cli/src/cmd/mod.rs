//! One module per subcommand.

pub mod extract;
pub mod index;
pub mod search;
pub mod synth;
