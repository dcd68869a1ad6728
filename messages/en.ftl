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
zola-key = `{ $key }` is Zola's; sito has no such setting: { $instead }
zola-transparent = a section lists its own pages; a template can list another section's with `get_section`
zola-redirect_to = to send an address to a page, add it to that page's `aliases`
zola-render = every page and section is published; one that should not be yet is a draft (`draft = true`)
zola-insert_anchor_links = headings get ids; anchor links next to them are the theme's to add
zola-path = an address comes from the folder and file name, or `slug`; an old address is kept with `aliases`
zola-in_search_index = every published page is in the search index
zola-paginate_path = the pagers' segment (`/pagina/2/`) is `path` under `[pagination]` in each language's i18n file
zola-paginate_reversed = a list is in the order `sort_by` gives
zola-generate_feeds = a section's Atom feed is made by `feed = true` in its `_index.md`
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
template-link-broken = broken link on { $page }: nothing is published at { $target }
template-link-hint = the link is not in a content file: it comes from { $template } or what it uses (a partial, a macro, a shortcode, an i18n string it prints). A template can make the address from the page it names, `url(path="@/reti/_index.md")`, or a static file's with `asset(path="css/site.css")`; { $hint }
template-link-named = the template `{ $name }`
template-link-other = the template that made { $page }
template-link-more = broken links: { $count } more addresses written by templates lead nowhere, not shown here; fix these, then build again
template-link-outside = { $target } is outside the site's address ({ $base })
front-matter-link = `{ $key }`: { $problem }
front-matter-nothing-published = broken link: nothing is published at { $target }
front-matter-link-hint = front-matter values the theme shows as links must point at a published page or file; for pages, write `@/` and the file under content/, e.g. "@/reti/c40.md"

## Addresses that would disappear

