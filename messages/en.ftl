# sito's messages in English. Every id here has its twin in it.ftl, with the same
# variables; `cargo test --lib messages` fails otherwise. Ids are listed in
# src/diag/messages.rs (enum Msg).

## What every command prints at the end

build-failed = build failed
build-failed-unchanged = the output folder was not changed
serve-failed = cannot start the preview
serve-failed-unchanged = nothing is being served
check-failed = check failed
check-failed-unchanged = nothing was checked
output-may-be-incomplete = the output folder may be incomplete: build again once the problem is fixed
failed-summary = { $what }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; { $consequence }
built-summary = built { $pages } pages ({ $languages }) in { $ms } ms: { $written } files written, { $unchanged } unchanged, { $removed } removed
pages-in-language = { $count } { $lang }
built-removed = ; { $count ->
        [one] 1 address
       *[other] { $count } addresses
    } of the last build no longer published
built-drafts = { " " }(includes { $count ->
        [one] 1 draft
       *[other] { $count } drafts
    }: do not publish this folder)
cwd-unreadable = cannot read the current folder: { $error }
not-a-code = error: `{ $code }` is not a sito error code; `sito explain` lists them all

## How a diagnostic is shown

label-error = error
label-warning = warning
label-help = help

## Keys and values

unknown-key = unknown key `{ $key }`
unknown-key-in = unknown key `{ $key }` in `[{ $table }]`
did-you-mean = did you mean `{ $suggestion }`?
keys-allowed = the keys allowed here are: { $keys }
date-write-as = `{ $key }` is not a date: write it as `{ $key } = { $iso }`
date-write-as-hint = dates are written year-month-day, without quotes: `{ $key } = { $iso }` is { $spelled }
not-a-date = `{ $key }` is not a date
not-a-date-hint = write a real day as year-month-day, without quotes, for example `{ $key } = 2024-05-31`

## Links

# $what is `link` or `image`.
broken-nothing-published = broken { $what ->
        [image] image
       *[link] link
    }: nothing is published at { $target }
broken-nothing-published-from = broken { $what ->
        [image] image
       *[link] link
    }: nothing is published at { $target } (`{ $path }` from { $page })
