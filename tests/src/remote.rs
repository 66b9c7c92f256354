//! A server on another loopback port, standing in for a dataset's host on another site: it
//! answers with CORS allowed, counts the requests it gets, and can send a body without end
//! or stall after its headers, as a hostile or broken host would. Every loop is bounded.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// What the server sends after its headers.
#[derive(Clone)]
pub enum Behaviour {
    /// This body, with its Content-Length.
    Body(Vec<u8>),
    /// Spaces, with no Content-Length, until `limit` bytes or the client goes away.
    Endless { limit: usize },
    /// Nothing, for up to `hold` (then it closes).
    Stall { hold: Duration },
}

pub struct Remote {
    port: u16,
    requests: Arc<AtomicUsize>,
    stopping: Arc<AtomicBool>,
}

impl Remote {
    pub fn start(behaviour: Behaviour) -> std::io::Result<Remote> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let requests = Arc::new(AtomicUsize::new(0));
        let stopping = Arc::new(AtomicBool::new(false));
        let (count, stop) = (Arc::clone(&requests), Arc::clone(&stopping));
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (behaviour, count, stop) =
                    (behaviour.clone(), Arc::clone(&count), Arc::clone(&stop));
                thread::spawn(move || {
                    let _ = answer(stream, &behaviour, &count, &stop);
                });
            }
        });
        Ok(Remote {
            port,
            requests,
            stopping,
        })
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// GET requests answered so far (preflights are not counted).
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

impl Drop for Remote {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn answer(
    mut stream: TcpStream,
    behaviour: &Behaviour,
    count: &AtomicUsize,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
    }
    if request_line.starts_with("OPTIONS") {
        return stream.write_all(
            b"HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\n\
              Access-Control-Allow-Headers: *\r\nConnection: close\r\n\r\n",
        );
    }
    count.fetch_add(1, Ordering::SeqCst);
    let head = "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\n\
                Content-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\n";
    match behaviour {
        Behaviour::Body(body) => {
            write!(stream, "{head}Content-Length: {}\r\n\r\n", body.len())?;
            stream.write_all(body)
        }
        Behaviour::Endless { limit } => {
            write!(stream, "{head}\r\n")?;
            let chunk = vec![b' '; 256 * 1024];
            let mut sent = 0;
            while sent < *limit && !stop.load(Ordering::SeqCst) {
                stream.write_all(&chunk)?;
                sent += chunk.len();
            }
            Ok(())
        }
        Behaviour::Stall { hold } => {
            write!(stream, "{head}\r\n")?;
            stream.flush()?;
            let until = Instant::now() + *hold;
            while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                thread::sleep(Duration::from_millis(50));
            }
            Ok(())
        }
    }
}
