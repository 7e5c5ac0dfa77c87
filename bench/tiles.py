"""Peak memory and seconds per step of `style_transfer` at one scale, untiled and in tiles (notebooks 06_tiles and 07).

Each measurement runs in a fresh process, so that its peak resident memory is its own: a one-scale run of one step
(the default weights, the content loss, Adam) on a square photo at each size, after a warm-up run at 128 px, the
library imported as the command imports it; the time is that of the step, the peak that of the whole process (setup
included). The untiled run is skipped where the command's own memory estimate says it would not fit; beside each
peak the estimate is printed.

    python bench/tiles.py [--sizes 1024,2048,4096] [--loss w2] [--tile 512] [--precision auto]

`--precision` is `style_transfer`'s: auto (bfloat16 on a CPU that computes it natively), float32 or bf16.
"""
import argparse, json, resource, subprocess, sys, time
from results import report  # bench/results.py

def one(mode, size, loss, tile, precision):
    "Measure one step in this process; print a JSON line"
    from styletransfer.cli import import_library
    import_library()  # as the command imports the library
    import torch
    from fastai.callback.core import Callback
    from styletransfer.core import example_image
    from styletransfer.transfer import style_transfer
    class StepTime(Callback):
        def before_batch(self): self.t = time.perf_counter()
        def after_batch(self): self.secs = time.perf_counter() - self.t
    def run(s, t):
        photo = torch.nn.functional.interpolate(example_image('aitzgorri')[None], size=(s, s), mode='bilinear', align_corners=False)[0]
        cb = StepTime()
        style_transfer(photo.clamp(0, 1), 'starry_night', loss=loss, scales=[s], steps=1, seed=0, tile=t, callbacks=[cb], show_progress=False, precision=precision)
        return cb.secs
    run(128, 64 if mode == 'tiled' else None)  # warm-up: the network loaded, each code path run once
    secs = run(size, tile if mode == 'tiled' else None)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux gives KiB
    print(json.dumps(dict(mode=mode, size=size, seconds=secs, peak=peak)))

def main(sizes, loss, tile, precision):
    from styletransfer.basics import TILE_HALO
    from styletransfer.cli import run_memory, available_memory
    rows = {}
    for s in sizes:
        for mode in ('untiled', 'tiled'):
            est = run_memory(s, s, loss, tile if mode == 'tiled' else None)
            if mode == 'untiled' and est > 0.8 * (available_memory() or float('inf')):
                print(f"{s} px untiled: skipped (the estimate, {est/1e9:.1f} GB, does not fit)", flush=True); continue
            r = subprocess.run([sys.executable, __file__, '--one', mode, '--sizes', str(s), '--loss', loss, '--tile', str(tile), '--precision', precision],
                               capture_output=True, text=True)
            if r.returncode: print(f"{s} px {mode}: failed ({r.returncode}) {(r.stderr.strip().splitlines() or [''])[-1]}", flush=True); continue
            rows[mode, s] = json.loads(r.stdout.strip().splitlines()[-1])
            print(f"{s} px {mode}: {rows[mode, s]['seconds']:.1f} s/step, peak {rows[mode, s]['peak']/1e9:.2f} GB (estimate {est/1e9:.2f} GB)", flush=True)
    print(f"\n{loss}, precision {precision}, tiles of {tile} px with a {TILE_HALO} px halo; peak = the process's maximum resident memory (Python, PyTorch and the network included)")
    for s in sizes:
        u, t = rows.get(('untiled', s)), rows.get(('tiled', s))
        if u and t: report(f"{s} px in {tile} px tiles: tiled/untiled time {t['seconds']/u['seconds']:.2f} (goal <= 1.3; {t['seconds']:.1f} s against "
                           f"{u['seconds']:.1f} s a step), memory {t['peak']/u['peak']:.2f} ({t['peak']/1e9:.2f} GB against {u['peak']/1e9:.2f} GB)")
        elif t: report(f"{s} px in {tile} px tiles: tiled only, peak {t['peak']/1e9:.2f} GB (goal for 4096 px: <= 8 GB), {t['seconds']:.0f} s/step")

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--sizes', default='1024,2048,4096')
    ap.add_argument('--loss', default='w2', choices=['gram', 'ot', 'w2'])
    ap.add_argument('--tile', type=int, default=512)
    ap.add_argument('--precision', default='auto', choices=['auto', 'float32', 'bf16'])
    ap.add_argument('--one', choices=['untiled', 'tiled'], help=argparse.SUPPRESS)
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(',')]
    if a.one: one(a.one, sizes[0], a.loss, a.tile, a.precision)
    else: main(sizes, a.loss, a.tile, a.precision)
