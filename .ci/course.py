"""The course's reading load: prose words, shown code lines and pictures of each lesson, against the targets.

A lesson is a notebook in the "Lessons" section of nbs/_quarto.yml. Prose is the markdown cells' words, code blocks
and image links aside; a shown code cell is one the site shows (not `#| hide`, `#| include: false` or `#| echo: false`).
Prints a table and exits 1 when a target is missed: a lesson over 1,500 words, the lessons' mean over 1,000, a lesson
whose shown code cells have a median over 6 lines or one over 25, or one with no picture. With --write, it also
writes each lesson's time (reading its prose at 150 words a minute, and a quarter of a minute to read and run each shown
code cell, to the nearest 5 minutes) into the last column of the lessons' table in nbs/index.ipynb.
"""
import argparse, json, re, statistics, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_WORDS, MEAN_WORDS, MEDIAN_LINES, MAX_LINES = 1500, 1000, 6, 25

def lessons():
    "The notebooks of the sidebar's Lessons section, in order."
    names, inside = [], False
    for line in (ROOT/'nbs'/'_quarto.yml').read_text().splitlines():
        if re.match(r'\s*- section:', line): inside = '"Lessons"' in line; continue
        m = re.match(r'\s*- (\S+\.ipynb)$', line)
        if inside and m: names.append(m.group(1))
    return names

def directives(src): return {l[3:].strip().replace(' ', '') for l in src.splitlines() if l.startswith('#|')}

def shown(cell):
    d = directives(''.join(cell['source']))
    return not (d & {'hide', 'include:false', 'echo:false'})

def prose_words(src):
    src = re.sub(r'```.*?```', ' ', src, flags=re.S)          # code blocks in the prose
    src = re.sub(r'!\[[^\]]*\]\([^)]*\)', ' ', src)           # images
    src = re.sub(r'\]\([^)]*\)', ']', src)                    # link targets
    src = re.sub(r'<[^>]+>', ' ', src)                        # html tags
    return len(re.findall(r"[A-Za-z0-9][\w'’.-]*", src))

def code_lines(src):
    return sum(1 for l in src.splitlines() if l.strip() and not l.startswith('#|'))

def pictures(cells):
    n = 0
    for c in cells:
        if c['cell_type'] == 'markdown': n += len(re.findall(r'!\[|<img ', ''.join(c['source'])))
        else: n += sum('image/png' in o.get('data', {}) or 'image/jpeg' in o.get('data', {}) for o in c.get('outputs', []))
    return n

def measure(name):
    cells = json.loads((ROOT/'nbs'/name).read_text())['cells']
    words = sum(prose_words(''.join(c['source'])) for c in cells if c['cell_type'] == 'markdown')
    lines = [code_lines(''.join(c['source'])) for c in cells if c['cell_type'] == 'code' and shown(c)]
    lines = [n for n in lines if n]
    return dict(name=name, words=words, cells=len(lines), median=statistics.median(lines) if lines else 0,
                longest=max(lines, default=0), pictures=pictures(cells))

def minutes(r): return max(5, 5 * round((r['words'] / 150 + r['cells'] / 4) / 5))

def write_times(rows):
    "Fill the time column of the index's lessons table; True if the notebook changed"
    path = ROOT/'nbs'/'index.ipynb'
    nb = json.loads(path.read_text()); times = {r['name']: minutes(r) for r in rows}; changed = False
    for c in nb['cells']:
        if c['cell_type'] != 'markdown': continue
        src = ''.join(c['source'])
        def row(m):
            t = times.get(m.group(2))
            return m.group(0) if t is None else f"{m.group(1)}| {t} min |"
        new = re.sub(r'^(\| \[[^\]]+\]\(([^)]+\.ipynb)\) \|[^|\n]*)\|[^|\n]*\|$', row, src, flags=re.M)
        if new != src: c['source'] = new.splitlines(True); changed = True
    if changed: path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    return changed

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    p.add_argument('--write', action='store_true', help="write the lessons' times into nbs/index.ipynb")
    a = p.parse_args()
    rows, missed = [measure(n) for n in lessons()], []
    print(f"{'lesson':26} {'words':>6} {'cells':>6} {'median':>7} {'longest':>8} {'pictures':>9} {'time':>8}")
    for r in rows:
        print(f"{r['name']:26} {r['words']:6} {r['cells']:6} {r['median']:7g} {r['longest']:8} {r['pictures']:9} {minutes(r):4} min")
        if r['words'] > MAX_WORDS: missed.append(f"{r['name']}: {r['words']} words of prose (at most {MAX_WORDS})")
        if r['median'] > MEDIAN_LINES: missed.append(f"{r['name']}: code cells' median {r['median']:g} lines (at most {MEDIAN_LINES})")
        if r['longest'] > MAX_LINES: missed.append(f"{r['name']}: a code cell of {r['longest']} lines (at most {MAX_LINES})")
        if not r['pictures']: missed.append(f"{r['name']}: no picture")
    total = sum(r['words'] for r in rows); mean = total/len(rows)
    print(f"{len(rows)} lessons, {total} words of prose, {mean:.0f} on average; about {sum(map(minutes, rows)) / 60:.1f} hours in all")
    if a.write and write_times(rows): print('course: wrote the lessons\' times into nbs/index.ipynb')
    if mean > MEAN_WORDS: missed.append(f"the lessons average {mean:.0f} words (at most {MEAN_WORDS})")
    for m in missed: print('course:', m, file=sys.stderr)
    return 1 if missed else 0

if __name__ == '__main__': sys.exit(main())
