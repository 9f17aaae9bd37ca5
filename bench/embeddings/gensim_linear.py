#!/usr/bin/python3
"""Runs ../shared/peers/gensim_w2v.py with gensim's learning rate falling linearly per worker (a probe).

Usage: gensim_linear.py SEED PEER_SCRIPT CORPUS OUT_VEC MODE cf THREADS
In corpus_file mode, gensim 4.2 computes each worker's rate from that worker's sentences divided by the sentences
of the WHOLE corpus, so with W workers every epoch decays only 1/W of its share and training ends at about
alpha / (W * epochs) (a sawtooth). Here each worker's progress is counted against its own share
(total_examples / W), so the rate falls linearly from alpha to min_alpha as in the C tool and Lexis. Everything
else is the peer script's (the seed as in gensim_seeded.py).
"""
import sys

from gensim.models import Word2Vec

from gensim_seeded import run_peer, seed_gensim


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    seed_gensim(int(argv[1]))
    epoch = Word2Vec._train_epoch_corpusfile

    def per_worker(self, corpus_file, cur_epoch=0, total_examples=None, total_words=None, **kwargs):
        return epoch(self, corpus_file, cur_epoch=cur_epoch, total_examples=max(1, total_examples // self.workers),
                     total_words=total_words, **kwargs)

    Word2Vec._train_epoch_corpusfile = per_worker
    run_peer(argv[2], argv[3:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
