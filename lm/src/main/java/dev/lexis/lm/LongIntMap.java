package dev.lexis.lm;

import java.util.Arrays;

/** An open-addressing hash map from non-negative {@code long} keys to {@code int} values (linear probing). */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, -1L);
        values = new int[capacity];
        mask = capacity - 1;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int) h & mask;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == -1L) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** The value of {@code key}; if absent, stores {@code valueIfAbsent} and returns -1 - that value. */
    int getOrPut(long key, int valueIfAbsent) {
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == -1L) {
                keys[i] = key;
                values[i] = valueIfAbsent;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return -1 - valueIfAbsent;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != -1L) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != -1L) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    static long key(int node, int word) {
        return ((long) node << 32) | (word & 0xFFFFFFFFL);
    }
}
