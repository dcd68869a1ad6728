# L'aiuto della riga di comando (`sito --help`, `sito build --help`…), applicato ai comandi
# di clap all'avvio (src/cli.rs). Ogni comando ha `cli-command-NOME` (il programma intero è
# `sito`), ogni argomento `cli-arg-ID` (il suo nome in src/cli.rs, con i trattini bassi) e,
# se prende un valore, `.value`, il segnaposto scritto dopo di lui. Un test percorre tutti i
# comandi e gli argomenti e fallisce se uno non ha il suo testo qui o in cli.en.ftl. I valori
# possibili e quelli predefiniti sono scritti nel testo, così sono anch'essi in italiano.

## Le parole che clap mette intorno all'aiuto

cli-heading-usage = Uso
cli-heading-commands = Comandi
cli-heading-arguments = Argomenti
cli-heading-options = Opzioni
cli-usage-options = OPZIONI
cli-usage-command = COMANDO

## Gli errori nella riga di comando (detti come gli altri messaggi di sito; `--help` per saperne di più)

cli-error-unknown-command = il comando `{ $name }` non esiste
cli-error-unknown-argument = `{ $name }` non è un'opzione né un valore che questo comando accetta
cli-error-invalid-value = `{ $value }` non è un valore che `{ $arg }` accetta
cli-error-missing-value = `{ $arg }` vuole un valore
cli-error-did-you-mean = forse intendevate `{ $name }`?
cli-error-possible-values = i valori possibili sono `{ $values }`
cli-error-more = per saperne di più, aggiungete `--help` al comando

## Comandi

cli-command-sito = Un generatore di siti statici veloce, bilingue fin dall'inizio
cli-command-build = Genera il sito nella cartella del sito pubblicato (sostituita solo se tutta la generazione riesce)
cli-command-serve = Mostra l'anteprima del sito, aggiornata a ogni modifica (non tocca mai la cartella del sito pubblicato)
cli-command-check = Controlla collegamenti, traduzioni, testi dell'interfaccia e regole per i contenuti, senza scrivere nulla
cli-command-translations = Mostra quali traduzioni mancano o non sono aggiornate; con --mark le segna come aggiornate
cli-command-explain = Spiega un codice di errore (`sito explain E0601`), oppure elenca tutti i codici
cli-command-help = Mostra questo aiuto, oppure quello del comando indicato

## Argomenti

cli-arg-messages = La lingua dei messaggi di sito: `it` o `en` (normalmente quella del sistema, da LC_ALL, LC_MESSAGES o LANG: italiano per it_*, altrimenti inglese)
    .value = LINGUA
cli-arg-help = Mostra l'aiuto
cli-arg-version = Mostra la versione
cli-arg-root = La cartella del sito (quella che contiene site.toml, content/, themes/, i18n/); normalmente la più vicina che contiene site.toml, partendo dalla cartella in cui vi trovate e salendo
    .value = CARTELLA
cli-arg-base_url = Usa questo indirizzo al posto di `base_url` di site.toml
    .value = URL
cli-arg-drafts = Include le pagine segnate `draft = true` (le bozze)
cli-arg-output_dir = Dove scrivere il sito (normalmente public/ nella cartella del sito); un percorso relativo parte dalla cartella in cui vi trovate
    .value = CARTELLA
cli-arg-force = Sostituisce una cartella del sito pubblicato già esistente anche se non l'ha creata sito
cli-arg-allow_removed = Lascia sparire indirizzi pubblicati dalla generazione precedente (una pagina eliminata o rinominata di proposito, senza indirizzo alternativo)
cli-arg-no_cache = Rigenera tutte le pagine e ridimensiona di nuovo tutte le immagini, senza usare quanto conservato in .sito/ dalle generazioni precedenti
cli-arg-relative = Rende relativi tutti i collegamenti, così il sito si può sfogliare direttamente dal disco
cli-arg-minify = Comprime HTML, CSS e JS
cli-arg-port = La porta su cui ascoltare (normalmente 1111)
    .value = PORTA
cli-arg-interface = L'indirizzo su cui ascoltare (normalmente 127.0.0.1, che lascia l'anteprima visibile solo da questo computer)
    .value = INDIRIZZO
cli-arg-strict = Tratta gli avvisi come errori
cli-arg-format = Il formato dei risultati: `human` (raggruppati per file, a colori sul terminale; il normale) o `json` (un solo documento JSON, per la CI)
    .value = FORMATO
cli-arg-external = Controlla anche i collegamenti esterni (serve la rete)
cli-arg-mark = Registra nell'intestazione di ogni traduzione la versione dell'originale che traduce: per ogni traduzione non ancora segnata o ancora aggiornata (quelle non aggiornate vanno indicate per nome, dopo averle controllate), oppure solo per i FILE indicati
cli-arg-files = I file di traduzione da segnare (per esempio content/reti/c40.en.md)
    .value = FILE
cli-arg-code = Il codice scritto tra parentesi quadre dopo `errore`, per esempio E0601
    .value = CODICE
