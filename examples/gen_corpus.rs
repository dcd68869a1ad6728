//! Deterministic benchmark corpus generator for sito (and Hugo).
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT PAGES
//! ```
//!
//! Writes into OUT a bilingual site (Italian default, English translation) with PAGES pages per
//! language, in sections of 100 pages, plus everything both generators need to build it:
//!
//! - `content/`                      the Markdown (shared by sito and Hugo)
//! - `site.toml`, `themes/bench/`, `i18n/`   for sito
//! - `hugo.toml`, `layouts/`                 for Hugo
//!
//! The output depends only on PAGES: a fixed-seed xorshift PRNG drives everything, and each page
//! gets its own seed (from its global number), so page N is the same whatever PAGES is, except
//! for links, which only point at pages that exist. No clock, no external crates.

use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// Pages per section.
const SECTION_SIZE: usize = 100;
/// Global seed: change it to get a different (but still deterministic) corpus.
const SEED: u64 = 0x5173_0b5e_2024_cafe;

// ---------------------------------------------------------------------------------------------
// PRNG

/// xorshift64* (Vigna), good enough for filler text and fully reproducible.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // splitmix64 step so nearby seeds give unrelated streams; never zero.
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        Rng(if z == 0 { 1 } else { z })
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant here.
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Languages and vocabulary

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    It,
    En,
}

struct Vocab {
    /// Filler words, in list order (see TITLE_WORDS).
    words: Vec<&'static str>,
    /// Words for inline code spans.
    code: &'static [&'static str],
    link_texts: &'static [&'static str],
    quote_authors: &'static [&'static str],
    table_head: [&'static str; 4],
    section_word: &'static str,
    home_title: &'static str,
    home_description: &'static str,
}

/// The first TITLE_WORDS entries of each word list are nouns and adjectives.
const TITLE_WORDS: usize = 80;

// Word lists are whitespace-separated strings (rustfmt leaves them alone; arrays of a hundred
// short strings would be spread over a hundred lines).

const IT_WORDS: &str = "\
    città rete quartiere progetto cittadini servizio comune strada piazza mercato scuola \
    biblioteca trasporto tram metropolitana bicicletta parco giardino fiume naviglio ponte casa \
    palazzo cortile lavoro impresa cultura museo teatro festa domenica mattina sera inverno \
    estate primavera autunno acqua energia luce aria rumore silenzio persone famiglie bambini \
    anziani studenti associazione volontari incontro assemblea proposta bilancio regolamento \
    accesso servizi sportello ufficio modulo domanda risposta tempo giorno settimana mese anno \
    storia memoria futuro cambiamento sviluppo sostenibile pubblico privato comune nuovo vecchio \
    grande piccolo vicino lontano aperto chiuso gratuito semplice utile importante possibile \
    necessario è sono ha hanno può devono diventa resta offre chiede propone racconta collega \
    attraversa accoglie migliora cresce cambia serve il la lo le gli un una del della dei delle \
    nel nella con per tra fra su da di a e o ma anche già ancora sempre spesso oggi domani \
    insieme quasi molto poco più meno che come dove quando perché questo quello ogni tutti \
    alcuni";

const EN_WORDS: &str = "\
    city network neighbourhood project citizens service council street square market school \
    library transport tram underground bicycle park garden river canal bridge house building \
    courtyard work business culture museum theatre festival Sunday morning evening winter summer \
    spring autumn water energy light air noise silence people families children elders students \
    association volunteers meeting assembly proposal budget regulation access services desk \
    office form request answer time day week month year history memory future change growth \
    sustainable public private shared new old large small near far open closed free simple \
    useful important possible necessary is are has have can must becomes remains offers asks \
    proposes tells connects crosses welcomes improves grows changes serves the the the a an of \
    of in on with for between among from to and and or but also already still always often today \
    tomorrow together almost very little more less that which where when because this those \
    every all some its their our at by about into through";

const CODE_WORDS: &[&str] = &[
    "site.toml",
    "_index.md",
    "base_url",
    "weight",
    "sort_by",
    "page.html",
    "--drafts",
    "cargo build",
    "sito build",
    "lang",
    "i18n/it.toml",
    "translations",
    "date",
    "slug",
    "content/",
    "static/",
    "draft = true",
    "<main>",
    "GET /api/v1",
    "UTF-8",
];

