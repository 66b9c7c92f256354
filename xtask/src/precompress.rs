//! `name.br` and `name.gz` beside every file of a build, for hosts that serve precompressed
//! files (and for the local server, which does): compressed once at the strongest settings
//! rather than on every request at a fast one.

use crate::cmd::{Failure, Result};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::fs;
use std::io::Write;
use std::path::Path;

/// Formats that are compressed already: a second pass only costs the host a lookup.
const ALREADY_COMPRESSED: &[&str] = &["br", "gz", "png", "jpg", "jpeg", "webp", "woff2"];
/// Brotli's densest setting is slow on the 18 MB synthetic dataset; past this size a setting
/// a few percent larger takes seconds instead of a minute.
const BROTLI_MAX_QUALITY_BYTES: usize = 2 * 1024 * 1024;

pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(bytes)
        .and_then(|()| gz.finish())
        .map_err(|e| Failure(format!("gzip failed: {e}")))
}

pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let quality = if bytes.len() <= BROTLI_MAX_QUALITY_BYTES {
        11
    } else {
        9
    };
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| Failure(format!("brotli failed: {e}")))?;
    Ok(out)
}

/// Writes the two compressed copies of every file under `dir` that they make smaller.
pub fn precompress(dir: &Path) -> Result {
    let mut files = Vec::new();
    crate::sw_stamp::collect(dir, dir, &mut files)?;
    let mut written = 0;
    for name in files {
        let ext = Path::new(&name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        if ALREADY_COMPRESSED.contains(&ext) {
            continue;
        }
        let path = dir.join(&name);
        let bytes =
            fs::read(&path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
        for (suffix, packed) in [("gz", gzip(&bytes)?), ("br", brotli(&bytes)?)] {
            if packed.len() < bytes.len() {
                let out = dir.join(format!("{name}.{suffix}"));
                fs::write(&out, packed)
                    .map_err(|e| Failure(format!("cannot write {}: {e}", out.display())))?;
                written += 1;
            }
        }
    }
    println!("precompressed: {written} .br/.gz files");
    Ok(())
}
