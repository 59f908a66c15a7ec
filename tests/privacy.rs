//! Privacy gate on the shipped widget (`dist/`, from `.ci/build.sh`): no network or eval API in
//! the JS glue, the loader, the page or the wasm imports, other than the uses that loading the
//! widget's own files needs, each named in [`ALLOWED`] with its reason.
//!
//! Two scans, because each sees what the other cannot:
//! - every `.js`/`.mjs`/`.html` file under `dist/` is read as text (comments and strings
//!   included) and every identifier is checked: `fetch`, `XMLHttpRequest`, `WebSocket`,
//!   `sendBeacon`, `EventSource`, `RTCPeerConnection`, `importScripts`, `eval`, also
//!   vendor-prefixed (`webkitRTCPeerConnection`) or extended in camel case (`fetchLater`,
//!   `WebSocketStream`), and the `Function` constructor (`new Function` or `Function(`).
//!   This catches constructors too, which wasm-bindgen imports under `__wbg_new_<hash>`;
//! - the import section of every `.wasm` file is parsed (a small reader of the WebAssembly
//!   binary format below) and every import whose module or field name contains one of those
//!   names, case-insensitively, as whole words (`__wbg_fetch_<hash>`, `__wbg_sendBeacon_<hash>`,
//!   `__wbg_eval_<hash>`, `__wbg_new_no_args_<hash>` for `Function`), is reported. Whole words
//!   (split at `_`, non-alphanumerics and camel case), because a plain substring search flags
//!   `__wbg_set_nodeValue_<hash>` ("nod*eVal*ue"). Every import must also be provided by a
//!   scanned JS file, so the text scan covers whatever the wasm can call.
//!
//! An allowed use is matched by file, API, enclosing top-level JS function and the exact code
//! text around it, never by count alone: a new `fetch` anywhere else fails the test, and so
//! does an allow-list entry that no longer matches anything.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One allowed use of a forbidden API in the shipped files.
struct Allowed {
    /// Path under `dist/`, with `/` separators.
    file: &'static str,
    /// The API, as the scan names it (see [`JS_APIS`] and [`WASM_NAMES`]).
    api: &'static str,
    /// The top-level JS function the use is in (`None`: outside any, or a wasm import).
    function: Option<&'static str>,
    /// Exact text on the same line that contains the use (for a wasm import: its line in the
    /// report, `module field (kind)`).
    context: &'static str,
    reason: &'static str,
}

/// The allow-list: every use of a forbidden API that the shipped widget may contain.
const ALLOWED: &[Allowed] = &[
    Allowed {
        file: "widget.js",
        api: "fetch",
        function: Some("__wbg_init_once"),
        context: "module_or_path = fetch(module_or_path);",
        reason: "wasm-bindgen's init requests the widget's own widget_bg.wasm; the loader \
                 exportcheck.js passes new URL('widget_bg.wasm', <its own folder>)",
    },
    Allowed {
        file: "widget.js",
        api: "fetch",
        function: Some("__wbg_load"),
        context: "throw new Error(`failed to fetch Wasm: ${module.status}",
        reason: "the word in the error message when that request for widget_bg.wasm fails; \
                 a string, not a call",
    },
    Allowed {
        file: "widget.js",
        api: "Function",
        function: Some("debugString"),
        context: "? `Function(${val.name})`",
        reason: "text that wasm-bindgen's debugString returns for a JS function value \
                 (a template string, not a call)",
    },
    Allowed {
        file: "index.html",
        api: "eval",
        function: None,
        context: "script-src 'self' 'wasm-unsafe-eval';",
        reason: "the page's Content-Security-Policy keyword that lets it compile the widget's \
                 WebAssembly; it does not allow JS eval",
    },
    Allowed {
        file: "host-example.html",
        api: "eval",
        function: None,
        context: "script-src 'self' 'wasm-unsafe-eval';",
        reason: "the example host page's Content-Security-Policy keyword, as in index.html; it \
                 does not allow JS eval",
    },
];

