//! Saving what the person typed without slowing down what they are waiting for: a save runs
//! a moment after the last change, and at once when the page is being left, so a burst of
//! edits (or thousands of imported rows) is written once and a reload still finds it.

use leptos::prelude::*;
use std::time::Duration;

/// How long a save waits for more edits.
const QUIET: Duration = Duration::from_millis(250);

/// Calls `save` after the changes `track` subscribes to settle, and at once when the page is
/// hidden (closed, reloaded, switched away from) or left for another page of the app with a
/// save still pending. `save` must cope with inputs already gone (use the `try_` forms).
pub fn save_after_changes(
    track: impl Fn() + 'static,
    save: impl Fn() + Clone + Send + Sync + 'static,
) {
    let pending = StoredValue::new(false);
    let on_timer = save.clone();
    Effect::new(move |_| {
        track();
        if !pending.get_value() {
            pending.set_value(true);
            let save = on_timer.clone();
            // The page may be gone by then: the `try_` forms do nothing on disposed values
            // instead of stopping the app (its inputs were saved on the way out).
            set_timeout(
                move || {
                    if pending.try_get_value() == Some(true) {
                        pending.try_set_value(false);
                        save();
                    }
                },
                QUIET,
            );
        }
    });
    let on_exit = save.clone();
    let listener = window_event_listener_untyped("pagehide", move |_| {
        if pending.try_get_value() == Some(true) {
            pending.try_set_value(false);
            save();
        }
    });
    // Leaving the page within the quiet time (another page of the app) saves at once.
    on_cleanup(move || {
        if pending.try_get_value() == Some(true) {
            pending.try_set_value(false);
            on_exit();
        }
        listener.remove();
    });
}
