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
    assert!(hashed_name(Path::new(
        "poolcalc-web-0123456789abcdef_bg.wasm"
    )));
    assert!(hashed_name(Path::new("style-0123456789abcdef.css")));
    assert!(!hashed_name(Path::new("datasets/synth-100k.json")));
    assert!(hashed_name(Path::new("pkg-0123456789abcdef/chunk_3.wasm")));
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

    // The page's policy comes as a header too, and an unchanged file costs a 304.
    assert!(
        response.contains("\r\nContent-Security-Policy: default-src 'self'; script-src"),
        "{response}"
    );
    let etag = response
        .lines()
        .find_map(|l| l.strip_prefix("ETag: "))
        .unwrap()
        .to_owned();
    let mut conn = TcpStream::connect(addr).unwrap();
    write!(conn, "GET / HTTP/1.1\r\nIf-None-Match: {etag}\r\n\r\n").unwrap();
    let mut again = String::new();
    conn.read_to_string(&mut again).unwrap();
    assert!(again.starts_with("HTTP/1.1 304"), "{again}");
    let statuses: Vec<u16> = server.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 304]);

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
