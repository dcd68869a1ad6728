//! sito speaks the language of the person running it (issue 13): Italian when the system's
//! locale is Italian (`LANG=it_IT.UTF-8`), English otherwise, or what `--messages` says.
//! Each run is the user's: the site's folder as working directory, no `--root`; each
//! message is compared whole.

use crate::editors::built;
use crate::support::Site;

#[test]
fn an_unknown_key_in_italian_with_the_key_it_was_meant_to_be() {
    let site = built();
    site.edit("content/reti/c40.md", "title = ", "titel = ");
    let run = site.sito_italian(&["build"]);
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr(),
        "errore[E0103]: la chiave `titel` non esiste
  --> content/reti/c40.md:2:1
    |
  2 | titel = \"C40\"
    | ^^^^^
  = cosa fare: forse intendevate `title`?

il sito non è stato generato: 1 errore; la cartella del sito pubblicato non è stata modificata
"
    );
}

#[test]
fn a_broken_link_in_italian() {
    let site = built();
    site.edit("content/reti/c40.md", "(../efus/)", "(../efu/)");
    site.edit("content/reti/c40.md", "Il C40", "![Il logo](logo.png) Il C40");
    let run = site.sito_italian(&["build"]);
    assert_eq!(
        run.stderr(),
        "errore[E0601]: immagine mancante: all'indirizzo /reti/c40/logo.png non è pubblicato nulla (`logo.png` a partire da /reti/c40/)
  --> content/reti/c40.md:6:12
    |
  6 | ![Il logo](logo.png) Il C40 e il [Forum europeo](../efu/).
    |            ^^^^^^^^
  = cosa fare: i file vengono pubblicati dalla cartella static/ (e da quella del tema), oppure accanto a una pagina che è una cartella con index.md

errore[E0601]: collegamento non funzionante: all'indirizzo /reti/efu/ non è pubblicato nulla (`../efu/` a partire da /reti/c40/)
  --> content/reti/c40.md:6:50
    |
  6 | ![Il logo](logo.png) Il C40 e il [Forum europeo](../efu/).
    |                                                  ^^^^^^^
  = cosa fare: forse intendevate `/reti/efus/`?

il sito non è stato generato: 2 errori; la cartella del sito pubblicato non è stata modificata
"
    );
}

#[test]
fn a_day_first_date_in_italian() {
    let site = built();
    site.edit("content/reti/c40.md", "title = \"C40\"", "title = \"C40\"\nupdated = 22/11/2026");
    let run = site.sito_italian(&["build"]);
    assert_eq!(
        run.stderr(),
        "errore[E0306]: `updated` non è una data: scrivetela così, `updated = 2026-11-22`
  --> content/reti/c40.md:3:11
    |
  3 | updated = 22/11/2026
    |           ^^^^^^^^^^
  = cosa fare: le date si scrivono anno-mese-giorno, senza virgolette: `updated = 2026-11-22` è il 22 novembre 2026

il sito non è stato generato: 1 errore; la cartella del sito pubblicato non è stata modificata
"
    );
}

