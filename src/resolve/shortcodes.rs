//! Shortcode calls checked against the shortcodes the theme and the site define, before
//! anything renders: the name exists, and where the shortcode has a schema, every argument
//! is declared, of its type and among its allowed values, required ones are there, and a
//! body is given only to a shortcode that takes one. Each mistake is reported at its place
//! in the content file.

use super::{Entry, Site};
use crate::diag::{did_you_mean, Diagnostic, Kind};
use crate::load::shortcode_defs::{BodyKind, Definition, Schema};
use crate::load::shortcodes::{Call, Node};
use crate::load::templates::Templates;
use crate::msg;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::path::Path;

pub fn check(site: &Site, templates: &Templates) -> Vec<Diagnostic> {
    let per_entry: Vec<Vec<Diagnostic>> = site
        .entries
        .par_iter()
        .filter(|e| !e.src.shortcodes.is_empty())
        .map(|e| {
            let mut out = Vec::new();
            let mut c = Checker { e, defs: &templates.shortcodes, out: &mut out };
            c.nodes(&e.src.shortcodes);
            out
        })
        .collect();
    per_entry.into_iter().flatten().collect()
}

struct Checker<'a> {
    e: &'a Entry,
    defs: &'a BTreeMap<String, Definition>,
    out: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            match node {
                Node::Call(call) => {
                    self.call(call);
                    if let Some(body) = &call.body {
                        self.nodes(&body.nodes);
                    }
                }
                // `{{ figure }}`: the page would show it as it is written.
                Node::Bare(span, name) if self.defs.contains_key(name) => {
                    let d = Diagnostic::error(Kind::ShortcodeSyntax, msg!(BareCall, name = name.as_str()));
                    self.out.push(self.at(d, span).hint(msg!(BareCallHint, name = name.as_str())));
                }
                _ => {}
            }
        }
    }

    fn at(&self, d: Diagnostic, span: &Range<usize>) -> Diagnostic {
        let body = &self.e.src.body();
        let len = body.get(span.clone()).map_or(1, |s| s.chars().count().min(80));
        d.in_file(Path::new("content").join(&self.e.src.rel)).at_offset(body, self.e.src.body_line, span.start, len)
    }

    fn call(&mut self, call: &Call) {
        let Some(def) = self.defs.get(&call.name) else {
            let d = Diagnostic::error(Kind::UnknownShortcode, msg!(UnknownShortcode, name = call.name.as_str()));
            let hint = match did_you_mean(&call.name, self.defs.keys().map(String::as_str)) {
                Some(s) => msg!(DidYouMean, suggestion = s),
                None if self.defs.is_empty() => msg!(NoShortcodesHint),
                None => {
                    let names = self.defs.keys().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
                    msg!(ShortcodesAre, names = names)
                }
            };
            self.out.push(self.at(d, &call.name_span).hint(hint));
            return;
        };
        let mut given = HashSet::new();
        for arg in &call.args {
            if !given.insert(arg.name.as_str()) {
                let d = Diagnostic::error(Kind::ShortcodeArgument, msg!(ArgumentTwice, name = arg.name.as_str()));
                self.out.push(self.at(d, &arg.name_span).hint(msg!(ArgumentTwiceHint)));
            }
        }
        let Some(schema) = &def.schema else { return };
        self.arguments(call, schema);
        if call.body.is_some() && schema.body == BodyKind::None {
            let d = Diagnostic::error(Kind::ShortcodeBody, msg!(TakesNoBody, name = call.name.as_str()));
            let hint = msg!(TakesNoBodyHint, name = call.name.as_str());
            self.out.push(self.at(d, &call.name_span).hint(hint));
        }
    }

    fn arguments(&mut self, call: &Call, schema: &Schema) {
        let name = &call.name;
        let mut given = HashSet::new();
        // A second value for one argument was reported already.
        for arg in call.args.iter().filter(|a| given.insert(a.name.as_str())) {
            let Some(spec) = schema.args.get(&arg.name) else {
                let d = Diagnostic::error(
                    Kind::ShortcodeArgument,
                    msg!(NoSuchArgument, name = name.as_str(), arg = arg.name.as_str()),
                );
                let hint = match did_you_mean(&arg.name, schema.args.keys().map(String::as_str)) {
                    Some(s) => msg!(DidYouMean, suggestion = s),
                    None => takes(name, schema),
                };
                self.out.push(self.at(d, &arg.name_span).hint(hint));
                continue;
            };
            let value = arg.value.to_json();
            if !spec.ty.accepts(&value) {
                let d = Diagnostic::error(
                    Kind::ShortcodeArgument,
                    msg!(ArgumentWrongType, arg = arg.name.as_str(), ty = spec.ty.name(), given = arg.value.kind()),
                );
                let hint = match spec.ty {
                    crate::load::shortcode_defs::ArgType::String => msg!(ArgumentWantsTextHint),
                    _ => msg!(ArgumentWantsBareHint),
                };
                self.out.push(self.at(d, &arg.value_span).hint(hint));
            } else if !spec.values.is_empty() && !spec.values.contains(&value) {
                let allowed: Vec<String> = spec.values.iter().map(|v| v.to_string()).collect();
                let d = Diagnostic::error(
                    Kind::ShortcodeArgument,
                    msg!(ValueNotAllowed, arg = arg.name.as_str(), value = value.to_string(), name = name.as_str()),
                );
                let wanted = value.as_str().unwrap_or_default();
                let close = did_you_mean(wanted, spec.values.iter().filter_map(|v| v.as_str()));
                let hint = match close {
                    Some(s) => msg!(DidYouMeanText, suggestion = s),
                    None => msg!(ChooseOneOf, values = allowed.join(", ")),
                };
                self.out.push(self.at(d, &arg.value_span).hint(hint));
            }
        }
        for (arg, spec) in &schema.args {
            if spec.required && !given.contains(arg.as_str()) {
                let d = Diagnostic::error(
                    Kind::ShortcodeArgument,
                    msg!(MissingArgument, name = name.as_str(), arg = arg.as_str()),
                );
                let hint = if spec.description.is_empty() {
                    msg!(MissingArgumentHint, arg = arg.as_str())
                } else {
                    msg!(MissingArgumentHintWhat, arg = arg.as_str(), description = spec.description.as_str())
                };
                self.out.push(self.at(d, &call.name_span).hint(hint));
            }
        }
    }
}

fn takes(name: &str, schema: &Schema) -> String {
    if schema.args.is_empty() {
        return msg!(TakesNoArguments, name = name);
    }
    let all: Vec<String> = schema.args.keys().map(|k| format!("`{k}`")).collect();
    msg!(TakesArguments, name = name, args = all.join(", "))
}
