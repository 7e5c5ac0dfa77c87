"""Write the docs' speed page (nbs/speed.ipynb) and the README's speed section (the markdown cell of nbs/index.ipynb
that starts with "## Speed") from bench/results.json and the docstrings of the scripts in bench/.

bench/results.json is the one record of the benchmarks' figures: each script in bench/ writes its own entry when it
finishes (bench/results.py), and no figure of theirs is written anywhere by hand. A benchmark is a script of bench/
that runs as a program (`if __name__ == '__main__':`); one with no entry is listed as having no result yet. A file is
written only if its content changed, so that a second run changes nothing; CI runs this script and fails if it
changed a file.

Usage: python .ci/speed.py
"""
import ast, hashlib, json, re, shlex, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
bench, nbs = root/'bench', root/'nbs'
MAX_WORDS = 150  # the README's section stays a summary; the page has the rest

def fail(msg): sys.exit(f"speed error: {msg}")

def scripts():
    "{file name: docstring} of the benchmarks in bench/, in name order"
    out = {}
    for f in sorted(bench.glob('*.py')):
        tree = ast.parse(f.read_text(encoding='utf-8'))
        main = any(isinstance(n, ast.If) and "__name__ == '__main__'" in ast.unparse(n.test).replace('"', "'") for n in tree.body)
        if main: out[f.name] = ast.get_docstring(tree) or ''
    return out

def what(doc):
    "The docstring's first paragraph, as markdown: a list in it gets the blank lines around it that pandoc needs"
    out, in_list = [], False
    for l in doc.split('\n\n')[0].strip().splitlines():
        item, more = bool(re.match(r'(- |\d+\. )', l)), in_list and l.startswith(' ')  # an item, or more of one
        if item != in_list and not more:  # a list starts, or a line after it ends it
            if out: out.append('')
            in_list = item
        out.append(l)
    return '\n'.join(out)

def usage(name, doc):
    "The command line the docstring gives, else the plain one"
    return next((l.strip() for l in doc.splitlines() if l.strip().startswith(f'python bench/{name}')), f'python bench/{name}')

def cell_id(key): return hashlib.sha1(f'speed {key}'.encode()).hexdigest()[:8]  # fixed, so that nbdev-clean adds none

def cell(key, src):
    return {'cell_type': 'markdown', 'id': cell_id(key), 'metadata': {}, 'source': src.strip('\n').splitlines(keepends=True)}

def dumps(nb): return json.dumps(nb, indent=1, ensure_ascii=False) + '\n'

def write(path, text):
    if not path.exists() or path.read_text(encoding='utf-8') != text:
        path.write_text(text, encoding='utf-8'); print(f"speed: wrote {path.relative_to(root)}")

def ran(e):
    args = f"with `{shlex.join(e['args'])}`" if e.get('args') else "with its defaults"
    return f"Last run {e['date']}, on {e['machine']}, {args}."

def page(docs, results):
    cells = [cell('title', "# Speed\n\n> What each benchmark in bench/ compares, and its last result: when, and on what machine, "
                  "it ran."),
             cell('about', "The scripts in `bench/` measure the speed claims of the course, each in one run, and print ratios. "
                  "They are not tests: run them on a quiet machine, as `python bench/NAME.py`. When a script finishes, "
                  "it writes its result lines, its arguments, the machine and the date into `bench/results.json`, "
                  "from which this page and the README's speed section are generated (`python .ci/speed.py`; CI fails "
                  "when they are out of step). Each result is from the machine its section names, except a line that "
                  "names another machine.")]
    for name, doc in docs.items():
        run = f"`{usage(name, doc)}`"
        e = results.get(name)
        if e: body = ran(e) + "\n\n" + '\n'.join(f"- {l.strip()}" for l in e['lines'])
        else: body = f"No result recorded yet: {run} runs it and records its result here."
        cells.append(cell(name, f"## bench/{name}\n\n{what(doc)}\n\n{'Run: ' + run + chr(10) + chr(10) if e else ''}{body}"))
    return cells

def section(docs, results):
    rows = []
    for name in docs:
        e = results.get(name)
        first = e['lines'][0].strip().replace('|', '\\|') if e and e['lines'] else 'no result recorded yet'
        rows.append(f"| `bench/{name}` | {first} |")
    return ("## Speed\n\nEach script in `bench/` times a speed claim; its last result:\n\n"
            "| benchmark | last result |\n|---|---|\n" + '\n'.join(rows) +
            "\n\nWhat each compares, all its result lines, where and when it ran: [the speed page](speed.ipynb).")

def main():
    docs = scripts()
    path = bench/'results.json'
    try: results = json.loads(path.read_text(encoding='utf-8'))
    except FileNotFoundError: results = {}
    except json.JSONDecodeError as e: fail(f"{path.relative_to(root)} is not JSON: {e}")
    stale = sorted(set(results) - set(docs))
    if stale: fail(f"bench/results.json has entries for scripts that bench/ does not have: {', '.join(stale)} (remove them)")
    for name, e in results.items():
        missing = [k for k in ('what', 'lines', 'args', 'machine', 'date') if k not in e]
        if missing or not e['lines']: fail(f"bench/results.json's entry for {name} has no {', '.join(missing) or 'lines'}")

    index_path = nbs/'index.ipynb'
    index = json.loads(index_path.read_text(encoding='utf-8'))
    meta = dict(metadata=index['metadata'], nbformat=index['nbformat'], nbformat_minor=index['nbformat_minor'])
    write(nbs/'speed.ipynb', dumps(dict(cells=page(docs, results), **meta)))

    cells = [c for c in index['cells'] if c['cell_type'] == 'markdown' and ''.join(c['source']).startswith('## Speed')]
    if len(cells) != 1: fail(f"nbs/index.ipynb has {len(cells)} markdown cells starting with '## Speed', not one")
    text = section(docs, results)
    words = sum(1 for w in text.split() if re.search(r'\w', w))
    if words > MAX_WORDS: print(f"speed: warning: the README's speed section has {words} words (at most {MAX_WORDS}); "
                                "a script's first reported line should be its short headline", file=sys.stderr)
    c = cells[0]  # its own id kept, else a fixed one; the keys in the order nbdev writes them
    c.update({'id': c.get('id', cell_id('README')), 'source': cell('README', text)['source']})
    index['cells'][index['cells'].index(c)] = {k: c[k] for k in sorted(c)}
    write(index_path, dumps(index))

if __name__ == '__main__': main()
