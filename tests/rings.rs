//! No source file imports another that imports it back, directly or
//! round a ring of files: imports run one way (DESIGN.md, "Architecture").
//!
//! The test reads every `.rs` file under `src/` and builds the graph of
//! imports between files by the rules of the shared `tools/rings.py`:
//!
//! - `use` declarations whose path starts with `crate::`, `super::` or
//!   `self::`, with nested `{}` groups and `as` renames;
//! - paths written inline in code (`super::palette::Palette` in a type,
//!   `crate::app::overlay::Overlay::Help` in an expression);
//! - each path resolved to the deepest module that has a file;
//! - not counted: comments (doc comments too) and string literals, the
//!   `#[cfg(test)] mod tests { .. }` block, a parent's `pub use` of its
//!   own child, and a file naming its own ancestor module (how Rust
//!   nests: `use super::App` from `app/palette.rs`).
//!
//! Where the script reads text with regular expressions, this reads
//! tokens, so it also follows `mod name { .. }` blocks inside a file (in
//! them `super::super::x` is the file's parent's `x`), skips a test
//! module with more attributes after its `#[cfg(test)]`, and leaves out
//! `main.rs` (the binary's own crate root).
//!
//! It then finds the strongly connected components (Tarjan) and fails
//! naming the files of each ring and the imports that close it. Standard
//! library only: a small tokenizer stands in for a parser.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A token of Rust source, as far as paths go. Comments, whitespace,
/// string and character literals, lifetimes and numbers are dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    /// `::`
    PathSep,
    Punct(char),
}

fn tokens(text: &str) -> Vec<Token> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && c.get(i + 1) == Some(&'*') {
            i = skip_block_comment(&c, i);
        } else if ch == '"' {
            i = skip_string(&c, i + 1);
        } else if ch == '\'' {
            i = skip_quote(&c, i);
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            match (word.as_str(), c.get(i)) {
                ("b" | "c", Some('"')) => i = skip_string(&c, i + 1),
                ("b", Some('\'')) => i = skip_quote(&c, i),
                ("r" | "br" | "cr", Some('"' | '#')) => i = raw(&c, i, &word, &mut out),
                _ => out.push(Token::Ident(word)),
            }
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push(Token::PathSep);
            i += 2;
        } else {
            out.push(Token::Punct(ch));
            i += 1;
        }
    }
    out
}

