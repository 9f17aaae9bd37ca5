#!/usr/bin/python3
"""GEMM speed of PyTorch on the CPU at Lexis's model shapes: C (m x n) = A (m x k) . B (k x n), float32.

Run with OMP_WAIT_POLICY=PASSIVE (set by run.sh); uses torch.set_num_threads(2) like Lexis's 2 GEMM threads.
Per shape: warm-up, then 7 measurement rounds of ~1 s each (as the JMH side); prints one line per shape:
  RESULT torch_gemm shape=MxKxN us_per_op=... gflops=...   (median round)
"""
import argparse
import statistics
import time

import torch


def measure(m, k, n, rounds, seconds):
    gen = torch.Generator().manual_seed(1)
    a = torch.randn(m, k, generator=gen)
    b = torch.randn(k, n, generator=gen)
    c = torch.empty(m, n)
    for _ in range(20):
        torch.mm(a, b, out=c)
    # calibrate the number of calls per round to ~seconds
    calls = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(calls):
            torch.mm(a, b, out=c)
        dt = time.perf_counter() - t0
        if dt > 0.1:
            break
        calls *= 2
    calls = max(1, int(calls * seconds / dt))
    for _ in range(4):  # warm-up rounds, like JMH's
        for _ in range(calls):
            torch.mm(a, b, out=c)
    per_op = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(calls):
            torch.mm(a, b, out=c)
        per_op.append((time.perf_counter() - t0) / calls)
    return statistics.median(per_op)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--shapes", default="50x300x300,32x200x800,64x100x10000")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    for shape in args.shapes.split(","):
        m, k, n = (int(x) for x in shape.split("x"))
        t = measure(m, k, n, args.rounds, args.seconds)
        print(f"RESULT torch_gemm shape={shape} us_per_op={t * 1e6:.2f} gflops={2 * m * n * k / t / 1e9:.2f}",
              flush=True)


if __name__ == "__main__":
    main()
