"""Offline docs check (Quarto itself cannot be installed here): run nbdev's processing step for the docs, and
check the site configuration: the top-level _quarto.yml is the one nbdev sees, and its sidebar lists every notebook."""
import os, re, sys, yaml
from pathlib import Path
from nbdev.config import get_config
from nbdev.quarto import refresh_quarto_yml
from nbdev.serve import proc_nbs
from nbdev.doclinks import nbglob

root = Path(__file__).resolve().parent.parent
os.chdir(root)
cfg = get_config()
errors = []
top,linked = root/'_quarto.yml',cfg.nbs_path/'_quarto.yml'
if not linked.exists() or linked.resolve() != top.resolve(): errors.append(f"{linked} must resolve to {top}")
refresh_quarto_yml()  # writes nbs/nbdev.yml from pyproject.toml; leaves our _quarto.yml alone
if linked.resolve() != top.resolve(): errors.append("nbdev replaced nbs/_quarto.yml")
cache = proc_nbs(n_workers=0, force=True)
staged = yaml.safe_load((cache/'_quarto.yml').read_text())
if staged != yaml.safe_load(top.read_text()): errors.append("the staged _quarto.yml differs from the top-level one")
nbs = sorted(Path(p).relative_to(cfg.nbs_path).as_posix() for p in nbglob())
for nb in nbs:
    if not (cache/nb).exists(): errors.append(f"{nb} was not processed into {cache}")
def listed(items):
    for it in items:
        if isinstance(it, str): yield it
        elif isinstance(it, dict): yield from listed(it.get('contents', []))
sidebar = list(listed(staged['website']['sidebar']['contents']))
if sorted(sidebar) != nbs: errors.append(f"sidebar lists {sidebar}, notebooks are {nbs}")
if sidebar[1:] != sorted(sidebar[1:]): errors.append(f"sidebar is not in course order: {sidebar}")
# Every notebook converts to HTML with its images embedded; every lesson notebook has at least one image.
import nbformat
from nbconvert import HTMLExporter
out = root/'.ci'/'html'
out.mkdir(exist_ok=True)
exporter = HTMLExporter()
counts = {}
for nb in nbs:
    html,_ = exporter.from_notebook_node(nbformat.read(cfg.nbs_path/nb, as_version=4))
    (out/nb.replace('.ipynb', '.html')).write_text(html)
    counts[nb] = len(re.findall(r'<img[^>]*src="data:image/', html))
    if nb[:2].isdigit() and counts[nb] == 0: errors.append(f"{nb} shows no image: run it and commit its outputs")
print('docs: images per notebook:', ', '.join(f'{k} {v}' for k,v in counts.items()), f'(HTML in {out.relative_to(root)}/)')
for e in errors: print('docs error:', e)
if errors: sys.exit(1)
print(f"docs: nbdev processed {len(nbs)} notebooks into {cache.name}/ with the top-level _quarto.yml")
