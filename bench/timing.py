"Shared by the benchmark scripts: the median time of a step, after a warm-up."
import statistics, time

def timed(step, reps):
    "Median wall time in seconds of `reps` calls of `step`, after one warm-up call"
    step()
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); step(); ts.append(time.perf_counter() - t)
    return statistics.median(ts)
