//! What a new draft and a new list item start as.

use serde_json::{Map, Value, json};

/// An empty pool: one default region for every country, a per-patent distribution with a
/// 10 % management fee, no products or schedules yet.
#[must_use]
pub fn scratch() -> Value {
    json!({
        "format": "patent-pool-dataset",
        "version": 1,
        "pool": {"name": {}, "currency": "USD"},
        "regions": [{"id": "all", "name": {"en": "All countries", "zh": "所有国家"}, "default": true}],
        "members": [],
        "patents": [],
        "products": [],
        "rate_schedules": [],
        "distribution": {"management_fee": {"percent": "0.1"}, "method": "per_patent"}
    })
}

/// A new item for the list at `path`, with an id no other item of the list has.
#[must_use]
pub fn item_template(path: &str, dataset: &Value) -> Value {
    let list = super::path::get(dataset, path).and_then(Value::as_array);
    let key = path.rsplit('.').next().unwrap_or(path);
    let id = |prefix: &str| json!(free_id(prefix, list.map_or(&[][..], Vec::as_slice)));
    match key {
        "regions" => json!({"id": id("region"), "countries": []}),
        "members" => json!({"id": id("member"), "country": "XX", "joined": "1970-01-01"}),
        "products" => json!({"id": id("product")}),
        "rate_schedules" => json!({"id": id("schedule"), "lines": []}),
        "lines" => {
            let product = dataset
                .pointer("/products/0/id")
                .cloned()
                .unwrap_or(Value::Null);
            json!({"product": product, "region": "*"})
        }
        "tiers" => json!({"up_to": null}),
        "licensees" => json!({"id": id("licensee"), "years": []}),
        "years" => json!({"sales": []}),
        "sales" => {
            let product = dataset
                .pointer("/products/0/id")
                .cloned()
                .unwrap_or(Value::Null);
            json!({"product": product})
        }
        "discounts" => json!({"id": id("discount")}),
        "group_caps" => json!({"id": id("group"), "products": []}),
        _ => Value::Object(Map::new()),
    }
}

/// `prefix-N` with the smallest N from the list's length + 1 that no item's id is.
fn free_id(prefix: &str, items: &[Value]) -> String {
    let taken = |c: &str| {
        items
            .iter()
            .any(|i| i.get("id").and_then(Value::as_str) == Some(c))
    };
    (items.len() + 1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| prefix.to_owned())
}

/// Names given as one string become `{"en": …}`, so the forms have a field per language.
pub fn names_in_both_languages(dataset: &mut Value) {
    let fix = |v: Option<&mut Value>| {
        if let Some(name) = v
            && let Value::String(s) = name
        {
            *name = json!({"en": s.clone()});
        }
    };
    fix(dataset.pointer_mut("/pool/name"));
    for list in ["regions", "products"] {
        if let Some(Value::Array(items)) = dataset.get_mut(list) {
            for item in items {
                fix(item.get_mut("name"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_items_get_free_ids() {
        let d = json!({"products": [{"id": "product-2"}, {"id": "x"}]});
        assert_eq!(item_template("products", &d), json!({"id": "product-3"}));
        let d = json!({"products": [{"id": "product-3"}, {"id": "x"}]});
        assert_eq!(item_template("products", &d), json!({"id": "product-4"}));
        assert_eq!(
            item_template("rate_schedules[0].lines", &d),
            json!({"product": "product-3", "region": "*"})
        );
        assert_eq!(
            item_template("licensees[0].years[0].sales", &d),
            json!({"product": "product-3"})
        );
    }

    #[test]
    fn names_get_a_field_per_language() {
        let mut d =
            json!({"pool": {"name": "P"}, "products": [{"name": {"en": "A"}}, {"name": "B"}]});
        names_in_both_languages(&mut d);
        assert_eq!(d["pool"]["name"], json!({"en": "P"}));
        assert_eq!(d["products"][1]["name"], json!({"en": "B"}));
        assert_eq!(d["products"][0]["name"], json!({"en": "A"}));
    }
}
