"""Check the notebooks' stored outputs: no progress bar (a frozen bar tells a reader nothing, and hundreds of its
fragments can fill a cell). Exits 1 naming each cell that holds one; `--fix` removes them, keeping every other
line of the cell's text and its pictures. The notebooks show the loss terms they need as printed lines instead.

    python .ci/outputs.py [--fix]
"""
import json, re, sys
from pathlib import Path
root = Path(__file__).resolve().parent.parent
bar = re.compile(r'\d+\.\d+% \[\d+/\d+|<progress\b')  # fastprogress's console bar and its HTML widget

def text(o)->str:
    "The text of an output: a stream's, or a display's text and HTML"
    if o['output_type'] == 'stream': return ''.join(o['text'])
    return ''.join(''.join(v) if isinstance(v, list) else str(v) for k,v in o.get('data', {}).items() if k.startswith('text'))

def without_bars(o):
    "`o` without its progress bars (a stream keeps its other lines, as a terminal would show them), or None if nothing is left"
    if not bar.search(text(o)): return o
    if o['output_type'] != 'stream': return None
    lines = [l.split('\r')[-1] for l in text(o).split('\n') if not bar.search(l)]
    lines = [l for l in lines if l.strip('█ ')]
    return {**o, 'text': [l + '\n' for l in lines]} if lines else None

def main(fix:bool):
    found = []
    for f in sorted((root/'nbs').glob('*.ipynb')):
        nb = json.loads(f.read_text())
        for i,c in enumerate(nb['cells']):
            outs = c.get('outputs', [])
            if any(bar.search(text(o)) for o in outs):
                found.append(f"{f.name}: cell {i} ({c.get('id')})")
                c['outputs'] = [o for o in map(without_bars, outs) if o is not None]
        if fix and found and found[-1].startswith(f.name): f.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    if found and not fix:
        sys.exit(f"error: stored progress bars in {len(found)} cells (python .ci/outputs.py --fix removes them): " + '; '.join(found))
    print(f"outputs: {'removed progress bars from ' + str(len(found)) + ' cells' if found else 'no stored progress bars'}")

if __name__ == '__main__': main('--fix' in sys.argv[1:])
