//! Minification of finished files: HTML by `minify-html` (what Zola uses; it minifies
//! inline CSS with lightningcss and inline JavaScript with oxc), stylesheets and scripts by
//! the same two crates directly, so a page and its files are minified alike. Anything a
//! minifier cannot parse is kept as written: minifying is never a reason for a build to fail.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{CompressOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

pub fn html(text: &str) -> String {
    let cfg = minify_html::Cfg {
        // Closing and opening tags are kept so that the output stays valid for validators
        // (html-validate in the browser suite) and readable for people inspecting it.
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: true,
        minify_js: true,
        ..minify_html::Cfg::default()
    };
    String::from_utf8(minify_html::minify(text.as_bytes(), &cfg)).unwrap_or_else(|_| text.to_owned())
}

pub fn css(text: &str) -> String {
    let minified = StyleSheet::parse(text, ParserOptions::default()).ok().and_then(|mut sheet| {
        sheet.minify(MinifyOptions::default()).ok()?;
        sheet.to_css(PrinterOptions { minify: true, ..PrinterOptions::default() }).ok()
    });
    match minified {
        Some(out) if out.code.len() < text.len() => out.code,
        _ => text.to_owned(),
    }
}

/// Scripts are classic scripts (`<script src defer>`): top-level names are global and
/// must keep their names, which the minifier's defaults respect.
pub fn js(text: &str) -> String {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, text, SourceType::cjs()).parse();
    if !parsed.errors.is_empty() {
        return text.to_owned();
    }
    let mut program = parsed.program;
    let options = MinifierOptions { mangle: None, compress: Some(CompressOptions::safest()) };
    Minifier::new(options).minify(&allocator, &mut program);
    let code = Codegen::new().with_options(CodegenOptions::minify()).build(&program).code;
    if code.len() < text.len() {
        code
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_pre_and_attribute_values() {
        let out = html("<p>\n   a   <b>b</b>\n</p><!-- note --><pre>  keep\n   this </pre><p title=\"a   b\">x</p>");
        assert!(out.contains("<pre>  keep\n   this </pre>"), "{out}");
        assert!(out.contains("title=\"a   b\""), "{out}");
        assert!(!out.contains("note"), "{out}");
        assert!(!out.contains("   a"), "{out}");
    }

    #[test]
    fn css_keeps_strings() {
        let out = css("/* c */\na  .b > c ,d {\n  color : red ;\n  content: \"  x \";\n  margin: 0 auto;\n}\n");
        assert!(out.contains("\"  x \""), "{out}");
        assert!(!out.contains("/* c */") && !out.contains('\n'), "{out}");
    }

    #[test]
    fn js_is_minified_and_broken_js_kept() {
        let src = "// a comment\nfunction toggle(menu) {\n  var open = menu.getAttribute('aria-expanded') === 'true';\n  menu.setAttribute('aria-expanded', String(!open));\n}\n";
        let out = js(src);
        assert!(out.len() < src.len() && out.contains("function toggle("), "{out}");
        assert_eq!(js("function ( {"), "function ( {");
    }
}
