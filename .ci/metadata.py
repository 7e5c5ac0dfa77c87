"""Write the `[project]` table of pyproject.toml from settings.ini, and check that nbdev reads the same facts.

settings.ini is the one place where the package's metadata is written (setup.py reads it). nbdev 3 reads only
pyproject.toml, and takes the description, the repository and the site's address from its `[project]` table, so
that table is generated here, never edited by hand. The notebooks' "Open in Colab" badges and the cells that install
the package on Colab name the repository too: they are rewritten here from `git_url`, so that a moved repository is
one line to change. CI runs this script and fails if it changed a file.
Usage: python .ci/metadata.py"""
import re, sys
from configparser import ConfigParser
from pathlib import Path

root = Path(__file__).resolve().parent.parent
cfg = ConfigParser(delimiters=['='])
cfg.read(root/'settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']
doc_url = cfg['doc_host'].rstrip('/') + cfg['doc_baseurl'].rstrip('/') + '/'

def q(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

table = f'''# Generated from settings.ini by .ci/metadata.py (nbdev reads these facts only from here): edit settings.ini.
[project]
name = {q(cfg['lib_name'])}
description = {q(cfg['description'])}
keywords = [{', '.join(q(k) for k in cfg['keywords'].split())}]
authors = [{{name = {q(cfg['author'])}, email = {q(cfg['author_email'])}}}]
requires-python = {q('>=' + cfg['min_python'])}
# setup.py gives the rest from settings.ini
dynamic = ["version", "license", "readme", "classifiers", "dependencies", "optional-dependencies", "scripts", "entry-points"]

[project.urls]
Repository = {q(cfg['git_url'])}
Documentation = {q(doc_url)}
'''

path = root/'pyproject.toml'
text = path.read_text()
start = text.find('# Generated from settings.ini')
text = (text if start < 0 else text[:start]).rstrip('\n') + '\n\n' + table
path.write_text(text)

# Each notebook's badge opens it on Colab from the repository, and its first cell installs the package from there.
# The badge shares its paragraph with a few words, so that Quarto shows it as a badge, not as a captioned figure.
owner_repo = re.match(r'https://github\.com/([^/]+/[^/]+?)/?$', cfg['git_url'])
if not owner_repo: sys.exit(f"metadata error: git_url {cfg['git_url']!r} is not a GitHub repository's address")
badge = re.compile(r'\[!\[Open in Colab\]\(https://colab\.research\.google\.com/assets/colab-badge\.svg\)\]\(https://colab\.research\.google\.com/github/[^)]*\)[^"]*"')
install = re.compile(r"'git\+https?://[^']*'")
for nb_path in sorted((root/'nbs').glob('*.ipynb')):
    text = nb_path.read_text(encoding='utf-8')
    url = f"https://colab.research.google.com/github/{owner_repo[1]}/blob/main/nbs/{nb_path.name}"
    new = badge.sub(f'[![Open in Colab](https://colab.research.google.com/assets/colab-badge.svg)]({url}) '
                    '(there, the first cell installs the package)"', text)
    new = install.sub(f"'git+{cfg['git_url']}'", new)
    if new != text: nb_path.write_text(new, encoding='utf-8')

# One version: the package's and settings.ini's
version = re.search(r'^__version__ = "([^"]+)"', (root/cfg['lib_name']/'__init__.py').read_text(), re.M)
if not version or version[1] != cfg['version']:
    sys.exit(f"metadata error: {cfg['lib_name']}/__init__.py has version {version and version[1]!r}, settings.ini {cfg['version']!r}")

# What nbdev sees must be what settings.ini says.
from nbdev.config import get_config
nb = get_config(root)
expect = dict(lib_name=cfg['lib_name'], description=cfg['description'], git_url=cfg['git_url'].rstrip('/'),
              doc_host=cfg['doc_host'].rstrip('/'), doc_baseurl=cfg['doc_baseurl'].rstrip('/'),
              author=cfg['author'], min_python=cfg['min_python'])
bad = [f"{k}: nbdev reads {nb.get(k)!r}, settings.ini says {v!r}" for k,v in expect.items() if nb.get(k) != v or not v]
for b in bad: print('metadata error:', b)
if bad: sys.exit(1)
print(f"metadata: pyproject.toml's [project] agrees with settings.ini ({', '.join(expect)})")