/// Past a `/* .. */` comment starting at `i`; they nest.
fn skip_block_comment(c: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// Past the closing quote of a string whose text starts at `i`.
fn skip_string(c: &[char], mut i: usize) -> usize {
    while i < c.len() {
        match c[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// Past a character literal (`'a'`, `'\n'`, `'\u{1b}'`) or a lifetime or
/// label (`'a`, `'static`) starting at the quote at `i`.
fn skip_quote(c: &[char], i: usize) -> usize {
    if c.get(i + 1) == Some(&'\\') {
        let mut j = i + 3;
        while j < c.len() && c[j] != '\'' {
            j += 1;
        }
        return j + 1;
    }
    if c.get(i + 2) == Some(&'\'') {
        return i + 3;
    }
    let mut j = i + 1;
    while j < c.len() && (c[j].is_alphanumeric() || c[j] == '_') {
        j += 1;
    }
    j
}

/// A raw string (`r"..."`, `br#"..."#`) or a raw identifier (`r#type`),
/// `i` just past the prefix `word`.
fn raw(c: &[char], i: usize, word: &str, out: &mut Vec<Token>) -> usize {
    let hashes = c[i..].iter().take_while(|&&ch| ch == '#').count();
    let mut j = i + hashes;
    if c.get(j) == Some(&'"') {
        j += 1;
        while j < c.len() {
            if c[j] == '"'
                && c[j + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&h| h == '#')
                    .count()
                    == hashes
            {
                return j + 1 + hashes;
            }
            j += 1;
        }
        return j;
    }
    if word == "r" && hashes == 1 && c.get(j).is_some_and(|ch| ch.is_alphabetic() || *ch == '_') {
        let start = j;
        while j < c.len() && (c[j].is_alphanumeric() || c[j] == '_') {
            j += 1;
        }
        out.push(Token::Ident(c[start..j].iter().collect()));
        return j;
    }
    out.push(Token::Ident(word.to_string()));
    i
}

/// The module a file under `src/` holds: `app/mod.rs` is `app`,
/// `app/palette.rs` is `app::palette`, `lib.rs` is the crate root.
fn module_of(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The import graph between files: for each file, the files it imports,
/// each with the first path that does it (for the failure message).
struct Graph {
    files: Vec<String>,
    edges: Vec<BTreeMap<usize, String>>,
}

impl Graph {
    /// Builds the graph of `(path under src/, text)` files.
    fn build(sources: &[(String, String)]) -> Graph {
        let files: Vec<String> = sources.iter().map(|(rel, _)| rel.clone()).collect();
        let modules: BTreeMap<Vec<String>, usize> = files
            .iter()
            .enumerate()
            .map(|(index, rel)| (module_of(rel), index))
            .collect();
        let mut edges = vec![BTreeMap::new(); files.len()];
        for (from, (rel, text)) in sources.iter().enumerate() {
            let here = module_of(rel);
            for found in paths_in(&here, &tokens(text)) {
                let Some(target) = deepest(&modules, &found.module) else {
                    continue;
                };
                let to = modules[&target];
                let ancestor = target.len() < here.len() && here.starts_with(&target);
                let own_child =
                    found.public_use && target.len() == here.len() + 1 && target.starts_with(&here);
                if to == from || ancestor || own_child {
                    continue;
                }
                edges[from].entry(to).or_insert(found.text);
            }
        }
        Graph { files, edges }
    }

    /// Every ring (strongly connected component of more than one file),
    /// its files sorted, the rings sorted.
    fn rings(&self) -> Vec<Vec<String>> {
        let mut tarjan = Tarjan {
            graph: self,
            index: vec![None; self.files.len()],
            low: vec![0; self.files.len()],
            stack: Vec::new(),
            on_stack: vec![false; self.files.len()],
            next: 0,
            rings: Vec::new(),
        };
        for v in 0..self.files.len() {
            if tarjan.index[v].is_none() {
                tarjan.strong(v);
            }
        }
        let mut rings = tarjan.rings;
        rings.sort();
        rings
    }

    /// The imports between the files of `ring`, one line each.
    fn explain(&self, ring: &[String]) -> String {
        let inside: BTreeSet<usize> = ring
            .iter()
            .filter_map(|rel| self.files.iter().position(|f| f == rel))
            .collect();
        let mut lines = String::new();
        for &from in &inside {
            for (to, text) in &self.edges[from] {
                if inside.contains(to) {
                    let (a, b) = (&self.files[from], &self.files[*to]);
                    lines.push_str(&format!("    {a} -> {b}  ({text})\n"));
                }
            }
        }
        lines
    }
}

struct Tarjan<'g> {
    graph: &'g Graph,
    index: Vec<Option<usize>>,
    low: Vec<usize>,
    stack: Vec<usize>,
    on_stack: Vec<bool>,
    next: usize,
    rings: Vec<Vec<String>>,
}

impl Tarjan<'_> {
    fn strong(&mut self, v: usize) {
        self.index[v] = Some(self.next);
        self.low[v] = self.next;
        self.next += 1;
        self.stack.push(v);
        self.on_stack[v] = true;
        let graph = self.graph;
        for &w in graph.edges[v].keys() {
            match self.index[w] {
                None => {
                    self.strong(w);
                    self.low[v] = self.low[v].min(self.low[w]);
                }
                Some(index) if self.on_stack[w] => self.low[v] = self.low[v].min(index),
                Some(_) => {}
            }
        }
        if Some(self.low[v]) == self.index[v] {
            let mut component = Vec::new();
            while let Some(w) = self.stack.pop() {
                self.on_stack[w] = false;
                component.push(graph.files[w].clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                self.rings.push(component);
            }
        }
    }
}

/// A path a file names, made absolute (not yet resolved to a file).
struct Found {
    module: Vec<String>,
    /// A `pub use` (of any visibility), which may re-export a child.
    public_use: bool,
    /// The path as written, for messages.
    text: String,
}

/// The `crate::`, `super::` and `self::` paths in a file's tokens, from
/// `use` declarations and inline, outside its `#[cfg(test)]` module.
/// `here` is the file's module; `mod name { .. }` blocks inside the
/// file are followed, so that their `super::` means what it does.
fn paths_in(here: &[String], tokens: &[Token]) -> Vec<Found> {
    let mut found = Vec::new();
    // The module at each point: the file's, then any inline `mod` blocks,
    // each with the brace depth its block opened at.
    let mut nested: Vec<(usize, String)> = Vec::new();
    let mut pending_mod: Option<String> = None;
    let mut depth = 0;
    let mut k = 0;
    while k < tokens.len() {
        if let Some(end) = test_module_end(tokens, k) {
            k = end;
            continue;
        }
        match &tokens[k] {
            Token::Punct('{') => {
                depth += 1;
                if let Some(name) = pending_mod.take() {
                    nested.push((depth, name));
                }
                k += 1;
            }
            Token::Punct('}') => {
                if nested.last().is_some_and(|(d, _)| *d == depth) {
                    nested.pop();
                }
                depth = depth.saturating_sub(1);
                k += 1;
            }
            Token::Ident(word) if word == "mod" => {
                if let (Some(Token::Ident(name)), Some(Token::Punct('{'))) =
                    (tokens.get(k + 1), tokens.get(k + 2))
                {
                    pending_mod = Some(name.clone());
                }
                k += 1;
            }
            Token::Ident(word) if word == "use" => {
                let public_use = is_public(tokens, k);
                let end = (k..tokens.len())
                    .find(|&j| tokens[j] == Token::Punct(';'))
                    .unwrap_or(tokens.len());
                let mut paths = Vec::new();
                let mut pos = 0;
                let body = &tokens[k + 1..end];
                while pos < body.len() {
                    use_tree(body, &mut pos, Vec::new(), &mut paths);
                }
                let module = inside(here, &nested);
                for path in paths {
                    if let Some(absolute) = absolute(&module, &path) {
                        let text = format!("use {}", path.join("::"));
                        found.push(Found {
                            module: absolute,
                            public_use,
                            text,
                        });
                    }
                }
                k = end + 1;
            }
            Token::Ident(word)
                if matches!(word.as_str(), "crate" | "super" | "self")
                    && tokens.get(k + 1) == Some(&Token::PathSep)
                    && (k == 0 || tokens[k - 1] != Token::PathSep) =>
            {
                let mut path = vec![word.clone()];
                let mut j = k + 1;
                while tokens.get(j) == Some(&Token::PathSep) {
                    let Some(Token::Ident(segment)) = tokens.get(j + 1) else {
                        break;
                    };
                    path.push(segment.clone());
                    j += 2;
                }
                if let Some(absolute) = absolute(&inside(here, &nested), &path) {
                    found.push(Found {
                        module: absolute,
                        public_use: false,
                        text: path.join("::"),
                    });
                }
                k = j;
            }
            _ => k += 1,
        }
    }
    found
}

/// The module at a point of a file: the file's, then the inline `mod`
/// blocks the point is in.
fn inside(here: &[String], nested: &[(usize, String)]) -> Vec<String> {
    let mut module = here.to_vec();
    module.extend(nested.iter().map(|(_, name)| name.clone()));
    module
}

/// Where the `#[cfg(test)] mod name { .. }` block starting at `k` ends
/// (other attributes may sit between), or `None` if none starts there.
fn test_module_end(tokens: &[Token], k: usize) -> Option<usize> {
    let cfg_test = [
        Token::Punct('#'),
        Token::Punct('['),
        Token::Ident("cfg".into()),
        Token::Punct('('),
        Token::Ident("test".into()),
        Token::Punct(')'),
        Token::Punct(']'),
    ];
    if !tokens[k..].starts_with(&cfg_test) {
        return None;
    }
    let mut j = k + cfg_test.len();
    while tokens.get(j) == Some(&Token::Punct('#')) && tokens.get(j + 1) == Some(&Token::Punct('['))
    {
        j = matching(tokens, j + 1, '[', ']')?;
    }
    if tokens.get(j) == Some(&Token::Ident("pub".into())) {
        j += 1;
        if tokens.get(j) == Some(&Token::Punct('(')) {
            j = matching(tokens, j, '(', ')')?;
        }
    }
    let is_mod = tokens.get(j) == Some(&Token::Ident("mod".into()))
        && matches!(tokens.get(j + 1), Some(Token::Ident(_)))
        && tokens.get(j + 2) == Some(&Token::Punct('{'));
    if is_mod {
        matching(tokens, j + 2, '{', '}')
    } else {
        None
    }
}

/// Just past the bracket closing the `open` at `start`.
fn matching(tokens: &[Token], start: usize, open: char, close: char) -> Option<usize> {
    let mut depth = 0;
    for (j, token) in tokens.iter().enumerate().skip(start) {
        if *token == Token::Punct(open) {
            depth += 1;
        } else if *token == Token::Punct(close) {
            depth -= 1;
            if depth == 0 {
                return Some(j + 1);
            }
        }
    }
    None
}

/// Whether the `use` at `k` is `pub` or `pub(..)`.
fn is_public(tokens: &[Token], k: usize) -> bool {
    let pub_token = Token::Ident("pub".into());
    match k.checked_sub(1).map(|j| &tokens[j]) {
        Some(token) if *token == pub_token => true,
        Some(Token::Punct(')')) => {
            let open = (0..k - 1).rev().find(|&j| tokens[j] == Token::Punct('('));
            open.is_some_and(|j| j > 0 && tokens[j - 1] == pub_token)
        }
        _ => false,
    }
}

/// Expands the use tree at `pos` (`a::{b, c::{d as e}, f::*}`) into
/// paths, `as` renames dropped.
fn use_tree(body: &[Token], pos: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    while *pos < body.len() {
        match &body[*pos] {
            Token::PathSep => *pos += 1,
            Token::Ident(word) => {
                path.push(word.clone());
                *pos += 1;
                if body.get(*pos) == Some(&Token::PathSep) {
                    *pos += 1;
                    continue;
                }
                if body.get(*pos) == Some(&Token::Ident("as".into())) {
                    *pos += 2;
                }
                out.push(path);
                return;
            }
            Token::Punct('*') => {
                *pos += 1;
                out.push(path);
                return;
            }
            Token::Punct('{') => {
                *pos += 1;
                while *pos < body.len() && body[*pos] != Token::Punct('}') {
                    let before = *pos;
                    use_tree(body, pos, path.clone(), out);
                    if body.get(*pos) == Some(&Token::Punct(',')) || *pos == before {
                        *pos += 1;
                    }
                }
                *pos += 1;
                return;
            }
            _ => {
                *pos += 1;
                return;
            }
        }
    }
}

/// A path made absolute from the module it is written in; `None` for
/// paths into other crates (`std::`, `ratatui::`) or bare names.
fn absolute(module: &[String], path: &[String]) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let mut base = match first.as_str() {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => module[..module.len().checked_sub(1)?].to_vec(),
        _ => return None,
    };
    let mut rest = rest;
    while let Some((segment, tail)) = rest.split_first() {
        if segment != "super" {
            break;
        }
        base.pop()?;
        rest = tail;
    }
    base.extend(rest.iter().filter(|s| *s != "self").cloned());
    Some(base)
}

/// The deepest module with a file that `path` lies in (the crate root
/// does not count: every file lies in it).
fn deepest(modules: &BTreeMap<Vec<String>, usize>, path: &[String]) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains_key(prefix))
}

/// Every `.rs` file under `dir`, as (path relative to `root` with `/`,
/// text).
fn read_tree(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_tree(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).expect("under src/");
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let text = std::fs::read_to_string(&path).expect("a UTF-8 source file");
            out.push((rel.join("/"), text));
        }
    }
}

