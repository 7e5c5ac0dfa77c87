"Shared by the benchmark scripts: median times of steps, measured interleaved after a warm-up."
import statistics, time

def timed_together(steps, reps):
    """Median wall time in seconds of each of `steps` over `reps` rounds; each round calls every step once, so that
    drift in the machine's speed hits them alike. One warm-up round first."""
    for step in steps: step()
    ts = [[] for _ in steps]
    for _ in range(reps):
        for step, t_s in zip(steps, ts):
            t = time.perf_counter(); step(); t_s.append(time.perf_counter() - t)
    return [statistics.median(t_s) for t_s in ts]

def size_args(doc):
    "The options the per-size benchmarks share: --sizes and --reps"
    import argparse
    p = argparse.ArgumentParser(description=doc.splitlines()[0])
    p.add_argument('--sizes', type=int, nargs='+', default=[256, 512])
    p.add_argument('--reps', type=int, default=3)
    return p.parse_args()