#[test]
fn a_removed_address_in_italian_and_the_summary_once_allowed() {
    let site = built();
    site.edit("content/reti/c40.md", " e il [Forum europeo](../efus/)", "");
    site.edit("content/reti/c40.en.md", " and the [European Forum](../efus/)", "");
    site.build().ok();
    site.remove("content/reti/efus.md");
    site.remove("content/reti/efus.en.md");
    let run = site.sito_italian(&["build"]);
    assert_eq!(
        run.stderr(),
        "errore[E1004]: l'indirizzo /en/networks/efus/ sparirebbe: content/reti/efus.en.md («European Forum for Urban Security»), pubblicato lì dalla generazione precedente, non esiste più
  = cosa fare: perché i collegamenti continuino a funzionare, aggiungete `aliases = [\"/en/networks/efus/\"]` all'intestazione della pagina che la sostituisce; oppure, se l'indirizzo può sparire, usate `--allow-removed`

errore[E1004]: l'indirizzo /reti/efus/ sparirebbe: content/reti/efus.md («Forum europeo per la sicurezza urbana»), pubblicato lì dalla generazione precedente, non esiste più
  = cosa fare: perché i collegamenti continuino a funzionare, aggiungete `aliases = [\"/reti/efus/\"]` all'intestazione della pagina che la sostituisce; oppure, se l'indirizzo può sparire, usate `--allow-removed`

il sito non è stato generato: 2 errori; la cartella del sito pubblicato non è stata modificata
"
    );
    let run = site.sito_italian(&["build", "--allow-removed"]).ok();
    let out = run.stdout();
    assert!(out.starts_with("generate 6 pagine (3 it, 3 en) in "), "{out}");
    assert!(
        out.ends_with(" ms: 3 file scritti, 6 invariati, 2 eliminati; 2 indirizzi pubblicati dalla generazione precedente non sono più pubblicati\n"),
        "{out}"
    );
}

/// `--messages` wins over the locale; `LC_ALL` wins over `LANG`, as the C library reads them.
#[test]
fn the_flag_and_the_locale_choose_the_language() {
    let site = built();
    site.edit("content/reti/c40.md", "title = ", "titel = ");
    let first_line = |run: crate::support::Run| run.stderr().lines().next().unwrap_or_default().to_owned();
    let english = "error[E0103]: unknown key `titel`";
    let italian = "errore[E0103]: la chiave `titel` non esiste";
    assert_eq!(first_line(site.sito(&["build"])), english);
    assert_eq!(first_line(site.sito(&["build", "--messages", "it"])), italian);
    assert_eq!(first_line(site.sito_italian(&["build", "--messages", "en"])), english);
    let run = site.command_in("").env("LANG", "it_IT.UTF-8").env("LC_ALL", "en_US.UTF-8").arg("build").output();
    assert_eq!(first_line(crate::support::Run(run.unwrap())), english);
    let run = site.command_in("").env("LC_MESSAGES", "it_CH.UTF-8").arg("build").output();
    assert_eq!(first_line(crate::support::Run(run.unwrap())), italian);
}

/// `sito translations --mark`, the table it keeps and a file it cannot mark, in Italian:
/// number and gender agree (`1 traduzione segnata`, `3 non segnate`).
#[test]
fn marking_translations_in_italian() {
    let site = built();
    let run = site.sito_italian(&["translations", "--mark", "content/reti/c40.en.md"]).ok();
    let text = std::fs::read_to_string(site.path("content/reti/c40.en.md")).unwrap_or_default();
    let hash = text.split("translated_from = \"").nth(1).and_then(|r| r.get(..12)).unwrap_or_default();
    assert_eq!(
        run.stdout(),
        format!(
            "segnata content/reti/c40.en.md come traduzione di content/reti/c40.md ({hash})
1 traduzione segnata, 0 già aggiornate
registrate (commit) i file segnati insieme alla cartella .sito/originals/, con cui `sito check` li confronta
"
        )
    );
    assert_eq!(
        site.sito_italian(&["translations"]).ok().stdout(),
        "Traduzioni (4 pagine e sezioni in `it` previste anche nelle altre lingue)
  en: 1 aggiornata, 0 mancanti, 0 non aggiornate, 3 non segnate
    non segnata    content/_index.en.md
    non segnata    content/reti/_index.en.md
    non segnata    content/reti/efus.en.md

Quando una traduzione è aggiornata, `sito translations --mark FILE` lo registra, così le modifiche successive al suo originale compaiono qui.
"
    );
    let run = site.sito_italian(&["translations", "--mark", "content/reti/cc40.md"]);
    assert_eq!(run.code(), 1);
    // Named as written from the site's folder, not as the absolute path it was made into.
    assert_eq!(
        run.stderr(),
        "errore[E0803]: content/reti/cc40.md non è una pagina né una sezione di questo sito
  = cosa fare: indicate una traduzione dentro content/, per esempio content/reti/c40.en.md

"
    );
}

