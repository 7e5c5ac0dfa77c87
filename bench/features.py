"""Seconds per forward + input-gradient backward to relu5_1, measured in one run:
ours (`calc_features`: on the CPU, channels-last) vs the same frozen network called directly (the floor) vs the same
network in the standard NCHW layout, called directly (what the layout is worth) vs the naive way (full network in NCHW,
weights with gradients, as a first notebook would write it).

    python bench/features.py [--sizes 256 512] [--reps 3]
"""
import copy
import torch
from timing import timed_together, size_args  # bench/timing.py
from results import report  # bench/results.py
from styletransfer.features import calc_features, get_vgg


def main(sizes=(256, 512), reps=3, layer='relu5_1'):
    vgg = get_vgg()
    nchw = copy.deepcopy(vgg).to_memory_format(torch.contiguous_format)
    naive = copy.deepcopy(nchw).requires_grad_(True)  # weights with gradients, the whole network
    k = vgg.names.index(layer) + 1
    def ours(x):
        x = x.clone().requires_grad_(); calc_features(x, [layer])[layer].square().mean().backward()
    def direct(net):
        def step(x):
            x = x.clone().requires_grad_()
            net.layers[:k](net.preprocess(x).contiguous(memory_format=net.memory_format)).square().mean().backward()
        return step
    def naive_step(x):
        x = x.clone().requires_grad_(); feats, h = [], naive.preprocess(x)
        for name, l in naive.layers.named_children():
            h = l(h)
            if name == layer: feats.append(h)
        feats[0].square().mean().backward(); naive.zero_grad()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, median of {reps} interleaved rounds after a warm-up; "
          f"ours runs {'channels-last' if vgg.memory_format == torch.channels_last else 'NCHW'}")
    print(f"{'size':>6} {'ours s':>8} {'floor s':>8} {'NCHW s':>8} {'naive s':>8} {'ours/floor':>11} {'NCHW/ours':>10} {'naive/ours':>11}")
    summary = []
    for s in sizes:
        x = torch.rand(1, 3, s, s)
        t_ours, t_floor, t_nchw, t_naive = timed_together([lambda: ours(x), lambda: direct(vgg)(x), lambda: direct(nchw)(x),
                                                           lambda: naive_step(x)], reps)
        print(f"{s:>5}² {t_ours:8.3f} {t_floor:8.3f} {t_nchw:8.3f} {t_naive:8.3f} {t_ours/t_floor:11.3f} {t_nchw/t_ours:10.2f} {t_naive/t_ours:11.2f}")
        summary.append(f"{s}²: NCHW {t_nchw/t_ours:.2f}× and the naive way {t_naive/t_ours:.2f}× the time of ours; ours/floor {t_ours/t_floor:.2f}")
    for line in summary: report(line)

if __name__ == '__main__':
    a = size_args(__doc__)
    main(a.sizes, a.reps)