fn italian() -> Vocab {
    Vocab {
        words: IT_WORDS.split_whitespace().collect(),
        code: CODE_WORDS,
        link_texts: &[
            "questa pagina",
            "la scheda",
            "un approfondimento",
            "la guida",
            "un esempio",
            "la sezione dedicata",
            "il racconto",
            "le domande frequenti",
        ],
        quote_authors: &["Italo Calvino", "Alda Merini", "Dino Buzzati", "Natalia Ginzburg"],
        table_head: ["Quartiere", "Servizio", "Orario", "Note"],
        section_word: "Sezione",
        home_title: "Corpus di prova",
        home_description: "Un sito bilingue generato per misurare le prestazioni.",
    }
}

fn english() -> Vocab {
    Vocab {
        words: EN_WORDS.split_whitespace().collect(),
        code: CODE_WORDS,
        link_texts: &[
            "this page",
            "the details",
            "a closer look",
            "the guide",
            "an example",
            "the dedicated section",
            "the story",
            "the frequently asked questions",
        ],
        quote_authors: &["Virginia Woolf", "Jane Jacobs", "George Orwell", "Doris Lessing"],
        table_head: ["Neighbourhood", "Service", "Hours", "Notes"],
        section_word: "Section",
        home_title: "Benchmark corpus",
        home_description: "A bilingual site generated to measure performance.",
    }
}

static VOCABS: OnceLock<[Vocab; 2]> = OnceLock::new();

impl Lang {
    fn vocab(self) -> &'static Vocab {
        let [it, en] = VOCABS.get_or_init(|| [italian(), english()]);
        match self {
            Lang::It => it,
            Lang::En => en,
        }
    }

    /// File name suffix before `.md`: `""` for the default language, `".en"` otherwise.
    fn suffix(self) -> &'static str {
        match self {
            Lang::It => "",
            Lang::En => ".en",
        }
    }

    /// URL prefix: Italian is served at `/`, English under `/en/`.
    fn url_prefix(self) -> &'static str {
        match self {
            Lang::It => "/",
            Lang::En => "/en/",
        }
    }

    /// Salt mixed into per-page seeds so the two languages get different words.
    fn salt(self) -> u64 {
        match self {
            Lang::It => 0,
            Lang::En => 0x00e7_0000_0000_0000,
        }
    }
}

const LANGS: [Lang; 2] = [Lang::It, Lang::En];

// ---------------------------------------------------------------------------------------------
// Corpus geometry

#[derive(Clone, Copy)]
struct Corpus {
    pages: usize,
}

impl Corpus {
    fn sections(self) -> usize {
        self.pages.div_ceil(SECTION_SIZE)
    }

    /// Pages in section `s` (1-based).
    fn pages_in(self, s: usize) -> usize {
        let before = (s - 1) * SECTION_SIZE;
        (self.pages - before).min(SECTION_SIZE)
    }

    /// (section, page-in-section) of global page `g` (0-based), both 1-based.
    fn locate(self, g: usize) -> (usize, usize) {
        (g / SECTION_SIZE + 1, g % SECTION_SIZE + 1)
    }
}

fn page_url(lang: Lang, section: usize, page: usize) -> String {
    format!("{}s{section:04}/p{page:04}/", lang.url_prefix())
}

fn section_url(lang: Lang, section: usize) -> String {
    format!("{}s{section:04}/", lang.url_prefix())
}

// ---------------------------------------------------------------------------------------------
// Text generation

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn words(rng: &mut Rng, v: &Vocab, n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick(&v.words));
    }
    out
}

/// Titles use only the first words of the list, which are nouns and adjectives.
fn title(rng: &mut Rng, v: &Vocab) -> String {
    let nouns = &v.words[..TITLE_WORDS];
    let n = rng.range(2, 5);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(rng.pick(nouns));
    }
    capitalize(&out.join(" "))
}

/// A sentence with the occasional emphasis, strong text, inline code or link.
fn sentence(rng: &mut Rng, v: &Vocab, ctx: &PageCtx) -> String {
    let n = rng.range(6, 16);
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let w = rng.pick(&v.words);
        let w = if i == 0 { capitalize(w) } else { w.to_string() };
        match rng.below(40) {
            0 => out.push_str(&format!("*{w}*")),
            1 => out.push_str(&format!("**{w}**")),
            2 => out.push_str(&format!("`{}`", rng.pick(v.code))),
            3 => {
                let text = rng.pick(v.link_texts);
                let target = ctx.random_link(rng);
                out.push_str(&format!("{w} [{text}]({target})"));
            }
            _ => out.push_str(&w),
        }
        if i + 1 < n && rng.chance(8) {
            out.push(',');
        }
    }
    out.push_str(if rng.chance(10) { "?" } else { "." });
    out
}

