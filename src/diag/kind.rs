//! What kind of problem a diagnostic reports: a closed list, each kind with a stable code
//! (`E0601`) that people can look up with `sito explain E0601`, a short name for machines
//! (`broken-link`, in `--format json`) and an explanation, in Italian and English, in
//! `messages/explain.{it,en}.ftl`. Codes never change meaning and are never reused; a kind
//! that goes away leaves its code unused.

use super::messages::{language, text_in, Lang};
use serde::{Serialize, Serializer};

macro_rules! kinds {
    ($($variant:ident = $code:literal, $name:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $($variant,)*
        }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The stable code, `E0601`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Kind::$variant => $code,)*
                }
            }

            /// The short machine-readable name, `broken-link`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)*
                }
            }
        }
    };
}

kinds! {
    // site.toml and TOML in general
    ConfigMissing = "E0101", "config-missing";
    TomlSyntax = "E0102", "toml";
    UnknownKey = "E0103", "unknown-key";
    BadBaseUrl = "E0104", "bad-base-url";
    BadLanguageCode = "E0105", "bad-language-code";
    LanguageWithoutTitle = "E0106", "language-without-title";
    UnknownHostRules = "E0107", "unknown-host-rules";
    BadThemeName = "E0108", "bad-theme-name";

    // Reading files
    Io = "E0201", "io";
    Encoding = "E0202", "encoding";
    ChangedWhileReading = "E0203", "changed-while-reading";
    Symlink = "E0204", "symlink";
    BadFileName = "E0205", "bad-file-name";
    NoContentFolder = "E0206", "no-content-folder";

    // Front matter
    EmptyFile = "E0301", "empty-file";
    YamlFrontMatter = "E0302", "yaml-front-matter";
    NoFrontMatter = "E0303", "no-front-matter";
    UnclosedFrontMatter = "E0304", "unclosed-front-matter";
    MissingTitle = "E0305", "missing-title";
    BadDate = "E0306", "bad-date";
    BadSlug = "E0307", "bad-slug";
    BadAlias = "E0308", "bad-alias";
    BadTemplateName = "E0309", "bad-template-name";

    // The content as a whole
    PageInBundle = "E0401", "page-in-bundle";
    DefaultLanguageSuffix = "E0402", "default-language-suffix";
    UnknownLanguage = "E0403", "unknown-language";
    DuplicatePage = "E0404", "duplicate-page";
    DuplicateUrl = "E0405", "duplicate-url";
    OrphanTranslation = "E0406", "orphan-translation";
    LanguageWithoutHome = "E0408", "language-without-home";
    UnlistedPage = "E0409", "unlisted-page";
    AliasConflict = "E0407", "alias-conflict";

    // Themes and templates
    MissingTheme = "E0501", "missing-theme";
    MissingTemplate = "E0502", "missing-template";
    TemplateError = "E0503", "template-error";
    ExtraField = "E0504", "extra-field";
    ExtraSchema = "E0505", "extra-schema";

    // Links
    BrokenLink = "E0601", "broken-link";
    BrokenAnchor = "E0602", "broken-anchor";
    WrongLanguage = "E0603", "wrong-language";
    SpaceInLink = "E0605", "space-in-link";
    ExternalLink = "E0604", "external-link";
    TemplateLink = "E0606", "template-link";

    // Interface strings
    I18nMissingFile = "E0701", "i18n-missing-file";
    I18nBadValue = "E0702", "i18n-bad-value";
    I18nMissingKey = "E0703", "i18n-missing";
    I18nUnused = "E0704", "i18n-unused";

    I18nCopied = "E0705", "i18n-copied";

    // Translations
    MissingTranslation = "E0801", "missing-translation";
    StaleTranslation = "E0802", "stale-translation";
    MarkTarget = "E0803", "mark-target";
    MarkChanged = "E0804", "mark-changed";

    // Content rules
    MissingAlt = "E0901", "missing-alt";
    EmptyLink = "E0902", "empty-link";
    HeadingSkip = "E0903", "heading-skip";
    MissingDescription = "E0904", "missing-description";
    DuplicateTitle = "E0905", "duplicate-title";

    // Shortcodes
    ShortcodeSyntax = "E1201", "shortcode-syntax";
    UnclosedShortcode = "E1202", "unclosed-shortcode";
    UnknownShortcode = "E1203", "unknown-shortcode";
    ShortcodeArgument = "E1204", "shortcode-argument";
    ShortcodeFailed = "E1205", "shortcode-failed";
    ShortcodeSchema = "E1206", "shortcode-schema";
    ShortcodeBody = "E1207", "shortcode-body";

    // Taxonomies and pagination
    BadTaxonomy = "E1301", "bad-taxonomy";
    UnknownTaxonomy = "E1302", "unknown-taxonomy";
    BadTerm = "E1303", "bad-term";
    UndeclaredTerm = "E1304", "undeclared-term";
    BadPagination = "E1305", "bad-pagination";

    // Output
    OutputRefused = "E1001", "output-refused";
    OutputWrite = "E1002", "output-write";
    OutputPartial = "E1003", "output-partial";
    RemovedUrl = "E1004", "removed-url";
    RobotsUnderSubPath = "E1005", "robots-under-sub-path";

    // Images
    BadImageSetting = "E1501", "bad-image-setting";
    ImageWithoutAlt = "E1502", "image-without-alt";
    ImageUnreadable = "E1503", "image-unreadable";
    ImageTooLarge = "E1504", "image-too-large";

    // Search
    SearchIndex = "E1401", "search-index";

    // The preview server
    ServeListen = "E1101", "serve-listen";
    ServeWatch = "E1102", "serve-watch";
    ServeStopped = "E1103", "serve-stopped";
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl Kind {
    /// The kind with this code (`E0601`, or `e0601`, or `0601`).
    pub fn from_code(code: &str) -> Option<Kind> {
        let code = code.trim().to_ascii_uppercase();
        let code = if code.starts_with('E') { code } else { format!("E{code}") };
        Kind::ALL.iter().copied().find(|k| k.code() == code)
    }
}

impl Kind {
    /// What the problem means and how it is usually fixed, in the chosen language.
    pub fn explanation(self) -> String {
        self.explanation_in(language())
    }

    /// The explanation in `lang`, wrapped as the Fluent file wraps it.
    pub fn explanation_in(self, lang: Lang) -> String {
        text_in(lang, &format!("explain-{}", self.code()), &[]).unwrap_or_default()
    }

    /// The list of codes as `docs/diagnostics.md` (English) or `docs/diagnostica.md`
    /// (Italian) holds it: each explanation on one line, as Markdown joins it anyway.
    pub fn reference(lang: Lang) -> String {
        let mut out = String::from(match lang {
            Lang::En => "# Diagnostics\n\nEvery problem sito reports has a code, printed after `error` or `warning`\n(`error[E0601]: …`) and in `--format json` as `code` (with the short name as `kind`).\n`sito explain CODE` prints the same text as below. This file is generated from\n`messages/explain.en.ftl`; `SITO_BLESS=1 cargo test --lib diag` rewrites it. In Italian:\n[diagnostica.md](diagnostica.md).\n\n| code | name |\n| --- | --- |\n",
            Lang::It => "# Diagnostica\n\nOgni problema che sito segnala ha un codice, scritto dopo `errore` o `avviso`\n(`errore[E0601]: …`) e, con `--format json`, come `code` (con il nome breve come `kind`).\n`sito explain CODICE` scrive lo stesso testo che trovate qui sotto. Questo file è generato\nda `messages/explain.it.ftl`; `SITO_BLESS=1 cargo test --lib diag` lo riscrive. In inglese:\n[diagnostics.md](diagnostics.md).\n\n| codice | nome |\n| --- | --- |\n",
        });
        for k in Kind::ALL {
            out.push_str(&format!("| [{}](#{}) | `{}` |\n", k.code(), k.code().to_ascii_lowercase(), k.name()));
        }
        for k in Kind::ALL {
            let text = k.explanation_in(lang).replace('\n', " ");
            out.push_str(&format!("\n## {}\n\n`{}`. {}\n", k.code(), k.name(), text));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, Lang};
    use std::collections::HashSet;

    #[test]
    fn the_docs_list_every_code() {
        for (lang, file) in [(Lang::En, "docs/diagnostics.md"), (Lang::It, "docs/diagnostica.md")] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
            let want = Kind::reference(lang);
            if std::env::var_os("SITO_BLESS").is_some() {
                std::fs::write(&path, &want).unwrap_or_else(|e| panic!("{e}"));
            }
            let have = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(have == want, "{file} is out of date: run `SITO_BLESS=1 cargo test --lib diag`");
        }
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for k in Kind::ALL {
            let code = k.code();
            assert!(
                code.len() == 5 && code.starts_with('E') && code[1..].bytes().all(|b| b.is_ascii_digit()),
                "{code}"
            );
            assert!(seen.insert(code), "{code} used twice");
            assert!(Lang::ALL.iter().all(|l| !k.explanation_in(*l).is_empty()), "{code}");
            assert_eq!(Kind::from_code(code), Some(*k));
        }
        assert_eq!(Kind::from_code("e0601"), Some(Kind::BrokenLink));
        assert_eq!(Kind::from_code("0601"), Some(Kind::BrokenLink));
        assert_eq!(Kind::from_code("E9999"), None);
    }
}