nearest-published = the nearest published page is { $nearest }; for pages, prefer `@/` links, which the build checks
files-published-from = files are published from static/ (and the theme's static/), or beside a page that is a bundle (a folder with index.md)
relative-path-hint = a path that does not start with `/` is taken from this page's address; { $rooted } is published: write `{ $rooted }`
climbs-above-root = broken { $what ->
        [image] image
       *[link] link
    }: `{ $path }` climbs above the site's root
climbs-above-root-hint = this page is at { $page }; remove some `../`
link-to-draft = broken { $what ->
        [image] image
       *[link] link
    }: { $target } is a draft (content/{ $file } has `draft = true`), which is not published
internal-to-draft = `{ $link }` points to a draft (content/{ $file } has `draft = true`), which is not published
internal-not-markdown = `{ $link }` does not name a Markdown file
internal-unknown-language = `{ $link }` names a language that is not configured
internal-missing-file = `{ $link }` points to a file that does not exist (content/{ $file })
draft-hint = to publish it, remove `draft = true` from content/{ $file }; until then, remove the link (`sito build --drafts` builds drafts too, for a preview)
broken-internal = broken internal link: { $problem }
internal-did-you-mean = did you mean `@/{ $suggestion }`? Internal links name a file under content/
internal-how = internal links name a file under content/, e.g. `[C40](@/reti/c40.md)`
md-link-did-you-mean = to link to a content file, write `@/{ $suggestion }`
md-link-how = to link to a content file, write its path under content/ after `@/`, e.g. `@/reti/c40.md`
no-destination = this { $what ->
        [image] image
       *[link] link
    } has no destination
no-destination-hint = write where it goes between the parentheses, e.g. `[C40](@/reti/c40.md)`
broken-anchor-in-file = broken anchor: content/{ $file } has no heading with the id `{ $anchor }`
broken-anchor-here = broken anchor: this page has no heading with the id `{ $anchor }`
broken-anchor-at = broken anchor: { $target } has no heading with the id `{ $anchor }`
heading-ids = its headings' ids are: { $ids }
no-headings = it has no headings to link to
other-language-link = this { $lang } page links to the { $other } version of content/{ $file }
other-language-link-hint = link to { $own } instead, or write `@/{ $file }`, which picks the linking page's language
space-in-link = this link or image is shown as text: its address has a space, which Markdown does not read
space-in-link-hint = put the address between angle brackets, `{ $fixed }`, or rename the file without spaces
space-in-link-hint-plain = put the address between angle brackets, or rename the file without spaces
unlisted-page = this page is published at { $path }, but nothing leads to it: content/{ $dir }/ has no _index.md
unlisted-page-hint = add content/{ $dir }/_index.md (with a title) so the folder becomes a section that lists its pages, or link to this page from another
menu-other-language = menu entry `{ $name }` ({ $lang }) leads to a page in { $other }: content/{ $file } has no { $lang } version
menu-other-language-hint = add content/{ $translated }, or remove the entry from `[[languages.{ $lang }.menu]]`
menu-nothing-published = menu entry `{ $name }` ({ $lang }): nothing is published at { $target }
menu-hint = { $hint }; menus can also name a content file, e.g. "@/reti/_index.md"
front-matter-link = `{ $key }`: { $problem }
front-matter-nothing-published = broken link: nothing is published at { $target }
front-matter-link-hint = front-matter values the theme shows as links must point at a published page or file; for pages, write `@/` and the file under content/, e.g. "@/reti/c40.md"

## Addresses that would disappear

removed-link-hint = { $path } was published by the last build (content/{ $file }, “{ $title }”): the page was removed or renamed since; link to the page that replaces it, or remove the link
removed-link-renamed-hint = { $path } was published by the last build (content/{ $file }, “{ $title }”): the page was removed or renamed since; it seems to be content/{ $new_file } now, at { $new_path }: link there, and add `aliases = ["{ $path }"]` to its front matter so that links from elsewhere keep working
removed-renamed = the address { $path } would disappear: it was content/{ $file }, which seems to be content/{ $new_file } now ({ $new_path })
removed-moved = the address { $path } would disappear: content/{ $file } is now published at { $new_path }
removed-alias = the address { $path } would disappear: it was an alias of content/{ $file }, which no longer lists it
removed-renamed-hint = so that links to { $path } keep working, add `aliases = ["{ $path }"]` to the front matter of content/{ $file }, or pass `--allow-removed` to let the address go
removed-add-alias-hint = so that links to { $path } keep working, add "{ $path }" to `aliases` in the front matter of content/{ $file }, or pass `--allow-removed` to let the address go
removed-gone = the address { $path } would disappear: content/{ $file } (“{ $title }”), published there by the last build, no longer exists
removed-gone-hint = so that links to it keep working, add `aliases = ["{ $path }"]` to the front matter of the page that replaces it, or pass `--allow-removed` to let the address go
removed-draft = the address { $path } would disappear: content/{ $file } is now a draft
removed-draft-hint = remove `draft = true` to keep it published, or pass `--allow-removed` to let the address go
date-or-datetime-hint = write a real date as `{ $key } = 2024-05-31`, or a date and time as `{ $key } = 2024-05-31T09:30:00+02:00`
spelled-date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }

## The theme's [extra] fields

type-name = { $ty ->
        [string] text
        [integer] a whole number
        [number] a number
        [boolean] `true` or `false`
        [array] a list
       *[any] any value
    }
extra-unknown = `{ $field }` is not a field the theme reads ({ $schema } lists them): its value would not show
extra-fields-allowed = the fields the theme reads are: { $fields }
extra-wrong-type = `{ $field }` must be { $ty ->
        [string] text, between quotes
        [integer] a whole number, without quotes
        [number] a number, without quotes
        [boolean] `true` or `false`
        [array] a list, between square brackets
       *[any] a value
    }
extra-not-a-table = each item of `{ $field }` must be a table of fields (`[[…]]`)
extra-missing = `{ $field }` is missing: the theme needs it
extra-description = the theme uses it for: { $description }
extra-items-not-array = `{ $field }` has `items`, but only an `array` field can
extra-items-not-array-hint = set `type = "array"`, or remove `items`

## Front matter

empty-file = this file is empty
empty-file-hint = a content file starts with front matter holding at least a title:
    { $example }
yaml-front-matter = the front matter is YAML (`---`); sito reads TOML between `+++` lines
yaml-front-matter-hint = change both `---` lines to `+++` and write each setting as `key = value`, with text in double quotes:
    { $example }
no-front-matter = the file does not start with front matter
no-front-matter-hint = the first line must be `+++`, followed by the front matter and another `+++` line:
    { $example }