/// The crate's files. `main.rs` is left out: it is the binary's root, a
/// crate of its own, where `crate::` is not the library.
fn crate_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Vec::new();
    read_tree(&src, &src, &mut sources);
    sources.retain(|(rel, _)| rel != "main.rs");
    assert!(
        sources.len() > 100,
        "src/ looks empty: {} files",
        sources.len()
    );
    Graph::build(&sources)
}

/// The failure message: each ring's files, then the imports that close it.
fn describe(graph: &Graph, rings: &[Vec<String>]) -> String {
    let mut message = String::new();
    for ring in rings {
        message.push_str(&format!(
            "files that import each other: {}\n",
            ring.join(" <-> ")
        ));
        message.push_str(&graph.explain(ring));
    }
    message
}

#[test]
fn no_file_imports_another_that_imports_it_back() {
    let graph = crate_graph();
    let rings = graph.rings();
    assert!(rings.is_empty(), "\n{}", describe(&graph, &rings));
}

fn fake(files: &[(&str, &str)]) -> Graph {
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|(rel, text)| (rel.to_string(), text.to_string()))
        .collect();
    Graph::build(&sources)
}

fn imports(graph: &Graph, from: &str) -> Vec<String> {
    let index = graph
        .files
        .iter()
        .position(|f| f == from)
        .expect("a fake file");
    graph.edges[index]
        .keys()
        .map(|&to| graph.files[to].clone())
        .collect()
}

