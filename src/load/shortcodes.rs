//! Shortcode calls in a page's Markdown, found before the Markdown is rendered, with Zola's
//! syntax: `{{ name(arg="x", n=3, flag=true, list=[1, 2]) }}` inline, and
//! `{% name(arg="x") %}body{% end %}` with a body (which may hold further calls). Calls in
//! code spans and code blocks are text; `{{/* … */}}` and `{%/* … */%}` are written out as
//! `{{ … }}` and `{% … %}` (also in code, as Zola does, so pages move across both ways).
//!
//! A small hand-written lexer rather than a grammar crate: the syntax is a dozen tokens, and
//! writing it by hand gives each mistake its own message at its own byte offset (Zola's pest
//! grammar silently leaves an unclosed call as text). Every offset is a byte offset into
//! the body, so errors land at their line and column in the content file.

use crate::msg;
use pulldown_cmark::{Event, Parser};
use std::ops::Range;

/// A shortcode argument's value, as written.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    List(Vec<Value>),
}

impl Value {
    /// How people call this kind of value, for messages.
    pub fn kind(&self) -> String {
        let kind = match self {
            Value::Text(_) => "text",
            Value::Integer(_) => "integer",
            Value::Float(_) => "float",
            Value::Bool(_) => "boolean",
            Value::List(_) => "list",
        };
        msg!(ValueKind, kind = kind)
    }

    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Text(s) => serde_json::Value::String(s.clone()),
            Value::Integer(i) => serde_json::Value::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into),
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::List(items) => serde_json::Value::Array(items.iter().map(Value::to_json).collect()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Arg {
    pub name: String,
    pub name_span: Range<usize>,
    pub value: Value,
    pub value_span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Call {
    pub name: String,
    pub name_span: Range<usize>,
    pub args: Vec<Arg>,
    /// The whole call: `{{ … }}`, or `{% … %}` through its `{% end %}`.
    pub span: Range<usize>,
    pub body: Option<Body>,
}

/// The text between `{% name(…) %}` and `{% end %}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Body {
    pub span: Range<usize>,
    pub nodes: Vec<Node>,
}

/// What a page's text holds besides plain text, in order.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Node {
    Call(Call),
    /// An escaped call, `{{/* x() */}}`: its span and the text written in its place.
    Escape(Range<usize>, String),
    /// `{{ name }}`, left as text: a shortcode's name there is a call missing its parentheses.
    Bare(Range<usize>, String),
}

/// A mistake in a call, at a byte range of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub unclosed: bool,
    pub message: String,
    pub hint: String,
    pub span: Range<usize>,
}

/// Finds every call and escape in `text` (a page's body), with the mistakes in calls.
pub fn parse(text: &str) -> (Vec<Node>, Vec<SyntaxError>) {
    if !text.contains("{{") && !text.contains("{%") {
        return (Vec::new(), Vec::new());
    }
    let mut lexer =
        Lexer { text, at: 0, code: code_ranges(text), errors: Vec::new(), bare: Vec::new(), bare_inline: None };
    let nodes = lexer.nodes();
    (nodes, lexer.errors)
}

/// Byte ranges of code spans and code blocks, where calls are text.
fn code_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut block: Option<usize> = None;
    for (event, range) in Parser::new_ext(text, super::markdown_options()).into_offset_iter() {
        match event {
            Event::Code(_) if block.is_none() => ranges.push(range),
            Event::Start(pulldown_cmark::Tag::CodeBlock(_)) if block.is_none() => block = Some(range.start),
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                if let Some(start) = block.take() {
                    ranges.push(start..range.end);
                }
            }
            _ => {}
        }
    }
    ranges
}

/// An opened `{% name(…) %}` waiting for its `{% end %}`.
struct Open {
    call: Call,
    body_start: usize,
    nodes: Vec<Node>,
}

struct Lexer<'a> {
    text: &'a str,
    at: usize,
    code: Vec<Range<usize>>,
    errors: Vec<SyntaxError>,
    /// `{% name %}` seen without parentheses (left as text), with its name: the likely
    /// opening of a `{% end %}` that closes nothing.
    bare: Vec<(Range<usize>, &'a str)>,
    /// `{{ name }}` just read, left as text.
    bare_inline: Option<Node>,
}

