"""Peak memory and seconds to build a style loss's targets from a large painting: whole, and one window at a time
(notebook 06_tiles: `moment_window` for Gram and W2, `target_window` for sliced OT). Gram and W2 gather the
painting's moments window by window; sliced OT keeps a random sample of at most `max_points` positions per
layer, drawn before the windows are measured.

The painting stands in for a scan: the bundled Starry Night enlarged to each size (what is measured, the network's
maps and the statistics, does not depend on what the pixels show). Each measurement runs in a fresh process after
a warm-up at 256 px, so that its peak resident memory is its own; the time is that of building the loss.

    python bench/targets.py [--sizes 2048,4096] [--losses w2,ot]
"""
import argparse, json, resource, subprocess, sys, time
from results import report  # bench/results.py

def one(mode, size, loss):
    "Build the loss in this process; print a JSON line"
    import torch
    import styletransfer.tiles as tiles
    from styletransfer.core import example_image
    from styletransfer.transfer import style_losses
    if mode == 'whole': tiles.target_window = tiles.moment_window = 1 << 30
    painting = example_image('starry_night')
    big = torch.nn.functional.interpolate(painting[None], size=(size * 640 // 1024, size), mode='bilinear', align_corners=False)[0]
    style_losses[loss](example_image('starry_night', size=256), seed=0)  # warm-up: the network loaded
    t = time.perf_counter()
    style_losses[loss](big, seed=0)
    secs = time.perf_counter() - t
    print(json.dumps(dict(seconds=secs, peak=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)))  # Linux gives KiB

def main(sizes, losses):
    rows = {}
    for loss in losses:
        for s in sizes:
            for mode in ('whole', 'windows'):
                r = subprocess.run([sys.executable, __file__, '--one', mode, '--sizes', str(s), '--losses', loss], capture_output=True, text=True)
                if r.returncode: print(f"{loss} {s} px {mode}: failed ({r.returncode}) {(r.stderr.strip().splitlines() or [''])[-1]}", flush=True); continue
                rows[loss, s, mode] = json.loads(r.stdout.strip().splitlines()[-1])
                print(f"{loss} {s} px painting, {mode}: {rows[loss, s, mode]['seconds']:.1f} s, peak {rows[loss, s, mode]['peak']/1e9:.2f} GB", flush=True)
    print("\npeak = the process's maximum resident memory (Python, PyTorch and the network included)")
    for loss in losses:
        for s in sizes:
            w, p = rows.get((loss, s, 'whole')), rows.get((loss, s, 'windows'))
            if w and p: report(f"{loss} {s} px: windows/whole memory {p['peak']/w['peak']:.2f} ({p['peak']/1e9:.2f} GB against {w['peak']/1e9:.2f} GB), "
                               f"time {p['seconds']/w['seconds']:.2f}")

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--sizes', default='2048,4096')
    ap.add_argument('--losses', default='w2,ot')
    ap.add_argument('--one', choices=['whole', 'windows'], help=argparse.SUPPRESS)
    a = ap.parse_args()
    sizes, losses = [int(s) for s in a.sizes.split(',')], a.losses.split(',')
    if a.one: one(a.one, sizes[0], losses[0])
    else: main(sizes, losses)