/// JS identifiers that are network or eval APIs. `Function` is handled apart: only the
/// constructor (`new Function`, `Function(`) counts.
const JS_APIS: &[&str] = &[
    "fetch",
    "XMLHttpRequest",
    "WebSocket",
    "sendBeacon",
    "EventSource",
    "RTCPeerConnection",
    "importScripts",
    "eval",
];

/// Vendor prefixes under which browsers shipped some of these APIs.
const VENDOR_PREFIXES: &[&str] = &["webkit", "moz", "ms"];

/// Lower-case names that flag a wasm import, and the API each one stands for. A name matches
/// when consecutive words of the import's module or field name (see [`words`]) spell it,
/// whatever their case and separators: `__wbg_fetch_<hash>`, `__wbg_sendBeacon_<hash>`,
/// `web_socket`.
const WASM_NAMES: &[(&str, &str)] = &[
    ("fetch", "fetch"),
    ("xmlhttprequest", "XMLHttpRequest"),
    ("websocket", "WebSocket"),
    ("sendbeacon", "sendBeacon"),
    ("eventsource", "EventSource"),
    ("rtcpeerconnection", "RTCPeerConnection"),
    ("importscripts", "importScripts"),
    ("eval", "eval"),
    // js_sys::Function::new_no_args / new_with_args: the `Function` constructor.
    ("newnoargs", "Function"),
    ("newwithargs", "Function"),
];

/// One use of a forbidden API found in a shipped file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Occurrence {
    /// Path under `dist/`, with `/` separators.
    file: String,
    /// 1-based line (0 for a wasm import).
    line: usize,
    api: &'static str,
    /// The identifier or import name as found.
    found: String,
    function: Option<String>,
    /// The whole line (or the import's `module field (kind)`).
    text: String,
    /// Byte range of the use within `text`.
    span: (usize, usize),
}

impl Occurrence {
    fn location(&self) -> String {
        if self.line == 0 {
            format!("{} (wasm import)", self.file)
        } else {
            format!("{}:{}", self.file, self.line)
        }
    }

    /// The line, shortened around the use if it is long (minified code).
    fn excerpt(&self) -> String {
        const WIDTH: usize = 100;
        let (start, end) = self.span;
        let mut from = start.saturating_sub(WIDTH);
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + WIDTH).min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to += 1;
        }
        let cut = |b: bool| if b { "…" } else { "" };
        format!(
            "{}{}{}",
            cut(from > 0),
            self.text[from..to].trim(),
            cut(to < self.text.len())
        )
    }

    fn describe(&self) -> String {
        let function = self
            .function
            .as_deref()
            .map(|f| format!(" in function {f}"))
            .unwrap_or_default();
        format!(
            "{}: {} (`{}`{}): {}",
            self.location(),
            self.api,
            self.found,
            function,
            self.excerpt()
        )
    }
}

impl Allowed {
    fn matches(&self, occurrence: &Occurrence) -> bool {
        let (start, end) = occurrence.span;
        self.file == occurrence.file
            && self.api == occurrence.api
            && self.function == occurrence.function.as_deref()
            && occurrence
                .text
                .match_indices(self.context)
                .any(|(at, _)| at <= start && end <= at + self.context.len())
    }
}

// ---------------------------------------------------------------------------------------------
// The JS/HTML text scan.

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// The API a JS identifier names, if it is one of [`JS_APIS`]: exactly, behind a vendor
/// prefix, or extended in camel case (`fetchLater`, `WebSocketStream`).
fn js_api(identifier: &str) -> Option<&'static str> {
    let mut candidates = vec![identifier];
    for prefix in VENDOR_PREFIXES {
        if identifier.len() > prefix.len()
            && identifier.is_char_boundary(prefix.len())
            && identifier[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            candidates.push(&identifier[prefix.len()..]);
        }
    }
    JS_APIS.iter().copied().find(|api| {
        candidates.iter().any(|candidate| {
            candidate.strip_prefix(api).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_uppercase())
            })
        })
    })
}

