"Shared by the benchmark scripts: the median time of a step, after a warm-up."
import statistics, time

def timed(step, reps):
    "Median wall time in seconds of `reps` calls of `step`, after one warm-up call"
    step()
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); step(); ts.append(time.perf_counter() - t)
    return statistics.median(ts)

def size_args(doc):
    "The options the per-size benchmarks share: --sizes and --reps"
    import argparse
    p = argparse.ArgumentParser(description=doc.splitlines()[0])
    p.add_argument('--sizes', type=int, nargs='+', default=[256, 512])
    p.add_argument('--reps', type=int, default=3)
    return p.parse_args()
