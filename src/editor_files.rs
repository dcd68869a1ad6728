//! Files that editors leave beside the ones being edited: swap and backup files, lock links,
//! autosaves, write probes; and those Windows' file manager leaves in folders it shows
//! (`Thumbs.db`, `desktop.ini`; macOS's `.DS_Store` is a dot file). They are never part of the site: every loader skips them, and
//! the preview's watcher ignores them, so both agree on what the site is made of.

/// Whether a file named `name` is an editor's, not the user's.
pub fn is_editor_file(name: &str) -> bool {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    name.ends_with('~')
        // vim: the `4913` write probe and `.name.swp`, `.swo`, … swap files.
        || name == "4913"
        || (name.starts_with('.') && ext.len() == 3 && ext.starts_with("sw"))
        // emacs: `.#name` lock links and `#name#` autosaves.
        || name.starts_with(".#")
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        // JetBrains safe write, Kate swap files, GNOME's temporary output streams.
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.ends_with(".kate-swp")
        || name.starts_with(".goutputstream-")
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

#[cfg(test)]
mod tests {
    use super::is_editor_file;

    #[test]
    fn knows_editors_droppings_and_nothing_else() {
        for name in [
            "c40.md~",
            "4913",
            ".c40.md.swp",
            ".site.css.swo",
            ".#c40.md",
            "#c40.md#",
            "page.html___jb_tmp___",
            "c40.md___jb_old___",
            ".c40.md.kate-swp",
            ".goutputstream-ABC123",
            "Thumbs.db",
            "thumbs.db",
            "desktop.ini",
        ] {
            assert!(is_editor_file(name), "{name}");
        }
        for name in [
            "c40.md",
            "_index.en.md",
            "site.css",
            "logo.svg",
            "#",
            "4914.png",
            "sw.js",
            ".well-known",
            "swap.swp.md",
            "thumbs.db.md",
        ] {
            assert!(!is_editor_file(name), "{name}");
        }
    }
}