/// The top-level function a line is in: the nearest line at or above it that starts at
/// column 0 decides (a `function` header names it; anything else means top level).
fn enclosing_function(lines: &[&str], index: usize) -> Option<String> {
    let header = lines[..=index]
        .iter()
        .rev()
        .find(|line| line.starts_with(|c: char| !c.is_whitespace()))?;
    let mut rest = *header;
    for keyword in ["export ", "default ", "async "] {
        rest = rest.strip_prefix(keyword).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("function")?;
    let rest = rest.trim_start_matches(|c: char| c == '*' || c.is_whitespace());
    let name: String = rest.chars().take_while(|&c| is_ident_char(c)).collect();
    (!name.is_empty()).then_some(name)
}

/// Every use of a forbidden API in the text of one JS or HTML file.
fn scan_text(file: &str, text: &str) -> Vec<Occurrence> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut line_starts = Vec::with_capacity(lines.len());
    let mut offset = 0;
    for line in &lines {
        line_starts.push(offset);
        offset += line.len() + 1;
    }
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_ident_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(at, next)) = chars.peek() {
            if !is_ident_char(next) {
                break;
            }
            end = at + next.len_utf8();
            chars.next();
        }
        let identifier = &text[start..end];
        let api = if identifier == "Function" {
            let before = text[..start].trim_end();
            let after_new = before
                .strip_suffix("new")
                .is_some_and(|head| !head.ends_with(is_ident_char) && !head.ends_with('.'));
            let called = text[end..].trim_start().starts_with('(');
            (after_new || called).then_some("Function")
        } else {
            js_api(identifier)
        };
        let Some(api) = api else { continue };
        let index = line_starts.partition_point(|&s| s <= start) - 1;
        let line_start = line_starts[index];
        let line = lines[index].strip_suffix('\r').unwrap_or(lines[index]);
        found.push(Occurrence {
            file: file.to_string(),
            line: index + 1,
            api,
            found: identifier.to_string(),
            function: enclosing_function(&lines, index),
            text: line.to_string(),
            span: (start - line_start, end - line_start),
        });
    }
    found
}

// ---------------------------------------------------------------------------------------------
// The WebAssembly import reader (core module binary format, version 1).

/// Limits of a memory or table.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Limits {
    min: u64,
    max: Option<u64>,
    shared: bool,
    index64: bool,
}

/// What an import is, with its descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ImportKind {
    Func { type_index: u32 },
    Table { element: String, limits: Limits },
    Memory(Limits),
    Global { value: String, mutable: bool },
    Tag { type_index: u32 },
}

impl ImportKind {
    fn name(&self) -> &'static str {
        match self {
            ImportKind::Func { .. } => "func",
            ImportKind::Table { .. } => "table",
            ImportKind::Memory(_) => "memory",
            ImportKind::Global { .. } => "global",
            ImportKind::Tag { .. } => "tag",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Import {
    module: String,
    field: String,
    kind: ImportKind,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Offset of `bytes` in the whole module, for error messages.
    base: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], base: usize) -> Self {
        Reader {
            bytes,
            pos: 0,
            base,
        }
    }

    fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn offset(&self) -> usize {
        self.base + self.pos
    }

