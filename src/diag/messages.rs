//! sito's own words, in Italian and English: every message and hint it prints comes from a
//! Fluent file (`messages/it.ftl`, `messages/en.ftl`), looked up by an id from [`Msg`].
//! Fluent, not a table of format strings, because Italian needs what English does not:
//! gender and number agreement on a word chosen at run time (`un collegamento` / `un'immagine`,
//! `1 errore` / `2 errori`), which Fluent's selectors express inside the translation, where
//! the translator can see and change them.
//!
//! The language is the process's, like `LANG` itself: chosen once by the binary
//! ([`set_language`]) from `--messages`, else the locale variables, else English. A setting
//! read everywhere and written once at start-up is the one place a global fits; threading it
//! through every stage would change every signature that can fail.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::{LazyLock, OnceLock};

/// A language sito speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    It,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::It];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
        }
    }

    /// `it` or `en` as `--messages` takes them.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code.trim().to_ascii_lowercase())
    }

    /// The language a POSIX locale asks for: `LC_ALL`, else `LC_MESSAGES`, else `LANG`
    /// (the first that is set and not empty, as the C library reads them); Italian for
    /// `it`, `it_IT.UTF-8`, `it_CH`…, English otherwise.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(&var).find(|v| !v.is_empty());
        match locale {
            Some(l) if l == "it" || l.starts_with("it_") || l.starts_with("it.") || l.starts_with("it-") => Lang::It,
            _ => Lang::En,
        }
    }

    /// One of the language's Fluent files.
    pub fn source(self, catalog: Catalog) -> &'static str {
        match (self, catalog) {
            (Lang::En, Catalog::Messages) => include_str!("../../messages/en.ftl"),
            (Lang::It, Catalog::Messages) => include_str!("../../messages/it.ftl"),
            (Lang::En, Catalog::Explain) => include_str!("../../messages/explain.en.ftl"),
            (Lang::It, Catalog::Explain) => include_str!("../../messages/explain.it.ftl"),
            (Lang::En, Catalog::Cli) => include_str!("../../messages/cli.en.ftl"),
            (Lang::It, Catalog::Cli) => include_str!("../../messages/cli.it.ftl"),
        }
    }
}

/// The Fluent files of a language. All of a language's files go into its one bundle (a
/// bundle takes several resources), so every text shares one fallback to English and one set
/// of plural rules; their ids cannot collide, because the explanations' start with
/// `explain-` and the command line's with `cli-`, which no [`Msg`] id does (a test adds
/// every file to a bundle strictly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Catalog {
    /// `messages/{it,en}.ftl`: diagnostics and summaries, one id per [`Msg`].
    Messages,
    /// `messages/explain.{it,en}.ftl`: what each code means (`sito explain E0601`), one id
    /// per [`Kind`](super::Kind), `explain-E0601`.
    Explain,
    /// `messages/cli.{it,en}.ftl`: `--help`, one id per argument and command, `cli-…`.
    Cli,
}

impl Catalog {
    pub const ALL: [Catalog; 3] = [Catalog::Messages, Catalog::Explain, Catalog::Cli];
}

static LANGUAGE: OnceLock<Lang> = OnceLock::new();

/// Sets the language of every message from now on; only the first call counts.
pub fn set_language(lang: Lang) {
    let _ = LANGUAGE.set(lang);
}

/// The language messages are written in: English until the binary chose one.
pub fn language() -> Lang {
    LANGUAGE.get().copied().unwrap_or(Lang::En)
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> Bundle {
    // The language picks the plural rules (`one`, `other`).
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/U+2069) guard right-to-left text in a UI; on a terminal and
    // in the tests' whole-message comparisons they are invisible noise.
    bundle.set_use_isolating(false);
    for catalog in Catalog::ALL {
        // A parse error or a clash of ids would show as a missing message; the tests parse
        // every file and add it to a bundle strictly.
        let source = lang.source(catalog).to_owned();
        let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| [bundle(Lang::En), bundle(Lang::It)]);

fn bundle_of(lang: Lang) -> &'static Bundle {
    &BUNDLES[lang as usize]
}

/// One argument of a message: text or a number (numbers choose plural forms).
pub type Arg<'a> = FluentValue<'a>;

