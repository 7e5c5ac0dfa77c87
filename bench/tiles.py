"""Peak memory and seconds per step of the untiled gradient (`loss.backward()`) and of `tiled_backward` (notebook 06_tiles).

Each measurement runs in a fresh process, so that its peak resident memory is its own: one step (the style loss with
its default weight plus the content loss, forward and backward) on a square photo at each size, after one warm-up
step at 128 px. The untiled step is skipped where the library's own memory estimate says it would not fit.

    python bench/tiles.py [--sizes 1024,2048,4096] [--loss w2] [--tile 512] [--halo 96]
"""
import argparse, json, resource, subprocess, sys, time

def one(mode, size, loss, tile, halo):
    "Measure one step in this process; print a JSON line"
    import torch
    from styletransfer.core import example_image
    from styletransfer.features import ContentLoss
    from styletransfer.transfer import style_losses, default_style_weights
    from styletransfer.tiles import tiled_backward
    sw = default_style_weights[loss]
    def step(s):
        photo = example_image('aitzgorri', size=s)
        photo = torch.nn.functional.interpolate(photo[None], size=(s, s), mode='bilinear', align_corners=False)[0]  # square
        painting = example_image('starry_night', size=min(s, 512))
        style, content = style_losses[loss](painting), ContentLoss(photo)
        img = (photo + 0.05 * torch.randn_like(photo)).clamp(0, 1)
        t = time.perf_counter()
        if mode == 'tiled': tiled_backward(img, style, content, sw, 1., tile=tile, halo=halo)
        else:
            x = img.requires_grad_(); (sw * style(x) + content(x)).backward()
        return time.perf_counter() - t
    step(128)
    secs = step(size)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # KiB -> GiB
    print(json.dumps(dict(mode=mode, size=size, seconds=secs, peak_gib=peak)))

def main(sizes, loss, tile, halo):
    from styletransfer.cli import run_memory, available_memory
    rows = {}
    for s in sizes:
        for mode in ('untiled', 'tiled'):
            if mode == 'untiled' and run_memory(s, s, loss) > 0.8 * (available_memory() or float('inf')):
                print(f"{s} px untiled: skipped (the estimate, {run_memory(s, s, loss)/2**30:.1f} GiB, does not fit)", flush=True); continue
            r = subprocess.run([sys.executable, __file__, '--one', mode, '--sizes', str(s), '--loss', loss, '--tile', str(tile), '--halo', str(halo)],
                               capture_output=True, text=True)
            if r.returncode: print(f"{s} px {mode}: failed ({r.returncode}) {r.stderr.strip().splitlines()[-1:]}", flush=True); continue
            rows[mode, s] = json.loads(r.stdout.strip().splitlines()[-1])
            print(f"{s} px {mode}: {rows[mode, s]['seconds']:.1f} s/step, peak {rows[mode, s]['peak_gib']:.2f} GiB", flush=True)
    print(f"\n{loss}, tiles of {tile} px with a {halo} px halo; peak = the process's maximum resident memory (Python, PyTorch and the network included)")
    for s in sizes:
        u, t = rows.get(('untiled', s)), rows.get(('tiled', s))
        if u and t: print(f"{s} px: tiled/untiled time {t['seconds']/u['seconds']:.2f} (goal <= 1.3), memory {t['peak_gib']/u['peak_gib']:.2f}")

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--sizes', default='1024,2048')
    ap.add_argument('--loss', default='w2', choices=['gram', 'ot', 'w2'])
    ap.add_argument('--tile', type=int, default=512)
    ap.add_argument('--halo', type=int, default=96)
    ap.add_argument('--one', choices=['untiled', 'tiled'], help=argparse.SUPPRESS)
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(',')]
    if a.one: one(a.one, sizes[0], a.loss, a.tile, a.halo)
    else: main(sizes, a.loss, a.tile, a.halo)