    fn error(&self, what: &str) -> String {
        format!("{what} at byte {:#x}", self.offset())
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.bytes.len() - self.pos < n {
            return Err(self.error(&format!("unexpected end (needed {n} bytes)")));
        }
        let slice = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    /// Unsigned LEB128 of at most `bits` bits.
    fn unsigned(&mut self, bits: u32) -> Result<u64, String> {
        let start = self.offset();
        let mut result = 0u64;
        let mut shift = 0u32;
        loop {
            let byte = self.byte()?;
            let payload = u64::from(byte & 0x7f);
            if shift + 7 > bits && payload >> (bits - shift) != 0 {
                return Err(format!("LEB128 integer too large at byte {start:#x}"));
            }
            result |= payload << shift;
            if byte & 0x80 == 0 {
                return Ok(result);
            }
            shift += 7;
            if shift >= bits {
                return Err(format!("LEB128 integer too long at byte {start:#x}"));
            }
        }
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(self.unsigned(32)? as u32)
    }

    /// Signed LEB128 of at most 33 bits (a heap type).
    fn s33(&mut self) -> Result<i64, String> {
        let start = self.offset();
        let mut result = 0i64;
        let mut shift = 0u32;
        loop {
            let byte = self.byte()?;
            result |= i64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                if byte & 0x40 != 0 {
                    result |= -1i64 << shift;
                }
                if !(-(1i64 << 32)..1i64 << 32).contains(&result) {
                    return Err(format!("s33 out of range at byte {start:#x}"));
                }
                return Ok(result);
            }
            if shift >= 33 {
                return Err(format!("s33 too long at byte {start:#x}"));
            }
        }
    }

    fn name(&mut self) -> Result<String, String> {
        let at = self.offset();
        let len = self.u32()? as usize;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| format!("name not UTF-8 at byte {at:#x}"))
    }

    /// An abstract heap type's name, from its one-byte code.
    fn abstract_heap_type(code: u8) -> Option<&'static str> {
        Some(match code {
            0x69 => "exn",
            0x6a => "array",
            0x6b => "struct",
            0x6c => "i31",
            0x6d => "eq",
            0x6e => "any",
            0x6f => "extern",
            0x70 => "func",
            0x71 => "none",
            0x72 => "noextern",
            0x73 => "nofunc",
            0x74 => "noexn",
            _ => return None,
        })
    }

    fn heap_type(&mut self) -> Result<String, String> {
        let at = self.offset();
        let value = self.s33()?;
        if value >= 0 {
            return Ok(value.to_string());
        }
        // A negative one-byte s33 is an abstract heap type: its byte is value & 0x7f.
        u8::try_from(value & 0x7f)
            .ok()
            .filter(|_| value >= -0x40)
            .and_then(Self::abstract_heap_type)
            .map(str::to_string)
            .ok_or_else(|| format!("unknown heap type {value} at byte {at:#x}"))
    }

    fn value_type(&mut self) -> Result<String, String> {
        let at = self.offset();
        let code = self.byte()?;
        Ok(match code {
            0x7f => "i32".into(),
            0x7e => "i64".into(),
            0x7d => "f32".into(),
            0x7c => "f64".into(),
            0x7b => "v128".into(),
            0x63 => format!("(ref null {})", self.heap_type()?),
            0x64 => format!("(ref {})", self.heap_type()?),
            _ => match Self::abstract_heap_type(code) {
                Some(heap) => format!("{heap}ref"),
                None => return Err(format!("unknown value type {code:#x} at byte {at:#x}")),
            },
        })
    }

    fn limits(&mut self) -> Result<Limits, String> {
        let at = self.offset();
        let flags = self.byte()?;
        if flags & !0x0f != 0 {
            return Err(format!("unknown limits flags {flags:#x} at byte {at:#x}"));
        }
        let index64 = flags & 0x04 != 0;
        let bits = if index64 { 64 } else { 32 };
        let min = self.unsigned(bits)?;
        let max = if flags & 0x01 != 0 {
            Some(self.unsigned(bits)?)
        } else {
            None
        };
        if flags & 0x08 != 0 {
            // custom-page-sizes proposal: the page size's log2 follows.
            self.u32()?;
        }
        Ok(Limits {
            min,
            max,
            shared: flags & 0x02 != 0,
            index64,
        })
    }

    fn import(&mut self) -> Result<Import, String> {
        let module = self.name()?;
        let field = self.name()?;
        let at = self.offset();
        let kind = match self.byte()? {
            0x00 => ImportKind::Func {
                type_index: self.u32()?,
            },
            0x01 => {
                let element = self.value_type()?;
                let limits = self.limits()?;
                ImportKind::Table { element, limits }
            }
            0x02 => ImportKind::Memory(self.limits()?),
            0x03 => {
                let value = self.value_type()?;
                let mutable = match self.byte()? {
                    0x00 => false,
                    0x01 => true,
                    other => return Err(self.error(&format!("bad global mutability {other:#x}"))),
                };
                ImportKind::Global { value, mutable }
            }
            0x04 => {
                let attribute = self.byte()?;
                if attribute != 0 {
                    return Err(self.error(&format!("bad tag attribute {attribute:#x}")));
                }
                ImportKind::Tag {
                    type_index: self.u32()?,
                }
            }
            other => return Err(format!("unknown import kind {other:#x} at byte {at:#x}")),
        };
        Ok(Import {
            module,
            field,
            kind,
        })
    }
}

