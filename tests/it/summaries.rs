//! Zola's summaries: what a page's text has before `<!-- more -->` is its `page.summary`,
//! which the microsite's term pages and generic sections show in place of the description;
//! the marker becomes the `continue-reading` anchor. Built the way the README says, from
//! the site's folder.

use crate::support::Site;

const LEAD: &str =
    "Il C40 in breve[^nota], [come Eurocities](../eurocities/).\n\n<!-- more -->\n\n[^nota]: Una nota.\n\n## Che cos'è";
const C40_DESCRIPTION: &str = "La rete globale dei sindaci delle grandi città del mondo";

#[test]
fn a_summary_shows_on_the_term_pages_and_the_marker_is_an_anchor() {
    let site = Site::microsite();
    site.edit("content/reti/c40.md", "## Che cos'è", LEAD);
    // A link to the anchor passes the build's anchor check.
    site.append("content/reti/eurocities.md", "\n[Il C40](@/reti/c40.md#continue-reading)\n");
    site.build().ok();
    let term = site.output("temi/clima/index.html");
    // The relative link is made root-relative: the list is at another address.
    let summary = "<p>Il C40 in breve, <a href=\"/reti/eurocities/\">come Eurocities</a>.</p>\n";
    assert!(term.contains(&format!("<div class=\"item-list__text\">{summary}</div>")), "{term}");
    assert!(!term.contains("Una nota") && !term.contains(C40_DESCRIPTION), "{term}");
    assert!(term.contains("<p class=\"item-list__text\">"), "the other pages keep their descriptions: {term}");
    let page = site.output("reti/c40/index.html");
    assert!(page.contains("<span id=\"continue-reading\"></span>"), "{page}");
    assert!(!page.contains("<!-- more -->") && page.contains("Una nota"), "{page}");
}

#[test]
fn an_empty_summary_leaves_the_description() {
    let site = Site::microsite();
    site.build().ok();
    let before = site.output("temi/clima/index.html");
    assert!(before.contains(C40_DESCRIPTION));
    site.edit("content/reti/c40.md", "## Che cos'è", "<!-- more -->\n\n## Che cos'è");
    site.build().ok();
    assert_eq!(site.output("temi/clima/index.html"), before);
}
