"""Run each lesson as a learner on Colab would: the notebook copied alone into an empty folder, with only the
installed package (run this with the Python of a fresh virtual environment that has the wheel installed). Its cells
run as `nbdev-test` runs them; afterwards the folder must hold nothing the lesson does not name in its prose.

    python .ci/alone.py [--workers N] [NOTEBOOK ...]   (default: the Lessons of nbs/_quarto.yml)
"""
import argparse, json, multiprocessing, os, re, shutil, sys, tempfile, time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT/'.ci'))
from course import lessons

def run_alone(src:str):
    "Copy `src` into an empty folder, run its tests there; return (passed, seconds, files it left, error)"
    from nbdev.test import test_nb
    folder = Path(tempfile.mkdtemp(prefix='lesson-'))
    nb = folder/Path(src).name
    shutil.copy(src, nb)
    here = os.getcwd(); os.chdir(folder)
    start = time.time()
    try: ok, _ = test_nb(nb, skip_flags=['slow', 'long', 'notest'], basepath=folder)
    except Exception as e: return False, time.time() - start, [], f'{type(e).__name__}: {e}'
    finally: os.chdir(here)
    prose = ' '.join(''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'markdown')
    left = sorted(str(p.relative_to(folder)) for p in folder.rglob('*') if p.is_file() and p != nb and '.ipynb_checkpoints' not in p.parts)
    unnamed = [f for f in left if Path(f).name not in prose]
    shutil.rmtree(folder, ignore_errors=True)
    return ok and not unnamed, time.time() - start, unnamed, ''

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    p.add_argument('notebooks', nargs='*')
    p.add_argument('--workers', type=int, default=min(os.cpu_count() or 1, 8))
    a = p.parse_args()
    import styletransfer
    where = Path(styletransfer.__file__).resolve()
    if ROOT in where.parents: sys.exit(f"error: styletransfer is imported from the checkout ({where}); use a virtual environment with the wheel installed")
    files = [str(Path(f).resolve()) for f in a.notebooks] or [str(ROOT/'nbs'/n) for n in lessons()]
    print(f"each lesson alone in an empty folder, with styletransfer from {where.parent}", flush=True)
    os.environ.pop('PYTHONPATH', None)
    # as an activated environment (or Colab) has it: the package's console scripts on PATH
    os.environ['PATH'] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get('PATH', '')
    failed, start = [], time.time()
    # a fresh process for each lesson: its IPython shell replaces the worker's `__main__`, where `run_alone` lives
    with ProcessPoolExecutor(a.workers, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=1) as pool:
        todo = {pool.submit(run_alone, f): Path(f).name for f in files}
        for done in as_completed(todo):
            ok, secs, unnamed, err = done.result()
            name = todo[done]
            if not ok: failed.append(name)
            why = err or (f"left files it does not name: {', '.join(unnamed)}" if unnamed else '')
            print(f"{'passed' if ok else 'FAILED'}  {name:<28} {secs:6.0f} s  {why}", flush=True)
    print(f"lessons alone: {len(files) - len(failed)} passed, {len(failed)} failed in {time.time() - start:.0f} s")
    sys.exit(1 if failed else 0)

if __name__ == '__main__': main()