/// The message `id` in `lang`, with its arguments. A message missing in `lang` falls back
/// to English, then to its id: never a panic (the tests keep both files complete).
pub fn tr_in(lang: Lang, id: Msg, args: &[(&str, Arg<'_>)]) -> String {
    text_in(lang, id.id(), args).unwrap_or_else(|| id.id().to_owned())
}

/// The text with the Fluent id `id` in `lang`, else in English: for the files whose ids are
/// not [`Msg`]s (explanations, help); `None` if neither language has it.
pub fn text_in(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        fluent_args.set(*k, v.clone());
    }
    [lang, Lang::En].into_iter().find_map(|l| {
        let bundle = bundle_of(l);
        let pattern = bundle.get_message(id).and_then(|m| m.value())?;
        Some(bundle.format_pattern(pattern, Some(&fluent_args), &mut Vec::new()).into_owned())
    })
}

/// The attribute `.attribute` of the message `id` in `lang` only (no fallback: an attribute
/// is optional, and a missing one means "keep the default").
pub fn attribute_in(lang: Lang, id: &str, attribute: &str) -> Option<String> {
    let bundle = bundle_of(lang);
    let pattern = bundle.get_message(id)?.get_attribute(attribute)?.value();
    Some(bundle.format_pattern(pattern, None, &mut Vec::new()).into_owned())
}

/// The message `id` in the chosen language.
pub fn tr(id: Msg, args: &[(&str, Arg<'_>)]) -> String {
    tr_in(language(), id, args)
}

/// `msg!(UnknownKey, key = name)`: the message with that [`Msg`] id in the chosen
/// language, as a `String` (so it goes wherever a message or hint did before).
#[macro_export]
macro_rules! msg {
    ($id:ident $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::diag::tr($crate::diag::Msg::$id, &[$((stringify!($k), $crate::diag::Arg::from($v))),*])
    };
}

macro_rules! messages {
    ($($variant:ident = $id:literal;)*) => {
        /// Every message sito prints, by its id in the Fluent files. A message the code uses
        /// is a variant here; the tests check that both files define exactly these ids.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($variant,)*
        }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$variant,)*];

            pub fn id(self) -> &'static str {
                match self {
                    $(Msg::$variant => $id,)*
                }
            }
        }
    };
}

