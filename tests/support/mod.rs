//! Test support for the end-to-end tests: a static file server over `dist/` that records
//! every path requested, and a minimal WebDriver client for chromedriver (JSON over HTTP on
//! loopback, std only).

// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Serves `root` on 127.0.0.1 (a free port) and records every requested path.
pub struct StaticServer {
    pub port: u16,
    pub requested: Arc<Mutex<Vec<String>>>,
}

impl StaticServer {
    pub fn start(root: &Path) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("address").port();
        let requested = Arc::new(Mutex::new(Vec::new()));
        let log = requested.clone();
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                let log = log.clone();
                std::thread::spawn(move || serve(stream, &root, &log));
            }
        });
        StaticServer { port, requested }
    }

    /// The requests among `requests` that went anywhere but this server (`blob:` and `data:`
    /// URLs and the browser's own `chrome` pages are local).
    pub fn foreign<'a>(&self, requests: &'a [String]) -> Vec<&'a String> {
        let origin = self.url("");
        requests
            .iter()
            .filter(|u| {
                !(u.starts_with("blob:")
                    || u.starts_with("data:")
                    || u.starts_with("chrome")
                    || u.starts_with(&origin))
            })
            .collect()
    }

    pub fn url(&self, path: &str) -> String {
        format!(
            "http://127.0.0.1:{}/{}",
            self.port,
            path.trim_start_matches('/')
        )
    }
}

