#!/usr/bin/python3
"""The MR bag-of-words MLP of bench/nn (counts -> 64 ReLU -> 2, softmax cross-entropy, Adagrad lr 0.05,
batch 50) in PyTorch on the CPU, trained on exactly the ids Lexis used (MrMlpBench --export writes them).

  mlp_torch.py DATA [--mode dense|bag] [--epochs 8] [--threads 2]

dense: nn.Linear(vocab, 64) on the (batch, vocab) count matrix (built per batch, as Lexis's dense mode);
bag:   nn.EmbeddingBag(vocab, 64, mode="sum", sparse=True) plus a bias (the sparse form, as Lexis's sparse
       mode; Adagrad takes the sparse gradient).
Prints one line per epoch and RESULT torch_mlp mode=... examples_per_s=... (median over the epochs after
the first; training loop only) acc=... (test accuracy after the last epoch).
"""
import argparse
import random
import statistics
import sys
import time

import torch
from torch import nn


def read(path):
    train, test = [], []
    with open(path) as f:
        vocab = int(f.readline().split()[1])
        for line in f:
            parts = line.split()
            example = ([int(x) for x in parts[2:]], int(parts[1]))
            (train if parts[0] == "train" else test).append(example)
    return vocab, train, test


class DenseMlp(nn.Module):
    def __init__(self, vocab, hidden):
        super().__init__()
        self.vocab = vocab
        self.hidden = nn.Linear(vocab, hidden)
        self.out = nn.Linear(hidden, 2)

    def forward(self, batch):
        counts = torch.zeros(len(batch), self.vocab)
        rows = torch.tensor([r for r, (ids, _) in enumerate(batch) for _ in ids], dtype=torch.long)
        cols = torch.tensor([i for ids, _ in batch for i in ids], dtype=torch.long)
        counts.index_put_((rows, cols), torch.ones(len(cols)), accumulate=True)
        return self.out(torch.relu(self.hidden(counts)))


class BagMlp(nn.Module):
    def __init__(self, vocab, hidden):
        super().__init__()
        self.bag = nn.EmbeddingBag(vocab, hidden, mode="sum", sparse=True)
        self.bias = nn.Parameter(torch.zeros(hidden))
        self.out = nn.Linear(hidden, 2)

    def forward(self, batch):
        ids = torch.tensor([i for ids, _ in batch for i in ids], dtype=torch.long)
        offsets = torch.tensor([0] + [len(ids) for ids, _ in batch[:-1]], dtype=torch.long).cumsum(0)
        return self.out(torch.relu(self.bag(ids, offsets) + self.bias))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--mode", default="dense", choices=["dense", "bag"])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--lr", type=float, default=0.05)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(7)
    vocab, train, test = read(args.data)
    model = DenseMlp(vocab, args.hidden) if args.mode == "dense" else BagMlp(vocab, args.hidden)
    # initialised as Lexis's Dense layers: He uniform before the ReLU, Xavier uniform after, zero biases
    with torch.no_grad():
        first = model.hidden.weight if args.mode == "dense" else model.bag.weight
        bound = (6.0 / vocab) ** 0.5
        first.uniform_(-bound, bound)
        nn.init.xavier_uniform_(model.out.weight)
        nn.init.zeros_(model.out.bias)
        nn.init.zeros_(model.hidden.bias if args.mode == "dense" else model.bias)
    optimizer = torch.optim.Adagrad(model.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()
    rng = random.Random(42)
    speeds = []
    for epoch in range(1, args.epochs + 1):
        order = list(range(len(train)))
        rng.shuffle(order)
        model.train()
        t0 = time.perf_counter()
        total = 0.0
        for start in range(0, len(order), args.batch):
            batch = [train[i] for i in order[start:start + args.batch]]
            labels = torch.tensor([label for _, label in batch], dtype=torch.long)
            optimizer.zero_grad()
            loss = loss_fn(model(batch), labels)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        seconds = time.perf_counter() - t0
        speeds.append(len(train) / seconds)
        print(f"{args.mode} epoch {epoch}/{args.epochs} train loss {total / len(train):.4f} "
              f"{len(train) / seconds:,.0f} examples/s", file=sys.stderr, flush=True)
    model.eval()
    with torch.no_grad():
        right = 0
        for start in range(0, len(test), 200):
            batch = test[start:start + 200]
            predicted = model(batch).argmax(1)
            right += sum(int(p) == label for p, (_, label) in zip(predicted.tolist(), batch))
    median = statistics.median(speeds[1:] if len(speeds) > 1 else speeds)
    print(f"RESULT torch_mlp mode={args.mode} threads={args.threads} vocab={vocab} epochs={args.epochs} "
          f"examples_per_s={median:.0f} acc={right / len(test):.4f} "
          f"per_epoch={[round(s) for s in speeds]}", flush=True)


if __name__ == "__main__":
    main()
