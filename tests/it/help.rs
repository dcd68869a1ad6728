//! `sito --help`, `sito explain` and the command line's usual mistakes speak the language of
//! the person running them (issue 13), like every other message: Italian when the locale is
//! Italian, or what `--messages` says, clap's headings included. Each output is compared
//! whole.

use crate::support::Site;

/// What `sito ARGS` prints, run from a site's folder by someone whose system speaks Italian.
fn italian(args: &[&str]) -> String {
    Site::fixture("editors").sito_italian(args).ok().stdout()
}

#[test]
fn the_whole_help_in_italian() {
    assert_eq!(
        italian(&["--help"]),
        "Un generatore di siti statici veloce, bilingue fin dall'inizio

Uso: sito [OPZIONI] <COMANDO>

Comandi:
  build         Genera il sito nella cartella del sito pubblicato (sostituita solo se tutta la generazione riesce)
  serve         Mostra l'anteprima del sito, aggiornata a ogni modifica (non tocca mai la cartella del sito pubblicato)
  check         Controlla collegamenti, traduzioni, testi dell'interfaccia e regole per i contenuti, senza scrivere nulla
  translations  Mostra quali traduzioni mancano o non sono aggiornate; con --mark le segna come aggiornate
  explain       Spiega un codice di errore (`sito explain E0601`), oppure elenca tutti i codici
  help          Mostra questo aiuto, oppure quello del comando indicato

Opzioni:
      --messages <LINGUA>  La lingua dei messaggi di sito: `it` o `en` (normalmente quella del sistema, da LC_ALL, LC_MESSAGES o LANG: italiano per it_*, altrimenti inglese)
  -h, --help               Mostra l'aiuto
  -V, --version            Mostra la versione
"
    );
}

#[test]
fn a_command_help_in_italian() {
    let help = italian(&["build", "--help"]);
    assert_eq!(
        help,
        "Genera il sito nella cartella del sito pubblicato (sostituita solo se tutta la generazione riesce)

Uso: sito build [OPZIONI]

Opzioni:
      --messages <LINGUA>      La lingua dei messaggi di sito: `it` o `en` (normalmente quella del sistema, da LC_ALL, LC_MESSAGES o LANG: italiano per it_*, altrimenti inglese)
      --root <CARTELLA>        La cartella del sito (quella che contiene site.toml, content/, themes/, i18n/); normalmente la più vicina che contiene site.toml, partendo dalla cartella in cui vi trovate e salendo
      --base-url <URL>         Usa questo indirizzo al posto di `base_url` di site.toml
      --drafts                 Include le pagine segnate `draft = true` (le bozze)
  -o, --output-dir <CARTELLA>  Dove scrivere il sito (normalmente public/ nella cartella del sito); un percorso relativo parte dalla cartella in cui vi trovate
      --force                  Sostituisce una cartella del sito pubblicato già esistente anche se non l'ha creata sito
      --allow-removed          Lascia sparire indirizzi pubblicati dalla generazione precedente (una pagina eliminata o rinominata di proposito, senza indirizzo alternativo)
      --relative               Rende relativi tutti i collegamenti, così il sito si può sfogliare direttamente dal disco
      --minify                 Comprime HTML, CSS e JS
      --no-cache               Rigenera tutte le pagine e ridimensiona di nuovo tutte le immagini, senza usare quanto conservato in .sito/ dalle generazioni precedenti
  -h, --help                   Mostra l'aiuto
"
    );
    // `sito help build` is the same page.
    assert_eq!(italian(&["help", "build"]), help);
}

#[test]
fn messages_en_overrides_an_italian_locale_even_for_the_help() {
    assert_eq!(
        italian(&["--messages", "en", "explain", "--help"]),
        "Explain an error code (`sito explain E0601`), or list every code

Usage: sito explain [OPTIONS] [CODE]

Arguments:
  [CODE]  The code printed in brackets after `error`, e.g. E0601

Options:
      --messages <LANG>  The language of sito's own messages: `it` or `en` (by default the locale's, from LC_ALL, LC_MESSAGES or LANG: Italian for it_*, English otherwise)
  -h, --help             Print help
"
    );
}

#[test]
fn an_explanation_in_italian() {
    assert_eq!(
        italian(&["explain", "E0602"]),
        "E0602 (broken-anchor)

Un collegamento porta a una parte di una pagina (`#storia`) che la pagina non ha. Il pezzo
dopo `#` è l'id di un titoletto della pagina, ricavato dal suo testo (`## La storia` diventa
`#la-storia`), a meno che non sia indicato con `{#id}`.
"
    );
    let english = Site::fixture("editors").sito(&["explain", "e0602"]).ok();
    assert!(english.stdout().starts_with("E0602 (broken-anchor)\n\nA link points at a part of a page (`#storia`)"));
}

#[test]
fn a_mistyped_command_or_value_in_italian() {
    let site = Site::fixture("editors");
    let run = site.sito_italian(&["biuld"]);
    assert_eq!(run.code(), 2);
    assert_eq!(
        run.stderr(),
        "errore: il comando `biuld` non esiste
  = cosa fare: forse intendevate `build`?

Uso: sito [OPZIONI] <COMANDO>

per saperne di più, aggiungete `--help` al comando
"
    );
    assert_eq!(
        site.sito_italian(&["check", "--format", "jsn"]).stderr(),
        "errore: `jsn` non è un valore che `--format <FORMATO>` accetta
  = cosa fare: forse intendevate `json`?

per saperne di più, aggiungete `--help` al comando
"
    );
}