impl Lexer<'_> {
    fn nodes(&mut self) -> Vec<Node> {
        let mut top: Vec<Node> = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        while let Some(i) = self.text[self.at..].find('{') {
            let start = self.at + i;
            self.at = start + 1;
            if let Some(end) = self.code_end(start) {
                // Escapes are written out in code too (Zola writes them out everywhere).
                if let Some(node) = self.escape(start) {
                    push(&mut stack, &mut top, node);
                } else {
                    self.at = self.at.max(end.min(self.text.len()));
                }
                continue;
            }
            if let Some(node) = self.escape(start) {
                push(&mut stack, &mut top, node);
                continue;
            }
            let rest = &self.text[start..];
            if rest.starts_with("{{") {
                if let Some(call) = self.call(start, "{{", "}}") {
                    push(&mut stack, &mut top, Node::Call(call));
                } else if let Some(bare) = self.bare_inline.take() {
                    push(&mut stack, &mut top, bare);
                }
            } else if rest.starts_with("{%") {
                if let Some(end) = self.end_tag(start) {
                    self.close(&mut stack, &mut top, start, end);
                } else if let Some(call) = self.call(start, "{%", "%}") {
                    stack.push(Open { body_start: call.span.end, call, nodes: Vec::new() });
                }
            }
        }
        for open in stack.into_iter().rev() {
            self.errors.push(SyntaxError {
                unclosed: true,
                message: msg!(ShortcodeUnclosed, name = open.call.name.as_str()),
                hint: msg!(ShortcodeUnclosedHint),
                span: open.call.span.start..open.body_start,
            });
        }
        top
    }

    /// The end of the code span or block holding `at`, if any (the ranges are in order).
    fn code_end(&self, at: usize) -> Option<usize> {
        let i = self.code.partition_point(|r| r.end <= at);
        self.code.get(i).filter(|r| r.contains(&at)).map(|r| r.end)
    }

    /// `{{/* … */}}` or `{%/* … */%}` at `start`: the text written in its place.
    fn escape(&mut self, start: usize) -> Option<Node> {
        let rest = &self.text[start..];
        let (open, close, plain_open, plain_close) = if rest.starts_with("{{/*") {
            ("{{/*", "*/}}", "{{", "}}")
        } else if rest.starts_with("{%/*") {
            ("{%/*", "*/%}", "{%", "%}")
        } else {
            return None;
        };
        let inner_len = rest[open.len()..].find(close)?;
        let inner = &rest[open.len()..open.len() + inner_len];
        let end = start + open.len() + inner_len + close.len();
        self.at = end;
        Some(Node::Escape(start..end, format!("{plain_open}{inner}{plain_close}")))
    }

    /// `{% end %}` at `start`: its end offset.
    fn end_tag(&self, start: usize) -> Option<usize> {
        let mut c = Cursor { text: self.text, at: start + 2 };
        c.skip_ws();
        if !c.eat("end") {
            return None;
        }
        c.skip_ws();
        c.eat("%}").then_some(c.at)
    }

    fn close(&mut self, stack: &mut Vec<Open>, top: &mut Vec<Node>, start: usize, end: usize) {
        self.at = end;
        let Some(open) = stack.pop() else {
            // The mistake is where the shortcode was opened, not here.
            if let Some((span, name)) = self.bare.pop() {
                self.errors.push(SyntaxError {
                    unclosed: false,
                    message: msg!(BareOpen, name = name),
                    hint: msg!(BareOpenHint, name = name),
                    span,
                });
                return;
            }
            self.errors.push(SyntaxError {
                unclosed: false,
                message: msg!(StrayEnd),
                hint: msg!(StrayEndHint),
                span: start..end,
            });
            return;
        };
        let mut call = open.call;
        call.span.end = end;
        call.body = Some(Body { span: open.body_start..start, nodes: open.nodes });
        push(stack, top, Node::Call(call));
    }

    /// A call opened by `open` at `start`. Text that only looks like one (`{{ page.title }}`)
    /// is left as text; a call that starts well (`{{ name(`) but goes wrong is an error.
    fn call(&mut self, start: usize, open: &str, close: &str) -> Option<Call> {
        let mut c = Cursor { text: self.text, at: start + open.len() };
        c.skip_ws();
        let name_start = c.at;
        let name = c.ident()?;
        let name_span = name_start..c.at;
        c.skip_ws();
        if !c.eat("(") {
            if c.eat(close) {
                match open {
                    "{%" => self.bare.push((start..c.at, name)),
                    _ => self.bare_inline = Some(Node::Bare(start..c.at, name.to_owned())),
                }
            }
            return None;
        }
        match args(&mut c, close) {
            Ok(args) => {
                self.at = c.at;
                Some(Call { name: name.to_owned(), name_span, args, span: start..c.at, body: None })
            }
            Err(mut e) => {
                e.message = msg!(ShortcodeCall, name = name, problem = e.message);
                self.errors.push(e);
                self.at = c.at.max(start + open.len());
                None
            }
        }
    }
}