messages! {
    BuildFailed = "build-failed";
    BuildFailedUnchanged = "build-failed-unchanged";
    ServeFailed = "serve-failed";
    ServeFailedUnchanged = "serve-failed-unchanged";
    CheckFailed = "check-failed";
    CheckFailedUnchanged = "check-failed-unchanged";
    OutputMayBeIncomplete = "output-may-be-incomplete";
    FailedSummary = "failed-summary";
    BuiltSummary = "built-summary";
    PagesInLanguage = "pages-in-language";
    BuiltRemoved = "built-removed";
    BuiltDrafts = "built-drafts";
    CwdUnreadable = "cwd-unreadable";
    NotACode = "not-a-code";
    LabelError = "label-error";
    LabelWarning = "label-warning";
    LabelHelp = "label-help";
    UnknownKey = "unknown-key";
    UnknownKeyIn = "unknown-key-in";
    DidYouMean = "did-you-mean";
    KeysAllowed = "keys-allowed";
    ZolaKey = "zola-key";
    ZolaTransparent = "zola-transparent";
    ZolaRedirectTo = "zola-redirect_to";
    ZolaRender = "zola-render";
    ZolaInsertAnchorLinks = "zola-insert_anchor_links";
    ZolaPath = "zola-path";
    ZolaInSearchIndex = "zola-in_search_index";
    ZolaPaginatePath = "zola-paginate_path";
    ZolaPaginateReversed = "zola-paginate_reversed";
    ZolaGenerateFeeds = "zola-generate_feeds";
    DateWriteAs = "date-write-as";
    DateWriteAsHint = "date-write-as-hint";
    NotADate = "not-a-date";
    NotADateHint = "not-a-date-hint";
    BrokenNothingPublished = "broken-nothing-published";
    BrokenNothingPublishedFrom = "broken-nothing-published-from";
    NearestPublished = "nearest-published";
    FilesPublishedFrom = "files-published-from";
    RelativePathHint = "relative-path-hint";
    ClimbsAboveRoot = "climbs-above-root";
    ClimbsAboveRootHint = "climbs-above-root-hint";
    LinkToDraft = "link-to-draft";
    InternalToDraft = "internal-to-draft";
    InternalNotMarkdown = "internal-not-markdown";
    InternalUnknownLanguage = "internal-unknown-language";
    InternalMissingFile = "internal-missing-file";
    DraftHint = "draft-hint";
    BrokenInternal = "broken-internal";
    InternalDidYouMean = "internal-did-you-mean";
    InternalHow = "internal-how";
    MdLinkDidYouMean = "md-link-did-you-mean";
    MdLinkHow = "md-link-how";
    NoDestination = "no-destination";
    NoDestinationHint = "no-destination-hint";
    BrokenAnchorInFile = "broken-anchor-in-file";
    BrokenAnchorHere = "broken-anchor-here";
    BrokenAnchorAt = "broken-anchor-at";
    HeadingIds = "heading-ids";
    NoHeadings = "no-headings";
    OtherLanguageLink = "other-language-link";
    OtherLanguageLinkHint = "other-language-link-hint";
    SpaceInLink = "space-in-link";
    SpaceInLinkHint = "space-in-link-hint";
    SpaceInLinkHintPlain = "space-in-link-hint-plain";
    UnlistedPage = "unlisted-page";
    UnlistedPageHint = "unlisted-page-hint";
    MenuOtherLanguage = "menu-other-language";
    MenuOtherLanguageHint = "menu-other-language-hint";
    MenuNothingPublished = "menu-nothing-published";
    MenuHint = "menu-hint";
    TemplateLinkBroken = "template-link-broken";
    TemplateLinkHint = "template-link-hint";
    TemplateLinkNamed = "template-link-named";
    TemplateLinkOther = "template-link-other";
    TemplateLinkMore = "template-link-more";
    TemplateLinkOutside = "template-link-outside";
    FrontMatterLink = "front-matter-link";
    FrontMatterNothingPublished = "front-matter-nothing-published";
    FrontMatterLinkHint = "front-matter-link-hint";
    RemovedLinkHint = "removed-link-hint";
    RemovedLinkRenamedHint = "removed-link-renamed-hint";
    RenamedAliasHint = "renamed-alias-hint";
    RemovedRenamed = "removed-renamed";
    RemovedMoved = "removed-moved";
    RemovedAlias = "removed-alias";
    RemovedRenamedHint = "removed-renamed-hint";
    RemovedAddAliasHint = "removed-add-alias-hint";
    RemovedGone = "removed-gone";
    RemovedGoneHint = "removed-gone-hint";
    RemovedDraft = "removed-draft";
    RemovedDraftHint = "removed-draft-hint";
    DateOrDatetimeHint = "date-or-datetime-hint";
    SpelledDate = "spelled-date";
    TypeName = "type-name";
    ExtraUnknown = "extra-unknown";
    ExtraFieldsAllowed = "extra-fields-allowed";
    ExtraWrongType = "extra-wrong-type";
    ExtraNotATable = "extra-not-a-table";
    ExtraMissing = "extra-missing";
    ExtraDescription = "extra-description";
    ExtraItemsNotArray = "extra-items-not-array";
    ExtraItemsNotArrayHint = "extra-items-not-array-hint";
    EmptyFile = "empty-file";
    EmptyFileHint = "empty-file-hint";
    YamlFrontMatter = "yaml-front-matter";
    YamlFrontMatterHint = "yaml-front-matter-hint";
    NoFrontMatter = "no-front-matter";
    NoFrontMatterHint = "no-front-matter-hint";
    UnclosedFrontMatter = "unclosed-front-matter";
    UnclosedHint = "unclosed-hint";
    UnclosedHintAt = "unclosed-hint-at";
    UnclosedHintAfter = "unclosed-hint-after";
    SlugHint = "slug-hint";
    TitleEmpty = "title-empty";
    TitleEmptyHint = "title-empty-hint";
    TitleMissing = "title-missing";
    TitleMissingHint = "title-missing-hint";
    BadAlias = "bad-alias";
    BadAliasHint = "bad-alias-hint";
    AliasNul = "alias-nul";
    AliasFullAddress = "alias-full-address";
    AliasNoSlash = "alias-no-slash";
    AliasBackslash = "alias-backslash";
    AliasDots = "alias-dots";
    AliasQuery = "alias-query";
    AliasHome = "alias-home";
    BadTemplateName = "bad-template-name";
    BadTemplateNameHint = "bad-template-name-hint";
    WhatFrontMatter = "what-front-matter";
    TomlSyntaxHint = "toml-syntax-hint";
    TomlWrongType = "toml-wrong-type";
    TomlUnknownValue = "toml-unknown-value";
    TomlBadDate = "toml-bad-date";
    TomlValueNotFor = "toml-value-not-for";
    TomlProblemNeeds = "toml-problem-needs";
    TomlBadString = "toml-bad-string";
    TomlNoOpeningQuote = "toml-no-opening-quote";
    TomlNoValue = "toml-no-value";
    TomlUnquoted = "toml-unquoted";
    TomlUnclosedList = "toml-unclosed-list";
    TomlUnclosedInlineTable = "toml-unclosed-inline-table";
    TomlUnclosedTable = "toml-unclosed-table";
    TomlListComma = "toml-list-comma";
    TomlNoAssignment = "toml-no-assignment";
    TomlBadKey = "toml-bad-key";
    TomlUnexpected = "toml-unexpected";
    TomlDuplicateKey = "toml-duplicate-key";
    TomlWantText = "toml-want-text";
    TomlWantNewline = "toml-want-newline";
    TomlWantValue = "toml-want-value";
    TomlKindBoolean = "toml-kind-boolean";
    TomlKindText = "toml-kind-text";
    TomlKindInteger = "toml-kind-integer";
    TomlKindDecimal = "toml-kind-decimal";
    TomlKindList = "toml-kind-list";
    TomlKindTable = "toml-kind-table";
    TomlWantList = "toml-want-list";
    TomlWantBoolean = "toml-want-boolean";
    TomlWantString = "toml-want-string";
    TomlWantInteger = "toml-want-integer";
    TomlWantTable = "toml-want-table";
    NestedTooDeeply = "nested-too-deeply";
    WriteWholeNumber = "write-whole-number";
    WriteBoolean = "write-boolean";
    WriteList = "write-list";
    WriteText = "write-text";
    TypographicDoubleQuotes = "typographic-double-quotes";
    TypographicSingleQuotes = "typographic-single-quotes";
    InvisibleCharacter = "invisible-character";
    TypographicSpace = "typographic-space";
    NotUtf8 = "not-utf8";
    NotUtf8Hint = "not-utf8-hint";
    NotUtf8Meant = "not-utf8-meant";
    NotUtf8Utf16 = "not-utf8-utf16";
    NotUtf8Utf16Hint = "not-utf8-utf16-hint";
    OverlayClose = "overlay-close";
    OverlayTitle = "overlay-title";
    OverlayTitleNoBuild = "overlay-title-no-build";
    ServeServing = "serve-serving";
    ServeBuilt = "serve-built";
    ServeHasErrors = "serve-has-errors";
    ServeHasErrorsNoBuild = "serve-has-errors-no-build";
    ServeWatchStopped = "serve-watch-stopped";
    ServeWarning = "serve-warning";
    ServeCannotListen = "serve-cannot-listen";
    ServeStopped = "serve-stopped";
    CheckErrors = "check-errors";
    CheckWarnings = "check-warnings";
    CheckFiles = "check-files";
    CheckSite = "check-site";
    CheckDoesNotBuild = "check-does-not-build";
    CheckClean = "check-clean";
    CheckSummary = "check-summary";
    OrphanTranslation = "orphan-translation";
    OrphanTranslationHint = "orphan-translation-hint";
    OrphanRenamedHint = "orphan-renamed-hint";
    DraftOriginal = "draft-original";
    DraftOriginalHint = "draft-original-hint";
    PageInBundle = "page-in-bundle";
    PageInBundleHint = "page-in-bundle-hint";
    DefaultLanguageSuffix = "default-language-suffix";
    DefaultLanguageSuffixHint = "default-language-suffix-hint";
    UnknownLanguageFile = "unknown-language-file";
    UnknownLanguageFileHint = "unknown-language-file-hint";
    MissingAlt = "missing-alt";
    MissingAltHint = "missing-alt-hint";
    EmptyLink = "empty-link";
    EmptyLinkHint = "empty-link-hint";
    HeadingSkip = "heading-skip";
    HeadingSkipFirstHint = "heading-skip-first-hint";
    HeadingSkipHint = "heading-skip-hint";
    MissingDescription = "missing-description";
    MissingDescriptionHint = "missing-description-hint";
    DuplicateTitle = "duplicate-title";
    DuplicateTitleHint = "duplicate-title-hint";
    // Loading and resolving: site.toml, i18n, templates, shortcodes, content files.
    ConfigNotFound = "config-not-found";
    ConfigNotFoundHint = "config-not-found-hint";
    BadBaseUrl = "bad-base-url";
    BadBaseUrlHint = "bad-base-url-hint";
    BadBaseUrlOption = "bad-base-url-option";
    BadBaseUrlOptionHint = "bad-base-url-option-hint";
    BadLanguageCode = "bad-language-code";
    BadLanguageCodeHint = "bad-language-code-hint";
    LanguageWithoutTitle = "language-without-title";
    LanguageWithoutTitleHint = "language-without-title-hint";
    BadTaxonomyName = "bad-taxonomy-name";
    BadTaxonomyNameHint = "bad-taxonomy-name-hint";
    TaxonomyTwice = "taxonomy-twice";
    TaxonomyTwiceHint = "taxonomy-twice-hint";
    PaginateByZero = "paginate-by-zero";
    PaginateByZeroHint = "paginate-by-zero-hint";
    UnknownHostRules = "unknown-host-rules";
    ChooseAmong = "choose-among";
    BadThemeName = "bad-theme-name";
    BadThemeNameHint = "bad-theme-name-hint";
    ImageWidthsEmpty = "image-widths-empty";
    ImageWidthsEmptyHint = "image-widths-empty-hint";
    ImageWidthOutOfRange = "image-width-out-of-range";
    ImageWidthOutOfRangeHint = "image-width-out-of-range-hint";
    ImageQualityOutOfRange = "image-quality-out-of-range";
    ImageQualityOutOfRangeHint = "image-quality-out-of-range-hint";
    I18nMissingFile = "i18n-missing-file";
    I18nMissingFileHint = "i18n-missing-file-hint";
    I18nCopied = "i18n-copied";
    I18nSameName = "i18n-same-name";
    I18nCopiedHint = "i18n-copied-hint";
    I18nBadValue = "i18n-bad-value";
    I18nBadValueHint = "i18n-bad-value-hint";
    I18nMissingKey = "i18n-missing-key";
    I18nMissingKeyHint = "i18n-missing-key-hint";
    I18nMissingKeyHintIn = "i18n-missing-key-hint-in";
    I18nDateNames = "i18n-date-names";
    UnknownDateCode = "unknown-date-code";
    NoThemesHint = "no-themes-hint";
    ThemesAvailable = "themes-available";
    MissingTheme = "missing-theme";
    NoTemplates = "no-templates";
    NoTemplatesHint = "no-templates-hint";
    WordAnd = "word-and";
    TemplateErrorHint = "template-error-hint";
    ZolaFunction = "zola-function";
    ZolaFunctionNone = "zola-function-none";
    ZolaConfig = "zola-config";
    TemplateSyntax = "template-syntax";
    TemplateSyntaxInvalid = "template-syntax-invalid";
    CannotReadFile = "cannot-read-file";
    NoContentFolder = "no-content-folder";
    NoContentFolderHint = "no-content-folder-hint";
    ChangedWhileReading = "changed-while-reading";
    ChangedWhileReadingHint = "changed-while-reading-hint";
    SymlinkOutside = "symlink-outside";
    SymlinkOutsideHint = "symlink-outside-hint";
    FileNameNotText = "file-name-not-text";
    FileNameNotTextHint = "file-name-not-text-hint";
    MarkdownExtensionCase = "markdown-extension-case";
    MarkdownExtensionCaseHint = "markdown-extension-case-hint";
    SymlinkLoop = "symlink-loop";
    SymlinkLoopHint = "symlink-loop-hint";
    SymlinkFileLoop = "symlink-file-loop";
    SymlinkFileLoopHint = "symlink-file-loop-hint";
    SymlinkDangling = "symlink-dangling";
    SymlinkDanglingHint = "symlink-dangling-hint";
    CannotReadEntry = "cannot-read-entry";
    CannotReadEntryHint = "cannot-read-entry-hint";
    NotMarkdown = "not-markdown";
    TomlSyntax = "toml-syntax";
    CannotReadFileHint = "cannot-read-file-hint";
    WhatExtraSchema = "what-extra-schema";
    WhatInterfaceStrings = "what-interface-strings";
    WhatShortcodeSchema = "what-shortcode-schema";
    PaginateByZeroPageHint = "paginate-by-zero-page-hint";
    ValueKind = "value-kind";
    ShortcodeUnclosed = "shortcode-unclosed";
    ShortcodeUnclosedHint = "shortcode-unclosed-hint";
    StrayEnd = "stray-end";
    StrayEndHint = "stray-end-hint";
    BareOpen = "bare-open";
    BareOpenHint = "bare-open-hint";
    BareCall = "bare-call";
    BareCallHint = "bare-call-hint";
    ShortcodeCall = "shortcode-call";
    CallNotAnArgument = "call-not-an-argument";
    CallNotAnArgumentHint = "call-not-an-argument-hint";
    CallNeedsEquals = "call-needs-equals";
    CallNeedsEqualsHint = "call-needs-equals-hint";
    CallNeedsComma = "call-needs-comma";
    CallNeedsCommaHint = "call-needs-comma-hint";
    CallNeedsClose = "call-needs-close";
    CallNeedsCloseHint = "call-needs-close-hint";
    CallEndsBeforeValue = "call-ends-before-value";
    CallEndsBeforeValueHint = "call-ends-before-value-hint";
    CallUnclosedText = "call-unclosed-text";
    CallUnclosedTextHint = "call-unclosed-text-hint";
    CallNestedTooDeeply = "call-nested-too-deeply";
    CallNestedTooDeeplyHint = "call-nested-too-deeply-hint";
    CallListNeedsComma = "call-list-needs-comma";
    CallListNeedsCommaHint = "call-list-needs-comma-hint";
    CallBadValue = "call-bad-value";
    CallBadValueHint = "call-bad-value-hint";
    ShortcodeTwoTemplates = "shortcode-two-templates";
    ShortcodeTwoTemplatesHint = "shortcode-two-templates-hint";
    SchemaWithoutTemplate = "schema-without-template";
    SchemaWithoutTemplateHint = "schema-without-template-hint";
    ReservedArgument = "reserved-argument";
    ReservedArgumentHint = "reserved-argument-hint";
    ArgumentValueWrongType = "argument-value-wrong-type";
    ArgumentValueWrongTypeHint = "argument-value-wrong-type-hint";
    SiteNotFound = "site-not-found";
    ZolaConfigHint = "zola-config-hint";
    SiteNotFoundHint = "site-not-found-hint";
    CannotOpenRoot = "cannot-open-root";
    CannotOpenRootHint = "cannot-open-root-hint";
    TermNoLetters = "term-no-letters";
    TermNoLettersHint = "term-no-letters-hint";
    UnknownTaxonomy = "unknown-taxonomy";
    TaxonomyOtherLanguage = "taxonomy-other-language";
    DeclareTaxonomyHint = "declare-taxonomy-hint";
    TaxonomiesOf = "taxonomies-of";
    KeyUnderTaxonomies = "key-under-taxonomies";
    KeyUnderExtra = "key-under-extra";
    UndeclaredTerm = "undeclared-term";
    UndeclaredTermHint = "undeclared-term-hint";
    DefaultHasNoTaxonomy = "default-has-no-taxonomy";
    DefaultHasNoTaxonomyHint = "default-has-no-taxonomy-hint";
    TermPairNoLetters = "term-pair-no-letters";
    MenuEntry = "menu-entry";
    MenuEntryHint = "menu-entry-hint";
    AliasNotAPath = "alias-not-a-path";
    AliasNotAPathHint = "alias-not-a-path-hint";
    AliasIsPage = "alias-is-page";
    AliasIsPageHint = "alias-is-page-hint";
    AliasIsStatic = "alias-is-static";
    AliasIsStaticHint = "alias-is-static-hint";
    AliasTwice = "alias-twice";
    AliasTwiceHint = "alias-twice-hint";
    MissingTemplate = "missing-template";
    MissingTemplateDidYouMean = "missing-template-did-you-mean";
    TemplatesAvailable = "templates-available";
    MissingTaxonomyTemplate = "missing-taxonomy-template";
    MissingTaxonomyTemplateHint = "missing-taxonomy-template-hint";
    ThemeLacks = "theme-lacks";
    ThemeLacksHint = "theme-lacks-hint";
    LanguageWithoutHome = "language-without-home";
    LanguageWithoutHomeHint = "language-without-home-hint";
    DuplicatePage = "duplicate-page";
    DuplicatePageHint = "duplicate-page-hint";
    PageAtTaxonomy = "page-at-taxonomy";
    PageAtTaxonomyHint = "page-at-taxonomy-hint";
    SameAddress = "same-address";
    SameAddressHint = "same-address-hint";
    UnknownShortcode = "unknown-shortcode";
    NoShortcodesHint = "no-shortcodes-hint";
    ShortcodesAre = "shortcodes-are";
    ArgumentTwice = "argument-twice";
    ArgumentTwiceHint = "argument-twice-hint";
    TakesNoBody = "takes-no-body";
    TakesNoBodyHint = "takes-no-body-hint";
    NoSuchArgument = "no-such-argument";
    ArgumentWrongType = "argument-wrong-type";
    ArgumentWantsTextHint = "argument-wants-text-hint";
    ArgumentWantsBareHint = "argument-wants-bare-hint";
    ValueNotAllowed = "value-not-allowed";
    DidYouMeanText = "did-you-mean-text";
    ChooseOneOf = "choose-one-of";
    MissingArgument = "missing-argument";
    MissingArgumentHint = "missing-argument-hint";
    MissingArgumentHintWhat = "missing-argument-hint-what";
    TakesNoArguments = "takes-no-arguments";
    TakesArguments = "takes-arguments";
    PagerSegment = "pager-segment";
    PagerSegmentHint = "pager-segment-hint";
    InvisibleName = "invisible-name";
    // (end of loading and resolving)
    // Building, checking, rendering, publishing, serving, and the command line.
    BuiltImages = "built-images";
    BuiltReused = "built-reused";
    TemplateDataSite = "template-data-site";
    OutputUnfinished = "output-unfinished";
    OutputUnfinishedHint = "output-unfinished-hint";
    OutputNotApplied = "output-not-applied";
    OutputRefuse = "output-refuse";
    OutputRefuseHint = "output-refuse-hint";
    OutputNotPlainName = "output-not-plain-name";
    OutputHoldsSources = "output-holds-sources";
    OutputInsideSources = "output-inside-sources";
    OutputNotFolderName = "output-not-folder-name";
    OutputParentIsFile = "output-parent-is-file";
    CannotCreate = "cannot-create";
    CannotCreateLock = "cannot-create-lock";
    OutputWaiting = "output-waiting";
    CannotLock = "cannot-lock";
    ManifestUnreadable = "manifest-unreadable";
    OutputNotAFolder = "output-not-a-folder";
    OutputReplaced = "output-replaced";
    OutputNotOurs = "output-not-ours";
    CannotClear = "cannot-clear";
    TwoOutputs = "two-outputs";
    HostRulesOwnFile = "host-rules-own-file";
    HostRulesOwnFileHint = "host-rules-own-file-hint";
    NotABesideName = "not-a-beside-name";
    CannotWriteIn = "cannot-write-in";
    MarkSummary = "mark-summary";
    MarkCommit = "mark-commit";
    MarkLeftOut = "mark-left-out";
    MarkMarked = "mark-marked";
    MarkChanged = "mark-changed";
    MarkChangedHint = "mark-changed-hint";
    CannotWriteFile = "cannot-write-file";
    ChangedWhileWritten = "changed-while-written";
    SnapshotUnsaved = "snapshot-unsaved";
    SiteFolderWritableHint = "site-folder-writable-hint";
    MarkNotAnEntry = "mark-not-an-entry";
    MarkNotAnEntryHint = "mark-not-an-entry-hint";
    MarkBundleHint = "mark-bundle-hint";
    MoveIntoFolder = "move-into-folder";
    PortInUse = "port-in-use";
    PortNeedsRights = "port-needs-rights";
    AddressNotHere = "address-not-here";
    MarkNoOriginal = "mark-no-original";
    MarkNoOriginalHint = "mark-no-original-hint";
    MarkNoTranslations = "mark-no-translations";
    MissingTranslation = "missing-translation";
    MissingTranslationHint = "missing-translation-hint";
    StaleTranslation = "stale-translation";
    StaleTranslationHint = "stale-translation-hint";
    StaleNoSnapshotHint = "stale-no-snapshot-hint";
    TranslationsTitle = "translations-title";
    TranslationsToTranslate = "translations-to-translate";
    TranslationsRow = "translations-row";
    TranslationsMissing = "translations-missing";
    TranslationsStale = "translations-stale";
    TranslationsUnmarked = "translations-unmarked";
    TranslationOf = "translation-of";
    OriginalChanged = "original-changed";
    TranslationsSiteErrors = "translations-site-errors";
    TranslationsFilesWithoutMark = "translations-files-without-mark";
    ChangedSinceMarked = "changed-since-marked";
    NoSnapshot = "no-snapshot";
    TranslationsMarkNote = "translations-mark-note";
    ExternalLink = "external-link";
    ExternalLinkHint = "external-link-hint";
    ExternalUnreachable = "external-unreachable";
    ExternalAnswered = "external-answered";
    StringUndefined = "string-undefined";
    StringUnused = "string-unused";
    StringUnusedHint = "string-unused-hint";
    StringAddHint = "string-add-hint";
    StringAddUnderHint = "string-add-under-hint";
    FnNotALanguage = "fn-not-a-language";
    FnLangNotCode = "fn-lang-not-code";
    FnNeedsText = "fn-needs-text";
    FnUnknownString = "fn-unknown-string";
    FnNotKind = "fn-not-kind";
    FnNoTaxonomy = "fn-no-taxonomy";
    FnAssetMissing = "fn-asset-missing";
    FnEnvMissing = "fn-env-missing";
    KeepNotHeld = "keep-not-held";
    FnImageMissing = "fn-image-missing";
    FnWidthNotNumber = "fn-width-not-number";
    FnDateNotText = "fn-date-not-text";
    FnDateArgument = "fn-date-argument";
    CannotWrite = "cannot-write";
    CannotWriteHint = "cannot-write-hint";
    TemplateDataPage = "template-data-page";
    WhileRendering = "while-rendering";
    WhileRendering404 = "while-rendering-404";
    PagesFailExample = "pages-fail-example";
    PagesFail = "pages-fail";
    ShortcodeFailed = "shortcode-failed";
    ShortcodeFailedHint = "shortcode-failed-hint";
    ShortcodeNeedsBodyHint = "shortcode-needs-body-hint";
    ImageAltHint = "image-alt-hint";
    ImageUnreadable = "image-unreadable";
    ImageUnreadableHint = "image-unreadable-hint";
    ImageTooLarge = "image-too-large";
    ImageTooLargeHint = "image-too-large-hint";
    ImageCannotRead = "image-cannot-read";
    ImageFileTooLarge = "image-file-too-large";
    ImageUnknownFormat = "image-unknown-format";
    ImageNotReadableAs = "image-not-readable-as";
    ImageTooManyPixels = "image-too-many-pixels";
    ImageNotEncoded = "image-not-encoded";
    SvgNotUtf8 = "svg-not-utf8";
    SvgUnreadable = "svg-unreadable";
    SvgWrongRoot = "svg-wrong-root";
    RobotsUnderSubPath = "robots-under-sub-path";
    RobotsUnderSubPathHint = "robots-under-sub-path-hint";
    SearchIndexFailed = "search-index-failed";
    SearchIndexFailedHint = "search-index-failed-hint";
    ServeCannotListenHint = "serve-cannot-listen-hint";
    ServeCannotWatch = "serve-cannot-watch";
    ServeCannotWatchHint = "serve-cannot-watch-hint";
    ServeLostEvents = "serve-lost-events";
    ServeWatcherError = "serve-watcher-error";
    ServeCannotWatchFolder = "serve-cannot-watch-folder";
    LockPoisoned = "lock-poisoned";
    // (end of building and the rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// Each message's attributes and the variables its text uses (in any variant).
    fn shape(lang: Lang, catalog: Catalog) -> Shape {
        let resource = FluentResource::try_new(lang.source(catalog).to_owned())
            .unwrap_or_else(|(_, e)| panic!("{catalog:?} in {} does not parse: {e:?}", lang.code()));
        let mut out = BTreeMap::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let attributes = m.attributes.iter().map(|a| a.id.name.to_owned()).collect();
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables(p, &mut vars);
                }
                for a in &m.attributes {
                    variables(&a.value, &mut vars);
                }
                let dup = out.insert(m.id.name.to_owned(), (attributes, vars));
                assert!(dup.is_none(), "{catalog:?} in {} defines `{}` twice", lang.code(), m.id.name);
            }
        }
        out
    }

    type Shape = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

    fn variables(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        let inline = |i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>| match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
            _ => {}
        };
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }

    #[test]
    fn both_languages_define_every_message_the_code_uses_and_nothing_else() {
        let used: BTreeSet<&str> = Msg::ALL.iter().map(|m| m.id()).collect();
        assert_eq!(used.len(), Msg::ALL.len(), "two Msg variants share an id");
        let en = shape(Lang::En, Catalog::Messages);
        let it = shape(Lang::It, Catalog::Messages);
        for (lang, shape) in [("en", &en), ("it", &it)] {
            let defined: BTreeSet<&str> = shape.keys().map(String::as_str).collect();
            let missing: Vec<_> = used.difference(&defined).collect();
            let unused: Vec<_> = defined.difference(&used).collect();
            assert!(missing.is_empty(), "messages/{lang}.ftl lacks {missing:?}");
            assert!(unused.is_empty(), "messages/{lang}.ftl defines {unused:?}, which no Msg names");
        }
        same_shape(&en, &it);
    }

    /// Both languages give each id the same attributes and variables.
    fn same_shape(en: &Shape, it: &Shape) {
        let (en_ids, it_ids): (BTreeSet<_>, BTreeSet<_>) = (en.keys().collect(), it.keys().collect());
        assert_eq!(en_ids, it_ids, "the English and Italian files define different ids");
        for (id, (attributes, vars)) in en {
            let (it_attributes, it_vars) = &it[id];
            assert_eq!(attributes, it_attributes, "`{id}`: the attributes differ between en and it");
            assert_eq!(vars, it_vars, "`{id}`: the variables differ between en and it");
        }
    }

    #[test]
    fn every_code_is_explained_in_both_languages_and_nothing_else() {
        let codes: BTreeSet<String> = crate::diag::Kind::ALL.iter().map(|k| format!("explain-{}", k.code())).collect();
        let en = shape(Lang::En, Catalog::Explain);
        let it = shape(Lang::It, Catalog::Explain);
        let defined: BTreeSet<String> = en.keys().cloned().collect();
        assert_eq!(
            defined, codes,
            "messages/explain.en.ftl must define `explain-CODE` for every Kind, and nothing else"
        );
        same_shape(&en, &it);
    }

    #[test]
    fn the_help_files_agree() {
        let (en, it) = (shape(Lang::En, Catalog::Cli), shape(Lang::It, Catalog::Cli));
        assert!(en.keys().all(|id| id.starts_with("cli-")), "messages/cli.*.ftl ids start with `cli-`");
        same_shape(&en, &it);
    }

    #[test]
    fn every_file_joins_its_language_bundle_without_a_clash() {
        for lang in Lang::ALL {
            let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
            let mut bundle: Bundle = FluentBundle::new_concurrent(vec![id]);
            for catalog in Catalog::ALL {
                let resource = FluentResource::try_new(lang.source(catalog).to_owned())
                    .unwrap_or_else(|(_, e)| panic!("{catalog:?} in {} does not parse: {e:?}", lang.code()));
                bundle.add_resource(resource).unwrap_or_else(|e| panic!("{catalog:?} in {}: {e:?}", lang.code()));
            }
        }
    }

    #[test]
    fn the_locale_chooses_italian_for_it_only() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "it_IT.UTF-8")])), Lang::It);
        assert_eq!(Lang::from_locale(env(&[("LANG", "it_IT.UTF-8"), ("LC_ALL", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "it_CH")])), Lang::It);
        assert_eq!(Lang::from_locale(env(&[("LC_ALL", ""), ("LANG", "it")])), Lang::It);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        assert_eq!(Lang::from_code("IT"), Some(Lang::It));
    }

    #[test]
    fn italian_agrees_in_number() {
        let summary = |n: usize| {
            tr_in(
                Lang::It,
                Msg::FailedSummary,
                &[("what", "x".into()), ("errors", n.into()), ("consequence", "y".into())],
            )
        };
        assert_eq!(summary(1), "x: 1 errore; y");
        assert_eq!(summary(2), "x: 2 errori; y");
        assert_eq!(
            tr_in(Lang::En, Msg::BuiltDrafts, &[("count", 1.into())]),
            " (includes 1 draft: do not publish this folder)"
        );
    }
}
