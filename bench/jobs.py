"""Jobs per minute for the same 8 jobs run three ways, and the ratios, measured in one run:
- in this process, one job after another (torch's default threads: all cores);
- on a Dask LocalCluster of one worker with as many threads (the cost of Dask itself: submission, pickling, results
  sent back; goal within 5% of in-process);
- on a LocalCluster of two workers with one thread each (two jobs at once, against one job at a time on two threads).
Each way runs the 8 jobs into a fresh results folder, after one warm-up job that loads the network in every process
(the start of a cluster is timed on its own); the ways take turns, round after round, and the median round counts.
With --gpu, the same jobs on the GPU: in this process, and on LocalClusters of 1, 2, 4 and 8 workers sharing it.

    python bench/jobs.py [--size 128] [--steps 40] [--rounds 2] [--gpu]
"""
import argparse, os, statistics, tempfile, time
from pathlib import Path
import torch
from styletransfer.jobs import run_jobs, local_client
from results import report  # bench/results.py

def the_jobs(size, steps, seed=0):
    "8 different jobs: 2 photos x 2 paintings x 2 losses"
    return [dict(content=p, style=s, loss=l, size=size, steps=steps, seed=seed)
            for p in ('aitzgorri', 'dogs') for s in ('starry_night', 'the_scream') for l in ('gram', 'w2')]

def main(size=128, steps=40, rounds=2, gpu=False, gpu_workers=(1, 2, 4, 8)):
    jobs,tmp = the_jobs(size, steps),Path(tempfile.mkdtemp())
    warm = [dict(jobs[0], steps=2, seed=99)]
    cores = os.cpu_count()
    device = 'cuda' if gpu else 'cpu'
    if gpu: ways = {'in-process': (0, None), **{f'{n} workers sharing the GPU': (n, max(1, cores // n)) for n in gpu_workers}}
    else: ways = {f'in-process, {torch.get_num_threads()} threads': (0, None), f'1 worker x {cores} threads': (1, cores),
                  f'2 workers x 1 thread': (2, 1)}
    clients,start = {},{}
    for name,(n,threads) in ways.items():
        if n:
            t = time.perf_counter(); clients[name] = local_client(n, threads); start[name] = time.perf_counter() - t
            run_jobs(warm * 1 + [dict(warm[0], seed=100 + i) for i in range(n - 1)], tmp/f'warm-{n}', clients[name], progress=False)
        else: run_jobs(warm, tmp/'warm-0', device=device, progress=False)
    times = {k: [] for k in ways}
    try:
        for r in range(rounds):
            for name,(n,_) in ways.items():
                t = time.perf_counter()
                res = run_jobs(jobs, tmp/f'{r}-{name}', clients.get(name), device=device, progress=False)
                times[name].append(time.perf_counter() - t)
                assert res.error.isna().all(), res.error.tolist()
    finally:
        for c in clients.values(): c.close(); c.cluster.close()
    print(f"torch {torch.__version__}, {cores} cores, {'GPU ' + torch.cuda.get_device_name() if gpu else 'CPU'}; 8 jobs at {size} px, "
          f"{steps} steps; median of {rounds} interleaved rounds")
    base = statistics.median(times[next(iter(ways))])
    summary = []
    for i, name in enumerate(ways):
        m = statistics.median(times[name])
        extra = f", cluster start {start[name]:.1f} s" if name in start else ''
        print(f"{name:>28}: {8 / m * 60:6.1f} jobs/min  ({m:6.1f} s)  time ratio to in-process {m / base:5.3f}{extra}")
        summary.append(f"{name} {8 / m * 60:.1f} jobs/min" + (f" ({m / base:.2f}× the in-process time)" if i else ''))
    report(f"{'GPU' if gpu else 'CPU'}, 8 jobs at {size} px, {steps} steps: " + '; '.join(summary))

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--size', type=int, default=128); p.add_argument('--steps', type=int, default=40)
    p.add_argument('--rounds', type=int, default=2); p.add_argument('--gpu', action='store_true'); p.add_argument('--gpu-workers', type=int, nargs='+', default=[1, 2, 4, 8])
    a = p.parse_args()
    main(a.size, a.steps, a.rounds, a.gpu, a.gpu_workers)