/// A template function's mistake, said once for every page it breaks. The hint under it
/// comes from loading the templates and is left out here.
#[test]
fn a_template_error_in_italian() {
    let site = built();
    site.edit("templates/page.html", "<h1>", "<h1 data-x=\"{{ asset(path='manca.css') }}\">");
    let stderr = site.sito_italian(&["build"]).stderr();
    let without_hint: Vec<&str> = stderr.lines().filter(|l| !l.starts_with("  = ")).collect();
    assert_eq!(
        without_hint.join("\n"),
        "errore[E0503]: `asset` non trova il file statico `manca.css` (cercato in static/ e in static/ del tema) (4 pagine non si generano, per esempio content/reti/c40.en.md)
  --> templates/page.html:3:35
    |
  3 | {% block content %}<h1 data-x=\"{{ asset(path='manca.css') }}\">{{ page.title }}</h1>{{ page.content | safe }}{% endblock content %}
    |                                   ^^^^^

il sito non è stato generato: 1 errore; la cartella del sito pubblicato non è stata modificata"
    );
}

#[test]
fn an_image_that_is_not_an_svg_in_italian() {
    let site = built();
    site.write("static/img/logo.svg", "<html></html>\n");
    site.edit("content/reti/c40.md", "Il C40", "![Il logo](/img/logo.svg) Il C40");
    let run = site.sito_italian(&["build"]);
    assert_eq!(
        run.stderr(),
        "errore[E1503]: impossibile usare l'immagine static/img/logo.svg: il suo elemento principale è <html>, non <svg>
  --> content/reti/c40.md:6:1
    |
  6 | ![Il logo](/img/logo.svg) Il C40 e il [Forum europeo](../efus/).
    | ^^^^^^^^^^^^^^^^^^^^^^^^^
  = cosa fare: salvate di nuovo l'immagine come JPEG, PNG o WebP (oppure correggete il nome del file)

il sito non è stato generato: 1 errore; la cartella del sito pubblicato non è stata modificata
"
    );
}

