"""Seconds per forward + input-gradient backward to relu5_1, measured in one run:
ours (`calc_features`) vs the same frozen network called directly (the floor) vs the naive way
(full network, weights with gradients, as a first notebook would write it).

    python bench/features.py [--sizes 256 512] [--reps 3]
"""
import copy
import torch
from timing import timed_together, size_args  # bench/timing.py
from styletransfer.features import calc_features, get_vgg


def main(sizes=(256, 512), reps=3, layer='relu5_1'):
    vgg = get_vgg()
    upto = vgg.layers[:vgg.names.index(layer)+1]
    naive = copy.deepcopy(vgg).requires_grad_(True)  # weights with gradients, the whole network
    def ours(x):
        x = x.clone().requires_grad_(); calc_features(x, [layer])[layer].square().mean().backward()
    def floor(x):
        x = x.clone().requires_grad_(); upto(vgg.preprocess(x)).square().mean().backward()
    def naive_step(x):
        x = x.clone().requires_grad_(); feats, h = [], naive.preprocess(x)
        for name, l in naive.layers.named_children():
            h = l(h)
            if name == layer: feats.append(h)
        feats[0].square().mean().backward(); naive.zero_grad()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, median of {reps} interleaved rounds after a warm-up")
    print(f"{'size':>6} {'ours s':>8} {'floor s':>8} {'naive s':>8} {'ours/floor':>11} {'naive/ours':>11}")
    for s in sizes:
        x = torch.rand(1, 3, s, s)
        t_ours, t_floor, t_naive = timed_together([lambda: ours(x), lambda: floor(x), lambda: naive_step(x)], reps)
        print(f"{s:>5}² {t_ours:8.3f} {t_floor:8.3f} {t_naive:8.3f} {t_ours/t_floor:11.3f} {t_naive/t_ours:11.2f}")

if __name__ == '__main__':
    a = size_args(__doc__)
    main(a.sizes, a.reps)