/// Every import of a core WebAssembly module, in order.
fn wasm_imports(bytes: &[u8]) -> Result<Vec<Import>, String> {
    let mut reader = Reader::new(bytes, 0);
    if reader.take(4).ok() != Some(b"\0asm".as_slice()) {
        return Err("not a WebAssembly module (bad magic)".into());
    }
    let version = reader.take(4)?;
    if version != [1, 0, 0, 0] {
        return Err(format!(
            "unsupported WebAssembly version/layer {version:02x?} (expected a core module, version 1)"
        ));
    }
    let mut imports = None;
    while !reader.at_end() {
        let at = reader.offset();
        let id = reader.byte()?;
        let size = reader.u32()? as usize;
        let base = reader.offset();
        let body = reader.take(size)?;
        match id {
            2 => {
                if imports.is_some() {
                    return Err(format!("second import section at byte {at:#x}"));
                }
                let mut section = Reader::new(body, base);
                let count = section.u32()?;
                let mut list = Vec::new();
                for _ in 0..count {
                    list.push(section.import()?);
                }
                if !section.at_end() {
                    return Err(section.error("import section longer than its imports"));
                }
                imports = Some(list);
            }
            0..=13 => {}
            _ => return Err(format!("unknown section id {id} at byte {at:#x}")),
        }
    }
    Ok(imports.unwrap_or_default())
}

/// The words of a name, as byte ranges: split at anything not alphanumeric and at camel-case
/// boundaries (`__wbg_set_nodeValue_7e92` gives set, node, Value, 7e92; `XMLHttpRequest`
/// gives XML, Http, Request).
fn words(name: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let mut out = Vec::new();
    let mut start = None;
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if let Some(s) = start.take() {
                out.push((s, at));
            }
            continue;
        }
        let Some(s) = start else {
            start = Some(at);
            continue;
        };
        let prev = chars[k - 1].1;
        let next_lower = chars.get(k + 1).is_some_and(|&(_, n)| n.is_lowercase());
        let boundary = c.is_uppercase()
            && (prev.is_lowercase() || prev.is_numeric() || (prev.is_uppercase() && next_lower));
        if boundary {
            out.push((s, at));
            start = Some(at);
        }
    }
    if let Some(s) = start {
        out.push((s, name.len()));
    }
    out
}

/// The forbidden API that consecutive words of `name` spell, with the byte range they cover.
fn api_in_name(name: &str) -> Option<(&'static str, (usize, usize))> {
    let words = words(name);
    for (i, &(start, _)) in words.iter().enumerate() {
        let mut spelled = String::new();
        for &(from, to) in &words[i..] {
            spelled.extend(name[from..to].chars().flat_map(char::to_lowercase));
            if let Some(&(_, api)) = WASM_NAMES.iter().find(|(n, _)| *n == spelled) {
                return Some((api, (start, to)));
            }
            if !WASM_NAMES
                .iter()
                .any(|(n, _)| n.starts_with(spelled.as_str()))
            {
                break;
            }
        }
    }
    None
}