fn push(stack: &mut [Open], top: &mut Vec<Node>, node: Node) {
    match stack.last_mut() {
        Some(open) => open.nodes.push(node),
        None => top.push(node),
    }
}

/// `name=value, …)` then the closing `}}` or `%}`.
fn args(c: &mut Cursor, close: &str) -> Result<Vec<Arg>, SyntaxError> {
    let mut args: Vec<Arg> = Vec::new();
    loop {
        c.skip_ws();
        if c.eat(")") {
            break;
        }
        let name_start = c.at;
        let Some(name) = c.ident() else {
            return Err(c.error(msg!(CallNotAnArgument), msg!(CallNotAnArgumentHint)));
        };
        let name_span = name_start..c.at;
        c.skip_ws();
        if !c.eat("=") {
            return Err(c.error(msg!(CallNeedsEquals, name = name), msg!(CallNeedsEqualsHint)));
        }
        c.skip_ws();
        let value_start = c.at;
        let value = value(c, 0)?;
        args.push(Arg { name: name.to_owned(), name_span, value, value_span: value_start..c.at });
        c.skip_ws();
        if !c.eat(",") {
            c.skip_ws();
            if c.eat(")") {
                break;
            }
            return Err(c.error(msg!(CallNeedsComma), msg!(CallNeedsCommaHint)));
        }
    }
    c.skip_ws();
    if !c.eat(close) {
        return Err(c.error(msg!(CallNeedsClose, close = close), msg!(CallNeedsCloseHint, close = close)));
    }
    Ok(args)
}

/// Lists may nest, but not without end: a hostile page must not exhaust the stack.
const MAX_DEPTH: usize = 32;

fn value(c: &mut Cursor, depth: usize) -> Result<Value, SyntaxError> {
    let start = c.at;
    let rest = c.rest();
    let Some(first) = rest.chars().next() else {
        return Err(c.error(msg!(CallEndsBeforeValue), msg!(CallEndsBeforeValueHint)));
    };
    match first {
        '"' | '\'' | '`' => match rest[1..].find(first) {
            Some(len) => {
                c.at += len + 2;
                Ok(Value::Text(rest[1..1 + len].to_owned()))
            }
            None => Err(SyntaxError {
                unclosed: false,
                message: msg!(CallUnclosedText, quote = first.to_string()),
                hint: msg!(CallUnclosedTextHint),
                span: start..start + 1,
            }),
        },
        '[' if depth >= MAX_DEPTH => Err(c.error(msg!(CallNestedTooDeeply), msg!(CallNestedTooDeeplyHint))),
        '[' => list(c, depth),
        _ => bare(c, start, first),
    }
}

/// A list, from its `[`: items separated by `,`, a trailing `,` allowed.
fn list(c: &mut Cursor, depth: usize) -> Result<Value, SyntaxError> {
    c.at += 1;
    let mut items = Vec::new();
    loop {
        c.skip_ws();
        if c.eat("]") {
            return Ok(Value::List(items));
        }
        items.push(value(c, depth + 1)?);
        c.skip_ws();
        if !c.eat(",") {
            c.skip_ws();
            if c.eat("]") {
                return Ok(Value::List(items));
            }
            return Err(c.error(msg!(CallListNeedsComma), msg!(CallListNeedsCommaHint)));
        }
    }
}

/// A bare word: `true`, `false` or a number (Tera's literals).
fn bare(c: &mut Cursor, start: usize, first: char) -> Result<Value, SyntaxError> {
    let rest = c.rest();
    let word: &str = &rest[..rest
        .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '-' || ch == '.' || ch == '_'))
        .unwrap_or(rest.len())];
    let parsed = match word {
        "true" => Some(Value::Bool(true)),
        "false" => Some(Value::Bool(false)),
        w if is_integer(w) => w.parse().ok().map(Value::Integer),
        w if is_float(w) => w.parse().ok().map(Value::Float),
        _ => None,
    };
    match parsed {
        Some(v) => {
            c.at += word.len();
            Ok(v)
        }
        None => Err(SyntaxError {
            unclosed: false,
            message: msg!(CallBadValue, value = word.chars().take(40).collect::<String>()),
            hint: msg!(CallBadValueHint),
            span: start..start + word.len().max(first.len_utf8()),
        }),
    }
}

fn is_integer(w: &str) -> bool {
    let digits = w.strip_prefix('-').unwrap_or(w);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0'))
}

