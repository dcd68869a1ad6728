# Che cosa vuol dire ogni codice di errore e come risolvere: lo stampa `sito explain CODICE`,
# e docs/diagnostica.md è generato da questo file. Ogni id è `explain-` seguito da un codice
# di src/diag/kind.rs, e ha il suo gemello in explain.en.ftl; altrimenti `cargo test --lib
# diag` fallisce. Le graffe sono di Fluent: una `{` o `}` da mostrare si scrive {"{"} e {"}"}.
# Una riga non può cominciare con `[`, `*` o `.`.

## site.toml e il TOML in generale

explain-E0101 =
    Dove sito ha cercato non c'è nessun site.toml. sito lavora sulla cartella del sito: quella
    che contiene site.toml, content/, themes/ e i18n/. Lanciate sito da quella cartella (o da
    una cartella al suo interno), oppure indicatela con `--root`.

explain-E0102 =
    Un file TOML (site.toml, l'intestazione di una pagina tra le righe `+++`, oppure un file dei
    testi dell'interfaccia in i18n/) non si riesce a leggere: un valore è scritto nel modo
    sbagliato o è del tipo sbagliato. I testi vanno tra virgolette doppie diritte
    (`title = "C40"`), i numeri e `true`/`false` senza virgolette, le date così: `2024-05-31`,
    gli elenchi tra parentesi quadre (`aliases = ["/vecchia/"]`).

explain-E0103 =
    Il nome di un'impostazione non è tra quelli che sito conosce: di solito è un errore di
    battitura (`wieght` invece di `weight`). Il suggerimento indica l'impostazione più simile,
    oppure elenca quelle ammesse in quel punto. I valori liberi, vostri, vanno sotto `[extra]`.

explain-E0104 =
    `base_url` in site.toml deve essere l'indirizzo completo a cui il sito è pubblicato, che
    comincia con `https://` o `http://`, per esempio `base_url = "https://example.org/"` oppure,
    in una sottocartella, `"https://example.org/intl/"`.

explain-E0105 =
    Un codice di lingua in site.toml (`default_language`, oppure una tabella `[languages.xx]`)
    non è un codice di lingua: usate un codice breve, in minuscolo, come `it`, `en` o `pt-br`.

explain-E0106 =
    Ogni lingua del sito ha bisogno di un titolo (il nome del sito in quella lingua): aggiungete
    `title = "…"` sotto `[languages.xx]` in site.toml.

explain-E0107 =
    `host_rules` in site.toml indica le configurazioni per il server che sito sa scrivere:
    `netlify`, `apache` o `nginx`.

explain-E0108 =
    `theme` in site.toml deve essere il nome di una cartella dentro themes/ (lettere, cifre e
    trattini), per esempio `theme = "milano"`.

## Leggere i file

explain-E0201 =
    sito non è riuscito a leggere o a scrivere un file: forse il file non esiste, oppure non
    avete i permessi. Il messaggio riporta il motivo indicato dal sistema.

explain-E0202 =
    Il file non è salvato come testo UTF-8, la codifica che sito legge. I programmi di
    videoscrittura e gli editor più vecchi spesso salvano nella codifica di Windows (Latin-1):
    salvate di nuovo il file scegliendo UTF-8 (nella maggior parte degli editor: Salva con nome…
    → Codifica: UTF-8).

explain-E0203 =
    Il file è cambiato mentre sito lo leggeva (un editor o un programma di sincronizzazione lo
    stava salvando), quindi sito potrebbe averne letto solo una parte. Generate di nuovo il sito
    quando il salvataggio è finito.

explain-E0204 =
    Un collegamento simbolico dentro content/ gira in tondo, non porta a nulla oppure porta
    fuori dal sito. sito segue solo i collegamenti che restano dentro la cartella del sito:
    copiate il file nella cartella.

explain-E0205 =
    Il nome di un file non è un testo valido, oppure non è un file Markdown dove ne serviva uno.
    Rinominate il file usando lettere, cifre e trattini.

explain-E0206 =
    Il sito non ha la cartella content/. Create content/_index.md per la home page.

## L'intestazione (front matter)

explain-E0301 =
    Il file di contenuto è vuoto. Ogni file di contenuto comincia con l'intestazione, tra due
    righe `+++`, che contiene almeno il titolo.

explain-E0302 =
    L'intestazione è scritta in YAML (tra righe `---`). sito legge il TOML tra righe `+++`:
    cambiate le due righe in `+++` e scrivete ogni impostazione come `chiave = valore`, con i
    testi tra virgolette doppie.

explain-E0303 =
    Il file non comincia con l'intestazione: la prima riga deve essere `+++`, seguita dalle
    impostazioni (almeno `title = "…"`) e da un'altra riga `+++`.

explain-E0304 =
    L'intestazione comincia con `+++` ma nessuna riga la chiude. Aggiungete una riga con solo
    `+++` dove finiscono le impostazioni e comincia il testo.

explain-E0305 =
    Ogni pagina e ogni sezione ha bisogno di un titolo: aggiungete `title = "…"` tra le righe
    `+++`, con il titolo tra le virgolette.

explain-E0306 =
    Una data nell'intestazione (`date` o `updated`) non è una data. Scrivetela come
    anno-mese-giorno, senza virgolette: `date = 2024-05-31`, oppure con l'ora:
    `date = 2024-05-31T09:30:00+02:00`.

explain-E0307 =
    Uno `slug` cambia un pezzo dell'indirizzo di una pagina, quindi deve essere un solo pezzo:
    lettere, cifre e trattini, senza `/` e senza `..`, per esempio `slug = "reti"`.

explain-E0308 =
    Un indirizzo alternativo (alias) è un vecchio indirizzo di questa pagina sullo stesso sito,
    dove verrà lasciato un rinvio. Deve cominciare con `/` e non può contenere `..`, `?`, `#` o
    un indirizzo completo `https://`: `aliases = ["/vecchia-pagina/"]`.

explain-E0309 =
    `template` e `page_template` devono indicare un file modello dentro il tema, per esempio
    `template = "network.html"`, senza `..` e senza `/` all'inizio.

## I contenuti nel loro insieme

explain-E0401 =
    Una pagina si trova dentro la cartella di un'altra pagina (una cartella con index.md).
    Quella cartella contiene i file della sua pagina (immagini, documenti): spostate l'altra
    pagina accanto alla cartella, oppure fate della cartella una sezione rinominando index.md in
    _index.md.

explain-E0402 =
    I file nella lingua principale non hanno il suffisso della lingua: `c40.md`, non
    `c40.it.md`. Solo le traduzioni ce l'hanno (`c40.en.md`).

explain-E0403 =
    Il nome di un file finisce con un codice di lingua (`c40.fr.md`) che site.toml non prevede.
    Aggiungete la lingua a site.toml come `[languages.fr]`, oppure, se il punto fa parte del
    nome, usate un trattino.

explain-E0404 =
    Due file sono la stessa pagina: `nome.md` e `nome/index.md` (una pagina con la sua
    cartella). Tenetene uno solo.

explain-E0405 =
    Due pagine verrebbero pubblicate allo stesso indirizzo (di solito per colpa di uno `slug`).
    Date a una delle due un altro nome di file o un altro slug.

explain-E0406 =
    Esiste una traduzione (`c40.en.md`) senza l'originale nella lingua principale (`c40.md`).
    Create l'originale, oppure, per una pagina che esiste in una sola lingua, aggiungete
    `translate = false` alla sua intestazione. Se l'originale è una bozza (`draft = true`) e
    la traduzione no, l'errore è alla riga `draft` dell'originale: rendete bozza anche la
    traduzione, oppure togliete `draft = true` quando l'originale è pronto.

explain-E0408 =
    Una lingua prevista in site.toml non ha la home page, quindi il selettore della lingua di
    ogni pagina porterebbe a un indirizzo che non esiste. Create `content/_index.<codice>.md`
    (una traduzione di `content/_index.md`), oppure togliete la tabella `[languages.<codice>]`.

explain-E0409 =
    Una pagina si trova in una cartella senza `_index.md`, quindi nessuna sezione la elenca:
    viene pubblicata, ma nessuna pagina del sito porta a lei. Aggiungete un `_index.md` alla
    cartella (la cartella diventa una sezione che elenca le sue pagine), spostate la pagina in
    una sezione, oppure collegatela da un'altra pagina.

explain-E0407 =
    Un indirizzo alternativo verrebbe pubblicato dove c'è già qualcos'altro: una pagina, un file
    statico o l'indirizzo alternativo di un'altra pagina. Un vecchio indirizzo può rinviare a
    una sola pagina.

## Temi e modelli

explain-E0501 =
    Il tema indicato in site.toml non esiste, oppure né il tema né il sito hanno modelli. I temi
    stanno in themes/<nome>/templates/; la cartella templates/ del sito ha la precedenza su
    quella del tema.

explain-E0502 =
    Manca un modello che una pagina chiede (con `template` o `page_template`), oppure uno che
    serve a ogni tema (`page.html`, `section.html`).

explain-E0503 =
    Un modello non si riesce a leggere o non funziona: un errore di sintassi, una variabile o
    una funzione che non esiste, oppure un valore del tipo sbagliato. Il messaggio indica il
    file del modello e, quando Tera lo dice, la riga: correggete il modello, oppure il valore
    nei contenuti che il modello legge.

explain-E0504 =
    L'`[extra]` di una pagina non corrisponde ai campi che i modelli del tema leggono, come il
    tema li dichiara nel suo `extra.toml` (`themes/milano/extra.toml`): un campo che nessun
    modello legge (di solito un errore di battitura, `acronimo` invece di `acronym`, il cui
    valore semplicemente non comparirebbe), un valore del tipo sbagliato (un testo dove serve un
    elenco), oppure un campo obbligatorio che manca. Il suggerimento indica il campo più simile
    o dice a che cosa serve il campo; `docs/templates.md` elenca i campi del tema milano.

explain-E0505 =
    L'`extra.toml` di un tema, che dichiara i campi `[extra]` letti dai suoi modelli, non è
    corretto: ogni campo è una tabella `[fields.NOME]` con un `type` (`string`, `integer`,
    `number`, `boolean`, `array` o `any`), e `items` (i campi di ogni tabella dell'elenco) solo
    per un `array`.

## Collegamenti

explain-E0601 =
    Un collegamento o un'immagine porta a qualcosa che il sito non pubblica: un file di
    contenuto che non esiste (`@/reti/c40.md`), un indirizzo di pagina che non viene generato,
    oppure un file che non c'è. È meglio scrivere i collegamenti interni come
    `[C40](@/reti/c40.md)`: indicano il file dentro content/ e portano sempre alla pagina nella
    lingua di chi legge.

explain-E0602 =
    Un collegamento porta a una parte di una pagina (`#storia`) che la pagina non ha. Il pezzo
    dopo `#` è l'id di un titoletto della pagina, ricavato dal suo testo (`## La storia` diventa
    `#la-storia`), a meno che non sia indicato con `{"{"}#id{"}"}`.

explain-E0603 =
    Una pagina porta alla versione nell'altra lingua di una pagina, anche se ne esiste una nella
    sua lingua. Scrivete il collegamento come `@/file.md`, che sceglie sempre la lingua della
    pagina da cui parte.

explain-E0605 =
    Quello che sembra un collegamento o un'immagine ha uno spazio nell'indirizzo
    (`![Sindaco](foto sindaco.png)`). Il Markdown non legge un indirizzo con uno spazio, quindi
    la pagina mostra il testo così com'è scritto. Mettete l'indirizzo tra parentesi angolari,
    `![Sindaco](<foto sindaco.png>)`, oppure rinominate il file senza spazi
    (`foto-sindaco.png`).

explain-E0604 =
    Un collegamento esterno (controllato con `sito check --external`) non ha risposto, oppure ha
    risposto con un errore. Il sito potrebbe essere fuori servizio per poco, oppure l'indirizzo
    potrebbe essere cambiato.

explain-E0606 =
    Un collegamento o un'immagine scritti da un modello (non da un file di content/) puntano a un
    indirizzo dove la generazione non pubblica nulla: un percorso scritto nel modello
    (`<a href="/notizie/">`), oppure composto da pezzi che non formano un indirizzo. Ogni pagina
    HTML prodotta viene letta per trovarne i collegamenti, chiunque li abbia scritti (i file
    HTML copiati da static/ no): quelli dei
    file di content/ sono segnalati alla loro riga (E0601), gli altri qui, con la prima pagina
    che li contiene e il modello che l'ha prodotta. Correggete l'indirizzo nel modello, oppure
    fate ricavare l'indirizzo al modello dalla pagina a cui punta: `url(path="@/reti/_index.md")`.
    Si controlla solo l'indirizzo, non la parte dopo `#`.

## Testi dell'interfaccia

explain-E0701 =
    Una lingua non ha il file dei testi dell'interfaccia (i18n/<codice>.toml). Copiate con quel
    nome il file di un'altra lingua e traducetelo.

explain-E0702 =
    Un testo dell'interfaccia deve essere un testo (`chiave = "…"`) oppure un elenco di testi.

explain-E0703 =
    Un testo dell'interfaccia è definito per una lingua ma non per un'altra, oppure un modello
    usa un testo che nessuna lingua definisce. Aggiungetelo, tradotto, a ogni file in i18n/.

explain-E0704 =
    Un testo dell'interfaccia è definito ma nessun modello lo usa. Toglietelo, oppure usatelo.

explain-E0705 =
    Il file dei testi dell'interfaccia di una lingua è una copia di quello di un'altra lingua,
    oppure dà ancora alla lingua il nome di un'altra (`language_name`): le pagine in quella
    lingua mostrerebbero le parole dell'altra, e il selettore della lingua offrirebbe, per
    esempio, "English" due volte. Traducete il file, cominciando da `language_name` (il nome
    della lingua nella lingua stessa: `Français`).

## Traduzioni

explain-E0801 =
    Una pagina non ha la traduzione in una delle lingue del sito. Aggiungete `nome.<codice>.md`
    accanto alla pagina, oppure `translate = false` se la pagina esiste in una sola lingua.

explain-E0802 =
    L'originale di una traduzione è cambiato dall'ultima volta che la traduzione è stata segnata
    come aggiornata (`sito translations --mark`). Aggiornate la traduzione (il messaggio mostra
    che cosa è cambiato), poi segnatela di nuovo.

explain-E0803 =
    `sito translations --mark FILE` ha ricevuto un file che non è una traduzione di questo sito
    (oppure un originale senza traduzioni).

explain-E0804 =
    `sito translations --mark` non ha segnato una traduzione perché il file è cambiato sul disco
    dopo che sito l'aveva letto (nel frattempo è stato salvato). Segnarla avrebbe cancellato
    quel salvataggio, quindi il file è rimasto com'era: lanciate di nuovo il comando.

## Regole per i contenuti

explain-E0901 =
    Un'immagine non ha il testo alternativo, su cui contano le persone che non possono vederla
    (WCAG 1.1.1): descrivete l'immagine tra le parentesi quadre, `![Logo del C40](c40.svg)`.

explain-E0902 =
    Un collegamento non ha testo, quindi i lettori di schermo possono leggerne solo l'indirizzo:
    scrivete tra le parentesi quadre dove porta, `[C40](@/reti/c40.md)`.

explain-E0903 =
    Un titoletto salta un livello (da `##` a `####`), e questo rompe lo schema della pagina con
    cui si orienta chi usa un lettore di schermo. Il titolo della pagina è il titoletto di
    livello 1, quindi le parti della pagina cominciano da `##`.

explain-E0904 =
    Una pagina non ha `description`, la descrizione che mostrano i motori di ricerca e le
    anteprime dei collegamenti: aggiungete una frase che dica di che cosa parla la pagina.

explain-E0905 =
    Due pagine della stessa lingua hanno lo stesso titolo, e così è difficile distinguerle nei
    risultati di ricerca e nelle schede del browser.

## Shortcode

explain-E1201 =
    La chiamata di uno shortcode non è scritta come sito la legge. Una chiamata è
    `{"{{"} nome(arg="testo", n=3, flag=true, list=[1, 2]) {"}}"}`, oppure, con un contenuto,
    `{"{%"} nome(arg="testo") {"%}"}…{"{%"} end {"%}"}`: gli argomenti hanno un nome e sono separati da virgole,
    i testi tra virgolette, i numeri e `true`/`false` senza. Per mostrare una chiamata come
    testo, scrivete `{"{{"}/* nome() */{"}}"}`.

explain-E1202 =
    Uno shortcode con un contenuto, `{"{%"} nome(…) {"%}"}`, non è seguito da `{"{%"} end {"%}"}` (oppure il suo
    `{"{%"} end {"%}"}` sta dentro un blocco di codice, dove le chiamate sono testo). Aggiungete
    `{"{%"} end {"%}"}` dove il contenuto finisce, oppure, per una chiamata senza contenuto, scrivete
    `{"{{"} nome(…) {"}}"}`.

explain-E1203 =
    Una pagina chiama uno shortcode che né il tema né il sito definiscono. Gli shortcode sono
    modelli in templates/shortcodes/ (NOME.html, oppure NOME.md per uno che scrive Markdown),
    nella cartella del sito o in quella del tema; il suggerimento indica il più simile.
    `docs/shortcodes.md` elenca quelli del tema milano.

explain-E1204 =
    La chiamata di uno shortcode passa un argomento che il suo schema (NOME.toml accanto al
    modello) non dichiara, ne omette uno obbligatorio, oppure gli dà un valore del tipo
    sbagliato o non tra quelli ammessi. Il suggerimento dice che cosa accetta lo shortcode.

explain-E1205 =
    Il modello di uno shortcode non ha funzionato mentre generava una chiamata: il messaggio
    indica il file del modello e la riga dove si è fermato, e l'errore indica la chiamata nei
    contenuti. Spesso la chiamata passa un valore che il modello non si aspetta; altrimenti
    correggete il modello.

explain-E1206 =
    Lo schema di uno shortcode (templates/shortcodes/NOME.toml) non è corretto: indica uno
    shortcode che non ha un modello, dichiara un argomento il cui valore predefinito o i cui
    valori ammessi non sono del suo tipo, oppure usa un nome che ogni shortcode ha già (`body`,
    `page`, `lang`…). Oppure una cartella contiene due modelli per lo stesso shortcode
    (NOME.html e NOME.md).

explain-E1207 =
    Uno shortcode che non accetta un contenuto (il suo schema dice `body = "none"`) viene
    chiamato con un contenuto, `{"{%"} nome() {"%}"}…{"{%"} end {"%}"}`. Chiamatelo come `{"{{"} nome(…) {"}}"}`.

## Tassonomie e paginazione

explain-E1301 =
    Una tassonomia in site.toml non è corretta: il suo `name` diventa un indirizzo (`/temi/`),
    quindi deve avere solo lettere, cifre e trattini, e ogni lingua elenca una tassonomia una
    volta sola. Oppure una tabella `[languages.xx.translations.NOME]` indica una tassonomia che
    la lingua principale non ha, oppure dà a un termine una traduzione senza lettere né cifre.

explain-E1302 =
    Il `[taxonomies]` di una pagina indica una tassonomia che la sua lingua non ha. Ogni lingua
    elenca le sue in site.toml (`taxonomies = [{"{"} name = "temi" {"}"}]`, e
    `[languages.en] taxonomies = [{"{"} name = "topics" {"}"}]`); una pagina in inglese usa il nome
    inglese.

explain-E1303 =
    Un termine di una tassonomia diventa un indirizzo (`/temi/clima/`), quindi gli serve almeno
    una lettera o una cifra.

explain-E1304 =
    Una pagina usa un termine che la sua tassonomia non dichiara (`terms = [...]` in site.toml,
    oppure i termini di `[languages.xx.translations.NOME]`): spesso è un errore di battitura,
    che creerebbe la pagina di un secondo termine con una sola pagina. Usate un termine
    dichiarato (il suggerimento indica il più simile), oppure dichiarate quello nuovo.

explain-E1305 =
    `paginate_by` è il numero di pagine che ogni pagina di un elenco mostra: un numero intero,
    almeno 1. Il pezzo di indirizzo, tradotto, delle pagine successive di un elenco
    (`pagination.path` in i18n/) deve essere un solo pezzo: lettere, cifre e trattini.

## La cartella del sito pubblicato

explain-E1001 =
    sito non scrive il sito in questa cartella: contiene i file sorgente del sito stesso, non
    l'ha creata sito (aggiungete `--force` per sostituirla comunque), oppure non si riesce a
    crearla.

explain-E1002 =
    Un file del sito generato non si è potuto scrivere: controllate che nella cartella del sito
    pubblicato si possa scrivere e che il disco non sia pieno. La versione precedente resta
    com'era.

explain-E1003 =
    La scrittura del sito finito non è riuscita quando alcuni file erano già stati messi al loro
    posto, oppure un altro programma ha rimosso o sostituito la cartella del sito pubblicato
    mentre il sito veniva generato, quindi quella cartella potrebbe essere incompleta. Risolvete
    la causa (spazio su disco, permessi, un altro programma che lavora nella cartella) e generate
    di nuovo il sito.

explain-E1004 =
    Un indirizzo pubblicato dalla generazione precedente non verrebbe più pubblicato: una pagina
    è stata rinominata (`git mv`), spostata, eliminata o resa bozza, oppure è stato tolto un
    indirizzo alternativo. Altri siti, newsletter e materiali stampati rimandano alle pagine del
    Comune, quindi un indirizzo deve continuare a funzionare: aggiungetelo agli `aliases` della
    pagina che la sostituisce (`aliases = ["/reti/efus/"]`), e sito lascia lì un rinvio. Se
    l'indirizzo può sparire, generate il sito una volta con `--allow-removed`. sito ricorda che
    cosa ha pubblicato in un file accanto alla cartella del sito pubblicato
    (`.public.sito-build`).

explain-E1005 =
    Il sito è pubblicato in una sottocartella (`base_url = "https://host/intl/"`), quindi il suo
    robots.txt sarebbe in /intl/robots.txt; i motori di ricerca leggono robots.txt solo alla
    radice del server, /robots.txt. Mettete le regole, e l'indirizzo della mappa del sito, nel
    robots.txt del server e scrivete `robots = false` in site.toml.

## Immagini

explain-E1501 =
    Un valore sotto `[images]` in site.toml è fuori dall'intervallo ammesso: `widths` elenca una
    o più larghezze da 16 a 8192 pixel (`widths = [480, 960, 1440]`), `quality` va da 1 a 100.

explain-E1502 =
    Un'immagine Markdown non ha il testo alternativo, su cui contano le persone che non possono
    vederla (WCAG 1.1.1), quindi la generazione si ferma. Descrivete l'immagine tra le parentesi
    quadre: `![Il sindaco al vertice C40](foto.jpg)`. Un'immagine solo decorativa (un bordo, un
    fregio) ha un testo alternativo vuoto solo se lo dite voi: `![](fregio.png "decorativa")` (o `"decorative"`).