/// The occurrence of a forbidden API in a wasm import's module or field name, if any. Its
/// text is `module field (kind)`; its span covers the words that spell the API.
fn wasm_occurrence(file: &str, import: &Import) -> Option<Occurrence> {
    let text = format!(
        "{} {} ({})",
        import.module,
        import.field,
        import.kind.name()
    );
    let field_at = import.module.len() + 1;
    let (api, (start, end)) = api_in_name(&import.module).or_else(|| {
        api_in_name(&import.field).map(|(api, (s, e))| (api, (s + field_at, e + field_at)))
    })?;
    Some(Occurrence {
        file: file.to_string(),
        line: 0,
        api,
        found: import.field.clone(),
        function: None,
        span: (start, end),
        text,
    })
}

// ---------------------------------------------------------------------------------------------
// The test over dist/.

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn shipped_files_use_no_network_or_eval_api_but_the_allowed_ones() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("widget_bg.wasm").is_file(),
        "{} is missing: run bash .ci/build.sh first",
        dist.join("widget_bg.wasm").display()
    );
    let mut files = Vec::new();
    files_under(&dist, &mut files);
    let relative = |path: &Path| -> String {
        let rel = path.strip_prefix(&dist).expect("under dist");
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    };
    let extension = |path: &Path| {
        path.extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default()
    };

    let mut found = Vec::new();
    let mut text_files = 0;
    let mut all_text = String::new();
    for path in files
        .iter()
        .filter(|p| ["js", "mjs", "html", "htm"].contains(&extension(p).as_str()))
    {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        found.extend(scan_text(&relative(path), &text));
        all_text.push_str(&text);
        text_files += 1;
    }

    let mut import_count = 0;
    let mut unprovided = Vec::new();
    for path in files.iter().filter(|p| extension(p) == "wasm") {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let imports = wasm_imports(&bytes)
            .unwrap_or_else(|e| panic!("cannot read the imports of {}: {e}", path.display()));
        import_count += imports.len();
        for import in &imports {
            found.extend(wasm_occurrence(&relative(path), import));
            if !all_text.contains(&import.module) || !all_text.contains(&import.field) {
                unprovided.push(format!(
                    "{}: import {} {} ({}) is provided by no scanned JS file",
                    relative(path),
                    import.module,
                    import.field,
                    import.kind.name()
                ));
            }
        }
    }

    // Each allow-list entry allows exactly one occurrence.
    let mut used: Vec<Option<&Occurrence>> = vec![None; ALLOWED.len()];
    let mut unexpected = Vec::new();
    for occurrence in &found {
        match (0..ALLOWED.len()).find(|&i| used[i].is_none() && ALLOWED[i].matches(occurrence)) {
            Some(i) => used[i] = Some(occurrence),
            None => unexpected.push(occurrence.describe()),
        }
    }
    let stale: Vec<String> = ALLOWED
        .iter()
        .zip(&used)
        .filter(|(_, use_)| use_.is_none())
        .map(|(entry, _)| {
            let function = entry.function.unwrap_or("(top level)");
            format!(
                "{}: {} in function {function}, text `{}` ({})",
                entry.file, entry.api, entry.context, entry.reason
            )
        })
        .collect();

    let mut summary = format!(
        "privacy: {text_files} JS/HTML files and {import_count} wasm imports scanned; {} allowed uses:",
        used.iter().flatten().count()
    );
    for (entry, occurrence) in ALLOWED.iter().zip(&used) {
        if let Some(occurrence) = occurrence {
            let _ = write!(
                summary,
                "\n  {} {} ({}): {}",
                occurrence.location(),
                occurrence.api,
                occurrence.excerpt(),
                entry.reason
            );
        }
    }
    println!("{summary}");

    let mut problems = String::new();
    for (title, list) in [
        (
            "unexpected network or eval API uses (remove them, or add an ALLOWED entry with the reason)",
            &unexpected,
        ),
        (
            "ALLOWED entries that match nothing any more (remove or update them)",
            &stale,
        ),
        (
            "wasm imports not found in any scanned JS file (the text scan would not cover them)",
            &unprovided,
        ),
    ] {
        if !list.is_empty() {
            let _ = write!(problems, "\n{title}:");
            for item in list {
                let _ = write!(problems, "\n  {item}");
            }
        }
    }
    assert!(problems.is_empty(), "privacy check failed:{problems}");
}

