//! Taxonomies (Zola's): each language's taxonomies from site.toml, the terms its pages list
//! under `[taxonomies]`, each term's pages, and terms linked across languages — declared in
//! `[languages.xx.translations.NAME]`, or derived from a page and its translation that list
//! as many terms as each other (paired in order). The n-th taxonomy of every language is the
//! same taxonomy (`temi` and `topics`).

use super::Entry;
use crate::diag::{did_you_mean, Diagnostic, Kind};
use crate::load::config::Config;
use crate::load::content::EntryKind;
use crate::msg;
use std::collections::{BTreeMap, BTreeSet};

/// One language's taxonomy, with its terms.
#[derive(Debug)]
pub struct Taxonomy {
    pub lang: usize,
    /// Its place in the language's list: the same taxonomy in every language.
    pub index: usize,
    /// `/temi/`, `/en/topics/`.
    pub path: String,
    /// By slug.
    pub terms: Vec<Term>,
}

#[derive(Debug)]
pub struct Term {
    /// As first written (in entry order).
    pub name: String,
    pub slug: String,
    /// `/temi/clima/`.
    pub path: String,
    /// Newest first, then by title.
    pub pages: Vec<usize>,
    /// (taxonomy, term) of each language version, itself included, in language order.
    pub translations: Vec<(usize, usize)>,
}

impl super::Site {
    /// The template a taxonomy's `kind` page (`list` or `single`) renders with: its own
    /// (`temi/list.html`), the default language's name for it, else the generic one.
    pub fn taxonomy_template(&self, t: &Taxonomy, kind: &str, has: impl Fn(&str) -> bool) -> Option<String> {
        let own = &self.config.languages[t.lang].taxonomies[t.index].name;
        let original = self.config.languages[0].taxonomies.get(t.index).map(|o| &o.name);
        [Some(own), original]
            .into_iter()
            .flatten()
            .map(|n| format!("{n}/{kind}.html"))
            .chain(std::iter::once(format!("taxonomy_{kind}.html")))
            .find(|n| has(n))
    }

    /// The newest `updated` (else `date`) of `pages`: when a list of them last changed.
    pub fn newest<'a>(&'a self, pages: impl IntoIterator<Item = &'a usize>) -> Option<&'a str> {
        pages
            .into_iter()
            .filter_map(|&p| {
                let fm = &self.entries[p].src.fm;
                fm.updated.as_ref().or(fm.date.as_ref()).map(|d| d.0.as_str())
            })
            .max()
    }

    /// The configuration of a taxonomy.
    pub fn taxonomy_config(&self, t: &Taxonomy) -> &crate::load::config::Taxonomy {
        &self.config.languages[t.lang].taxonomies[t.index]
    }

    /// The taxonomies whose terms have feeds (`feed = true` in site.toml): what the feeds
    /// list, and so which pages' HTML rendering must keep for them.
    pub fn taxonomies_with_feeds(&self) -> impl Iterator<Item = &Taxonomy> {
        self.taxonomies.iter().filter(|t| self.taxonomy_config(t).feed)
    }
}

/// Every language's taxonomies, with the errors and warnings found on the way.
pub fn resolve(config: &Config, entries: &[Entry]) -> (Vec<Taxonomy>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut taxonomies = Vec::new();
    for (lang, l) in config.languages.iter().enumerate() {
        for (index, t) in l.taxonomies.iter().enumerate() {
            let path = format!("/{}{}/", l.prefix, t.slug);
            taxonomies.push(Taxonomy { lang, index, path, terms: Vec::new() });
        }
    }
    let declared = declared(config, &mut diags);
    let mut found: Vec<BTreeMap<String, (String, Vec<usize>)>> = vec![BTreeMap::new(); taxonomies.len()];
    for (id, e) in entries.iter().enumerate() {
        for (name, terms) in &e.src.fm.taxonomies {
            let Some(tax) = find(&taxonomies, config, e.lang(), name) else {
                diags.push(unknown_taxonomy(config, e, name));
                continue;
            };
            for (i, term) in terms.iter().enumerate() {
                let slug = crate::slug::slugify(term);
                let at = format!("taxonomies.{name}.{i}");
                if slug.is_empty() {
                    let d =
                        Diagnostic::error(Kind::BadTerm, msg!(TermNoLetters, term = term.escape_debug().to_string()));
                    diags.push(e.src.at_value(d, &at).hint(msg!(TermNoLettersHint)));
                    continue;
                }
                if let Some(names) = declared.get(&(e.lang(), taxonomies[tax].index)) {
                    if !names.contains_key(&slug) {
                        diags.push(undeclared(e, &at, term, name, names));
                    }
                }
                let slot = found[tax].entry(slug).or_insert_with(|| (term.clone(), Vec::new()));
                if !slot.1.contains(&id) {
                    slot.1.push(id);
                }
            }
        }
    }
    for (tax, terms) in taxonomies.iter_mut().zip(found) {
        tax.terms = terms
            .into_iter()
            .map(|(slug, (name, mut pages))| {
                pages.sort_by(|&a, &b| newest_first(&entries[a], &entries[b]));
                let path = format!("{}{slug}/", tax.path);
                Term { name, slug, path, pages, translations: Vec::new() }
            })
            .collect();
    }
    link_translations(&mut taxonomies, config, entries);
    (taxonomies, diags)
}

