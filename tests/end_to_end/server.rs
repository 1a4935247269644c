//! A `news serve` running for a test on a free loopback port, and a plain HTTP
//! client for it.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

/// A running `news serve`; killed when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    agent: ureq::Agent,
}

impl Server {
    /// Starts `news serve --index INDEX --addr 127.0.0.1:0 EXTRA...` and waits
    /// until it listens.
    pub fn start(index: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_news"))
            .arg("--index")
            .arg(index)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("news serve starts");
        // Its first line names the port the system gave it.
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .split_whitespace()
            .find(|word| word.starts_with("http://"))
            .unwrap_or_else(|| panic!("news serve printed no address: {line:?}"))
            .to_owned();
        let agent = ureq::Agent::config_builder()
            // Error statuses are what these tests look at, not failures.
            .http_status_as_error(false)
            .build()
            .into();
        Server { child, base, agent }
    }

    /// `GET PATH_AND_QUERY`: the status and the JSON body.
    pub fn get(&self, path: &str) -> (u16, Value) {
        let response = self.agent.get(format!("{}{path}", self.base)).call();
        read(response.expect("the server answers"))
    }

    /// `GET PATH_AND_QUERY`: the value of response header `name` and the JSON body.
    pub fn get_header(&self, path: &str, name: &str) -> (Option<String>, Value) {
        let response = self
            .agent
            .get(format!("{}{path}", self.base))
            .call()
            .expect("the server answers");
        let value = response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned());
        (value, read(response).1)
    }

    /// `GET PATH_AND_QUERY`: the status, the content type and the body as text.
    pub fn get_text(&self, path: &str) -> (u16, String, String) {
        let mut response = self
            .agent
            .get(format!("{}{path}", self.base))
            .call()
            .expect("the server answers");
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let body = response.body_mut().read_to_string().unwrap();
        (response.status().as_u16(), content_type, body)
    }

    /// `POST PATH` with a JSON body: the status and the JSON body.
    pub fn post(&self, path: &str, body: &str) -> (u16, Value) {
        let response = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .send(body);
        read(response.expect("the server answers"))
    }
}

fn read(mut response: ureq::http::Response<ureq::Body>) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_string()
        .unwrap();
    let json = serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("status {status}: body is not JSON ({error}): {text}"));
    (status, json)
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
