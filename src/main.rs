fn main() {
    // Our hook also calls console_error_panic_hook, then shows a readable panel.
    poolcalc_web::components::panic_panel::install();
    leptos::mount::mount_to_body(poolcalc_web::App);
}
