#!/usr/bin/env python3
"""Fails when two sibling modules of a crate depend on each other, directly or through other
siblings. Crates cannot form cycles (Cargo refuses), so this checks inside each crate.

For every `crate::`, `super::` and `self::` path in non-test code, the edge from the file's
module to the module the path names is lifted to the two siblings under their closest common
parent; a parent using its children, or a child its parent, is the module tree itself and
not counted. Then any strongly connected group of two or more siblings is a cycle.
Usage: python3 scripts/module_cycles.py [crate folders...]   (default: crates/* and src)
"""
import os
import re
import sys

PATH = re.compile(r'(?<![\w:])((?:crate|super|self)(?:::(?:r#)?\w+)+)')
GROUP = re.compile(r'(?<![\w:])((?:crate|super|self)(?:::\w+)*)::\{([^;]*?)\}', re.S)
# Comments, string literals and char literals (`b'"'` must not open a string).
STRIP = re.compile(r'//[^\n]*|/\*.*?\*/|r#*"(?:.|\n)*?"#*|b?\'(?:\\.|[^\'\\])\'|"(?:\\.|[^"\\])*"', re.S)


def modules_of(src):
    """{module tuple: file path} for the non-test files of one crate's src folder."""
    found = {}
    for folder, _, files in os.walk(src):
        for name in files:
            if not name.endswith('.rs'):
                continue
            rel = os.path.relpath(os.path.join(folder, name), src).split(os.sep)
            if 'tests' in rel[:-1] or name == 'tests.rs':
                continue
            if rel[-1] in ('lib.rs', 'main.rs', 'mod.rs'):
                module = tuple(rel[:-1])
            else:
                module = tuple(rel[:-1]) + (rel[-1][:-3],)
            found[module] = os.path.join(folder, name)
    return found


def references(text, here, modules):
    text = STRIP.sub('', text)
    cut = text.find('#[cfg(test)]')
    if cut >= 0:
        text = text[:cut]
    paths = [m.group(1).split('::') for m in PATH.finditer(text)]
    for m in GROUP.finditer(text):
        for item in re.split(r'[,\s]+', m.group(2)):
            if item and re.match(r'\w', item):
                paths.append(m.group(1).split('::') + item.split('::'))
    for segs in paths:
        if segs[0] == 'crate':
            absolute = segs[1:]
        elif segs[0] == 'self':
            absolute = list(here) + segs[1:]
        else:
            ups = 0
            while ups < len(segs) and segs[ups] == 'super':
                ups += 1
            if ups > len(here):
                continue
            absolute = list(here[:len(here) - ups]) + segs[ups:]
        for n in range(len(absolute), -1, -1):
            if tuple(absolute[:n]) in modules:
                yield tuple(absolute[:n])
                break


def sibling_edge(a, b):
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    if common == len(a) or common == len(b):
        return None  # one contains the other
    return a[:common + 1], b[:common + 1]


def cycles(edges):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    nodes = set(edges) | {b for targets in edges.values() for b in targets}

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    crates = sys.argv[1:] or sorted(
        os.path.join('crates', c) for c in os.listdir(os.path.join(root, 'crates'))) + ['.']
    failed = False
    for crate in crates:
        src = os.path.join(root, crate, 'src')
        modules = modules_of(src)
        edges = {}
        for module, path in modules.items():
            with open(path, encoding='utf-8') as f:
                text = f.read()
            for target in references(text, module, modules):
                pair = sibling_edge(module, target)
                if pair:
                    edges.setdefault(pair[0], set()).add(pair[1])
        found = cycles(edges)
        name = os.path.basename(os.path.normpath(os.path.join(root, crate)))
        print(f'{name}: {len(modules)} modules, {sum(len(v) for v in edges.values())} sibling edges, '
              f'{len(found)} cycles')
        for group in found:
            failed = True
            print('  cycle: ' + ' <-> '.join('::'.join(m) for m in group))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
