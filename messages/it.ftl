# I messaggi di sito in italiano. Ogni id ha il suo gemello in en.ftl, con le stesse
# variabili; altrimenti `cargo test --lib messages` fallisce. Gli id sono elencati in
# src/diag/messages.rs (enum Msg). Scrivere per chi cura i contenuti, non per chi programma:
# parole semplici, che cosa è successo e che cosa fare.

## Che cosa dice ogni comando alla fine

build-failed = il sito non è stato generato
build-failed-unchanged = la cartella del sito pubblicato non è stata modificata
serve-failed = impossibile avviare l'anteprima
serve-failed-unchanged = l'anteprima non è attiva
check-failed = controllo non riuscito
check-failed-unchanged = non è stato controllato nulla
output-may-be-incomplete = la cartella del sito pubblicato potrebbe essere incompleta: generate di nuovo il sito dopo aver risolto il problema
failed-summary = { $what }: { $errors ->
        [one] 1 errore
       *[other] { $errors } errori
    }; { $consequence }
built-summary = { $pages ->
        [one] generata 1 pagina
       *[other] generate { $pages } pagine
    } ({ $languages }) in { $ms } ms: { $written ->
        [one] 1 file scritto
       *[other] { $written } file scritti
    }, { $unchanged ->
        [one] 1 invariato
       *[other] { $unchanged } invariati
    }, { $removed ->
        [one] 1 eliminato
       *[other] { $removed } eliminati
    }
pages-in-language = { $count } { $lang }
built-removed = ; { $count ->
        [one] 1 indirizzo pubblicato dalla generazione precedente non è più pubblicato
       *[other] { $count } indirizzi pubblicati dalla generazione precedente non sono più pubblicati
    }
built-drafts = { " " }(contiene { $count ->
        [one] 1 bozza
       *[other] { $count } bozze
    }: non mettete online questa cartella)
cwd-unreadable = impossibile leggere la cartella attuale: { $error }
not-a-code = errore: `{ $code }` non è un codice di errore di sito; `sito explain` li elenca tutti

## Come si presenta un messaggio

label-error = errore
label-warning = avviso
label-help = cosa fare

## Chiavi e valori

unknown-key = la chiave `{ $key }` non esiste
unknown-key-in = la chiave `{ $key }` non esiste in `[{ $table }]`
did-you-mean = forse intendevate `{ $suggestion }`?
keys-allowed = qui si possono usare queste chiavi: { $keys }
zola-key = `{ $key }` è un'impostazione di Zola, che sito non ha: { $instead }
zola-transparent = una sezione elenca le proprie pagine; un modello può elencare quelle di un'altra con `get_section`
zola-redirect_to = per mandare un indirizzo a una pagina, aggiungetelo agli `aliases` di quella pagina
zola-render = ogni pagina e sezione viene pubblicata; una che non deve esserlo ancora è una bozza (`draft = true`)
zola-insert_anchor_links = i titoli hanno un id; i collegamenti accanto ai titoli li aggiunge il tema
zola-path = l'indirizzo viene dalla cartella e dal nome del file, oppure da `slug`; un vecchio indirizzo si conserva con `aliases`
zola-in_search_index = ogni pagina pubblicata è nell'indice di ricerca
zola-paginate_path = il segmento delle pagine successive (`/pagina/2/`) è `path` sotto `[pagination]` nel file i18n di ogni lingua
zola-paginate_reversed = un elenco segue l'ordine dato da `sort_by`
zola-generate_feeds = il feed Atom di una sezione si ottiene con `feed = true` nel suo `_index.md`
date-write-as = `{ $key }` non è una data: scrivetela così, `{ $key } = { $iso }`
date-write-as-hint = le date si scrivono anno-mese-giorno, senza virgolette: `{ $key } = { $iso }` è il { $spelled }
not-a-date = `{ $key }` non è una data
not-a-date-hint = scrivete un giorno che esiste, nella forma anno-mese-giorno e senza virgolette, per esempio `{ $key } = 2024-05-31`

## Collegamenti

# $what è `link` (un collegamento) o `image` (un'immagine).
broken-nothing-published = { $what ->
        [image] immagine mancante
       *[link] collegamento non funzionante
    }: all'indirizzo { $target } non è pubblicato nulla
broken-nothing-published-from = { $what ->
        [image] immagine mancante
       *[link] collegamento non funzionante
    }: all'indirizzo { $target } non è pubblicato nulla (`{ $path }` a partire da { $page })
nearest-published = la pagina pubblicata più vicina è { $nearest }; per le pagine conviene scrivere collegamenti con `@/`, che la generazione controlla
files-published-from = i file vengono pubblicati dalla cartella static/ (e da quella del tema), oppure accanto a una pagina che è una cartella con index.md
relative-path-hint = un percorso che non comincia con `/` parte dall'indirizzo di questa pagina; { $rooted } esiste: scrivete `{ $rooted }`
climbs-above-root = { $what ->
        [image] immagine mancante
       *[link] collegamento non funzionante
    }: `{ $path }` risale oltre la cartella principale del sito
climbs-above-root-hint = questa pagina è all'indirizzo { $page }; togliete qualche `../`
link-to-draft = { $what ->
        [image] immagine mancante
       *[link] collegamento non funzionante
    }: { $target } è una bozza (content/{ $file } contiene `draft = true`) e non viene pubblicata
internal-to-draft = `{ $link }` porta a una bozza (content/{ $file } contiene `draft = true`), che non viene pubblicata
internal-not-markdown = `{ $link }` non indica un file Markdown (.md)
internal-unknown-language = `{ $link }` indica una lingua che il sito non ha (site.toml non la elenca)
internal-missing-file = `{ $link }` porta a un file che non esiste (content/{ $file })
draft-hint = per pubblicarla, togliete `draft = true` da content/{ $file }; fino ad allora togliete il collegamento (`sito build --drafts` genera anche le bozze, per vederle in anteprima)
broken-internal = collegamento interno non funzionante: { $problem }
internal-did-you-mean = forse intendevate `@/{ $suggestion }`? I collegamenti interni indicano un file della cartella content/
internal-how = i collegamenti interni indicano un file della cartella content/, per esempio `[C40](@/reti/c40.md)`
md-link-did-you-mean = per collegare un file della cartella content/ scrivete `@/{ $suggestion }`
md-link-how = per collegare un file della cartella content/ scrivete `@/` seguito dal suo percorso dentro content/, per esempio `@/reti/c40.md`
no-destination = { $what ->
        [image] questa immagine non indica nessun file
       *[link] questo collegamento non porta da nessuna parte
    }
