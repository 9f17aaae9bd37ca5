#!/usr/bin/python3
"""Summarises bench/classify/run.sh's results.txt as Markdown tables (stdout)."""
import sys


def fields(line):
    parts = line.rstrip("\n").split("\t")
    kv = dict(p.split("=", 1) for p in parts[2:] if "=" in p)
    return parts[0], parts[1], kv


def main(path):
    rows = [fields(l) for l in open(path, encoding="utf-8") if l.startswith("RESULT")]
    header = open(path, encoding="utf-8").readline().strip("# \n")
    print(f"Measured {header}.\n")
    print("| task | data | Lexis accuracy | peer accuracy | Lexis speed | peer speed | ratio |")
    print("|---|---|---|---|---|---|---|")
    by = {}
    runs = {}   # every run of a (tag, who): the fastText rows repeat (LEXIS_CLASSIFY_FT_RUNS)
    for tag, who, kv in rows:
        by.setdefault(tag, {})[who] = kv
        runs.setdefault((tag, who), []).append(kv)
    for data, name in (("mr", "MR fold 1 of 10"), ("trec", "TREC train/test")):
        r = by.get("RESULT_" + data, {})
        lx, pt = r.get("lexis-textcnn"), r.get("textcnn")
        if lx and pt:
            a, b = float(lx["train_ex_per_s"]), float(pt["train_ex_per_s"])
            print(f"| TextCNN CNN-rand vs PyTorch | {name} | {float(lx['acc']):.1%} | {float(pt['acc']):.1%} "
                  f"| {a:,.0f} ex/s | {b:,.0f} ex/s | {a / b:.2f}x |")
        lf, ft = runs.get(("RESULT_" + data, "lexis-fasttext")), runs.get(("RESULT_" + data, "fasttext"))
        if lf and ft:
            def med(kvs, key):
                v = sorted(float(kv[key]) for kv in kvs if key in kv)
                return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2

            def show(kvs, key, fmt):
                return ", ".join(fmt.format(float(kv[key])) for kv in kvs if key in kv)
            a, b = med(lf, "process_wall_s"), med(ft, "process_wall_s")
            n = len(lf)
            print(f"| fastText-style vs `fasttext supervised`, {n} run(s), medians | {name} "
                  f"| {show(lf, 'acc', '{:.1%}')} | {show(ft, 'acc', '{:.1%}')} "
                  f"| {show(lf, 'process_wall_s', '{:.2f}')} s | {show(ft, 'process_wall_s', '{:.2f}')} s "
                  f"| {b / a:.2f}x |")
            if all("cpu_s" in kv for kv in lf + ft):
                c, d = med(lf, "cpu_s"), med(ft, "cpu_s")
                print(f"| same, CPU seconds (user + system) | {name} | | | {show(lf, 'cpu_s', '{:.2f}')} s "
                      f"| {show(ft, 'cpu_s', '{:.2f}')} s | {d / c:.2f}x |")
            if all("train_test_wall_s" in kv for kv in ft):
                c = med(ft, "train_test_wall_s")
                print(f"| same, fastText `supervised` + `test` (Lexis's command also tests) | {name} | | "
                      f"| | {show(ft, 'train_test_wall_s', '{:.2f}')} s | {c / a:.2f}x |")
            lt = runs.get(("RESULT_" + data, "lexis-fasttext-train"))
            if lt:
                c = med(lt, "process_wall_s")
                print(f"| training only: `lexis classify train` without `--test` vs `fasttext supervised` | {name} "
                      f"| | | {show(lt, 'process_wall_s', '{:.2f}')} s | {show(ft, 'process_wall_s', '{:.2f}')} s "
                      f"| {b / c:.2f}x |")
    for data in ("mr", "trec"):
        lx = by.get("RESULT_" + data, {}).get("lexis-textcnn")
        if lx and "predict_median_ms" in lx:
            print(f"\nTextCNN single-sentence predict ({data}): median {float(lx['predict_median_ms']):.3f} ms")
    cv = by.get("RESULT_mrcv", {}).get("lexis-textcnn")
    if cv:
        print(f"\nMR {cv['folds']}-fold CV, Lexis CNN-rand: {float(cv['acc']):.1%} ± {float(cv['acc_std']):.1%} "
              f"(Kim 2014: 76.1 %)")
    for analyzer in ("kim", "kim-cased"):
        ts = by.get("RESULT_trecseeds_" + analyzer, {}).get("lexis-textcnn")
        if ts:
            print(f"\nTREC CNN-rand, analyzer {analyzer}, {ts['runs']} seeds ({ts.get('seeds', '')}): "
                  f"{float(ts['acc']):.1%} ± {float(ts['acc_std']):.1%} (Kim 2014: 91.2 %)")
    modes = [(m, by.get("RESULT_mode_" + m, {}).get("lexis-textcnn")) for m in
             ("rand", "static", "static-tuned", "non-static", "multichannel")]
    if any(kv for _, kv in modes):
        print("\n| TextCNN mode (MR fold 1) | accuracy |\n|---|---|")
        for m, kv in modes:
            if kv:
                spread = f" ± {float(kv['acc_std']):.1%} ({kv['runs']} seeds: {kv['seeds']})" if "seeds" in kv else ""
                print(f"| {m} | {float(kv['acc']):.1%}{spread} |")
    paired(path)


def paired(path):
    """The variants over several folds (LEXIS_CLASSIFY_FOLDS): each run's accuracy, and the difference from rand
    on the same fold and seed."""
    acc = {}   # variant -> {(fold, seed): accuracy}
    for line in open(path, encoding="utf-8"):
        if not line.startswith("FOLD_mode_"):
            continue
        parts = line.rstrip("\n").split("\t")
        tag = parts[0][len("FOLD_mode_"):]
        variant, _, fold = tag.rpartition("_f") if "_f" in tag else (tag, "", "1")
        seed = next((p.split(" ", 1)[1] for p in parts if p.startswith("seed ")), "-")
        value = next(float(p.split(" ", 1)[1]) for p in parts if p.startswith("test_acc "))
        acc.setdefault(variant, {})[(fold, seed)] = value
    rand = acc.get("rand", {})
    if len({f for runs in acc.values() for f, _ in runs}) < 2 or not rand:
        return
    print("\n| TextCNN mode, MR folds x seeds | runs | mean accuracy | vs rand, paired | runs above rand |")
    print("|---|---|---|---|---|")
    for variant, runs in acc.items():
        mean = sum(runs.values()) / len(runs)
        pairs = [runs[k] - rand[k] for k in runs if k in rand]
        if variant == "rand" or not pairs:
            print(f"| {variant} | {len(runs)} | {mean:.1%} | | |")
            continue
        above = sum(1 for d in pairs if d > 0)
        print(f"| {variant} | {len(runs)} | {mean:.1%} | {100 * sum(pairs) / len(pairs):+.2f} points "
              f"| {above} of {len(pairs)} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/lexis-bench/classify/results.txt")
