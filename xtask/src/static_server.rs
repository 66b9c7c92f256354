//! A minimal static file server for `dist/`, bound to loopback.
//!
//! Written on std alone so `cargo xtask serve` and the browser tests share one server that can
//! be stopped for real: every response closes its connection, so once `stop` returns nothing is
//! listening and the offline test sees a dead network rather than a lingering keep-alive socket.

use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, UNIX_EPOCH};

/// The most requests `requests` remembers (the oldest are forgotten first).
const LOG_LIMIT: usize = 10_000;

/// One answered request: method, path (query and all), status code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    pub method: String,
    pub target: String,
    pub status: u16,
}

type Log = Arc<Mutex<Vec<Logged>>>;

/// A running server; dropping it stops it.
pub struct StaticServer {
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    sent: Arc<AtomicU64>,
    accept_thread: Option<JoinHandle<()>>,
    log: Log,
}

impl StaticServer {
    /// Serves `root` on `addr` (use port 0 for a free port).
    pub fn start(root: impl Into<PathBuf>, addr: impl ToSocketAddrs) -> io::Result<Self> {
        Self::start_with(root, addr, false)
    }

    /// Like `start`, and when `precompressed` a file's `.br` or `.gz` copy goes out instead
    /// of it to a browser that accepts that encoding, as a host serving precompressed files
    /// does. (Not the default: the dataset progress test reads the uncompressed length.)
    pub fn start_with(
        root: impl Into<PathBuf>,
        addr: impl ToSocketAddrs,
        precompressed: bool,
    ) -> io::Result<Self> {
        let root: PathBuf = root.into();
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stopping);
        let root = Arc::new(root);
        let log: Log = Arc::default();
        let conn_log = Arc::clone(&log);
        let sent = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&sent);
        let accept_thread =
            thread::Builder::new()
                .name("static-server".into())
                .spawn(move || {
                    for stream in listener.incoming() {
                        if flag.load(Ordering::SeqCst) {
                            break;
                        }
                        let Ok(stream) = stream else { continue };
                        let root = Arc::clone(&root);
                        let log = Arc::clone(&conn_log);
                        let counter = Arc::clone(&counter);
                        // A browser opens several connections at once; one thread each keeps a slow
                        // wasm download from holding up the small files.
                        let _ =
                            thread::Builder::new()
                                .name("static-conn".into())
                                .spawn(move || {
                                    let conn = Conn {
                                        root: &root,
                                        log: &log,
                                        precompressed,
                                        sent: &counter,
                                    };
                                    let _ = handle(stream, &conn);
                                });
                    }
                })?;
        Ok(Self {
            addr,
            stopping,
            sent,
            accept_thread: Some(accept_thread),
            log,
        })
    }

    /// The requests answered so far, oldest first (the browser tests count downloads).
    pub fn requests(&self) -> Vec<Logged> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Base URL with a trailing slash, e.g. `http://127.0.0.1:8080/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Bytes of response bodies sent so far, as they went over the wire (compressed when
    /// a precompressed copy was sent).
    pub fn bytes_sent(&self) -> u64 {
        self.sent.load(Ordering::SeqCst)
    }

    /// Blocks the calling thread for as long as the server runs.
    pub fn wait(mut self) {
        if let Some(t) = self.accept_thread.take() {
            let _ = t.join();
        }
    }

    /// Stops accepting connections and closes the listening socket.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let Some(t) = self.accept_thread.take() else {
            return;
        };
        self.stopping.store(true, Ordering::SeqCst);
        // `accept` has no timeout: one connection wakes it so it can see the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        let _ = t.join();
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// What every connection's thread shares with the server.
struct Conn<'a> {
    root: &'a Path,
    log: &'a Log,
    precompressed: bool,
    sent: &'a AtomicU64,
}

fn handle(mut stream: TcpStream, conn: &Conn) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut accepts = String::new();
    let (method, target, if_none_match) = {
        let mut reader = BufReader::new(&mut stream).take(64 * 1024);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        // Headers must be consumed before answering; only these two are used.
        let mut if_none_match = None;
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.trim().eq_ignore_ascii_case("if-none-match")
            {
                if_none_match = Some(value.trim().to_owned());
            }
            if let Some((name, value)) = line.split_once(':')
                && name.trim().eq_ignore_ascii_case("accept-encoding")
            {
                accepts = value.trim().to_ascii_lowercase();
            }
        }
        let mut parts = request_line.split_whitespace();
        (
            parts.next().unwrap_or_default().to_owned(),
            parts.next().unwrap_or_default().to_owned(),
            if_none_match,
        )
    };
    let encodings = conn.precompressed.then_some(accepts.as_str());
    let request = Request {
        method: &method,
        target: &target,
        if_none_match: if_none_match.as_deref(),
        encodings,
    };
    let answer = answer(conn.root, &request);
    if let Ok(mut l) = conn.log.lock() {
        if l.len() >= LOG_LIMIT {
            l.remove(0);
        }
        l.push(Logged {
            method: method.clone(),
            target,
            status: answer.status,
        });
    }
    if method == "GET" {
        conn.sent
            .fetch_add(answer.body.len() as u64, Ordering::SeqCst);
    }
    let csp = fs::read_to_string(conn.root.join("index.html"))
        .map(|html| crate::csp::header(&html))
        .unwrap_or_else(|_| crate::csp::header(""));
    respond(&mut stream, &answer, &csp, method == "GET")
}

/// What to send back for one request.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    etag: Option<String>,
    immutable: bool,
    /// `br` or `gzip` when the body is a precompressed copy.
    encoding: Option<&'static str>,
}

/// The parts of a request an answer depends on.
struct Request<'a> {
    method: &'a str,
    target: &'a str,
    if_none_match: Option<&'a str>,
    /// The client's Accept-Encoding, when precompressed copies may be sent.
    encodings: Option<&'a str>,
}

impl Answer {
    fn plain(status: u16, text: &str) -> Self {
        Answer {
            status,
            content_type: "text/plain",
            body: text.as_bytes().to_vec(),
            etag: None,
            immutable: false,
            encoding: None,
        }
    }
}

fn answer(root: &Path, request: &Request) -> Answer {
    if request.method != "GET" && request.method != "HEAD" {
        return Answer::plain(405, "");
    }
    let Some(path) = resolve(root, request.target) else {
        return Answer::plain(404, "not found");
    };
    let encoded = request
        .encodings
        .and_then(|accepts| encoded_copy(&path, accepts));
    let (file, encoding) = match &encoded {
        Some((copy, encoding)) => (copy.as_path(), Some(*encoding)),
        None => (path.as_path(), None),
    };
    let etag = etag(file);
    let unchanged = etag.is_some() && etag.as_deref() == request.if_none_match;
    let body = if unchanged {
        Ok(Vec::new())
    } else {
        fs::read(file)
    };
    match body {
        Ok(body) => Answer {
            status: if unchanged { 304 } else { 200 },
            content_type: content_type(&path),
            body,
            etag,
            immutable: hashed_name(&path),
            encoding,
        },
        Err(_) => Answer::plain(404, "not found"),
    }
}

/// The `.br` or `.gz` copy of `path` that an `Accept-Encoding` of `accepts` allows.
fn encoded_copy(path: &Path, accepts: &str) -> Option<(PathBuf, &'static str)> {
    let offered: Vec<&str> = accepts
        .split(',')
        .map(|e| e.split(';').next().unwrap_or("").trim())
        .collect();
    [("br", "br"), ("gzip", "gz")]
        .into_iter()
        .find_map(|(encoding, ext)| {
            let mut name = path.as_os_str().to_owned();
            name.push(format!(".{ext}"));
            let copy = PathBuf::from(name);
            (offered.contains(&encoding) && copy.is_file()).then_some((copy, encoding))
        })
}

/// Size and modification time: changes whenever a build rewrites the file.
fn etag(path: &Path) -> Option<String> {
    let meta = fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(format!("\"{:x}-{:x}\"", meta.len(), modified.as_nanos()))
}

/// A name trunk gave a content hash (`app-0123456789abcdef.js`, `…abcdef_bg.wasm`), or a
/// file in the split build's hashed folder (`pkg-0123456789abcdef/…`): its content never
/// changes under that name.
fn hashed_name(path: &Path) -> bool {
    let in_hashed_dir = path
        .parent()
        .and_then(|dir| dir.file_name())
        .is_some_and(|dir| is_hashed(&dir.to_string_lossy()));
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    in_hashed_dir || is_hashed(stem.strip_suffix("_bg").unwrap_or(&stem))
}

fn is_hashed(name: &str) -> bool {
    name.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Maps a request target to a file under `root`; paths without an extension are app routes
/// and get `index.html`, so a reload on `/fees` works.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let candidate = root.join(relative);
    if candidate.is_file() {
        return Some(candidate);
    }
    if candidate.is_dir() {
        let index = candidate.join("index.html");
        return index.is_file().then_some(index);
    }
    let is_route = relative
        .file_name()
        .is_none_or(|name| !name.to_string_lossy().contains('.'));
    is_route.then(|| root.join("index.html"))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    // A decoded NUL or backslash has no business in a file name here.
    (!decoded.contains(['\0', '\\'])).then_some(decoded)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(stream: &mut TcpStream, answer: &Answer, csp: &str, send_body: bool) -> io::Result<()> {
    let status = match answer.status {
        200 => "200 OK",
        304 => "304 Not Modified",
        405 => "405 Method Not Allowed",
        _ => "404 Not Found",
    };
    let cache = if answer.immutable {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let etag = answer
        .etag
        .as_ref()
        .map(|e| format!("ETag: {e}\r\n"))
        .unwrap_or_default();
    let encoding = answer
        .encoding
        .map(|e| format!("Content-Encoding: {e}\r\nVary: Accept-Encoding\r\n"))
        .unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: {cache}\r\n{etag}{encoding}X-Content-Type-Options: nosniff\r\n\
         Content-Security-Policy: {csp}\r\nConnection: close\r\n\r\n",
        answer.content_type,
        answer.body.len()
    );
    stream.write_all(head.as_bytes())?;
    if send_body {
        stream.write_all(&answer.body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests;
