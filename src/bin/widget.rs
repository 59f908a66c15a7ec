//! The widget's entry point in the browser: mounts exportcheck into every
//! `[data-exportcheck]` element of the page (see `exportcheck::embed`).

fn main() {
    exportcheck::embed::mount_all();
}