removed-link-hint = { $path } was published by the last build (content/{ $file }, “{ $title }”): the page was removed or renamed since; link to the page that replaces it, or remove the link
removed-link-renamed-hint = { $path } was published by the last build (content/{ $file }, “{ $title }”): the page was removed or renamed since; it seems to be content/{ $new_file } now, at { $new_path }: link there, and add `aliases = ["{ $path }"]` to its front matter so that links from elsewhere keep working
renamed-alias-hint = content/{ $wanted } no longer exists, and content/{ $holder } keeps its address { $path } as an alias: the page was most likely renamed. Link to `@/{ $new_file }`
removed-renamed = the address { $path } would disappear: it was content/{ $file }, which seems to be content/{ $new_file } now ({ $new_path })
removed-moved = the address { $path } would disappear: content/{ $file } is now published at { $new_path }
removed-alias = the address { $path } would disappear: it was an alias of content/{ $file }, which no longer lists it
removed-renamed-hint = so that links to { $path } keep working, add `aliases = ["{ $path }"]` to the front matter of content/{ $file }, or pass `--allow-removed` to let the address go
removed-add-alias-hint = so that links to { $path } keep working, add "{ $path }" to `aliases` in the front matter of content/{ $file }, or pass `--allow-removed` to let the address go
removed-gone = the address { $path } would disappear: content/{ $file } (“{ $title }”), published there by the last build, no longer exists
removed-gone-hint = so that links to it keep working, add `aliases = ["{ $path }"]` to the front matter of the page that replaces it, or pass `--allow-removed` to let the address go
removed-draft = the address { $path } would disappear: content/{ $file } is now a draft
removed-draft-hint = to take the page offline, build once with `--allow-removed` (the next builds no longer expect the address); to keep it published, remove `draft = true`
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
not-utf8-utf16 = this file is saved as UTF-16 (Windows' “Unicode”), not as UTF-8 text
not-utf8-utf16-hint = save the file with UTF-8 encoding (in most editors: Save As… → Encoding: UTF-8; in Notepad: UTF-8)

## The preview (sito serve)

overlay-close = Close (Esc)
overlay-title = sito: the site has errors. This is the last good build; fix the file and save to reload.
overlay-title-no-build = sito: the site has errors, and no build has succeeded yet; fix the file and save to reload.
serve-serving = Serving { $root } at { $url } (Ctrl-C to stop)
serve-built = built { $files } files in { $ms } ms
serve-has-errors = the site has errors ({ $changed ->
        [one] 1 changed file
       *[other] { $changed } changed files
    }); still serving the last good build
serve-has-errors-no-build = the site has errors; no build has succeeded yet: fix them and save, and the preview will show the site
serve-watch-stopped = error: the file watcher stopped; edits will no longer show (restart sito serve)
serve-warning = warning: { $problem }
serve-cannot-listen = cannot listen on { $address }: { $error }
port-in-use = the port is already in use (perhaps by another preview that is still open)
port-needs-rights = ports below 1024 need administrator rights
address-not-here = this computer has no such address
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
orphan-renamed-hint = if content/{ $original } was renamed content/{ $renamed }, rename this file content/{ $to } too; if this page exists only in this language, add `translate = false` to its front matter
draft-original = this page is a draft, but its translation content/{ $translation } is not: a translation cannot be published without its original
draft-original-hint = add `draft = true` to content/{ $translation } as well, or remove `draft = true` here when the page is ready
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

config-not-found = site.toml not found
config-not-found-hint = run sito from the site's folder or pass --root; looked in { $root }
bad-base-url = `base_url` is not an absolute http(s) URL: `{ $url }`
bad-base-url-hint = write the address the site will be published at, e.g. `base_url = "https://example.org/"`
bad-base-url-option = `--base-url` is not an absolute http(s) URL: `{ $url }`
bad-base-url-option-hint = give the address the site will be published at, e.g. `--base-url https://example.org/` (without `?` or `#`); `site.toml` is not used when the option is given
bad-language-code = `{ $code }` is not a language code
bad-language-code-hint = use a short code such as `it`, `en` or `pt-br`
language-without-title = no title for language `{ $code }`
language-without-title-hint = add `title = "…"` under `[languages.{ $code }]`
bad-taxonomy-name = taxonomy name: { $problem }
bad-taxonomy-name-hint = name a taxonomy with letters, digits and dashes: `name = "temi"`
taxonomy-twice = the taxonomy `{ $name }` is listed twice
taxonomy-twice-hint = give each taxonomy of a language its own name
paginate-by-zero = `paginate_by` must be at least 1
paginate-by-zero-hint = the number of pages on each pager, e.g. `paginate_by = 10`; leave it out for one long list
unknown-host-rules = unknown host rules `{ $rule }`
choose-among = choose among: { $choices }
bad-theme-name = `{ $theme }` is not a theme folder name
bad-theme-name-hint = name a folder under themes/, e.g. `theme = "milano"`
image-widths-empty = `widths` is empty
image-widths-empty-hint = list at least one width, e.g. `[480, 960, 1440]`
image-width-out-of-range = image width { $width } is out of range
image-width-out-of-range-hint = widths go from 16 to 8192 pixels
image-quality-out-of-range = image quality { $quality } is out of range
image-quality-out-of-range-hint = quality goes from 1 to 100; 80 suits photographs
i18n-missing-file = there are no interface strings for `{ $code }`
i18n-missing-file-hint = copy another language's file in i18n/ to this name and translate it
i18n-copied = i18n/{ $code }.toml is a copy of i18n/{ $other }.toml: its strings are not translated
i18n-same-name = i18n/{ $code }.toml names the language “{ $name }”, as i18n/{ $other }.toml does
i18n-copied-hint = translate the file for `{ $code }`, starting with `language_name`, the language's own name that the language switcher shows (`language_name = "Français"` for `fr`)
i18n-bad-value = `{ $key }` must be text or a list of texts
i18n-bad-value-hint = write `{ $name } = "…"`
i18n-missing-key = `{ $key }` is missing (i18n/{ $other }.toml has it)
i18n-missing-key-hint = add `{ $name } = "…"`, translated
i18n-missing-key-hint-in = add `{ $name } = "…"` under `[{ $table }]`, translated
i18n-date-names = the i18n file needs `{ $key }`, a list of { $count } names, to format dates
unknown-date-code = unknown date format code `%{ $code }`
no-themes-hint = create the theme under themes/, or remove `theme` from site.toml to use templates/
themes-available = the themes available are: { $themes }
missing-theme = the theme `{ $theme }` does not exist (no folder themes/{ $theme })
no-templates = no templates found
no-templates-hint = looked in { $folders }; set `theme` in site.toml to a folder under themes/
word-and = and
template-error-hint = fix the template (or the value it reads); Tera's syntax: https://keats.github.io/tera/docs/
zola-function = `{ $name }` is Zola's; sito's is `{ $instead }` (docs/templates.md, “Functions and filters”)
zola-function-none = `{ $name }` is Zola's; sito has no such function (docs/templates.md, “Coming from Zola”)
zola-config = Zola's `config` is `site` in sito: `site.extra`, `site.base_url`, `site.title` (docs/templates.md, “Template context”)
template-syntax = template syntax error: { $expected }
template-syntax-invalid = template syntax error: invalid syntax
cannot-read-file = cannot read this file: { $error }
no-content-folder = there is no content/ folder
no-content-folder-hint = create content/_index.md for the home page (or pass --root to point at the site)
changed-while-reading = this file changed while sito was reading it
changed-while-reading-hint = build again once the program saving it has finished
symlink-outside = this symbolic link points outside the site
symlink-outside-hint = copy the file into the site instead of linking to it
file-name-not-text = this file name is not valid text
file-name-not-text-hint = rename the file using letters, digits and dashes
markdown-extension-case = this file ends in `.{ $ext }`: sito reads pages from files ending in `.md`, in small letters
markdown-extension-case-hint = rename it `{ $name }`
symlink-loop = this symbolic link makes a loop (it leads back to { $ancestor }, which holds it)
symlink-loop-hint = remove the link or point it at a folder that does not contain it
symlink-file-loop = this symbolic link leads back to itself, through itself or other links
symlink-file-loop-hint = remove the link, or point it at a file that exists
symlink-dangling = this symbolic link points to nothing ({ $target } does not exist)
symlink-dangling-hint = remove the link, or point it at a file that exists (a renamed or moved file?)
cannot-read-entry = cannot read this file or folder ({ $error })
cannot-read-entry-hint = check that it exists and that you may read it
not-markdown = not a Markdown file
toml-syntax = { $what }: { $problem }
toml-wrong-type = a value of the wrong type ({ $found }): { $wanted } is needed
toml-unknown-value = unknown value { $written }: the possible values are { $allowed }
toml-bad-date = not a valid date or time
toml-value-not-for = `{ $key }` does not take this value
toml-problem-needs = { $problem }: { $expected } is needed
toml-bad-string = text between quotes that is not closed or not valid
toml-no-opening-quote = the opening quote is missing
toml-no-value = a key without a value
toml-unquoted = text must be written between quotes
toml-unclosed-list = a list that is not closed
toml-unclosed-inline-table = a table between braces that is not closed
toml-unclosed-table = a table heading that is not closed
toml-list-comma = a comma is missing between the items of the list
toml-no-assignment = `=` is missing between the key and its value
toml-bad-key = a key name that is not valid
toml-unexpected = unexpected text on this line
toml-duplicate-key = a key written twice
toml-want-text = text between quotes
toml-want-newline = a new line
toml-want-value = a value
toml-kind-boolean = the true/false value
toml-kind-text = the text
toml-kind-integer = the whole number
toml-kind-decimal = the decimal number
toml-kind-list = the list
toml-kind-table = the table
toml-want-list = a list
toml-want-boolean = `true` or `false`
toml-want-string = text between quotes
toml-want-integer = a whole number
toml-want-table = a table
cannot-read-file-hint = check that the file exists and that you may read it
what-extra-schema = theme's [extra] schema
what-interface-strings = interface strings
what-shortcode-schema = shortcode schema
paginate-by-zero-page-hint = the number of pages each pager lists, e.g. `paginate_by = 10`; leave it out for one list
value-kind = { $kind ->
          [text] text
          [integer] a whole number
          [float] a decimal number
          [boolean] `true` or `false`
         *[list] a list
      }
shortcode-unclosed = the shortcode `{ $name }` is never closed
shortcode-unclosed-hint = a shortcode with a body ends with `{ "{" }% end %{ "}" }`; to call it without a body, write `{ "{{" } … { "}}" }`
stray-end = `{ "{" }% end %{ "}" }` closes no shortcode
stray-end-hint = remove it, or open the shortcode with `{ "{" }% name(…) %{ "}" }` above it; to show it as text, write `{ "{" }%/* end */%{ "}" }`
bare-open = `{ "{" }% { $name } %{ "}" }` opens the shortcode `{ $name }` without parentheses, so `{ "{" }% end %{ "}" }` below closes nothing
bare-open-hint = write `{ "{" }% { $name }() %{ "}" }`, with its arguments between the parentheses if it takes any
bare-call = `{ "{{" } { $name } { "}}" }` has no parentheses, so the page would show it as it is written, not the shortcode `{ $name }`
bare-call-hint = write `{ "{{" } { $name }(…) { "}}" }`, with its arguments between the parentheses; to show the call as text, write `{ "{{" }/* { $name } */{ "}}" }`
shortcode-call = the shortcode call `{ $name }` { $problem }
call-not-an-argument = has something that is not an argument here
call-not-an-argument-hint = write arguments as `name=value`, separated by commas
call-needs-equals = needs `=` after the argument `{ $name }`
call-needs-equals-hint = arguments are named: `name="text"`, `n=3`, `flag=true`
call-needs-comma = needs `,` between arguments, or `)` after the last
call-needs-comma-hint = for example `{ "{{" } figure(src="a.jpg", alt="…") { "}}" }`
call-needs-close = needs `{ $close }` after `)`
call-needs-close-hint = close the call with `{ $close }`
call-ends-before-value = ends before its value
call-ends-before-value-hint = give the argument a value: `"text"`, a number, `true`, `false` or a list
call-unclosed-text = has text starting here that is never closed: add the closing { $quote }
call-unclosed-text-hint = text goes between quotes: `title="…"`
call-nested-too-deeply = has lists nested too deeply
call-nested-too-deeply-hint = use fewer levels of brackets
call-list-needs-comma = has a list that needs `,` between items or `]` at its end
call-list-needs-comma-hint = write lists as `[1, 2, 3]`
call-bad-value = has a value that is not one: `{ $value }`
call-bad-value-hint = text goes between quotes (`kind="info"`); numbers, `true` and `false` without
shortcode-two-templates = two templates for the shortcode `{ $name }`
shortcode-two-templates-hint = keep one of { $first } and { $second }
schema-without-template = a schema for `{ $name }`, which has no template
schema-without-template-hint = add shortcodes/{ $name }.html (or .md) beside it, or remove the schema
reserved-argument = `{ $name }` cannot be an argument: shortcode templates already have a `{ $name }`
reserved-argument-hint = rename the argument; these names are taken: { $names }
argument-value-wrong-type = the argument `{ $name }` is { $ty }, but { $value } is not
argument-value-wrong-type-hint = make `default` and `values` the argument's type
site-not-found = site.toml not found in { $folder } or in any folder above it
site-not-found-hint = run sito from the site's folder (the one holding site.toml) or a folder inside it, or pass --root DIR
zola-config-hint = this folder has `config.toml`, Zola's settings file: sito reads its settings from `site.toml` (docs/templates.md, “Coming from Zola” and “site.toml”)
cannot-open-root = cannot open the site folder { $folder }: { $error }
cannot-open-root-hint = --root names the folder holding site.toml
term-no-letters = the term `{ $term }` has no letters or digits
term-no-letters-hint = a term becomes an address (`/temi/clima/`): write it with letters or digits
unknown-taxonomy = the language `{ $lang }` has no taxonomy `{ $name }`
taxonomy-other-language = `{ $name }` is the { $other } name of the taxonomy: pages in { $lang } list it as `{ $here }`
declare-taxonomy-hint = declare it in site.toml: `taxonomies = [{ "{" } name = "{ $name }" { "}" }]` (for `{ $lang }`: under `[languages.{ $lang }]` unless it is the default language)
taxonomies-of = the taxonomies of `{ $lang }` are: { $names }
key-under-taxonomies = `{ $name }` is a page setting, but written after the `[taxonomies]` line it belongs to that table: move it above `[taxonomies]` (and above `[extra]`)
key-under-extra = `{ $name }` is a page setting, but written after the `[extra]` line it belongs to that table: move it above `[extra]`
undeclared-term = `{ $term }` is not a declared term of `{ $taxonomy }`: it would get a page of its own
undeclared-term-hint = the declared terms are: { $terms }; or add `{ $term }` to the taxonomy's `terms` in site.toml
default-has-no-taxonomy = the default language has no taxonomy `{ $name }`
default-has-no-taxonomy-hint = name the taxonomy as the default language does: `[languages.en.translations.temi] clima = "climate"`
term-pair-no-letters = `{ $from }` = `{ $to }`: a term needs letters or digits
menu-entry = menu entry `{ $name }`: { $problem }
menu-entry-hint = point `path` at an existing file under content/, e.g. "@/reti/_index.md"
alias-not-a-path = the alias `{ $alias }` is not a path on this site
alias-not-a-path-hint = write an alias as an absolute path of this site, e.g. `aliases = ["/vecchia-pagina/"]`
alias-is-page = the alias `{ $alias }` is the address of content/{ $file }
alias-is-page-hint = remove the alias: that address already shows a page
alias-is-static = the alias `{ $alias }` is the address of the static file { $output }
alias-is-static-hint = remove the alias
alias-twice = the alias `{ $alias }` is also an alias of content/{ $file }
alias-twice-hint = an old address can redirect to one page only: remove one of the two
missing-template = the template `{ $template }` does not exist
missing-template-did-you-mean = did you mean `{ $suggestion }`? (set by `{ $key }`)
templates-available = the templates available are: { $templates }
missing-taxonomy-template = the theme has no `{ $template }` for the taxonomy `{ $name }`
missing-taxonomy-template-hint = add templates/{ $template }, or templates/{ $name }/{ $kind }.html for this taxonomy only
theme-lacks = the theme has no `{ $template }`
theme-lacks-hint = add templates/{ $template } to the theme
language-without-home = the language `{ $lang }` has no home page: content/{ $file } does not exist
language-without-home-hint = every page's language switcher links to /{ $prefix }; create content/{ $file } (a translation of content/_index.md), or remove `[languages.{ $lang }]`
duplicate-page = content/{ $first } and content/{ $second } are the same page
duplicate-page-hint = a page is either `name.md` or `name/index.md` (a bundle), not both: remove or rename one
page-at-taxonomy = content/{ $file } would be published at { $path }, where a taxonomy's page is
page-at-taxonomy-hint = give the page another file name or `slug`, or rename the taxonomy in site.toml
same-address = content/{ $first } and content/{ $second } would both be published at { $path }
same-address-hint = give one of them a different file name or `slug`
unknown-shortcode = there is no shortcode `{ $name }`
no-shortcodes-hint = shortcodes are templates in templates/shortcodes/ (NAME.html or NAME.md); this site has none
shortcodes-are = the shortcodes are: { $names }
argument-twice = the argument `{ $name }` is given twice
argument-twice-hint = keep one of the two
takes-no-body = the shortcode `{ $name }` takes no body
takes-no-body-hint = call it as `{ "{{" } { $name }(…) { "}}" }`, without `{ "{" }% end %{ "}" }`
no-such-argument = the shortcode `{ $name }` has no argument `{ $arg }`
argument-wrong-type = `{ $arg }` must be { $ty }, not { $given }
argument-wants-text-hint = put text between quotes: `name="…"`
argument-wants-bare-hint = numbers, `true` and `false` go without quotes; lists between `[` and `]`
value-not-allowed = `{ $arg }` cannot be { $value } in the shortcode `{ $name }`
did-you-mean-text = did you mean "{ $suggestion }"?
choose-one-of = choose one of: { $values }
missing-argument = the shortcode `{ $name }` needs the argument `{ $arg }`
missing-argument-hint = add `{ $arg }=…`
missing-argument-hint-what = add `{ $arg }=…` ({ $description })
takes-no-arguments = the shortcode `{ $name }` takes no arguments
takes-arguments = the shortcode `{ $name }` takes: { $args }
pager-segment = `{ $key }` must be one address segment, not `{ $segment }`
pager-segment-hint = lower-case letters, digits and dashes, e.g. `path = "pagina"` under `[pagination]`
invisible-name = { $code ->
          [u00a0] U+00A0 non-breaking space
          [u202f] U+202F narrow non-breaking space
          [u200b] U+200B zero-width space
         *[ufeff] U+FEFF zero-width no-break space
      }

# (end)

## Building, checking, publishing, preview and the command line

built-reused = ; { $count ->
        [one] 1 page
       *[other] { $count } pages
    } unchanged since the last build, not rendered again
built-images = { "; " }images: { $encoded } encoded, { $cached } from the cache
template-data-site = cannot prepare the site's template data: { $error }
output-unfinished = could not finish writing { $out }: { $error }
output-unfinished-hint = check free disk space and permissions, then build again
output-not-applied = the site was not written into { $out }: { $error }
output-refuse = refusing to write the site into { $out }: { $why }
output-refuse-hint = choose a new or sito-made folder, e.g. `--output-dir public`
output-not-plain-name = it is not a plain folder name
output-holds-sources = it holds the site's own sources
output-inside-sources = it is inside the site's { $source }
output-not-folder-name = `{ $out }` is not a folder name
output-parent-is-file = cannot create the output folder { $out }: { $file } is a file, not a folder; choose another --output-dir or move that file away
cannot-create = cannot create { $path }: { $error }
cannot-create-lock = cannot create the lock file { $path }: { $error }
output-waiting = waiting for another sito build writing to { $out } to finish…
cannot-lock = cannot lock { $path }: { $error }
manifest-unreadable = cannot read what the last build published ({ $error }); delete that file to start afresh
output-not-a-folder = { $out } exists and is not a folder
output-replaced = { $out } was removed or replaced while the site was being built; nothing was moved into it
output-not-ours = { $out } already exists and was not made by sito, so sito will not replace its files; choose another --output-dir, empty the folder, or pass --force
cannot-clear = cannot clear { $path }: { $error }
two-outputs = two outputs would be written to { $rel }
host-rules-own-file = `{ $file }` and `host_rules = ["{ $rule }"]` both write `{ $rel }`
host-rules-own-file-hint = keep one: delete your file (sito writes the redirects and the 404 rules into it), or take `"{ $rule }"` out of `host_rules` in `site.toml` and keep your own rules
not-a-beside-name = `{ $name }` is not a name for a file beside the output
cannot-write-in = cannot write in { $path }: { $error }
mark-summary = { $marked } marked, { $current } already up to date{ $skipped ->
        [0] {""}
       *[other] , { $skipped } out of date left out
    }
mark-commit = commit the marked files together with { $snapshots }/, which `sito check` compares against
mark-left-out = left out { $translation }: { $original } changed since it was marked; update it, then run `sito translations --mark { $translation }`
mark-marked = marked { $translation } as translating { $original } ({ $hash })
mark-changed = this file changed since sito read it, so it was not marked
mark-changed-hint = it was saved in the meantime and is left as saved: run `sito translations --mark { $translation }` again
cannot-write-file = cannot write this file: { $error }
changed-while-written = it changed while being written
snapshot-unsaved = cannot save the snapshot { $snapshot }: { $error }
site-folder-writable-hint = check that the site folder is writable
mark-not-an-entry = { $file } is not a page or section of this site
mark-not-an-entry-hint = name a translation under content/, e.g. content/reti/c40.en.md
mark-bundle-hint = this page is kept in a folder: its file is { $file }
move-into-folder = the file is in the original's folder, whose files are published only beside the pages inside it: move content/{ $file } into it as content/{ $to }
mark-no-original = { $file } has no original to mark it against
mark-no-original-hint = only translations of a default-language file can be marked
mark-no-translations = { $file } has no translations to mark
missing-translation = this { $what } has no `{ $code }` translation ({ $expected })
missing-translation-hint = translate it into { $expected }, or add `translate = false` to this file's front matter if it is meant to exist in one language only
stale-translation = out of date: { $original } changed since this translation was marked
stale-translation-hint = bring the translation up to date with the changes below, then run `{ $mark }`
stale-no-snapshot-hint = the text it was marked against ({ $snapshot }) is not there, so what changed cannot be shown; compare with { $original }'s history, update the translation, then run `{ $mark }`
translations-title = Translations
translations-to-translate = ({ $count ->
        [one] 1 page or section
       *[other] { $count } pages and sections
    } in `{ $lang }` meant for every language)
translations-row = { $current } up to date, { $missing } missing, { $stale } out of date, { $unmarked } not marked
translations-missing = missing
translations-stale = out of date
translations-unmarked = not marked
translation-of = translation of { $original }
original-changed = { $original } changed
translations-site-errors = the site has errors: fix them first, then run `sito translations` again
translations-files-without-mark = note: file names are used only with `--mark` (`sito translations --mark FILE`); nothing was marked, and the report above covers every translation
changed-since-marked = { $original } changed since { $translation } was marked:
no-snapshot = (no snapshot of the marked version in .sito/originals/)
translations-mark-note = Once a translation is up to date, `sito translations --mark FILE` records it, so later changes to its original show up here.
external-link = external link { $why }: { $dest }
external-link-hint = check the address in a browser; update it, or link to an archived copy
external-unreachable = cannot be reached ({ $error })
external-answered = answered { $status }
string-undefined = the interface string `{ $key }` is not defined in { $files }
string-unused = the interface string `{ $key }` is not used by any template
string-unused-hint = remove it from { $files }, or use it in a template with t(key="{ $key }")
string-add-hint = add `{ $name } = "…"` to { $files }, translated
string-add-under-hint = add `{ $name } = "…"` under `[{ $table }]` to { $files }, translated
fn-not-a-language = `{ $code }` is not a language of this site
fn-lang-not-code = `lang` must be a language code, not { $value }
fn-needs-text = `{ $function }` needs a text argument `{ $name }`, e.g. { $function }({ $name }="…")
fn-unknown-string = unknown interface string `{ $key }`: add it to i18n/{ $code }.toml (and the other languages)
fn-not-kind = `{ $path }` is not a { $kind ->
        [section] section
       *[page] page
    }
fn-no-taxonomy = there is no taxonomy `{ $kind }` in `{ $lang }` (its taxonomies: { $count ->
        [0] none
       *[other] { $names }
    })
fn-asset-missing = `asset` cannot find the static file `{ $path }` (looked in static/ and the theme's static/)
fn-env-missing = the environment variable `{ $name }` is not set: set it, or give `get_env` a `default`
keep-not-held = { $rel } is no longer as the last build left it
fn-image-missing = `image` cannot find `{ $path }`: name a page's file from content/ (`notizie/c40/foto.jpg`) or a static file from the site's root (`/img/logo.png`)
fn-width-not-number = `width` must be a number of pixels, not { $value }
fn-date-not-text = the `date` filter needs a date text such as "2024-05-31", not { $value }
fn-date-argument = the `date` filter takes `format` and `lang`, not `{ $name }`: dates are shown as written, in their own time zone
cannot-write = cannot write { $rel }: { $error }
cannot-write-hint = check that the output folder is writable and the disk is not full
template-data-page = cannot prepare the page's template data: { $error }
while-rendering = while rendering { $file }
while-rendering-404 = while rendering the 404 page
pages-fail-example = { $count } pages fail, e.g. { $file }
pages-fail = { $count } pages fail
shortcode-failed = the shortcode `{ $name }` failed: { $error } (in { $at })
shortcode-failed-hint = check the values this call passes; if they are right, fix the template at { $at }
shortcode-needs-body-hint = `{ $name }` is made to wrap text: write `{ "{" }% { $name }(…) %{ "}" }`, the text, then `{ "{" }% end %{ "}" }`
image-alt-hint = describe it between the brackets, `![Il sindaco al vertice C40]({ $dest })`; only if it is pure decoration, write `![]({ $dest } "decorative")`
image-unreadable = cannot use the image { $file }: { $why }
image-unreadable-hint = save the picture again as JPEG, PNG or WebP (or fix the file's name)
image-too-large = the image { $file } is too large: { $why }
image-too-large-hint = export it smaller (3000 pixels wide is plenty for the web) and use that file
image-cannot-read = it cannot be read: { $error }
image-file-too-large = the file is { $mb } MB; the limit is 20 MB
image-unknown-format = unknown format
image-not-readable-as = it cannot be read as { $format }: { $error }
image-too-many-pixels = it is { $width } × { $height } pixels; the limit is 40 million pixels
image-not-encoded = it could not be encoded as { $format }: { $error }
svg-not-utf8 = an SVG must be UTF-8 text
svg-unreadable = it is not a readable SVG: { $error }
svg-wrong-root = its root element is <{ $root }>, not <svg>
robots-under-sub-path = robots.txt would be published at { $path }robots.txt, where crawlers never read it
robots-under-sub-path-hint = crawlers read robots.txt only at the root of the host: add the rules (and the sitemap's address) to that file, and set `robots = false` here
search-index-failed = cannot build the search index: { $error }
search-index-failed-hint = build again; if it fails again, set `search = false` in site.toml and report the message
serve-cannot-listen-hint = choose another port with --port, or stop the program using this one
serve-cannot-watch = cannot watch the site's files in { $root }: { $error }
serve-cannot-watch-hint = on Linux, raise fs.inotify.max_user_watches (sysctl) if the limit was reached
serve-lost-events = the watcher lost events; reading every file again
serve-watcher-error = file watcher: { $error }
serve-cannot-watch-folder = cannot watch { $path }: { $error }; edits in it will not show
lock-poisoned = lock poisoned
# (end)