no-destination-hint = scrivete tra le parentesi tonde dove porta, per esempio `[C40](@/reti/c40.md)`
broken-anchor-in-file = collegamento a una parte di pagina che non esiste: content/{ $file } non ha nessun titolo con l'id `{ $anchor }`
broken-anchor-here = collegamento a una parte di pagina che non esiste: questa pagina non ha nessun titolo con l'id `{ $anchor }`
broken-anchor-at = collegamento a una parte di pagina che non esiste: { $target } non ha nessun titolo con l'id `{ $anchor }`
heading-ids = gli id dei suoi titoli sono: { $ids }
no-headings = la pagina non ha titoli a cui collegarsi
other-language-link = questa pagina in `{ $lang }` porta alla versione in `{ $other }` di content/{ $file }
other-language-link-hint = collegate { $own }, oppure scrivete `@/{ $file }`, che sceglie da sé la lingua della pagina
space-in-link = questo collegamento o immagine viene mostrato come testo: il suo indirizzo contiene uno spazio, che Markdown non accetta
space-in-link-hint = mettete l'indirizzo tra parentesi angolari, `{ $fixed }`, oppure rinominate il file senza spazi
space-in-link-hint-plain = mettete l'indirizzo tra parentesi angolari, oppure rinominate il file senza spazi
unlisted-page = questa pagina è pubblicata all'indirizzo { $path }, ma nessuna pagina ci porta: in content/{ $dir }/ manca il file _index.md
unlisted-page-hint = create content/{ $dir }/_index.md (con un titolo), così la cartella diventa una sezione che elenca le sue pagine; oppure collegate questa pagina da un'altra
menu-other-language = la voce di menu `{ $name }` (`{ $lang }`) porta a una pagina in `{ $other }`: content/{ $file } non ha la versione in `{ $lang }`
menu-other-language-hint = create content/{ $translated }, oppure togliete la voce da `[[languages.{ $lang }.menu]]`
menu-nothing-published = voce di menu `{ $name }` (`{ $lang }`): all'indirizzo { $target } non è pubblicato nulla
menu-hint = { $hint }; nei menu si può anche indicare un file di content/, per esempio "@/reti/_index.md"
template-link-broken = collegamento interrotto in { $page }: all'indirizzo { $target } non è pubblicato nulla
template-link-hint = il collegamento non è in un file di content/: viene { $template } o da ciò che questo usa (un partial, una macro, uno shortcode, un testo dei file i18n). Un modello può ricavare l'indirizzo dalla pagina a cui punta, `url(path="@/reti/_index.md")`, o da un file statico, `asset(path="css/site.css")`; { $hint }
template-link-named = dal modello `{ $name }`
template-link-other = dal modello che ha prodotto { $page }
template-link-more = collegamento interrotto: altri { $count } indirizzi scritti dai modelli non portano a nulla e non sono mostrati qui; correggete questi, poi generate di nuovo
template-link-outside = { $target } è fuori dall'indirizzo del sito ({ $base })
front-matter-link = `{ $key }`: { $problem }
front-matter-nothing-published = collegamento non funzionante: all'indirizzo { $target } non è pubblicato nulla
front-matter-link-hint = i valori dell'intestazione che il tema mostra come collegamenti devono portare a una pagina o a un file pubblicato; per le pagine scrivete `@/` e il file dentro content/, per esempio "@/reti/c40.md"

## Indirizzi che sparirebbero