fn is_float(w: &str) -> bool {
    let Some((whole, frac)) = w.split_once('.') else { return false };
    is_integer(whole) && !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit())
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
    }

    fn eat(&mut self, token: &str) -> bool {
        let ok = self.rest().starts_with(token);
        if ok {
            self.at += token.len();
        }
        ok
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`
    fn ident(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            return None;
        }
        let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
        self.at += len;
        Some(&rest[..len])
    }

    fn error(&self, message: String, hint: String) -> SyntaxError {
        let len = self.rest().chars().next().map_or(0, char::len_utf8);
        SyntaxError { unclosed: false, message, hint, span: self.at..self.at + len }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(text: &str) -> Vec<Call> {
        let (nodes, errors) = parse(text);
        assert!(errors.is_empty(), "{errors:?}");
        nodes.into_iter().filter_map(|n| if let Node::Call(c) = n { Some(c) } else { None }).collect()
    }

    #[test]
    fn inline_calls_with_every_kind_of_value() {
        let text = "A {{ hello(s='hey', i=1, f=2.5, b=true, l=[1, [\"x\"]], t=`q`) }} b";
        let c = &calls(text)[0];
        assert_eq!(c.name, "hello");
        assert_eq!(&text[c.span.clone()], "{{ hello(s='hey', i=1, f=2.5, b=true, l=[1, [\"x\"]], t=`q`) }}");
        let values: Vec<&Value> = c.args.iter().map(|a| &a.value).collect();
        assert_eq!(
            values,
            [
                &Value::Text("hey".into()),
                &Value::Integer(1),
                &Value::Float(2.5),
                &Value::Bool(true),
                &Value::List(vec![Value::Integer(1), Value::List(vec![Value::Text("x".into())])]),
                &Value::Text("q".into()),
            ]
        );
        assert_eq!(&text[c.args[0].value_span.clone()], "'hey'");
    }

    #[test]
    fn bodies_nest_and_keep_their_span() {
        let text = "{% a() %}\nx {% b(n=1) %}y{% end %}\n{% end %} z";
        let c = &calls(text)[0];
        let body = c.body.as_ref().map(|b| b.span.clone()).unwrap_or_default();
        assert_eq!(&text[body], "\nx {% b(n=1) %}y{% end %}\n");
        assert_eq!(&text[c.span.clone()], "{% a() %}\nx {% b(n=1) %}y{% end %}\n{% end %}");
        let Some(Node::Call(inner)) = c.body.as_ref().and_then(|b| b.nodes.first()) else { panic!("no inner call") };
        assert_eq!(inner.name, "b");
    }

    #[test]
    fn code_is_text_and_escapes_are_written_out() {
        assert!(calls("`{{ a() }}`\n\n```\n{{ b() }}\n```\n\n    {{ c() }}\n").is_empty());
        let (nodes, _) = parse("x {{/* a(n=1) */}} `{%/* end */%}`");
        assert_eq!(nodes, [Node::Escape(2..18, "{{ a(n=1) }}".into()), Node::Escape(20..33, "{% end %}".into())]);
        assert!(calls("{{ page.title }} {% if x %} {{ }}").is_empty());
    }

    #[test]
    fn mistakes_have_their_place() {
        let (_, e) = parse("ab {{ x(a=1 b=2) }}");
        assert_eq!(e[0].span, 12..13, "{e:?}");
        let (_, e) = parse("{{ x(a) }}");
        assert!(e[0].message.contains("needs `=`"), "{e:?}");
        let (_, e) = parse("{{ x(a=\"open) }}\nmore");
        assert_eq!(e[0].span, 7..8);
        let (_, e) = parse("text\n{% note() %}\nbody");
        assert!(e[0].unclosed && e[0].span == (5..17), "{e:?}");
        let (_, e) = parse("{% end %}");
        assert_eq!(e[0].span, 0..9);
        let (_, e) = parse("{{ x(a=yes) }}");
        assert!(e[0].message.contains("`yes`"), "{e:?}");
    }

    /// A value's mistake is a verb phrase after "the shortcode call `x`", said once.
    #[test]
    fn value_mistakes_name_the_call_once() {
        let (_, e) = parse("{{ x(a=yes) }}");
        assert_eq!(e[0].message, "the shortcode call `x` has a value that is not one: `yes`");
        let (_, e) = parse("{{ x(a=\"open) }}");
        assert_eq!(
            e[0].message,
            "the shortcode call `x` has text starting here that is never closed: add the closing \""
        );
    }

    #[test]
    fn deep_lists_do_not_overflow() {
        let text = format!("{{{{ x(a={}) }}}}", "[".repeat(100_000));
        let (_, e) = parse(&text);
        assert_eq!(e.len(), 1);
    }
}