explain-E1503 =
    Un'immagine mostrata da una pagina non si riesce a leggere come immagine: il file è
    danneggiato, non è nel formato che dice il suo nome (un `.jpg` che in realtà è un PDF o una
    pagina HTML), oppure è in un formato che sito non ridimensiona. sito legge JPEG, PNG e WebP,
    e pubblica gli SVG così come sono; salvate di nuovo l'immagine come JPEG o PNG.

explain-E1504 =
    Un'immagine è più grande di quanto sito accetti di aprire: più di 20 MB sul disco o più di
    40 milioni di pixel (una foto di 8000 × 5000). Un file così o è molto più grande di quanto
    serva a una pagina web, o è una "bomba di decompressione", un file piccolo che si espande
    fino a occupare gigabyte. Esportatela in un formato più piccolo (3000 pixel di larghezza
    bastano) e usate quella.

## Ricerca

explain-E1401 =
    sito non è riuscito a creare l'indice della ricerca (`search = true` in site.toml) con
    Pagefind; il messaggio riporta il motivo indicato da Pagefind. Generate di nuovo il sito; se
    continua a non riuscire, scrivete `search = false` per pubblicare senza ricerca e segnalate
    il messaggio.

## L'anteprima

explain-E1101 =
    `sito serve` non è riuscito a mettersi in ascolto sull'indirizzo e sulla porta richiesti:
    forse un altro programma sta usando la porta. Sceglietene un'altra con `--port`.

explain-E1102 =
    `sito serve` non è riuscito a tenere d'occhio i file del sito, quindi le modifiche non
    comparirebbero. Il messaggio riporta il motivo indicato dal sistema (su Linux, spesso il
    limite di inotify: aumentate fs.inotify.max_user_watches).

explain-E1103 =
    L'anteprima si è fermata per un errore da cui non è riuscita a riprendersi; il messaggio
    riporta il motivo. Lanciate di nuovo `sito serve`.
