# What each diagnostic code means and how to fix it: `sito explain CODE` prints it, and
# docs/diagnostics.md is generated from this file. Each id is `explain-` and a code of
# src/diag/kind.rs, and has its twin in explain.it.ftl; otherwise `cargo test --lib diag`
# fails. Braces are Fluent's: a literal `{` or `}` is written {"{"} and {"}"}. A line may not
# start with `[`, `*` or `.`.

## site.toml and TOML in general

explain-E0101 =
    There is no site.toml where sito looked. sito works on a site folder: the folder that holds
    site.toml, content/, themes/ and i18n/. Run sito from that folder (or any folder inside it),
    or name it with `--root`.

explain-E0102 =
    A TOML file (site.toml, a page's front matter between `+++` lines, or an interface-strings
    file in i18n/) cannot be read: a value is written the wrong way or has the wrong type. Text
    goes between straight double quotes (`title = "C40"`), numbers and `true`/`false` without
    quotes, dates as `2024-05-31`, lists between square brackets (`aliases = ["/old/"]`).

explain-E0103 =
    A setting's name is not one sito knows, usually a typo (`wieght` for `weight`). The hint
    names the closest known setting, or lists the settings allowed in that place. Free values of
    your own go under `[extra]`.

explain-E0104 =
    `base_url` in site.toml must be the full address the site is published at, starting with
    `https://` or `http://`, such as `base_url = "https://example.org/"` or, under a sub-path,
    `"https://example.org/intl/"`.

explain-E0105 =
    A language code in site.toml (`default_language`, or a `[languages.xx]` table) is not a
    language code: use a short lower-case code such as `it`, `en` or `pt-br`.

