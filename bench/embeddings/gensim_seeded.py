#!/usr/bin/python3
"""Runs ../shared/peers/gensim_w2v.py unchanged except for gensim's seed (the peer script fixes seed=1).

Usage: gensim_seeded.py SEED PEER_SCRIPT CORPUS OUT_VEC MODE {cf|iter} [THREADS]
The seed sets gensim's initial vectors and its random stream (negatives, windows, subsampling); every other
setting is the peer script's. Used by run.sh with SEEDS="1 2 3" to compare seeds' spread, not one lucky seed.
"""
import runpy
import sys

from gensim.models import Word2Vec


def seed_gensim(seed):
    """Makes every Word2Vec built from now on use this seed, whatever the caller passes."""
    init = Word2Vec.__init__

    def seeded_init(self, *args, **kwargs):
        kwargs["seed"] = seed
        init(self, *args, **kwargs)

    Word2Vec.__init__ = seeded_init


def run_peer(peer, args):
    """Runs the peer script as its own __main__ with these arguments."""
    sys.argv = [peer] + args
    runpy.run_path(peer, run_name="__main__")


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    seed_gensim(int(argv[1]))
    run_peer(argv[2], argv[3:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