fn serve(mut stream: TcpStream, root: &Path, log: &Mutex<Vec<String>>) {
    let mut buf = [0u8; 8192];
    let n = stream.read(&mut buf).unwrap_or(0);
    let request = String::from_utf8_lossy(&buf[..n]);
    let path = request
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .split('?')
        .next()
        .unwrap_or("/")
        .to_string();
    log.lock().expect("log").push(path.clone());
    let file = if path == "/" {
        "index.html".to_string()
    } else {
        path.trim_start_matches('/').to_string()
    };
    let full: PathBuf = root.join(&file);
    let (status, body) = match (file.contains(".."), std::fs::read(&full)) {
        (false, Ok(body)) => ("200 OK", body),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let mime = match full.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    };
    let head = format!("HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// A running chromedriver and one browser session.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(120))).ok();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    // Read the head, then exactly Content-Length bytes (chromedriver may keep the socket open).
    let mut response = Vec::new();
    let mut chunk = [0u8; 65536];
    let (head_end, length) = loop {
        let n = stream.read(&mut chunk).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed before the response head".into());
        }
        response.extend_from_slice(&chunk[..n]);
        if let Some(pos) = response.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&response[..pos]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            break (pos + 4, length);
        }
    };
    while response.len() < head_end + length {
        let n = stream.read(&mut chunk).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        response.extend_from_slice(&chunk[..n]);
    }
    let json_part = String::from_utf8_lossy(&response[head_end..]).to_string();
    let value: Value = serde_json::from_str(&json_part).map_err(|e| format!("{e}: {json_part}"))?;
    if let Some(err) = value["value"].get("error") {
        return Err(format!("{err}: {}", value["value"]["message"]));
    }
    Ok(value["value"].clone())
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Browser {
    /// Starts chromedriver and a headless Chromium that downloads into `downloads`.
    pub fn start(downloads: &Path) -> Browser {
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let port = free_port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts (run .ci/setup.sh to install it)");
        let deadline = Instant::now() + Duration::from_secs(30);
        while http(port, "GET", "/status", None).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not answer within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = std::env::temp_dir().join(format!("exportcheck-chrome-{port}"));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"performance": "ALL", "browser": "ALL"},
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                         format!("--user-data-dir={}", profile.display())],
                "prefs": {"download.default_directory": downloads.display().to_string(),
                          "download.prompt_for_download": false}
            }
        }}});
        let session = http(port, "POST", "/session", Some(&caps)).expect("new browser session");
        let session = session["sessionId"]
            .as_str()
            .expect("session id")
            .to_string();
        Browser {
            driver,
            port,
            session,
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        http(
            self.port,
            method,
            &format!("/session/{}{path}", self.session),
            body.as_ref(),
        )
    }

    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({"url": url})))
            .expect("navigate");
    }

    pub fn refresh(&self) {
        self.cmd("POST", "/refresh", Some(json!({})))
            .expect("refresh");
    }

    /// Waits up to 20 s for an element matching `css`, and returns its id.
    pub fn wait(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(v) = self.cmd(
                "POST",
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            ) {
                return v[ELEMENT].as_str().expect("element id").to_string();
            }
            assert!(Instant::now() < deadline, "no element '{css}' within 20 s");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the text of the element matching `css` contains `needle`; returns the text.
    pub fn wait_text(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = self
                .cmd(
                    "POST",
                    "/element",
                    Some(json!({"using": "css selector", "value": css})),
                )
                .ok()
                .and_then(|v| v[ELEMENT].as_str().map(str::to_string))
                .map(|id| self.text_of(&id))
                .unwrap_or_default();
            if text.contains(needle) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "'{css}' did not show '{needle}' within 20 s; it shows: {text}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn count(&self, css: &str) -> usize {
        self.cmd(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        )
        .map(|v| v.as_array().map_or(0, Vec::len))
        .unwrap_or(0)
    }

    pub fn text_of(&self, id: &str) -> String {
        self.cmd("GET", &format!("/element/{id}/text"), None)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    pub fn value(&self, css: &str) -> String {
        let id = self.wait(css);
        self.cmd("GET", &format!("/element/{id}/property/value"), None)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// Opens the folded parts (`<details>`) around an element, as a person opens "show the
    /// other questions" before answering one of them.
    fn reveal(&self, id: &str) {
        let script = "let d = arguments[0].closest('details:not([open])'); \
                      while (d) { d.open = true; d = d.closest('details:not([open])'); }";
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": [{ELEMENT: id}]})),
        )
        .expect("reveal the element");
    }

    pub fn click(&self, css: &str) {
        let id = self.wait(css);
        self.reveal(&id);
        self.cmd("POST", &format!("/element/{id}/click"), Some(json!({})))
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub fn type_into(&self, css: &str, text: &str) {
        let id = self.wait(css);
        self.reveal(&id);
        self.cmd("POST", &format!("/element/{id}/clear"), Some(json!({})))
            .ok();
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        )
        .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Sends keys without clearing first (e.g. a file path to a file input).
    pub fn send_keys(&self, css: &str, text: &str) {
        let id = self.wait(css);
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        )
        .unwrap_or_else(|e| panic!("keys to {css}: {e}"));
    }

    /// Runs axe-core (from npm, injected into the page) against the WCAG 2.1 A and AA rules
    /// and returns the violations as "rule: target" lines.
    pub fn axe_violations(&self) -> Vec<String> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/target/tools/node_modules/axe-core/axe.min.js"
        );
        let source = std::fs::read_to_string(path).expect("axe-core is installed by .ci/setup.sh");
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": format!("{source}\nreturn true;"), "args": []})),
        )
        .expect("axe-core loads");
        let script = r#"
            const done = arguments[arguments.length - 1];
            const rules = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };
            axe.run(document, { runOnly: rules })
                .then(r => done(r.violations.map(v =>
                    v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                .catch(e => done(['axe failed: ' + e]));
        "#;
        let result = self
            .cmd(
                "POST",
                "/execute/async",
                Some(json!({"script": script, "args": []})),
            )
            .expect("axe-core runs");
        result
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    }

    /// Runs a script in the page (used by tests to prove their own checks can fail).
    pub fn execute(&self, script: &str) {
        self.eval(script);
    }

    /// Runs a script in the page and returns what it returns.
    pub fn eval(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
        .expect("script runs")
    }

    /// Continues inside the iframe matching `css`.
    pub fn enter_frame(&self, css: &str) {
        let id = self.wait(css);
        self.cmd("POST", "/frame", Some(json!({"id": {ELEMENT: id}})))
            .expect("switch to the frame");
    }

    /// Cuts the browser off the network (the page stays loaded), as a person going offline.
    pub fn go_offline(&self) {
        let conditions = json!({"network_conditions": {"offline": true, "latency": 0, "download_throughput": 0, "upload_throughput": 0}});
        self.cmd("POST", "/chromium/network_conditions", Some(conditions))
            .expect("network conditions");
    }

    /// Presses keys on the focused element (WebDriver key codes, e.g. "\u{E004}" for Tab).
    pub fn keys(&self, keys: &str) {
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions":
            keys.chars().flat_map(|k| [json!({"type": "keyDown", "value": k.to_string()}), json!({"type": "keyUp", "value": k.to_string()})]).collect::<Vec<_>>()
        }]});
        self.cmd("POST", "/actions", Some(actions))
            .expect("key actions");
    }

    /// Presses Tab until the focused element's description (see [`Browser::focused`])
    /// contains `needle`; fails after `limit` presses.
    pub fn tab_to(&self, needle: &str, limit: usize) {
        for _ in 0..limit {
            if self.focused().contains(needle) {
                return;
            }
            self.keys("\u{E004}");
        }
        panic!(
            "'{needle}' cannot be reached with Tab within {limit} presses; focus is on {}",
            self.focused()
        );
    }

    /// "id-or-tag|data-answer-or-code|question" of the element that has the keyboard focus.
    pub fn focused(&self) -> String {
        self.cmd("POST", "/execute/sync", Some(json!({"script": "const e = document.activeElement; const q = e.closest('[data-question]'); return [e.id || e.tagName, e.getAttribute('data-answer') || e.getAttribute('data-code') || '', q ? q.getAttribute('data-question') : ''].join('|');", "args": []})))
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// Saves a PNG screenshot of the whole window.
    pub fn screenshot(&self, path: &Path) {
        let b64 = self.cmd("GET", "/screenshot", None).expect("screenshot");
        let bytes = decode_base64(b64.as_str().expect("base64 text"));
        std::fs::write(path, bytes).expect("write screenshot");
    }

    /// Saves a PNG screenshot of the whole page, beyond the window's height (Chrome DevTools
    /// `Page.captureScreenshot`).
    pub fn screenshot_full_page(&self, path: &Path) {
        let height = self
            .eval("return Math.ceil(document.documentElement.scrollHeight);")
            .as_f64()
            .unwrap_or(1600.0);
        let width = self
            .eval("return Math.ceil(document.documentElement.scrollWidth);")
            .as_f64()
            .unwrap_or(1280.0);
        let shot = self
            .cmd(
                "POST",
                "/goog/cdp/execute",
                Some(json!({"cmd": "Page.captureScreenshot", "params": {
                    "captureBeyondViewport": true,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
                }})),
            )
            .expect("full-page screenshot");
        let bytes = decode_base64(shot["data"].as_str().expect("base64 data"));
        std::fs::write(path, bytes).expect("write screenshot");
    }

    /// Every URL the page requested or opened a socket to, from Chrome's performance log.
    pub fn network_requests(&self) -> Vec<String> {
        let entries = self
            .cmd("POST", "/se/log", Some(json!({"type": "performance"})))
            .unwrap_or(Value::Null);
        let mut out = Vec::new();
        for e in entries.as_array().into_iter().flatten() {
            let Ok(msg) = serde_json::from_str::<Value>(e["message"].as_str().unwrap_or("{}"))
            else {
                continue;
            };
            let method = msg["message"]["method"].as_str().unwrap_or("");
            let params = &msg["message"]["params"];
            match method {
                "Network.requestWillBeSent" => {
                    out.push(params["request"]["url"].as_str().unwrap_or("").to_string())
                }
                "Network.webSocketCreated" => {
                    out.push(params["url"].as_str().unwrap_or("").to_string())
                }
                _ => {}
            }
        }
        out
    }

    /// Console messages the page logged at level SEVERE (errors, CSP violations).
    pub fn console_errors(&self) -> Vec<String> {
        let entries = self
            .cmd("POST", "/se/log", Some(json!({"type": "browser"})))
            .unwrap_or(Value::Null);
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or("").to_string())
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let digits: Vec<u32> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, d)| acc | d << (18 - 6 * i));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}