fn newest_first(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    let (da, db) = (a.src.fm.date.as_ref(), b.src.fm.date.as_ref());
    db.is_some()
        .cmp(&da.is_some())
        .then(db.cmp(&da))
        .then(a.src.fm.title.cmp(&b.src.fm.title))
        .then(a.path.cmp(&b.path))
}

fn find(taxonomies: &[Taxonomy], config: &Config, lang: usize, name: &str) -> Option<usize> {
    let index = config.languages[lang].taxonomies.iter().position(|t| t.name == name)?;
    taxonomies.iter().position(|t| t.lang == lang && t.index == index)
}

fn unknown_taxonomy(config: &Config, e: &Entry, name: &str) -> Diagnostic {
    let l = &config.languages[e.lang()];
    let own: Vec<&str> = l.taxonomies.iter().map(|t| t.name.as_str()).collect();
    let d = Diagnostic::error(Kind::UnknownTaxonomy, msg!(UnknownTaxonomy, lang = l.code.as_str(), name = name));
    let other = config.languages.iter().enumerate().find_map(|(i, other)| {
        let index = other.taxonomies.iter().position(|t| t.name == name)?;
        (i != e.lang()).then_some((other, l.taxonomies.get(index)?))
    });
    let hint = match (other, did_you_mean(name, own.iter().copied())) {
        // TOML puts every key after a `[taxonomies]` line into that table: editors add
        // `aliases = […]` at the end of the front matter and land here.
        _ if name != "taxonomies" && crate::load::front_matter::is_key(name) => {
            msg!(KeyUnderTaxonomies, name = name)
        }
        (Some((other, here)), _) => {
            msg!(
                TaxonomyOtherLanguage,
                name = name,
                other = other.code.as_str(),
                lang = l.code.as_str(),
                here = here.name.as_str()
            )
        }
        (None, Some(s)) => msg!(DidYouMean, suggestion = s),
        (None, None) if own.is_empty() => msg!(DeclareTaxonomyHint, name = name, lang = l.code.as_str()),
        (None, None) => {
            let names = own.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            msg!(TaxonomiesOf, lang = l.code.as_str(), names = names)
        }
    };
    e.src.at_key(d, &format!("taxonomies.{name}")).hint(hint)
}

fn undeclared(e: &Entry, at: &str, term: &str, taxonomy: &str, names: &BTreeMap<String, String>) -> Diagnostic {
    let d = Diagnostic::warning(Kind::UndeclaredTerm, msg!(UndeclaredTerm, term = term, taxonomy = taxonomy));
    let hint = match did_you_mean(term, names.values().map(String::as_str)) {
        Some(s) => msg!(DidYouMean, suggestion = s),
        None => {
            let terms = names.values().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            msg!(UndeclaredTermHint, terms = terms, term = term)
        }
    };
    e.src.at_value(d, at).hint(hint)
}