/// `sito check`'s interface strings, its translation table and its closing line.
#[test]
fn check_reports_interface_strings_in_italian() {
    let site = built();
    for lang in ["it", "en"] {
        let text = std::fs::read_to_string(site.path(&format!("i18n/{lang}.toml"))).unwrap_or_default();
        site.write(&format!("i18n/{lang}.toml"), format!("{text}nascosto = \"x\"\n"));
    }
    // A string in a branch no page takes: the build does not miss it, the check does.
    let unused_branch = "{% if page.extra.nota %}{{ t(key='manca') }}{% endif %}";
    site.edit("templates/page.html", "{{ page.title }}</h1>", &format!("{{{{ page.title }}}}</h1>{unused_branch}"));
    let run = site.sito_italian(&["check"]);
    let out = run.stdout();
    let (_, strings) = out.split_once("── i18n/it.toml").unwrap_or_default();
    assert_eq!(
        strings,
        " (1 avviso)

avviso[E0704]: il testo dell'interfaccia `nascosto` non è usato da nessun modello
  --> i18n/it.toml:2:1
    |
  2 | nascosto = \"x\"
    | ^^^^^^^^
  = cosa fare: toglietelo da i18n/it.toml, i18n/en.toml, oppure usatelo in un modello con t(key=\"nascosto\")

── templates/page.html (1 errore)

errore[E0703]: il testo dell'interfaccia `manca` non è definito in i18n/it.toml, i18n/en.toml
  --> templates/page.html:3:79
    |
  3 | {% block content %}<h1>{{ page.title }}</h1>{% if page.extra.nota %}{{ t(key='manca') }}{% endif %}{{ page.content | safe }}{% endblock content %}
    |                                                                               ^^^^^
  = cosa fare: aggiungete `manca = \"…\"` a i18n/it.toml, i18n/en.toml, tradotto in ogni lingua

Traduzioni (4 pagine e sezioni in `it` previste anche nelle altre lingue)
  en: 0 aggiornate, 0 mancanti, 0 non aggiornate, 4 non segnate

controllo: 1 errore, 9 avvisi in 10 file
"
    );
}

#[test]
fn an_output_folder_inside_the_sources_in_italian() {
    let site = built();
    let run = site.sito_italian(&["build", "--output-dir", "content"]);
    let root = site.root().canonicalize().unwrap_or_default();
    assert_eq!(
        run.stderr(),
        format!(
            "errore[E1001]: il sito non viene scritto in {}/content: è dentro `content` del sito
  = cosa fare: scegliete una cartella nuova o creata da sito, per esempio `--output-dir public`

il sito non è stato generato: 1 errore; la cartella del sito pubblicato non è stata modificata
",
            root.display()
        )
    );
}

/// The first diagnostic of what a run printed: up to its blank line.
fn first_block(stderr: &str) -> String {
    stderr.split("\n\n").next().unwrap_or_default().to_owned()
}

/// The editors' guide quotes sito's Italian messages as sito prints them: each quoted
/// message is produced here, the user's way, and must appear in the guide word for word.
#[test]
fn the_italian_guide_quotes_what_sito_prints() {
    let guide =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/guida-redazione.md"))
            .unwrap_or_default();
    let mut quoted = Vec::new();
    let site = built();
    site.edit("content/reti/c40.md", "title = ", "titel = ");
    quoted.push(first_block(&site.sito_italian(&["build"]).stderr()));
    site.edit("content/reti/c40.md", "titel = ", "title = \"C40\"\nupdated = 22/11/2026\n#");
    quoted.push(first_block(&site.sito_italian(&["build"]).stderr()));
    let site = built();
    site.edit("content/reti/c40.md", "(../efus/)", "(../efu/)");
    quoted.push(first_block(&site.sito_italian(&["build"]).stderr()));
    let site = built();
    for lang in ["", ".en"] {
        let text = std::fs::read_to_string(site.path(&format!("content/reti/efus{lang}.md"))).unwrap_or_default();
        site.remove(&format!("content/reti/efus{lang}.md"));
        site.write(&format!("content/reti/forum-europeo-sicurezza{lang}.md"), text);
    }
    site.edit("content/reti/c40.md", " e il [Forum europeo](../efus/)", "");
    site.edit("content/reti/c40.en.md", " and the [European Forum](../efus/)", "");
    let run = site.sito_italian(&["build"]).stderr();
    quoted.push(run.split("\n\n").find(|b| b.contains("l'indirizzo /reti/efus/")).unwrap_or_default().to_owned());
    let site = Site::microsite();
    site.edit("content/reti/c40.md", "acronym = ", "acronimo = ");
    quoted.push(first_block(&site.sito_italian(&["build"]).stderr()));
    for block in quoted {
        assert!(block.starts_with("errore["), "{block}");
        assert!(guide.contains(&block), "docs/guida-redazione.md does not quote, as sito prints it:\n{block}");
    }
}

/// Loading and resolving speak Italian too (issue 13): one mistake per stage an editor or a
/// theme author meets (site.toml, the theme, the interface strings, a page's template, its
/// taxonomy, the menu), each made in the microsite and built the Italian user's way, each
/// message whole.
#[test]
fn loading_and_resolving_mistakes_in_italian() {
    let failed = |n: usize| {
        let errors = if n == 1 { "1 errore".to_owned() } else { format!("{n} errori") };
        format!("il sito non è stato generato: {errors}; la cartella del sito pubblicato non è stata modificata\n")
    };
    let cases: [(&str, &str, &str, &str, usize); 6] = [
        (
            "site.toml",
            "search = true",
            "search = true\n\n[images]\nquality = 0\nwidths = [480, 9000]",
            "errore[E1501]: la larghezza d'immagine 9000 è fuori dai limiti
  --> site.toml:12:16
     |
  12 | widths = [480, 9000]
     |                ^^^^
  = cosa fare: le larghezze vanno da 16 a 8192 pixel

errore[E1501]: la qualità d'immagine 0 è fuori dai limiti
  --> site.toml:11:11
     |
  11 | quality = 0
     |           ^
  = cosa fare: la qualità va da 1 a 100; 80 va bene per le fotografie",
            2,
        ),
        (
            "site.toml",
            "theme = \"milano\"",
            "theme = \"milan\"",
            "errore[E0501]: il tema `milan` non esiste (manca la cartella themes/milan)
  --> site.toml
  = cosa fare: i temi disponibili sono: milano",
            1,
        ),
        (
            "i18n/en.toml",
            "organization = \"Comune di Milano\"\n",
            "",
            "errore[E0703]: manca `organization` (i18n/it.toml ce l'ha)
  --> i18n/en.toml
  = cosa fare: aggiungete `organization = \"…\"`, tradotto",
            1,
        ),
        (
            "content/reti/c40.md",
            "updated = 2026-12-02",
            "updated = 2026-12-02\ntemplate = \"pagina.html\"",
            "errore[E0502]: il modello `pagina.html` non esiste
  --> content/reti/c40.md:5:1
    |
  5 | template = \"pagina.html\"
    | ^^^^^^^^
  = cosa fare: forse intendevate `page.html`? (indicato da `template`)",
            1,
        ),
        (
            "content/reti/c40.md",
            "temi = [\"clima\"",
            "topics = [\"clima\"",
            "errore[E1302]: la lingua `it` non ha la tassonomia `topics`
  --> content/reti/c40.md:15:1
     |
  15 | topics = [\"clima\", \"energia\", \"qualità dell’aria\"]
     | ^^^^^^
  = cosa fare: `topics` è il nome della tassonomia in `en`: le pagine in `it` la chiamano `temi`",
            1,
        ),
        (
            "site.toml",
            "path = \"@/reti/_index.md\"",
            "path = \"@/reti/indice.md\"",
            "errore[E0601]: voce di menu `Reti`: `@/reti/indice.md` porta a un file che non esiste (content/reti/indice.md)
  --> site.toml:28:9
     |
  28 | path = \"@/reti/indice.md\"
     |         ^^^^^^^^^^^^^^^^
  = cosa fare: fate puntare `path` a un file che esiste dentro content/, per esempio \"@/reti/_index.md\"",
            1,
        ),
    ];
    for (file, from, to, expected, errors) in cases {
        let site = Site::microsite();
        site.edit(file, from, to);
        let run = site.sito_italian(&["build"]);
        assert_eq!(run.code(), 1, "{to}");
        assert_eq!(run.stderr(), format!("{expected}\n\n{}", failed(errors)), "{to}");
    }
}

#[test]
fn shortcode_call_mistakes_in_italian() {
    let site = Site::microsite();
    let text = std::fs::read_to_string(site.path("content/reti/c40.md")).unwrap_or_default();
    let last = text.lines().count();
    site.write(
        "content/reti/c40.md",
        format!("{text}\n{{{{ figure(src=\"a.jpg\" alt=\"x\") }}}}\n\n{{{{ figure(src=nope) }}}}\n\n{{% end %}}\n"),
    );
    let (a, b, c) = (last + 2, last + 4, last + 6);
    assert_eq!(
        site.sito_italian(&["build"]).stderr(),
        format!(
            "errore[E1201]: la chiamata dello shortcode `figure` richiede `,` tra gli argomenti, oppure `)` dopo l'ultimo
  --> content/reti/c40.md:{a}:23
     |
  {a} | {{{{ figure(src=\"a.jpg\" alt=\"x\") }}}}
     |                       ^
  = cosa fare: per esempio `{{{{ figure(src=\"a.jpg\", alt=\"…\") }}}}`

errore[E1201]: la chiamata dello shortcode `figure` ha un valore che non è valido: `nope`
  --> content/reti/c40.md:{b}:15
     |
  {b} | {{{{ figure(src=nope) }}}}
     |               ^^^^
  = cosa fare: il testo va tra virgolette (`kind=\"info\"`); numeri, `true` e `false` senza

errore[E1201]: `{{% end %}}` non chiude nessuno shortcode
  --> content/reti/c40.md:{c}:1
     |
  {c} | {{% end %}}
     | ^^^^^^^^^
  = cosa fare: toglietelo, oppure aprite lo shortcode più sopra con `{{% nome(…) %}}`; per mostrarlo come testo, scrivete `{{%/* end */%}}`

il sito non è stato generato: 3 errori; la cartella del sito pubblicato non è stata modificata
"
        )
    );
}

/// Run outside any site, sito says where it looked, in Italian.
#[test]
fn no_site_toml_anywhere_in_italian() {
    let site = Site { dir: tempfile::tempdir().expect("temp dir") };
    let run = site.sito_italian(&["build"]);
    let folder = site.root().canonicalize().unwrap_or_else(|_| site.root().to_path_buf());
    assert_eq!(
        run.stderr().replace(&folder.display().to_string(), "CARTELLA").replace(&site.root().display().to_string(), "CARTELLA"),
        "errore[E0101]: non c'è site.toml né in CARTELLA né in una delle cartelle che la contengono
  = cosa fare: avviate sito dalla cartella del sito (quella che contiene site.toml) o da una cartella al suo interno, oppure indicatela con --root CARTELLA

il sito non è stato generato: 1 errore; la cartella del sito pubblicato non è stata modificata
"
    );
}

/// TOML puts a key written after `[taxonomies]` into that table: the editor is told why
/// and where the setting goes, not only that no taxonomy has that name.
#[test]
fn a_setting_written_under_taxonomies_in_italian() {
    let site = Site::microsite();
    site.edit(
        "content/reti/c40.md",
        "temi = [\"clima\", \"energia\", \"qualità dell’aria\"]\n",
        "temi = [\"clima\", \"energia\", \"qualità dell’aria\"]\naliases = [\"/c40/\"]\n",
    );
    let run = site.sito_italian(&["build"]);
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr(),
        "errore[E1302]: la lingua `it` non ha la tassonomia `aliases`
  --> content/reti/c40.md:16:1
     |
  16 | aliases = [\"/c40/\"]
     | ^^^^^^^
  = cosa fare: `aliases` è un'impostazione della pagina, ma scritta dopo la riga `[taxonomies]` finisce dentro quella tabella: spostatela sopra `[taxonomies]` (e sopra `[extra]`)

il sito non è stato generato: 1 errore; la cartella del sito pubblicato non è stata modificata
"
    );
}

/// The parser's account of the mistakes people make most, in Italian too (it printed the
/// parser's English beside the Italian help); a value of the wrong type as well.
#[test]
fn toml_mistakes_in_italian() {
    let cases = [
        (
            "title = \"C40",
            "errore[E0102]: intestazione: testo tra virgolette non chiuso o non valido: serve `\"`\n  --> content/reti/c40.md:2:13",
        ),
        ("title", "errore[E0102]: intestazione: chiave senza valore: serve `=`\n  --> content/reti/c40.md:2:"),
        ("title = C40", "errore[E0102]: intestazione: il testo va scritto tra virgolette\n  --> content/reti/c40.md:2:9"),
        (
            "title = \"C40\"\nweight = \"3\"",
            "errore[E0102]: intestazione: valore del tipo sbagliato (il testo \"3\"): serve un numero intero\n  --> content/reti/c40.md:3:10",
        ),
    ];
    for (line, expected) in cases {
        let site = built();
        site.edit("content/reti/c40.md", "title = \"C40\"", line);
        let run = site.sito_italian(&["build"]);
        assert_eq!(run.code(), 1, "{line}");
        assert!(run.stderr().starts_with(expected), "{line}:\n{}", run.stderr());
        let english = site.build().stderr();
        assert!(
            !english.contains("virgolette") && !english.contains("serve"),
            "{line}: English stays English:\n{english}"
        );
    }
}
