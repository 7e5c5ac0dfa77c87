"""Overhead of the fastai Learner loop over a bare PyTorch loop doing the same work (same loss, Adam, clamping,
moving average, loss terms read each step), measured in one run, per step, at one size, with the Gram loss
(whose cost varies least from step to step, so that the loop's overhead is not lost in the loss's noise).

    python bench/loop.py [--size 128] [--steps 40]
"""
import argparse, contextlib, io, math, time
import torch
from fastai.optimizer import Adam
from styletransfer.core import example_image
from styletransfer.features import ContentLoss
from styletransfer.gram import GramStyleLoss
from styletransfer.transfer import TransferLoss, transfer_learner, optimize
from results import report  # bench/results.py

def bare(loss, init, steps, lr=0.02):
    x = init.detach().clone()[None].requires_grad_()
    opt, avg = torch.optim.Adam([x], lr=lr), x.detach().clone()
    for i in range(steps):
        for g in opt.param_groups: g['lr'] = lr if i < steps // 2 else lr * (1 + math.cos(math.pi * (i - steps//2) / (steps - steps//2))) / 2
        l = loss(x); opt.zero_grad(); l.backward(); opt.step()
        with torch.no_grad(): x.clamp_(0, 1); avg.lerp_(x, 0.1)
        {k: v.item() for k, v in loss.terms.items()}
    return avg[0]

def main(size=128, steps=40, reps=5):
    content, style = example_image('aitzgorri', size=size), example_image('starry_night', size=size)
    loss = TransferLoss(GramStyleLoss(style), ContentLoss(content), style_weight=10)  # the loop's cost, not a loss's, is measured
    bare(loss, content, 3)  # warm up
    t_bare, t_fastai = [], []
    for _ in range(reps):  # interleaved, so that drift in the machine's speed hits both alike
        t = time.perf_counter(); bare(loss, content, steps); t_bare.append((time.perf_counter() - t) / steps)
        learn = transfer_learner(loss, content, steps)
        with contextlib.redirect_stdout(io.StringIO()):  # the progress bar stays on, as users get it
            t = time.perf_counter(); optimize(learn); t_fastai.append((time.perf_counter() - t) / steps)
    ratios = sorted(f/b for b, f in zip(t_bare, t_fastai))
    b, f = sorted(t_bare)[reps//2], sorted(t_fastai)[reps//2]
    report(f"the Learner's overhead over a bare loop: median {ratios[reps//2]-1:+.1%}, per pair {', '.join(f'{r-1:+.1%}' for r in ratios)}")
    report(f"{size}² image, {steps} steps, {reps} interleaved pairs: bare loop {b*1000:.1f} ms/step, fastai Learner {f*1000:.1f} ms/step (medians)")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--size', type=int, default=128)
    p.add_argument('--steps', type=int, default=40)
    a = p.parse_args()
    main(a.size, a.steps)
