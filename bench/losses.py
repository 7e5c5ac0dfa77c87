"""Seconds per optimisation step (feature extraction + style loss + backward) for each style loss, and the share of
the step spent in the loss, measured in one run with the default layers, two ways:
- alone: the loss's forward and backward timed on their own, on fixed features (what the loss itself costs);
- marginal: the step minus a step that extracts the same features and back-propagates a fixed gradient from them
  with no loss at all (what the loss adds to a real step, memory traffic included).
The three timings of a size are interleaved, round by round, so that drift in the machine's speed hits them alike.

    python bench/losses.py [--sizes 256 512] [--reps 3]
"""
import torch
from timing import timed_together, size_args  # bench/timing.py
from results import report  # bench/results.py
from styletransfer.core import example_image
from styletransfer.features import calc_features, style_layers
from styletransfer.gram import GramStyleLoss
from styletransfer.ot import OTStyleLoss
from styletransfer.w2 import W2StyleLoss


def main(sizes=(256, 512), reps=3):
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, median of {reps} interleaved rounds after a warm-up")
    print(f"{'loss':>6} {'size':>6} {'step s':>8} {'no-loss s':>10} {'loss alone s':>13} {'share alone':>12} {'share marginal':>15}")
    summary = []
    for s in sizes:
        style = example_image('starry_night', size=s)
        x0 = torch.rand(1, 3, s, s)
        with torch.no_grad(): fixed = calc_features(x0, style_layers)
        grads = {l: torch.randn_like(f) for l, f in fixed.items()}
        def no_loss():
            x = x0.clone().requires_grad_()
            feats = calc_features(x, style_layers)
            torch.autograd.backward([feats[l] for l in style_layers], [grads[l] for l in style_layers])
        shares = []
        for name, cls in [('gram', GramStyleLoss), ('ot', OTStyleLoss), ('w2', W2StyleLoss)]:
            loss = cls(style)
            def step():
                x = x0.clone().requires_grad_()
                loss(feats=calc_features(x, style_layers)).backward()
            def loss_only():
                feats = {l: f.detach().requires_grad_() for l, f in fixed.items()}  # no copy: time the loss alone
                loss(feats=feats).backward()
            t_step, t_none, t_loss = timed_together([step, no_loss, loss_only], reps)
            print(f"{name:>6} {s:>5}² {t_step:8.3f} {t_none:10.3f} {t_loss:13.3f} {t_loss/t_step:12.1%} {(t_step-t_none)/t_step:15.1%}")
            shares.append(f"{name} {t_loss/t_step:.1%}, {(t_step-t_none)/t_step:.1%}")
        summary.append(f"{s}², share of a step spent in the loss (alone, marginal): " + '; '.join(shares))
    for line in summary: report(line)

if __name__ == '__main__':
    a = size_args(__doc__)
    main(a.sizes, a.reps)
