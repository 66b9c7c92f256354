//! A minimal static file server for `dist/`, bound to loopback.
//!
//! Written on std alone so `cargo xtask serve` and the browser tests share one server that can
//! be stopped for real: every response closes its connection, so once `stop` returns nothing is
//! listening and the offline test sees a dead network rather than a lingering keep-alive socket.

use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// A running server; dropping it stops it.
pub struct StaticServer {
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    sent: Arc<AtomicU64>,
    accept_thread: Option<JoinHandle<()>>,
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
        let sent = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&sent);
        let root = Arc::new(root);
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
                        let counter = Arc::clone(&counter);
                        // A browser opens several connections at once; one thread each keeps a slow
                        // wasm download from holding up the small files.
                        let _ =
                            thread::Builder::new()
                                .name("static-conn".into())
                                .spawn(move || {
                                    let _ = handle(stream, &root, precompressed, &counter);
                                });
                    }
                })?;
        Ok(Self {
            addr,
            stopping,
            sent,
            accept_thread: Some(accept_thread),
        })
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

fn handle(
    mut stream: TcpStream,
    root: &Path,
    precompressed: bool,
    sent: &AtomicU64,
) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut accepts = String::new();
    let (method, target) = {
        let mut reader = BufReader::new(&mut stream).take(64 * 1024);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        // Headers are not needed, but must be consumed before answering.
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
                break;
            }
            let lower = line.to_ascii_lowercase();
            if let Some(value) = lower.strip_prefix("accept-encoding:") {
                accepts = value.trim().to_owned();
            }
        }
        let mut parts = request_line.split_whitespace();
        (
            parts.next().unwrap_or_default().to_owned(),
            parts.next().unwrap_or_default().to_owned(),
        )
    };
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            true,
        );
    }
    let send_body = method == "GET";
    let Some(path) = resolve(root, &target) else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            send_body,
        );
    };
    let kind = content_type(&path);
    let encoded = precompressed
        .then(|| encoded_copy(&path, &accepts))
        .flatten();
    let (file, encoding) = match &encoded {
        Some((copy, encoding)) => (copy.as_path(), Some(*encoding)),
        None => (path.as_path(), None),
    };
    match fs::read(file) {
        Ok(body) => {
            let status = match encoding {
                Some(e) => format!("200 OK\r\nContent-Encoding: {e}\r\nVary: Accept-Encoding"),
                None => "200 OK".to_owned(),
            };
            if send_body {
                sent.fetch_add(body.len() as u64, Ordering::SeqCst);
            }
            respond(&mut stream, &status, kind, &body, send_body)
        }
        Err(_) => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            send_body,
        ),
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

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    send_body: bool,
) -> io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if send_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_fall_back_to_index_and_traversal_is_refused() {
        let dir = std::env::temp_dir().join(format!("poolcalc-static-{}", std::process::id()));
        fs::create_dir_all(dir.join("datasets")).unwrap();
        fs::write(dir.join("index.html"), "<p>app</p>").unwrap();
        fs::write(dir.join("datasets/a.json"), "{}").unwrap();

        assert_eq!(resolve(&dir, "/"), Some(dir.join("index.html")));
        assert_eq!(resolve(&dir, "/fees?x=1"), Some(dir.join("index.html")));
        assert_eq!(
            resolve(&dir, "/datasets/a.json"),
            Some(dir.join("datasets/a.json"))
        );
        assert_eq!(resolve(&dir, "/missing.js"), None);
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
        assert_eq!(resolve(&dir, "/%2e%2e/etc/passwd"), None);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn serves_files_and_stops_listening() {
        let dir = std::env::temp_dir().join(format!("poolcalc-serve-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("index.html"), "hello").unwrap();
        let server = StaticServer::start(&dir, "127.0.0.1:0").unwrap();
        let addr = server.addr();

        let mut conn = TcpStream::connect(addr).unwrap();
        conn.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        conn.read_to_string(&mut response).unwrap();
        assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
        assert!(response.ends_with("hello"), "{response}");

        server.stop();
        assert!(TcpStream::connect(addr).is_err());
        let _ = fs::remove_dir_all(&dir);
    }
    #[test]
    fn sends_a_precompressed_copy_that_the_browser_accepts_and_counts_it() {
        let dir = std::env::temp_dir().join(format!("poolcalc-precomp-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("app.js"), "plain text, long enough").unwrap();
        fs::write(dir.join("app.js.br"), "BR").unwrap();
        fs::write(dir.join("app.js.gz"), "GZIP").unwrap();
        let server = StaticServer::start_with(&dir, "127.0.0.1:0", true).unwrap();
        let get = |accept: &str| {
            let mut conn = TcpStream::connect(server.addr()).unwrap();
            write!(conn, "GET /app.js HTTP/1.1\r\nHost: x\r\n{accept}\r\n").unwrap();
            let mut response = String::new();
            conn.read_to_string(&mut response).unwrap();
            response
        };

        let br = get("Accept-Encoding: gzip, deflate, br\r\n");
        assert!(br.contains("Content-Encoding: br\r\n"), "{br}");
        assert!(br.contains("Content-Type: text/javascript"), "{br}");
        assert!(br.ends_with("\r\n\r\nBR"), "{br}");
        let gz = get("accept-encoding: gzip;q=1.0\r\n");
        assert!(gz.ends_with("\r\n\r\nGZIP"), "{gz}");
        let plain = get("");
        assert!(!plain.contains("Content-Encoding"), "{plain}");
        assert!(plain.ends_with("long enough"), "{plain}");
        assert_eq!(server.bytes_sent(), (2 + 4 + 23) as u64);
        server.stop();
        let _ = fs::remove_dir_all(&dir);
    }
}
