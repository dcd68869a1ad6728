//! Link destinations as pages and templates write them: what kind each is, and the site
//! path a local one names from the page it is on. A leaf: the link checks (`build::links`)
//! and the record of what each written file links to (`output::Recording`) share it.

/// What a link destination is.
#[derive(Debug, PartialEq, Eq)]
pub enum Dest<'a> {
    /// `@/reti/c40.md#storia`
    Internal(&'a str),
    /// `https://…`, `//host/…`
    External,
    /// `mailto:`, `tel:` and other schemes: nothing to check.
    Other,
    /// A path on this site, relative or root-relative, with its anchor.
    Local { path: &'a str, anchor: Option<&'a str> },
}

pub fn classify(dest: &str) -> Dest<'_> {
    if dest.starts_with("@/") {
        return Dest::Internal(dest);
    }
    if dest.starts_with("//") {
        return Dest::External;
    }
    if let Some((scheme, _)) = dest.split_once(':') {
        let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
        if is_scheme {
            let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
            return if web { Dest::External } else { Dest::Other };
        }
    }
    let (rest, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path = rest.split_once('?').map_or(rest, |(p, _)| p);
    Dest::Local { path, anchor }
}

/// Resolves a link path against the URL of the page it is on (`/reti/c40/`), giving a site
/// path, or `None` when `..` climbs above the site's root.
pub fn join(page: &str, link: &str) -> Option<String> {
    if is_plain_site_path(link) {
        // Most links are written so: nothing to resolve (link checks join every link of
        // every page on every build).
        return Some(link.to_owned());
    }
    resolve_path(page, link)
}

/// `join` as a browser resolves a link: `..` above the root stays at the root (templates
/// share one "up" link between pages at every depth).
pub fn join_clamped(page: &str, link: &str) -> String {
    join(page, link).unwrap_or_else(|| resolve(page, link, true).unwrap_or_default())
}

fn resolve_path(page: &str, link: &str) -> Option<String> {
    resolve(page, link, false)
}

/// `clamp`: `..` at the root is ignored, as browsers do, rather than refused.
fn resolve(page: &str, link: &str, clamp: bool) -> Option<String> {
    let link = percent_encoding::percent_decode_str(link).decode_utf8_lossy();
    remove_dots(page.split('/').filter(|s| !s.is_empty()).collect(), &link, clamp)
}

/// The path `link` names from the folder whose segments are `folder`, dot segments removed
/// (RFC 3986, 5.2.4), as `/a/b` (`/a/b/` for a folder). `clamp`: `..` above the root stays
/// there, as browsers resolve it; otherwise `None`. Nothing is decoded: the feeds' links keep
/// their escapes.
pub fn remove_dots<'a>(mut folder: Vec<&'a str>, link: &'a str, clamp: bool) -> Option<String> {
    if link.starts_with('/') {
        folder.clear();
    }
    let parts: Vec<&str> = link.split('/').collect();
    for part in &parts {
        match *part {
            "" | "." => {}
            ".." => {
                if folder.pop().is_none() && !clamp {
                    return None;
                }
            }
            p => folder.push(p),
        }
    }
    let is_folder = matches!(parts.last(), Some(&"" | &"." | &".."));
    let mut out = format!("/{}", folder.join("/"));
    if is_folder && !folder.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// A path from the site's root that `join` would give back as it is: nothing escaped, no
/// `.`, `..` or empty segment.
fn is_plain_site_path(link: &str) -> bool {
    link.starts_with('/')
        && !link.contains('%')
        && !link.contains("//")
        && link.split('/').all(|p| p != "." && p != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_destinations() {
        assert_eq!(classify("@/a.md#x"), Dest::Internal("@/a.md#x"));
        assert_eq!(classify("https://x.org/"), Dest::External);
        assert_eq!(classify("//x.org/a"), Dest::External);
        assert_eq!(classify("mailto:a@b.it"), Dest::Other);
        assert_eq!(classify("/reti/?q=1#top"), Dest::Local { path: "/reti/", anchor: Some("top") });
        assert_eq!(classify("#storia"), Dest::Local { path: "", anchor: Some("storia") });
        assert_eq!(classify("img/a:b.png"), Dest::Local { path: "img/a:b.png", anchor: None });
    }

    proptest::proptest! {
        #[test]
        fn plain_paths_join_as_they_are_resolved(
            page in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "é"]), 0..3),
            link in proptest::collection::vec(proptest::sample::select(vec!["/", "a", "b", ".", "..", "%20", "é", "x.png"]), 0..8),
        ) {
            let page = format!("/{}", page.iter().map(|s| format!("{s}/")).collect::<String>());
            let link: String = link.concat();
            proptest::prop_assert_eq!(join(&page, &link), resolve_path(&page, &link));
        }
    }

    #[test]
    fn joins_relative_to_the_page_url() {
        assert_eq!(join("/reti/c40/", "logo.svg").as_deref(), Some("/reti/c40/logo.svg"));
        assert_eq!(join("/reti/c40/", "../eurocities/").as_deref(), Some("/reti/eurocities/"));
        assert_eq!(join("/reti/c40/", "..").as_deref(), Some("/reti/"));
        assert_eq!(join("/en/", "/reti/").as_deref(), Some("/reti/"));
        assert_eq!(join("/a/", "../../x"), None);
        assert_eq!(join_clamped("/a/", "../../x"), "/x");
        assert_eq!(join_clamped("/", "../"), "/");
        assert_eq!(join_clamped("/", "/../reti/"), "/reti/");
        assert_eq!(join("/a/", "caf%C3%A8.png").as_deref(), Some("/a/cafè.png"));
        assert_eq!(join("/", "/").as_deref(), Some("/"));
    }
}