// ---------------------------------------------------------------------------------------------
// Tests of the readers themselves.

#[test]
fn the_wasm_reader_lists_a_hand_made_modules_two_imports() {
    #[rustfmt::skip]
    let module: &[u8] = &[
        0x00, 0x61, 0x73, 0x6d, // magic "\0asm"
        0x01, 0x00, 0x00, 0x00, // version 1
        // type section (id 1, 4 bytes): one type, func () -> ()
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
        // import section (id 2, 39 bytes): two imports
        0x02, 0x27, 0x02,
        // "wbg" "__wbg_fetch_1234": func of type 0
        0x03, b'w', b'b', b'g',
        0x10, b'_', b'_', b'w', b'b', b'g', b'_', b'f', b'e', b't', b'c', b'h', b'_',
        b'1', b'2', b'3', b'4',
        0x00, 0x00,
        // "env" "memory": memory, min 1 page, max 2 pages
        0x03, b'e', b'n', b'v',
        0x06, b'm', b'e', b'm', b'o', b'r', b'y',
        0x02, 0x01, 0x01, 0x02,
        // custom section (id 0, 5 bytes) named "note" with no payload
        0x00, 0x05, 0x04, b'n', b'o', b't', b'e',
    ];
    let imports = wasm_imports(module).expect("the module reads");
    assert_eq!(
        imports,
        vec![
            Import {
                module: "wbg".into(),
                field: "__wbg_fetch_1234".into(),
                kind: ImportKind::Func { type_index: 0 },
            },
            Import {
                module: "env".into(),
                field: "memory".into(),
                kind: ImportKind::Memory(Limits {
                    min: 1,
                    max: Some(2),
                    shared: false,
                    index64: false,
                }),
            },
        ]
    );
    let occurrence = wasm_occurrence("m.wasm", &imports[0]).expect("fetch is flagged");
    assert_eq!(occurrence.api, "fetch");
    assert_eq!(occurrence.excerpt(), "wbg __wbg_fetch_1234 (func)");
    assert_eq!(
        &occurrence.text[occurrence.span.0..occurrence.span.1],
        "fetch"
    );
    assert_eq!(wasm_occurrence("m.wasm", &imports[1]), None);

    // Cut anywhere inside the import section, the module is refused, never misread.
    for end in 15..module.len() - 7 {
        assert!(wasm_imports(&module[..end]).is_err(), "cut at {end}");
    }
}

#[test]
fn the_wasm_reader_skips_every_descriptor_kind() {
    #[rustfmt::skip]
    let module: &[u8] = &[
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        // import section (id 2, 41 bytes): five imports
        0x02, 0x29, 0x05,
        // "a" "t": table of externref, min 1
        0x01, b'a', 0x01, b't', 0x01, 0x6f, 0x00, 0x01,
        // "a" "g": mutable global of (ref null func)
        0x01, b'a', 0x01, b'g', 0x03, 0x63, 0x70, 0x01,
        // "a" "m": shared 64-bit memory, min 1, max 65536 (3-byte LEB128)
        0x01, b'a', 0x01, b'm', 0x02, 0x07, 0x01, 0x80, 0x80, 0x04,
        // "a" "f": func of type 200 (2-byte LEB128)
        0x01, b'a', 0x01, b'f', 0x00, 0xc8, 0x01,
        // "a" "e": tag of type 0
        0x01, b'a', 0x01, b'e', 0x04, 0x00, 0x00,
    ];
    let kinds: Vec<ImportKind> = wasm_imports(module)
        .expect("the module reads")
        .into_iter()
        .map(|import| import.kind)
        .collect();
    let limits = |min, max, shared, index64| Limits {
        min,
        max,
        shared,
        index64,
    };
    assert_eq!(
        kinds,
        vec![
            ImportKind::Table {
                element: "externref".into(),
                limits: limits(1, None, false, false),
            },
            ImportKind::Global {
                value: "(ref null func)".into(),
                mutable: true,
            },
            ImportKind::Memory(limits(1, Some(65536), true, true)),
            ImportKind::Func { type_index: 200 },
            ImportKind::Tag { type_index: 0 },
        ]
    );

    // A section size that disagrees with its imports, an overlong LEB128, a bad magic.
    let mut longer = module.to_vec();
    longer[9] += 1;
    longer.push(0x00);
    assert!(wasm_imports(&longer).is_err());
    let overlong = [
        0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x02, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00,
    ];
    assert!(wasm_imports(&overlong).is_err());
    assert!(wasm_imports(b"\0asx\x01\0\0\0").is_err());
    assert_eq!(wasm_imports(b"\0asm\x01\0\0\0"), Ok(vec![]));
}