removed-link-hint = { $path } era pubblicato dalla generazione precedente (content/{ $file }, «{ $title }»): nel frattempo la pagina è stata eliminata o rinominata; collegate la pagina che la sostituisce, oppure togliete il collegamento
removed-link-renamed-hint = { $path } era pubblicato dalla generazione precedente (content/{ $file }, «{ $title }»): nel frattempo la pagina è stata eliminata o rinominata; sembra che ora sia content/{ $new_file }, all'indirizzo { $new_path }: collegate quella, e aggiungete `aliases = ["{ $path }"]` alla sua intestazione perché i collegamenti da altri siti continuino a funzionare
renamed-alias-hint = content/{ $wanted } non esiste più, e content/{ $holder } conserva il suo indirizzo { $path } come alias: probabilmente la pagina è stata rinominata. Collegate `@/{ $new_file }`
removed-renamed = l'indirizzo { $path } sparirebbe: era content/{ $file }, che ora sembra essere content/{ $new_file } ({ $new_path })
removed-moved = l'indirizzo { $path } sparirebbe: content/{ $file } ora è pubblicato all'indirizzo { $new_path }
removed-alias = l'indirizzo { $path } sparirebbe: era un indirizzo alternativo di content/{ $file }, che non lo elenca più
removed-renamed-hint = perché i collegamenti a { $path } continuino a funzionare, aggiungete `aliases = ["{ $path }"]` all'intestazione di content/{ $file }; oppure, se l'indirizzo può sparire, usate `--allow-removed`
removed-add-alias-hint = perché i collegamenti a { $path } continuino a funzionare, aggiungete "{ $path }" ad `aliases` nell'intestazione di content/{ $file }; oppure, se l'indirizzo può sparire, usate `--allow-removed`
removed-gone = l'indirizzo { $path } sparirebbe: content/{ $file } («{ $title }»), pubblicato lì dalla generazione precedente, non esiste più
removed-gone-hint = perché i collegamenti continuino a funzionare, aggiungete `aliases = ["{ $path }"]` all'intestazione della pagina che la sostituisce; oppure, se l'indirizzo può sparire, usate `--allow-removed`
removed-draft = l'indirizzo { $path } sparirebbe: content/{ $file } ora è una bozza
removed-draft-hint = per togliere la pagina dal sito, generate una volta con `--allow-removed` (le generazioni successive non si aspettano più l'indirizzo); per lasciarla pubblicata, togliete `draft = true`
date-or-datetime-hint = scrivete una data che esiste così, `{ $key } = 2024-05-31`, oppure data e ora così, `{ $key } = 2024-05-31T09:30:00+02:00`
spelled-date = { $day } { $month ->
        [1] gennaio
        [2] febbraio
        [3] marzo
        [4] aprile
        [5] maggio
        [6] giugno
        [7] luglio
        [8] agosto
        [9] settembre
        [10] ottobre
        [11] novembre
       *[12] dicembre
    } { $year }

## I campi [extra] del tema

type-name = { $ty ->
        [string] un testo
        [integer] un numero intero
        [number] un numero
        [boolean] `true` o `false`
        [array] un elenco
       *[any] un valore qualsiasi
    }
extra-unknown = il tema non usa il campo `{ $field }` (i campi che usa sono in { $schema }): il suo valore non verrebbe mostrato
extra-fields-allowed = i campi che il tema usa sono: { $fields }
extra-wrong-type = `{ $field }` deve essere { $ty ->
        [string] un testo, tra virgolette
        [integer] un numero intero, senza virgolette
        [number] un numero, senza virgolette
        [boolean] `true` o `false`
        [array] un elenco, tra parentesi quadre
       *[any] un valore
    }
extra-not-a-table = ogni elemento di `{ $field }` deve essere una tabella di campi (`[[…]]`)
extra-missing = manca `{ $field }`, che il tema richiede
extra-description = il tema lo usa per: { $description }
extra-items-not-array = `{ $field }` ha `items`, che solo un campo `array` può avere
extra-items-not-array-hint = scrivete `type = "array"`, oppure togliete `items`

## L'intestazione (front matter)

empty-file = questo file è vuoto
empty-file-hint = un file di contenuto comincia con un'intestazione che contiene almeno il titolo:
    { $example }
yaml-front-matter = l'intestazione è scritta in YAML (`---`); sito legge un'intestazione TOML tra due righe `+++`
yaml-front-matter-hint = cambiate le due righe `---` in `+++` e scrivete ogni impostazione come `chiave = valore`, con il testo tra virgolette doppie:
    { $example }
no-front-matter = il file non comincia con l'intestazione
no-front-matter-hint = la prima riga deve essere `+++`, seguita dall'intestazione e da un'altra riga `+++`:
    { $example }
unclosed-front-matter = l'intestazione non è mai chiusa
unclosed-hint = aggiungete una riga con solo `+++` dove finisce l'intestazione, prima del testo
unclosed-hint-at = aggiungete una riga con solo `+++` dove finisce l'intestazione: la riga { $bad } non fa parte dell'intestazione
unclosed-hint-after = aggiungete una riga con solo `+++` dove finisce l'intestazione: probabilmente dopo la riga { $after }, perché la riga { $bad } non fa parte dell'intestazione
slug-hint = lo slug è un pezzo dell'indirizzo: lettere, cifre e trattini, per esempio `slug = "reti"`
title-empty = il titolo è vuoto
title-empty-hint = scrivete il titolo della pagina tra le virgolette
title-missing = nell'intestazione manca il titolo (`title`)
title-missing-hint = aggiungete tra le righe `+++` una riga come `title = "Reti e partenariati"`
bad-alias = l'indirizzo alternativo `{ $alias }` { $why }
bad-alias-hint = un indirizzo alternativo (alias) è un vecchio indirizzo di questa pagina sullo stesso sito, e comincia con `/`: `aliases = ["/vecchia-pagina/"]`
alias-nul = non può contenere il carattere NUL
alias-full-address = è un indirizzo completo: scrivete solo il percorso su questo stesso sito
alias-no-slash = non comincia con `/`
alias-backslash = non può contenere `\`
alias-dots = non può contenere `..` o `.` come parte del percorso
alias-query = non può contenere `?` o `#`
alias-home = è l'indirizzo della home page
bad-template-name = `{ $key }` deve indicare un file di modello (template) dentro il tema
bad-template-name-hint = per esempio `{ $key } = "network.html"`

## TOML

what-front-matter = intestazione
toml-syntax-hint = controllate come è scritta questa riga: `chiave = valore`, con il testo tra virgolette doppie
nested-too-deeply = questo valore ha troppi livelli di parentesi: usatene di meno
write-whole-number = scrivete un numero intero senza virgolette, per esempio `weight = 3`
write-boolean = scrivete `true` (sì) o `false` (no), senza virgolette
write-list = scrivete un elenco tra parentesi quadre, per esempio `aliases = ["/vecchia/"]`
write-text = mettete il testo tra virgolette doppie, per esempio `title = "C40"`
typographic-double-quotes = “ e ” sono virgolette tipografiche (le inseriscono i programmi di videoscrittura): servono le virgolette dritte, `title = "C40"`
typographic-single-quotes = ‘ e ’ sono apostrofi tipografici: servono le virgolette dritte, `title = "C40"`
invisible-character = questa riga contiene un carattere invisibile ({ $name }), spesso incollato da un programma di videoscrittura: cancellate gli spazi intorno a `=` e riscriveteli
typographic-space = uno spazio tipografico
not-utf8 = questo file non è salvato come testo UTF-8
not-utf8-hint = il byte 0x{ $byte } non è UTF-8{ $meant }: salvate il file con la codifica UTF-8 (nella maggior parte degli editor: Salva con nome… → Codifica: UTF-8)
not-utf8-meant = { " " }(nella codifica di Windows è `{ $char }`)
not-utf8-utf16 = questo file è salvato come UTF-16 (l'“Unicode” di Windows), non come testo UTF-8
not-utf8-utf16-hint = salvate il file con la codifica UTF-8 (nella maggior parte degli editor: Salva con nome… → Codifica: UTF-8; nel Blocco note: UTF-8)

## L'anteprima (sito serve)

overlay-close = Chiudi (Esc)
overlay-title = sito: il sito contiene errori. Questa è l'ultima versione riuscita; correggete il file e salvatelo per ricaricare.
overlay-title-no-build = sito: il sito contiene errori e nessuna generazione è ancora riuscita; correggete il file e salvatelo per ricaricare.
serve-serving = Anteprima di { $root } all'indirizzo { $url } (Ctrl-C per fermarla)
serve-built = generati { $files } file in { $ms } ms
serve-has-errors = il sito contiene errori ({ $changed ->
        [one] 1 file modificato
       *[other] { $changed } file modificati
    }); l'anteprima mostra ancora l'ultima versione riuscita
serve-has-errors-no-build = il sito contiene errori; nessuna generazione è ancora riuscita: correggeteli e salvate, e l'anteprima mostrerà il sito
serve-watch-stopped = errore: il controllo dei file si è fermato; le modifiche non si vedranno più (riavviate sito serve)
serve-warning = avviso: { $problem }
serve-cannot-listen = impossibile usare l'indirizzo { $address }: { $error }
port-in-use = la porta è già in uso (forse da un'altra anteprima ancora aperta)
port-needs-rights = le porte sotto 1024 richiedono i permessi di amministratore
address-not-here = questo computer non ha questo indirizzo
serve-stopped = l'anteprima si è fermata: { $error }

## sito check

check-errors = { $count ->
        [one] 1 errore
       *[other] { $count } errori
    }
check-warnings = { $count ->
        [one] 1 avviso
       *[other] { $count } avvisi
    }
check-files = { $count ->
        [one] 1 file
       *[other] { $count } file
    }
check-site = (sito)
check-does-not-build = controllo: { $errors }; il sito non si genera, quindi non è stato controllato altro
check-clean = controllo: nessun problema in { $entries } pagine e sezioni e { $links } collegamenti
check-summary = controllo: { $errors }, { $warnings } in { $files }

## File di contenuto e regole

orphan-translation = questa è una traduzione, ma il suo originale content/{ $original } non esiste
orphan-translation-hint = create content/{ $original }, oppure, se la pagina esiste solo in questa lingua, aggiungete `translate = false` alla sua intestazione
orphan-renamed-hint = se content/{ $original } è stato rinominato content/{ $renamed }, rinominate anche questo file content/{ $to }; se la pagina esiste solo in questa lingua, aggiungete `translate = false` alla sua intestazione
draft-original = questa pagina è una bozza, ma la sua traduzione content/{ $translation } no: una traduzione non può essere pubblicata senza il suo originale
draft-original-hint = aggiungete `draft = true` anche a content/{ $translation }, oppure togliete `draft = true` da qui quando la pagina è pronta
page-in-bundle = una pagina non può stare dentro la cartella di un'altra pagina
page-in-bundle-hint = content/{ $bundle }/ è la cartella di una pagina (contiene index.md); spostate questo file accanto alla cartella, oppure fate della cartella una sezione rinominando index.md in _index.md
default-language-suffix = `.{ $code }.md` indica la lingua principale del sito
default-language-suffix-hint = i file nella lingua principale ({ $code }) non hanno il suffisso della lingua: rinominate il file togliendo `.{ $code }`
unknown-language-file = la lingua `{ $code }` (dal nome del file) non è tra quelle del sito in site.toml
unknown-language-file-hint = le lingue del sito sono: { $languages }; aggiungete `[languages.{ $code }]` a site.toml, oppure, se il punto fa parte del nome, usate un trattino
missing-alt = questa immagine non ha il testo alternativo: `{ $dest }`
missing-alt-hint = descrivete l'immagine tra le parentesi quadre, `![Logo del C40](c40.svg)`, per chi non può vederla
empty-link = questo collegamento non ha testo: `{ $dest }`
empty-link-hint = scrivete tra le parentesi quadre dove porta il collegamento: `[C40](@/reti/c40.md)`
heading-skip = questo titoletto salta dal livello { $previous } al livello { $level }
heading-skip-first-hint = il titolo della pagina è il livello 1, quindi cominciate con `{ $wanted }`
heading-skip-hint = usate `{ $wanted }`, così i lettori di schermo e l'indice vedono la struttura giusta
missing-description = questa pagina non ha la `description`
missing-description-hint = aggiungete `description = "…"`, una frase che mostrano i motori di ricerca e le anteprime dei collegamenti
duplicate-title = il titolo «{ $title }» è usato anche da { $first }
duplicate-title-hint = date a ogni pagina un titolo diverso, così si distinguono nei risultati di ricerca e nelle schede del browser

## Caricamento e risoluzione: site.toml, i18n, modelli, shortcode, contenuti

config-not-found = file site.toml non trovato
config-not-found-hint = avviate sito dalla cartella del sito, oppure indicatela con --root; site.toml è stato cercato in { $root }
bad-base-url = `base_url` non è un indirizzo completo http(s): `{ $url }`
bad-base-url-hint = scrivete l'indirizzo a cui il sito sarà pubblicato, per esempio `base_url = "https://example.org/"`
bad-base-url-option = `--base-url` non è un indirizzo completo http(s): `{ $url }`
bad-base-url-option-hint = date l'indirizzo a cui il sito sarà pubblicato, per esempio `--base-url https://example.org/` (senza `?` né `#`); con l'opzione, il `base_url` di `site.toml` non conta
bad-language-code = `{ $code }` non è un codice di lingua
bad-language-code-hint = usate un codice breve come `it`, `en` o `pt-br`
language-without-title = manca il titolo del sito per la lingua `{ $code }`
language-without-title-hint = aggiungete `title = "…"` sotto `[languages.{ $code }]`
bad-taxonomy-name = nome della tassonomia: { $problem }
bad-taxonomy-name-hint = date alla tassonomia un nome fatto di lettere, cifre e trattini: `name = "temi"`
taxonomy-twice = la tassonomia `{ $name }` è elencata due volte
taxonomy-twice-hint = date a ogni tassonomia di una lingua un nome diverso
paginate-by-zero = `paginate_by` deve essere almeno 1
paginate-by-zero-hint = è il numero di pagine elencate in ogni pagina dell'elenco, per esempio `paginate_by = 10`; toglietelo per avere un unico elenco lungo
unknown-host-rules = le regole per l'hosting `{ $rule }` non esistono
choose-among = scegliete tra: { $choices }
bad-theme-name = `{ $theme }` non è un nome valido per la cartella di un tema
bad-theme-name-hint = indicate una cartella dentro themes/, per esempio `theme = "milano"`
image-widths-empty = `widths` è vuoto
image-widths-empty-hint = indicate almeno una larghezza, per esempio `[480, 960, 1440]`
image-width-out-of-range = la larghezza d'immagine { $width } è fuori dai limiti
image-width-out-of-range-hint = le larghezze vanno da 16 a 8192 pixel
image-quality-out-of-range = la qualità d'immagine { $quality } è fuori dai limiti
image-quality-out-of-range-hint = la qualità va da 1 a 100; 80 va bene per le fotografie
i18n-missing-file = mancano i testi dell'interfaccia per `{ $code }`
i18n-missing-file-hint = copiate con questo nome il file di un'altra lingua nella cartella i18n/ e traducetelo
i18n-copied = i18n/{ $code }.toml è una copia di i18n/{ $other }.toml: i suoi testi non sono tradotti
i18n-same-name = i18n/{ $code }.toml chiama la lingua «{ $name }», come fa i18n/{ $other }.toml
i18n-copied-hint = traducete il file per `{ $code }`, cominciando da `language_name`, il nome della lingua nella lingua stessa, che il selettore delle lingue mostra (`language_name = "Français"` per `fr`)
i18n-bad-value = `{ $key }` deve essere un testo o un elenco di testi
i18n-bad-value-hint = scrivete `{ $name } = "…"`
i18n-missing-key = manca `{ $key }` (i18n/{ $other }.toml ce l'ha)
i18n-missing-key-hint = aggiungete `{ $name } = "…"`, tradotto
i18n-missing-key-hint-in = aggiungete `{ $name } = "…"` sotto `[{ $table }]`, tradotto
i18n-date-names = per scrivere le date, il file i18n deve avere `{ $key }`, un elenco di { $count } nomi
unknown-date-code = il codice di formato data `%{ $code }` non esiste
no-themes-hint = create il tema dentro themes/, oppure togliete `theme` da site.toml per usare i modelli di templates/
themes-available = i temi disponibili sono: { $themes }
missing-theme = il tema `{ $theme }` non esiste (manca la cartella themes/{ $theme })
no-templates = non c'è nessun modello (template)
no-templates-hint = sono state controllate le cartelle { $folders }; in site.toml indicate con `theme` una cartella dentro themes/
word-and = e
template-error-hint = correggete il modello (o il valore che legge); la sintassi di Tera è descritta qui: https://keats.github.io/tera/docs/
zola-function = `{ $name }` è una funzione di Zola; in sito è `{ $instead }` (docs/templates.md, «Functions and filters»)
zola-function-none = `{ $name }` è una funzione di Zola, che sito non ha (docs/templates.md, «Coming from Zola»)
zola-config = il `config` di Zola in sito è `site`: `site.extra`, `site.base_url`, `site.title` (docs/templates.md, «Template context»)
template-syntax = errore di sintassi nel modello: { $expected }
template-syntax-invalid = errore di sintassi nel modello
cannot-read-file = impossibile leggere questo file: { $error }
no-content-folder = manca la cartella content/
no-content-folder-hint = create content/_index.md per la home page (oppure indicate la cartella del sito con --root)
changed-while-reading = questo file è cambiato mentre sito lo leggeva
changed-while-reading-hint = generate di nuovo il sito quando il programma che lo sta salvando ha finito
symlink-outside = questo collegamento simbolico porta fuori dal sito
symlink-outside-hint = copiate il file nel sito invece di collegarlo
file-name-not-text = il nome di questo file non è un testo valido
file-name-not-text-hint = rinominate il file usando lettere, cifre e trattini
markdown-extension-case = questo file finisce con `.{ $ext }`: sito legge le pagine dai file che finiscono con `.md`, in minuscolo
markdown-extension-case-hint = rinominatelo `{ $name }`
symlink-loop = questo collegamento simbolico forma un ciclo (riporta a { $ancestor }, che lo contiene)
symlink-loop-hint = eliminate il collegamento, oppure fatelo puntare a una cartella che non lo contiene
symlink-file-loop = questo collegamento simbolico riporta a sé stesso, direttamente o attraverso altri collegamenti
symlink-file-loop-hint = eliminate il collegamento, oppure fatelo puntare a un file che esiste
symlink-dangling = questo collegamento simbolico non porta a niente ({ $target } non esiste)
symlink-dangling-hint = eliminate il collegamento, oppure fatelo puntare a un file che esiste (il file è stato rinominato o spostato?)
cannot-read-entry = impossibile leggere questo file o cartella ({ $error })
cannot-read-entry-hint = controllate che esista e che abbiate il permesso di leggerlo
not-markdown = non è un file Markdown
toml-syntax = { $what }: { $problem }
toml-wrong-type = valore del tipo sbagliato ({ $found }): serve { $wanted }
toml-unknown-value = valore sconosciuto { $written }: i valori possibili sono { $allowed }
toml-bad-date = data o ora non valida
toml-value-not-for = `{ $key }` non accetta questo valore
toml-problem-needs = { $problem }: serve { $expected }
toml-bad-string = testo tra virgolette non chiuso o non valido
toml-no-opening-quote = manca la virgoletta di apertura
toml-no-value = chiave senza valore
toml-unquoted = il testo va scritto tra virgolette
toml-unclosed-list = lista non chiusa
toml-unclosed-inline-table = tabella tra graffe non chiusa
toml-unclosed-table = intestazione di tabella non chiusa
toml-list-comma = manca una virgola tra gli elementi della lista
toml-no-assignment = manca `=` tra la chiave e il valore
toml-bad-key = nome di chiave non valido
toml-unexpected = testo inatteso su questa riga
toml-duplicate-key = chiave scritta due volte
toml-want-text = testo tra virgolette
toml-want-newline = un a capo
toml-want-value = un valore
toml-kind-boolean = il valore logico
toml-kind-text = il testo
toml-kind-integer = il numero intero
toml-kind-decimal = il numero decimale
toml-kind-list = la lista
toml-kind-table = la tabella
toml-want-list = una lista
toml-want-boolean = `true` o `false`
toml-want-string = un testo tra virgolette
toml-want-integer = un numero intero
toml-want-table = una tabella
cannot-read-file-hint = controllate che il file esista e che abbiate il permesso di leggerlo
what-extra-schema = schema dei campi [extra] del tema
what-interface-strings = testi dell'interfaccia
what-shortcode-schema = schema dello shortcode
paginate-by-zero-page-hint = è il numero di pagine elencate in ogni pagina dell'elenco, per esempio `paginate_by = 10`; toglietelo per avere un unico elenco
value-kind = { $kind ->
          [text] un testo
          [integer] un numero intero
          [float] un numero decimale
          [boolean] `true` o `false`
         *[list] un elenco
      }
shortcode-unclosed = lo shortcode `{ $name }` non è mai chiuso
shortcode-unclosed-hint = uno shortcode con un contenuto finisce con `{ "{" }% end %{ "}" }`; per usarlo senza contenuto, scrivete `{ "{{" } … { "}}" }`
stray-end = `{ "{" }% end %{ "}" }` non chiude nessuno shortcode
stray-end-hint = toglietelo, oppure aprite lo shortcode più sopra con `{ "{" }% nome(…) %{ "}" }`; per mostrarlo come testo, scrivete `{ "{" }%/* end */%{ "}" }`
bare-open = `{ "{" }% { $name } %{ "}" }` apre lo shortcode `{ $name }` senza parentesi, quindi il `{ "{" }% end %{ "}" }` più sotto non chiude nulla
bare-open-hint = scrivete `{ "{" }% { $name }() %{ "}" }`, con gli eventuali argomenti tra le parentesi
bare-call = `{ "{{" } { $name } { "}}" }` non ha le parentesi, quindi la pagina lo mostrerebbe così come è scritto, invece dello shortcode `{ $name }`
bare-call-hint = scrivete `{ "{{" } { $name }(…) { "}}" }`, con gli argomenti tra le parentesi; per mostrare la chiamata come testo, scrivete `{ "{{" }/* { $name } */{ "}}" }`
shortcode-call = la chiamata dello shortcode `{ $name }` { $problem }
call-not-an-argument = contiene qui qualcosa che non è un argomento
call-not-an-argument-hint = scrivete gli argomenti come `nome=valore`, separati da virgole
call-needs-equals = richiede `=` dopo l'argomento `{ $name }`
call-needs-equals-hint = gli argomenti hanno un nome: `nome="testo"`, `n=3`, `flag=true`
call-needs-comma = richiede `,` tra gli argomenti, oppure `)` dopo l'ultimo
call-needs-comma-hint = per esempio `{ "{{" } figure(src="a.jpg", alt="…") { "}}" }`
call-needs-close = richiede `{ $close }` dopo `)`
call-needs-close-hint = chiudete la chiamata con `{ $close }`
call-ends-before-value = finisce prima del valore
call-ends-before-value-hint = date un valore all'argomento: `"testo"`, un numero, `true`, `false` o un elenco
call-unclosed-text = ha un testo che comincia qui e non è mai chiuso: aggiungete il { $quote } di chiusura
call-unclosed-text-hint = il testo va tra virgolette: `title="…"`
call-nested-too-deeply = ha elenchi con troppi livelli uno dentro l'altro
call-nested-too-deeply-hint = usate meno livelli di parentesi
call-list-needs-comma = ha un elenco a cui serve `,` tra un elemento e l'altro, o `]` alla fine
call-list-needs-comma-hint = scrivete gli elenchi così: `[1, 2, 3]`
call-bad-value = ha un valore che non è valido: `{ $value }`
call-bad-value-hint = il testo va tra virgolette (`kind="info"`); numeri, `true` e `false` senza
shortcode-two-templates = lo shortcode `{ $name }` ha due modelli
shortcode-two-templates-hint = tenetene uno solo tra { $first } e { $second }
schema-without-template = c'è uno schema per `{ $name }`, che però non ha un modello
schema-without-template-hint = aggiungete accanto shortcodes/{ $name }.html (o .md), oppure eliminate lo schema
reserved-argument = `{ $name }` non può essere un argomento: i modelli degli shortcode hanno già un `{ $name }`
reserved-argument-hint = rinominate l'argomento; questi nomi sono già usati: { $names }
argument-value-wrong-type = l'argomento `{ $name }` è { $ty }, ma { $value } non lo è
argument-value-wrong-type-hint = date a `default` e `values` il tipo dell'argomento
site-not-found = non c'è site.toml né in { $folder } né in una delle cartelle che la contengono
site-not-found-hint = avviate sito dalla cartella del sito (quella che contiene site.toml) o da una cartella al suo interno, oppure indicatela con --root CARTELLA
zola-config-hint = questa cartella contiene `config.toml`, il file di impostazioni di Zola: sito legge le impostazioni da `site.toml` (docs/templates.md, «Coming from Zola» e «site.toml»)
cannot-open-root = impossibile aprire la cartella del sito { $folder }: { $error }
cannot-open-root-hint = --root indica la cartella che contiene site.toml
term-no-letters = il termine `{ $term }` non contiene lettere né cifre
term-no-letters-hint = un termine diventa un indirizzo (`/temi/clima/`): scrivetelo con lettere o cifre
unknown-taxonomy = la lingua `{ $lang }` non ha la tassonomia `{ $name }`
taxonomy-other-language = `{ $name }` è il nome della tassonomia in `{ $other }`: le pagine in `{ $lang }` la chiamano `{ $here }`
declare-taxonomy-hint = dichiaratela in site.toml: `taxonomies = [{ "{" } name = "{ $name }" { "}" }]` (per `{ $lang }`: sotto `[languages.{ $lang }]`, se non è la lingua principale)
taxonomies-of = le tassonomie di `{ $lang }` sono: { $names }
key-under-taxonomies = `{ $name }` è un'impostazione della pagina, ma scritta dopo la riga `[taxonomies]` finisce dentro quella tabella: spostatela sopra `[taxonomies]` (e sopra `[extra]`)
key-under-extra = `{ $name }` è un'impostazione della pagina, ma scritta dopo la riga `[extra]` finisce dentro quella tabella: spostatela sopra `[extra]`
undeclared-term = `{ $term }` non è tra i termini dichiarati di `{ $taxonomy }`: avrebbe una pagina tutta sua
undeclared-term-hint = i termini dichiarati sono: { $terms }; oppure aggiungete `{ $term }` ai `terms` della tassonomia in site.toml
default-has-no-taxonomy = la lingua principale non ha la tassonomia `{ $name }`
default-has-no-taxonomy-hint = chiamate la tassonomia come fa la lingua principale: `[languages.en.translations.temi] clima = "climate"`
term-pair-no-letters = `{ $from }` = `{ $to }`: un termine deve contenere lettere o cifre
menu-entry = voce di menu `{ $name }`: { $problem }
menu-entry-hint = fate puntare `path` a un file che esiste dentro content/, per esempio "@/reti/_index.md"
alias-not-a-path = l'indirizzo alternativo `{ $alias }` non è un percorso di questo sito
alias-not-a-path-hint = scrivete l'indirizzo alternativo come percorso completo su questo sito, per esempio `aliases = ["/vecchia-pagina/"]`
alias-is-page = l'indirizzo alternativo `{ $alias }` è l'indirizzo di content/{ $file }
alias-is-page-hint = togliete l'indirizzo alternativo: a quell'indirizzo c'è già una pagina
alias-is-static = l'indirizzo alternativo `{ $alias }` è l'indirizzo del file statico { $output }
alias-is-static-hint = togliete l'indirizzo alternativo
alias-twice = `{ $alias }` è anche un indirizzo alternativo di content/{ $file }
alias-twice-hint = un vecchio indirizzo può rimandare a una sola pagina: toglietelo da una delle due
missing-template = il modello `{ $template }` non esiste
missing-template-did-you-mean = forse intendevate `{ $suggestion }`? (indicato da `{ $key }`)
templates-available = i modelli disponibili sono: { $templates }
missing-taxonomy-template = il tema non ha `{ $template }` per la tassonomia `{ $name }`
missing-taxonomy-template-hint = aggiungete templates/{ $template }, oppure templates/{ $name }/{ $kind }.html solo per questa tassonomia
theme-lacks = il tema non ha `{ $template }`
theme-lacks-hint = aggiungete templates/{ $template } al tema
language-without-home = la lingua `{ $lang }` non ha la home page: content/{ $file } non esiste
language-without-home-hint = il selettore delle lingue di ogni pagina porta a /{ $prefix }; create content/{ $file } (una traduzione di content/_index.md), oppure togliete `[languages.{ $lang }]`
duplicate-page = content/{ $first } e content/{ $second } sono la stessa pagina
duplicate-page-hint = una pagina è `nome.md` oppure `nome/index.md` (una cartella), non tutti e due: eliminatene o rinominatene uno
page-at-taxonomy = content/{ $file } verrebbe pubblicato all'indirizzo { $path }, dove c'è già la pagina di una tassonomia
page-at-taxonomy-hint = date alla pagina un altro nome di file o un altro `slug`, oppure rinominate la tassonomia in site.toml
same-address = content/{ $first } e content/{ $second } verrebbero pubblicati tutti e due all'indirizzo { $path }
same-address-hint = date a uno dei due un altro nome di file o un altro `slug`
unknown-shortcode = lo shortcode `{ $name }` non esiste
no-shortcodes-hint = gli shortcode sono modelli in templates/shortcodes/ (NOME.html o NOME.md); questo sito non ne ha
shortcodes-are = gli shortcode disponibili sono: { $names }
argument-twice = l'argomento `{ $name }` è indicato due volte
argument-twice-hint = tenetene uno solo
takes-no-body = lo shortcode `{ $name }` non accetta un contenuto
takes-no-body-hint = usatelo così: `{ "{{" } { $name }(…) { "}}" }`, senza `{ "{" }% end %{ "}" }`
no-such-argument = lo shortcode `{ $name }` non ha l'argomento `{ $arg }`
argument-wrong-type = `{ $arg }` deve essere { $ty }, non { $given }
argument-wants-text-hint = mettete il testo tra virgolette: `nome="…"`
argument-wants-bare-hint = numeri, `true` e `false` vanno scritti senza virgolette; gli elenchi tra `[` e `]`
value-not-allowed = nello shortcode `{ $name }`, `{ $arg }` non può essere { $value }
did-you-mean-text = forse intendevate "{ $suggestion }"?
choose-one-of = scegliete uno di questi valori: { $values }
missing-argument = allo shortcode `{ $name }` manca l'argomento `{ $arg }`
missing-argument-hint = aggiungete `{ $arg }=…`
missing-argument-hint-what = aggiungete `{ $arg }=…` ({ $description })
takes-no-arguments = lo shortcode `{ $name }` non ha argomenti
takes-arguments = gli argomenti dello shortcode `{ $name }` sono: { $args }
pager-segment = `{ $key }` deve essere un solo pezzo di indirizzo, non `{ $segment }`
pager-segment-hint = lettere minuscole, cifre e trattini, per esempio `path = "pagina"` sotto `[pagination]`
invisible-name = { $code ->
          [u00a0] U+00A0, lo spazio non separabile
          [u202f] U+202F, lo spazio stretto non separabile
          [u200b] U+200B, lo spazio di larghezza zero
         *[ufeff] U+FEFF, lo spazio non separabile di larghezza zero
      }

# (fine)

## Generazione, controllo, pubblicazione, anteprima e riga di comando

built-reused = ; { $count ->
        [one] 1 pagina invariata
       *[other] { $count } pagine invariate
    } dalla generazione precedente, non rigenerate
built-images = { "; " }immagini: { $encoded ->
        [one] 1 convertita
       *[other] { $encoded } convertite
    }, { $cached ->
        [one] 1 presa
       *[other] { $cached } prese
    } dalla cache
template-data-site = impossibile preparare i dati del sito per i modelli: { $error }
output-unfinished = impossibile finire di scrivere { $out }: { $error }
output-unfinished-hint = controllate lo spazio libero sul disco e i permessi, poi generate di nuovo il sito
output-not-applied = il sito non è stato scritto in { $out }: { $error }
output-refuse = il sito non viene scritto in { $out }: { $why }
output-refuse-hint = scegliete una cartella nuova o creata da sito, per esempio `--output-dir public`
output-not-plain-name = non è un semplice nome di cartella
output-holds-sources = contiene i file sorgente del sito stesso
output-inside-sources = è dentro `{ $source }` del sito
output-not-folder-name = `{ $out }` non è un nome di cartella
output-parent-is-file = impossibile creare la cartella del sito pubblicato { $out }: { $file } è un file, non una cartella; scegliete un altro --output-dir oppure spostate quel file
cannot-create = impossibile creare { $path }: { $error }
cannot-create-lock = impossibile creare il file di blocco { $path }: { $error }
output-waiting = si attende che finisca un altro `sito build` che sta scrivendo in { $out }…
cannot-lock = impossibile bloccare { $path }: { $error }
manifest-unreadable = impossibile leggere che cosa ha pubblicato la generazione precedente ({ $error }); eliminate quel file per ricominciare da capo
output-not-a-folder = { $out } esiste e non è una cartella
output-replaced = { $out } è stata rimossa o sostituita mentre il sito veniva generato; non vi è stato spostato nulla
output-not-ours = { $out } esiste già e non è stata creata da sito, quindi sito non ne sostituisce i file; scegliete un altro --output-dir, svuotate la cartella oppure aggiungete --force
cannot-clear = impossibile svuotare { $path }: { $error }
two-outputs = due file diversi verrebbero scritti in { $rel }
host-rules-own-file = `{ $file }` e `host_rules = ["{ $rule }"]` scrivono entrambi `{ $rel }`
host-rules-own-file-hint = tenetene uno: cancellate il vostro file (sito vi scrive i reindirizzamenti e le regole per la pagina 404), oppure togliete `"{ $rule }"` da `host_rules` in `site.toml` e tenete le vostre regole
not-a-beside-name = `{ $name }` non è un nome valido per un file accanto alla cartella del sito pubblicato
cannot-write-in = impossibile scrivere in { $path }: { $error }
mark-summary = { $marked ->
        [one] 1 traduzione segnata
       *[other] { $marked } traduzioni segnate
    }, { $current ->
        [one] 1 già aggiornata
       *[other] { $current } già aggiornate
    }{ $skipped ->
        [0] {""}
        [one] , 1 non aggiornata tralasciata
       *[other] , { $skipped } non aggiornate tralasciate
    }
mark-commit = registrate (commit) i file segnati insieme alla cartella { $snapshots }/, con cui `sito check` li confronta
mark-left-out = tralasciata { $translation }: { $original } è cambiato da quando è stata segnata; aggiornatela, poi eseguite `sito translations --mark { $translation }`
mark-marked = segnata { $translation } come traduzione di { $original } ({ $hash })
mark-changed = questo file è cambiato da quando sito lo ha letto, quindi non è stato segnato
mark-changed-hint = è stato salvato nel frattempo e resta così com'è: eseguite di nuovo `sito translations --mark { $translation }`
cannot-write-file = impossibile scrivere questo file: { $error }
changed-while-written = è cambiato mentre veniva scritto
snapshot-unsaved = impossibile salvare la copia { $snapshot }: { $error }
site-folder-writable-hint = controllate che nella cartella del sito si possa scrivere
mark-not-an-entry = { $file } non è una pagina né una sezione di questo sito
mark-not-an-entry-hint = indicate una traduzione dentro content/, per esempio content/reti/c40.en.md
mark-bundle-hint = questa pagina sta in una cartella: il suo file è { $file }
move-into-folder = il file sta nella cartella dell'originale, i cui file sono pubblicati solo accanto alle pagine che contiene: spostate content/{ $file } nella cartella, come content/{ $to }
mark-no-original = { $file } non ha un originale rispetto a cui segnarla
mark-no-original-hint = si possono segnare solo le traduzioni di un file nella lingua principale del sito
mark-no-translations = { $file } non ha traduzioni da segnare
missing-translation = { $what ->
        [section] questa sezione
       *[page] questa pagina
    } non ha la traduzione in `{ $code }` ({ $expected })
missing-translation-hint = traducetela in { $expected }, oppure, se deve esistere in una lingua sola, aggiungete `translate = false` all'intestazione di questo file
stale-translation = non aggiornata: { $original } è cambiato da quando questa traduzione è stata segnata
stale-translation-hint = aggiornate la traduzione con le modifiche qui sotto, poi eseguite `{ $mark }`
stale-no-snapshot-hint = il testo rispetto a cui era stata segnata ({ $snapshot }) non c'è più, quindi non si può mostrare che cosa è cambiato; confrontate con la cronologia di { $original }, aggiornate la traduzione, poi eseguite `{ $mark }`
translations-title = Traduzioni
translations-to-translate = ({ $count ->
        [one] 1 pagina o sezione
       *[other] { $count } pagine e sezioni
    } in `{ $lang }` previste anche nelle altre lingue)
translations-row = { $current ->
        [one] 1 aggiornata
       *[other] { $current } aggiornate
    }, { $missing ->
        [one] 1 mancante
       *[other] { $missing } mancanti
    }, { $stale ->
        [one] 1 non aggiornata
       *[other] { $stale } non aggiornate
    }, { $unmarked ->
        [one] 1 non segnata
       *[other] { $unmarked } non segnate
    }
translations-missing = mancante
translations-stale = non aggiornata
translations-unmarked = non segnata
translation-of = traduzione di { $original }
original-changed = { $original } è cambiato
translations-site-errors = il sito contiene errori: correggeteli, poi eseguite di nuovo `sito translations`
translations-files-without-mark = nota: i nomi di file valgono solo con `--mark` (`sito translations --mark FILE`); nulla è stato segnato, e il prospetto qui sopra riguarda tutte le traduzioni
changed-since-marked = { $original } è cambiato da quando { $translation } è stata segnata:
no-snapshot = (in .sito/originals/ non c'è la copia della versione segnata)
translations-mark-note = Quando una traduzione è aggiornata, `sito translations --mark FILE` lo registra, così le modifiche successive al suo originale compaiono qui.
external-link = collegamento esterno { $why }: { $dest }
external-link-hint = aprite l'indirizzo in un browser; aggiornatelo, oppure collegate una copia archiviata
external-unreachable = non raggiungibile ({ $error })
external-answered = con risposta { $status }
string-undefined = il testo dell'interfaccia `{ $key }` non è definito in { $files }
string-unused = il testo dell'interfaccia `{ $key }` non è usato da nessun modello
string-unused-hint = toglietelo da { $files }, oppure usatelo in un modello con t(key="{ $key }")
string-add-hint = aggiungete `{ $name } = "…"` a { $files }, tradotto in ogni lingua
string-add-under-hint = aggiungete `{ $name } = "…"` sotto `[{ $table }]` in { $files }, tradotto in ogni lingua
fn-not-a-language = `{ $code }` non è una lingua di questo sito
fn-lang-not-code = `lang` deve essere il codice di una lingua, non { $value }
fn-needs-text = `{ $function }` ha bisogno di un argomento di testo `{ $name }`, per esempio { $function }({ $name }="…")
fn-unknown-string = il testo dell'interfaccia `{ $key }` non esiste: aggiungetelo a i18n/{ $code }.toml (e ai file delle altre lingue)
fn-not-kind = `{ $path }` non è { $kind ->
        [section] una sezione
       *[page] una pagina
    }
fn-no-taxonomy = in `{ $lang }` non esiste la tassonomia `{ $kind }` (le sue tassonomie: { $count ->
        [0] nessuna
       *[other] { $names }
    })
fn-asset-missing = `asset` non trova il file statico `{ $path }` (cercato in static/ e in static/ del tema)
fn-env-missing = la variabile d'ambiente `{ $name }` non è impostata: impostatela, oppure indicate a `get_env` un valore `default`
keep-not-held = { $rel } non è più come l'ha lasciato la generazione precedente
fn-image-missing = `image` non trova `{ $path }`: indicate un file di una pagina a partire da content/ (`notizie/c40/foto.jpg`) oppure un file statico a partire dalla cartella principale del sito (`/img/logo.png`)
fn-width-not-number = `width` deve essere un numero di pixel, non { $value }
fn-date-not-text = il filtro `date` ha bisogno di una data scritta come testo, per esempio "2024-05-31", non { $value }
fn-date-argument = il filtro `date` accetta `format` e `lang`, non `{ $name }`: le date si mostrano come sono scritte, nel loro fuso orario
cannot-write = impossibile scrivere { $rel }: { $error }
cannot-write-hint = controllate che nella cartella del sito pubblicato si possa scrivere e che il disco non sia pieno
template-data-page = impossibile preparare i dati della pagina per i modelli: { $error }
while-rendering = durante la generazione di { $file }
while-rendering-404 = durante la generazione della pagina 404
pages-fail-example = { $count } pagine non si generano, per esempio { $file }
pages-fail = { $count } pagine non si generano
shortcode-failed = lo shortcode `{ $name }` non funziona: { $error } (in { $at })
shortcode-failed-hint = controllate i valori che questo shortcode riceve; se sono giusti, correggete il modello in { $at }
shortcode-needs-body-hint = `{ $name }` serve a racchiudere un testo: scrivete `{ "{" }% { $name }(…) %{ "}" }`, il testo, poi `{ "{" }% end %{ "}" }`
image-alt-hint = descrivetela tra le parentesi quadre, `![Il sindaco al vertice C40]({ $dest })`; solo se è puramente decorativa, scrivete `![]({ $dest } "decorativa")`
image-unreadable = impossibile usare l'immagine { $file }: { $why }
image-unreadable-hint = salvate di nuovo l'immagine come JPEG, PNG o WebP (oppure correggete il nome del file)
image-too-large = l'immagine { $file } è troppo grande: { $why }
image-too-large-hint = esportatela più piccola (per il web bastano 3000 pixel di larghezza) e usate quel file
image-cannot-read = non si riesce a leggerla: { $error }
image-file-too-large = il file è di { $mb } MB; il limite è 20 MB
image-unknown-format = formato sconosciuto
image-not-readable-as = non si riesce a leggerla come { $format }: { $error }
image-too-many-pixels = è di { $width } × { $height } pixel; il limite è 40 milioni di pixel
image-not-encoded = non si riesce a convertirla in { $format }: { $error }
svg-not-utf8 = un SVG deve essere testo UTF-8
svg-unreadable = non è un SVG leggibile: { $error }
svg-wrong-root = il suo elemento principale è <{ $root }>, non <svg>
robots-under-sub-path = robots.txt verrebbe pubblicato in { $path }robots.txt, dove i motori di ricerca non lo leggono mai
robots-under-sub-path-hint = i motori di ricerca leggono robots.txt solo nella cartella principale del dominio: aggiungete le regole (e l'indirizzo della sitemap) a quel file, e qui impostate `robots = false`
search-index-failed = impossibile creare l'indice della ricerca: { $error }
search-index-failed-hint = generate di nuovo il sito; se non riesce ancora, impostate `search = false` in site.toml e segnalate questo messaggio
serve-cannot-listen-hint = scegliete un'altra porta con --port, oppure fermate il programma che usa questa
serve-cannot-watch = impossibile tenere d'occhio i file del sito in { $root }: { $error }
serve-cannot-watch-hint = su Linux, se il limite è stato raggiunto, aumentate fs.inotify.max_user_watches (sysctl)
serve-lost-events = alcune modifiche ai file sono andate perse; si rileggono tutti i file
serve-watcher-error = controllo dei file: { $error }
serve-cannot-watch-folder = impossibile tenere d'occhio { $path }: { $error }; le modifiche al suo interno non si vedranno
lock-poisoned = blocco interno non più valido
# (fine)