/// The graph builder itself, on a few in-memory files, so that it can be
/// seen to find what it should and to skip what it should.
#[test]
fn the_graph_builder_finds_rings_and_skips_what_does_not_count() {
    let graph = fake(&[
        ("lib.rs", "pub mod app;\npub mod store;\npub mod ui;\n"),
        (
            "app/mod.rs",
            "//! The app.\npub mod a;\npub mod b;\npub struct App;\n",
        ),
        // a -> b by a use line, b -> a only by paths written inline.
        (
            "app/a.rs",
            "use super::b::{self, Board as B};\npub struct A(B);\n",
        ),
        (
            "app/b.rs",
            "pub struct Board;\npub fn f(x: super::a::A) -> crate::app::a::A { x }\n",
        ),
        // The parent re-exports its child; the child names its parent,
        // and imports a file that imports the parent back.
        (
            "store/mod.rs",
            "pub mod codec;\npub use self::codec::{Codec, seal};\npub(crate) use self::codec::Raw;\npub struct Store;\n",
        ),
        (
            "store/codec.rs",
            "use super::Store;\nuse crate::ui::Pane;\npub struct Codec;\n",
        ),
        // Paths only in comments, strings and the test module.
        (
            "ui/mod.rs",
            r##"//! Draws [`crate::app::a::A`] and [`crate::store::codec::Codec`].
use crate::store::Store;
/// See `crate::store::codec::seal`.
pub struct Pane;
// crate::store::codec::Codec in a plain comment
/* crate::store::codec /* nested */ crate::app::b */
const S: &str = "crate::store::codec::Codec";
const R: &str = r#"super::store::codec"#;
const C: char = '"'; const L: &'static str = "x";
#[cfg(test)]
#[allow(dead_code)]
mod tests {
    use crate::store::codec::Codec;
    fn f() -> crate::app::b::Board { crate::app::b::Board }
}
"##,
        ),
    ]);

    assert_eq!(imports(&graph, "app/a.rs"), ["app/b.rs"]);
    assert_eq!(
        imports(&graph, "app/b.rs"),
        ["app/a.rs"],
        "inline paths count"
    );
    assert_eq!(
        imports(&graph, "store/mod.rs"),
        Vec::<String>::new(),
        "pub use of a child"
    );
    assert_eq!(
        imports(&graph, "store/codec.rs"),
        ["ui/mod.rs"],
        "a child naming its parent"
    );
    assert_eq!(
        imports(&graph, "ui/mod.rs"),
        ["store/mod.rs"],
        "comments, strings, tests"
    );
    assert_eq!(graph.rings(), [["app/a.rs", "app/b.rs"]]);
    let message = describe(&graph, &graph.rings());
    assert!(message.starts_with("files that import each other: app/a.rs <-> app/b.rs\n"));
    assert!(
        message.contains("app/b.rs -> app/a.rs  (super::a::A)"),
        "{message}"
    );

    // Counted, the same text makes rings: a private `use` of the child,
    // and the comment's path written as code.
    let counted = fake(&[
        (
            "store/mod.rs",
            "pub mod codec;\nuse self::codec::Codec;\npub struct Store;\n",
        ),
        (
            "store/codec.rs",
            "use crate::ui::Pane;\npub struct Codec;\n",
        ),
        (
            "ui/mod.rs",
            "use crate::store::Store;\npub struct Pane(crate::store::codec::Codec);\n",
        ),
    ]);
    assert_eq!(
        counted.rings(),
        [["store/codec.rs", "store/mod.rs", "ui/mod.rs"]]
    );
}

/// `mod name { .. }` blocks inside a file: their `super::` is the file's
/// module, so `super::super::row` in `interchange/records.rs`'s inline
/// module means `interchange::row`.
#[test]
fn inline_modules_shift_what_super_means() {
    let graph = fake(&[
        ("interchange/mod.rs", "pub mod records;\npub mod row;\n"),
        (
            "interchange/records.rs",
            "pub mod ymd {\n    pub fn f() { super::super::row::date(); }\n}\nfn g() { super::row::date(); }\n",
        ),
        ("interchange/row.rs", "pub fn date() {}\n"),
    ]);
    assert_eq!(
        imports(&graph, "interchange/records.rs"),
        ["interchange/row.rs"]
    );
    let records = graph
        .files
        .iter()
        .position(|f| f == "interchange/records.rs");
    let text = graph.edges[records.expect("a fake file")].values().next();
    assert_eq!(text.map(String::as_str), Some("super::super::row::date"));
}
