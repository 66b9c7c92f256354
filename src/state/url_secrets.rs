//! Whether a dataset URL carries something secret: a user name and password
//! (`https://user:pass@host/…`) or a query (`?token=…`, where access keys usually travel).
//! Such a URL is only kept in the browser's storage once the person has agreed.

/// What a URL carries that should not be stored unasked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secret {
    Credentials,
    Query,
}

/// The first secret part of `url`, if any.
pub fn secret_in(url: &str) -> Option<Secret> {
    let url = url.trim();
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority_end = after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len());
    if after_scheme[..authority_end].contains('@') {
        return Some(Secret::Credentials);
    }
    let query = after_scheme
        .split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or_default());
    query.filter(|q| !q.is_empty()).map(|_| Secret::Query)
}

/// The host (and port) of `url`, without any credentials, for "Reload from <host>".
pub fn host_of(url: &str) -> String {
    let url = url.trim();
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority_end = after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len());
    let authority = &after_scheme[..authority_end];
    authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_and_queries_are_found() {
        assert_eq!(
            secret_in("https://ann:pw@example.org/pool.json"),
            Some(Secret::Credentials)
        );
        assert_eq!(
            secret_in("https://example.org/pool.json?token=abc"),
            Some(Secret::Query)
        );
        assert_eq!(secret_in("https://example.org/pool.json"), None);
        assert_eq!(secret_in("https://example.org/pool.json?"), None);
        // An @ in the path is not a user name.
        assert_eq!(secret_in("https://example.org/@ann/pool.json"), None);
    }

    #[test]
    fn the_host_never_shows_credentials() {
        assert_eq!(
            host_of("https://ann:pw@example.org:8443/p.json"),
            "example.org:8443"
        );
        assert_eq!(host_of("http://127.0.0.1:9/pool.json?x=1"), "127.0.0.1:9");
    }
}