/// Per (language, taxonomy index), the terms the site declares (slug → name), where it
/// declares any: the taxonomy's `terms`, and the terms of the translation tables.
fn declared(config: &Config, diags: &mut Vec<Diagnostic>) -> BTreeMap<(usize, usize), BTreeMap<String, String>> {
    let mut out: BTreeMap<(usize, usize), BTreeMap<String, String>> = BTreeMap::new();
    for (lang, l) in config.languages.iter().enumerate() {
        for (index, t) in l.taxonomies.iter().enumerate() {
            if let Some(terms) = &t.terms {
                let names = out.entry((lang, index)).or_default();
                names.extend(terms.iter().map(|n| (crate::slug::slugify(n), n.clone())));
            }
        }
        for (name, pairs) in &l.term_translations {
            let Some(index) = config.languages[0].taxonomies.iter().position(|t| &t.name == name) else {
                let d = Diagnostic::error(Kind::BadTaxonomy, msg!(DefaultHasNoTaxonomy, name = name.as_str()));
                let at = format!("languages.{}.translations.{name}", l.code);
                diags.push(config.file.at_key(d, &at).hint(msg!(DefaultHasNoTaxonomyHint)));
                continue;
            };
            for (from, to) in pairs {
                if crate::slug::slugify(to).is_empty() || crate::slug::slugify(from).is_empty() {
                    let d = Diagnostic::error(
                        Kind::BadTerm,
                        msg!(TermPairNoLetters, from = from.as_str(), to = to.as_str()),
                    );
                    diags.push(config.file.at_key(d, &format!("languages.{}.translations.{name}.{from}", l.code)));
                    continue;
                }
                out.entry((0, index)).or_default().insert(crate::slug::slugify(from), from.clone());
                out.entry((lang, index)).or_default().insert(crate::slug::slugify(to), to.clone());
            }
        }
    }
    out
}

/// Links each term to its versions in the other languages, through the default language's
/// term: declared pairs first, then pairs derived from translated pages.
fn link_translations(taxonomies: &mut [Taxonomy], config: &Config, entries: &[Entry]) {
    // (lang, index, slug) → the default language's slug.
    let mut to_default: BTreeMap<(usize, usize, String), String> = BTreeMap::new();
    for (lang, l) in config.languages.iter().enumerate().skip(1) {
        for (name, pairs) in &l.term_translations {
            let Some(index) = config.languages[0].taxonomies.iter().position(|t| &t.name == name) else { continue };
            for (from, to) in pairs {
                to_default.insert((lang, index, crate::slug::slugify(to)), crate::slug::slugify(from));
            }
        }
    }
    let mut taken: BTreeSet<(usize, usize, String)> =
        to_default.iter().map(|((lang, index, _), from)| (*lang, *index, from.clone())).collect();
    for e in entries.iter().filter(|e| e.kind() == EntryKind::Page && e.lang() != 0) {
        let Some(&original) = e.translations.iter().find(|&&t| entries[t].lang() == 0) else { continue };
        for (index, t) in config.languages[e.lang()].taxonomies.iter().enumerate() {
            let Some(original_tax) = config.languages[0].taxonomies.get(index) else { continue };
            let (Some(here), Some(there)) =
                (e.src.fm.taxonomies.get(&t.name), entries[original].src.fm.taxonomies.get(&original_tax.name))
            else {
                continue;
            };
            if here.len() != there.len() {
                continue;
            }
            for (h, o) in here.iter().zip(there) {
                let key = (e.lang(), index, crate::slug::slugify(h));
                let from = crate::slug::slugify(o);
                if to_default.contains_key(&key) || !taken.insert((e.lang(), index, from.clone())) {
                    continue;
                }
                to_default.insert(key, from);
            }
        }
    }
    let mut groups: BTreeMap<(usize, String), Vec<(usize, usize)>> = BTreeMap::new();
    for (ti, tax) in taxonomies.iter().enumerate() {
        for (i, term) in tax.terms.iter().enumerate() {
            let group = if tax.lang == 0 {
                Some(term.slug.clone())
            } else {
                to_default.get(&(tax.lang, tax.index, term.slug.clone())).cloned()
            };
            if let Some(g) = group {
                groups.entry((tax.index, g)).or_default().push((ti, i));
            }
        }
    }
    for (ti, tax) in taxonomies.iter_mut().enumerate() {
        for (i, term) in tax.terms.iter_mut().enumerate() {
            term.translations = vec![(ti, i)];
        }
    }
    for members in groups.values() {
        for &(ti, i) in members {
            taxonomies[ti].terms[i].translations = members.clone();
        }
    }
}
