//! What the licensee has typed, as signals: one signal per row so an edit re-renders one
//! row, plus the settings. Kept as text (a slip never loses a row) and saved to
//! localStorage per dataset, so it survives a reload.

use crate::browser::storage;
use leptos::prelude::*;
use poolcalc_views::fee_form::{FeeFormText, SaleRowText};

/// One row of the sales table; `id` keys the DOM row so editing never moves focus.
#[derive(Clone, Copy)]
pub struct Row {
    pub id: u64,
    pub text: RwSignal<SaleRowText>,
}

/// The whole form.
#[derive(Clone, Copy)]
pub struct FormState {
    pub licensee: RwSignal<String>,
    pub signed: RwSignal<String>,
    pub fill_to: RwSignal<String>,
    pub growth: RwSignal<String>,
    pub rows: RwSignal<Vec<Row>>,
    next_id: StoredValue<u64>,
    /// The calculator's owner. Rows are made in event handlers, whose current owner is the
    /// row component that was clicked; a row made there would be disposed with that
    /// component (its row removed, or scrolled off the page) while the form still holds it.
    owner: StoredValue<Option<Owner>>,
}

impl FormState {
    pub fn new(form: FeeFormText) -> Self {
        let s = FormState {
            licensee: RwSignal::new(form.licensee),
            signed: RwSignal::new(form.signed),
            fill_to: RwSignal::new(form.fill_to),
            growth: RwSignal::new(form.growth),
            rows: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            owner: StoredValue::new(Owner::current()),
        };
        s.rows
            .set(form.rows.into_iter().map(|r| s.make_row(r)).collect());
        s
    }

    fn make_row(&self, text: SaleRowText) -> Row {
        let id = self.next_id.get_value();
        self.next_id.set_value(id.wrapping_add(1));
        let text = match self.owner.get_value() {
            Some(owner) => owner.with(|| RwSignal::new(text)),
            None => RwSignal::new(text),
        };
        Row { id, text }
    }

    /// The form as the engine takes it (tracked: a computation that calls this reruns on
    /// any edit).
    pub fn snapshot(&self) -> FeeFormText {
        FeeFormText {
            licensee: self.licensee.get(),
            signed: self.signed.get(),
            fill_to: self.fill_to.get(),
            growth: self.growth.get(),
            rows: self
                .rows
                .with(|rows| rows.iter().map(|r| r.text.get()).collect()),
        }
    }

    /// Subscribes to every field without copying anything.
    pub fn track(&self) {
        self.licensee.track();
        self.signed.track();
        self.fill_to.track();
        self.growth.track();
        self.rows
            .with(|rows| rows.iter().for_each(|r| r.text.track()));
    }

    /// The form without tracking (event handlers).
    pub fn snapshot_untracked(&self) -> FeeFormText {
        FeeFormText {
            licensee: self.licensee.get_untracked(),
            signed: self.signed.get_untracked(),
            fill_to: self.fill_to.get_untracked(),
            growth: self.growth.get_untracked(),
            rows: self
                .rows
                .with_untracked(|rows| rows.iter().map(|r| r.text.get_untracked()).collect()),
        }
    }

    /// The form without tracking, or `None` once the page is gone (a late save).
    pub fn try_snapshot_untracked(&self) -> Option<FeeFormText> {
        Some(FeeFormText {
            licensee: self.licensee.try_get_untracked()?,
            signed: self.signed.try_get_untracked()?,
            fill_to: self.fill_to.try_get_untracked()?,
            growth: self.growth.try_get_untracked()?,
            rows: self.rows.try_with_untracked(|rows| {
                rows.iter()
                    .map(|r| r.text.try_get_untracked())
                    .collect::<Option<Vec<_>>>()
            })??,
        })
    }

    /// Replaces everything (an import).
    pub fn replace(&self, form: FeeFormText) {
        self.licensee.set(form.licensee);
        self.signed.set(form.signed);
        self.fill_to.set(form.fill_to);
        self.growth.set(form.growth);
        let rows = form.rows.into_iter().map(|r| self.make_row(r)).collect();
        self.rows.set(rows);
    }

    /// Inserts `text` at `at` (clamped); returns the new row's id.
    pub fn insert(&self, at: usize, text: SaleRowText) -> u64 {
        let row = self.make_row(text);
        self.rows.update(|rows| {
            let at = at.min(rows.len());
            rows.insert(at, row);
        });
        row.id
    }

    /// Removes the row with `id`; returns its former position.
    pub fn remove(&self, id: u64) -> Option<usize> {
        let mut pos = None;
        self.rows.update(|rows| {
            pos = rows.iter().position(|r| r.id == id);
            if let Some(p) = pos {
                rows.remove(p);
            }
        });
        pos
    }
}

/// localStorage key of the form for one dataset.
pub fn storage_key(pool_id: &str) -> String {
    storage::keys::fees(pool_id)
}

/// The stored form, if there is one that reads (one that does not is kept aside and
/// reported by `storage`).
pub fn load(key: &str) -> Option<FeeFormText> {
    storage::read(key).found()
}

/// Saves the form; a refusal (private mode, full) is reported, and the form stays as typed.
pub fn save(key: &str, form: &FeeFormText) {
    storage::write(key, form);
}
