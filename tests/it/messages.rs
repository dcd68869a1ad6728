//! sito speaks the language of the person running it (issue 13): Italian when the system's
//! locale is Italian (`LANG=it_IT.UTF-8`), English otherwise, or what `--messages` says.
//! Each run is the user's: the site's folder as working directory, no `--root`; each
//! message is compared whole.

use crate::editors::built;

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
