//! The engine's modules depend on each other one way only, from the bottom layer up, so each
//! can be read knowing only the ones below it. Read from the sources: a file's top-level `use`
//! of `super::…` or `crate::engine::…` must name a module in a lower layer (or the file's parent).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// The engine's modules, bottom layer first.
const LAYERS: &[&[&str]] = &[
    &["decimal"],
    &["error"],
    &["limits", "arrays"],
    // What a step is made of: the activation functions and where a window's taps fall.
    &[
        "activation/function",
        "geometry",
        "geometry/groups",
        "geometry/transposed",
    ],
    &["stepper", "fill", "presets"],
    &[
        "conv",
        "conv/direct",
        "conv_transpose",
        "conv_transpose/scatter",
        "pool",
        "activation",
        // The backward pass's vocabulary and its loss.
        "backward/step",
        "backward/loss",
    ],
    &[
        "layer",
        "reference",
        "backward/pool",
        "backward/activation",
        "backward/conv",
    ],
    &["pipeline"],
    // The backward pass over a chain, and training it.
    &["backward", "backward/train"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The engine modules under `dir`, as paths relative to `src/engine` without `.rs`.
fn modules(root: &Path, dir: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("the engine's sources are readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            modules(root, &path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path.strip_prefix(root).expect("under the root");
            let module = relative
                .with_extension("")
                .to_string_lossy()
                .replace('\\', "/");
            if module != "mod" {
                found.push(module);
            }
        }
    }
}

/// The engine module a `use` path names, resolved from the file of `module`.
fn target_of(module: &str, path: &str) -> Option<String> {
    let mut segments: Vec<&str> = path.split("::").collect();
    let mut base: Vec<&str> = module.split('/').collect();
    match segments.first() {
        Some(&"crate") if segments.get(1) == Some(&"engine") => {
            base.clear();
            segments.drain(..2);
        }
        Some(&"super") => {
            while segments.first() == Some(&"super") {
                base.pop();
                segments.remove(0);
            }
        }
        _ => return None,
    }
    let absolute: Vec<&str> = base.into_iter().chain(segments).collect();
    (1..=absolute.len())
        .rev()
        .map(|n| absolute[..n].join("/"))
        .find(|candidate| layer_of(candidate).is_some())
}

/// The paths of a file's own `use` statements, up to their first `{` (inline modules, such as
/// tests, are indented and left out).
fn top_level_uses(source: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line
            .strip_prefix("use ")
            .or_else(|| line.strip_prefix("pub use "))
        else {
            continue;
        };
        let mut statement = rest.to_owned();
        while !statement.contains(';') {
            match lines.next() {
                Some(more) => statement.push_str(more.trim()),
                None => break,
            }
        }
        let path = statement.split(['{', ';', ' ']).next().unwrap_or_default();
        paths.push(path.trim_end_matches("::").to_owned());
    }
    paths
}

#[test]
fn engine_modules_only_use_lower_layers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut found = Vec::new();
    modules(&root, &root, &mut found);
    found.sort();
    let mut wrong = Vec::new();
    for module in &found {
        let Some(layer) = layer_of(module) else {
            wrong.push(format!("{module} is in no layer of this test"));
            continue;
        };
        let source = fs::read_to_string(root.join(format!("{module}.rs"))).expect("readable");
        let parent = module.rsplit_once('/').map(|(parent, _)| parent);
        for path in top_level_uses(&source) {
            let Some(target) = target_of(module, &path) else {
                continue;
            };
            let below = layer_of(&target).is_some_and(|used| used < layer);
            if !below && Some(target.as_str()) != parent {
                wrong.push(format!("{module} uses {target} (`use {path}`)"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(found.len() >= 16, "found only {found:?}");
}
