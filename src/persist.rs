//! Saving what the person typed without slowing down what they are waiting for: a save runs
//! a moment after the last change, and at once when the page is being left, so a burst of
//! edits (or thousands of imported rows) is written once and a reload still finds it.

use leptos::prelude::*;
use std::time::Duration;

/// How long a save waits for more edits.
const QUIET: Duration = Duration::from_millis(250);

/// Calls `save` after the changes `track` subscribes to settle, and when the page is hidden
/// (closed, reloaded, switched away from) with a save still pending.
pub fn save_after_changes(track: impl Fn() + 'static, save: impl Fn() + Clone + 'static) {
    let pending = StoredValue::new(false);
    let on_timer = save.clone();
    Effect::new(move |_| {
        track();
        if !pending.get_value() {
            pending.set_value(true);
            let save = on_timer.clone();
            set_timeout(
                move || {
                    if pending.get_value() {
                        pending.set_value(false);
                        save();
                    }
                },
                QUIET,
            );
        }
    });
    let listener = window_event_listener_untyped("pagehide", move |_| {
        if pending.get_value() {
            pending.set_value(false);
            save();
        }
    });
    on_cleanup(move || listener.remove());
}
