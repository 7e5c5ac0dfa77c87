"""Seconds per optimisation step (feature extraction + style loss + backward) for each style loss, and the share of
the step spent in the loss itself (its forward and backward, timed on its own with the features held fixed),
measured in one run with the default layers.

    python bench/losses.py [--sizes 256 512] [--reps 3]
"""
import torch
from timing import timed, size_args  # bench/timing.py
from styletransfer.core import example_image
from styletransfer.features import calc_features, style_layers
from styletransfer.gram import GramStyleLoss
from styletransfer.ot import OTStyleLoss
from styletransfer.w2 import W2StyleLoss


def main(sizes=(256, 512), reps=3):
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, median of {reps} steps after a warm-up")
    print(f"{'loss':>12} {'size':>6} {'step s':>8} {'loss s':>8} {'loss share':>11}")
    for s in sizes:
        style = example_image('starry_night', size=s)
        x0 = torch.rand(1, 3, s, s)
        for name, cls in [('gram', GramStyleLoss), ('ot', OTStyleLoss), ('w2', W2StyleLoss)]:
            loss = cls(style)
            def step():
                x = x0.clone().requires_grad_()
                loss(feats=calc_features(x, style_layers)).backward()
            with torch.no_grad(): fixed = calc_features(x0, style_layers)
            def loss_only():
                feats = {l: f.detach().requires_grad_() for l, f in fixed.items()}  # no copy: time the loss alone
                loss(feats=feats).backward()
            t_step, t_loss = timed(step, reps), timed(loss_only, reps)
            print(f"{name:>12} {s:>5}² {t_step:8.3f} {t_loss:8.3f} {t_loss/t_step:11.1%}")

if __name__ == '__main__':
    a = size_args(__doc__)
    main(a.sizes, a.reps)