unclosed-front-matter = the front matter is never closed
unclosed-hint = add a line with only `+++` where the front matter ends, before the text
unclosed-hint-at = add a line with only `+++` where the front matter ends: line { $bad } is not front matter
unclosed-hint-after = add a line with only `+++` where the front matter ends: probably after line { $after }, since line { $bad } is not front matter
slug-hint = a slug is one piece of the address, letters, digits and dashes, e.g. `slug = "networks"`
title-empty = the title is empty
title-empty-hint = write the page's title between the quotes
title-missing = the front matter has no `title`
title-missing-hint = add a line such as `title = "Reti e partenariati"` between the `+++` lines
bad-alias = the alias `{ $alias }` { $why }
bad-alias-hint = an alias is an old address of this page on the same site, starting with `/`: `aliases = ["/vecchia-pagina/"]`
alias-nul = may not contain a NUL character
alias-full-address = is a full address: write only its path on this same site
alias-no-slash = does not start with `/`
alias-backslash = may not contain `\`
alias-dots = may not contain `..` or `.` as a path segment
alias-query = may not contain `?` or `#`
alias-home = is the address of the home page
bad-template-name = `{ $key }` must name a template file inside the theme
bad-template-name-hint = for example `{ $key } = "network.html"`

## TOML

what-front-matter = front matter
toml-syntax-hint = check the TOML syntax on this line: `key = value`, text in double quotes
nested-too-deeply = this value is nested too deeply: use fewer levels of brackets and braces
write-whole-number = write a whole number without quotes, for example `weight = 3`
write-boolean = write `true` or `false`, without quotes
write-list = write a list between square brackets, for example `aliases = ["/old/"]`
write-text = put text between double quotes, for example `title = "C40"`
typographic-double-quotes = “ and ” are typographic quotes (word processors insert them): TOML needs straight double quotes, `title = "C40"`
typographic-single-quotes = ‘ and ’ are typographic quotes: TOML needs straight quotes, `title = "C40"`
invisible-character = this line contains an invisible character ({ $name }), often pasted from a word processor: delete the spaces around `=` and type them again
typographic-space = a typographic space
not-utf8 = this file is not UTF-8 text
not-utf8-hint = byte 0x{ $byte } is not UTF-8{ $meant }: save the file with UTF-8 encoding (in most editors: Save As… → Encoding: UTF-8)
not-utf8-meant = { " " }(in the Windows encoding it is `{ $char }`)

## The preview (sito serve)

overlay-close = Close (Esc)
overlay-title = sito: the site has errors. This is the last good build; fix the file and save to reload.
serve-serving = Serving { $root } at { $url } (Ctrl-C to stop)
serve-built = built { $files } files in { $ms } ms
serve-has-errors = the site has errors ({ $changed } changed file(s)); still serving the last good build
serve-watch-stopped = error: the file watcher stopped; edits will no longer show (restart sito serve)
serve-warning = warning: { $problem }
serve-cannot-listen = cannot listen on { $address }: { $error }
serve-stopped = the preview server stopped: { $error }

## sito check

check-errors = { $count ->
        [one] 1 error
       *[other] { $count } errors
    }
check-warnings = { $count ->
        [one] 1 warning
       *[other] { $count } warnings
    }
check-files = { $count ->
        [one] 1 file
       *[other] { $count } files
    }
check-site = (site)
check-does-not-build = check: { $errors }; the site does not build, so nothing else was checked
check-clean = check: no problems in { $entries } pages and sections and { $links } links
check-summary = check: { $errors }, { $warnings } in { $files }

## Content files and rules

orphan-translation = this is a translation, but its original content/{ $original } does not exist
orphan-translation-hint = create content/{ $original }, or, if this page exists only in this language, add `translate = false` to its front matter
page-in-bundle = a page cannot sit inside a page bundle
page-in-bundle-hint = content/{ $bundle }/ is a page bundle (it has an index.md); move this file next to it, or turn the bundle into a section by renaming index.md to _index.md
default-language-suffix = `.{ $code }.md` names the default language
default-language-suffix-hint = files in the default language ({ $code }) have no language suffix: rename it without `.{ $code }`
unknown-language-file = the language `{ $code }` (from the file name) is not configured in site.toml
unknown-language-file-hint = the site's languages are: { $languages }; add `[languages.{ $code }]` to site.toml, or, if the dot is part of the name, use a dash instead
missing-alt = this image has no alt text: `{ $dest }`
missing-alt-hint = describe the image between the brackets, `![Logo of C40](c40.svg)`, for people who cannot see it
empty-link = this link has no text: `{ $dest }`
empty-link-hint = write what the link leads to between the brackets: `[C40](@/reti/c40.md)`
heading-skip = this heading skips from level { $previous } to { $level }
heading-skip-first-hint = the page title is the level-1 heading, so start with `{ $wanted }`
heading-skip-hint = use `{ $wanted }` here, so screen readers and the table of contents see the right structure
missing-description = this page has no `description`
missing-description-hint = add `description = "…"`, a sentence that search engines and link previews show
duplicate-title = the title “{ $title }” is also used by { $first }
duplicate-title-hint = give each page its own title, so search results and browser tabs tell them apart

## Loading and resolving: site.toml, i18n, templates, shortcodes, content

# (end)

## Building, checking, publishing, preview and the command line

# (end)
