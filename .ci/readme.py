"Write README.md from nbs/index.ipynb (nbdev's own README step needs Quarto): markdown as is, code as code blocks."
import json, re
from pathlib import Path
root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs'/'index.ipynb').read_text())
parts = []
for c in nb['cells']:
    src = ''.join(c['source']).strip()
    if not src or re.match(r'#\s*\|\s*(hide|exporti?)\b', src, re.M): continue
    if c['cell_type'] == 'markdown': parts.append(src)
    elif c['cell_type'] == 'code': parts.append('```python\n' + re.sub(r'^#\s*\|.*\n', '', src, flags=re.M) + '\n```')
# links and images are relative to nbs/ in the notebook (and on the site); the README sits one folder up
text = re.sub(r'\]\((?!https?:|#|/)([^)]+)\)', r'](nbs/\1)', '\n\n'.join(parts))
text = '<!-- Generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file. -->\n\n' + text + '\n'
(root/'README.md').write_text(text)
