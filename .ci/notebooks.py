"""Run the notebooks' tests with nbdev's own `test_nb` (what `nbdev-test` runs), on parallel worker processes, printing
each notebook's result as it finishes and a count at the end. Exits 1 unless every notebook ran and passed: `nbdev-test`
says `Success.` even when nothing ran, so the count is checked here.

    python .ci/notebooks.py [--flags "slow long"] [--workers N] [NOTEBOOK ...]
"""
import argparse, multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.test import test_nb

def clock(s): return f"{s:.0f} s" if s < 60 else f"{int(s // 60)} min {round(s % 60):02d} s"

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    p.add_argument('notebooks', nargs='*', help='notebooks to test (default: all of them)')
    p.add_argument('--flags', default='', help='space-separated flags of cells to run that are skipped by default (slow, long)')
    p.add_argument('--workers', type=int, default=min(os.cpu_count() or 1, 8), help='worker processes (default: the CPUs, at most 8)')
    a = p.parse_args()
    cfg = get_config()
    files = [Path(f).resolve() for f in a.notebooks] or sorted(nbglob(as_path=True))
    if not files or not all(f.is_file() for f in files):
        sys.exit(f"error: no such notebook: {next((f for f in files if not f.is_file()), 'none found')}")
    skip = [f for f in str(cfg.get('tst_flags', '')).split() if f not in a.flags.split()]
    timeout = int(cfg.get('cell_timeout', 600) or 0) or None
    start, passed, failed = time.time(), [], []
    print(f"testing {len(files)} notebook{'s' * (len(files) != 1)} on {a.workers} workers" + (f", with the cells marked {a.flags}" if a.flags else ''), flush=True)
    os.chdir(cfg.nbs_path)
    with ProcessPoolExecutor(a.workers, mp_context=multiprocessing.get_context('fork')) as pool:
        # `test_nb` itself, not a function of this script: a worker's IPython shell replaces its `__main__`
        todo = {pool.submit(test_nb, f, skip_flags=skip, force_flags=a.flags.split(), basepath=cfg.config_path, cell_timeout=timeout): f
                for f in files}
        for done in as_completed(todo):
            try: ok, secs = done.result()
            except Exception as e: print(f"{todo[done].name}: {type(e).__name__}: {e}", file=sys.stderr); ok, secs = False, 0.
            (passed if ok else failed).append(todo[done].name)
            print(f"{'passed' if ok else 'FAILED'}  {todo[done].name:<28} {clock(secs):>10}   "
                  f"({len(passed) + len(failed)}/{len(files)} after {clock(time.time() - start)})", flush=True)
    print(f"notebooks: {len(passed)} passed, {len(failed)} failed in {clock(time.time() - start)}"
          + (f" ({', '.join(sorted(failed))})" if failed else ''))
    sys.exit(1 if failed or len(passed) != len(files) else 0)

if __name__ == '__main__': main()
