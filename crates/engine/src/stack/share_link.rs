//! A stack carried in a URL fragment (`#stack=<code>`, `io::share_code`), for stacks whose
//! pools are all bundled: a link names them by id, and the receiving browser fetches them as
//! any stack file's bundled pools. An embedded dataset would make the link as long as the
//! dataset, so such a stack is shared as a file instead.

use super::{PoolRef, STACK_FORMAT, Stack, Terms, load_stack};
use crate::io::share_code;
use crate::model::issue::Issue;

/// The licences whose pool is embedded in the stack (they keep it from a link).
#[must_use]
pub fn embedded_licences(stack: &Stack) -> Vec<&str> {
    stack
        .licences
        .iter()
        .filter(|l| {
            matches!(
                &l.terms,
                Terms::Pool {
                    dataset: PoolRef::Embedded(_),
                    ..
                }
            )
        })
        .map(|l| l.id.as_str())
        .collect()
}

/// The stack as the text after `#stack=` in a share link; `None` when a licence embeds its
/// pool ([`embedded_licences`]).
#[must_use]
pub fn encode_stack_share(stack: &Stack) -> Option<String> {
    if !embedded_licences(stack).is_empty() {
        return None;
    }
    let v = serde_json::to_value(stack).unwrap_or_default();
    Some(share_code::encode(&share_code::with_format(
        v,
        STACK_FORMAT,
    )))
}

/// Reads a share code back into a stack, with the same rules as a stack file.
///
/// # Errors
/// A damaged code, or a text that is not a valid stack.
pub fn decode_stack_share(code: &str) -> Result<Stack, Vec<Issue>> {
    let json = share_code::decode(code, "stack").map_err(|i| vec![i])?;
    load_stack(&json)
}