#[test]
fn the_text_scan_finds_apis_by_identifier_and_names_the_function() {
    let js = [
        "function load(url) {",
        "    return fetch(url);",
        "}",
        "const later = fetchLater; // fetching is fine",
        "async function x() {",
        "  const f = new",
        "    Function('a');",
        "  isFunction(a);",
        "  Function.prototype;",
        "  new webkitRTCPeerConnection();",
        "  self.importScripts('w.js');",
        "  evaluate(); window['eval'];",
        "}",
    ]
    .join("\n");
    let found: Vec<(usize, &str, String, Option<String>)> = scan_text("t.js", &js)
        .into_iter()
        .map(|o| (o.line, o.api, o.found, o.function))
        .collect();
    let load = Some("load".to_string());
    let x = Some("x".to_string());
    assert_eq!(
        found,
        vec![
            (2, "fetch", "fetch".to_string(), load),
            (4, "fetch", "fetchLater".to_string(), None),
            (7, "Function", "Function".to_string(), x.clone()),
            (
                10,
                "RTCPeerConnection",
                "webkitRTCPeerConnection".to_string(),
                x.clone()
            ),
            (11, "importScripts", "importScripts".to_string(), x.clone()),
            (12, "eval", "eval".to_string(), x),
        ]
    );

    // An allow-list entry matches its own text only, not another use on the same line.
    let line = scan_text("a.js", "fetch(a); fetch(b);\n");
    let entry = Allowed {
        file: "a.js",
        api: "fetch",
        function: None,
        context: "fetch(b)",
        reason: "test",
    };
    assert!(!entry.matches(&line[0]));
    assert!(entry.matches(&line[1]));
}

#[test]
fn wasm_import_names_are_matched_by_whole_words() {
    fn flagged(name: &str) -> Option<(&'static str, &str)> {
        api_in_name(name).map(|(api, (s, e))| (api, &name[s..e]))
    }
    assert_eq!(flagged("__wbg_fetch_0a1b"), Some(("fetch", "fetch")));
    assert_eq!(
        flagged("__wbg_sendBeacon_0a1b"),
        Some(("sendBeacon", "sendBeacon"))
    );
    assert_eq!(
        flagged("__wbg_new_XMLHttpRequest_9"),
        Some(("XMLHttpRequest", "XMLHttpRequest"))
    );
    assert_eq!(
        flagged("__wbg_webkitRTCPeerConnection_9"),
        Some(("RTCPeerConnection", "RTCPeerConnection"))
    );
    assert_eq!(flagged("web_socket"), Some(("WebSocket", "web_socket")));
    assert_eq!(
        flagged("__wbg_new_no_args_9"),
        Some(("Function", "new_no_args"))
    );
    assert_eq!(
        flagged("__wbg_newnoargs_9"),
        Some(("Function", "newnoargs"))
    );
    assert_eq!(flagged("__wbg_eval_9"), Some(("eval", "eval")));
    // "eval" inside other words, and API names only partly spelled, are not uses.
    assert_eq!(flagged("__wbg_set_nodeValue_7e9217115013d873"), None);
    assert_eq!(flagged("__wbg_evaluate_9"), None);
    assert_eq!(flagged("__wbg_new_with_length_9"), None);
    assert_eq!(flagged("__wbg_prefetch_9"), None);
}
