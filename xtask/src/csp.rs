//! The app's Content-Security-Policy, one text for the `<meta>` of `index.html` (written at
//! build time, with the hash of every inline script the build left there) and for the header
//! the static server sends.

use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

const META: &str = "http-equiv=\"Content-Security-Policy\" content=\"";

/// The policy for a page whose HTML is `html`.
///
/// - scripts: this origin's files, wasm compiled from them, and the inline scripts of this
///   very page by hash (trunk writes one to start the wasm). Nothing else runs, however it
///   got into the page.
/// - connect-src: the app's own files, and any http(s) address, because a dataset may be
///   loaded from whatever URL the user types (the one request that leaves this origin). The
///   address is only known when typed, so no narrower list is possible.
/// - styles: the stylesheet only; the app sets element styles through the CSSOM
///   (`style:prop=`), which a policy does not govern, never through `style` attributes.
pub fn policy(html: &str) -> String {
    let hashes: String = inline_scripts(html)
        .iter()
        .map(|s| format!(" 'sha256-{}'", base64_sha256(s)))
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self'; connect-src 'self' https: http:; worker-src 'self'; \
         manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
    )
}

/// The header adds what a `<meta>` policy cannot hold (browsers ignore it there and say so).
pub fn header(html: &str) -> String {
    format!("{}; frame-ancestors 'none'", policy(html))
}

/// Writes the policy into the `<meta http-equiv="Content-Security-Policy">` of
/// `dir/index.html`.
pub fn stamp(dir: &Path) -> Result<String, String> {
    let path = dir.join("index.html");
    let html =
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let stamped = with_policy(&html)?;
    fs::write(&path, stamped).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(policy(&html))
}

/// `html` with its policy `<meta>` filled in.
pub fn with_policy(html: &str) -> Result<String, String> {
    let start = html
        .find(META)
        .map(|i| i + META.len())
        .ok_or("index.html has no <meta http-equiv=\"Content-Security-Policy\" content=\"…\">")?;
    let len = html[start..]
        .find('"')
        .ok_or("the Content-Security-Policy <meta> is not closed")?;
    Ok(format!(
        "{}{}{}",
        &html[..start],
        policy(html),
        &html[start + len..]
    ))
}

/// The text of every `<script>` without a `src`, exactly as the browser hashes it.
fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = lower[at..].find("<script").map(|i| at + i) {
        let Some(tag_end) = lower[open..].find('>').map(|i| open + i + 1) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|i| tag_end + i) else {
            break;
        };
        let tag = &lower[open..tag_end];
        if !tag.contains(" src=") {
            out.push(&html[tag_end..close]);
        }
        at = close;
    }
    out
}

fn base64_sha256(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"x\" />\
                    <script src=\"/boot.js\" defer></script>\
                    <SCRIPT type=\"module\">alert(1)</SCRIPT></head>";
        let p = policy(html);
        // sha256 of "alert(1)", as `openssl dgst -sha256 -binary | base64` gives it.
        assert!(
            p.contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{p}"
        );
        assert_eq!(p.matches("'sha256-").count(), 1, "{p}");
        let stamped = with_policy(html).unwrap();
        assert!(
            stamped.contains(&format!("content=\"{p}\" />")),
            "{stamped}"
        );
        assert!(!stamped.contains("content=\"x\""));
        assert!(p.contains("object-src 'none'") && p.contains("base-uri 'none'"));
        assert!(header(html).ends_with("; frame-ancestors 'none'"));
    }

    #[test]
    fn a_page_without_the_meta_is_an_error() {
        assert!(with_policy("<head></head>").is_err());
    }
}