fn paragraph(rng: &mut Rng, v: &Vocab, ctx: &PageCtx) -> String {
    let n = rng.range(2, 5);
    let mut sentences = Vec::with_capacity(n);
    for _ in 0..n {
        sentences.push(sentence(rng, v, ctx));
    }
    let mut out = sentences.join(" ");
    out.push_str("\n\n");
    out
}

fn bullet_list(rng: &mut Rng, v: &Vocab, ctx: &PageCtx) -> String {
    let mut out = String::new();
    for _ in 0..rng.range(3, 6) {
        let item = if rng.chance(30) {
            let text = rng.pick(v.link_texts);
            format!("{}: [{text}]({})", capitalize(&words(rng, v, 3)), ctx.random_link(rng))
        } else {
            sentence(rng, v, ctx)
        };
        out.push_str("- ");
        out.push_str(&item);
        out.push('\n');
    }
    out.push('\n');
    out
}

fn numbered_list(rng: &mut Rng, v: &Vocab, ctx: &PageCtx) -> String {
    let mut out = String::new();
    for i in 1..=rng.range(3, 5) {
        let _ = writeln!(out, "{i}. {}", sentence(rng, v, ctx));
    }
    out.push('\n');
    out
}

fn table(rng: &mut Rng, v: &Vocab) -> String {
    let mut out = String::new();
    let h = v.table_head;
    let _ = writeln!(out, "| {} | {} | {} | {} |", h[0], h[1], h[2], h[3]);
    out.push_str("| --- | --- | ---: | --- |\n");
    for _ in 0..rng.range(3, 6) {
        let open = rng.range(7, 10);
        let close = rng.range(17, 21);
        let place = capitalize(rng.pick(&v.words));
        let service = words(rng, v, 2);
        let n = rng.range(2, 4);
        let note = words(rng, v, n);
        let _ = writeln!(out, "| {place} | {service} | {open}:00–{close}:30 | {note} |");
    }
    out.push('\n');
    out
}

fn blockquote(rng: &mut Rng, v: &Vocab, ctx: &PageCtx) -> String {
    let author = rng.pick(v.quote_authors);
    format!("> {} {}\n>\n> — *{author}*\n\n", sentence(rng, v, ctx), sentence(rng, v, ctx))
}

fn code_block(rng: &mut Rng, v: &Vocab) -> String {
    let mut out = String::from("```toml\n");
    for _ in 0..rng.range(2, 4) {
        let key = rng.pick(&["title", "weight", "date", "slug", "draft", "template"]);
        let _ = writeln!(out, "{key} = \"{}\"", words(rng, v, 2));
    }
    out.push_str("```\n\n");
    out
}

fn heading(rng: &mut Rng, v: &Vocab, level: usize) -> String {
    format!("{} {}\n\n", "#".repeat(level), title(rng, v))
}

/// What a page needs to know to write links: the corpus and its own position.
struct PageCtx {
    corpus: Corpus,
    lang: Lang,
}

impl PageCtx {
    /// A root-relative link to another page (or now and then a section) in the same language.
    fn random_link(&self, rng: &mut Rng) -> String {
        if rng.chance(15) {
            return section_url(self.lang, rng.range(1, self.corpus.sections()));
        }
        let (s, p) = self.corpus.locate(rng.below(self.corpus.pages));
        page_url(self.lang, s, p)
    }
}

