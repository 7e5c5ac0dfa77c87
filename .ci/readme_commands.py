"""Print the README's set-up block, the commands a newcomer types after cloning, so that CI runs them as written:
the sh code block whose first line makes the virtual environment. `--setup` prints its other lines but the test
command's, `--test` only the test command's. Exits 1 if the README has no such block."""
import re, sys
from pathlib import Path
blocks = re.findall(r'^```sh\n(.*?)^```', (Path(__file__).resolve().parent.parent/'README.md').read_text(), re.M | re.S)
block = next((b.splitlines() for b in blocks if b.startswith('python3 -m venv .venv')), None)
if block is None: sys.exit("error: README.md has no set-up block (an sh block starting with 'python3 -m venv .venv')")
is_test = lambda l: l.startswith('bash .ci/test')
want = {'--setup': lambda l: not is_test(l), '--test': is_test}.get(sys.argv[1] if len(sys.argv) > 1 else '', lambda l: True)
print('\n'.join(l for l in block if l.strip() and want(l)))
