"""How fast the `styletransfer` command answers: `--help` of the command and of each of its subcommands, an argument
error, the import of `styletransfer.cli`, and how soon a run's first optimisation step starts. Each figure is the
median of `--reps` runs of a fresh process.

    python bench/startup.py [--reps 5]

Goals: every `--help` and an argument error under 1 s; the first step within 3 s of the command's start. The first step's
start is read from the progress line a 1-step run writes to a pipe: the command's wall time up to that line, less the
time the step itself took (a second run with 2 steps at the same size gives it).
"""
import argparse, statistics, subprocess, sys, tempfile, time
from pathlib import Path
from results import report  # bench/results.py

def wall(args, **kw):
    "Seconds a fresh `styletransfer` process takes, and what it wrote to stderr"
    t = time.perf_counter()
    r = subprocess.run(['styletransfer', *args], capture_output=True, text=True, **kw)
    return time.perf_counter() - t, r

def import_time():
    "Seconds to import `styletransfer.cli` in a fresh interpreter, less the interpreter's own start"
    t0 = wall_py('pass'); t1 = wall_py('import styletransfer.cli')
    return t1 - t0

def wall_py(code):
    t = time.perf_counter(); subprocess.run([sys.executable, '-c', code], check=True); return time.perf_counter() - t

subcommands = ['demo', 'examples', 'texture', 'batch', 'showdown', 'nca']

def main(reps=5):
    out = Path(tempfile.mkdtemp())
    helps, errors, imports, one, two = [], [], [], [], []
    sub_helps = {c: [] for c in subcommands}
    for _ in range(reps):  # interleaved, so that drift in the machine's speed hits every figure alike
        helps.append(wall(['--help'])[0])
        for c in subcommands:
            t, r = wall([c, '--help'])
            assert r.returncode == 0, (c, r.stderr)
            sub_helps[c].append(t)
        t, r = wall(['aitzgorri', 'starry_night', '-o', str(out/'x.png'), '--loss', 'vgg'])
        assert r.returncode == 1 and 'unknown loss' in r.stderr, r.stderr
        errors.append(t)
        imports.append(import_time())
        for n, ts in ((1, one), (2, two)):
            t, r = wall(['aitzgorri', 'starry_night', '-o', str(out/'y.png'), '--size', '128', '--scales', '128', '--steps', str(n), '--quiet'])
            assert r.returncode == 0, r.stderr
            ts.append(t)
    m = statistics.median
    step = max(0., m(two) - m(one))
    first = m(one) - step
    print(f"median of {reps} fresh processes (goals: --help and argument error < 1 s, first step < 3 s):")
    print(f"  styletransfer --help          {m(helps):6.2f} s")
    for c, ts in sub_helps.items(): print(f"  styletransfer {c + ' --help':<16}{m(ts):6.2f} s")
    print(f"  argument error (--loss vgg)   {m(errors):6.2f} s")
    print(f"  import styletransfer.cli      {m(imports):6.2f} s")
    print(f"  1-step run at 128 px          {m(one):6.2f} s  (2 steps: {m(two):.2f} s; one step {step:.2f} s)")
    print(f"  first step starts after       {first:6.2f} s  (includes saving the 128 px result)")
    slowest = max(sub_helps, key=lambda c: m(sub_helps[c]))
    report(f"ratios to goal: --help {m(helps)/1:.2f}, slowest subcommand's --help ({slowest}) {m(sub_helps[slowest])/1:.2f}, "
           f"argument error {m(errors)/1:.2f}, first step {first/3:.2f} ({first:.2f} s)")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--reps', type=int, default=5)
    main(p.parse_args().reps)