/// Body of a page: at least one of every block kind, then filler until `target` bytes.
fn page_body(rng: &mut Rng, ctx: &PageCtx, target: usize) -> String {
    let v = ctx.lang.vocab();
    let mut out = paragraph(rng, v, ctx);
    // Every page gets each kind of block at least once, in a shuffled order.
    let mut kinds: Vec<usize> = vec![0, 1, 2, 3, 4, 5];
    for i in (1..kinds.len()).rev() {
        kinds.swap(i, rng.below(i + 1));
    }
    let mut next_kind = kinds.into_iter();
    let mut blocks = 0;
    while out.len() < target {
        if blocks % 3 == 0 {
            out.push_str(&heading(rng, v, 2));
        } else if rng.chance(40) {
            out.push_str(&heading(rng, v, 3));
        }
        let kind = next_kind.next().unwrap_or_else(|| match rng.below(10) {
            0 => 1,
            1 => 2,
            2 => 4,
            _ => 0,
        });
        let block = match kind {
            1 => bullet_list(rng, v, ctx),
            2 => numbered_list(rng, v, ctx),
            3 => table(rng, v),
            4 => blockquote(rng, v, ctx),
            5 => code_block(rng, v),
            _ => paragraph(rng, v, ctx),
        };
        out.push_str(&block);
        blocks += 1;
    }
    // Any block kinds not yet used still go in, so every page has them all.
    for kind in next_kind {
        let block = match kind {
            1 => bullet_list(rng, v, ctx),
            2 => numbered_list(rng, v, ctx),
            3 => table(rng, v),
            4 => blockquote(rng, v, ctx),
            5 => code_block(rng, v),
            _ => paragraph(rng, v, ctx),
        };
        out.push_str(&block);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Dates (civil-from-days, Howard Hinnant's algorithm)

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A TOML local date, `days` after 2015-01-01.
fn toml_date(days: i64) -> String {
    // 2015-01-01 is day 16436 since the Unix epoch.
    let (y, m, d) = civil_from_days(16_436 + days);
    format!("{y:04}-{m:02}-{d:02}")
}

// ---------------------------------------------------------------------------------------------
// Front matter

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn front_matter(title: &str, date: &str, weight: usize, description: &str) -> String {
    format!(
        "+++\ntitle = {}\ndate = {date}\nweight = {weight}\ndescription = {}\n+++\n\n",
        toml_string(title),
        toml_string(description),
    )
}

/// Strip Markdown markup from a generated sentence, for descriptions.
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_target = false;
    let mut prev = ' ';
    for c in s.chars() {
        match c {
            '*' | '`' | '[' | ']' => {}
            '(' if prev == ']' => in_target = true,
            ')' if in_target => in_target = false,
            _ if in_target => {}
            _ => out.push(c),
        }
        prev = c;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Content files

fn page_file(corpus: Corpus, g: usize, lang: Lang) -> String {
    let (_, p) = corpus.locate(g);
    let seed = SEED ^ ((g as u64 + 1) << 8);
    // Same date and weight in both languages, so the translations sort alike.
    let mut shared = Rng::new(seed);
    let date = toml_date((g as i64 * 3 + shared.below(3) as i64) % 3650);
    let target = shared.range(2700, 4400);
    let mut rng = Rng::new(seed ^ lang.salt());
    let v = lang.vocab();
    let ctx = PageCtx { corpus, lang };
    let title = title(&mut rng, v);
    let description = plain(&sentence(&mut rng, v, &ctx));
    let mut out = front_matter(&title, &date, p, &description);
    out.push_str(&page_body(&mut rng, &ctx, target));
    out
}

fn section_file(corpus: Corpus, s: usize, lang: Lang) -> String {
    let mut rng = Rng::new(SEED ^ ((s as u64) << 40) ^ lang.salt());
    let v = lang.vocab();
    let ctx = PageCtx { corpus, lang };
    let title = format!("{} {s}: {}", v.section_word, title(&mut rng, v));
    let description = plain(&sentence(&mut rng, v, &ctx));
    let date = toml_date(((s - 1) * SECTION_SIZE * 3) as i64 % 3650);
    let mut out = front_matter(&title, &date, s, &description);
    out.push_str(&paragraph(&mut rng, v, &ctx));
    out.push_str(&paragraph(&mut rng, v, &ctx));
    out
}

fn home_file(corpus: Corpus, lang: Lang) -> String {
    let mut rng = Rng::new(SEED ^ lang.salt());
    let v = lang.vocab();
    let ctx = PageCtx { corpus, lang };
    let mut out = front_matter(v.home_title, &toml_date(0), 0, v.home_description);
    out.push_str(&heading(&mut rng, v, 2));
    out.push_str(&paragraph(&mut rng, v, &ctx));
    out.push_str(&bullet_list(&mut rng, v, &ctx));
    out
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, text).map_err(|e| format!("writing {}: {e}", path.display()).into())
}

fn write_content(out: &Path, corpus: Corpus) -> Result<()> {
    let content = out.join("content");
    for lang in LANGS {
        write(&content.join(format!("_index{}.md", lang.suffix())), &home_file(corpus, lang))?;
    }
    for s in 1..=corpus.sections() {
        let dir = content.join(format!("s{s:04}"));
        for lang in LANGS {
            let name = format!("_index{}.md", lang.suffix());
            write(&dir.join(name), &section_file(corpus, s, lang))?;
        }
        for p in 1..=corpus.pages_in(s) {
            let g = (s - 1) * SECTION_SIZE + p - 1;
            for lang in LANGS {
                let name = format!("p{p:04}{}.md", lang.suffix());
                write(&dir.join(name), &page_file(corpus, g, lang))?;
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Configuration, i18n and templates

const SITE_TOML: &str = r#"# Generated by examples/gen_corpus.rs: sito configuration of the benchmark corpus.
base_url = "https://example.org/"
default_language = "it"
theme = "bench"
title = "Corpus di prova"
description = "Un sito bilingue generato per misurare le prestazioni."

[languages.en]
title = "Benchmark corpus"
description = "A bilingual site generated to measure performance."
"#;

const HUGO_TOML: &str = r#"# Generated by examples/gen_corpus.rs: Hugo configuration of the benchmark corpus.
baseURL = "https://example.org/"
defaultContentLanguage = "it"
defaultContentLanguageInSubdir = false
contentDir = "content"
# i18n/ holds sito's interface strings (arrays Hugo cannot read); Hugo gets its own folder.
i18nDir = "hugo-i18n"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
enableRobotsTXT = false
disableHugoGeneratorInject = true

[languages.it]
weight = 1
languageName = "Italiano"
title = "Corpus di prova"
[languages.it.params]
description = "Un sito bilingue generato per misurare le prestazioni."

[languages.en]
weight = 2
languageName = "English"
title = "Benchmark corpus"
[languages.en.params]
description = "A bilingual site generated to measure performance."
"#;

const I18N_IT: &str = r#"language_name = "Italiano"
months = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"]
months_short = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
days = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]
days_short = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"]

[nav]
home = "Inizio"
published = "Pubblicato il"
not_found = "Pagina non trovata"
"#;

const I18N_EN: &str = r#"language_name = "English"
months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
months_short = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
days_short = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

[nav]
home = "Home"
published = "Published on"
not_found = "Page not found"
"#;

// Hugo's go-i18n format for the same three strings.
const HUGO_I18N_IT: &str = r#"[home]
other = "Inizio"
[published]
other = "Pubblicato il"
[not_found]
other = "Pagina non trovata"
"#;

const HUGO_I18N_EN: &str = r#"[home]
other = "Home"
[published]
other = "Published on"
[not_found]
other = "Page not found"
"#;

// sito (Tera) templates. Each has a Hugo twin below doing the same work.

const SITO_BASE: &str = r#"<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ site.title }}{% endblock title %}</title>
{% block head %}{% endblock head %}
</head>
<body>
<header>
{% for l in site.languages %}{% if l.code == lang %}<a href="{{ l.url }}">{{ t(key="nav.home") }}</a>{% endif %}{% endfor %}
<nav class="languages">{% for l in site.languages %}<a href="{{ l.url }}" hreflang="{{ l.code }}">{{ t(key="language_name", lang=l.code) }}</a> {% endfor %}</nav>
</header>
<main>
{% block content %}{% endblock content %}
</main>
</body>
</html>
"#;

const SITO_INDEX: &str = r#"{% extends "base.html" %}
{% block head %}<meta name="description" content="{{ section.description }}">
{% for tr in section.translations %}<link rel="alternate" hreflang="{{ tr.lang }}" href="{{ tr.permalink }}">
{% endfor %}{% endblock head %}
{% block content %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
<nav class="sections"><ul>
{% for s in section.subsections %}<li><a href="{{ s.url }}">{{ s.title }}</a></li>
{% endfor %}</ul></nav>
{% endblock content %}
"#;

const SITO_SECTION: &str = r#"{% extends "base.html" %}
{% block title %}{{ section.title }} – {{ site.title }}{% endblock title %}
{% block head %}<meta name="description" content="{{ section.description }}">
{% for tr in section.translations %}<link rel="alternate" hreflang="{{ tr.lang }}" href="{{ tr.permalink }}">
{% endfor %}{% endblock head %}
{% block content %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
<nav class="pages"><ul>
{% for p in section.pages %}<li><a href="{{ p.url }}">{{ p.title }}</a> <time datetime="{{ p.date }}">{{ p.date | date(format="%e %b %Y") }}</time></li>
{% endfor %}</ul></nav>
{% endblock content %}
"#;

const SITO_PAGE: &str = r#"{% extends "base.html" %}
{% block title %}{{ page.title }} – {{ site.title }}{% endblock title %}
{% block head %}<meta name="description" content="{{ page.description }}">
{% for tr in page.translations %}<link rel="alternate" hreflang="{{ tr.lang }}" href="{{ tr.permalink }}">
{% endfor %}{% endblock head %}
{% block content %}
<article>
<h1>{{ page.title }}</h1>
<p class="date">{{ t(key="nav.published") }} <time datetime="{{ page.date }}">{{ page.date | date(format="%e %B %Y") }}</time></p>
{{ page.content | safe }}
</article>
{% endblock content %}
"#;

const SITO_404: &str = r#"{% extends "base.html" %}
{% block title %}404 – {{ site.title }}{% endblock title %}
{% block content %}
<h1>{{ t(key="nav.not_found") }}</h1>
{% endblock content %}
"#;

// Hugo (Go template) twins.

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Site.Title }}{{ end }}</title>
{{ block "head" . }}{{ end }}
</head>
<body>
<header>
<a href="{{ .Site.Home.RelPermalink }}">{{ i18n "home" }}</a>
<nav class="languages">{{ range .Site.Home.AllTranslations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"#;

const HUGO_INDEX: &str = r#"{{ define "head" }}<meta name="description" content="{{ .Description }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<nav class="sections"><ul>
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "title" }}{{ .Title }} – {{ .Site.Title }}{{ end }}
{{ define "head" }}<meta name="description" content="{{ .Description }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<nav class="pages"><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format "2 Jan 2006" }}</time></li>
{{ end }}</ul></nav>
{{ end }}
"#;

const HUGO_SINGLE: &str = r#"{{ define "title" }}{{ .Title }} – {{ .Site.Title }}{{ end }}
{{ define "head" }}<meta name="description" content="{{ .Description }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}{{ end }}
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="date">{{ i18n "published" }} <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format "2 January 2006" }}</time></p>
{{ .Content }}
</article>
{{ end }}
"#;

const HUGO_404: &str = r#"{{ define "title" }}404 – {{ .Site.Title }}{{ end }}
{{ define "main" }}
<h1>{{ i18n "not_found" }}</h1>
{{ end }}
"#;

fn write_site_files(out: &Path) -> Result<()> {
    let files: [(&str, &str); 16] = [
        ("site.toml", SITE_TOML),
        ("i18n/it.toml", I18N_IT),
        ("i18n/en.toml", I18N_EN),
        ("themes/bench/templates/base.html", SITO_BASE),
        ("themes/bench/templates/index.html", SITO_INDEX),
        ("themes/bench/templates/section.html", SITO_SECTION),
        ("themes/bench/templates/page.html", SITO_PAGE),
        ("themes/bench/templates/404.html", SITO_404),
        ("hugo.toml", HUGO_TOML),
        ("hugo-i18n/it.toml", HUGO_I18N_IT),
        ("hugo-i18n/en.toml", HUGO_I18N_EN),
        ("layouts/_default/baseof.html", HUGO_BASEOF),
        ("layouts/_default/single.html", HUGO_SINGLE),
        ("layouts/_default/list.html", HUGO_LIST),
        ("layouts/index.html", HUGO_INDEX),
        ("layouts/404.html", HUGO_404),
    ];
    for (name, text) in files {
        write(&out.join(name), text)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------

fn parse_args() -> Result<(PathBuf, Corpus)> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus OUT PAGES   (PAGES = pages per language, at least 1)";
    let [out, pages] = args.as_slice() else {
        return Err(usage.into());
    };
    let pages: usize = pages.parse().map_err(|_| format!("PAGES must be a number\n{usage}"))?;
    if pages == 0 || pages > SECTION_SIZE * 9999 {
        return Err(format!("PAGES must be between 1 and {}\n{usage}", SECTION_SIZE * 9999).into());
    }
    Ok((PathBuf::from(out), Corpus { pages }))
}

fn main() -> Result<()> {
    let (out, corpus) = parse_args()?;
    // Stale files from a bigger corpus would change the site: start from an empty content/.
    let content = out.join("content");
    if content.exists() {
        fs::remove_dir_all(&content)?;
    }
    write_content(&out, corpus)?;
    write_site_files(&out)?;
    eprintln!(
        "gen_corpus: {} pages per language in {} sections written to {}",
        corpus.pages,
        corpus.sections(),
        out.display()
    );
    Ok(())
}
