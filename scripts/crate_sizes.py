#!/usr/bin/env python3
"""Code size per crate of a wasm build that keeps function names (see README, Benchmarks).

Reads `twiggy top -n 1000000 --format csv <wasm>` on stdin and sums each function's own
size by the crate its name starts with (`<T as Trait>::f` counts for T's crate). Generic
std/core code instantiated for our types counts as std. Usage:
    twiggy top -n 1000000 --format csv dist-prof/app-*/microplan_bg.wasm | python3 scripts/crate_sizes.py
"""
import csv
import re
import sys

OLD_DOMAIN = {  # module of the single-crate layout -> crate it now belongs to
    'stats': 'stats', 'audit': 'audit', 'money': 'model', 'iso_date': 'model',
    'format': 'model', 'limits': 'model', 'random': 'model', 'shared': 'model',
    'removal': 'model', 'workspace': 'workspace', 'workspace_tables': 'workspace',
    'validate': 'workspace', 'results_decisions': 'workspace', 'geo': 'uplift',
}
CSV_MODULES = {'columns', 'csv_record', 'date', 'decode', 'file_names', 'limits', 'money',
               'number', 'problem', 'read', 'platform_exports', 'row_reader', 'text'}


def crate_of(name):
    name = re.sub(r'\[[0-9a-f]{16}\]', '', name.strip())
    if name.startswith('<'):
        inner = name[1:]
        own, _, trait = inner.partition(' as ')
        own = re.sub(r'^(&mut |&|\*mut |\*const |\[|\(|dyn )+', '', own)
        # A blanket impl (`<T as Trait>`) or a primitive counts for the trait's crate.
        if re.fullmatch(r'[A-Z]|str|\w+\d*|', own.split('<')[0]) and '::' not in own.split('<')[0]:
            name = trait or own
        else:
            name = own
    segs = name.split('::')
    root = segs[0]
    if root.startswith('microplan_') and root not in ('microplan_core',):
        return root[len('microplan_'):]
    if root == 'microplan_core' and len(segs) > 2:
        area, module = segs[1], segs[2]
        if area == 'io':
            return 'csv' if module in CSV_MODULES else 'workspace'
        if module.startswith('demo'):
            return 'demo'
        if module.startswith('uplift'):
            return 'uplift'
        return OLD_DOMAIN.get(module, 'plan')
    if root == 'microplan':
        if len(segs) > 1 and segs[1] == 'store' and len(segs) > 2 and segs[2] != 'browser':
            return 'workspace'
        return 'app'
    if root in ('core', 'alloc', 'std', 'hashbrown', 'dlmalloc', 'compiler_builtins'):
        return 'std'
    if re.match(r'^(leptos|reactive_graph|tachys|any_spawner|or_poisoned|throw_error|'
                r'reactive_stores|server_fn|slotmap|send_wrapper|oco_ref|futures|pin_project)', root):
        return 'leptos'
    if re.match(r'^(wasm_bindgen|js_sys|web_sys|gloo)', root):
        return 'wasm-bindgen'
    if re.match(r'^(serde|serde_json)', root):
        return 'serde'
    if root in ('statrs', 'nalgebra', 'num_traits', 'approx'):
        return 'statrs'
    if root in ('csv', 'csv_core', 'encoding_rs', 'memchr'):
        return 'csv'
    if root == 'chrono':
        return 'chrono'
    return 'other'


def main():
    totals = {}
    rows = csv.DictReader(sys.stdin)
    for row in rows:
        name, size = row['Name'], int(row['ShallowSize'])
        if name.startswith('"function names"') or name.startswith('data segment') \
                or name.startswith('table[') or name.startswith('type['):
            key = 'data and names'
        elif 'subsection' in name or name.startswith('custom section'):
            key = 'data and names'
        else:
            key = crate_of(name)
        totals[key] = totals.get(key, 0) + size
    code = sum(v for k, v in totals.items() if k != 'data and names')
    print(f'{"crate":<16}{"code KB":>10}{"share":>8}')
    for key, size in sorted(totals.items(), key=lambda kv: -kv[1]):
        if key == 'data and names':
            continue
        print(f'{key:<16}{size / 1024:>10.1f}{size / code:>8.1%}')
    print(f'{"all code":<16}{code / 1024:>10.1f}')
    print(f'{"data and names":<16}{totals.get("data and names", 0) / 1024:>10.1f}')


if __name__ == '__main__':
    main()