explain-E0106 =
    Every language of the site needs a title (the site's name in that language): add
    `title = "…"` under `[languages.xx]` in site.toml.

explain-E0107 =
    `host_rules` in site.toml names server configurations sito can write: `netlify`, `apache` or
    `nginx`.

explain-E0108 =
    `theme` in site.toml must name a folder under themes/ (letters, digits and dashes), such as
    `theme = "milano"`.

## Reading files

explain-E0201 =
    sito could not read or write a file: it may not exist, or you may not have permission. The
    message gives the system's reason.

explain-E0202 =
    The file is not saved as UTF-8 text, the encoding sito reads. Word processors and older
    editors often save in the Windows (Latin-1) encoding; save the file again choosing UTF-8 (in
    most editors: Save As… → Encoding: UTF-8).

explain-E0203 =
    The file changed while sito was reading it (an editor or a sync tool was saving it), so what
    sito read may be half a file. Build again once the save has finished.

explain-E0204 =
    A symbolic link under content/ is a loop, points to nothing, or points outside the site.
    sito only follows links that stay inside the site folder; copy the file in instead.

explain-E0205 =
    A file name is not valid text, or is not a Markdown file where one was expected. Rename the
    file using letters, digits and dashes.

explain-E0206 =
    The site has no content/ folder. Create content/_index.md for the home page.

## Front matter

explain-E0301 =
    The content file is empty. Every content file starts with front matter holding at least a
    title, between two `+++` lines.

explain-E0302 =
    The front matter is written in YAML (between `---` lines). sito reads TOML between `+++`
    lines: change both lines to `+++` and write each setting as `key = value`, with text in
    double quotes.

explain-E0303 =
    The file does not start with front matter: its first line must be `+++`, followed by the
    settings (at least `title = "…"`) and another `+++` line.

explain-E0304 =
    The front matter starts with `+++` but no line closes it. Add a line with only `+++` where
    the settings end and the text begins.

explain-E0305 =
    Every page and section needs a title: add `title = "…"` between the `+++` lines, with the
    title between the quotes.

explain-E0306 =
    A date in the front matter (`date` or `updated`) is not a date. Write it as year-month-day
    without quotes, `date = 2024-05-31`, or with a time, `date = 2024-05-31T09:30:00+02:00`.

explain-E0307 =
    A `slug` renames one piece of a page's address, so it must be a single piece: letters,
    digits and dashes, no `/` and no `..`, such as `slug = "networks"`.

explain-E0308 =
    An alias is an old address of this page on the same site, where a redirect will be left. It
    must start with `/` and may not contain `..`, `?`, `#` or a full `https://` address:
    `aliases = ["/vecchia-pagina/"]`.

explain-E0309 =
    `template` and `page_template` must name a template file inside the theme, such as
    `template = "network.html"`, without `..` or a leading `/`.

## The content as a whole

explain-E0401 =
    A page sits inside a page bundle (a folder with an index.md). A bundle's folder holds that
    page's own files (images, documents); move the other page next to the bundle, or turn the
    bundle into a section by renaming index.md to _index.md.

explain-E0402 =
    Files in the default language have no language suffix: `c40.md`, not `c40.it.md`. Only
    translations carry one (`c40.en.md`).

explain-E0403 =
    A file name ends in a language code (`c40.fr.md`) that site.toml does not configure. Add the
    language as `[languages.fr]` to site.toml, or, if the dot is part of the name, use a dash
    instead.

explain-E0404 =
    Two files are the same page: `name.md` and `name/index.md` (a bundle). Keep one of them.

explain-E0405 =
    Two pages would be published at the same address (usually because of a `slug`). Give one of
    them a different file name or slug.

explain-E0406 =
    A translation (`c40.en.md`) exists without its original in the default language (`c40.md`).
    Create the original, or, for a page that exists in one language only, add
    `translate = false` to its front matter. When the original is a draft (`draft = true`)
    and the translation is not, the error is at the original's `draft` line: make the
    translation a draft too, or remove `draft = true` when the original is ready.

explain-E0408 =
    A language configured in site.toml has no home page, so every page's language switcher would
    link to an address that does not exist. Create `content/_index.<code>.md` (a translation of
    `content/_index.md`), or remove the `[languages.<code>]` table.

explain-E0409 =
    A page sits in a folder that has no `_index.md`, so no section lists it: it is published,
    but nothing on the site leads to it. Add an `_index.md` to the folder (it makes the folder a
    section that lists its pages), move the page into a section, or link to it from another
    page.

explain-E0407 =
    An alias would be published where something else already is: a page, a static file or
    another page's alias. An old address can redirect to one page only.

## Themes and templates

explain-E0501 =
    The theme named in site.toml does not exist, or neither the theme nor the site has any
    templates. Themes live in themes/<name>/templates/; a site's own templates/ folder overrides
    them.

explain-E0502 =
    A template that a page asks for (with `template` or `page_template`), or one every theme
    needs (`page.html`, `section.html`), does not exist.

explain-E0503 =
    A template could not be read or could not render: a syntax error, a variable or function
    that does not exist, or a value of the wrong type. The message names the template file and,
    where Tera says it, the line; fix the template, or the value in the content it reads.

explain-E0504 =
    A page's `[extra]` does not match the fields the theme's templates read, as the theme
    declares them in its `extra.toml` (`themes/milano/extra.toml`): a field no template reads
    (usually a typo, `acronimo` for `acronym`, whose value would silently not show), a value of
    the wrong type (text where a list is expected), or a required field left out. The hint names
    the closest field or says what the field is for; `docs/templates.md` lists the milano
    theme's fields.

explain-E0505 =
    A theme's `extra.toml`, which declares the `[extra]` fields its templates read, is not
    right: each field is a `[fields.NAME]` table with a `type` (`string`, `integer`, `number`,
    `boolean`, `array` or `any`), and `items` (the fields of each table in the list) only for an
    `array`.

## Links

explain-E0601 =
    A link or image points at something the site does not publish: a content file that does not
    exist (`@/reti/c40.md`), a page address that is not built, or a file that is not there.
    Internal links are best written as `[C40](@/reti/c40.md)`: they name the file under content/
    and always point at the page in the reader's language.

explain-E0602 =
    A link points at a part of a page (`#storia`) that the page does not have. Anchors are the
    ids of the page's headings, made from their text (`## La storia` becomes `#la-storia`)
    unless set with `{"{"}#id{"}"}`.

explain-E0603 =
    A page links to the other language's version of a page although its own language has one.
    Write the link as `@/file.md`, which always picks the linking page's language.

explain-E0605 =
    What looks like a link or an image has a space in its address
    (`![Sindaco](foto sindaco.png)`). Markdown does not read an address with a space, so the
    page shows the text as it is written. Put the address between angle brackets,
    `![Sindaco](<foto sindaco.png>)`, or rename the file without spaces (`foto-sindaco.png`).

explain-E0604 =
    An external link (checked with `sito check --external`) did not answer, or answered with an
    error. The site may be down for a moment, or the address may have moved.

explain-E0606 =
    A link or image that a template writes (not a content file) points at an address where the
    build publishes nothing: a path typed into a template (`<a href="/notizie/">`), or one put
    together from pieces that do not make an address. Every HTML page the build renders
    is read for its links, whoever wrote them (HTML files copied from static/ are not); those in content files are reported at their line
    (E0601), the rest here, with the first page that has it and the template that made that
    page. Fix the address in the template, or let the template make it from the page it names:
    `url(path="@/reti/_index.md")`. Only the address is checked, not the part after `#`.

## Interface strings

explain-E0701 =
    A language has no interface-strings file (i18n/<code>.toml). Copy another language's file to
    that name and translate it.

explain-E0702 =
    An interface string must be text (`key = "…"`) or a list of texts.

explain-E0703 =
    An interface string is defined for one language but not for another, or a template uses a
    string no language defines. Add it, translated, to every file in i18n/.

explain-E0704 =
    An interface string is defined but no template uses it. Remove it, or use it.

explain-E0705 =
    A language's interface-strings file is a copy of another language's, or still gives the
    language another's name (`language_name`): the pages in that language would show the other
    language's words, and the language switcher would offer, say, "English" twice. Translate the
    file, starting with `language_name` (the language's own name: `Français`).

## Translations

explain-E0801 =
    A page has no translation in one of the site's languages. Add `name.<code>.md` beside it, or
    `translate = false` if the page exists in one language only.

explain-E0802 =
    The original of a translation changed since the translation was last marked as up to date
    (`sito translations --mark`). Bring the translation up to date (the message shows what
    changed), then mark it again.

explain-E0803 =
    `sito translations --mark FILE` was given a file that is not a translation of this site (or
    an original without translations).

explain-E0804 =
    `sito translations --mark` did not mark a translation because the file changed on disk after
    sito read it (it was saved in the meantime). Marking it would have replaced that save, so
    the file was left as it is: run the command again.

## Content rules

explain-E0901 =
    An image has no alternative text, which people who cannot see it rely on (WCAG 1.1.1):
    describe the image between the brackets, `![Logo of C40](c40.svg)`.

explain-E0902 =
    A link has no text, so screen readers can only read its address: write what it leads to
    between the brackets, `[C40](@/reti/c40.md)`.

explain-E0903 =
    A heading skips a level (from `##` to `####`), which breaks the outline screen-reader users
    navigate by. The page title is the level-1 heading, so sections start at `##`.

explain-E0904 =
    A page has no `description`, which search engines and link previews show: add one sentence
    saying what the page is about.

explain-E0905 =
    Two pages of the same language have the same title, which makes them hard to tell apart in
    search results and tabs.

## Shortcodes

explain-E1201 =
    A shortcode call is not written the way sito reads it. A call is
    `{"{{"} name(arg="text", n=3, flag=true, list=[1, 2]) {"}}"}`, or, with a body,
    `{"{%"} name(arg="text") {"%}"}…{"{%"} end {"%}"}`: arguments are named, separated by commas, text between
    quotes, numbers and `true`/`false` without. To show a call as text, write
    `{"{{"}/* name() */{"}}"}`.

explain-E1202 =
    A shortcode with a body, `{"{%"} name(…) {"%}"}`, has no `{"{%"} end {"%}"}` after it (or its `{"{%"} end {"%}"}` is
    inside a code block, where calls are text). Add `{"{%"} end {"%}"}` where the body ends, or, for a
    call without a body, write `{"{{"} name(…) {"}}"}`.

explain-E1203 =
    A page calls a shortcode that neither the theme nor the site defines. Shortcodes are
    templates in templates/shortcodes/ (NAME.html, or NAME.md for one that writes Markdown), in
    the site's folder or the theme's; the hint names the closest one. `docs/shortcodes.md` lists
    the milano theme's.

explain-E1204 =
    A shortcode call passes an argument its schema (NAME.toml beside the template) does not
    declare, leaves out one it requires, or gives one a value of the wrong type or not among
    those allowed. The hint says what the shortcode takes.

explain-E1205 =
    A shortcode's template failed while rendering a call: the message names the template file
    and line where it failed, and the error points at the call in the content. Often the call
    passes a value the template does not expect; otherwise fix the template.

explain-E1206 =
    A shortcode's schema (templates/shortcodes/NAME.toml) is not right: it names a shortcode
    that has no template, declares an argument whose default or allowed values are not of its
    type, or takes a name every shortcode already has (`body`, `page`, `lang`…). Or one folder
    holds two templates for one shortcode (NAME.html and NAME.md).

explain-E1207 =
    A shortcode that takes no body (its schema says `body = "none"`) is called with one,
    `{"{%"} name() {"%}"}…{"{%"} end {"%}"}`. Call it as `{"{{"} name(…) {"}}"}`.

## Taxonomies and pagination

explain-E1301 =
    A taxonomy in site.toml is not right: its `name` becomes an address (`/temi/`), so it must
    be letters, digits and dashes, and each language lists a taxonomy once. Or a
    `[languages.xx.translations.NAME]` table names a taxonomy the default language does not
    have, or gives a term a translation that has no letters or digits.

explain-E1302 =
    A page's `[taxonomies]` names a taxonomy its language does not have. Each language lists its
    own in site.toml (`taxonomies = [{"{"} name = "temi" {"}"}]`, and
    `[languages.en] taxonomies = [{"{"} name = "topics" {"}"}]`); an English page uses the English name.

explain-E1303 =
    A taxonomy term becomes an address (`/temi/clima/`), so it needs at least one letter or
    digit.

explain-E1304 =
    A page uses a term its taxonomy does not declare (`terms = [...]` in site.toml, or the terms
    of `[languages.xx.translations.NAME]`): often a typo, which would make a second term page
    with one page on it. Use a declared term (the hint names the closest), or declare the new
    one.

explain-E1305 =
    `paginate_by` is the number of pages each pager lists: a whole number of at least 1. The
    localized path segment of pagers (`pagination.path` in i18n/) must be one address segment:
    letters, digits and dashes.

## Output

explain-E1001 =
    sito refuses to write the site into this folder: it holds the site's own sources, it was not
    made by sito (pass `--force` to replace it anyway), or it cannot be created.

explain-E1002 =
    A file of the built site could not be written: check that the output folder is writable and
    the disk is not full. The previous output is left as it was.

explain-E1003 =
    Writing the finished site failed after some files had already been moved into place, or the
    output folder was removed or replaced by another program while the site was being built, so
    the output folder may be incomplete. Fix the cause (disk space, permissions, another
    program working in the folder) and build again.

explain-E1004 =
    An address the last build published would no longer be published: a page was renamed
    (`git mv`), moved, deleted or made a draft, or an alias was dropped. Other sites,
    newsletters and printed material link to a city's pages, so an address should keep working:
    add it to the `aliases` of the page that replaces it (`aliases = ["/reti/efus/"]`), and sito
    leaves a redirect there. If the address may go, build once with `--allow-removed`. sito
    remembers what it published in a file beside the output folder (`.public.sito-build`).

explain-E1005 =
    The site is published under a sub-path (`base_url = "https://host/intl/"`), so its
    robots.txt would be at /intl/robots.txt; crawlers only ever read /robots.txt at the root of
    the host. Put the rules, and the sitemap's address, in the host's own robots.txt and set
    `robots = false` in site.toml.

## Images

explain-E1501 =
    A value under `[images]` in site.toml is out of range: `widths` lists one or more widths
    from 16 to 8192 pixels (`widths = [480, 960, 1440]`), `quality` goes from 1 to 100.

explain-E1502 =
    A Markdown image has no alternative text, which people who cannot see it rely on (WCAG 1.1.1),
    so the build stops. Describe the image between the brackets:
    `![Il sindaco al vertice C40](foto.jpg)`. An image that is only decoration (a border, a
    flourish) gets an empty alt only when you say so: `![](fregio.png "decorative")`.

explain-E1503 =
    An image a page shows cannot be read as an image: the file is damaged, is not the format its
    name says (a `.jpg` that is really a PDF or an HTML page), or is in a format sito does not
    resize. sito reads JPEG, PNG and WebP, and passes SVG through; save the picture again as
    JPEG or PNG.

explain-E1504 =
    An image is larger than sito will decode: over 20 MB on disk or over 40 million pixels (a
    8000 × 5000 photo). Such a file is either far bigger than a web page needs or a
    decompression bomb, a small file that expands to gigabytes. Export it at a smaller size
    (3000 pixels wide is plenty) and use that.

## Search

explain-E1401 =
    sito could not build the search index (`search = true` in site.toml) with Pagefind; the
    message gives Pagefind's reason. Build again; if it keeps failing, set `search = false` to
    publish without search and report the message.

## The preview server

explain-E1101 =
    `sito serve` could not listen on the address and port asked for: another program may be
    using the port. Choose another with `--port`.

explain-E1102 =
    `sito serve` could not watch the site's files for changes, so edits would not show. The
    message gives the system's reason (on Linux, often the inotify watch limit: raise
    fs.inotify.max_user_watches).

explain-E1103 =
    The preview server stopped because of an error it could not recover from; the message gives
    the reason. Start `sito serve` again.
